"""The closed deals' tallies per group, counted with numpy over the cache's columns, and their
conversion into the domain's :class:`~salesdesk.domain.metrics.Tally` objects.

Won/lost counts, days, the middle lengths (medians) and the won money of each group come from
``np.bincount`` over a group key; :func:`tallies` turns the arrays into Python in bulk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from salesdesk.analytics.arrays import Array, IntArray, exact_sums
from salesdesk.domain.metrics import MoneyTally, Tally


@dataclass(frozen=True, slots=True)
class ClosedTallies:
    """Per-group arrays of the closed rows' tallies."""

    won: IntArray
    lost: IntArray
    won_days: IntArray
    lost_days: IntArray
    won_untimed: IntArray  # won deals of unknown length
    lost_untimed: IntArray
    low: IntArray
    high: IntArray
    unknown: IntArray
    money_count: IntArray
    money_sum: Array  # int64, or Python ints when huge


def closed_tallies(cols: Mapping[str, Array], currency_count: int, rows: IntArray,
                   keys: IntArray, size: int, cells: int) -> ClosedTallies:
    """Won/lost counts, days, middle lengths and won money per key over closed rows;
    lengths, their sums and medians over the rows whose length is known.

    ``cols`` are the cache's columns, ``currency_count`` the number of currencies it knows;
    the medians come from a (group, length) table of up to ``cells`` cells, else by sorting.
    """
    c = cols
    outcome = c["outcome"].take(rows).astype(np.int64)
    length = c["length"].take(rows).astype(np.int64)
    slot = keys * 2 + (outcome - 1)
    counts = np.bincount(slot, minlength=2 * size).reshape(size, 2)
    timed_slot, timed_keys, timed_length = slot, keys, length
    untimed = np.zeros((size, 2), np.int64)
    timed = length >= 0
    if not timed.all():
        untimed = np.bincount(slot[~timed], minlength=2 * size).reshape(size, 2)
        timed_slot, timed_keys, timed_length = slot[timed], keys[timed], length[timed]
    days = np.rint(np.bincount(timed_slot, weights=timed_length, minlength=2 * size)
                   ).astype(np.int64).reshape(size, 2)
    low = np.full(size, -1, np.int64)
    high = np.full(size, -1, np.int64)
    timed_counts = (counts - untimed).sum(axis=1)
    present = np.flatnonzero(timed_counts)
    n = timed_counts[present]
    width = int(timed_length.max()) + 1 if timed_length.size else 1
    if present.size * width <= cells:
        # Medians from a histogram of (group, length): the first length whose cumulative
        # count passes each middle rank.
        compact = np.zeros(size, np.int64)
        compact[present] = np.arange(present.size)
        cumulative = np.bincount(compact.take(timed_keys) * width + timed_length,
                                 minlength=present.size * width
                                 ).reshape(present.size, width).cumsum(axis=1)
        low[present] = (cumulative > ((n - 1) // 2)[:, None]).argmax(axis=1)
        high[present] = (cumulative > (n // 2)[:, None]).argmax(axis=1)
    else:
        order = np.lexsort((timed_length, timed_keys))
        sorted_lengths = timed_length[order]
        starts = np.searchsorted(timed_keys[order], present)
        low[present] = sorted_lengths[starts + (n - 1) // 2]
        high[present] = sorted_lengths[starts + n // 2]
    won = outcome == 1
    won_rows, won_keys = rows[won], keys[won]
    amount = c["amount"].take(won_rows)
    currency = c["currency"].take(won_rows).astype(np.int64)
    known = amount >= 0
    currencies = currency_count or 1
    money_key = won_keys[known] * currencies + currency[known]
    return ClosedTallies(
        won=counts[:, 0], lost=counts[:, 1], won_days=days[:, 0], lost_days=days[:, 1],
        won_untimed=untimed[:, 0], lost_untimed=untimed[:, 1], low=low, high=high,
        unknown=np.bincount(won_keys[~known], minlength=size),
        money_count=np.bincount(money_key, minlength=size * currencies).reshape(size, -1),
        money_sum=exact_sums(money_key, amount[known], size * currencies
                             ).reshape(size, -1),
    )


def overall(groups: ClosedTallies, lengths: Array) -> ClosedTallies:
    """The whole slice's closed tallies from its groups (each closed row is in one);
    ``lengths`` are the closed rows' deal lengths (-1 where unknown)."""
    low, high = -1, -1
    lengths = lengths[lengths >= 0]
    if lengths.size:
        cumulative = np.bincount(lengths).cumsum()
        n = int(cumulative[-1])
        low = int(np.searchsorted(cumulative, (n - 1) // 2, side="right"))
        high = int(np.searchsorted(cumulative, n // 2, side="right"))

    def total(values: Array) -> Array:
        summed: Array = values.sum(axis=0, keepdims=True)
        return summed

    return ClosedTallies(
        won=total(groups.won), lost=total(groups.lost), won_days=total(groups.won_days),
        lost_days=total(groups.lost_days), won_untimed=total(groups.won_untimed),
        lost_untimed=total(groups.lost_untimed), low=np.array([low]), high=np.array([high]),
        unknown=total(groups.unknown), money_count=total(groups.money_count),
        money_sum=total(groups.money_sum))


def tallies(currencies: Sequence[str], closed: ClosedTallies, opens: IntArray,
            groups: IntArray) -> list[Tally]:
    """Tally objects for the given group indexes (converted to Python in bulk)."""
    columns = zip(
        opens.take(groups).tolist(), closed.won.take(groups).tolist(),
        closed.lost.take(groups).tolist(), closed.won_days.take(groups).tolist(),
        closed.lost_days.take(groups).tolist(), closed.low.take(groups).tolist(),
        closed.high.take(groups).tolist(), closed.unknown.take(groups).tolist(),
        closed.money_count[groups].tolist(), closed.money_sum[groups].tolist(),
        closed.won_untimed.take(groups).tolist(), closed.lost_untimed.take(groups).tolist(),
        strict=True)
    order = sorted(range(len(currencies)), key=currencies.__getitem__)
    result = []
    for (open_, won, lost, won_days, lost_days, low, high, unknown, counts, sums,
         won_untimed, lost_untimed) in columns:
        result.append(Tally(
            open=open_, won=won, lost=lost, won_days=won_days, lost_days=lost_days,
            middle_days=None if low < 0 else (low, high),
            won_money=MoneyTally(unknown, tuple(
                (currencies[cur], counts[cur], int(sums[cur]))
                for cur in order if counts[cur])),
            won_length_unknown=won_untimed, lost_length_unknown=lost_untimed))
    return result
