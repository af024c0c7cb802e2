"""How a file writes its values: dates (d.m.Y vs m/d/Y, month names, Excel serials, times
after them) and amounts (decimal separator, a currency symbol or code around the number).

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
from salesdesk.domain.importing.notes import Note, NoteKind
from salesdesk.domain.parsing import (
    COMMA_DECIMAL,
    POINT_DECIMAL,
    NumberFormat,
    ParseError,
    readable_number_formats,
)
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

# --- dates ------------------------------------------------------------------------------------

class DateOrder(StrEnum):
    """How a column writes its dates: year first (ISO), day first or month first."""

    YMD = "Y-m-d"
    DMY = "d.m.Y"
    MDY = "m/d/Y"


_DATE = re.compile(
    r"^(\d{1,4})\s*([./-])\s*(\d{1,2})\s*[./-]\s*(\d{1,4})\.?(?:(?:\s+|T)\S.*)?$")
# A time after a date: "15 Apr, 2021 00:02:00", "03/31/2026 2:22 PM", "...T08:00:00Z".
_TIME = re.compile(r"(?:[\sT,]+|(?<=\d)T)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
                   r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?\s*$")
_WORDS = re.compile(r"[^\W\d_]+|\d+")
# Month names and abbreviations in English, German and Hungarian (without a final dot).
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
        "january jan januar jän január",
        "february feb februar febr február",
        "march mar märz mär maerz március márc",
        "april apr április ápr",
        "may mai május máj",
        "june jun juni június jún",
        "july jul juli július júl",
        "august aug augusztus",
        "september sep sept szeptember szept",
        "october oct oktober okt október",
        "november nov",
        "december dec dezember dez"), start=1):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
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


def without_time(text: str) -> str:
    """A date cell without the time of day after it ("15 Apr, 2021 00:02:00" → "15 Apr,
    2021")."""
    found = _TIME.search(text)
    return text[:found.start()] if found else text


def named_month_date(text: str) -> dt.date | None:
    """A date written with its month's name ("15 Apr, 2021", "Apr 15, 2021", "15. März 2021",
    "2021. április 15."), None when ``text`` is not one; raises ValueError for an impossible
    day. The four-digit number is the year; with two short numbers the day comes first."""
    tokens = _WORDS.findall(text.casefold())
    month = [_MONTHS.get(t) for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(month) != 1 or month[0] is None or len(numbers) != 2:
        return None
    long_years = [n for n in numbers if len(n) == 4]
    if len(long_years) > 1 or any(len(n) not in (1, 2, 4) for n in numbers):
        return None
    year = long_years[0] if long_years else numbers[1]
    day = numbers[0] if year is numbers[1] else numbers[1]
    return dt.date(_year(year), month[0], int(day))


def _named(text: str) -> bool:
    try:
        return named_month_date(without_time(text)) is not None
    except ValueError:
        return False


_NOT_A_DATE = QT_TRANSLATE_NOOP(
    "ImportReading", "Not a date: write it like 2026-03-31 or 31.03.2026, or give the file's"
    " date format (--date-format, e.g. %d/%m/%Y).")


def parse_import_date(text: str, order: DateOrder | None,
                      strptime_format: str | None = None) -> dt.date | None:
    """Read a date cell: ISO or ``order``'s numbers, a date with its month's name, an Excel
    serial day, or the user's ``strptime_format`` (which need only cover the date: a time
    after it is ignored, as it is in every other form). Blank gives None; raises ParseError
    with a message for the user (the cell's text is not in it)."""
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
            for candidate in dict.fromkeys((text, without_time(text), text.split("T")[0])):
                try:
                    return dt.datetime.strptime(candidate.strip(), strptime_format).date()
                except ValueError:
                    continue
            example = dt.date(2026, 3, 31).strftime(strptime_format)
            raise ParseError(translate(
                "ImportReading", "Not a date in the format {format} (like {example}).").format(
                    format=strptime_format, example=example))
        if _SERIAL.match(text):
            number = float(text)
            if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
                return excel_serial_date(number)
        parts = _date_parts(text)
        if parts is None:
            named = named_month_date(without_time(text))
            if named is None:
                raise ParseError(translate("ImportReading", _NOT_A_DATE))
            return named
        a, b, c = parts
        if len(a) >= 3:
            return dt.date(int(a), int(b), int(c))
        if len(c) == 3:
            raise ParseError(translate("ImportReading", "Not a date: the year has 3 digits."))
        if order is DateOrder.MDY:
            return dt.date(_year(c), int(a), int(b))
        return dt.date(_year(c), int(b), int(a))
    except ValueError as exc:
        if isinstance(exc, ParseError):
            raise
        raise ParseError(translate("ImportReading", "Impossible date: there is no such day.")
                         ) from exc


def has_day_month_order(text: str) -> bool:
    """True when reading ``text`` depends on the column's day/month order (31.03.2026,
    03/31/2026; not ISO, month names or serial days)."""
    parts = _date_parts(text.strip())
    return parts is not None and len(parts[0]) < 3


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
        text = text.strip()
        parts = _date_parts(text)
        if parts is None or len(parts[0]) >= 3:
            self.plain_values += parts is not None or bool(_SERIAL.match(text)) or (
                parts is None and bool(text) and _named(text))
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

# Symbols that name one currency; "$" alone is taken as US dollars (other dollars are
# written C$, A$, ...). A three-letter code is a code whatever its case.
CURRENCY_SYMBOLS: Mapping[str, str] = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "Ft": "HUF", "Ft.": "HUF",
    "zł": "PLN", "Kč": "CZK", "₹": "INR", "R$": "BRL", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "Fr.": "CHF", "₽": "RUB", "₺": "TRY",
    "₩": "KRW", "₪": "ILS", "lei": "RON",
}
_AMOUNT = re.compile(r"(-?)\s*([^\d\s-][^\d]*?)?\s*(-?)\s*(\d(?:[\d\s.,'\u00a0\u202f]*\d)?)"
                     r"\s*([^\d\s][^\d]*?)?\s*")
_CODE = re.compile(r"[A-Za-z]{3}")


def currency_of_mark(mark: str) -> str | None:
    """The currency code a symbol or code names ("$" → USD, "eur" → EUR); None for any
    other text."""
    mark = mark.strip()
    code = CURRENCY_SYMBOLS.get(mark)
    if code is None and _CODE.fullmatch(mark):
        code = mark.upper()
    return code


def split_amount(text: str) -> tuple[str, str | None] | None:
    """An amount cell as (the number, the currency its symbol or code names, None without
    one): "$22,700.00" → ("22,700.00", "USD"), "22 700 Ft" → ("22 700", "HUF"),
    "EUR 1.200,00" → ("1.200,00", "EUR"). A minus sign stays with the number. None when
    something else than a currency stands around the number ("about 500"); text without a
    digit comes back whole, for the amount's own check to report. A spreadsheet's leading
    apostrophe (a number kept as text) is not part of it."""
    text = text.strip()
    if text[:1] == "'":
        text = text[1:].lstrip()
    if text[:1].isdigit() and text[-1:].isdigit():
        return text, None  # nothing around the number: the common case, without the regex
    found = _AMOUNT.fullmatch(text)
    if found is None:
        return None if any(c.isdigit() for c in text) else (text, None)
    before, sign_after, number, after = found.group(2, 3, 4, 5)
    sign = "-" if found.group(1) or sign_after else ""
    if before and after:
        return None
    mark = before or after
    if not mark:
        return sign + number, None
    code = currency_of_mark(mark)
    if code is not None and mark.strip() not in CURRENCY_SYMBOLS:
        # A code stands apart from the number ("EUR 1.200,00"): "POT17" is no amount.
        gap = text[found.end(2):found.start(4)] if before else text[found.end(4):found.start(5)]
        if not (gap[:1].isspace() or gap[-1:].isspace()):
            return None
    return None if code is None else (sign + number, code)


@dataclass(slots=True)
class NumberGuess:
    """Infers an amount column's decimal separator from its values."""

    point: int = 0
    comma: int = 0
    values: int = 0
    plain_values: int = 0

    def add(self, text: str) -> None:
        """Look at one cell."""
        split = split_amount(text)
        if split is None:
            return
        compact = split[0]
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
    strptime format that overrides them, and the amount column's separators.
    ``assumed_orders`` names the date columns whose order no value decided: their values
    read so far were ISO dates, serials or month names (see RowConverter)."""

    date_orders: Mapping[str, DateOrder] = field(default_factory=dict)
    date_format: str | None = None
    number_format: NumberFormat = POINT_DECIMAL
    assumed_orders: frozenset[str] = frozenset()


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
              ) -> tuple[ReadRules, list[Note]]:
        """The reading rules and notes saying what was inferred or assumed.

        An ambiguous date column follows the other date columns of the file when one of them
        is decided, else day-first; an ambiguous amount column is read with a decimal comma
        when ``comma_likely`` (a semicolon-separated file), else a decimal point.
        """
        notes: list[Note] = []
        decided = [g.order() for _, g in self.date_columns.values() if g.resolved]
        default = decided[0] if decided else DateOrder.DMY
        orders: dict[str, DateOrder] = {}
        for header, (_, guess) in self.date_columns.items():
            orders[header] = guess.order(default)
            if date_format:
                continue
            if guess.ambiguous:
                notes.append(Note(translate(
                    "ImportReading", "Dates in {column} fit both day-first and month-first"
                    " (e.g. {example}); read as {order}. Use --date-format to choose.").format(
                        column=repr(header), example=guess.example,
                        order=orders[header].value), NoteKind.AMBIGUOUS_DATES, header))
            elif guess.day_month_values:
                notes.append(Note(translate("ImportReading", "Dates in {column} read as {order}."
                                            ).format(column=repr(header),
                                                     order=orders[header].value)))
        number_format = POINT_DECIMAL
        if self.amount_column is not None:
            guess_n = self.amount_column[1]
            number_format = guess_n.number_format(COMMA_DECIMAL if comma_likely
                                                  else POINT_DECIMAL)
            if guess_n.values:
                example = describe_number_format(number_format)
                notes.append(Note(translate(
                    "ImportReading", "Amounts fit both separators; read like {example}."
                ).format(example=example) if not guess_n.resolved else translate(
                    "ImportReading", "Amounts read like {example}.").format(example=example)))
        assumed = frozenset(h for h, (_, g) in self.date_columns.items()
                            if not g.day_month_values)
        return ReadRules(orders, date_format, number_format, assumed), notes

