"""How a file writes its values: dates (d.m.Y vs m/d/Y, Excel serials) and amounts.

``DateGuess`` / ``NumberGuess`` infer a column's date order and decimal separator from its
values until they are unambiguous; ``Inference`` feeds them the columns a mapping reads and
turns their answers into the file's ``ReadRules``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from salesdesk.domain.importing.mapping import DATE_FIELDS, ColumnMapping
from salesdesk.domain.parsing import (
    COMMA_DECIMAL,
    POINT_DECIMAL,
    NumberFormat,
    ParseError,
    readable_number_formats,
)

# --- dates ------------------------------------------------------------------------------------

class DateOrder(StrEnum):
    """How a column writes its dates: year first (ISO), day first or month first."""

    YMD = "Y-m-d"
    DMY = "d.m.Y"
    MDY = "m/d/Y"


_DATE = re.compile(
    r"^(\d{1,4})\s*([./-])\s*(\d{1,2})\s*[./-]\s*(\d{1,4})\.?(?:(?:\s+|T)\S.*)?$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (20_000, 80_000)  # 1954..2119: a plain number in a date column is a serial
# A column whose first this many values are all unambiguous (ISO dates, plain integers) is
# taken to be written that way throughout: the file need not be read twice to the end.
SETTLED_AFTER = 1000


def _date_parts(text: str) -> tuple[str, str, str] | None:
    match = _DATE.match(text)
    if match is None:
        return None
    return match.group(1), match.group(3), match.group(4)


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        year += 2000 if year < 69 else 1900
    return year


def excel_serial_date(number: float) -> dt.date:
    """The date of an Excel serial day number (1900 date system, as every current Excel)."""
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


def parse_import_date(text: str, order: DateOrder | None,
                      strptime_format: str | None = None) -> dt.date | None:
    """Read a date cell: ISO or ``order``'s numbers (times ignored), an Excel serial day, or
    the user's ``strptime_format``. Blank gives None; raises ParseError."""
    text = text.strip()
    if not text:
        return None
    if len(text) >= 10 and text[4] == "-" and (len(text) == 10 or text[10] in " T"):
        # ISO, with or without a time, whatever the column's format (as parsing.parse_date
        # does): workbook date cells arrive so. The common case, without the regex.
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    try:
        if strptime_format:
            for candidate in (text, text.split("T")[0], text.split()[0]):
                try:
                    return dt.datetime.strptime(candidate, strptime_format).date()
                except ValueError:
                    continue
            example = dt.date(2026, 3, 31).strftime(strptime_format)
            raise ParseError(f"Not a date in the format {strptime_format} (like {example}).")
        if _SERIAL.match(text):
            number = float(text)
            if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
                return excel_serial_date(number)
        parts = _date_parts(text)
        if parts is None:
            raise ParseError("Not a date: write it like 2026-03-31 or 31.03.2026.")
        a, b, c = parts
        if len(a) >= 3:
            return dt.date(int(a), int(b), int(c))
        if len(c) == 3:
            raise ParseError("Not a date: the year has 3 digits.")
        if order is DateOrder.MDY:
            return dt.date(_year(c), int(a), int(b))
        return dt.date(_year(c), int(b), int(a))
    except ValueError as exc:
        if isinstance(exc, ParseError):
            raise
        raise ParseError(f"Impossible date {text!r}.") from exc


@dataclass(slots=True)
class DateGuess:
    """Infers a date column's day/month order from its values.

    Every value that is neither ISO nor a serial is checked against day-first and month-first;
    the order is known once only one of them fits every value seen.
    """

    day_first_fits: int = 0
    month_first_fits: int = 0
    ambiguous_values: int = 0
    day_month_values: int = 0
    plain_values: int = 0
    example: str = ""

    def add(self, text: str) -> None:
        """Look at one cell."""
        parts = _date_parts(text.strip())
        if parts is None or len(parts[0]) >= 3:
            self.plain_values += parts is not None or bool(_SERIAL.match(text.strip()))
            return
        a, b = int(parts[0]), int(parts[1])
        self.day_month_values += 1
        day_first = 1 <= a <= 31 and 1 <= b <= 12
        month_first = 1 <= a <= 12 and 1 <= b <= 31
        self.day_first_fits += day_first
        self.month_first_fits += month_first
        if day_first and month_first:
            self.ambiguous_values += 1
            self.example = self.example or text.strip()

    @property
    def resolved(self) -> bool:
        """True when more values cannot change the answer."""
        return self.day_month_values > 0 and (
            self.day_first_fits < self.day_month_values
            or self.month_first_fits < self.day_month_values)

    @property
    def settled(self) -> bool:
        """True when the answer is known, or the column's first values are all ISO dates or
        serials (see SETTLED_AFTER)."""
        return self.resolved or (self.day_month_values == 0
                                 and self.plain_values >= SETTLED_AFTER)

    @property
    def ambiguous(self) -> bool:
        """True when every day/month value fits both orders (01.02.2026 and the like)."""
        return self.day_month_values > 0 and not self.resolved

    def order(self, default: DateOrder = DateOrder.DMY) -> DateOrder:
        """The order that fits most values (``default`` when ambiguous or all ISO)."""
        if not self.day_month_values or self.ambiguous:
            return default
        return DateOrder.DMY if self.day_first_fits >= self.month_first_fits else DateOrder.MDY


# --- numbers ----------------------------------------------------------------------------------

_CURRENCY_MARKS = re.compile(r"^[^\d\-+.,]*|[^\d.,]*$")


def strip_currency(text: str) -> str:
    """An amount without a currency symbol or code around it ("€ 1.234,50", "1234 EUR")."""
    text = text.strip()
    if text[:1].isdigit() and text[-1:].isdigit():
        return text  # nothing around the number
    if text.startswith("-"):
        stripped = "-" + _CURRENCY_MARKS.sub("", text[1:])
    else:
        stripped = _CURRENCY_MARKS.sub("", text)
    # Text without digits is left whole, so that validation reports it instead of reading
    # it as a blank (unknown) amount.
    return stripped if any(c.isdigit() for c in stripped) else text


@dataclass(slots=True)
class NumberGuess:
    """Infers an amount column's decimal separator from its values."""

    point: int = 0
    comma: int = 0
    values: int = 0
    plain_values: int = 0

    def add(self, text: str) -> None:
        """Look at one cell."""
        compact = strip_currency(text)
        formats = readable_number_formats(compact)
        if not formats:
            return
        if compact.isdigit():  # no separator: reads the same either way
            self.plain_values += 1
            return
        self.values += 1
        self.point += POINT_DECIMAL in formats
        self.comma += COMMA_DECIMAL in formats

    @property
    def resolved(self) -> bool:
        """True when some value fits only one separator."""
        return self.point < self.values or self.comma < self.values

    @property
    def settled(self) -> bool:
        """True when the answer is known, or the first values are plain integers."""
        return self.resolved or (self.values == 0 and self.plain_values >= SETTLED_AFTER)

    def number_format(self, default: NumberFormat = POINT_DECIMAL) -> NumberFormat:
        """The separator that fits most values (``default`` when every value fits both)."""
        if self.point == self.comma:
            return default
        return POINT_DECIMAL if self.point > self.comma else COMMA_DECIMAL


def describe_number_format(number_format: NumberFormat) -> str:
    """How the wizard and the CLI name a separator choice."""
    return "1,234.50" if number_format == POINT_DECIMAL else "1.234,50"


# --- inference over a whole file --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReadRules:
    """How the values of a file are read: a date order per date column (header → order), a
    strptime format that overrides them, and the amount column's separators."""

    date_orders: Mapping[str, DateOrder] = field(default_factory=dict)
    date_format: str | None = None
    number_format: NumberFormat = POINT_DECIMAL


@dataclass(slots=True)
class Inference:
    """What the values of a file say about how to read them; fed row by row."""

    date_columns: dict[str, tuple[int, DateGuess]]
    amount_column: tuple[int, NumberGuess] | None

    @classmethod
    def for_mapping(cls, headers: Sequence[str], mapping: ColumnMapping) -> Inference:
        """Watch the columns the mapping reads dates and amounts from."""
        index = {h: i for i, h in reversed(list(enumerate(headers)))}
        date_headers = [mapping.columns.get(f) for f in DATE_FIELDS]
        date_headers += [h for f in DATE_FIELDS for h in mapping.fallbacks.get(f, ())]
        date_headers += [mapping.created_column] + [h for h, _ in mapping.stage_dates]
        dates = {h: (index[h], DateGuess()) for h in date_headers if h and h in index}
        amount = mapping.columns.get("amount")
        return cls(dates, (index[amount], NumberGuess()) if amount in index else None)

    def add(self, cells: Sequence[str]) -> None:
        """Look at one row."""
        for position, guess in self.date_columns.values():
            if position < len(cells) and not guess.settled:
                guess.add(cells[position])
        if self.amount_column is not None and not self.amount_column[1].settled:
            position, numbers = self.amount_column
            if position < len(cells):
                numbers.add(cells[position])

    @property
    def settled(self) -> bool:
        """True when further rows would not change any choice."""
        return all(g.settled for _, g in self.date_columns.values()) and (
            self.amount_column is None or self.amount_column[1].settled)

    def rules(self, *, comma_likely: bool = False, date_format: str | None = None
              ) -> tuple[ReadRules, list[str]]:
        """The reading rules and notes saying what was inferred or assumed.

        An ambiguous date column follows the other date columns of the file when one of them
        is decided, else day-first; an ambiguous amount column is read with a decimal comma
        when ``comma_likely`` (a semicolon-separated file), else a decimal point.
        """
        notes: list[str] = []
        decided = [g.order() for _, g in self.date_columns.values() if g.resolved]
        default = decided[0] if decided else DateOrder.DMY
        orders: dict[str, DateOrder] = {}
        for header, (_, guess) in self.date_columns.items():
            orders[header] = guess.order(default)
            if date_format:
                continue
            if guess.ambiguous:
                notes.append(f"Dates in {header!r} fit both day-first and month-first (e.g."
                             f" {guess.example}); read as {orders[header].value}."
                             " Use --date-format to choose.")
            elif guess.day_month_values:
                notes.append(f"Dates in {header!r} read as {orders[header].value}.")
        number_format = POINT_DECIMAL
        if self.amount_column is not None:
            guess_n = self.amount_column[1]
            number_format = guess_n.number_format(COMMA_DECIMAL if comma_likely
                                                  else POINT_DECIMAL)
            if guess_n.values:
                fits = "fit both separators; " if not guess_n.resolved else ""
                notes.append(f"Amounts {fits}read like {describe_number_format(number_format)}.")
        return ReadRules(orders, date_format, number_format), notes

