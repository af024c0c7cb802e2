"""Turning one row into a deal: ``RowConverter`` makes a DealDraft of each row and validates it
with ``validation.validate_draft``, the same rules as the deal form (DESIGN.md §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from salesdesk.domain.deals import Deal, Outcome, StageEvent, title_from
from salesdesk.domain.fields import DEAL_FIELDS, FIELDS, FieldKind
from salesdesk.domain.importing.mapping import (
    CUSTOMER_TYPE_SYNONYMS,
    DATE_FIELDS,
    FALSE_VALUES,
    FLAG_FIELDS,
    SKIP,
    TRUE_VALUES,
    ColumnMapping,
    normalise_value,
)
from salesdesk.domain.importing.reading import ReadRules, parse_import_date, strip_currency
from salesdesk.domain.parsing import ParseError
from salesdesk.domain.validation import FIELD_LABELS, DealDraft, InputRules, validate_draft


@dataclass(frozen=True, slots=True)
class Converted:
    """A row that became a deal, with the stage history the file gives (may be empty)."""

    deal: Deal
    history: tuple[StageEvent, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row left out on purpose (a deleted Pipedrive deal, a blank line)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that cannot become a valid deal: (column or field, message) pairs."""

    problems: tuple[tuple[str, str], ...]

    def reason(self) -> str:
        """All problems in one line."""
        return "; ".join(f"{column}: {message}" if column else message
                         for column, message in self.problems)


RowResult = Converted | Skipped | Rejected


_DATE_MEMO = 100_000
_BLANK_DRAFT = dict.fromkeys(FIELD_LABELS, "")
# Read from a file but not shown on the form: passed to validation on the base deal.
_KEPT = tuple(f.name for f in DEAL_FIELDS
              if f.imported and not f.form and f.kind is not FieldKind.FLAG)


class RowConverter:
    """Converts rows (lists of cell texts in header order) into deals.

    Built once per import: every column index and reading rule is looked up here, so each
    row costs only its own values.
    """

    def __init__(self, headers: Sequence[str], mapping: ColumnMapping, rules: ReadRules,
                 input_rules: InputRules) -> None:
        self.headers = list(headers)
        self.mapping = mapping
        self.rules = rules
        # Amounts are read with the column's separators; dates are handed over as ISO.
        self.input_rules = replace(input_rules, number_format=rules.number_format,
                                   date_formats=())
        index = {h: i for i, h in reversed(list(enumerate(self.headers)))}
        missing = sorted(h for h in mapping.used_headers() if h not in index)
        if missing:
            raise ValueError("The file has no column " + ", ".join(map(repr, missing)) + ".")
        self._columns = {f: index[h] for f, h in mapping.columns.items()}
        self._reads = [(f, index[h], tuple(index[o] for o in mapping.fallbacks.get(f, ())))
                       for f, h in mapping.columns.items()]
        # Dates repeat (a few thousand days across a million rows): each text is read once.
        self._dates: dict[tuple[str, str], dt.date | None] = {}
        self._created = index[mapping.created_column] if (
            mapping.created_column and "first_contact" not in mapping.columns) else None
        self._stage_dates = [(index[h], h, stage) for h, stage in mapping.stage_dates]
        self._split_close = (mapping.columns.get("closed_on") is not None
                             and mapping.columns.get("closed_on")
                             == mapping.columns.get("expected_close"))
        self._outcomes = dict(mapping.outcome_values)
        self._typed = [name for name in FIELD_LABELS if name in mapping.columns]

    def _read(self, cells: Sequence[str]) -> tuple[dict[str, str], Mapping[str, str]]:
        """Each mapped field's value, and the header each value comes from: the mapped
        column, or the first of its fallback columns that is not blank."""
        count = len(cells)
        values: dict[str, str] = {}
        sources: Mapping[str, str] = self.mapping.columns
        for name, position, fallbacks in self._reads:
            text = cells[position].strip() if position < count else ""
            if not text:
                for other in fallbacks:
                    if other < count and cells[other].strip():
                        text = cells[other].strip()
                        sources = {**sources, name: self.headers[other]}
                        break
            values[name] = text
        return values, sources

    def column_of(self, field_name: str) -> str:
        """The header a field is read from, for messages."""
        return self.mapping.columns.get(field_name) or FIELDS[field_name].label

    def _date(self, header: str, text: str) -> dt.date | None:
        key = (header, text)
        try:
            return self._dates[key]
        except KeyError:
            pass
        day = parse_import_date(text, self.rules.date_orders.get(header), self.rules.date_format)
        if len(self._dates) >= _DATE_MEMO:  # texts with times can all differ: bound the memo
            self._dates.clear()
        self._dates[key] = day
        return day

    def convert(self, cells: Sequence[str]) -> RowResult:
        """The deal a row describes, why it is skipped, or why it is rejected. Never raises."""
        if not "".join(cells).strip():
            return Skipped("blank row")
        if len(cells) > len(self.headers) and any(c.strip() for c in cells[len(self.headers):]):
            return Rejected((("", f"The row has {len(cells)} cells but the header only"
                                  f" {len(self.headers)}: a delimiter or quote is misplaced."),))
        problems: list[tuple[str, str]] = []
        value, sources = self._read(cells)

        outcome = Outcome.OPEN.value
        named = self._outcomes.get(normalise_value(value.get("outcome", "")))
        if named == SKIP:
            return Skipped(f"{value['outcome'].strip()} in {self.column_of('outcome')}")
        if named in (Outcome.WON.value, Outcome.LOST.value):
            outcome = named
        stage = value.get("stage", "")
        stage_outcome = self._outcomes.get(normalise_value(stage))
        if stage_outcome is not None:
            stage = ""  # won and lost are outcomes, not stages
            if stage_outcome == SKIP:
                return Skipped(f"{value['stage'].strip()} in {self.column_of('stage')}")
            if outcome == Outcome.OPEN.value and stage_outcome != Outcome.OPEN.value:
                outcome = stage_outcome

        dates: dict[str, dt.date | None] = {}
        date_columns: dict[str, str] = {}
        for name in DATE_FIELDS:
            header, text = sources.get(name, ""), value.get(name, "")
            date_columns[name] = header or self.column_of(name)
            try:
                dates[name] = self._date(header, text)
            except ParseError as exc:
                problems.append((date_columns[name], str(exc)))
                dates[name] = None
        inferred = False
        if dates["first_contact"] is None and self._created is not None and (
                "first_contact" not in self._columns):
            created = cells[self._created] if self._created < len(cells) else ""
            try:
                dates["first_contact"] = self._date(self.headers[self._created], created)
                inferred = dates["first_contact"] is not None
            except ParseError as exc:
                problems.append((self.headers[self._created], str(exc)))
        if self._split_close:
            if outcome == Outcome.OPEN.value:
                dates["closed_on"] = None
            else:
                dates["expected_close"] = None

        history: list[StageEvent] = []
        for position, header, stage_name in self._stage_dates:
            text = cells[position] if position < len(cells) else ""
            try:
                entered = self._date(header, text)
            except ParseError as exc:
                problems.append((header, str(exc)))
                continue
            if entered is not None and self._outcomes.get(normalise_value(stage_name)) is None:
                history.append(StageEvent(stage_name, entered))
        history.sort(key=lambda e: e.entered_on)
        if not stage and history:
            stage = history[-1].stage

        customer_type = value.get("customer_type", "")
        if customer_type:
            customer_type = CUSTOMER_TYPE_SYNONYMS.get(normalise_value(customer_type),
                                                       customer_type)
        flags: dict[str, bool] = {}
        for name in FLAG_FIELDS:
            if name in self._columns:
                text = normalise_value(value[name])
                if text in TRUE_VALUES or text in FALSE_VALUES:
                    flags[name] = text in TRUE_VALUES
                else:
                    problems.append((self.column_of(name), "Write yes or no."))

        title = value.get("title", "")
        if not title:  # no title column, or a blank title: DESIGN.md §3 makes one
            title = title_from(value.get("client") or None, value.get("product") or None)
        # The form's fields as the file writes them (blank when no column feeds them), but for
        # those read above.
        typed = _BLANK_DRAFT.copy()
        for name in self._typed:
            typed[name] = value[name]
        typed.update(title=title, customer_type=customer_type, stage=stage, outcome=outcome,
                     amount=strip_currency(typed["amount"]))
        for name in DATE_FIELDS:
            typed[name] = _iso(dates[name])
        draft = DealDraft(**typed)
        inferred = inferred or flags.get("first_contact_inferred", False)
        # The base carries what the form never shows (the external id): validation keeps it.
        kept: dict[str, Any] = {name: value[name] for name in _KEPT if value.get(name)}
        base = Deal(title, first_contact=dates["first_contact"], first_contact_inferred=inferred,
                    **kept) if kept or inferred else None
        result = validate_draft(draft, self.input_rules, base)
        unreadable = {column for column, _ in problems}
        for name, message in result.errors.items():
            column = date_columns.get(name) or self.column_of(name)
            if name == "first_contact" and inferred and self.mapping.created_column:
                column = self.mapping.created_column
            if name in DATE_FIELDS and column in unreadable:
                continue  # already reported as unreadable
            problems.append((column, message))
        if problems or result.deal is None:
            return Rejected(tuple(problems))
        deal = result.deal
        if "customer_type_set" in flags and not flags["customer_type_set"]:
            deal = replace(deal, customer_type_set=False)
        return Converted(deal, tuple(history))


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""

