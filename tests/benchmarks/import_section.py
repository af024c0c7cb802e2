"""Section "import": a generated N-row CSV through the import engine vs sqlite-utils insert_all.

Issue 14: "New baseline, in the same benchmark run: insert_all of the same file inside
db.atomic(), then the same index and FTS builds -- the same end state without validation.
Target on a 2-core machine: the engine at >= 1.0x that baseline's end-to-end rows/s into an
empty file, peak <= 300 MB; also report rows/s into a file of 1,000,000 deals."

* The CSV (N rows, ``--deals``; salesdesk-like columns with plain spreadsheet headers, 0.1 %
  of rows invalid so the rejected-rows path is exercised) is generated once into --workdir.
* Each run is a fresh child process (so VmHWM is that run's own peak memory): the engine is
  ``plan_import`` + ``Store.import_deals`` into a new file (validation, lookups, stage
  history, customer types, index rebuild), its peak the sum of its own and that of the
  process it reads the file in (both run at once); the baseline is
  ``Database(...)["rows"].insert_all(csv.DictReader(...))`` into a new file inside
  ``db.atomic()``, then, in the same transaction, an index on each column the deals table
  indexes (by the CSV's name for it: Company for client_id, Status for outcome, ...; the
  Title index in NOCASE, the three two- and three-column ones alike) and an external-content
  FTS5 index over Title and Notes rebuilt once, as the engine builds them.
* "into 1M deals": the engine imports the first 100,000 rows of the file into a copy of the
  cached N-deal benchmark database (indexes maintained, duplicates looked up a batch at a
  time); reported as a rate, no target.
Runs alternate (engine, baseline) ``RUNS`` times; the target is the engine's median time at
most the baseline's median / TARGET_SPEEDUP.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

from harness import Context, Measurement

TARGET_SPEEDUP = 1.0
TARGET_MB = 300.0
RUNS = 3
INTO_EXISTING_ROWS = 100_000
GENERATOR_VERSION = 1

_ENGINE = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
from salesdesk.currencies import currency_digits
from salesdesk.domain.validation import InputRules
from salesdesk.store import open_store
from salesdesk.store.importing import plan_import
started = time.perf_counter()
store = open_store(Path(sys.argv[2]), base_currency="EUR")
plan = plan_import(Path(sys.argv[1]))
summary = store.import_deals(plan, InputRules(currency_digits(), "EUR"), dt.date(2026, 6, 1),
                             rejected_path=Path(sys.argv[2] + "-rejected.csv"))
store.close()
seconds = time.perf_counter() - started
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
reader = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the reading process
print(json.dumps({"s": seconds, "mb": (peak + reader) / 1024, "reader_mb": reader / 1024,
                  "rows": summary.imported, "rejected": summary.rejected,
                  "duplicates": summary.duplicates}))
"""
_BASELINE = """
import csv, json, sys, time
from pathlib import Path
from sqlite_utils import Database
INDEXES = [["Company"], ["Owner"], ["Product"], ["Channel"], ["Region"], ["Audience"],
           ["Stage"], ["Lost reason"], ["First contact"], ["Closed on"], ["Amount"],
           ["Expected close"], ["External ID"], ["Status", "Expected close"],
           ["Company", "Status", "Closed on"], ["Status", "Closed on"]]
started = time.perf_counter()
db = Database(Path(sys.argv[2]))
db.execute("PRAGMA journal_mode = WAL")
with open(sys.argv[1], encoding="utf-8-sig", newline="") as handle, db.atomic():
    db["rows"].insert_all(csv.DictReader(handle))
    for columns in INDEXES:
        name = "rows_" + "_".join(c.replace(" ", "_") for c in columns)
        listed = ", ".join(f'[{c}]' for c in columns)
        db.execute(f"CREATE INDEX {name} ON rows({listed})")
    db.execute("CREATE INDEX rows_title ON rows([Title] COLLATE NOCASE)")
    db.execute("CREATE VIRTUAL TABLE rows_fts USING fts5(Title, Notes, content='rows',"
               " content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO rows_fts(rows_fts) VALUES ('rebuild')")
rows = db["rows"].count
db.conn.close()
seconds = time.perf_counter() - started
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"s": seconds, "mb": peak / 1024, "rows": rows}))
"""

HEADERS = ["External ID", "Title", "Company", "Owner", "Product", "Channel", "Region",
           "Audience", "Stage", "Status", "First contact", "Closed on", "Expected close",
           "Amount", "Currency", "Lost reason", "Notes"]


def generate_csv(path: Path, rows: int) -> None:
    """Write ``rows`` realistic deal rows (seeded) as a plain spreadsheet export."""
    rng = random.Random(20261128)
    clients = [f"Client {i:05d} {rng.choice(['GmbH', 'Ltd', 'Kft', 'Inc'])}"
               for i in range(20_000)]
    reps = [f"Rep {i}" for i in range(40)]
    products = ["CRM Basic", "CRM Pro", "Fleet Tracker", "Payroll Suite", "Consulting"]
    start = dt.date(2021, 1, 1)
    temp = path.with_suffix(".tmp")
    with temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i in range(rows):
            first = start + dt.timedelta(days=rng.randrange(1800))
            status = rng.choices(("open", "won", "lost"), (3, 4, 3))[0]
            closed = (first + dt.timedelta(days=rng.randrange(120))).isoformat() if (
                status != "open") else ""
            amount = f"{rng.randrange(100, 500_000)}.{rng.randrange(100):02d}"
            if rng.random() < 0.1:
                amount = ""
            elif rng.random() < 0.001:
                amount = "-" + amount  # invalid: rejected
            writer.writerow([
                f"EXT-{i}", f"Deal {i} {rng.choice(products)}", rng.choice(clients),
                rng.choice(reps), rng.choice(products),
                rng.choice(("Website", "Referral", "Cold call", "Trade fair", "Partner")),
                rng.choice(("North", "South", "East", "West", "Central")),
                rng.choice(("Small business", "Mid-market", "Enterprise")),
                rng.choice(("Lead", "Contacted", "Proposal", "Negotiation")), status,
                first.isoformat(), closed,
                (first + dt.timedelta(days=90)).isoformat() if status == "open" else "",
                amount, "EUR", rng.choice(("Price", "Competitor", "")) if status == "lost"
                else "", rng.choice(("", "", "call back", "sent the proposal")),
            ])
    temp.replace(path)


def _child(script: str, *args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def run(ctx: Context) -> list[Measurement]:
    rows = ctx.deals
    ctx.workdir.mkdir(parents=True, exist_ok=True)
    source = ctx.workdir / f"import-{rows}-g{GENERATOR_VERSION}.csv"
    if not source.exists():
        print(f"  generating {source} ...", flush=True)
        generate_csv(source, rows)
    print(f"  file: {source} ({source.stat().st_size / 2**20:.0f} MB)", flush=True)
    scratch = ctx.workdir / "import-scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    results: list[Measurement] = []
    try:
        if ctx.wanted("import into empty"):
            results.append(_empty(ctx, source, scratch, rows))
        if ctx.wanted("import into existing"):
            results.append(_existing(ctx, source, scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def _empty(ctx: Context, source: Path, scratch: Path, rows: int) -> Measurement:
    engine_runs: list[dict[str, float]] = []
    baseline_runs: list[dict[str, float]] = []
    for i in range(RUNS):
        for script, runs, name in ((_ENGINE, engine_runs, "engine"),
                                   (_BASELINE, baseline_runs, "baseline")):
            target = scratch / f"{name}-{i}.db"
            runs.append(_child(script, str(source), str(target)))
            for leftover in scratch.glob(f"{name}-{i}.db*"):
                leftover.unlink()
            r = runs[-1]
            print(f"  . {name} run {i + 1}: {r['s']:.1f} s, {r['rows'] / r['s']:,.0f} rows/s,"
                  f" peak {r['mb']:.0f} MB", flush=True)
    engine_ms = [r["s"] * 1000 for r in engine_runs]
    base_ms = [r["s"] * 1000 for r in baseline_runs]
    measurement = Measurement("import into empty db", engine_ms[0], engine_ms, base_ms)
    measurement.target_ms = measurement.baseline_median / TARGET_SPEEDUP if (
        measurement.baseline_median) else None
    peak = max(r["mb"] for r in engine_runs)
    engine_rate = rows / (measurement.median / 1000)
    base_rate = rows / ((measurement.baseline_median or 1) / 1000)
    memory = "PASS" if peak <= TARGET_MB else "FAIL"
    measurement.note = (f"{engine_rate:,.0f} rows/s vs insert_all + indexes + FTS"
                        f" {base_rate:,.0f} rows/s"
                        f" = {engine_rate / base_rate:.2f}x (target {TARGET_SPEEDUP}x);"
                        f" peak {peak:.0f} MB ({memory} <= {TARGET_MB:.0f}; of it the"
                        f" reading process {max(r['reader_mb'] for r in engine_runs):.0f} MB);"
                        f" baseline peak {max(r['mb'] for r in baseline_runs):.0f} MB;"
                        f" imported {engine_runs[0]['rows']:,.0f},"
                        f" rejected {engine_runs[0]['rejected']:,.0f}")
    return measurement


def _existing(ctx: Context, source: Path, scratch: Path) -> Measurement:
    head = scratch / "head.csv"
    with source.open(encoding="utf-8", newline="") as src, head.open(
            "w", encoding="utf-8", newline="") as dst:
        for i, line in enumerate(src):
            if i > INTO_EXISTING_ROWS:
                break
            dst.write(line)
    database = ctx.dataset()
    copy = scratch / "existing.salesdesk"
    shutil.copyfile(database, copy)
    result = _child(_ENGINE, str(head), str(copy))
    rate = result["rows"] / result["s"]
    ms = result["s"] * 1000
    print(f"  . into existing: {result['s']:.1f} s, {rate:,.0f} rows/s, peak"
          f" {result['mb']:.0f} MB", flush=True)
    return Measurement(f"import {INTO_EXISTING_ROWS:,} rows into existing db", ms, [ms],
                       note=f"{rate:,.0f} rows/s into the {ctx.deals:,}-deal file, peak"
                            f" {result['mb']:.0f} MB (no target)")
