"""Parsing what people type: dates and amounts, with locale conventions passed in as data."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from salesdesk.i18n import translate

ISO_DATE = "%Y-%m-%d"
_SPACES = re.compile(r"[\s\u00a0\u202f']")
# The largest amount accepted in major units: keeps minor units far inside SQLite's int64.
MAX_AMOUNT = Decimal(10) ** 13
_MAX_DIGITS = 13  # digits of the whole part below MAX_AMOUNT


class ParseError(ValueError):
    """A typed value could not be read; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """The separators of the user's locale."""

    decimal_point: str = "."
    group_separator: str = ","


POINT_DECIMAL = NumberFormat(".", ",")
COMMA_DECIMAL = NumberFormat(",", ".")


def parse_date(text: str, formats: tuple[str, ...] = ()) -> dt.date | None:
    """Read a typed date: ISO (2026-03-31) always, then each strptime format in ``formats``.

    Empty text gives None. Anything else raises ParseError with an example of what works.
    """
    text = text.strip()
    if not text:
        return None
    if len(text) == 10 and text[4] == "-":
        try:  # the common case (imports hand every date over as ISO), without strptime's cost
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    for fmt in (ISO_DATE, *formats):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    example = dt.date(2026, 3, 31)
    shown = translate("Parsing", " or ").join(
        dict.fromkeys(example.strftime(f) for f in (ISO_DATE, *formats)))
    raise ParseError(translate("Parsing", "Not a date: type it like {examples}.").format(
        examples=shown))


@functools.cache  # called for every amount an import reads
def _number_pattern(number_format: NumberFormat) -> re.Pattern[str]:
    d = re.escape(number_format.decimal_point)
    g = re.escape(number_format.group_separator)
    return re.compile(rf"^(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}(\d+))?$")


def parse_amount(text: str, number_format: NumberFormat = NumberFormat()) -> Decimal | None:
    """Read a typed amount in major units: ``1.234,50`` or ``1 234,50`` where the comma is the
    decimal mark (German, Hungarian), ``1,234.50`` in an English locale, and plain ``1234.50``
    everywhere.

    Empty text gives None (unknown, not zero). Raises ParseError for anything that is not a
    non-negative number.
    """
    compact = _SPACES.sub("", text)
    if not compact:
        return None
    if compact.startswith("-"):
        raise ParseError(translate("Parsing", "An amount cannot be negative."))
    # Where the comma is the decimal mark, a point groups thousands (1.234,50) even when the
    # locale's own separator is a space, as in Hungary; a plain 1234.50 reads everywhere.
    dotted = (COMMA_DECIMAL,) if number_format.decimal_point == "," else ()
    for fmt in (number_format, *dotted, NumberFormat()):
        if fmt.group_separator.strip() == "":
            fmt = NumberFormat(fmt.decimal_point, "\x00")
        match = _number_pattern(fmt).match(compact)
        if match:
            integer, _, fraction = compact.partition(fmt.decimal_point)
            digits = integer.replace(fmt.group_separator, "")
            try:
                value = Decimal(f"{digits}.{fraction}" if fraction else digits)
            except InvalidOperation:  # pragma: no cover - the pattern admits digits only
                break
            if value >= MAX_AMOUNT:
                raise ParseError(translate("Parsing", "That amount is too large."))
            return value
    point = number_format.decimal_point
    raise ParseError(translate("Parsing", "Not an amount: type a number such as {example}.")
                     .format(example=f"1234{point}50"))


def readable_number_formats(text: str) -> tuple[NumberFormat, ...]:
    """Which of a decimal point and a decimal comma can read ``text`` (spaces as group
    separators ignored): both for ``1.234`` or ``12``, one for ``1.234,50``, none for text."""
    compact = _SPACES.sub("", text)
    return tuple(fmt for fmt in (POINT_DECIMAL, COMMA_DECIMAL)
                 if compact and _number_pattern(fmt).match(compact))


def to_minor_units(value: Decimal, digits: int, currency: str) -> int:
    """Convert major units to integer minor units; more decimals than the currency has is an
    error rather than a silent rounding."""
    sign, digit_tuple, exponent = value.as_tuple()
    if isinstance(exponent, int) and exponent >= -digits:
        # No more decimals than the currency has: plain integer arithmetic, exact and fast.
        whole = int("".join(map(str, digit_tuple)) or "0") * int(10 ** (exponent + digits))
        return -whole if sign else whole
    # Exact arithmetic: Decimal operations round to the context's 28 digits, which would
    # silently drop a typed 1.000000000000000000000000000001 to 1.00.
    scaled = Fraction(value) * 10**digits
    if scaled.denominator != 1:
        raise ParseError((translate("Parsing", "{currency} amounts have no decimal places.")
                          if digits == 0 else
                          translate("Parsing", "{currency} amounts have {digits} decimal places."))
                         .format(currency=currency, digits=digits))
    return int(scaled)


def parse_minor_units(text: str, digits: int, currency: str,
                      number_format: NumberFormat = NumberFormat()) -> int | None:
    """``parse_amount`` then ``to_minor_units``; a plain number (1234, or 1234.50 with the
    format's decimal separator and no more decimals than the currency has) is read directly,
    as imports read a million of them."""
    plain = plain_minor_units(text, digits, number_format.decimal_point)
    if plain is not None:
        return plain
    value = parse_amount(text, number_format)
    return None if value is None else to_minor_units(value, digits, currency)


def plain_minor_units(text: str, digits: int, decimal_point: str) -> int | None:
    """A plain number -- 1234, or 1234.50 with ``decimal_point`` and no more decimals than
    ``digits`` -- in minor units, read directly; None for any other text."""
    whole, point, fraction = text.partition(decimal_point)
    if (whole.isascii() and whole.isdigit() and len(whole) <= _MAX_DIGITS
            and (not point or (fraction.isascii() and fraction.isdigit()
                               and len(fraction) <= digits))):
        scale: int = 10**digits
        return int(whole) * scale + (int(fraction.ljust(digits, "0")) if fraction else 0)
    return None


def format_minor_units(amount: int, digits: int) -> str:
    """Minor units as a plain decimal string (``123450``, 2 → ``1234.50``)."""
    if digits == 0:
        return str(amount)
    sign = "-" if amount < 0 else ""
    whole, fraction = divmod(abs(amount), 10**digits)
    return f"{sign}{whole}.{fraction:0{digits}d}"
