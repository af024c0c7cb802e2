"""Import rules in domain: presets, value synonyms, date and number inference, row checks."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.deals import CustomerType, Outcome
from salesdesk.domain.importing import (
    ColumnMapping,
    Converted,
    DateGuess,
    DateOrder,
    Inference,
    NumberGuess,
    Preset,
    ReadRules,
    Rejected,
    RowConverter,
    Skipped,
    detect_mapping,
    detect_preset,
    parse_import_date,
    split_amount,
)
from salesdesk.domain.parsing import COMMA_DECIMAL, POINT_DECIMAL, ParseError
from salesdesk.domain.validation import InputRules

RULES = InputRules(currency_digits={"EUR": 2, "HUF": 2, "USD": 2, "JPY": 0},
                   base_currency="EUR")


def test_pipedrive_headers_are_recognised_with_fallbacks() -> None:
    headers = ["Deal - ID", "Deal - Title", "Deal - Organization", "Deal - Owner",
               "Deal - Value", "Deal - Currency of Value", "Deal - Stage", "Deal - Status",
               "Deal - Deal created", "Deal - Won time", "Deal - Lost time",
               "Deal - Deal closed on", "Deal - Lost reason", "Deal - Source channel",
               "Deal - Product name", "Deal - Expected close date"]
    mapping = detect_mapping(headers)
    assert mapping.preset == Preset.PIPEDRIVE
    assert mapping.columns["client"] == "Deal - Organization"
    assert mapping.columns["closed_on"] == "Deal - Deal closed on"
    assert mapping.fallbacks["closed_on"] == ("Deal - Won time", "Deal - Lost time")
    assert mapping.columns["expected_close"] == "Deal - Expected close date"
    assert "first_contact" not in mapping.columns
    assert mapping.created_column == "Deal - Deal created"


def test_hubspot_headers_give_close_date_split_and_stage_history() -> None:
    headers = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date",
               "Deal owner", "Deal Type", "Closed Lost Reason",
               "Associated Company (Primary)",
               'Date entered "Appointment Scheduled (Sales Pipeline)"',
               'Date entered "Closed Won (Sales Pipeline)"']
    mapping = detect_mapping(headers)
    assert mapping.preset == Preset.HUBSPOT
    assert mapping.columns["stage"] == mapping.columns["outcome"] == "Deal Stage"
    assert mapping.columns["closed_on"] == mapping.columns["expected_close"] == "Close Date"
    assert mapping.columns["customer_type"] == "Deal Type"
    assert mapping.stage_dates[0] == (headers[10], "Appointment Scheduled")


def test_plain_headers_are_matched_case_insensitively_with_synonyms() -> None:
    mapping = detect_mapping(["Company", "DEAL NAME", "Status", "close_date", "Value", "Owner"])
    assert detect_preset(["Company", "Status"]) == Preset.PLAIN
    # The close date of won and lost deals is the expected close of open ones.
    assert mapping.columns == {"client": "Company", "title": "DEAL NAME", "outcome": "Status",
                               "closed_on": "close_date", "expected_close": "close_date",
                               "amount": "Value", "rep": "Owner"}


def test_salesforce_report_and_sql_style_names_are_recognised() -> None:
    salesforce = detect_mapping(["Opportunity Name", "Opportunity Owner", "Account Name",
                                 "Stage", "Close Date", "Created Date", "Won", "Closed",
                                 "Lead Source", "Type", "Amount"])
    assert salesforce.columns == {
        "title": "Opportunity Name", "rep": "Opportunity Owner", "client": "Account Name",
        "stage": "Stage", "closed_on": "Close Date", "expected_close": "Close Date",
        "channel": "Lead Source", "customer_type": "Type", "amount": "Amount"}
    # Beside a Won column, Closed is Salesforce's true/false flag ...
    assert (salesforce.won_column, salesforce.closed_column) == ("Won", "Closed")
    assert salesforce.created_column == "Created Date"
    sql = detect_mapping(["deal_name", "sales_stage", "close_date", "created_at", "amount"])
    assert sql.columns == {"title": "deal_name", "stage": "sales_stage",
                           "closed_on": "close_date", "expected_close": "close_date",
                           "amount": "amount"}
    assert sql.created_column == "created_at"
    # ... and without one, a close date.
    alone = detect_mapping(["name", "deal_stage", "closed", "created_at"])
    assert alone.columns["stage"] == "deal_stage"
    assert alone.columns["closed_on"] == "closed" and alone.closed_column is None


def test_mapping_round_trips_through_a_preset_dict() -> None:
    mapping = detect_mapping(["Title", "State"]).with_outcome_values({"Signed": "won"})
    again = ColumnMapping.from_dict(mapping.to_dict())
    assert again == mapping
    with pytest.raises(ValueError):
        ColumnMapping.from_dict({"columns": {"nonsense": "x"}})


@pytest.mark.parametrize(("text", "order", "expected"), [
    ("2026-03-31", None, dt.date(2026, 3, 31)),
    ("2026-03-31T14:22:00Z", None, dt.date(2026, 3, 31)),
    ("31.03.2026", DateOrder.DMY, dt.date(2026, 3, 31)),
    ("03/31/2026 2:22 PM", DateOrder.MDY, dt.date(2026, 3, 31)),
    ("2026. 03. 31.", None, dt.date(2026, 3, 31)),
    ("31/03/26", DateOrder.DMY, dt.date(2026, 3, 31)),
    ("46112", None, dt.date(2026, 3, 31)),  # Excel serial day
    ("", None, None),
])
def test_dates_are_read_in_many_forms(text: str, order: DateOrder | None,
                                      expected: dt.date | None) -> None:
    assert parse_import_date(text, order) == expected


def test_a_given_format_still_reads_iso_dates_of_workbook_cells() -> None:
    assert parse_import_date("2026-03-31", None, "%d.%m.%Y") == dt.date(2026, 3, 31)
    assert parse_import_date("31.03.2026 10:00", None, "%d.%m.%Y") == dt.date(2026, 3, 31)
    with pytest.raises(ParseError, match=r"31\.03\.2026"):
        parse_import_date("03/31/2026", None, "%d.%m.%Y")


@pytest.mark.parametrize("text", ["31.02.2026", "tomorrow", "2026-13-01", "1.2.300"])
def test_impossible_dates_are_errors(text: str) -> None:
    with pytest.raises(ParseError):
        parse_import_date(text, DateOrder.DMY)


def test_date_order_is_decided_by_the_whole_column() -> None:
    guess = DateGuess()
    for value in ("01.02.2026", "03.04.2026"):
        guess.add(value)
    assert guess.ambiguous and not guess.resolved
    guess.add("25.04.2026")
    assert guess.resolved and guess.order() is DateOrder.DMY
    us = DateGuess()
    for value in ("01/02/2026", "12/31/2026"):
        us.add(value)
    assert us.order() is DateOrder.MDY


def test_an_ambiguous_column_follows_a_decided_one_and_says_so() -> None:
    headers = ["first", "closed"]
    mapping = ColumnMapping(columns={"first_contact": "first", "closed_on": "closed"})
    inference = Inference.for_mapping(headers, mapping)
    for row in (["01/02/2026", "02/03/2026"], ["04/05/2026", "12/25/2026"]):
        inference.add(row)
    rules, notes = inference.rules()
    assert rules.date_orders == {"first": DateOrder.MDY, "closed": DateOrder.MDY}
    assert any("fit both" in n and "'first'" in n for n in notes)


@pytest.mark.parametrize(("values", "expected"), [
    (["1.234,50", "12"], COMMA_DECIMAL),
    (["1 234,50"], COMMA_DECIMAL),
    (["1,234.50", "7"], POINT_DECIMAL),
    (["1234.5"], POINT_DECIMAL),
])
def test_number_format_is_inferred_per_column(values: list[str], expected: object) -> None:
    guess = NumberGuess()
    for value in values:
        guess.add(value)
    assert guess.resolved
    assert guess.number_format() == expected


def test_ambiguous_amounts_follow_the_default() -> None:
    guess = NumberGuess()
    guess.add("1.234")
    assert not guess.resolved
    assert guess.number_format(COMMA_DECIMAL) == COMMA_DECIMAL


def test_currency_marks_name_the_currency() -> None:
    assert split_amount("€ 1.234,50") == ("1.234,50", "EUR")
    assert split_amount("1234 EUR") == ("1234", "EUR")
    assert split_amount("-5 $") == ("-5", "USD")
    assert split_amount("1234") == ("1234", None)
    assert split_amount("about 500") is None


def _converter(headers: list[str], mapping: ColumnMapping | None = None,
               rules: ReadRules | None = None) -> RowConverter:
    return RowConverter(headers, mapping or detect_mapping(headers), rules or ReadRules(),
                        RULES)


@pytest.mark.parametrize(("status", "outcome"), [
    ("Won", Outcome.WON), ("Closed Won", Outcome.WON), ("megnyert", Outcome.WON),
    ("Lost", Outcome.LOST), ("closed lost", Outcome.LOST), ("Elveszett", Outcome.LOST),
    ("whatever", Outcome.OPEN), ("", Outcome.OPEN),
])
def test_outcome_synonyms(status: str, outcome: Outcome) -> None:
    converter = _converter(["title", "status", "first contact", "closed on"])
    result = converter.convert(["T", status, "2026-01-01",
                                "" if outcome is Outcome.OPEN else "2026-02-01"])
    assert isinstance(result, Converted)
    assert result.deal.outcome is outcome


def test_user_value_mapping_wins_and_can_skip() -> None:
    headers = ["title", "status"]
    mapping = detect_mapping(headers).with_outcome_values({"Signed": "won", "Spam": "skip"})
    converter = _converter(headers, mapping)
    assert isinstance(converter.convert(["T", "Spam"]), Skipped)
    undated = converter.convert(["T", "signed"])
    # Won without dates: imported, said so, counted in conversion only (DESIGN.md §4).
    assert isinstance(undated, Converted) and undated.deal.outcome is Outcome.WON
    assert undated.warnings == (
        "A won deal without a close date; it counts in conversion, not in deal length.",
        "A won deal without a first-contact date; it counts in conversion, not in deal"
        " length.")


def test_title_is_made_from_client_and_product_without_a_title_column() -> None:
    result = _converter(["client", "product"]).convert(["Acme", "Website"])
    assert isinstance(result, Converted)
    assert result.deal.title == "Acme Website"
    assert result.deal.amount is None and result.deal.client == "Acme"


def test_blank_client_and_amount_and_a_lost_deal_without_reason_are_accepted() -> None:
    converter = _converter(["title", "client", "amount", "status", "first contact", "closed"])
    result = converter.convert(["T", "", "", "lost", "2026-01-01", "2026-01-02"])
    assert isinstance(result, Converted)
    assert (result.deal.client, result.deal.amount, result.deal.lost_reason) == (None, None,
                                                                                  None)
    assert result.deal.outcome is Outcome.LOST


def test_created_date_is_the_inferred_first_contact() -> None:
    result = _converter(["title", "created"]).convert(["T", "2026-01-05 10:00"])
    assert isinstance(result, Converted)
    assert result.deal.first_contact == dt.date(2026, 1, 5)
    assert result.deal.first_contact_inferred


def test_hubspot_close_date_is_expected_close_for_open_deals() -> None:
    headers = ["Deal Name", "Deal Stage", "Close Date", "Create Date", "Deal Type"]
    converter = _converter(headers)
    open_deal = converter.convert(["A", "Proposal", "2026-05-01", "2026-01-01", "newbusiness"])
    won = converter.convert(["B", "Closed Won", "2026-05-01", "2026-01-01",
                             "existingbusiness"])
    assert isinstance(open_deal, Converted) and isinstance(won, Converted)
    assert open_deal.deal.expected_close == dt.date(2026, 5, 1)
    assert open_deal.deal.closed_on is None and open_deal.deal.stage == "Proposal"
    assert won.deal.closed_on == dt.date(2026, 5, 1) and won.deal.expected_close is None
    assert won.deal.outcome is Outcome.WON and won.deal.stage is None
    assert won.deal.customer_type is CustomerType.CURRENT and won.deal.customer_type_set


def test_rejections_name_the_column() -> None:
    headers = ["title", "first contact", "closed on", "status", "amount"]
    converter = _converter(headers, rules=ReadRules({"first contact": DateOrder.DMY,
                                                     "closed on": DateOrder.DMY}))
    cases = {
        ("T", "10.01.2026", "05.01.2026", "won", "1"): "closed on: The close date is before",
        ("T", "31.02.2026", "", "open", "1"): "first contact '31.02.2026': Impossible date",
        ("T", "10.01.2026", "", "open", "-5"): "amount '-5': An amount cannot be negative",
        ("T", "10.01.2026", "", "open", "about 5"): "amount 'about 5': Not an amount",
        ("T", "10.01.2026", "15.15.2026", "won", "1"): "closed on '15.15.2026': Impossible",
        ("T", "10.01.2026", "soon", "won", "1"): "closed on 'soon': Not a date",
    }
    for row, expected in cases.items():
        result = converter.convert(list(row))
        assert isinstance(result, Rejected), row
        assert expected in result.reason()
        if "Not a date" in expected:  # and where to say how the file writes its dates
            assert "--date-format" in result.reason()


def test_a_row_longer_than_the_header_is_rejected_not_cut() -> None:
    result = _converter(["title"]).convert(["T", "surplus"])
    assert isinstance(result, Rejected)
    assert isinstance(_converter(["title"]).convert(["T", ""]), Converted)
    assert isinstance(_converter(["title"]).convert(["", " "]), Skipped)
