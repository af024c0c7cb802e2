"""The analytics cache: the deals as numpy columns answering any slice in milliseconds.

Built from the store's column export (:class:`~salesdesk.domain.columns.DealColumns`, wired by
app.py / cli.py: analytics never reads the store). Dimensions are dictionary-encoded: each
column holds small dense codes (0 = no value) and the cache keeps the names. A query is
reduced to integer counts and sums with ``np.bincount`` — the same :class:`Tally` and
:class:`FunnelTally` integers the reference in ``domain.metrics`` computes deal by deal — and
``domain.metrics.figures`` turns them into rates and averages, so both agree exactly. The
counting itself is in :mod:`~salesdesk.analytics.tallies` (per group) and
:mod:`~salesdesk.analytics.time_slots` (by month or quarter).

Edits are applied incrementally: :meth:`AnalyticsCache.upsert` with the export of the changed
deals and :meth:`AnalyticsCache.remove` with the ids of deleted ones. Lookup renames, merges
and stage reordering are cheapest handled by rebuilding (or upserting every affected deal).

Not thread-safe: build it in a worker, then hand it to the GUI thread and use it there only.
"""


from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from salesdesk.analytics.arrays import (
    NEVER,
    Array,
    BoolArray,
    Dictionary,
    IntArray,
    exact_sums,
    in_ranges,
    month_numbers,
)
from salesdesk.analytics.tallies import ClosedTallies, closed_tallies
from salesdesk.analytics.tallies import overall as overall_tallies
from salesdesk.analytics.tallies import tallies as tally_objects
from salesdesk.analytics.time_slots import cohort_slots, period_slots
from salesdesk.domain.columns import (
    CLOSED_ON,
    CURRENCY,
    FIRST_CONTACT,
    NO_DATE,
    OUTCOME,
    DealColumns,
)
from salesdesk.domain.metrics import FunnelTally, MoneyTally, SliceResult, Tally
from salesdesk.domain.slices import CATEGORICAL, Dimension, GroupKey, Query, Slice, ordered

_HISTOGRAM_CELLS = 8_000_000  # per-day / per-length tables up to this many cells, else sort
_FIELDS = ("ids", "outcome", "fc", "closed", "length", "amount", "currency", "fc_month",
           "closed_month")


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
        self._dicts: dict[Dimension, Dictionary] = {d: Dictionary() for d in CATEGORICAL}
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
            "closed": np.where(is_closed, closed, NEVER).astype(np.int32),
            "length": np.where(timed, closed - fc, -1).astype(np.int32),
            "amount": np.array(columns.amount, dtype=np.int64),
            "currency": mapping[unpack(CURRENCY)],
            "fc_month": month_numbers(fc),
            "closed_month": month_numbers(closed),
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
                cohort = (c["fc"] != NO_DATE) & in_ranges(c["fc"], period)
                closed_sel, open_sel = cohort & is_closed, cohort & ~is_closed
        elif period.is_empty:
            closed_sel = open_sel = np.zeros(outcome.shape, bool)
        else:
            closed_sel = is_closed if period.is_all_time else (
                is_closed & (c["closed"] != NO_DATE) & in_ranges(c["closed"], period))
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

    def _closed_tallies(self, rows: IntArray, keys: IntArray, size: int) -> ClosedTallies:
        return closed_tallies(self._cols, len(self._currencies), rows, keys, size,
                              _HISTOGRAM_CELLS)

    def _overall(self, groups: ClosedTallies, rows: IntArray) -> ClosedTallies:
        return overall_tallies(groups, self._cols["length"].take(rows))

    def _tallies(self, closed: ClosedTallies, opens: IntArray, groups: IntArray
                 ) -> list[Tally]:
        return tally_objects(self._currencies, closed, opens, groups)

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
            labels, closed_keys, opens, size = cohort_slots(
                self._cols["fc_month"], time_dim, other, closed_rows, closed_keys, open_rows,
                self._keys(categorical, open_rows))
        else:
            # All time counts decided deals without a close date, which no month holds.
            dated = self._cols["closed"].take(closed_rows) != NO_DATE
            if not dated.all():
                grouped_rows, closed_keys = closed_rows[dated], closed_keys[dated]
            labels, closed_keys, opens, size = period_slots(
                self._cols, lambda rows: self._keys(categorical, rows), time_dim, other, sl,
                fmask, grouped_rows, closed_keys, _HISTOGRAM_CELLS)
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
        money_sum = exact_sums(money_key, amount[known], size * currencies).reshape(size, -1)
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
        won_sum = exact_sums(won_currency[won_known], won_amount[won_known], currencies)
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
