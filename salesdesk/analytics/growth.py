"""Growth points from the analytics cache: the domain's :class:`GrowthTallies`, with numpy.

:func:`growth_tallies` reduces the cache's columns to exactly the integers
``domain.growth.reference_growth_tallies`` counts deal by deal, and :func:`growth_report`
hands them to ``domain.growth.rank_growth``, so the ranking equals the reference's. Each
dimension is grouped once: one ``np.bincount`` over a key combining its value, the trend
period, won/lost and the deal length gives every count and sum of lengths (and of squared
lengths) at once; won amounts take one more. The deals dragging on are found for all open
deals at once, and the history "still open at that age" is read from per-group suffix sums
of a length histogram. Tables beyond ``_CELLS`` cells take slower paths (weighted sums,
sorting) that give the same integers.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass

import numpy as np

from salesdesk.analytics.arrays import Array, BoolArray, IntArray, exact_sums, in_ranges
from salesdesk.analytics.cache import AnalyticsCache, CacheColumns
from salesdesk.domain.columns import NO_DATE
from salesdesk.domain.growth import (
    GROWTH_DIMENSIONS,
    Basis,
    DraggingDeals,
    GroupTally,
    GrowthOptions,
    GrowthReport,
    GrowthTallies,
    TrendTally,
    growth_span,
    rank_growth,
    value_order,
)
from salesdesk.domain.metrics import MoneyRules, MoneyTally
from salesdesk.domain.periods import Bucket, Period, bucket_label
from salesdesk.domain.slices import Dimension

_CELLS = 8_000_000  # histogram tables up to this many cells, else the slower paths
_BASES = (Basis.REP_PRODUCT, Basis.PRODUCT, Basis.BUSINESS)


@dataclass(frozen=True, slots=True)
class _Facts:
    """Per counted (decided) row: what every dimension's tallies are built from."""

    rows: IntArray
    won: BoolArray
    timed: BoolArray  # the length is known
    length: IntArray  # 0 where unknown
    slot: IntArray  # trend period: 1.. for the trend's periods, 0 for none
    slots: int
    width: int  # longest known length + 1
    base: IntArray  # the histogram key without the dimension's value
    money_rows: IntArray  # positions of won rows with an amount
    money_amount: IntArray  # ... their amounts
    money_currency: IntArray  # ... and currencies
    unknown_rows: IntArray  # positions of won rows without an amount
    currencies: tuple[str, ...]


def _counted_rows(cols: CacheColumns, period: Period) -> IntArray:
    """The decided deals closed in the period; those without a close date under all time."""
    decided = cols.outcome != 0
    if period.is_all_time:
        return np.flatnonzero(decided)
    return np.flatnonzero(decided & (cols.closed != NO_DATE) & in_ranges(cols.closed, period))


def _trend_slots(cols: CacheColumns, rows: IntArray, bucket: Bucket,
                 numbers: tuple[int, ...]) -> IntArray:
    """Each row's trend period (1 for ``numbers[0]`` ...), 0 outside the trend or without a
    close date (its month number is -1)."""
    if not numbers:
        return np.zeros(rows.size, np.int64)
    months = 1 if bucket is Bucket.MONTH else 3
    first = numbers[0] * months
    # Month -> slot, with a 0 at either end that out-of-range months are clipped onto.
    table = np.zeros((numbers[-1] + 1) * months - first + 2, np.int64)
    for slot, number in enumerate(numbers, start=1):
        start = number * months - first + 1
        table[start:start + months] = slot
    index = cols.closed_month.take(rows).astype(np.int64) - (first - 1)
    return table.take(index, mode="clip")


def _facts(cols: CacheColumns, rows: IntArray, known_close: BoolArray, slot: IntArray,
           slots: int) -> _Facts:
    closed = cols.closed.take(rows).astype(np.int64)
    first = cols.first_contact.take(rows).astype(np.int64)
    won = cols.outcome.take(rows) == 1
    timed = known_close & (first != NO_DATE)
    length = np.where(timed, closed - first, 0)
    width = int(length.max()) + 1 if rows.size else 1
    amount = cols.amount.take(rows)
    base = (slot * 2 + won) * (width + 1) + np.where(timed, length, width)
    money_rows = np.flatnonzero(won & (amount >= 0))
    return _Facts(
        rows=rows, won=won, timed=timed, length=length, slot=slot, slots=slots, width=width,
        base=base, money_rows=money_rows, money_amount=amount.take(money_rows),
        money_currency=cols.currency.take(rows.take(money_rows)).astype(np.int64),
        unknown_rows=np.flatnonzero(won & (amount < 0)), currencies=cols.currencies)


@dataclass(frozen=True, slots=True)
class _Groups:
    """Per code arrays of a dimension's tallies (int64, or Python ints when huge)."""

    decided: Array  # (code, trend period, lost/won)
    timed: Array  # (code, trend period)
    days: Array  # (code, trend period)
    squares: Array  # (code,)
    money_count: Array  # (code, currency)
    money_sum: Array  # (code, currency)
    unknown: Array  # (code,)

    def total(self) -> _Groups:
        """The whole of the rows, as one code (every row has one code per dimension)."""
        return _Groups(*(a.sum(axis=0, keepdims=True) for a in (
            self.decided, self.timed, self.days, self.squares, self.money_count,
            self.money_sum, self.unknown)))

    def tallies(self, currencies: tuple[str, ...]) -> dict[int, GroupTally]:
        """The tally of every code with a decided deal."""
        present = np.flatnonzero(self.decided.sum(axis=(1, 2)))
        order = sorted(range(len(currencies)), key=currencies.__getitem__)
        result: dict[int, GroupTally] = {}
        for code in present.tolist():
            won, lost = self.decided[code, :, 1].tolist(), self.decided[code, :, 0].tolist()
            n, total = self.timed[code].tolist(), self.days[code].tolist()
            counts, sums = self.money_count[code].tolist(), self.money_sum[code].tolist()
            result[code] = GroupTally(
                won=sum(won), lost=sum(lost),
                won_money=MoneyTally(int(self.unknown[code]), tuple(
                    (currencies[c], counts[c], int(sums[c])) for c in order if counts[c])),
                timed=sum(n), days=sum(int(d) for d in total), squares=int(self.squares[code]),
                trend=tuple(TrendTally(won[s], lost[s], n[s], int(total[s]))
                            for s in range(1, len(won))))
        return result


def _group_arrays(codes: IntArray, size: int, facts: _Facts) -> _Groups:
    """A dimension's tallies per code (codes are 0 .. size - 1)."""
    periods, width = facts.slots + 1, facts.width
    per_code = periods * 2 * (width + 1)
    # Squared lengths summed from the histogram stay exact in int64 while this holds.
    fits = facts.rows.size * (width - 1) ** 2 < 2**62
    if size * per_code <= _CELLS and fits:
        # One table of (value, trend period, won, length or "unknown") counts holds it all.
        table = np.bincount(codes * per_code + facts.base, minlength=size * per_code
                            ).reshape(size, periods, 2, width + 1)
        decided = table.sum(axis=3)
        by_length = table[..., :width].sum(axis=2)
        lengths = np.arange(width, dtype=np.int64)
        timed = by_length.sum(axis=2)
        days: Array = by_length @ lengths
        squares: Array = by_length.sum(axis=1) @ (lengths * lengths)
    else:
        decided = np.bincount((codes * periods + facts.slot) * 2 + facts.won,
                              minlength=size * periods * 2).reshape(size, periods, 2)
        key = codes[facts.timed] * periods + facts.slot[facts.timed]
        length = facts.length[facts.timed]
        timed = np.bincount(key, minlength=size * periods).reshape(size, periods)
        days = exact_sums(key, length, size * periods).reshape(size, periods)
        squares = exact_sums(codes[facts.timed], length * length, size)
    currencies = max(1, len(facts.currencies))
    money_key = codes.take(facts.money_rows) * currencies + facts.money_currency
    return _Groups(
        decided=decided, timed=timed, days=days, squares=squares,
        money_count=np.bincount(money_key, minlength=size * currencies).reshape(size, -1),
        money_sum=exact_sums(money_key, facts.money_amount, size * currencies
                              ).reshape(size, -1),
        unknown=np.bincount(codes.take(facts.unknown_rows), minlength=size))


def _suffix_sums(counts: Array) -> Array:
    """Along the last axis (lengths): how many are at least this long."""
    summed: Array = counts[..., ::-1].cumsum(axis=-1)[..., ::-1]
    return summed


class _TableBases:
    """The closed deals of every basis from one (salesperson, product, length, won) table;
    products and the business are its sums. For a table of at most ``_CELLS`` cells."""

    def __init__(self, facts: _Facts, rep_codes: IntArray, product_codes: IntArray,
                 reps: int, products: int) -> None:
        width = facts.width + 1  # the last column: longer than every deal
        cells = reps * products * width
        key = np.where(facts.timed, ((rep_codes * products + product_codes) * width
                                     + facts.length) * 2 + facts.won, cells * 2)
        table = np.bincount(key, minlength=cells * 2 + 1)[:-1].reshape(
            reps, products, width, 2)
        count, wins = table.sum(axis=3), np.ascontiguousarray(table[..., 1])
        self.width, self.products = width, products
        self.counts = (count, count.sum(axis=0), count.sum(axis=(0, 1)))
        self.wins = (wins, wins.sum(axis=0), wins.sum(axis=(0, 1)))

    def sizes(self, rep: IntArray, product: IntArray) -> list[tuple[Array, Array]]:
        """Per open deal and basis level: closed deals and their summed lengths."""
        lengths = np.arange(self.width, dtype=np.int64)
        pair, by_product, business = self.counts
        return [(pair.sum(axis=2)[rep, product], (pair @ lengths)[rep, product]),
                (by_product.sum(axis=1).take(product), (by_product @ lengths).take(product)),
                (np.full(rep.size, int(business.sum())),
                 np.full(rep.size, int(business @ lengths)))]

    def at_age(self, level: int, rep: IntArray, product: IntArray, age: IntArray
               ) -> tuple[Array, Array]:
        """Closed deals of the basis at least ``age`` long, and the won ones among them."""
        width = self.width
        group = (rep * self.products + product, product, np.zeros(age.size, np.int64))[level]
        last = group * width + width - 1
        below = last - width + np.minimum(age, width - 1)  # the length just below ``age``
        result = []
        for table in (self.counts[level], self.wins[level]):
            # Deals at least ``age`` long: all of the group's minus those shorter.
            running = table.cumsum(axis=-1).reshape(-1)
            result.append(running.take(last) - np.where(age > 0, running.take(below), 0))
        return result[0], result[1]


class _GroupedBases:
    """The same numbers as :class:`_TableBases` for many salespeople × products × lengths:
    per-group sums, and "at least this long" from a histogram of the groups asked about (or a
    sorted array when that is too big)."""

    def __init__(self, facts: _Facts, rep_codes: IntArray, product_codes: IntArray,
                 products: int, open_rep: IntArray, open_product: IntArray) -> None:
        timed = facts.timed
        self.length, self.won = facts.length[timed], facts.won[timed]
        self.product = product_codes[timed]
        self.products = products
        pair = rep_codes[timed] * products + self.product
        # Number only the (salesperson, product) pairs the open deals have.
        self.pairs = np.unique(open_rep * products + open_product)
        found = np.searchsorted(self.pairs, pair)
        hit = found < self.pairs.size
        hit[hit] = self.pairs.take(found[hit]) == pair[hit]
        self.pair = np.where(hit, found, -1)

    def _pair_of(self, rep: IntArray, product: IntArray) -> IntArray:
        return np.searchsorted(self.pairs, rep * self.products + product)

    def sizes(self, rep: IntArray, product: IntArray) -> list[tuple[Array, Array]]:
        """Per open deal and basis level: closed deals and their summed lengths."""
        known = self.pair >= 0
        pairs = self._pair_of(rep, product)
        size = self.pairs.size
        return [
            (np.bincount(self.pair[known], minlength=size).take(pairs),
             exact_sums(self.pair[known], self.length[known], size).take(pairs)),
            (np.bincount(self.product, minlength=self.products).take(product),
             exact_sums(self.product, self.length, self.products).take(product)),
            (np.full(rep.size, self.length.size),
             np.full(rep.size, exact_sums(np.zeros(self.length.size, np.int64),
                                           self.length, 1)[0]))]

    def at_age(self, level: int, rep: IntArray, product: IntArray, age: IntArray
               ) -> tuple[Array, Array]:
        """Closed deals of the basis at least ``age`` long, and the won ones among them."""
        groups, asked = ((self.pair, self._pair_of(rep, product)),
                         (self.product, product),
                         (np.zeros(self.length.size, np.int64),
                          np.zeros(rep.size, np.int64)))[level]
        if asked.size == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        needed = np.unique(asked)
        position = np.searchsorted(needed, groups)
        kept = position < needed.size
        kept[kept] = needed.take(position[kept]) == groups[kept]
        group, length, won = position[kept], self.length[kept], self.won[kept]
        width = int(length.max()) + 2 if length.size else 2  # the last: longer than all
        query = np.searchsorted(needed, asked) * width + np.minimum(age, width - 1)
        if needed.size * width <= _CELLS:
            key = group * width + length
            cells = needed.size * width
            counts = np.bincount(key, minlength=cells).reshape(-1, width)
            wins = np.bincount(key[won], minlength=cells).reshape(-1, width)
            return (_suffix_sums(counts).reshape(-1).take(query),
                    _suffix_sums(wins).reshape(-1).take(query))
        ordered = np.sort((group * width + length) * 2 + won)
        won_before = np.concatenate(([0], np.cumsum(ordered & 1)))
        low = np.searchsorted(ordered, query * 2)
        high = np.searchsorted(ordered, (query // width + 1) * width * 2)
        return high - low, won_before.take(high) - won_before.take(low)


def _int_column(values: Array) -> array[int]:
    """A standard-library array of 64-bit integers holding ``values`` (one copy)."""
    return array("q", values.astype(np.int64).tobytes())


def _report_order(rank: IntArray, age: IntArray, ids: IntArray) -> IntArray:
    """The order of (salesperson rank ascending, age descending, id ascending): one sort of
    a combined key when the three fit in 63 bits (far faster than ``np.lexsort``)."""
    if not ids.size:
        return np.zeros(0, np.int64)
    youngest, oldest = int(age.min()), int(age.max())
    age_bits = (oldest - youngest).bit_length()
    id_bits = int(ids.max()).bit_length()
    if int(ids.min()) >= 0 and int(rank.max()).bit_length() + age_bits + id_bits <= 63:
        key = (rank << (age_bits + id_bits)) | ((oldest - age) << id_bits) | ids
        return np.argsort(key)  # ids are unique: no ties to keep in order
    return np.lexsort((ids, -age, rank))


def _dragging(cols: CacheColumns, facts: _Facts, rep_codes: IntArray, product_codes: IntArray,
              today: dt.date, options: GrowthOptions) -> DraggingDeals:
    """The open deals past factor × their basis's average length, in report order.

    ``rep_codes`` and ``product_codes`` are those of the counted rows (``facts.rows``).
    """
    rep_names, product_names = cols.names[Dimension.REP], cols.names[Dimension.PRODUCT]
    reps, products = len(rep_names), len(product_names)
    open_rows = np.flatnonzero((cols.outcome == 0) & (cols.first_contact != NO_DATE))
    age = today.toordinal() - cols.first_contact.take(open_rows).astype(np.int64)
    rep = cols.codes[Dimension.REP].take(open_rows).astype(np.int64)
    product = cols.codes[Dimension.PRODUCT].take(open_rows).astype(np.int64)
    bases: _TableBases | _GroupedBases
    if reps * products * (facts.width + 1) * 2 <= _CELLS:
        bases = _TableBases(facts, rep_codes, product_codes, reps, products)
    else:
        bases = _GroupedBases(facts, rep_codes, product_codes, products, rep, product)
    (n1, days1), (n2, days2), (n3, days3) = bases.sizes(rep, product)
    # A missing salesperson or product skips that level.
    n1 = np.where((rep != 0) & (product != 0), n1, 0)
    n2 = np.where(product != 0, n2, 0)
    level = np.where(n1 >= options.threshold, 0, np.where(n2 >= options.threshold, 1, 2))
    n = np.choose(level, (n1, n2, n3))
    days = np.choose(level, (days1, days2, days3))
    # The same float operations as the reference: age > factor * (days / n).
    average = days / np.where(n > 0, n, 1)
    chosen = np.flatnonzero((n > 0) & (age > options.drag_factor * average))
    # Report order: by salesperson (none last), oldest first, then by id.
    ranked = sorted({name for name in rep_names if name is not None}, key=value_order)
    rank_of = {name: i for i, name in enumerate(ranked)}
    rep_rank = np.array([len(ranked) if name is None else rank_of[name] for name in rep_names],
                        np.int64)
    ids = cols.ids.take(open_rows)
    chosen = chosen.take(_report_order(rep_rank.take(rep.take(chosen)), age.take(chosen),
                                       ids.take(chosen)))
    level = level.take(chosen)
    at, won_at = np.zeros(chosen.size, np.int64), np.zeros(chosen.size, np.int64)
    for basis in range(3):
        mine = np.flatnonzero(level == basis)
        rows = chosen.take(mine)
        at[mine], won_at[mine] = bases.at_age(basis, rep.take(rows), product.take(rows),
                                              age.take(rows))
    return DraggingDeals(
        deal_ids=_int_column(ids.take(chosen)),
        reps=tuple(np.array(rep_names, object).take(rep.take(chosen)).tolist()),
        products=tuple(np.array(product_names, object).take(product.take(chosen)).tolist()),
        first_contacts=_int_column(cols.first_contact.take(open_rows.take(chosen))),
        ages=_int_column(age.take(chosen)),
        bases=tuple(np.array(_BASES, object).take(level).tolist()),
        closed=_int_column(n.take(chosen)),
        days=_int_column(days.take(chosen)),
        at_age=_int_column(at),
        won_at_age=_int_column(won_at),
        factor=options.drag_factor,
    )


def growth_tallies(source: AnalyticsCache | CacheColumns, today: dt.date,
                   options: GrowthOptions | None = None) -> GrowthTallies:
    """The integers of the growth figures (as ``domain.growth.reference_growth_tallies``) of
    the cached deals, or of a :meth:`AnalyticsCache.columns` snapshot: the cache's edits
    replace its arrays and never write into them, so a snapshot taken on the cache's thread
    can be counted on another while the cache moves on."""
    options = options or GrowthOptions()
    cols = source.columns() if isinstance(source, AnalyticsCache) else source
    rows = _counted_rows(cols, options.period)
    closed = cols.closed.take(rows)
    known_close = closed != NO_DATE
    earliest = (dt.date.fromordinal(int(closed[known_close].min())) if known_close.any()
                else None)
    months, numbers = growth_span(options.period, earliest, today, options.trend_bucket,
                                  options.trend_periods)
    slot = _trend_slots(cols, rows, options.trend_bucket, numbers)
    facts = _facts(cols, rows, known_close, slot, len(numbers))
    groups = []
    codes: dict[Dimension, IntArray] = {}
    business = GroupTally(trend=(TrendTally(),) * len(numbers))
    for dimension in GROWTH_DIMENSIONS:
        names = cols.names[dimension]
        codes[dimension] = cols.codes[dimension].take(rows).astype(np.int64)
        arrays = _group_arrays(codes[dimension], len(names), facts)
        if dimension is GROWTH_DIMENSIONS[0]:
            business = arrays.total().tallies(cols.currencies).get(0, business)
        tallies = arrays.tallies(cols.currencies)
        values = [(name, tallies[code]) for code, name in enumerate(names)
                  if code in tallies and name is not None]
        groups.append((dimension, tuple(sorted(values, key=lambda v: value_order(v[0])))))
    return GrowthTallies(
        months=months,
        trend_labels=tuple(bucket_label(options.trend_bucket, n) for n in numbers),
        business=business,
        groups=tuple(groups),
        dragging=_dragging(cols, facts, codes[Dimension.REP], codes[Dimension.PRODUCT], today,
                           options),
    )


def growth_report(source: AnalyticsCache | CacheColumns, today: dt.date,
                  options: GrowthOptions | None = None, money: MoneyRules | None = None
                  ) -> GrowthReport:
    """The ranked growth points of the cached deals, or of a columns snapshot (see
    :func:`growth_tallies`); equal to ``domain.growth.reference_growth`` over the same deals."""
    options = options or GrowthOptions()
    return rank_growth(growth_tallies(source, today, options), options, money)
