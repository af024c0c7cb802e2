"""The analytics cache: the deals as numpy columns answering any slice in milliseconds.

Built from the store's column export (:class:`~salesdesk.domain.columns.DealColumns`, wired by
app.py / cli.py: analytics never reads the store). Dimensions are dictionary-encoded: each
column holds small dense codes (0 = no value) and the cache keeps the names. A query is
reduced to integer counts and sums with ``np.bincount`` — the same :class:`Tally` and
:class:`FunnelTally` integers the reference in ``domain.metrics`` computes deal by deal — and
``domain.metrics.figures`` turns them into rates and averages, so both agree exactly.

Edits are applied incrementally: :meth:`AnalyticsCache.upsert` with the export of the changed
deals and :meth:`AnalyticsCache.remove` with the ids of deleted ones. Lookup renames, merges
and stage reordering are cheapest handled by rebuilding (or upserting every affected deal).

Not thread-safe: build it in a worker, then hand it to the GUI thread and use it there only.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from salesdesk.domain.columns import (
    CLOSED_ON,
    CURRENCY,
    FIRST_CONTACT,
    NO_DATE,
    OUTCOME,
    DealColumns,
)
from salesdesk.domain.metrics import FunnelTally, MoneyTally, SliceResult, Tally
from salesdesk.domain.periods import Period, bucket_label, bucket_number, bucket_range
from salesdesk.domain.slices import CATEGORICAL, Dimension, GroupKey, Query, Slice, ordered

IntArray = npt.NDArray[np.int64]
Array = npt.NDArray[Any]
BoolArray = npt.NDArray[np.bool_]

_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_MONTH_1970 = 1970 * 12
_NEVER = np.iinfo(np.int32).max
_EXACT = 2**53  # float64 sums of integers are exact below this
_HISTOGRAM_CELLS = 8_000_000  # per-day / per-length tables up to this many cells, else sort
_FIELDS = ("ids", "outcome", "fc", "closed", "length", "amount", "currency", "fc_month",
           "closed_month")
_LOOKUP_LIMIT = 1 << 24  # external codes below this are mapped through a lookup table


def _month_numbers(ordinals: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    """year * 12 + month - 1 of each ordinal; -1 where there is no date."""
    days = (ordinals.astype(np.int64) - _EPOCH_ORDINAL).astype("datetime64[D]")
    months = days.astype("datetime64[M]").astype(np.int64) + _MONTH_1970
    return np.where(ordinals == NO_DATE, -1, months).astype(np.int32)


def _exact_sums(keys: IntArray, values: IntArray, size: int) -> Array:
    """Per-key sums of non-negative integers, exact at any magnitude: int64 while the float
    sums are exact and fit, else Python ints (object array)."""
    if values.size == 0:
        return np.zeros(size, np.int64)
    if int(values.max()) * values.size < _EXACT:
        return np.rint(np.bincount(keys, weights=values, minlength=size)).astype(np.int64)
    low = np.rint(np.bincount(keys, weights=values & 0xFFFFFF, minlength=size))
    high = np.rint(np.bincount(keys, weights=values >> 24, minlength=size))
    return np.array([int(h) * 2**24 + int(lo) for h, lo in zip(high, low, strict=True)],
                    dtype=object)


def _in_ranges(column: npt.NDArray[np.int32], period: Period) -> BoolArray:
    """Rows whose date (an ordinal) lies in the period; empty dates (0) only if unbounded."""
    result: BoolArray | None = None
    for start, end in period.ranges:
        part = np.ones(column.shape, dtype=bool)
        if start is not None:
            part &= column >= start.toordinal()
        if end is not None:
            part &= column <= end.toordinal()
        result = part if result is None else result | part
    return np.zeros(column.shape, dtype=bool) if result is None else result


class _Dictionary:
    """Dense codes of one dimension: code 0 is "no value"; external codes are the export's."""

    def __init__(self) -> None:
        self.names: list[str | None] = [None]
        self.dense: dict[int, int] = {0: 0}
        self.external: list[int] = [0]

    def encode(self, external: IntArray, names: Mapping[int, str]) -> Array:
        """Dense codes for external codes (new ones get the next codes and their names)."""
        if external.size == 0:
            return np.empty(0, np.int16)
        top = int(external.max())
        if top < _LOOKUP_LIMIT:
            present = np.flatnonzero(np.bincount(external, minlength=top + 1))
        else:
            present = np.unique(external)
        lookup = {code: self._dense_code(code, names) for code in present.tolist()}
        dtype = np.int16 if len(self.names) <= np.iinfo(np.int16).max else np.int32
        if top < _LOOKUP_LIMIT:
            table = np.zeros(top + 1, dtype)
            table[present] = [lookup[c] for c in present.tolist()]
            return table[external]
        positions = np.searchsorted(present, external)
        return np.array([lookup[c] for c in present.tolist()], dtype)[positions]

    def _dense_code(self, code: int, names: Mapping[int, str]) -> int:
        dense = self.dense.get(code)
        if dense is None:
            dense = self.dense[code] = len(self.names)
            self.names.append(names[code])
            self.external.append(code)
        elif code != 0 and code in names:
            self.names[dense] = names[code]
        return dense

    def ensure(self, code: int, name: str) -> None:
        if code not in self.dense:
            self.dense[code] = len(self.names)
            self.names.append(name)
            self.external.append(code)

    def update_names(self, names: Mapping[int, str]) -> None:
        for code, name in names.items():
            dense = self.dense.get(code)
            if dense is not None:
                self.names[dense] = name

    def codes_named(self, allowed: Iterable[str | None]) -> npt.NDArray[np.bool_]:
        wanted = set(allowed)
        return np.array([name in wanted for name in self.names], dtype=bool)


class AnalyticsCache:
    """Deals as numpy columns; answers :class:`Query` and funnels with domain tallies."""

    def __init__(self) -> None:
        self._cols: dict[str, Array] = {
            "ids": np.empty(0, np.int64), "outcome": np.empty(0, np.int8),
            "fc": np.empty(0, np.int32), "closed": np.empty(0, np.int32),
            "length": np.empty(0, np.int32),
            "amount": np.empty(0, np.int64), "currency": np.empty(0, np.int16),
            "fc_month": np.empty(0, np.int32), "closed_month": np.empty(0, np.int32),
        }
        self._dims: dict[Dimension, Array] = {
            d: np.empty(0, np.int16) for d in CATEGORICAL}
        self._dicts: dict[Dimension, _Dictionary] = {d: _Dictionary() for d in CATEGORICAL}
        self._currencies: list[str] = []
        self._currency_codes: dict[str, int] = {}
        self._stage_order: tuple[int, ...] = ()  # external stage codes in pipeline order
        self._stage_position = np.zeros(1, np.int32)  # dense stage code -> position

    # --- building and updating ---------------------------------------------------------------

    @classmethod
    def build(cls, columns: DealColumns) -> AnalyticsCache:
        """A cache of every deal in a full export."""
        cache = cls()
        cache.upsert(columns)
        return cache

    def __len__(self) -> int:
        return int(self._cols["ids"].size)

    def _encode(self, columns: DealColumns) -> tuple[dict[str, Array],
                                                      dict[Dimension, Array]]:
        words = [np.frombuffer(w, dtype=np.int64) for w in columns.words]

        def unpack(name: str) -> IntArray:
            entry = columns.field(name)
            return (words[entry.word] >> entry.shift) & ((1 << entry.bits) - 1)

        outcome = unpack(OUTCOME).astype(np.int8)
        fc = unpack(FIRST_CONTACT).astype(np.int32)
        closed = unpack(CLOSED_ON).astype(np.int32)
        mapping = np.array([self._currency_code(c) for c in columns.currencies] or [0],
                           dtype=np.int16)
        is_closed = outcome != 0
        # A decided deal whose close or first contact is unknown has no length (-1); one
        # without a close date keeps NO_DATE there: it belongs to no period (all time only).
        timed = is_closed & (fc != NO_DATE) & (closed != NO_DATE)
        cols: dict[str, Array] = {
            "ids": np.array(columns.ids, dtype=np.int64),
            "outcome": outcome,
            "fc": fc,
            "closed": np.where(is_closed, closed, _NEVER).astype(np.int32),
            "length": np.where(timed, closed - fc, -1).astype(np.int32),
            "amount": np.array(columns.amount, dtype=np.int64),
            "currency": mapping[unpack(CURRENCY)],
            "fc_month": _month_numbers(fc),
            "closed_month": _month_numbers(closed),
        }
        dims = {d: self._dicts[d].encode(unpack(d.value), columns.names[d]) for d in CATEGORICAL}
        return cols, dims

    def _currency_code(self, currency: str) -> int:
        code = self._currency_codes.get(currency)
        if code is None:
            code = self._currency_codes[currency] = len(self._currencies)
            self._currencies.append(currency)
        return code

    def _set_stage_order(self, order: Sequence[int]) -> None:
        self._stage_order = tuple(order)
        dictionary = self._dicts[Dimension.STAGE]
        positions = np.zeros(len(dictionary.names), np.int32)
        for position, code in enumerate(self._stage_order):
            dense = dictionary.dense.get(code)
            if dense is not None:
                positions[dense] = position
        self._stage_position = positions

    def upsert(self, columns: DealColumns) -> None:
        """Add the exported deals, replacing those the cache holds already (same id)."""
        columns.check()
        ids = np.frombuffer(columns.ids, dtype=np.int64) if len(columns) else np.empty(0, np.int64)
        if ids.size > 1 and not (ids[1:] > ids[:-1]).all() and np.unique(ids).size != ids.size:
            raise ValueError("an export lists a deal twice")
        for dimension in CATEGORICAL:
            self._dicts[dimension].update_names(columns.names[dimension])
        if len(columns):
            cols, dims = self._encode(columns)
            if len(self):
                existing = np.isin(self._cols["ids"], cols["ids"])
                if existing.any():
                    self._drop(existing)
                cols = {n: np.concatenate((self._cols[n], cols[n])) for n in _FIELDS}
                dims = {d: np.concatenate((self._dims[d], dims[d])) for d in CATEGORICAL}
            self._cols, self._dims = cols, dims
        # The order may name stages no deal uses yet: give them codes too.
        stages = self._dicts[Dimension.STAGE]
        for code in columns.stage_order:
            stages.ensure(code, columns.names[Dimension.STAGE][code])
        self._set_stage_order(columns.stage_order or self._stage_order)

    def remove(self, ids: Iterable[int]) -> None:
        """Forget the deals with these ids (ids the cache does not hold are ignored)."""
        wanted = np.fromiter(ids, dtype=np.int64)
        if wanted.size:
            self._drop(np.isin(self._cols["ids"], wanted))

    def replace(self, ids: Iterable[int], columns: DealColumns) -> None:
        """Refresh the deals ``ids`` from an export of them (which may hold more deals, e.g.
        their clients' other deals): the ids missing from it were deleted."""
        wanted = set(ids)
        self.remove(wanted - set(columns.ids))
        self.upsert(columns)

    def client_ids(self, ids: Iterable[int]) -> list[int]:
        """The export's client codes (the store's client ids) of the deals ``ids`` as the cache
        holds them: before an edit or delete, the clients whose deals may change with them."""
        rows = np.isin(self._cols["ids"], np.fromiter(ids, dtype=np.int64))
        dictionary = self._dicts[Dimension.CLIENT]
        codes = np.unique(self._dims[Dimension.CLIENT][rows])
        return [dictionary.external[c] for c in codes.tolist() if c != 0]

    def _drop(self, rows: BoolArray) -> None:
        keep = ~rows
        for name in _FIELDS:
            self._cols[name] = self._cols[name][keep]
        for dimension in CATEGORICAL:
            self._dims[dimension] = self._dims[dimension][keep]

    # --- what the cache knows ------------------------------------------------------------------

    @property
    def stage_names(self) -> tuple[str, ...]:
        """Stage names in pipeline order."""
        dictionary = self._dicts[Dimension.STAGE]
        return tuple(str(dictionary.names[dictionary.dense[c]]) for c in self._stage_order
                     if c in dictionary.dense)

    def values(self, dimension: Dimension) -> list[str]:
        """The names a filter on a categorical ``dimension`` can choose from: stages in
        pipeline order, the rest alphabetically (names no deal uses any more included)."""
        if dimension is Dimension.STAGE:
            return list(self.stage_names)
        names = {name for name in self._dicts[dimension].names if name is not None}
        return sorted(names, key=lambda n: (n.casefold(), n))

    def ids(self) -> npt.NDArray[np.int64]:
        """The ids of the deals held (a copy, in no particular order)."""
        return self._cols["ids"].copy()

    def nbytes(self) -> int:
        """Memory held by the columns."""
        return sum(int(a.nbytes) for a in (*self._cols.values(), *self._dims.values()))

    def columns(self) -> CacheColumns:
        """Read-only views of the columns, for other analytics modules (growth points)."""

        def frozen(array: Array) -> Array:
            view = array.view()
            view.flags.writeable = False
            return view

        c = self._cols
        return CacheColumns(
            ids=frozen(c["ids"]), outcome=frozen(c["outcome"]),
            first_contact=frozen(c["fc"]), closed=frozen(c["closed"]),
            closed_month=frozen(c["closed_month"]), amount=frozen(c["amount"]),
            currency=frozen(c["currency"]), currencies=tuple(self._currencies),
            codes={d: frozen(self._dims[d]) for d in CATEGORICAL},
            names={d: tuple(self._dicts[d].names) for d in CATEGORICAL})

    # --- answering ----------------------------------------------------------------------------

    def _filter_mask(self, sl: Slice) -> BoolArray | None:
        mask: BoolArray | None = None
        for dimension, allowed in sl.filters.items():
            lookup = self._dicts[dimension].codes_named(allowed)
            part = lookup.take(self._dims[dimension])
            mask = part if mask is None else mask & part
        return mask

    def _attribution(self, sl: Slice, fmask: BoolArray | None) -> tuple[IntArray, IntArray]:
        """The rows counted closed (won/lost) and the rows counted open, filters applied."""
        c = self._cols
        outcome = c["outcome"]
        is_closed = outcome != 0
        period = sl.period
        if sl.cohort:
            if period.is_all_time:
                closed_sel, open_sel = is_closed, ~is_closed
            else:
                cohort = (c["fc"] != NO_DATE) & _in_ranges(c["fc"], period)
                closed_sel, open_sel = cohort & is_closed, cohort & ~is_closed
        elif period.is_empty:
            closed_sel = open_sel = np.zeros(outcome.shape, bool)
        else:
            closed_sel = is_closed if period.is_all_time else (
                is_closed & (c["closed"] != NO_DATE) & _in_ranges(c["closed"], period))
            end = period.end
            if end is None:
                open_sel = ~is_closed
            else:
                day = end.toordinal()
                open_sel = (c["fc"] <= day) & (c["closed"] > day)
        if fmask is not None:
            closed_sel, open_sel = closed_sel & fmask, open_sel & fmask
        return np.flatnonzero(closed_sel), np.flatnonzero(open_sel)

    def deal_ids(self, sl: Slice) -> npt.NDArray[np.int64]:
        """The ids of the deals behind a slice's figures, ascending (as domain's
        ``counted_deals``): what "Show deals" lists."""
        closed_rows, open_rows = self._attribution(sl, self._filter_mask(sl))
        return np.sort(self._cols["ids"].take(np.concatenate((closed_rows, open_rows))))

    def _keys(self, dims: Sequence[Dimension], rows: IntArray | None) -> IntArray:
        """The combined code of categorical dimensions for some rows (None: every row)."""
        key = np.zeros(len(self) if rows is None else rows.size, np.int64)
        for dimension in dims:
            codes = self._dims[dimension] if rows is None else self._dims[dimension].take(rows)
            key *= len(self._dicts[dimension].names)
            key += codes
        return key

    def _closed_tallies(self, rows: IntArray, keys: IntArray, size: int) -> _Closed:
        """Won/lost counts, days, middle lengths and won money per key over closed rows;
        lengths, their sums and medians over the rows whose length is known."""
        c = self._cols
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
        if present.size * width <= _HISTOGRAM_CELLS:
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
        currencies = len(self._currencies) or 1
        money_key = won_keys[known] * currencies + currency[known]
        return _Closed(
            won=counts[:, 0], lost=counts[:, 1], won_days=days[:, 0], lost_days=days[:, 1],
            won_untimed=untimed[:, 0], lost_untimed=untimed[:, 1], low=low, high=high,
            unknown=np.bincount(won_keys[~known], minlength=size),
            money_count=np.bincount(money_key, minlength=size * currencies).reshape(size, -1),
            money_sum=_exact_sums(money_key, amount[known], size * currencies
                                  ).reshape(size, -1),
        )

    def _overall(self, groups: _Closed, rows: IntArray) -> _Closed:
        """The whole slice's closed tallies from its groups (each closed row is in one)."""
        low, high = -1, -1
        lengths = self._cols["length"].take(rows)
        lengths = lengths[lengths >= 0]
        if lengths.size:
            cumulative = np.bincount(lengths).cumsum()
            n = int(cumulative[-1])
            low = int(np.searchsorted(cumulative, (n - 1) // 2, side="right"))
            high = int(np.searchsorted(cumulative, n // 2, side="right"))

        def total(values: Array) -> Array:
            summed: Array = values.sum(axis=0, keepdims=True)
            return summed

        return _Closed(
            won=total(groups.won), lost=total(groups.lost), won_days=total(groups.won_days),
            lost_days=total(groups.lost_days), won_untimed=total(groups.won_untimed),
            lost_untimed=total(groups.lost_untimed), low=np.array([low]), high=np.array([high]),
            unknown=total(groups.unknown), money_count=total(groups.money_count),
            money_sum=total(groups.money_sum))

    def _tallies(self, closed: _Closed, opens: IntArray, groups: IntArray) -> list[Tally]:
        """Tally objects for the given group indexes (converted to Python in bulk)."""
        currencies = self._currencies
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

    def result(self, query: Query) -> SliceResult:
        """The tallies of a slice and of its groups, in report order (as reference_result)."""
        sl = query.slice
        fmask = self._filter_mask(sl)
        closed_rows, open_rows = self._attribution(sl, fmask)
        if not query.by:
            closed = self._closed_tallies(closed_rows, np.zeros(closed_rows.size, np.int64), 1)
            whole = self._tallies(closed, np.array([open_rows.size]), np.zeros(1, np.int64))
            return SliceResult((), whole[0])
        time_dim = query.time_dimension
        categorical = [d for d in query.by if not d.is_time]
        sizes = [len(self._dicts[d].names) for d in categorical]
        other = math.prod(sizes)
        closed_keys = self._keys(categorical, closed_rows)
        labels: list[str | None] = [None]
        grouped_rows = closed_rows
        if time_dim is None:
            size = other
            opens = np.bincount(self._keys(categorical, open_rows), minlength=size)
        elif sl.cohort:
            labels, closed_keys, opens, size = self._cohort_slots(
                time_dim, other, closed_rows, closed_keys, open_rows,
                self._keys(categorical, open_rows))
        else:
            # All time counts decided deals without a close date, which no month holds.
            dated = self._cols["closed"].take(closed_rows) != NO_DATE
            if not dated.all():
                grouped_rows, closed_keys = closed_rows[dated], closed_keys[dated]
            labels, closed_keys, opens, size = self._period_slots(
                time_dim, categorical, other, sl, fmask, grouped_rows, closed_keys)
        closed = self._closed_tallies(grouped_rows, closed_keys, size)
        total = (self._overall(closed, closed_rows) if grouped_rows is closed_rows else
                 self._closed_tallies(closed_rows, np.zeros(closed_rows.size, np.int64), 1))
        overall = self._tallies(total, np.array([open_rows.size]), np.zeros(1, np.int64))[0]
        present = np.flatnonzero(closed.won + closed.lost + opens)
        tallies = self._tallies(closed, opens, present)
        per_time = len(labels)
        names = [self._dicts[d].names for d in reversed(categorical)]
        groups: dict[GroupKey, Tally] = {}
        for g, group_tally in zip(present.tolist(), tallies, strict=True):
            rest, t = divmod(g, per_time)
            values: dict[Dimension, str | None] = {}
            for dimension, dim_size, dim_names in zip(reversed(categorical), reversed(sizes),
                                                      names, strict=True):
                rest, code = divmod(rest, dim_size)
                values[dimension] = dim_names[code]
            if time_dim is not None:
                values[time_dim] = labels[t]
            groups[tuple(values[d] for d in query.by)] = group_tally
        order = ordered(query.by, ((k, t.decided) for k, t in groups.items()))
        return SliceResult(query.by, overall, tuple((k, groups[k]) for k in order))

    @staticmethod
    def _bucket_numbers(dimension: Dimension, months: Array) -> IntArray:
        numbers = months.astype(np.int64)
        return numbers if dimension is Dimension.MONTH else numbers // 3

    def _cohort_slots(self, dimension: Dimension, other: int, closed_rows: IntArray,
                      closed_keys: IntArray, open_rows: IntArray, open_keys: IntArray
                      ) -> tuple[list[str | None], IntArray, IntArray, int]:
        """Keys by the month/quarter of first contact; slot 0 is "no first contact"."""
        bucket = dimension.bucket
        assert bucket is not None
        months = self._cols["fc_month"]
        closed_months, open_months = months.take(closed_rows), months.take(open_rows)
        numbers = [self._bucket_numbers(dimension, m[m >= 0])
                   for m in (closed_months, open_months)]
        present = [n for n in numbers if n.size]
        first = min((int(n.min()) for n in present), default=0)
        last = max((int(n.max()) for n in present), default=-1)
        labels: list[str | None] = [None, *(bucket_label(bucket, n)
                                            for n in range(first, last + 1))]
        width = len(labels)

        def slots(keys: IntArray, m: Array) -> IntArray:
            slot = np.where(m >= 0, self._bucket_numbers(dimension, m) - first + 1, 0)
            return keys * width + slot

        size = other * width
        opens = np.bincount(slots(open_keys, open_months), minlength=size)
        return labels, slots(closed_keys, closed_months), opens, size

    def _period_slots(self, dimension: Dimension, categorical: Sequence[Dimension], other: int,
                      sl: Slice, fmask: BoolArray | None, closed_rows: IntArray,
                      closed_keys: IntArray
                      ) -> tuple[list[str | None], IntArray, IntArray, int]:
        """Keys by the month/quarter of close, and the deals open at the end of each."""
        bucket = dimension.bucket
        assert bucket is not None
        c = self._cols
        rows = None if fmask is None else np.flatnonzero(fmask)

        def column(name: str) -> Array:
            return c[name] if rows is None else c[name].take(rows)

        fc, closed = column("fc"), column("closed")
        # A decided deal without a close date is never open at a month's end, but its first
        # contact still widens the months listed (as the reference's candidate_buckets).
        undated = closed == NO_DATE
        is_closed = (closed != _NEVER) & ~undated
        # The months/quarters from the earliest to the latest date that overlap the period.
        candidates: list[int] = []
        ends: list[int] = []
        if fc.size:
            low = min(int(np.where(fc != NO_DATE, fc, _NEVER).min()),
                      int(np.where(undated, _NEVER, closed).min()))
            high = max(int(fc.max()), int(np.where(is_closed, closed, NO_DATE).max()))
            if low != _NEVER:
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
        closed_relative = self._bucket_numbers(
            dimension, c["closed_month"].take(closed_rows)) - first
        keys = closed_keys * slots + slot_of.take(closed_relative)
        # Open at the end of slot b: first contact on or before ends[b] (or none) and not
        # closed by then: (#first contact <= end) - (#closed <= end), counted cumulatively.
        if undated.any():  # from here on column() reads the kept rows too
            kept = np.flatnonzero(~undated)
            rows = kept if rows is None else rows.take(kept)
            fc, closed, is_closed = fc.take(kept), closed.take(kept), is_closed.take(kept)
        key = self._keys(categorical, rows)
        days = high - low + 2  # day 0 holds the deals without a first contact
        if other * days <= _HISTOGRAM_CELLS:
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
            opens = self._opens_by_bucket(dimension, key, other, candidates, ends, fc, closed,
                                          column)
        return labels, keys, opens, other * slots

    def _opens_by_bucket(self, dimension: Dimension, key: IntArray, other: int,
                         candidates: list[int], ends: list[int], fc: Array, closed: Array,
                         column: Callable[[str], Array]) -> IntArray:
        """Open counts per (group, slot) without a per-day table (for many groups)."""
        slots, first = len(candidates), candidates[0]
        span = candidates[-1] - first + 1
        relative = np.array(candidates) - first
        end_of = np.full(span, _NEVER, np.int64)
        end_of[relative] = ends
        before = np.searchsorted(relative, np.arange(span), side="left")

        def first_slot_reached(day: Array, numbers: IntArray, missing: BoolArray,
                               none_value: int) -> IntArray:
            rel = np.clip(numbers - first, 0, span - 1)
            reached = before.take(rel) + (day > end_of.take(rel))
            reached = np.where(numbers - first >= span, slots, reached)
            return np.where(missing, none_value, reached)

        starts = first_slot_reached(fc, self._bucket_numbers(dimension, column("fc_month")),
                                    fc == NO_DATE, 0)
        stops = first_slot_reached(closed,
                                   self._bucket_numbers(dimension, column("closed_month")),
                                   closed == _NEVER, slots)
        width = slots + 1
        change = (np.bincount(key * width + starts, minlength=other * width)
                  - np.bincount(key * width + stops, minlength=other * width))
        return change.reshape(other, width).cumsum(axis=1)[:, :slots].reshape(-1)

    def funnel(self, sl: Slice) -> FunnelTally:
        """The funnel of a slice (as reference_funnel): only the rows counted closed can be
        won; the open ones were open at the period's end, whatever they are today."""
        closed_rows, open_rows = self._attribution(sl, self._filter_mask(sl))
        rows = np.concatenate((closed_rows, open_rows))
        stages = self.stage_names
        count = len(stages)
        c = self._cols
        won = np.concatenate((c["outcome"].take(closed_rows) == 1,
                              np.zeros(open_rows.size, bool)))
        position = self._stage_position.take(self._dims[Dimension.STAGE].take(rows)
                                             ).astype(np.int64)
        if count:
            position[won] = count - 1
        amount = c["amount"].take(rows)
        currency = c["currency"].take(rows).astype(np.int64)
        currencies = len(self._currencies) or 1
        known = amount >= 0
        size = max(count, 1)
        per_stage = np.bincount(position, minlength=size)[:size]
        unknown = np.bincount(position[~known], minlength=size)[:size]
        money_key = position[known] * currencies + currency[known]
        money_count = np.bincount(money_key, minlength=size * currencies).reshape(size, -1)
        money_sum = _exact_sums(money_key, amount[known], size * currencies).reshape(size, -1)
        reached: list[int] = []
        reached_money: list[MoneyTally] = []
        running_count, running_unknown = 0, 0
        running_money: dict[int, list[int]] = {}
        for k in range(count - 1, -1, -1):
            running_count += int(per_stage[k])
            running_unknown += int(unknown[k])
            for cur in np.flatnonzero(money_count[k]).tolist():
                entry = running_money.setdefault(cur, [0, 0])
                entry[0] += int(money_count[k, cur])
                entry[1] += int(money_sum[k, cur])
            reached.append(running_count)
            reached_money.append(MoneyTally(running_unknown, tuple(sorted(
                (self._currencies[cur], n, total) for cur, (n, total) in running_money.items()))))
        won_amount, won_currency = amount[won], currency[won]
        won_known = won_amount >= 0
        won_count = np.bincount(won_currency[won_known], minlength=currencies)
        won_sum = _exact_sums(won_currency[won_known], won_amount[won_known], currencies)
        won_money = MoneyTally(int(np.count_nonzero(~won_known)), tuple(sorted(
            (self._currencies[cur], int(won_count[cur]), int(won_sum[cur]))
            for cur in np.flatnonzero(won_count).tolist())))
        return FunnelTally(stages, tuple(reversed(reached)), tuple(reversed(reached_money)),
                           int(np.count_nonzero(won)), won_money)

    def length_histogram(self, sl: Slice) -> dict[int, int]:
        """Deal length in days → closed deals counted in the slice, lengths ascending (as
        domain's ``reference_length_histogram``); it sums to the slice's decided deals of known
        length."""
        closed_rows, _ = self._attribution(sl, self._filter_mask(sl))
        lengths = self._cols["length"].take(closed_rows)
        lengths = lengths[lengths >= 0]
        if not lengths.size:
            return {}
        counts = np.bincount(lengths)
        present = np.flatnonzero(counts)
        return dict(zip(present.tolist(), counts.take(present).tolist(), strict=True))


@dataclass(frozen=True, slots=True)
class CacheColumns:
    """The cache's columns, one entry per deal (read-only views, in no particular order).

    ``outcome``: 0 open, 1 won, 2 lost. ``first_contact`` and ``closed`` are date ordinals,
    ``NO_DATE`` (0) when unknown; ``closed`` of an open deal is a value after every date.
    ``closed_month`` is the close's month number (``periods.month_number``), -1 without one.
    ``amount`` is in minor units of ``currencies[currency]``, -1 when unknown. ``codes`` holds
    each categorical dimension's dense codes, 0 for no value; ``names[dimension][code]`` is
    the value (None for code 0).
    """

    ids: IntArray
    outcome: Array
    first_contact: Array
    closed: Array
    closed_month: Array
    amount: IntArray
    currency: Array
    currencies: tuple[str, ...]
    codes: Mapping[Dimension, Array]
    names: Mapping[Dimension, tuple[str | None, ...]]


@dataclass(frozen=True, slots=True)
class _Closed:
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
