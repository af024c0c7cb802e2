"""What every benchmark section shares: the context it runs in, timing and the result table.

A section is a function ``run(ctx: Context) -> list[Measurement]`` registered in
``bench.SECTIONS``. It times its operations with ``ctx.measure`` (the operation and its
baseline alternate, so both see the same load on a busy machine) and returns the rows of its
table; bench.py prints them. Figures are medians: compare the ratio to the baseline of the same
run, not absolute times between runs.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dataset


@dataclass
class Measurement:
    """One operation's timings (milliseconds), and its baseline's, of the same run."""

    operation: str
    first_ms: float
    samples_ms: list[float]
    baseline_ms: list[float] = field(default_factory=list)
    target_ms: float | None = None
    note: str = ""
    result: Any = None  # what the operation's first run returned

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 95)

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self.baseline_ms) if self.baseline_ms else None

    @property
    def verdict(self) -> str:
        if self.target_ms is None:
            return ""
        return "PASS" if self.median <= self.target_ms else "FAIL"


def percentile(samples: list[float], pct: float) -> float:
    """Linear-interpolated percentile (inclusive), so 7 samples give a meaningful p95."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


class Aborted(Exception):
    """A run went past the context's time limit and SQLite was interrupted."""


def _time(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


@dataclass
class Context:
    """What a section gets: the options of the command line and the cached data file."""

    deals: int
    workdir: Path
    repeat: int
    match: str | None = None
    slow_baseline_ms: float = 1000.0
    slow_baseline_repeat: int = 3
    limit_s: float = 30.0
    file: Path | None = None
    _dataset: tuple[Path, dict[str, float]] | None = None
    _deadline: float = float("inf")

    def guard(self, conn: sqlite3.Connection) -> None:
        """Let ``measure`` interrupt this connection's statements after ``limit_s``: a query
        plan gone wrong at a million rows can take hours, and the table should still print."""
        conn.set_progress_handler(
            lambda: 1 if time.perf_counter() > self._deadline else 0, 10_000)

    def _run(self, fn: Callable[[], Any]) -> tuple[float, Any]:
        self._deadline = time.perf_counter() + self.limit_s
        try:
            return _time(fn)
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise Aborted from exc
            raise
        finally:
            self._deadline = float("inf")

    def dataset(self) -> Path:
        """The file of ``deals`` deals (built through the store on first use, then cached)."""
        if self._dataset is None and self.file is not None:
            print(f"data: {self.file} (given; not generated)")
            self._dataset = (self.file, {})
        if self._dataset is None:
            self._dataset = dataset.dataset(self.workdir, self.deals)
            path, info = self._dataset
            print(f"data: {path}  ({info.get('file_mb', 0):.0f} MB)")
            print(f"  built with Store.add_deals: {info['add_deals_s']:.1f} s total,"
                  f" of which {info['generator_s']:.1f} s making Deal objects and"
                  f" {info['store_s']:.1f} s in the store"
                  f" ({info['store_s'] / info['deals'] * 1e6:.0f} us per deal);"
                  f" {info.get('stage_events', 0):,} stage events", flush=True)
        return self._dataset[0]

    def wanted(self, operation: str) -> bool:
        """Whether ``--match`` selects this operation."""
        return self.match is None or self.match.lower() in operation.lower()

    def measure(self, operation: str, fn: Callable[[], Any],
                baseline: Callable[[], Any] | None = None, *, target_ms: float | None = None,
                check: Callable[[Any, Any], str] | None = None) -> Measurement:
        """Time ``fn`` and ``baseline`` alternately: one untimed-for-the-median first run
        each (reported as "1st", the cold-ish case), then ``repeat`` timed runs each.

        A baseline whose first run exceeds ``slow_baseline_ms`` runs only
        ``slow_baseline_repeat`` times (its median is then from fewer samples, said in the note).
        ``check(result, baseline_result)`` returns a note when they differ (e.g. other rows).
        """
        limit_ms = self.limit_s * 1000
        try:
            first, result = self._run(fn)
        except Aborted:
            m = Measurement(operation, limit_ms, [limit_ms], [], target_ms,
                            f"ABORTED: first run over {self.limit_s:.0f} s")
            print(f"  . {operation}: {m.note}", flush=True)
            return m
        note = ""
        base_runs = 0
        if baseline is not None:
            try:
                base_first, base_result = self._run(baseline)
            except Aborted:
                baseline, base_first = None, limit_ms
                note = f"baseline aborted after {self.limit_s:.0f} s"
        if baseline is not None:
            base_runs = self.repeat
            if base_first > self.slow_baseline_ms:
                base_runs = min(self.repeat, self.slow_baseline_repeat)
                note = f"baseline x{base_runs}"
            if check is not None:
                problem = check(result, base_result)
                if problem:
                    note = f"{note}; {problem}" if note else problem
        samples: list[float] = []
        base_samples: list[float] = []
        runs = self.repeat
        if first > limit_ms / 3:
            runs = 1  # hopelessly slow: one more run is enough to show it
            note = f"{note}; only 2 runs" if note else "only 2 runs"
        for i in range(runs):
            try:
                samples.append(self._run(fn)[0])
                if baseline is not None and i < base_runs:
                    base_samples.append(self._run(baseline)[0])
            except Aborted:
                samples.append(limit_ms)
                note = f"{note}; a run ABORTED at {self.limit_s:.0f} s"
                break
        m = Measurement(operation, first, samples, base_samples, target_ms, note, result)
        ratio = (f" ratio {m.median / m.baseline_median:.2f}"
                 if m.baseline_median else "")
        print(f"  . {operation}: {m.median:.1f} ms{ratio} {m.verdict} {note}", flush=True)
        return m


def print_table(title: str, rows: list[Measurement]) -> None:
    """The table of one section: operation, 1st, median, p95, baseline median, ratio, verdict."""
    if not rows:
        return
    width = max(len("operation"), *(len(r.operation) for r in rows))
    header = (f"{'operation':<{width}}  {'1st ms':>8}  {'median ms':>9}  {'p95 ms':>8}"
              f"  {'base med ms':>11}  {'ratio':>6}  {'target':>6}  note")
    print(f"\n== {title} ==")
    print(header)
    print("-" * len(header))
    for r in rows:
        base = r.baseline_median
        base_text = f"{base:11.1f}" if base is not None else f"{'-':>11}"
        ratio = f"{r.median / base:6.3f}" if base else f"{'-':>6}"
        print(f"{r.operation:<{width}}  {r.first_ms:8.1f}  {r.median:9.1f}  {r.p95:8.1f}"
              f"  {base_text}  {ratio}  {r.verdict:>6}  {r.note}")
    failed = [r for r in rows if r.verdict == "FAIL"]
    print(f"{len(rows) - len(failed)} of {len(rows)} within target"
          + (f"; over: {', '.join(r.operation for r in failed)}" if failed else ""))
