"""The import's fast path (issue 14): ``BatchConverter`` reads a batch of rows column by
column and must give every row exactly what ``RowConverter.convert`` gives it -- the same
deal, the same rejection or skip with the same problems, the same counters and notes -- while
settling plain rows itself (a fast path that left every row to the converter would pass the
first property and be no faster)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import replace
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.currencies import currency_digits
from salesdesk.domain.importing import (
    BatchConverter,
    ColumnMapping,
    DateOrder,
    ReadRules,
    RowConverter,
    batch,
    detect_mapping,
)
from salesdesk.domain.importing.reading import COMMA_DECIMAL
from salesdesk.domain.validation import InputRules

RULES = InputRules(currency_digits(), "EUR")

HEADERS = ["Title", "Company", "Owner", "Product", "Stage", "Status", "First contact",
           "Closed on", "Expected close", "Amount", "Currency", "Lost reason",
           "Lost reason details", "Notes", "External ID", "Type", "Customer type kept as given"]
# A pipeline sheet's one close-date column: closed for decided deals, expected for open ones.
SPLIT_HEADERS = ["Deal", "Client", "Stage", "Status", "First contact", "Close Date", "Value",
                 "Lost reason"]

CELLS: dict[str, list[str]] = {
    "title": ["Kiln retrofit", "", "  spaced   out ", "\\N", "x" * 201, "Ünnepi ajánlat",
              "bad \udcff byte"],
    "name": ["Acme", "acme ", "", "NULL", "Réka Farkas", "y" * 201, "-None-"],
    "stage": ["Lead", "Proposal", "", "Closed Won", "Closed Lost", "Negotiation/Review"],
    "status": ["won", "lost", "open", "", "Won", "gewonnen", "deleted", "maybe"],
    "date": ["2026-01-05", "2026-02-01", "", "31.03.2026", "03/04/2026", "Apr 15, 2021",
             "not a date", "\\N", "2026-01-05T08:00:00Z", "2025-12-24"],
    "amount": ["1200", "1,250.50", "$5", "22 700 Ft", "EUR 1.200,00", "-5", "about 500", "",
               "12.345", "0.5", "1e5"],
    "currency": ["EUR", "USD", "", "XXX", "huf", "NULL"],
    "reason": ["Price", "", "Competitor", "\\N"],
    "detail": ["", "", "went with the cheaper one"],
    "notes": ["", "call back", "z" * 20_001, "NULL"],
    "external": ["", "E1", "salesdesk:0123456789abcdef:4:2026-01-01T00:00:00+00:00", "NULL"],
    "type": ["", "New Business", "Existing Business", "Renewal", "weird", "current"],
    "flag": ["", "yes", "no", "1", "perhaps"],
}
KINDS = ["title", "name", "name", "name", "stage", "status", "date", "date", "date", "amount",
         "currency", "reason", "detail", "notes", "external", "type", "flag"]
# Salesforce's: the created date is the first contact, IsWon / IsClosed say the outcome.
FLAGGED_HEADERS = ["OpportunityName", "AccountName", "StageName", "CloseDate", "CreatedDate",
                   "IsWon", "IsClosed", "Amount", "CurrencyIsoCode"]
FLAGGED_KINDS = ["title", "name", "stage", "date", "date", "flag", "flag", "amount",
                 "currency"]
SPLIT_KINDS = ["title", "name", "stage", "status", "date", "date", "amount", "reason"]


def _row(kinds: Sequence[str]) -> st.SearchStrategy[list[str]]:
    cells = st.tuples(*(st.sampled_from(CELLS[kind]) for kind in kinds)).map(list)
    ragged = st.tuples(cells, st.integers(-3, 2)).map(
        lambda pair: pair[0][:pair[1]] if pair[1] < 0 else pair[0] + [""] * pair[1])
    blank = st.sampled_from([[""] * len(kinds), [" "] * len(kinds), []])
    return st.one_of(cells, cells, cells, ragged, blank)


def _converters(headers: list[str], mapping: ColumnMapping, rules: ReadRules
                ) -> tuple[RowConverter, RowConverter]:
    def order_of(header: str) -> DateOrder:
        return DateOrder.DMY
    return (RowConverter(headers, mapping, rules, RULES, order_of),
            RowConverter(headers, mapping, rules, RULES, order_of))


def _same_as_rows(headers: list[str], rows: list[list[str]], rules: ReadRules,
                  batch_size: int) -> None:
    mapping = detect_mapping(headers)
    fast, one_by_one = _converters(headers, mapping, rules)
    batcher = BatchConverter(fast)
    assert batcher.supported
    results = []
    for start in range(0, len(rows), batch_size):
        results += batcher.convert(rows[start:start + batch_size]).results()
    assert results == [one_by_one.convert(row) for row in rows]
    assert fast.lost_by_reason == one_by_one.lost_by_reason
    assert fast.currencies_from_amounts == one_by_one.currencies_from_amounts
    # A column read again for its order is noted with the first value that needed it: the
    # fast path reads a batch's columns one after another, and before the rows it leaves
    # to the converter, so it may quote another such value of the same batch.
    assert sorted(map(_unquoted, fast.notes)) == sorted(map(_unquoted, one_by_one.notes))


def _unquoted(note: str) -> str:
    return re.sub(r"then '[^']*'", "then …", note)


@settings(max_examples=150, deadline=None)
@given(st.lists(_row(KINDS), max_size=40), st.integers(1, 40), st.booleans())
def test_every_row_gets_what_the_row_converter_gives_it(rows: list[list[str]],
                                                         batch_size: int, wide: bool) -> None:
    # wide: every column whose cells seldom repeat is read cell by cell from its first batch
    # on, as a big file's ids, titles and amounts are
    with mock.patch.object(batch, "_WIDE_AFTER", 0 if wide else batch._WIDE_AFTER):
        _same_as_rows(HEADERS, rows, ReadRules(), batch_size)


@pytest.mark.parametrize("read", list(batch._KEEPS))
@pytest.mark.parametrize("cell", ["a  b", " a", "a ", "a|b", "a | b", "a\tb", "a\x1fb",
                                  "a\xa0b", "\\N", "NULL", "", "é", "x" * 20_000])
def test_cells_a_reader_changes_are_read(read: Any, cell: str) -> None:
    assert batch._read_all(read, ["plain", cell]) == [read("plain"), read(cell)]


@given(st.lists(st.text(st.sampled_from("ab |\t\n\x1c\xa0NUL\\é"), max_size=6)),
       st.sampled_from(list(batch._KEEPS)))
def test_a_column_read_at_once_reads_as_cell_by_cell(cells: list[str], read: Any) -> None:
    # (the readers' length limits lowered to lengths the cells have)
    limit = {batch._read_title: "MAX_TITLE", batch._read_name: "MAX_NAME",
             batch._read_text: "MAX_TEXT"}.get(read)
    keeps = {read: (4 if limit else batch._KEEPS[read][0], batch._KEEPS[read][1])}
    with mock.patch.object(batch, "_KEEPS", keeps), (
            mock.patch.object(batch, limit, 4) if limit else nullcontext()):
        assert batch._read_all(read, cells) == [read(cell) for cell in cells]


@settings(max_examples=100, deadline=None)
@given(st.lists(_row(SPLIT_KINDS), max_size=40), st.integers(1, 12),
       st.sampled_from([ReadRules(), ReadRules(number_format=COMMA_DECIMAL),
                        ReadRules(date_orders={"First contact": DateOrder.MDY,
                                               "Close Date": DateOrder.MDY},
                                  assumed_orders=frozenset({"First contact", "Close Date"}))]))
def test_a_close_date_column_and_other_reading_rules_agree_too(
        rows: list[list[str]], batch_size: int, rules: ReadRules) -> None:
    _same_as_rows(SPLIT_HEADERS, rows, rules, batch_size)


@settings(max_examples=100, deadline=None)
@given(st.lists(_row(FLAGGED_KINDS), max_size=40), st.integers(1, 12))
def test_a_created_date_and_won_closed_flags_agree_too(rows: list[list[str]],
                                                       batch_size: int) -> None:
    mapping = detect_mapping(FLAGGED_HEADERS)
    assert mapping.created_column and mapping.won_column and mapping.closed_column
    _same_as_rows(FLAGGED_HEADERS, rows, ReadRules(), batch_size)


def test_plain_rows_are_settled_by_the_fast_path() -> None:
    rows = [["Kiln", "Acme", "Ada", "CRM", "Lead", "won", "2026-01-05", "2026-02-01", "",
             "1,250.50", "EUR", "", "", "call", "E1", "New Business", "yes"],
            ["Glaze", "Acme", "Ada", "CRM", "Proposal", "open", "2026-01-05", "",
             "2026-03-01", "$5", "", "", "", "", "", "", ""],
            ["Dryer", "Baltic", "Jonas", "", "", "lost", "2026-01-05", "2026-01-20", "",
             "", "", "Price", "too dear", "", "", "", ""]]
    fast, _ = _converters(HEADERS, detect_mapping(HEADERS), ReadRules())
    batch = BatchConverter(fast).convert(rows)
    assert batch.others == []
    assert batch.positions == [0, 1, 2]
    assert batch.columns["client"] == ["Acme", "Acme", "Baltic"]
    assert batch.columns["outcome"] == ["won", "open", "lost"]
    assert batch.columns["closed_on"] == ["2026-02-01", None, "2026-01-20"]
    assert batch.columns["amount"] == [125050, 500, None]
    assert batch.columns["currency"] == ["EUR", "USD", "EUR"]
    assert batch.columns["customer_type"] == ["new", "new", "new"]
    assert batch.columns["customer_type_set"] == [True, False, False]
    assert fast.currencies_from_amounts == {"USD": 1}


def test_rows_it_cannot_settle_are_converted_one_by_one() -> None:
    good = ["Kiln", "Acme", "", "", "", "won", "2026-01-05", "2026-02-01", "", "", "", "",
            "", "", "", "", ""]
    undated = ["Glaze", "Acme", "", "", "", "won", "", "", "", "", "", "", "", "", "", "", ""]
    unreadable = [*good[:9], "about 500", *good[10:]]
    fast, _ = _converters(HEADERS, detect_mapping(HEADERS), ReadRules())
    batch = BatchConverter(fast).convert([good, undated, [], unreadable, good[:5]])
    assert batch.positions == [0]
    assert [place for place, _ in batch.others] == [1, 2, 3, 4]


@pytest.mark.parametrize("failing", [3, 30])  # a few rows deleted, many copied out
def test_a_batch_keeps_the_settled_rows_whatever_number_fail(failing: int) -> None:
    good = ["Kiln", "Acme", "", "", "", "won", "2026-01-05", "2026-02-01", "", "12", "", "",
            "", "", "", "", ""]
    rows = [[f"Deal {i}", *good[1:9], "about 500" if i % 2 else str(i), *good[10:]]
            for i in range(2 * failing)]
    _same_as_rows(HEADERS, rows, ReadRules(), len(rows))
    fast, _ = _converters(HEADERS, detect_mapping(HEADERS), ReadRules())
    batch = BatchConverter(fast).convert(rows)
    assert batch.positions == list(range(0, 2 * failing, 2))
    assert batch.columns["title"] == [f"Deal {i}" for i in batch.positions]
    assert batch.columns["amount"] == [i * 100 for i in batch.positions]


def test_fallback_and_stage_date_columns_are_read_row_by_row() -> None:
    headers = ["Deal Name", "Deal Stage", "Create Date", "Close Date", "Amount", "Won time"]
    plain = ColumnMapping(columns={"title": "Deal Name"}, created_column="Create Date",
                          won_column="Amount")
    assert BatchConverter(RowConverter(headers, plain, ReadRules(), RULES)).supported
    for mapping in (replace(plain, stage_dates=(("Close Date", "Lead"),)),
                    replace(plain, columns={"title": "Deal Name", "closed_on": "Close Date"},
                            fallbacks={"closed_on": ("Won time",)})):
        assert not BatchConverter(RowConverter(headers, mapping, ReadRules(), RULES)).supported
