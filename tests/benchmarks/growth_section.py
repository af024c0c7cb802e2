"""Section "growth": the Growth points ranking at N deals, from the cache against SQL.

The issue: "the ranking at 1,000,000 deals runs in the background and is answered from the
analytics cache; add it to the benchmark: <= 200 ms median at 1M deals for the whole ranking,
against the same ranking computed in SQL in the same run."

* The cache: ``analytics.growth_report`` from the analytics cache (built once, untimed) —
  every dimension's tallies, the trend, the deals dragging on with their history, then
  ``domain.growth.rank_growth``. Exactly what the Growth points tab's worker runs.
* The baseline: the same integers from plain SQL on a read-only connection — per dimension
  one ``GROUP BY value, trend quarter, outcome, currency`` of the decided deals counted (counts,
  amounts, and the count, sum and sum of squares of the deal lengths), the business the same
  without a value, and for the deals dragging on one ``GROUP BY salesperson, product, length,
  outcome`` histogram of the closed deals and the open deals' ages; Python then picks each
  open deal's basis and counts the deals at least as long from the histogram, and
  ``rank_growth`` ranks the tallies. Both reports are compared whole (levers, watch list,
  every dragging deal); a difference is reported in the note.

Operations: all time against the median (what the tab opens with), the last twelve months
against the best sibling, and all time against the business average with a dragging factor of
2. Today is the generated file's last day (``dataset.TODAY``), or the real today for --file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from array import array
from bisect import bisect_left
from collections import defaultdict
from itertools import accumulate
from pathlib import Path
from typing import Any

import dataset
from harness import Context, Measurement

from salesdesk.analytics import AnalyticsCache, growth_report
from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.growth import (
    GROWTH_DIMENSIONS,
    Basis,
    DraggingDeals,
    GroupTally,
    GrowthOptions,
    GrowthReport,
    GrowthTallies,
    Reference,
    TrendTally,
    growth_span,
    rank_growth,
    value_order,
)
from salesdesk.domain.growth.tallies import dragging_order
from salesdesk.domain.metrics import MoneyRules, MoneyTally
from salesdesk.domain.periods import Bucket, Period, bucket_label
from salesdesk.domain.slice_spec import PeriodPreset, preset_range
from salesdesk.domain.slices import Dimension
from salesdesk.store import open_store
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

TARGET_MS = 200.0
_LENGTH = "CAST(julianday(closed_on) - julianday(first_contact) AS INTEGER)"


def _column(dimension: Dimension) -> str:
    if dimension is Dimension.CUSTOMER_TYPE:
        return "customer_type"
    return LOOKUP_COLUMNS[LookupKind(dimension.value)]


def _period_sql(period: Period, params: list[Any]) -> str:
    """Decided deals counted: closed in the period; without a close date under all time."""
    if period.is_all_time:
        return "1"
    parts = []
    for start, end in period.ranges:
        conditions = ["closed_on IS NOT NULL"]
        if start is not None:
            conditions.append("closed_on >= ?")
            params.append(start.isoformat())
        if end is not None:
            conditions.append("closed_on <= ?")
            params.append(end.isoformat())
        parts.append("(" + " AND ".join(conditions) + ")")
    return "(" + " OR ".join(parts) + ")" if parts else "0"


class SqlGrowth:
    """The growth tallies of a file from SQL GROUP BY queries."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.names: dict[Dimension, dict[int, str]] = {}
        for kind, table in LOOKUP_TABLES.items():
            rows = conn.execute(f"SELECT id, name FROM {table}").fetchall()
            self.names[Dimension(kind.value)] = dict(rows)

    def _name(self, dimension: Dimension, value: Any) -> str | None:
        if value is None or dimension is Dimension.CUSTOMER_TYPE:
            return value  # type: ignore[no-any-return]
        return self.names[dimension][value]

    def report(self, today: dt.date, options: GrowthOptions, money: MoneyRules) -> GrowthReport:
        return rank_growth(self.tallies(today, options), options, money)

    def tallies(self, today: dt.date, options: GrowthOptions) -> GrowthTallies:
        params: list[Any] = []
        counted = f"outcome <> 'open' AND {_period_sql(options.period, params)}"
        earliest = self.conn.execute(
            f"SELECT MIN(closed_on) FROM deals WHERE {counted}", params).fetchone()[0]
        months, numbers = growth_span(
            options.period, dt.date.fromisoformat(earliest) if earliest else None, today,
            options.trend_bucket, options.trend_periods)
        months_per = 1 if options.trend_bucket is Bucket.MONTH else 3
        bucket = (f"(CAST(substr(closed_on, 1, 4) AS INTEGER) * 12"
                  f" + CAST(substr(closed_on, 6, 2) AS INTEGER) - 1) / {months_per}")
        rows = (f"SELECT *, {_LENGTH} AS length, {bucket} AS bucket FROM deals"
                f" WHERE {counted}")
        groups = []
        for dimension in GROWTH_DIMENSIONS:
            column = _column(dimension)
            found = self._group_tallies(rows, params, column, numbers)
            values = [(self._name(dimension, v), t) for v, t in found.items() if v is not None]
            groups.append((dimension, tuple(sorted(values,
                                                   key=lambda v: value_order(v[0] or "")))))
        business = self._group_tallies(rows, params, "NULL", numbers).get(
            None, GroupTally(trend=(TrendTally(),) * len(numbers)))
        return GrowthTallies(
            months=months,
            trend_labels=tuple(bucket_label(options.trend_bucket, n) for n in numbers),
            business=business,
            groups=tuple(groups),
            dragging=self._dragging(rows, params, today, options),
        )

    def _group_tallies(self, rows: str, params: list[Any], column: str,
                       numbers: tuple[int, ...]) -> dict[Any, GroupTally]:
        slot = {number: i for i, number in enumerate(numbers)}
        acc: dict[Any, dict[str, Any]] = defaultdict(lambda: {
            "won": 0, "lost": 0, "unknown": 0, "money": defaultdict(lambda: [0, 0]),
            "timed": 0, "days": 0, "squares": 0,
            "trend": [[0, 0, 0, 0] for _ in numbers]})
        sql = (f"SELECT {column}, bucket, outcome, currency, COUNT(*), COUNT(amount),"
               " SUM(amount), COUNT(length), SUM(length), SUM(length * length)"
               f" FROM ({rows}) GROUP BY {column}, bucket, outcome, currency")
        for value, number, outcome, currency, n, priced, amount, timed, days, squares in (
                self.conn.execute(sql, params)):
            a = acc[value]
            won = outcome == "won"
            a["won" if won else "lost"] += n
            a["timed"] += timed
            a["days"] += days or 0
            a["squares"] += squares or 0
            if won:
                a["unknown"] += n - priced
                if priced:
                    entry = a["money"][currency]
                    entry[0] += priced
                    entry[1] += amount
            if number in slot:
                t = a["trend"][slot[number]]
                t[0 if won else 1] += n
                t[2] += timed
                t[3] += days or 0
        return {value: GroupTally(
            won=a["won"], lost=a["lost"],
            won_money=MoneyTally(a["unknown"], tuple(
                (c, n, s) for c, (n, s) in sorted(a["money"].items()))),
            timed=a["timed"], days=a["days"], squares=a["squares"],
            trend=tuple(TrendTally(*t) for t in a["trend"])) for value, a in acc.items()}

    def _dragging(self, rows: str, params: list[Any], today: dt.date,
                  options: GrowthOptions) -> DraggingDeals:
        # The closed deals of known length, as a histogram per (salesperson, product).
        lengths: dict[Any, dict[int, list[int]]] = defaultdict(
            lambda: defaultdict(lambda: [0, 0]))
        for rep, product, length, outcome, n in self.conn.execute(
                f"SELECT rep_id, product_id, length, outcome, COUNT(*) FROM ({rows})"
                " WHERE length IS NOT NULL GROUP BY rep_id, product_id, length, outcome",
                params):
            for key in ((rep, product), ("product", product), ("business", None)):
                cell = lengths[key][length]
                cell[0] += n
                cell[1] += n if outcome == "won" else 0
        bases = {key: _Histogram(cells) for key, cells in lengths.items()}
        empty = _Histogram({})
        found: list[tuple[int, str | None, str | None, int, int, Basis, int, int, int, int]] = []
        business = bases.get(("business", None), empty)
        for deal_id, rep, product, first in self.conn.execute(
                "SELECT id, rep_id, product_id, first_contact FROM deals"
                " WHERE outcome = 'open' AND first_contact IS NOT NULL"):
            first_day = dt.date.fromisoformat(first)
            age = (today - first_day).days
            levels = []
            if rep is not None and product is not None:
                levels.append((Basis.REP_PRODUCT, bases.get((rep, product), empty)))
            if product is not None:
                levels.append((Basis.PRODUCT, bases.get(("product", product), empty)))
            levels.append((Basis.BUSINESS, business))
            basis, members = next((b, m) for b, m in levels
                                  if m.n >= options.threshold or b is Basis.BUSINESS)
            if not members.n or not age > options.drag_factor * (members.days / members.n):
                continue
            at_age, won_at_age = members.at_least(age)
            found.append((deal_id, self._name(Dimension.REP, rep),
                          self._name(Dimension.PRODUCT, product), first_day.toordinal(), age,
                          basis, members.n, members.days, at_age, won_at_age))
        found.sort(key=lambda r: dragging_order(r[1], r[4], r[0]))
        return DraggingDeals(
            array("q", (r[0] for r in found)), tuple(r[1] for r in found),
            tuple(r[2] for r in found), array("q", (r[3] for r in found)),
            array("q", (r[4] for r in found)), tuple(r[5] for r in found),
            array("q", (r[6] for r in found)), array("q", (r[7] for r in found)),
            array("q", (r[8] for r in found)), array("q", (r[9] for r in found)),
            options.drag_factor)


class _Histogram:
    """One basis's closed deals: their number, summed lengths, and how many (and how many won)
    are at least a given length long."""

    def __init__(self, cells: dict[int, list[int]]) -> None:
        self.lengths = sorted(cells)
        counts = [cells[length][0] for length in self.lengths]
        wins = [cells[length][1] for length in self.lengths]
        self.n = sum(counts)
        self.days = sum(length * count for length, count in zip(self.lengths, counts,
                                                                 strict=True))
        self._counts = [0, *accumulate(counts)]
        self._wins = [0, *accumulate(wins)]

    def at_least(self, age: int) -> tuple[int, int]:
        shorter = bisect_left(self.lengths, age)
        return self.n - self._counts[shorter], self._wins[-1] - self._wins[shorter]


def _compare(mine: GrowthReport, sql: GrowthReport) -> str:
    if mine == sql:
        return ""
    parts = [name for name in ("levers", "time_levers", "watch", "dragging", "months")
             if getattr(mine, name) != getattr(sql, name)]
    return f"DIFFERS from SQL in {', '.join(parts)}"


def run(ctx: Context) -> list[Measurement]:
    path: Path = ctx.dataset()
    today = dt.date.today() if ctx.file else dataset.TODAY
    store = open_store(path, read_only=True)
    try:
        settings = store.settings()
        started = time.perf_counter()
        cache = AnalyticsCache.build(store.deal_columns())
        print(f"  (export + cache built in {time.perf_counter() - started:.1f} s)", flush=True)
    finally:
        store.close()
    money = MoneyRules.of(settings, currency_digits())
    threshold = settings.too_few_threshold
    cases = [
        ("all time, median", GrowthOptions(threshold=threshold)),
        ("last 12 months, best", GrowthOptions(
            period=Period.between(*preset_range(PeriodPreset.LAST_12_MONTHS, today)),
            reference=Reference.BEST, threshold=threshold)),
        ("all time, average, drag 2x", GrowthOptions(
            reference=Reference.AVERAGE, threshold=threshold, drag_factor=2.0)),
    ]
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    ctx.guard(conn)
    sql = SqlGrowth(conn)
    rows: list[Measurement] = []
    try:
        for name, options in cases:
            operation = f"growth ranking: {name}"
            if not ctx.wanted(operation):
                continue
            m = ctx.measure(operation,
                            lambda o=options: growth_report(cache, today, o, money),
                            lambda o=options: sql.report(today, o, money),
                            target_ms=TARGET_MS, check=_compare)
            report: GrowthReport | None = m.result
            if report is not None and "DIFFERS" not in m.note:
                counts = (f"{len(report.levers)} + {len(report.time_levers)} levers,"
                          f" {len(report.watch)} watched, {len(report.dragging):,} dragging;"
                          " equal to SQL's")
                m.note = f"{m.note}; {counts}" if m.note else counts
            rows.append(m)
    finally:
        conn.close()
    return rows
