"""Tests that crash salesdesk on purpose (issue 6): kill -9 during an import and during a save
from the form, a full disk, and a file turned to garbage. Each has a control that shows the
harness would notice the damage it looks for."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.locking import WriterLock, lock_path
from salesdesk.store import DiskFull, FileDamaged, FileRefused, open_store

TODAY = dt.date(2026, 3, 31)
ROWS = 10_000
OLD = 50
# At least 20 kills in CI; the soak run (README) sets SALESDESK_SOAK_TRIALS=200 or more.
TRIALS = max(20, int(os.environ.get("SALESDESK_SOAK_TRIALS", "20")))
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

# A preloaded process that forks one child per trial: the children skip Python's start-up, so
# twenty kills fit in CI. Each child takes the writer's lock and imports (or, for the negative
# control, commits the same rows a batch at a time); its pid goes to the test, which kills it.
ZYGOTE = """
import datetime as dt, os, signal, sys, time
from pathlib import Path
from salesdesk.currencies import currency_digits
from salesdesk.domain.validation import InputRules
from salesdesk.locking import WriterLock
from salesdesk.store import open_store
from salesdesk.store.importing import plan_import
plan = plan_import(Path(sys.argv[1]))
rules = InputRules(currency_digits(), "EUR")
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped at once

def job(db, mode):
    lock = WriterLock(db)
    lock.acquire()  # as the CLI and the GUI do: a kill leaves it stale
    store = open_store(db, quick_check=False)
    if mode == "import":
        store.import_deals(plan, rules, dt.date(2026, 3, 31))
    else:
        conn = store.db.conn
        conn.execute("PRAGMA synchronous = OFF")  # speed only: a kill is not a power cut
        for first in range(0, {rows}, 100):
            conn.executemany(
                "INSERT INTO deals (title, stage_id, outcome, currency, created_at,"
                " updated_at) VALUES (?, 1, 'open', 'EUR', '2026-03-31', '2026-03-31')",
                [(f"Row {i}",) for i in range(first, first + 100)])
            conn.commit()
    store.close()
    lock.release()

print("ready", flush=True)
for line in sys.stdin:
    db, mode = line.split()
    pid = os.fork()
    if pid == 0:
        try:
            job(Path(db), mode)
        finally:
            os._exit(0)
    print(pid, flush=True)
""".replace("{rows}", str(ROWS))


def _csv(path: Path) -> Path:
    lines = ["title,client,outcome,first_contact,closed_on,amount"]
    for i in range(ROWS):
        won = i % 3 == 0
        lines.append(f"Import {i},Client {i % 97},{'won' if won else 'open'},2026-01-05,"
                     f"{'2026-02-01' if won else ''},{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _template(path: Path) -> Path:
    store = open_store(path)
    store.add_deals([Deal(title=f"Old {i}", client=f"Client {i % 5}") for i in range(OLD)],
                    TODAY)
    store.close()  # checkpointed: a closed file, safe to copy for each trial
    return path


def _state(db: Path) -> tuple[str, list[object], int]:
    conn = sqlite3.connect(db)  # read-write: SQLite recovers from the -wal as the app would
    try:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("PRAGMA foreign_key_check").fetchall(),
                conn.execute("SELECT COUNT(*) FROM deals").fetchone()[0])
    finally:
        conn.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class Zygote:
    """The forking process; ``spawn`` starts a child on ``db`` and returns its pid."""

    def __init__(self, csv: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", ZYGOTE, str(csv)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, env=ENV)
        assert self.process.stdout is not None and self.process.stdin is not None
        assert self.process.stdout.readline().strip() == "ready"
        self._lock = threading.Lock()

    def spawn(self, db: Path, mode: str) -> int:
        assert self.process.stdout is not None and self.process.stdin is not None
        with self._lock:
            self.process.stdin.write(f"{db} {mode}\n")
            self.process.stdin.flush()
            return int(self.process.stdout.readline())

    def run_to_end(self, db: Path, mode: str) -> float:
        started = time.monotonic()
        pid = self.spawn(db, mode)
        while _alive(pid):
            time.sleep(0.005)
        return time.monotonic() - started

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    forking = Zygote(_csv(tmp_path / "deals.csv"))
    yield forking
    forking.close()


def _kill_at(zygote: Zygote, db: Path, mode: str, delay: float) -> int:
    pid = zygote.spawn(db, mode)
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    while _alive(pid):
        time.sleep(0.005)
    check, foreign_keys, count = _state(db)
    assert check == "ok", f"{db.name}: {check}"
    assert foreign_keys == []
    return int(count)


def _kill_trials(zygote: Zygote, template: Path, tmp_path: Path, mode: str,
                 trials: int) -> list[int]:
    """Kill ``trials`` children, two at a time, at moments spread over the whole write (and a
    little after it): trial k dies at a random moment of the k-th slice of that span."""
    copies = [tmp_path / f"{mode}-calibrate-{i}.db" for i in range(2)]
    for copy in copies:
        shutil.copyfile(template, copy)
    with ThreadPoolExecutor(2) as pool:  # calibrated under the same load as the trials
        span = 1.25 * max(pool.map(lambda db: zygote.run_to_end(db, mode), copies))
    rng = random.Random(20260331)
    delays = [span * (k + rng.random()) / trials for k in range(trials)]
    dbs = [tmp_path / f"{mode}-{k}.db" for k in range(trials)]
    for db in dbs:
        shutil.copyfile(template, db)
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(lambda k: _kill_at(zygote, dbs[k], mode, delays[k]),
                             range(trials)))


def test_kill_9_during_a_10000_row_import_lands_all_or_nothing(tmp_path: Path,
                                                               zygote: Zygote) -> None:
    template = _template(tmp_path / "template.db")
    counts = _kill_trials(zygote, template, tmp_path, "import", TRIALS)
    assert set(counts) <= {OLD, OLD + ROWS}, counts
    # The harness is valid only when kills landed both before and after the commit.
    assert OLD in counts and OLD + ROWS in counts, counts
    # The app's own open path then accepts a killed file, its stale lock included.
    db = tmp_path / "import-0.db"
    assert lock_path(db).exists()
    with WriterLock(db):
        store = open_store(db)
        store.close()


def test_negative_control_an_import_without_its_transaction_is_caught(
        tmp_path: Path, zygote: Zygote) -> None:
    template = _template(tmp_path / "template.db")
    calibration = tmp_path / "batches-calibrate.db"
    shutil.copyfile(template, calibration)
    span = zygote.run_to_end(calibration, "batches")
    rng = random.Random(4)
    counts = []
    for trial in range(6):  # the first kill mid-write nearly always shows a partial count
        db = tmp_path / f"batches-{trial}.db"
        shutil.copyfile(template, db)
        counts.append(_kill_at(zygote, db, "batches", span * rng.uniform(0.1, 0.9)))
        if counts[-1] not in (OLD, OLD + ROWS):
            break
    assert any(c not in (OLD, OLD + ROWS) for c in counts), counts


SAVE_CHILD = """
import datetime as dt, sys, time
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.store import deals as store_deals, open_store
from salesdesk.ui.deals.commands import EditDealCommand
from salesdesk.ui.workspace import Workspace

class Opened:
    temporary = False
    def __init__(self, store):
        self.store = store
    def close(self):
        self.store.close()

app = QGuiApplication([])
db, mode = Path(sys.argv[1]), sys.argv[2]
workspace = Workspace(Opened(open_store(db, quick_check=False)))
VERSIONS = [
    Deal(title="Version A", client="Acme", rep="Anna", stage="Contacted", amount=100,
         first_contact=dt.date(2026, 1, 5), notes="a" * 500, next_step="call"),
    Deal(title="Version B", client="Bolt", rep="Ben", stage="Proposal", amount=200,
         outcome=Outcome.WON, first_contact=dt.date(2026, 1, 6),
         closed_on=dt.date(2026, 2, 1), notes="b" * 700, next_step=""),
]
if mode == "hook":
    record = store_deals._record_stage
    def slow(*args):
        record(*args)
        print("inside", flush=True)  # the deal row is written, the transaction still open
        time.sleep(60)
    store_deals._record_stage = slow
print("ready", flush=True)
for n in range(1 if mode == "hook" else 10_000):
    EditDealCommand(workspace, 1, VERSIONS[(n + 1) % 2]).run()
    print(f"saved {n + 1}", flush=True)
"""

FIELDS = ("title", "client", "rep", "stage", "amount", "outcome", "first_contact", "closed_on",
          "notes", "next_step")


def _save_template(path: Path) -> Path:
    store = open_store(path)
    store.add_deal(Deal(title="Version A", client="Acme", rep="Anna", stage="Contacted",
                        amount=100, first_contact=dt.date(2026, 1, 5), notes="a" * 500,
                        next_step="call"), TODAY)
    store.close()
    return path


def _deal_fields(db: Path) -> tuple[tuple[object, ...], tuple[str, ...]]:
    store = open_store(db)
    try:
        deal = store.deal(1)
        events = store.stage_events(1)
        return tuple(getattr(deal, f) for f in FIELDS), tuple(str(e) for e in events)
    finally:
        store.close()


def test_kill_9_inside_a_form_save_leaves_the_deal_wholly_old(tmp_path: Path) -> None:
    db = _save_template(tmp_path / "deals.db")
    before = _deal_fields(db)
    child = subprocess.Popen([sys.executable, "-c", SAVE_CHILD, str(db), "hook"],
                             stdout=subprocess.PIPE, text=True, env=ENV)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    assert child.stdout.readline().strip() == "inside"  # killed halfway through the save
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    assert _state(db)[0] == "ok"
    assert _deal_fields(db) == before


def test_kill_9_at_random_moments_of_form_saves_leaves_one_whole_version(
        tmp_path: Path) -> None:
    template = _save_template(tmp_path / "template.db")
    a = ("Version A", "Acme", "Anna", "Contacted", 100, Outcome.OPEN, dt.date(2026, 1, 5),
         None, "a" * 500, "call")
    b = ("Version B", "Bolt", "Ben", "Proposal", 200, Outcome.WON, dt.date(2026, 1, 6),
         dt.date(2026, 2, 1), "b" * 700, "")
    rng = random.Random(5)
    finished = []
    for trial in range(5):
        db = tmp_path / f"save-{trial}.db"
        shutil.copyfile(template, db)
        child = subprocess.Popen([sys.executable, "-c", SAVE_CHILD, str(db), "loop"],
                                 stdout=subprocess.PIPE, text=True, env=ENV)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate(timeout=60)
        finished.append(output.count("saved"))
        assert _state(db)[0] == "ok"
        fields, _ = _deal_fields(db)
        # Saves alternate B, A, B, ...: whenever the kill lands, one whole version is stored.
        assert fields in (a, b), fields
        # The stage history ends with the stage the deal shows: saved together or not at all.
        store = open_store(db)
        try:
            assert store.stage_events(1)[-1].stage == fields[3]
        finally:
            store.close()
    # The kills must land among the saves, not before the first one, for the test to mean
    # anything.
    assert max(finished) > 0, finished


# --- a full disk ------------------------------------------------------------------------------


def test_disk_full_by_max_page_count_keeps_the_last_committed_state(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    try:
        store.add_deals([Deal(title=f"Old {i}") for i in range(20)], TODAY)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DiskFull, match="disk holding deals.db is full"):
            store.add_deals([Deal(title=f"New {i}", notes="n" * 400) for i in range(2000)],
                            TODAY)
        assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 20
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
        store.add_deal(Deal(title="After"), TODAY)
        assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 21
    finally:
        store.close()


SMALL_DISK_CHILD = """
import datetime as dt, json, os, sys
from pathlib import Path
from salesdesk.domain.deals import Deal
from salesdesk.store import DiskFull, open_store
root = Path(sys.argv[1])
today = dt.date(2026, 3, 31)
store = open_store(root / "deals.db")
store.add_deals([Deal(title=f"Old {i}") for i in range(50)], today)
filler = root / "filler"
result = {}
fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
try:  # fill the disk, then leave a little room
    while True:
        os.write(fd, b"x" * 4096)
except OSError:
    pass
os.close(fd)
os.truncate(filler, filler.stat().st_size - 160_000)
try:
    store.add_deals([Deal(title=f"New {i}", notes="n" * 2000) for i in range(2000)], today)
    result["import"] = "no error"
except DiskFull as exc:
    result["import"] = str(exc)
result["count"] = store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0]
result["integrity"] = store.db.execute("PRAGMA integrity_check").fetchone()[0]
try:
    store.backups.take(root / "backups")
    result["backup"] = "no error"
except Exception as exc:
    result["backup"] = type(exc).__name__ + ": " + str(exc)
try:
    store.export_deals(root / "out.csv", {"EUR": 2})
    result["export"] = "written"
except Exception as exc:
    result["export"] = type(exc).__name__ + ": " + str(exc)
filler.unlink()  # space freed: the app keeps working
store.add_deal(Deal(title="After"), today)
result["after"] = store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0]
result["backup_after"] = store.backups.take(root / "backups").deals
store.close()
result["leftovers"] = sorted(p.name for p in root.rglob("*.tmp"))
print(json.dumps(result))
"""


def test_disk_full_on_a_small_filesystem(tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to mount a small filesystem privately")
    root = tmp_path / "small"
    root.mkdir()
    script = (f'mount -t tmpfs -o size=3m tmpfs "{root}" &&'
              f' exec "{sys.executable}" -c "$0" "{root}"')
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script, SMALL_DISK_CHILD],
                            capture_output=True, text=True, env=ENV, timeout=120, check=False)
    if "mount" in result.stderr and result.returncode != 0 and not result.stdout:
        pytest.skip(f"this machine does not allow a small filesystem: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert "The disk holding deals.db is full" in found["import"]
    assert found["count"] == 50 and found["integrity"] == "ok"
    assert found["backup"] != "no error" and found["export"] != "written"
    assert found["after"] == 51 and found["backup_after"] == 51
    assert found["leftovers"] == []


# --- a damaged file ---------------------------------------------------------------------------


def test_a_truncated_or_overwritten_file_is_refused_without_a_write(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    store.add_deals([Deal(title=f"Deal {i}", notes="x" * 300) for i in range(300)], TODAY)
    store.close()
    data = path.read_bytes()
    page = 4096
    for damage in (data[: len(data) // 2],  # truncated
                   data[:page * 3] + b"\xff" * page + data[page * 4:],  # a page overwritten
                   b"\0" * len(data)):  # garbage
        path.write_bytes(damage)
        with pytest.raises(FileRefused) as refused:
            open_store(path)
        assert path.read_bytes() == damage
        if damage[:16] == data[:16]:
            assert isinstance(refused.value, FileDamaged)
