"""Files without a header row (database dumps): telling one, and reading what its columns hold
from their values.

A file whose first row names no known column while some of its cells look like dates,
numbers or a database's NULL is flagged (``looks_headerless``): its first row is data. Its
columns are then called "column 1" … "column n" (``numbered_headers``) and ``guess_mapping``
looks at the first rows: the column whose values say won or lost is the stage (or the
outcome), numbers with decimals or a currency are the amount, the first column of unique
numbers is the external id, date columns are the first contact, the close date or the
created date by their values, the most varied short text is the title. Anything else stays
unmapped; the notes say what was guessed, to be checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from salesdesk.domain.importing.mapping import (
    NULL_VALUES,
    OUTCOME_SYNONYMS,
    SKIP,
    ColumnMapping,
    normalise_value,
)
from salesdesk.domain.importing.notes import Note
from salesdesk.domain.importing.presets import detect_mapping
from salesdesk.domain.importing.reading import (
    parse_import_date,
    split_amount,
    without_time,
)
from salesdesk.domain.parsing import ParseError, parse_amount, readable_number_formats
from salesdesk.i18n import translate

SAMPLE_ROWS = 500
"""How many rows ``guess_mapping`` is given (the first ones)."""

_MOSTLY = 0.9  # the share of a column's values that must fit a kind
_OUTCOMES = frozenset(k for k, v in OUTCOME_SYNONYMS.items() if v != SKIP)
_DECIDED = frozenset(k for k, v in OUTCOME_SYNONYMS.items() if v in ("won", "lost"))


def numbered_headers(width: int) -> list[str]:
    """The names of a headerless file's columns: "column 1" … "column n"."""
    return [f"column {n}" for n in range(1, width + 1)]


def _date(text: str) -> dt.date | None:
    """The date a cell holds, when it is written as one (a plain number is not: ids and
    amounts would pass for Excel serial days)."""
    if text.replace(".", "", 1).isdigit():
        return None
    try:
        return parse_import_date(text, None)
    except ParseError:
        return None


def _number(text: str) -> float | None:
    split = split_amount(text)
    if split is None:
        return None
    number = split[0].lstrip("-")
    formats = readable_number_formats(number)
    try:
        value = parse_amount(number, formats[0]) if formats else None
    except ParseError:
        return None
    return None if value is None else float(value)


def looks_headerless(headers: Sequence[str]) -> bool:
    """True when the first row looks like data: no cell names a column salesdesk knows, and
    some cells are dates, numbers or a database's NULL."""
    if detect_mapping(headers).reads_anything:
        return False
    return any(h.strip() in NULL_VALUES or _date(h.strip()) or _number(h.strip()) is not None
               for h in headers if h.strip())


@dataclass(slots=True)
class _Column:
    """What the sampled values of one column are like."""

    header: str
    position: int
    values: list[str] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    timed: int = 0
    numbers: list[float] = field(default_factory=list)
    marked: int = 0  # numbers with decimals or a currency mark
    outcomes: int = 0
    decided: int = 0

    def share(self, count: int) -> float:
        return count / len(self.values) if self.values else 0.0

    @property
    def is_date(self) -> bool:
        return bool(self.values) and self.share(len(self.dates)) >= _MOSTLY

    @property
    def is_number(self) -> bool:
        return bool(self.values) and self.share(len(self.numbers)) >= _MOSTLY

    @property
    def unique(self) -> bool:
        return len(set(self.values)) == len(self.values)

    @property
    def mean_day(self) -> float:
        return sum(d.toordinal() for d in self.dates) / len(self.dates)


def _profile(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[_Column]:
    columns = [_Column(h, i) for i, h in enumerate(headers)]
    for row in rows:
        for column, cell in zip(columns, row, strict=False):
            text = cell.strip()
            if not text or text in NULL_VALUES:
                continue
            column.values.append(text)
            day = _date(text)
            if day is not None:
                column.dates.append(day)
                column.timed += without_time(text) != text
            number = None if day is not None else _number(text)
            if number is not None:
                column.numbers.append(number)
                column.marked += not text.isdigit()
            value = normalise_value(text)
            column.outcomes += value in _OUTCOMES
            column.decided += value in _DECIDED
    return columns


def guess_mapping(headers: Sequence[str], rows: Sequence[Sequence[str]]
                  ) -> tuple[ColumnMapping, list[Note]]:
    """The mapping a headerless file's first ``rows`` suggest, and a note saying what was
    guessed (empty when nothing was)."""
    columns = _profile(headers, rows)
    chosen: dict[str, _Column] = {}
    free = [c for c in columns if c.values]

    def take(name: str, column: _Column | None) -> None:
        if column is not None:
            chosen[name] = column
            free.remove(column)

    outcome = max((c for c in free if c.decided), key=lambda c: c.decided, default=None)
    if outcome is not None:
        only_outcomes = outcome.outcomes == len(outcome.values)
        take("outcome" if only_outcomes else "stage", outcome)
    ids = [c for c in free if c.is_number and c.unique and not c.marked
           and all(n.is_integer() for n in c.numbers)]
    take("external_id", ids[0] if ids else None)
    amounts = [c for c in free if c.is_number and (c.marked or max(c.numbers) > 100)]
    take("amount", max(amounts, key=lambda c: (c.share(c.marked), sum(c.numbers)),
                       default=None))
    codes = [c for c in free if all(len(v) == 3 and v.isalpha() and v.isupper()
                                    for v in c.values)]
    take("currency", codes[0] if codes else None)
    created = _guess_dates(free, chosen)
    texts = [c for c in free if not c.is_date and not c.is_number
             and sum(map(len, c.values)) <= 80 * len(c.values)]
    # The most varied; between equally varied ones, words (names) before codes (POT17).
    take("title", max(texts, key=lambda c: (len(set(c.values)),
                                            c.share(sum(" " in v for v in c.values))),
                      default=None))
    mapping = ColumnMapping(columns={name: c.header for name, c in chosen.items()},
                            created_column=created.header if created else None)
    if "closed_on" in mapping.columns and "expected_close" not in mapping.columns:
        mapping = mapping.with_column("expected_close", mapping.columns["closed_on"])
    # The fields by name: what --map FIELD='column N' takes.
    said = [f"{c.header} → {name}" for name, c in chosen.items() if name != "expected_close"]
    if created is not None:
        said.append(translate("ImportGuessing", "{column} → created (the first contact when"
                              " none is given)").format(column=created.header))
    if not said:
        return mapping, []
    return mapping, [Note(translate(
        "ImportGuessing", "No header row: the columns were guessed from their values"
        " ({guesses}). Check them; --map FIELD='column N' changes one.").format(
            guesses=", ".join(said)))]


def _guess_dates(free: list[_Column], chosen: dict[str, _Column]) -> _Column | None:
    """Date columns with times are timestamps (the earliest: the created date, returned);
    of dates without times, the earliest is the first contact and the latest the close
    date (a single one: the close date)."""
    dated = [c for c in free if c.is_date]
    stamps = sorted((c for c in dated if c.timed * 2 > len(c.dates)), key=lambda c: c.mean_day)
    days = sorted((c for c in dated if c.timed * 2 <= len(c.dates)), key=lambda c: c.mean_day)
    if len(days) >= 2:
        chosen["first_contact"] = days[0]
        free.remove(days[0])
    if days:
        chosen["closed_on"] = days[-1]
        free.remove(days[-1])
    for column in days[1:-1]:
        free.remove(column)
    for column in stamps:
        free.remove(column)
    return stamps[0] if stamps else None
