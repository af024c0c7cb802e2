"""Periods, month/quarter labels, slices, the `\\,` escape and the order of groups."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.periods import (
    Bucket,
    Period,
    bucket_label,
    bucket_number,
    bucket_range,
    fiscal_year,
    parse_bucket,
)
from salesdesk.domain.slices import Dimension, Query, Slice, ordered, split_values

D = dt.date


@pytest.mark.parametrize(("day", "month", "quarter"), [
    (D(2026, 1, 1), "2026-01", "2026-Q1"),
    (D(2026, 3, 31), "2026-03", "2026-Q1"),
    (D(2026, 4, 1), "2026-04", "2026-Q2"),
    (D(2026, 12, 31), "2026-12", "2026-Q4"),
    (D(999, 7, 4), "0999-07", "0999-Q3"),
])
def test_labels(day: dt.date, month: str, quarter: str) -> None:
    assert bucket_label(Bucket.MONTH, bucket_number(Bucket.MONTH, day)) == month
    assert bucket_label(Bucket.QUARTER, bucket_number(Bucket.QUARTER, day)) == quarter
    assert parse_bucket(Bucket.MONTH, month) == bucket_number(Bucket.MONTH, day)
    assert parse_bucket(Bucket.QUARTER, quarter.lower()) == bucket_number(Bucket.QUARTER, day)


def test_labels_sort_in_date_order() -> None:
    days = [D(2025, 12, 31), D(2026, 1, 1), D(2026, 10, 1), D(2027, 2, 1)]
    for bucket in Bucket:
        labels = [bucket_label(bucket, bucket_number(bucket, d)) for d in days]
        assert labels == sorted(labels)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-1", "26-01", "2026-Q1", ""])
def test_bad_month_labels(text: str) -> None:
    with pytest.raises(ValueError, match="month"):
        parse_bucket(Bucket.MONTH, text)


@pytest.mark.parametrize("text", ["2026-Q5", "2026-Q0", "2026-03", "2026Q1"])
def test_bad_quarter_labels(text: str) -> None:
    with pytest.raises(ValueError, match="quarter"):
        parse_bucket(Bucket.QUARTER, text)


def test_bucket_ranges() -> None:
    assert bucket_range(Bucket.MONTH, parse_bucket(Bucket.MONTH, "2024-02")) == (
        D(2024, 2, 1), D(2024, 2, 29))
    assert bucket_range(Bucket.QUARTER, parse_bucket(Bucket.QUARTER, "2026-Q4")) == (
        D(2026, 10, 1), D(2026, 12, 31))


def test_period_union_intersection_and_end() -> None:
    months = Period.of_buckets(Bucket.MONTH, [parse_bucket(Bucket.MONTH, m)
                                              for m in ("2026-03", "2025-12", "2026-02")])
    assert months.ranges == ((D(2025, 12, 1), D(2025, 12, 31)), (D(2026, 2, 1), D(2026, 3, 31)))
    since = Period.between(D(2026, 3, 15), None)
    assert since.intersect(months).ranges == ((D(2026, 3, 15), D(2026, 3, 31)),)
    assert months.end == D(2026, 3, 31) and months.start == D(2025, 12, 1)
    assert since.end is None and not since.is_all_time
    assert Period().intersect(since) == since
    assert Period().is_all_time and Period.all_time() == Period()
    assert D(2026, 1, 15) not in months and D(2026, 2, 1) in months


def test_empty_period() -> None:
    empty = Period.between(D(2026, 2, 1), D(2026, 1, 31))
    assert empty.is_empty and empty.end is None
    assert not empty.open_at_end(None, None)
    assert not empty.holds_first_contact(None)
    assert Period.between(D(2026, 1, 1), D(2026, 1, 31)).intersect(
        Period.between(D(2026, 2, 1), None)).is_empty


def test_open_at_end_rule() -> None:
    jan = Period.between(D(2026, 1, 1), D(2026, 1, 31))
    assert jan.open_at_end(D(2026, 1, 31), None)
    assert jan.open_at_end(None, None)  # no first contact yet
    assert not jan.open_at_end(D(2026, 2, 1), None)
    assert jan.open_at_end(D(2025, 6, 1), D(2026, 2, 1))  # closed after the end
    assert not jan.open_at_end(D(2025, 6, 1), D(2026, 1, 31))  # closed by then
    assert Period().open_at_end(D(2025, 6, 1), None)
    assert not Period().open_at_end(D(2025, 6, 1), D(2025, 7, 1))


def test_cohort_membership() -> None:
    jan = Period.between(D(2026, 1, 1), D(2026, 1, 31))
    assert jan.holds_first_contact(D(2026, 1, 1))
    assert not jan.holds_first_contact(None)
    assert Period().holds_first_contact(None)


@pytest.mark.parametrize(("today", "start", "expected"), [
    (D(2026, 3, 5), 1, (D(2026, 1, 1), D(2026, 12, 31))),
    (D(2026, 3, 5), 4, (D(2025, 4, 1), D(2026, 3, 31))),
    (D(2026, 4, 1), 4, (D(2026, 4, 1), D(2027, 3, 31))),
    (D(2026, 12, 31), 12, (D(2026, 12, 1), D(2027, 11, 30))),
])
def test_fiscal_year(today: dt.date, start: int, expected: tuple[dt.date, dt.date]) -> None:
    assert fiscal_year(today, start) == expected


@pytest.mark.parametrize(("text", "values"), [
    ("Anna", ["Anna"]),
    ("Anna,Ben", ["Anna", "Ben"]),
    (" Anna , Ben ", ["Anna", "Ben"]),
    (r"Smith\, Jones & Co,Acme", ["Smith, Jones & Co", "Acme"]),
    (r"a\\,b", ["a\\", "b"]),
    (r"C:\path", [r"C:\path"]),
    ("a,", ["a", ""]),
])
def test_split_values(text: str, values: list[str]) -> None:
    assert split_values(text) == values


def test_query_rules() -> None:
    with pytest.raises(ValueError):
        Query(by=(Dimension.REP, Dimension.REP))
    with pytest.raises(ValueError):
        Query(by=(Dimension.MONTH, Dimension.QUARTER))
    with pytest.raises(ValueError):
        Query(by=(Dimension.REP, Dimension.CHANNEL, Dimension.REGION))
    with pytest.raises(ValueError):
        Slice({Dimension.MONTH: frozenset({"2026-01"})})
    assert Query(by=(Dimension.REP, Dimension.MONTH)).time_dimension is Dimension.MONTH


def test_group_order() -> None:
    by = (Dimension.REP,)
    groups = [(("ben",), 5), ((None,), 9), (("Anna",), 5), (("Cleo",), 7), (("anna",), 5)]
    assert ordered(by, groups) == [(None,), ("Cleo",), ("Anna",), ("anna",), ("ben",)]
    month_first = [(("2026-02", "Anna"), 1), (("2026-01", "Ben"), 1), (("2026-01", "Anna"), 3)]
    assert ordered((Dimension.MONTH, Dimension.REP), month_first) == [
        ("2026-01", "Anna"), ("2026-01", "Ben"), ("2026-02", "Anna")]
    # The time dimension sorts first wherever it is named.
    rep_month = [(("Anna", "2026-02"), 9), (("Ben", "2026-01"), 1)]
    assert ordered((Dimension.REP, Dimension.MONTH), rep_month) == [
        ("Ben", "2026-01"), ("Anna", "2026-02")]
    cohort = [((None,), 100), (("2026-01",), 1)]
    assert ordered((Dimension.MONTH,), cohort) == [("2026-01",), (None,)]
