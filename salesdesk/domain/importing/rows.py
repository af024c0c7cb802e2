"""Turning one row into a deal: ``RowConverter`` reads each mapped cell with the validation
helpers the deal form uses (``validation.read_*``) and checks the deal with the same rules
across fields (``validation.checked_deal``, DESIGN.md §3), except that a won or lost deal may
lack its dates: it is imported with a warning, and counts in conversion, not in deal length.

Built once per import, the converter looks up every column index and reading rule up front,
so that each row costs only its own values (an import converts a million rows).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from salesdesk.domain.deals import CustomerType, Deal, Outcome, StageEvent, title_from
from salesdesk.domain.fields import DEAL_FIELDS, FIELDS, FieldKind
from salesdesk.domain.importing.mapping import (
    DATE_FIELDS,
    FALSE_VALUES,
    FLAG_FIELDS,
    NULL_VALUES,
    SKIP,
    TRUE_VALUES,
    ColumnMapping,
    normalise_value,
)
from salesdesk.domain.importing.notes import Note
from salesdesk.domain.importing.reading import (
    DateOrder,
    ReadRules,
    has_day_month_order,
    parse_import_date,
    split_amount,
)
from salesdesk.domain.parsing import ParseError
from salesdesk.domain.validation import (
    FIELD_LABELS,
    InputRules,
    checked_deal,
    read_amount,
    read_currency,
    read_name,
    read_text,
    read_title,
)
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a cell (or a row, without a column) cannot be imported; ``value`` is the cell's
    text when the message is about it. Problems of one kind share column and message, so a
    summary can group them."""

    column: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        where = f"{self.column} {self.value!r}" if self.value else self.column
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True, slots=True)
class Converted:
    """A row that became a deal, with the stage history the file gives (may be empty) and
    warnings about it (a decided deal without its dates)."""

    deal: Deal
    history: tuple[StageEvent, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row left out on purpose (a deleted Pipedrive deal, a blank line)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that cannot become a valid deal, and why."""

    problems: tuple[Problem, ...]

    def reason(self) -> str:
        """All problems in one line."""
        return "; ".join(map(str, self.problems))


RowResult = Converted | Skipped | Rejected
DateOrderOf = Callable[[str], DateOrder]
"""Reads a date column's values again and gives its day/month order (see RowConverter)."""

_MEMO = 100_000  # distinct texts remembered per kind (dates, outcomes, names)
_LOOKUPS = tuple(f.name for f in DEAL_FIELDS if f.imported and f.kind is FieldKind.LOOKUP)
_TEXTS = tuple(f.name for f in DEAL_FIELDS if f.form and f.kind is FieldKind.TEXT)
# Read from a file but not shown on the form: the external id.
_KEPT = tuple(f.name for f in DEAL_FIELDS
              if f.imported and not f.form and f.kind is FieldKind.TEXT)
_NOT_AN_AMOUNT = QT_TRANSLATE_NOOP(
    "ImportRows", "Not an amount: write a number, with its currency's symbol or code if you"
    " like (1234.50, € 1.234,50, 1234 USD).")
# The fields whose cell a rejection quotes (short values that could not be read).
_SHOWN = frozenset({"amount", "currency", "customer_type", "outcome"})
_WON, _LOST, _OPEN = Outcome.WON.value, Outcome.LOST.value, Outcome.OPEN.value
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}  # faster than calling Outcome
_STAGE_LABEL = FIELD_LABELS["stage"]


class RowConverter:
    """Converts rows (lists of cell texts in header order) into deals.

    ``date_order_of`` is asked for a date column's order when a value that depends on it
    (31.03.2026) turns up in a column whose order was assumed because its first values were
    all ISO dates (the file is not read twice to its end for that): the store reads that
    column again. ``notes`` then says so; ``currencies_from_amounts`` counts the rows whose
    currency came from a symbol or code in the amount, ``lost_by_reason`` the rows taken as
    lost because they had a lost reason and no outcome.
    """

    def __init__(self, headers: Sequence[str], mapping: ColumnMapping, rules: ReadRules,
                 input_rules: InputRules, date_order_of: DateOrderOf | None = None) -> None:
        self.headers = list(headers)
        self.mapping = mapping
        self.rules = rules
        self.input_rules = input_rules
        index = {h: i for i, h in reversed(list(enumerate(self.headers)))}
        missing = sorted(h for h in mapping.used_headers() if h not in index)
        if missing:
            raise ValueError(translate("ImportRows", "The file has no column {columns}.").format(
                columns=", ".join(map(repr, missing))))
        self.width = len(self.headers)
        self._fields = list(mapping.columns)
        positions = [index[h] for h in mapping.columns.values()]
        self.positions = dict(zip(self._fields, positions, strict=True))
        """Each mapped field's column (the first of that name)."""
        self._positions = positions
        self._reach = max(positions, default=-1) + 1
        self._cells: Callable[[Sequence[str]], Sequence[str]] = (
            itemgetter(*positions) if len(positions) > 1
            else lambda cells: tuple(cells[p] for p in positions))
        self._fallback_reads = [(f, tuple(index[o] for o in mapping.fallbacks[f]))
                                for f in mapping.columns if mapping.fallbacks.get(f)]
        # The stage is read with the outcome (a stage that names an outcome is none).
        self._lookups = [name for name in _LOOKUPS if name in mapping.columns and name != "stage"]
        self._texts = [name for name in _TEXTS if name in mapping.columns]
        self._kept = [name for name in _KEPT if name in mapping.columns]
        self._flags = [name for name in FLAG_FIELDS if name in mapping.columns]
        # Dates repeat (a few thousand days across a million rows): each text is read once.
        self._dates: dict[tuple[str, str], dt.date | None] = {}
        self._orders = dict(rules.date_orders)
        self._assumed = set(rules.assumed_orders)
        self._date_order_of = date_order_of
        self.created_position = index[mapping.created_column] if (
            mapping.created_column and "first_contact" not in mapping.columns) else None
        """The created-date column read as the first contact (no first-contact column)."""
        self.won_position = index[mapping.won_column] if mapping.won_column else None
        self.closed_position = index[mapping.closed_column] if mapping.closed_column else None
        """Salesforce's yes/no Won and Closed columns (see ColumnMapping)."""
        self._stage_dates = [(index[h], h, stage) for h, stage in mapping.stage_dates]
        close = mapping.columns.get("closed_on")
        self.split_close = close is not None and close == mapping.columns.get("expected_close")
        self._outcomes = dict(mapping.outcome_values)
        # Cell texts -> what they mean, for the values that repeat on every row: the outcome
        # and stage cells (outcome and stage, or why the row is skipped), lookup names
        # (tidied; only ones that fit).
        self._outcome_memo: dict[tuple[str, str], tuple[str, str] | Skipped] = {}
        self._name_memo: dict[str, str] = {}
        self._date_headers = [(name, mapping.columns.get(name, "")) for name in DATE_FIELDS]
        self._customer_types = dict(mapping.customer_type_values)
        self.notes: list[Note] = []
        self.currencies_from_amounts: Counter[str] = Counter()
        self.lost_by_reason = 0

    def column_of(self, field_name: str) -> str:
        """The header a field is read from, for messages (the field's caption when no
        column feeds it)."""
        return self.mapping.columns.get(field_name) or FIELDS[field_name].caption

    def _read(self, cells: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
        """Each mapped field's value (a database's NULL read as blank), and the header of
        the values that came from a fallback column (the first of them that is not blank)."""
        count = len(cells)
        if count >= self._reach:
            texts = list(map(str.strip, self._cells(cells)))
        else:  # a short row: its missing cells are blank
            texts = [cells[p].strip() if p < count else "" for p in self._positions]
        if not NULL_VALUES.isdisjoint(texts):
            texts = ["" if text in NULL_VALUES else text for text in texts]
        values = dict(zip(self._fields, texts, strict=True))
        sources: dict[str, str] = {}
        for name, fallbacks in self._fallback_reads:
            if values[name]:
                continue
            for other in fallbacks:
                text = cells[other].strip() if other < count else ""
                if text and text not in NULL_VALUES:
                    values[name] = text
                    sources[name] = self.headers[other]
                    break
        return values, sources

    def read_date(self, header: str, text: str) -> dt.date | None:
        """A date cell of column ``header`` (its order re-inferred when the value needs it);
        raises ParseError."""
        key = (header, text)
        try:
            return self._dates[key]
        except KeyError:
            pass
        if text in NULL_VALUES:
            return None
        if header in self._assumed and has_day_month_order(text):
            self._reinfer(header, text)
        day = parse_import_date(text, self._orders.get(header), self.rules.date_format)
        if len(self._dates) >= _MEMO:  # texts with times can all differ: bound the memo
            self._dates.clear()
        self._dates[key] = day
        return day

    def _reinfer(self, header: str, text: str) -> None:
        """A value that needs the day/month order in a column whose order was assumed."""
        self._assumed.discard(header)
        if self._date_order_of is None or self.rules.date_format:
            return
        before = self._orders.get(header, DateOrder.DMY)
        order = self._date_order_of(header)
        self._orders[header] = order
        if order is not before:
            note = translate(
                "ImportRows", "Dates in {column} were all ISO at first, then {value}: the column"
                " was read again for its order, {order} (not {before}).")
        else:
            note = translate(
                "ImportRows", "Dates in {column} were all ISO at first, then {value}: the column"
                " was read again for its order, {order}.")
        self.notes.append(Note(note.format(column=repr(header), value=repr(text),
                                           order=order.value, before=before.value)))

    def _names(self, values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
        """The lookup names of a row, tidied (None when blank)."""
        memo = self._name_memo
        names: dict[str, Any] = {}
        for name in self._lookups:
            text = values[name]
            tidy = memo.get(text) if text else None
            if tidy is None and text:
                tidy = read_name(text, FIELD_LABELS[name], errors, name)
                if name not in errors and len(memo) < _MEMO:
                    memo[text] = tidy or ""
            names[name] = tidy or None
        return names

    def _outcome(self, values: dict[str, str], cells: Sequence[str]
                 ) -> tuple[str, str] | Skipped:
        """The row's outcome ("won", "lost" or "open") and its stage (blank when the stage
        column names an outcome), or why it is skipped."""
        read = self.read_outcome(values.get("outcome", ""), values.get("stage", ""))
        if (self.won_position is not None or self.closed_position is not None) and (
                not isinstance(read, Skipped) and read[0] == _OPEN):
            return self._flag_outcome(cells, _OPEN), read[1]
        return read

    def read_outcome(self, stated: str, stage: str) -> tuple[str, str] | Skipped:
        """The outcome and stage the (stripped) outcome and stage cells say, before the won
        and closed flags, or why the row is skipped."""
        key = (stated, stage)
        read = self._outcome_memo.get(key)
        if read is None:
            read = self._stated_outcome(stated, stage)
            if len(self._outcome_memo) < _MEMO:
                self._outcome_memo[key] = read
        return read

    def _stated_outcome(self, stated: str, stage: str) -> tuple[str, str] | Skipped:
        """What the outcome and stage cells say, before the won and closed flags."""
        outcome = _OPEN
        named = self._outcomes.get(normalise_value(stated)) if stated else None
        if named == SKIP:
            return Skipped(translate("ImportRows", "{value} in {column}").format(
                value=stated, column=self.column_of("outcome")))
        if named in (_WON, _LOST):
            outcome = named
        stage_outcome = self._outcomes.get(normalise_value(stage)) if stage else None
        if stage_outcome is not None:
            if stage_outcome == SKIP:
                return Skipped(translate("ImportRows", "{value} in {column}").format(
                    value=stage, column=self.column_of("stage")))
            stage = ""  # won and lost are outcomes, not stages
            if outcome == _OPEN and stage_outcome != _OPEN:
                outcome = stage_outcome
        return outcome, stage

    def _flag_outcome(self, cells: Sequence[str], outcome: str) -> str:
        def yes(position: int | None) -> bool:
            return (position is not None and position < len(cells)
                    and normalise_value(cells[position]) in TRUE_VALUES)

        if yes(self.won_position):
            return _WON
        return _LOST if yes(self.closed_position) else outcome

    def convert(self, cells: Sequence[str]) -> RowResult:
        """The deal a row describes, why it is skipped, or why it is rejected. Never raises."""
        joined = "".join(cells)
        if not joined.strip():
            return Skipped(translate("ImportRows", "blank row"))
        if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
            return Rejected((Problem("", translate(
                "ImportRows", "The row has {cells} cells but the header only {width}: a"
                " delimiter or quote is misplaced.").format(cells=len(cells),
                                                            width=self.width)),))
        if not joined.isascii():  # ASCII text always encodes: the common case, no copy made
            try:
                joined.encode("utf-8")
            except UnicodeEncodeError:
                return Rejected((Problem("", translate(
                    "ImportRows", "Contains characters that cannot be stored.")),))
        values, sources = self._read(cells)
        read = self._outcome(values, cells)
        if isinstance(read, Skipped):
            return read
        outcome, stage = read
        problems: list[Problem] = []
        errors: dict[str, str] = {}

        dates: dict[str, dt.date | None] = {}
        for name, header in self._date_headers:
            text = values.get(name, "")
            if not text:
                dates[name] = None
                continue
            header = sources.get(name, header)
            try:
                dates[name] = self.read_date(header, text)
            except ParseError as exc:
                problems.append(Problem(header, str(exc), text))
                errors[name] = str(exc)
                dates[name] = None
        inferred = False
        if dates["first_contact"] is None and self.created_position is not None:
            header = self.headers[self.created_position]
            position = self.created_position
            created = cells[position].strip() if position < len(cells) else ""
            try:
                dates["first_contact"] = self.read_date(header, created) if created else None
                inferred = dates["first_contact"] is not None
            except ParseError as exc:
                problems.append(Problem(header, str(exc), created))
                errors["first_contact"] = str(exc)
        if self.split_close:
            if outcome == _OPEN:
                dates["closed_on"] = None
            else:
                dates["expected_close"] = None

        history = self._history(cells, problems) if self._stage_dates else ()
        if not stage and history:
            stage = history[-1].stage

        names = self._names(values, errors)
        if outcome == _OPEN and names.get("lost_reason"):
            outcome = _LOST  # Odoo keeps a lost deal's stage and says it with the reason
            self.lost_by_reason += 1
        customer_type: CustomerType | None = None
        text = values.get("customer_type", "")
        if text:
            chosen = self._customer_types.get(normalise_value(text))
            if chosen is None:
                problems.append(Problem(
                    self.column_of("customer_type"), translate(
                        "ImportRows", "Neither new nor current: map the value (--customer-type"
                        " current=VALUE, or in the wizard's mapping)."), text))
            else:
                customer_type = CustomerType(chosen)
        flags: dict[str, bool] = {}
        for name in self._flags:
            flag = normalise_value(values[name])
            if flag in TRUE_VALUES or flag in FALSE_VALUES:
                flags[name] = flag in TRUE_VALUES
            else:
                problems.append(Problem(self.column_of(name),
                                        translate("ImportRows", "Write yes or no."),
                                        values[name]))

        currency_text = values.get("currency", "")
        amount_text = values.get("amount", "")
        if amount_text:
            split = split_amount(amount_text)
            if split is None:
                problems.append(Problem(self.column_of("amount"),
                                        translate("ImportRows", _NOT_AN_AMOUNT), amount_text))
                amount_text = ""
            else:
                amount_text, marked = split
                if marked is not None:
                    if currency_text and currency_text.upper() != marked:
                        problems.append(Problem(
                            self.column_of("amount"), translate(
                                "ImportRows", "The amount is in {currency} but {column} says"
                                " {stated}.").format(currency=marked,
                                                     column=repr(self.column_of("currency")),
                                                     stated=currency_text.upper()),
                            values["amount"]))
                    currency_text = marked
                    self.currencies_from_amounts[marked] += 1
        currency = read_currency(currency_text, self.input_rules, errors)
        amount = read_amount(amount_text, currency, self.input_rules, errors,
                             self.rules.number_format) if amount_text else None

        title = values.get("title", "")
        if not title:  # no title column, or a blank title: DESIGN.md §3 makes one
            title = title_from(names.get("client"), names.get("product"))
        deal_values: dict[str, Any] = {
            "title": read_title(title, errors),
            "outcome": _OUTCOMES[outcome], "currency": currency,
            "customer_type": customer_type or CustomerType.NEW,
            "customer_type_set": customer_type is not None and flags.get("customer_type_set",
                                                                         True),
            **dates, "amount": amount,
            "first_contact_inferred": inferred or flags.get("first_contact_inferred", False),
            "stage": read_name(stage, _STAGE_LABEL, errors, "stage"),
            **names,
        }
        for name in self._texts:
            deal_values[name] = read_text(name, values[name], errors)
        for name in self._kept:
            deal_values[name] = values[name] or None
        warnings: dict[str, str] = {}
        deal = checked_deal(deal_values, errors, warnings, undated_decided=True)
        if problems or deal is None:
            return self._rejected(problems, errors, values, sources, inferred)
        undated = tuple(warnings[name] for name in ("closed_on", "first_contact")
                        if name in warnings)
        return Converted(deal, history, undated)

    def _rejected(self, problems: list[Problem], errors: dict[str, str],
                  values: dict[str, str], sources: dict[str, str],
                  inferred: bool) -> Rejected:
        """The row's problems: those met while reading, then the rules' (a date already
        reported as unreadable is not reported again)."""
        reported = {p.column for p in problems}
        for name, message in errors.items():
            column = sources.get(name) or self.column_of(name)
            if name == "first_contact" and (inferred or "first_contact" not in self.mapping
                                            .columns) and self.created_position is not None:
                column = self.headers[self.created_position]
            if name in DATE_FIELDS and column in reported:
                continue
            shown = values.get(name, "") if name in _SHOWN else ""
            problems.append(Problem(column, message, shown))
        return Rejected(tuple(dict.fromkeys(problems)))

    def _history(self, cells: Sequence[str], problems: list[Problem]
                 ) -> tuple[StageEvent, ...]:
        history: list[StageEvent] = []
        for position, header, stage_name in self._stage_dates:
            text = cells[position].strip() if position < len(cells) else ""
            try:
                entered = self.read_date(header, text) if text else None
            except ParseError as exc:
                problems.append(Problem(header, str(exc), text))
                continue
            if entered is not None and self._outcomes.get(normalise_value(stage_name)) is None:
                history.append(StageEvent(stage_name, entered))
        history.sort(key=lambda e: e.entered_on)
        return tuple(history)

