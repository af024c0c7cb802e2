"""Validation of typed deals (DESIGN.md §3) and the parsing of typed dates and amounts."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from decimal import Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from salesdesk.domain.deals import CustomerType, Deal, Outcome
from salesdesk.domain.parsing import (
    MAX_AMOUNT,
    NumberFormat,
    ParseError,
    format_minor_units,
    parse_amount,
    parse_date,
    to_minor_units,
)
from salesdesk.domain.validation import (
    FIELD_LABELS,
    MAX_NAME,
    MAX_TEXT,
    MAX_TITLE,
    DealDraft,
    InputRules,
    validate_draft,
)

DIGITS = {"EUR": 2, "USD": 2, "JPY": 0, "KWD": 3}
GERMAN = NumberFormat(",", ".")
ENGLISH = NumberFormat(".", ",")
FRENCH = NumberFormat(",", "\u202f")
FRENCH_SPACE = NumberFormat(",", " ")
SWISS = NumberFormat(".", "'")
LOCALES = (GERMAN, ENGLISH, FRENCH, FRENCH_SPACE, SWISS)
RULES = InputRules(DIGITS, "EUR", ("%d.%m.%Y",), GERMAN)
DRAFT_FIELDS = [f.name for f in fields(DealDraft)]
NAME_FIELDS = ("client", "rep", "product", "channel", "region", "audience", "stage",
               "lost_reason")


def norm(text: str) -> str:
    return " ".join(text.split())


def de(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


# --- any text at all ------------------------------------------------------------------------

nasty_chars = st.characters(codec=None, categories=("Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co",
                                                    "Mn", "Nd", "No", "Sm", "Sc", "Lu", "Ll"))
any_text = st.one_of(
    st.text(),
    st.text(alphabet=nasty_chars),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=4), st.integers(1, 30_000)),
    st.sampled_from(["", " ", "\x00", "won", " LOST ", "31.02.2026", "2026-02-30", "-0",
                     "1.234,50", "1e5", "NaN", "Infinity", "١٢٣", "９９", "0x10", "1_000",
                     "9" * 5000, "0." + "0" * 40 + "1", "%d.%m.%Y", "\u202f", "ß"]),
)


@given(st.fixed_dictionaries(dict.fromkeys(DRAFT_FIELDS, any_text)))
@example({**dict.fromkeys(DRAFT_FIELDS, ""), "title": "x", "amount": "9" * 5000})
@example({**dict.fromkeys(DRAFT_FIELDS, ""), "title": "x",
          "amount": "1.000000000000000000000000000001", "outcome": "open"})
def test_any_draft_validates_or_names_its_fields(values: dict[str, str]) -> None:
    result = validate_draft(DealDraft(**values), RULES)

    assert set(result.errors) <= set(FIELD_LABELS)
    assert set(result.warnings) <= set(FIELD_LABELS)
    assert all(isinstance(m, str) and m for m in (*result.errors.values(),
                                                   *result.warnings.values()))
    assert result.ok == (result.deal is not None) == (not result.errors)
    if result.deal is not None:
        assert_valid_deal(result.deal)


def assert_valid_deal(deal: Deal) -> None:
    """The invariants every saved deal keeps (DESIGN.md §3)."""
    assert deal.title and deal.title == norm(deal.title) and len(deal.title) <= MAX_TITLE
    assert isinstance(deal.outcome, Outcome)
    if deal.outcome.is_closed:
        assert deal.first_contact is not None and deal.closed_on is not None
        assert deal.closed_on >= deal.first_contact
    else:
        assert deal.closed_on is None
    if deal.first_contact and deal.expected_close:
        assert deal.expected_close >= deal.first_contact
    assert deal.amount is None or 0 <= deal.amount < MAX_AMOUNT * 10 ** DIGITS[deal.currency]
    assert deal.currency in DIGITS
    assert (deal.lost_reason is None) or deal.outcome is Outcome.LOST
    for key in NAME_FIELDS:
        value = getattr(deal, key)
        assert value is None or (value == norm(value) and 0 < len(value) <= MAX_NAME)
    assert len(deal.next_step) <= MAX_TEXT and len(deal.notes) <= MAX_TEXT


# --- drafts whose verdict is known in advance ------------------------------------------------


@dataclass(frozen=True)
class Typed:
    """A typed value and what it must read as: a value, None (empty) or an error."""

    text: str
    value: object = None
    error: bool = False


def _date_texts() -> st.SearchStrategy[Typed]:
    days = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    return st.one_of(
        st.just(Typed("")),
        st.just(Typed("   ")),
        days.map(lambda d: Typed(d.isoformat(), d)),
        days.map(lambda d: Typed(f"  {de(d)} ", d)),
        st.sampled_from(["31.02.2026", "30.02.2024", "2026-02-30", "2026-13-01", "00.01.2026",
                         "31.04.2026", "2026/03/31", "03/31/2026", "tomorrow", "2026-03",
                         "32.01.2026", "29.02.2025"]).map(lambda t: Typed(t, error=True)),
        st.text(alphabet="abcxyz!?-/ ", min_size=1).filter(str.strip)
        .map(lambda t: Typed(t, error=True)),
    )


def _amount_texts() -> st.SearchStrategy[Typed]:
    def german(value: Decimal) -> str:
        whole, _, fraction = f"{value:f}".partition(".")
        groups = f"{int(whole):,}".replace(",", ".")
        return groups + ("," + fraction if fraction else "")

    values = st.decimals(0, 10**9, places=3, allow_nan=False, allow_infinity=False).map(abs)
    return st.one_of(
        st.just(Typed("")),
        values.map(lambda v: Typed(german(v), v)),
        # Plain decimals, except those a German reads as thousands ("1.500").
        values.map(lambda v: Typed(f"{v:f}", v))
        .filter(lambda t: not re.fullmatch(r"\d{1,3}(\.\d{3})+", t.text)),
        values.map(lambda v: Typed("-" + german(v), error=True)),
        st.sampled_from(["abc", "1,2,3", "12..5", "€12", "1.23.4", "--1", "1 2 3 4,5.6",
                         "1e3", "NaN"]).map(lambda t: Typed(t, error=True)),
    )


currencies = st.sampled_from(["", "eur", " EUR ", "usd", "JPY", "kwd", "XXX", "euro", "€"])
outcomes = st.sampled_from(["open", "won", "lost", " Won ", "LOST", "", "closed", "wonn"])
customer_types = st.sampled_from(["", "new", " Current ", "old", "automatic"])
names = st.one_of(st.just(""), st.text(max_size=30),
                  st.text(alphabet="ab ", min_size=MAX_NAME - 2, max_size=MAX_NAME + 30))
titles = st.one_of(st.just(""), st.just(" \t\n"), st.text(max_size=40),
                   st.text(alphabet="xy \u2003", min_size=MAX_TITLE - 5,
                           max_size=MAX_TITLE + 20))
long_texts = st.one_of(st.text(max_size=50),
                       st.integers(MAX_TEXT - 3, MAX_TEXT + 3).map(lambda n: "n" * n))


@given(
    title=titles, outcome=outcomes, first=_date_texts(), closed=_date_texts(),
    expected=_date_texts(), amount=_amount_texts(), currency=currencies,
    customer_type=customer_types, lost_reason=names, other_names=st.lists(names, min_size=7,
                                                                            max_size=7),
    next_step=long_texts, notes=long_texts,
)
def test_errors_are_exactly_those_the_rules_name(
    title: str, outcome: str, first: Typed, closed: Typed, expected: Typed, amount: Typed,
    currency: str, customer_type: str, lost_reason: str, other_names: list[str],
    next_step: str, notes: str,
) -> None:
    named = dict(zip(("client", "rep", "product", "channel", "region", "audience", "stage"),
                     other_names, strict=True), lost_reason=lost_reason)
    draft = DealDraft(
        title=title, outcome=outcome, first_contact=first.text, closed_on=closed.text,
        expected_close=expected.text, amount=amount.text, currency=currency,
        customer_type=customer_type, next_step=next_step, notes=notes, **named,
    )
    result = validate_draft(draft, RULES)

    # The reference verdict, written from DESIGN.md §3 independently of the code.
    want: set[str] = set()
    maybe: set[str] = set()  # fields whose verdict the rules leave open (invalid outcome)
    if not norm(title) or len(norm(title)) > MAX_TITLE:
        want.add("title")
    for key, value in named.items():
        if len(norm(value)) > MAX_NAME:
            want.add(key)
    state = outcome.strip().lower()
    if state not in ("open", "won", "lost"):
        want.add("outcome")
    if customer_type.strip().lower() not in ("", "new", "current"):
        want.add("customer_type")
    for key, typed in (("first_contact", first), ("closed_on", closed),
                       ("expected_close", expected)):
        if typed.error:
            want.add(key)
    first_day = None if first.error else first.value
    closed_day = None if closed.error else closed.value
    expected_day = None if expected.error else expected.value
    if state in ("won", "lost"):
        if closed_day is None:
            want.add("closed_on")
        if first_day is None:
            want.add("first_contact")
    elif state == "open" and closed_day is not None:
        want.add("closed_on")
    elif closed_day is not None:
        maybe.add("closed_on")
    if first_day and closed_day and closed_day < first_day:
        want.add("closed_on")
    if first_day and expected_day and expected_day < first_day:
        want.add("expected_close")
    code = currency.strip().upper() or "EUR"
    if code not in DIGITS:
        want.add("currency")
    if amount.error:
        want.add("amount")
    elif amount.value is not None and code in DIGITS:
        scaled = amount.value * 10 ** DIGITS[code]
        if scaled != int(scaled):
            want.add("amount")
    if len(next_step.strip()) > MAX_TEXT:
        want.add("next_step")
    if len(notes.strip()) > MAX_TEXT:
        want.add("notes")
    if norm(lost_reason) and state in ("open", "won"):
        want.add("lost_reason")
    elif norm(lost_reason) and state not in ("lost",):
        maybe.add("lost_reason")

    assert want <= set(result.errors) <= want | maybe, result.errors
    if state == "lost" and not norm(lost_reason):
        assert set(result.warnings) == {"lost_reason"}
    else:
        assert not result.warnings
    if result.errors:
        assert result.deal is None
        return
    deal = result.deal
    assert deal is not None
    assert deal.title == norm(title)
    assert deal.outcome == Outcome(state)
    assert (deal.first_contact, deal.closed_on, deal.expected_close) == (
        first_day, closed_day, expected_day)
    assert deal.currency == code
    assert deal.amount == (None if amount.value is None
                           else int(amount.value * 10 ** DIGITS[code]))
    for key, value in named.items():
        assert getattr(deal, key) == (norm(value) or None)
    wanted_type = customer_type.strip().lower()
    assert deal.customer_type == CustomerType(wanted_type or "new")
    assert deal.customer_type_set == bool(wanted_type)
    assert (deal.next_step, deal.notes) == (next_step.strip(), notes.strip())
    assert_valid_deal(deal)


# --- the rules one by one -------------------------------------------------------------------


def check(**typed: str) -> tuple[set[str], set[str], Deal | None]:
    base = {"title": "Website redesign"}
    result = validate_draft(DealDraft(**{**base, **typed}), RULES)
    return set(result.errors), set(result.warnings), result.deal


@pytest.mark.parametrize(
    ("typed", "errors"),
    [
        ({"title": ""}, {"title"}),
        ({"title": " \t "}, {"title"}),
        ({"title": "x" * (MAX_TITLE + 1)}, {"title"}),
        ({"title": "x" * MAX_TITLE}, set()),
        ({"outcome": "maybe"}, {"outcome"}),
        ({"outcome": "won"}, {"first_contact", "closed_on"}),
        ({"outcome": "lost", "first_contact": "2026-01-05"}, {"closed_on"}),
        ({"outcome": "won", "closed_on": "2026-01-05"}, {"first_contact"}),
        ({"outcome": "won", "first_contact": "2026-01-05", "closed_on": "2026-01-05"}, set()),
        ({"outcome": "won", "first_contact": "06.01.2026", "closed_on": "05.01.2026"},
         {"closed_on"}),
        ({"outcome": "open", "closed_on": "2026-01-05"}, {"closed_on"}),
        ({"outcome": "open", "first_contact": "2026-01-05", "expected_close": "2026-01-04"},
         {"expected_close"}),
        ({"amount": "-1"}, {"amount"}),
        ({"amount": "-0,01"}, {"amount"}),
        ({"amount": "0"}, set()),
        ({"amount": "12,345"}, {"amount"}),
        ({"amount": "12,345", "currency": "KWD"}, set()),
        ({"amount": "12,5", "currency": "JPY"}, {"amount"}),
        ({"currency": "XYZ"}, {"currency"}),
        ({"currency": "XYZ", "amount": "abc"}, {"currency", "amount"}),
        ({"outcome": "won", "first_contact": "2026-01-01", "closed_on": "2026-01-02",
          "lost_reason": "Price"}, {"lost_reason"}),
        ({"outcome": "open", "lost_reason": "Price"}, {"lost_reason"}),
        ({"first_contact": "31.02.2026"}, {"first_contact"}),
        ({"first_contact": "2026-02-31"}, {"first_contact"}),
        ({"outcome": "won", "first_contact": "2026-01-01", "closed_on": "31.02.2026"},
         {"closed_on"}),
        ({"expected_close": "29.02.2025"}, {"expected_close"}),
        ({"expected_close": "29.02.2024"}, set()),
        ({"customer_type": "vip"}, {"customer_type"}),
        ({"client": "c" * (MAX_NAME + 1)}, {"client"}),
        ({"notes": "n" * (MAX_TEXT + 1)}, {"notes"}),
        ({"next_step": "n" * (MAX_TEXT + 1)}, {"next_step"}),
    ],
)
def test_each_rule(typed: dict[str, str], errors: set[str]) -> None:
    found, _, deal = check(**typed)
    assert found == errors
    assert (deal is None) == bool(errors)


def test_a_lost_deal_without_reason_is_saved_with_a_warning() -> None:
    errors, warnings, deal = check(outcome="lost", first_contact="2026-01-01",
                                   closed_on="2026-02-01")
    assert not errors and warnings == {"lost_reason"}
    assert deal is not None and deal.outcome is Outcome.LOST and deal.lost_reason is None

    errors, warnings, deal = check(outcome="lost", first_contact="2026-01-01",
                                   closed_on="2026-02-01", lost_reason="  Price ")
    assert not errors and not warnings
    assert deal is not None and deal.lost_reason == "Price"


def test_dates_in_iso_and_in_the_users_formats() -> None:
    *_, deal = check(outcome="won", first_contact="2026-03-01", closed_on="31.03.2026",
                     expected_close=" 15.03.2026 ")
    assert deal is not None
    assert (deal.first_contact, deal.closed_on, deal.expected_close) == (
        dt.date(2026, 3, 1), dt.date(2026, 3, 31), dt.date(2026, 3, 15))
    us = replace(RULES, date_formats=("%m/%d/%Y",))
    result = validate_draft(DealDraft(title="t", first_contact="03/31/2026"), us)
    assert result.deal is not None and result.deal.first_contact == dt.date(2026, 3, 31)
    result = validate_draft(DealDraft(title="t", first_contact="31.03.2026"), us)
    assert set(result.errors) == {"first_contact"}
    assert "2026-03-31" in result.errors["first_contact"]


def test_amounts_become_minor_units_of_the_chosen_currency() -> None:
    assert check(amount="1.234,50")[2].amount == 123450  # type: ignore[union-attr]
    assert check(amount="1234.5")[2].amount == 123450  # type: ignore[union-attr]
    assert check(amount="")[2].amount is None  # type: ignore[union-attr]
    *_, deal = check(amount="1.234", currency="jpy")
    assert deal is not None and (deal.amount, deal.currency) == (1234, "JPY")
    *_, deal = check(amount="1,234", currency="KWD")
    assert deal is not None and deal.amount == 1234
    *_, deal = check(amount="5")
    assert deal is not None and deal.currency == "EUR"  # the base currency by default


def test_more_decimals_than_the_currency_has_is_an_error_however_small() -> None:
    for amount in ("1,001", "1,000000000000000000000000000001",
                   "1" + "0" * 12 + ",0000000000000000000001", "0," + "0" * 60 + "1"):
        errors, _, _ = check(amount=amount)
        assert errors == {"amount"}, amount
    assert check(amount="1,010000000000000000000000000000")[2].amount == 101  # type: ignore


def test_editing_keeps_what_the_form_does_not_show() -> None:
    base = Deal(title="Old", id=7, external_id="hs-1", created_at="2026-01-01T00:00:00+00:00",
                updated_at="2026-01-02T00:00:00+00:00", first_contact=dt.date(2026, 1, 1),
                first_contact_inferred=True)
    same = validate_draft(DealDraft(title="New", first_contact="2026-01-01"), RULES, base)
    assert same.deal is not None
    assert (same.deal.id, same.deal.external_id, same.deal.created_at,
            same.deal.updated_at) == (7, "hs-1", base.created_at, base.updated_at)
    assert same.deal.first_contact_inferred
    moved = validate_draft(DealDraft(title="New", first_contact="2026-01-02"), RULES, base)
    assert moved.deal is not None and not moved.deal.first_contact_inferred


# --- round trip -----------------------------------------------------------------------------

def _clean(text: str, limit: int) -> str:
    return norm(text)[:limit].strip()


clean_names = st.one_of(st.none(), st.text(min_size=1, max_size=40)
                        .map(lambda t: _clean(t, MAX_NAME)).filter(bool))


@st.composite
def valid_deals(draw: st.DrawFn) -> Deal:
    outcome = draw(st.sampled_from(Outcome))
    days = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    first = draw(days if outcome.is_closed else st.one_of(st.none(), days))
    closed = draw(st.dates(first, dt.date(9999, 12, 31))) if outcome.is_closed else None
    expected = draw(st.one_of(st.none(), st.dates(first or dt.date(1, 1, 1))))
    currency = draw(st.sampled_from(sorted(DIGITS)))
    customer_type_set = draw(st.booleans())
    return Deal(
        title=draw(st.text(min_size=1).map(lambda t: _clean(t, MAX_TITLE)).filter(bool)),
        outcome=outcome,
        currency=currency,
        client=draw(clean_names), rep=draw(clean_names), product=draw(clean_names),
        channel=draw(clean_names), region=draw(clean_names), audience=draw(clean_names),
        customer_type=draw(st.sampled_from(CustomerType)) if customer_type_set
        else CustomerType.NEW,
        customer_type_set=customer_type_set,
        stage=draw(clean_names),
        first_contact=first,
        first_contact_inferred=draw(st.booleans()) and first is not None,
        closed_on=closed,
        expected_close=expected,
        next_step=draw(st.text().map(str.strip)),
        amount=draw(st.one_of(st.none(), st.integers(0, int(MAX_AMOUNT) * 10 ** DIGITS[currency]
                                                     - 1))),
        lost_reason=draw(clean_names) if outcome is Outcome.LOST else None,
        notes=draw(st.text().map(str.strip)),
        external_id=draw(st.one_of(st.none(), st.text(max_size=10))),
        id=draw(st.one_of(st.none(), st.integers(1, 10**9))),
        created_at=draw(st.one_of(st.none(), st.just("2026-01-01T10:00:00+00:00"))),
        updated_at=draw(st.one_of(st.none(), st.just("2026-01-02T10:00:00+00:00"))),
    )


def format_amount(minor: int, digits: int, number_format: NumberFormat) -> str:
    whole, _, fraction = format_minor_units(minor, digits).partition(".")
    grouped = f"{int(whole):,}".replace(",", number_format.group_separator)
    return grouped + (number_format.decimal_point + fraction if fraction else "")


def to_draft(deal: Deal, rules: InputRules, iso: bool) -> DealDraft:
    def day(value: dt.date | None) -> str:
        return "" if value is None else value.isoformat() if iso else de(value)

    return DealDraft(
        title=deal.title,
        client=deal.client or "", rep=deal.rep or "", product=deal.product or "",
        channel=deal.channel or "", region=deal.region or "", audience=deal.audience or "",
        customer_type=deal.customer_type.value if deal.customer_type_set else "",
        stage=deal.stage or "",
        outcome=deal.outcome.value,
        first_contact=day(deal.first_contact), closed_on=day(deal.closed_on),
        expected_close=day(deal.expected_close),
        next_step=deal.next_step,
        amount="" if deal.amount is None else format_amount(
            deal.amount, rules.currency_digits[deal.currency], rules.number_format),
        currency=deal.currency,
        lost_reason=deal.lost_reason or "",
        notes=deal.notes,
    )


@given(valid_deals(), st.booleans(), st.sampled_from(LOCALES))
def test_a_valid_deal_round_trips_through_the_form(deal: Deal, iso: bool,
                                                   number_format: NumberFormat) -> None:
    rules = replace(RULES, number_format=number_format)
    result = validate_draft(to_draft(deal, rules, iso), rules, base=deal)
    assert result.errors == {}
    assert result.deal == deal


# --- parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number_format", "value"),
    [
        ("1.234,50", GERMAN, "1234.50"),
        ("1 234,50", GERMAN, "1234.50"),
        ("1\u00a0234,50", GERMAN, "1234.50"),
        ("1 234,50", FRENCH, "1234.50"),
        ("1\u202f234,50", FRENCH, "1234.50"),
        ("1 234 567,5", FRENCH_SPACE, "1234567.5"),
        ("1,234.50", ENGLISH, "1234.50"),
        ("1,234,567", ENGLISH, "1234567"),
        ("1'234.50", SWISS, "1234.50"),
        ("12.5", ENGLISH, "12.5"),
        ("12.5", GERMAN, "12.5"),  # plain decimals work everywhere
        ("12.5", FRENCH, "12.5"),
        ("12,5", GERMAN, "12.5"),
        ("12,5", FRENCH, "12.5"),
        ("1234.50", GERMAN, "1234.50"),
        ("1.234", GERMAN, "1234"),  # a German group, not a decimal point
        ("1,234", ENGLISH, "1234"),
        ("0", ENGLISH, "0"),
        ("0,00", GERMAN, "0"),
        ("  42  ", ENGLISH, "42"),
    ],
)
def test_parse_amount_reads_local_separators(text: str, number_format: NumberFormat,
                                             value: str) -> None:
    assert parse_amount(text, number_format) == Decimal(value)


@pytest.mark.parametrize("text", ["", " ", "\u00a0", "\t\n"])
def test_an_empty_amount_is_unknown_not_zero(text: str) -> None:
    assert parse_amount(text, GERMAN) is None


@pytest.mark.parametrize(
    ("text", "number_format"),
    [("-5", ENGLISH), ("-1.234,50", GERMAN), ("abc", ENGLISH), ("1,23,4", ENGLISH),
     ("1.23.4", GERMAN), ("12..5", ENGLISH), (",5", GERMAN), ("5,", GERMAN), ("1e3", ENGLISH),
     ("NaN", ENGLISH), ("Infinity", ENGLISH), ("+5", ENGLISH), ("1.234,50", ENGLISH),
     ("10000000000000", ENGLISH), ("9" * 5000, ENGLISH)],
)
def test_parse_amount_refuses_what_is_not_an_amount(text: str,
                                                    number_format: NumberFormat) -> None:
    with pytest.raises(ParseError):
        parse_amount(text, number_format)


def grouped(value: Decimal, number_format: NumberFormat, places: int, group: bool) -> str:
    whole, _, fraction = f"{value:.{places}f}".partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", number_format.group_separator)
    return whole + (number_format.decimal_point + fraction if fraction else "")


@given(
    st.decimals(0, MAX_AMOUNT - Decimal("0.01"), places=2, allow_nan=False,
                allow_infinity=False),
    st.sampled_from(LOCALES),
    st.integers(0, 2),
    st.booleans(),
)
@example(Decimal("1234.5"), GERMAN, 2, True)
@example(Decimal("999.99"), FRENCH, 2, True)
def test_any_amount_written_the_local_way_reads_back_equal(
    value: Decimal, number_format: NumberFormat, places: int, group: bool
) -> None:
    assume(value == round(value, places))
    assert parse_amount(grouped(value, number_format, places, group), number_format) == value


@given(st.text())
def test_parse_amount_never_raises_anything_but_parse_error(text: str) -> None:
    for number_format in LOCALES:
        try:
            value = parse_amount(text, number_format)
        except ParseError:
            continue
        assert value is None or 0 <= value < MAX_AMOUNT


@pytest.mark.parametrize(
    ("value", "digits", "minor"),
    [("12.34", 2, 1234), ("12.3", 2, 1230), ("12", 0, 12), ("1.234", 3, 1234),
     ("0", 2, 0), ("9999999999999.99", 2, 999999999999999)],
)
def test_to_minor_units(value: str, digits: int, minor: int) -> None:
    assert to_minor_units(Decimal(value), digits, "XXX") == minor
    assert Decimal(format_minor_units(minor, digits)) == Decimal(value)


@pytest.mark.parametrize(("value", "digits"), [("12.345", 2), ("0.5", 0), ("1.0001", 3),
                                               ("1.000000000000000000000000000001", 2)])
def test_to_minor_units_refuses_extra_decimals(value: str, digits: int) -> None:
    with pytest.raises(ParseError):
        to_minor_units(Decimal(value), digits, "XXX")


def test_parse_date() -> None:
    assert parse_date("2026-03-31") == dt.date(2026, 3, 31)
    assert parse_date(" 31.03.2026 ", ("%d.%m.%Y",)) == dt.date(2026, 3, 31)
    assert parse_date("") is None and parse_date("  ") is None
    for text, formats in (("31.03.2026", ()), ("2026-02-29", ()),
                          ("31.02.2026", ("%d.%m.%Y",)), ("2026-03-31x", ("%d.%m.%Y",))):
        with pytest.raises(ParseError):
            parse_date(text, formats)
    with pytest.raises(ParseError, match="31.03.2026"):
        parse_date("soon", ("%d.%m.%Y",))


@given(st.text(), st.sampled_from([(), ("%d.%m.%Y",), ("%m/%d/%Y", "%d %B %Y")]))
def test_parse_date_never_raises_anything_but_parse_error(
        text: str, formats: tuple[str, ...]) -> None:
    with contextlib.suppress(ParseError):
        parse_date(text, formats)
