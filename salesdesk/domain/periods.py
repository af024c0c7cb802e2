"""Periods of time for the figures: inclusive date ranges, months and quarters (DESIGN.md §4).

A :class:`Period` is a union of inclusive date ranges; an open end (None) is unbounded. The
report's ``--from``/``--to`` give one range; choosing months or quarters gives several, and
filters on both are intersected. Months are labelled "YYYY-MM" and quarters "YYYY-Qn"
(calendar quarters); both labels sort in date order as plain strings.

A month is numbered ``year * 12 + month - 1`` and a quarter ``year * 4 + (month - 1) // 3``
(so a quarter's number is its first month's number divided by 3): the analytics cache uses
the same numbering on its date columns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

DateRange = tuple[dt.date | None, dt.date | None]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


class Bucket(StrEnum):
    """The calendar buckets figures can be grouped by."""

    MONTH = "month"
    QUARTER = "quarter"


def month_number(day: dt.date) -> int:
    """The month's number: ``year * 12 + month - 1``."""
    return day.year * 12 + day.month - 1


def bucket_number(bucket: Bucket, day: dt.date) -> int:
    """The number of the month or quarter that ``day`` falls in."""
    number = month_number(day)
    return number if bucket is Bucket.MONTH else number // 3


def bucket_label(bucket: Bucket, number: int) -> str:
    """"YYYY-MM" for a month number, "YYYY-Qn" for a quarter number."""
    if bucket is Bucket.MONTH:
        year, month0 = divmod(number, 12)
        return f"{year:04d}-{month0 + 1:02d}"
    year, quarter0 = divmod(number, 4)
    return f"{year:04d}-Q{quarter0 + 1}"


def parse_bucket(bucket: Bucket, label: str) -> int:
    """The number of a month ("2026-03") or quarter ("2026-Q1") label; ValueError otherwise."""
    if bucket is Bucket.MONTH:
        match = _MONTH.match(label.strip())
        if match and 1 <= int(match[2]) <= 12 and int(match[1]) >= 1:
            return int(match[1]) * 12 + int(match[2]) - 1
        raise ValueError(f"{label!r} is not a month: write it like 2026-03.")
    match = _QUARTER.match(label.strip().upper())
    if match and int(match[1]) >= 1:
        return int(match[1]) * 4 + int(match[2]) - 1
    raise ValueError(f"{label!r} is not a quarter: write it like 2026-Q1.")


def bucket_range(bucket: Bucket, number: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month or quarter."""
    first_month = number if bucket is Bucket.MONTH else number * 3
    months = 1 if bucket is Bucket.MONTH else 3
    year, month0 = divmod(first_month, 12)
    start = dt.date(year, month0 + 1, 1)
    year_after, month0_after = divmod(first_month + months, 12)
    if year_after > dt.MAXYEAR:
        return start, dt.date.max
    return start, dt.date(year_after, month0_after + 1, 1) - dt.timedelta(days=1)


def _lower(start: dt.date | None) -> dt.date:
    return dt.date.min if start is None else start


def _upper(end: dt.date | None) -> dt.date:
    return dt.date.max if end is None else end


def _later_start(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


def _earlier_end(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)


def _later_end(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return None if a is None or b is None else max(a, b)


@dataclass(frozen=True, slots=True)
class Period:
    """A union of inclusive date ranges, kept sorted and merged; no ranges is the empty period.

    ``Period()`` is all time. Won, lost, conversion and deal length count the deals closed in
    the period; the open count is taken at its :attr:`end`.
    """

    ranges: tuple[DateRange, ...] = ((None, None),)

    @classmethod
    def all_time(cls) -> Period:
        """Every date."""
        return cls()

    @classmethod
    def between(cls, start: dt.date | None, end: dt.date | None) -> Period:
        """The dates from ``start`` to ``end`` inclusive (None: unbounded on that side)."""
        return cls._normalised([(start, end)])

    @classmethod
    def of_buckets(cls, bucket: Bucket, numbers: Iterable[int]) -> Period:
        """The union of the given months or quarters."""
        return cls._normalised([bucket_range(bucket, n) for n in numbers])

    @classmethod
    def _normalised(cls, ranges: Iterable[DateRange]) -> Period:
        kept = sorted(
            ((start, end) for start, end in ranges if _lower(start) <= _upper(end)),
            key=lambda r: _lower(r[0]),
        )
        merged: list[DateRange] = []
        for start, end in kept:
            if merged:
                last_start, last_end = merged[-1]
                if last_end is None or _upper(last_end) == dt.date.max:
                    continue  # the last range runs to the end of time
                if _lower(start) <= last_end + dt.timedelta(days=1):
                    merged[-1] = (last_start, _later_end(last_end, end))
                    continue
            merged.append((start, end))
        return cls(tuple(merged))

    def intersect(self, other: Period) -> Period:
        """The dates in both periods."""
        return Period._normalised(
            (_later_start(a_start, b_start), _earlier_end(a_end, b_end))
            for a_start, a_end in self.ranges
            for b_start, b_end in other.ranges
        )

    @property
    def is_all_time(self) -> bool:
        """True when every date is in the period."""
        return self.ranges == ((None, None),)

    @property
    def is_empty(self) -> bool:
        """True when no date is in the period."""
        return not self.ranges

    @property
    def end(self) -> dt.date | None:
        """The last day, where open deals are counted; None when unbounded (or empty)."""
        if not self.ranges:
            return None
        return self.ranges[-1][1]

    @property
    def start(self) -> dt.date | None:
        """The first day; None when unbounded (or empty)."""
        if not self.ranges:
            return None
        return self.ranges[0][0]

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date):
            return False
        return any(_lower(s) <= day <= _upper(e) for s, e in self.ranges)

    def holds_first_contact(self, first_contact: dt.date | None) -> bool:
        """The cohort rule: the deal was first contacted in the period.

        A deal without a first contact yet belongs to the all-time cohort only.
        """
        if first_contact is None:
            return self.is_all_time
        return first_contact in self

    def open_at_end(self, first_contact: dt.date | None, closed_on: dt.date | None) -> bool:
        """A deal is open at the period's end: first contacted on or before it (or not yet),
        and not closed by then. An unbounded period ends now: the deals still open."""
        if self.is_empty:
            return False
        end = self.end
        if end is None:
            return closed_on is None
        if first_contact is not None and first_contact > end:
            return False
        return closed_on is None or closed_on > end


def fiscal_year(today: dt.date, first_month: int) -> tuple[dt.date, dt.date]:
    """The fiscal year containing ``today`` when it starts in ``first_month`` (1–12).

    Only the "this year" presets use the fiscal start; quarters stay calendar quarters.
    """
    if not 1 <= first_month <= 12:
        raise ValueError("The fiscal year starts in a month from 1 to 12.")
    year = today.year if today.month >= first_month else today.year - 1
    start = dt.date(year, first_month, 1)
    end_year, end_month0 = divmod(first_month - 1 + 12, 12)
    return start, dt.date(year + end_year, end_month0 + 1, 1) - dt.timedelta(days=1)


def twelve_months_to(day: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 months up to and including ``day``: from the day after the same date a year
    earlier (28 February for a 29 February) to ``day``."""
    try:
        year_before = day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        year_before = day.replace(year=day.year - 1, day=28)
    return year_before + dt.timedelta(days=1), day
