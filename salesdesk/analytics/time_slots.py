"""Time slots of a slice grouped by month or quarter: each closed deal's slot, and the deals
open at the end of each slot, counted with numpy over the analytics cache's columns.

By close (the usual view) a slot is a month or quarter overlapping the slice's period, and its
open deals are those first contacted by its end and not closed by then; by cohort a slot is
the month or quarter of first contact (slot 0: none).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import numpy as np

from salesdesk.analytics.arrays import NEVER, Array, BoolArray, IntArray
from salesdesk.domain.columns import NO_DATE
from salesdesk.domain.periods import Period, bucket_label, bucket_number, bucket_range
from salesdesk.domain.slices import Dimension, Slice


def bucket_numbers(dimension: Dimension, months: Array) -> IntArray:
    """The month numbers as the numbers of ``dimension``'s buckets (months or quarters)."""
    numbers = months.astype(np.int64)
    return numbers if dimension is Dimension.MONTH else numbers // 3


def cohort_slots(months: Array, dimension: Dimension, other: int, closed_rows: IntArray,
                 closed_keys: IntArray, open_rows: IntArray, open_keys: IntArray
                 ) -> tuple[list[str | None], IntArray, IntArray, int]:
    """Keys by the month/quarter of first contact; slot 0 is "no first contact".

    ``months`` is the cache's column of first-contact month numbers."""
    bucket = dimension.bucket
    assert bucket is not None
    closed_months, open_months = months.take(closed_rows), months.take(open_rows)
    numbers = [bucket_numbers(dimension, m[m >= 0])
               for m in (closed_months, open_months)]
    present = [n for n in numbers if n.size]
    first = min((int(n.min()) for n in present), default=0)
    last = max((int(n.max()) for n in present), default=-1)
    labels: list[str | None] = [None, *(bucket_label(bucket, n)
                                        for n in range(first, last + 1))]
    width = len(labels)

    def slots(keys: IntArray, m: Array) -> IntArray:
        slot = np.where(m >= 0, bucket_numbers(dimension, m) - first + 1, 0)
        return keys * width + slot

    size = other * width
    opens = np.bincount(slots(open_keys, open_months), minlength=size)
    return labels, slots(closed_keys, closed_months), opens, size


def period_slots(cols: Mapping[str, Array], group_keys: Callable[[IntArray | None], IntArray],
                 dimension: Dimension, other: int, sl: Slice, fmask: BoolArray | None,
                 closed_rows: IntArray, closed_keys: IntArray, cells: int
                 ) -> tuple[list[str | None], IntArray, IntArray, int]:
    """Keys by the month/quarter of close, and the deals open at the end of each.

    ``cols`` are the cache's columns; ``group_keys`` gives the combined code of the
    categorical dimensions of some rows (None: every row), of ``other`` possible values.
    The open counts come from a per-day table of up to ``cells`` cells, else per bucket."""
    bucket = dimension.bucket
    assert bucket is not None
    c = cols
    rows = None if fmask is None else np.flatnonzero(fmask)

    def column(name: str) -> Array:
        return c[name] if rows is None else c[name].take(rows)

    fc, closed = column("fc"), column("closed")
    # A decided deal without a close date is never open at a month's end, but its first
    # contact still widens the months listed (as the reference's candidate_buckets).
    undated = closed == NO_DATE
    is_closed = (closed != NEVER) & ~undated
    # The months/quarters from the earliest to the latest date that overlap the period.
    candidates: list[int] = []
    ends: list[int] = []
    if fc.size:
        low = min(int(np.where(fc != NO_DATE, fc, NEVER).min()),
                  int(np.where(undated, NEVER, closed).min()))
        high = max(int(fc.max()), int(np.where(is_closed, closed, NO_DATE).max()))
        if low != NEVER:
            for number in range(bucket_number(bucket, dt.date.fromordinal(low)),
                                bucket_number(bucket, dt.date.fromordinal(high)) + 1):
                part = sl.period.intersect(Period.between(*bucket_range(bucket, number)))
                if part.end is not None:
                    candidates.append(number)
                    ends.append(part.end.toordinal())
    if not candidates:
        return [None], closed_keys, np.zeros(other, np.int64), other
    labels: list[str | None] = [bucket_label(bucket, n) for n in candidates]
    slots = len(candidates)
    first = candidates[0]
    span = candidates[-1] - first + 1
    slot_of = np.zeros(span, np.int64)
    relative = np.array(candidates) - first
    slot_of[relative] = np.arange(slots)
    closed_relative = bucket_numbers(
        dimension, c["closed_month"].take(closed_rows)) - first
    keys = closed_keys * slots + slot_of.take(closed_relative)
    # Open at the end of slot b: first contact on or before ends[b] (or none) and not
    # closed by then: (#first contact <= end) - (#closed <= end), counted cumulatively.
    if undated.any():  # from here on column() reads the kept rows too
        kept = np.flatnonzero(~undated)
        rows = kept if rows is None else rows.take(kept)
        fc, closed, is_closed = fc.take(kept), closed.take(kept), is_closed.take(kept)
    key = group_keys(rows)
    days = high - low + 2  # day 0 holds the deals without a first contact
    if other * days <= cells:
        fc_day = np.where(fc != NO_DATE, fc.astype(np.int64) - (low - 1), 0)
        closing = np.flatnonzero(is_closed)
        closed_day = closed.take(closing).astype(np.int64) - (low - 1)
        if other > 1:
            fc_day += key * days
            closed_day += key.take(closing) * days
        change = np.bincount(fc_day, minlength=other * days)
        change[:] -= np.bincount(closed_day, minlength=other * days)
        cumulative = change.reshape(other, days).cumsum(axis=1)
        at = np.clip(np.array(ends, np.int64) - (low - 1), 0, days - 1)
        opens = cumulative[:, at].reshape(-1)
    else:
        opens = opens_by_bucket(dimension, key, other, candidates, ends, fc, closed,
                                column)
    return labels, keys, opens, other * slots


def opens_by_bucket(dimension: Dimension, key: IntArray, other: int,
                    candidates: list[int], ends: list[int], fc: Array, closed: Array,
                    column: Callable[[str], Array]) -> IntArray:
    """Open counts per (group, slot) without a per-day table (for many groups)."""
    slots, first = len(candidates), candidates[0]
    span = candidates[-1] - first + 1
    relative = np.array(candidates) - first
    end_of = np.full(span, NEVER, np.int64)
    end_of[relative] = ends
    before = np.searchsorted(relative, np.arange(span), side="left")

    def first_slot_reached(day: Array, numbers: IntArray, missing: BoolArray,
                           none_value: int) -> IntArray:
        rel = np.clip(numbers - first, 0, span - 1)
        reached = before.take(rel) + (day > end_of.take(rel))
        reached = np.where(numbers - first >= span, slots, reached)
        return np.where(missing, none_value, reached)

    starts = first_slot_reached(fc, bucket_numbers(dimension, column("fc_month")),
                                fc == NO_DATE, 0)
    stops = first_slot_reached(closed,
                               bucket_numbers(dimension, column("closed_month")),
                               closed == NEVER, slots)
    width = slots + 1
    change = (np.bincount(key * width + starts, minlength=other * width)
              - np.bincount(key * width + stops, minlength=other * width))
    return change.reshape(other, width).cumsum(axis=1)[:, :slots].reshape(-1)
