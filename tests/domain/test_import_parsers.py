"""Properties of the import's parsers (issue 14): header names, month-name dates with times,
amounts with a currency around them, \\N and NULL cells, the fast path of minor units."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.importing import (
    ColumnMapping,
    Converted,
    ReadRules,
    Rejected,
    RowConverter,
    parse_import_date,
    split_amount,
)
from salesdesk.domain.importing.mapping import normalise_header
from salesdesk.domain.parsing import (
    COMMA_DECIMAL,
    POINT_DECIMAL,
    NumberFormat,
    ParseError,
    parse_amount,
    parse_minor_units,
    to_minor_units,
)
from salesdesk.domain.validation import InputRules

# Words of two letters or more: "AA" cannot tell PascalCase "A"+"A" from an acronym.
words = st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), min_size=1,
                 max_size=4)
days = st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))
MONTH_FORMATS = ["%d %b, %Y", "%b %d, %Y", "%d %B %Y", "%B %d %Y", "%d-%b-%Y", "%Y. %B %d."]
TIMES = ["", " 00:02:00", " 9:15", " 11:40 PM", "T08:00:00Z"]


@given(words)
def test_a_header_is_the_same_in_every_spelling(parts: list[str]) -> None:
    spaced = " ".join(parts)
    camel = parts[0] + "".join(p.capitalize() for p in parts[1:])
    pascal = "".join(p.capitalize() for p in parts)
    variants = [spaced.upper(), "_".join(parts), "-".join(parts), ".".join(parts),
                f"  {spaced}  ", camel, pascal]
    assert {normalise_header(v) for v in variants} == {spaced}


@given(days, st.sampled_from(MONTH_FORMATS), st.sampled_from(TIMES))
def test_month_name_dates_with_times_are_read(day: dt.date, form: str, time: str) -> None:
    assert parse_import_date(day.strftime(form) + time, None) == day


@given(days, st.sampled_from(TIMES))
def test_a_date_format_need_not_cover_the_time(day: dt.date, time: str) -> None:
    assert parse_import_date(day.strftime("%d %b, %Y") + time, None, "%d %b, %Y") == day
    assert parse_import_date(day.strftime("%d/%m/%Y") + time, None, "%d/%m/%Y") == day


@given(st.text(max_size=30))
def test_any_cell_is_a_date_or_a_parse_error(text: str) -> None:
    try:
        parse_import_date(text, None)
    except ParseError as exc:
        assert str(exc)  # a message for the user, never another exception


def _grouped(whole: int, separator: str) -> str:
    return f"{whole:,}".replace(",", separator)


@given(st.integers(0, 10**11), st.integers(0, 99), st.sampled_from([POINT_DECIMAL,
                                                                     COMMA_DECIMAL]),
       st.sampled_from([("$", "USD", "{m}{n}"), ("€", "EUR", "{m} {n}"), ("Ft", "HUF", "{n} {m}"),
                        ("EUR", "EUR", "{m} {n}"), ("usd", "USD", "{n} {m}"),
                        ("£", "GBP", "{n}{m}"), ("", None, "{n}")]))
def test_an_amount_keeps_its_number_and_names_its_currency(
        whole: int, cents: int, number_format: NumberFormat,
        mark: tuple[str, str | None, str]) -> None:
    symbol, code, layout = mark
    number = (_grouped(whole, number_format.group_separator) + number_format.decimal_point
              + f"{cents:02d}")
    split = split_amount(layout.format(m=symbol, n=number))
    assert split == (number, code)
    assert parse_minor_units(split[0], 2, "EUR", number_format) == whole * 100 + cents


@given(st.sampled_from(["about", "ca.", "approx", "~", "apples"]), st.integers(1, 10**6))
def test_text_around_a_number_is_no_amount(words_: str, number: int) -> None:
    assert split_amount(f"{words_} {number}") is None
    assert split_amount(f"{number} {words_}") is None
    assert split_amount(f"POT{number}") is None  # a code stands apart from its number


@given(st.text("0123456789.,- '", max_size=16), st.sampled_from([POINT_DECIMAL, COMMA_DECIMAL]),
       st.integers(0, 3))
def test_the_fast_path_of_minor_units_agrees_with_the_exact_one(
        text: str, number_format: NumberFormat, digits: int) -> None:
    def exact() -> int | str | None:
        try:
            value = parse_amount(text, number_format)
            return None if value is None else to_minor_units(value, digits, "XXX")
        except ParseError:
            return "error"

    try:
        fast: int | str | None = parse_minor_units(text, digits, "XXX", number_format)
    except ParseError:
        fast = "error"
    assert fast == exact()


RULES = InputRules(currency_digits={"EUR": 2, "USD": 2}, base_currency="EUR")


@pytest.mark.parametrize("null", ["\\N", "NULL", "null", "-None-"])
def test_database_nulls_are_blank_cells(null: str) -> None:
    headers = ["title", "amount", "first contact", "client"]
    mapping = ColumnMapping(columns={"title": "title", "amount": "amount",
                                     "first_contact": "first contact", "client": "client"})
    converter = RowConverter(headers, mapping, ReadRules(), RULES)
    result = converter.convert(["Kiln", null, null, null])
    assert isinstance(result, Converted)
    assert (result.deal.amount, result.deal.first_contact, result.deal.client) == (None, None,
                                                                                   None)


def test_a_text_amount_is_a_rejected_cell_with_its_reason() -> None:
    mapping = ColumnMapping(columns={"title": "title", "amount": "amount"})
    converter = RowConverter(["title", "amount"], mapping, ReadRules(), RULES)
    result = converter.convert(["Kiln", "about 500"])
    assert isinstance(result, Rejected)
    assert result.reason().startswith("amount 'about 500': Not an amount")
    conflict = RowConverter(["title", "amount", "currency"], mapping.with_column(
        "currency", "currency"), ReadRules(), RULES).convert(["Kiln", "$5", "EUR"])
    assert isinstance(conflict, Rejected)  # never a dollar amount stored as euros
    assert "The amount is in USD but 'currency' says EUR" in conflict.reason()
