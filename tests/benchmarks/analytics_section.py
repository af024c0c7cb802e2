"""Section "analytics": the analytics cache at N deals, against plain SQLite GROUP BY.

The issue: "print the cache build time and memory, and for 50 random slices with a group-by
the median and p95 latency of the cache, next to the same questions answered by plain SQLite
GROUP BY on the same file in the same run, with the ratio. Targets on a 2-core machine:
median slice <= 50 ms and >= 10x faster than the SQL baseline; cache build <= 5 s and
<= 200 MB at 1,000,000 deals."

* Build: ``Store.deal_columns()`` (read-only, streamed out of SQLite) then
  ``AnalyticsCache.build`` — timed in a fresh child process each run, so its peak RSS (VmHWM)
  is the build's own, next to the RSS before it and the cache's column bytes. The in-process
  rows split the time: export alone, build alone (with tracemalloc's peak of the build).
* Slices: 50 seeded random slices (0-2 filters over the real values, a period of all time,
  a range, an open start or some months, a quarter of them cohorts) grouped by one dimension
  or two. The cache answers with ``AnalyticsCache.result`` (integer tallies, medians, group
  keys and order, as Python objects). The baseline answers the same slice with plain SQL
  GROUP BY on its own read-only connection: won/lost counts, deal-length and amount sums per
  group, and the open-at-end counts (a GROUP BY per first-contact and close day, summed up to
  each month's end for month/quarter groups) — no medians, so it does less than the cache.
  Both answers' counts are compared; a difference is reported in the note.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import time
import tracemalloc
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate
from pathlib import Path
from typing import Any

from harness import Context, Measurement, percentile

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.columns import DealColumns
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.metrics import SliceResult
from salesdesk.domain.periods import Bucket, Period, bucket_label, bucket_number, bucket_range
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.store import open_store
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

SLICES = 50
SEED = 20260101
TARGET_SLICE_MS = 50.0
TARGET_RATIO = 10.0
TARGET_BUILD_MS = 5000.0
TARGET_BUILD_MB = 200.0
GROUPABLE = (Dimension.REP, Dimension.PRODUCT, Dimension.REGION, Dimension.CHANNEL,
             Dimension.AUDIENCE, Dimension.CUSTOMER_TYPE, Dimension.STAGE,
             Dimension.LOST_REASON, Dimension.MONTH, Dimension.QUARTER)
PAIRS = ((Dimension.REP, Dimension.MONTH), (Dimension.PRODUCT, Dimension.QUARTER),
         (Dimension.CHANNEL, Dimension.REGION), (Dimension.REP, Dimension.PRODUCT),
         (Dimension.AUDIENCE, Dimension.CUSTOMER_TYPE), (Dimension.QUARTER, Dimension.STAGE))
FILTERABLE = (*GROUPABLE[:8], Dimension.CLIENT)

_CHILD = """
import json, sys, time
from pathlib import Path
def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
from salesdesk.analytics import AnalyticsCache
from salesdesk.store import open_store
before = rss("VmRSS:")
started = time.perf_counter()
store = open_store(Path(sys.argv[1]), read_only=True)
columns = store.deal_columns()
store.close()
exported = time.perf_counter()
cache = AnalyticsCache.build(columns)
del columns
built = time.perf_counter()
print(json.dumps({"export_s": exported - started, "build_s": built - exported,
                  "rss_before_mb": before, "peak_rss_mb": rss("VmHWM:"),
                  "rss_after_mb": rss("VmRSS:"), "cache_mb": cache.nbytes() / 2**20,
                  "deals": len(cache)}))
"""


# --- the random slices ------------------------------------------------------------------------


def random_queries(columns: DealColumns, first_day: dt.date, last_day: dt.date) -> list[Query]:
    rng = random.Random(SEED)
    span = (last_day - first_day).days
    queries: list[Query] = []
    while len(queries) < SLICES:
        filters: dict[Dimension, frozenset[str | None]] = {}
        for dimension in rng.sample(FILTERABLE, rng.choice((0, 0, 1, 1, 2))):
            values = columns.valid_values(dimension)
            filters[dimension] = frozenset(rng.sample(values, min(len(values),
                                                                  rng.randint(1, 3))))
        kind = rng.random()
        start = first_day + (last_day - first_day) * rng.random()
        if kind < 0.3:
            period = Period()
        elif kind < 0.7:
            period = Period.between(start, start + (last_day - first_day) * rng.random() / 2)
        elif kind < 0.85:
            period = Period.between(start, None)
        else:
            months = [bucket_number(Bucket.MONTH, first_day) + rng.randrange(span // 30)
                      for _ in range(rng.randint(1, 4))]
            period = Period.of_buckets(Bucket.MONTH, months)
        by = rng.choice(PAIRS) if rng.random() < 0.3 else (rng.choice(GROUPABLE),)
        queries.append(Query(Slice(filters, period, rng.random() < 0.25), by))
    return queries


def describe(query: Query) -> str:
    sl = query.slice
    parts = [f"by {','.join(query.by)}"]
    parts += [f"{d}={len(v)}v" for d, v in sl.filters.items()]
    if not sl.period.is_all_time:
        start, end = sl.period.start, sl.period.end
        parts.append(f"{start or '…'}..{end or '…'}" + (
            f" ({len(sl.period.ranges)} ranges)" if len(sl.period.ranges) > 1 else ""))
    if sl.cohort:
        parts.append("cohort")
    return " ".join(parts)


# --- the baseline: plain SQL GROUP BY ---------------------------------------------------------

_OUTCOMES = {"won": 1, "lost": 2}


def _column(dimension: Dimension) -> str:
    if dimension is Dimension.CUSTOMER_TYPE:
        return "customer_type"
    if dimension is Dimension.MONTH:
        return "substr({date}, 1, 7)"
    if dimension is Dimension.QUARTER:
        return ("substr({date}, 1, 4) || '-Q' || ((CAST(substr({date}, 6, 2) AS INTEGER) + 2)"
                " / 3)")
    return LOOKUP_COLUMNS[LookupKind(dimension.value)]


def _in_period(column: str, period: Period, params: list[Any]) -> str:
    if period.is_empty:
        return "0"
    parts = []
    for start, end in period.ranges:
        conditions = [f"{column} IS NOT NULL"]
        if start is not None:
            conditions.append(f"{column} >= ?")
            params.append(start.isoformat())
        if end is not None:
            conditions.append(f"{column} <= ?")
            params.append(end.isoformat())
        parts.append("(" + " AND ".join(conditions) + ")")
    return "(" + " OR ".join(parts) + ")"


class SqlBaseline:
    """The same slice as plain SQL: GROUP BY over the deals table, ids for names."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[Dimension, dict[str, int]] = {}
        self.names: dict[Dimension, dict[int, str]] = {}
        for kind, table in LOOKUP_TABLES.items():
            dimension = Dimension(kind.value)
            rows = conn.execute(f"SELECT id, name FROM {table}").fetchall()
            self.ids[dimension] = {name: i for i, name in rows}
            self.names[dimension] = dict(rows)

    def _filters(self, sl: Slice, params: list[Any]) -> list[str]:
        where = []
        for dimension, values in sl.filters.items():
            if dimension is Dimension.CUSTOMER_TYPE:
                where.append(f"customer_type IN ({','.join('?' * len(values))})")
                params += sorted(v for v in values if v is not None)
            else:
                column = LOOKUP_COLUMNS[LookupKind(dimension.value)]
                ids = sorted(self.ids[dimension][v] for v in values if v is not None)
                where.append(f"{column} IN ({','.join(map(str, ids)) or 'NULL'})")
        return where

    def _label(self, dimension: Dimension, value: Any) -> str | None:
        if value is None or dimension in (Dimension.CUSTOMER_TYPE, Dimension.MONTH,
                                          Dimension.QUARTER):
            return value  # type: ignore[no-any-return]
        return self.names[dimension][value]

    def answer(self, query: Query) -> dict[tuple[str | None, ...], list[int]]:
        """{group: [won, lost, open, won_days, lost_days, won_amount_minor_sum]}."""
        sl = query.slice
        time_dim = query.time_dimension
        categorical = [d for d in query.by if not d.is_time]
        params: list[Any] = []
        filters = self._filters(sl, params)
        result: dict[tuple[str | None, ...], list[int]] = defaultdict(lambda: [0] * 6)

        def key_of(row: tuple[Any, ...], time_value: str | None) -> tuple[str | None, ...]:
            values = dict(zip(categorical, row, strict=False))
            return tuple(time_value if d.is_time else self._label(d, values[d])
                         for d in query.by)

        cats = [_column(d) for d in categorical]
        date_for_time = "first_contact" if sl.cohort else "closed_on"
        time_sql = [_column(time_dim).format(date=date_for_time)] if time_dim else []
        group = ", ".join(cats + time_sql) or "NULL"
        # Closed deals counted: closes in the period (or first contacts, for a cohort).
        p: list[Any] = list(params)
        counted = (_in_period("first_contact", sl.period, p) if sl.cohort and
                   not sl.period.is_all_time else "1" if sl.cohort else
                   _in_period("closed_on", sl.period, p))
        # Parameters in text order: the filters' first, then the period's.
        where = " AND ".join([*filters, "outcome <> 'open'", counted])
        sql = (f"SELECT {group}, SUM(outcome = 'won'), SUM(outcome = 'lost'),"
               " SUM(CASE WHEN outcome = 'won' THEN julianday(closed_on)"
               " - julianday(first_contact) END),"
               " SUM(CASE WHEN outcome = 'lost' THEN julianday(closed_on)"
               " - julianday(first_contact) END),"
               " SUM(CASE WHEN outcome = 'won' THEN amount END)"
               f" FROM deals WHERE {where} GROUP BY {group}")
        n = len(cats) + len(time_sql) if (cats or time_sql) else 1
        for row in self.conn.execute(sql, p):
            key = key_of(row[:len(cats)], row[len(cats)] if time_sql else None)
            acc = result[key]
            acc[0] += row[n]
            acc[1] += row[n + 1]
            acc[3] += int(row[n + 2] or 0)
            acc[4] += int(row[n + 3] or 0)
            acc[5] += int(row[n + 4] or 0)
        # Open deals counted.
        if sl.cohort or time_dim is None:
            self._open_plain(query, params, filters, cats, time_sql, result, key_of)
        else:
            self._open_per_bucket(query, params, filters, cats, result, key_of)
        return {k: v for k, v in result.items() if v[0] + v[1] + v[2] > 0}

    def _open_plain(self, query: Query, params: list[Any], filters: list[str], cats: list[str],
                    time_sql: list[str], result: dict[Any, list[int]], key_of: Any) -> None:
        sl = query.slice
        p: list[Any] = list(params)
        if sl.cohort:
            condition = "outcome = 'open'" + (
                "" if sl.period.is_all_time else
                " AND " + _in_period("first_contact", sl.period, p))
        elif sl.period.is_empty:
            return
        elif sl.period.end is None:
            condition = "outcome = 'open'"
        else:
            condition = ("(first_contact IS NULL OR first_contact <= ?)"
                         " AND (closed_on IS NULL OR closed_on > ?)")
            p += [sl.period.end.isoformat()] * 2
        group = ", ".join(cats + time_sql) or "NULL"
        where = " AND ".join([*filters, condition])
        for row in self.conn.execute(
                f"SELECT {group}, COUNT(*) FROM deals WHERE {where} GROUP BY {group}", p):
            key = key_of(row[:len(cats)], row[len(cats)] if time_sql else None)
            result[key][2] += row[-1]

    def _open_per_bucket(self, query: Query, params: list[Any], filters: list[str],
                         cats: list[str], result: dict[Any, list[int]], key_of: Any) -> None:
        """Open at the end of each month/quarter: per-day first contacts and closes by group,
        summed up to each end."""
        sl = query.slice
        time_dim = query.time_dimension
        assert time_dim is not None and time_dim.bucket is not None
        bucket = time_dim.bucket
        where = " AND ".join(filters) or "1"
        lo, hi = self.conn.execute(
            "SELECT MIN(MIN(COALESCE(first_contact, '9999')), MIN(COALESCE(closed_on, '9999'))),"
            " MAX(MAX(COALESCE(first_contact, '')), MAX(COALESCE(closed_on, '')))"
            f" FROM deals WHERE {where}", params).fetchone()
        if not hi or lo == "9999":
            return
        first = bucket_number(bucket, dt.date.fromisoformat(lo))
        last = bucket_number(bucket, dt.date.fromisoformat(hi))
        ends: list[tuple[str, str]] = []
        for number in range(first, last + 1):
            part = sl.period.intersect(Period.between(*bucket_range(bucket, number)))
            if part.end is not None:
                ends.append((bucket_label(bucket, number), part.end.isoformat()))
        group = ", ".join(cats) or "NULL"
        per_group: dict[tuple[Any, ...], dict[str, list[tuple[str, int]]]] = defaultdict(
            lambda: {"fc": [], "closed": []})
        for name, column in (("fc", "COALESCE(first_contact, '')"), ("closed", "closed_on")):
            extra = "" if name == "fc" else " AND closed_on IS NOT NULL"
            for row in self.conn.execute(
                    f"SELECT {group}, {column}, COUNT(*) FROM deals WHERE {where}{extra}"
                    f" GROUP BY {group}, {column} ORDER BY {group}, {column}", params):
                per_group[tuple(row[:-2]) if cats else ()][name].append((row[-2], row[-1]))
        for group_key, days in per_group.items():
            fc_days = [d for d, _ in days["fc"]]
            fc_sums = list(accumulate(c for _, c in days["fc"]))
            closed_days = [d for d, _ in days["closed"]]
            closed_sums = list(accumulate(c for _, c in days["closed"]))
            for label, end in ends:
                i = bisect_right(fc_days, end)
                j = bisect_right(closed_days, end)
                opened = (fc_sums[i - 1] if i else 0) - (closed_sums[j - 1] if j else 0)
                if opened:
                    result[key_of(group_key, label)][2] += opened


def cache_counts(result: SliceResult) -> dict[tuple[str | None, ...], list[int]]:
    return {key: [t.won, t.lost, t.open, t.won_days, t.lost_days,
                  sum(s for _, _, s in t.won_money.by_currency)]
            for key, t in result.groups}


def compare(result: SliceResult, base: dict[tuple[str | None, ...], list[int]]) -> str:
    mine = cache_counts(result)
    if mine == base:
        return ""
    differing = [k for k in set(mine) | set(base) if mine.get(k) != base.get(k)]
    return f"DIFFERS from SQL in {len(differing)} groups, e.g. {differing[:1]}"


# --- the section ------------------------------------------------------------------------------


def _build_in_child(path: Path) -> dict[str, float]:
    completed = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True,
                               text=True, check=True, timeout=600)
    result: dict[str, float] = json.loads(completed.stdout)
    return result


def run(ctx: Context) -> list[Measurement]:
    path = ctx.dataset()
    rows: list[Measurement] = []
    if ctx.wanted("build"):
        rows += _build_rows(ctx, path)
    if ctx.wanted("slice"):
        rows += _slice_rows(ctx, path)
    return rows


def _build_rows(ctx: Context, path: Path) -> list[Measurement]:
    runs = [_build_in_child(path) for _ in range(max(3, min(ctx.repeat, 5)))]
    totals = [1000 * (r["export_s"] + r["build_s"]) for r in runs]
    peak = max(r["peak_rss_mb"] for r in runs)
    before = statistics.median(r["rss_before_mb"] for r in runs)
    cache_mb = runs[0]["cache_mb"]
    verdict = "PASS" if peak - before <= TARGET_BUILD_MB else "FAIL"
    memory_note = (f"peak RSS {peak:.0f} MB, {peak - before:.0f} MB over the {before:.0f} MB"
                   f" before it ({verdict} <= {TARGET_BUILD_MB:.0f} MB);"
                   f" cache holds {cache_mb:.0f} MB; {int(runs[0]['deals']):,} deals")
    print(f"  . export + build, child process: {statistics.median(totals):.0f} ms;"
          f" {memory_note}", flush=True)
    rows = [
        Measurement("build: export + cache (child process)", totals[0], totals,
                    target_ms=TARGET_BUILD_MS, note=memory_note),
        Measurement("build: of which export (Store.deal_columns)", 1000 * runs[0]["export_s"],
                    [1000 * r["export_s"] for r in runs]),
        Measurement("build: of which AnalyticsCache.build", 1000 * runs[0]["build_s"],
                    [1000 * r["build_s"] for r in runs]),
    ]
    store = open_store(path, read_only=True)
    try:
        columns = store.deal_columns()
    finally:
        store.close()
    tracemalloc.start()
    AnalyticsCache.build(columns)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    export_mb = sum(len(a) * a.itemsize for a in (columns.ids, columns.amount, *columns.words))
    rows[2].note = (f"tracemalloc peak of the build {traced_peak / 2**20:.0f} MB (on top of the"
                    f" {export_mb / 2**20:.0f} MB export)")
    return rows


def _slice_rows(ctx: Context, path: Path) -> list[Measurement]:
    store = open_store(path, read_only=True)
    try:
        columns = store.deal_columns()
        first_day, last_day = (dt.date.fromisoformat(v) for v in store.db.execute(
            "SELECT MIN(first_contact), MAX(closed_on) FROM deals").fetchone())
    finally:
        store.close()
    queries = random_queries(columns, first_day, last_day)
    started = time.perf_counter()
    cache = AnalyticsCache.build(columns)
    print(f"  (cache built in {time.perf_counter() - started:.1f} s)", flush=True)
    del columns
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    ctx.guard(conn)
    baseline = SqlBaseline(conn)
    per_slice: list[Measurement] = []
    try:
        for index, query in enumerate(queries):
            name = f"slice {index + 1:2d}: {describe(query)}"
            per_slice.append(ctx.measure(
                name, lambda q=query: cache.result(q), lambda q=query: baseline.answer(q),
                target_ms=TARGET_SLICE_MS, check=compare))
    finally:
        conn.close()
    cache_ms = [m.median for m in per_slice]
    sql_ms = [m.baseline_median or float("nan") for m in per_slice]
    ratios = [s / c for c, s in zip(cache_ms, sql_ms, strict=True)]
    ratio = statistics.median(sql_ms) / statistics.median(cache_ms)
    problems = [m.operation for m in per_slice if "DIFFERS" in m.note]
    note = (f"median speed-up {ratio:.0f}x ({'PASS' if ratio >= TARGET_RATIO else 'FAIL'}"
            f" >= {TARGET_RATIO:.0f}x); per slice {min(ratios):.0f}x..{max(ratios):.0f}x;"
            f" SQL p95 {percentile(sql_ms, 95):.0f} ms; "
            + (f"{len(problems)} slices DIFFER from SQL" if problems else
               "every slice's counts equal SQL's"))
    summary = Measurement(f"{SLICES} random slices with group-by (cache vs SQL)",
                          statistics.median(m.first_ms for m in per_slice), cache_ms, sql_ms,
                          target_ms=TARGET_SLICE_MS, note=note)
    two = [m for m, q in zip(per_slice, queries, strict=True) if len(q.by) == 2]
    rows = [summary]
    if two:
        rows.append(Measurement(f"  of which {len(two)} with two dimensions",
                                statistics.median(m.first_ms for m in two),
                                [m.median for m in two],
                                [m.baseline_median or float("nan") for m in two],
                                target_ms=TARGET_SLICE_MS))
    return rows + per_slice
