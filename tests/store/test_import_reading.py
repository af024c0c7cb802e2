"""A big file's rows are read and converted in a second process (``piped_chunks``): what
goes wrong there reaches the import as a clear error, nothing is imported or left running,
and its messages are in the language of the windows. (That the piped import writes the same
file as the others: test_import_fast_path.)
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from salesdesk import i18n
from salesdesk.store import SourceOptions, Store, UnreadableFile, open_store
from salesdesk.store import import_reading as reading
from salesdesk.store import importing as engine
from salesdesk.store.importing import ImportCancelled, plan_import
from tests.store.test_importing import RULES, TODAY, all_deals, dump, run, write_csv


@pytest.fixture(autouse=True)
def _piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is read in a second process, in chunks of 4 rows."""
    monkeypatch.setattr(engine, "PIPE_MIN_BYTES", 0)
    monkeypatch.setattr(engine, "PROGRESS_EVERY", 4)


def _file(tmp_path: Path, count: int) -> Path:
    rows = [["title", "client", "first contact"]]
    rows += [[f"Deal {i}", f"Client {i % 7}", "2026-01-01"] for i in range(count)]
    return write_csv(tmp_path / "big.csv", rows)


def test_progress_comes_from_the_reading_process(store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, float]] = []
    summary = run(store, _file(tmp_path, 30), progress=lambda r, f: seen.append((r, f)))
    assert summary.imported == 30
    assert [rows for rows, _ in seen] == [4, 8, 12, 16, 20, 24, 28, 30, 30]
    assert seen[-1][1] == 1.0
    assert multiprocessing.active_children() == []


def test_an_error_in_the_reading_process_is_raised_here(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "late.csv"
    lines = ["title,client"] + [f"Deal {i}," for i in range(20_000)] + ["Café,Müller"]
    source.write_bytes("\n".join(lines).encode("cp1252"))  # the first 64 KB are ASCII
    plan = plan_import(source, SourceOptions(encoding="utf-8"))
    before = dump(store.path)
    with pytest.raises(UnreadableFile, match="cannot be read after row") as raised:
        store.import_deals(plan, RULES, TODAY)
    assert any("reading process" in note for note in raised.value.__notes__)
    assert dump(store.path) == before
    assert multiprocessing.active_children() == []


def test_a_reading_process_that_dies_imports_nothing(store: Store, tmp_path: Path) -> None:
    def kill_the_reader(rows: int, fraction: float) -> None:
        for child in multiprocessing.active_children():
            os.kill(child.pid or 0, signal.SIGKILL)

    before = dump(store.path)
    with pytest.raises(UnreadableFile, match=r"stopped unexpectedly \(exit code -9\)"):
        run(store, _file(tmp_path, 20_000), progress=kill_the_reader)
    assert dump(store.path) == before
    assert all_deals(store) == []


def test_cancelling_stops_the_reading_process(store: Store, tmp_path: Path) -> None:
    seen: list[int] = []
    with pytest.raises(ImportCancelled):
        run(store, _file(tmp_path, 20_000), progress=lambda rows, _: seen.append(rows),
            cancelled=lambda: len(seen) >= 3)
    assert seen == [4, 8, 12]
    assert multiprocessing.active_children() == []
    assert all_deals(store) == []


def _bracketed(context: str, text: str, disambiguation: str | None) -> str:
    return f"[{text}]"


def install_brackets() -> None:
    """A translator's recipe: a module-level function, which a new process unpickles."""
    i18n.install(_bracketed, install_brackets)


def test_the_reading_process_speaks_this_process_language(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_csv(tmp_path / "odd.csv", [["title", "amount"], ["A", "about 500"],
                                              ["B", "12"], ["C", "1.2.3"]])
    install_brackets()
    try:
        piped = run(store, source, rejected_path=tmp_path / "piped.csv")
        assert multiprocessing.active_children() == []
        monkeypatch.setattr(engine, "PIPE_MIN_BYTES", 2**62)
        other = tmp_path / "other"
        other.mkdir()
        second = open_store(other / "deals.db", base_currency="EUR")
        here = run(second, source, rejected_path=tmp_path / "here.csv")
        second.close()
    finally:
        i18n.install(None)
    assert (piped.imported, piped.rejected) == (here.imported, here.rejected) == (1, 2)
    rejected = (tmp_path / "piped.csv").read_text("utf-8")
    assert rejected == (tmp_path / "here.csv").read_text("utf-8")
    assert "[Not an amount" in rejected


def test_this_process_works_ahead_while_no_rows_are_waiting(tmp_path: Path) -> None:
    """While the queue is empty ``idle`` runs (the writer's work ahead) until it has nothing
    left; then the next message is waited for."""
    messages: queue.Queue[tuple[str, Any]] = queue.Queue()
    worked: list[str] = []

    def idle() -> bool:
        worked.append("idle")
        if len(worked) == 2:  # rows come while it works
            messages.put(("chunk", "rows"))
        if len(worked) == 3:  # nothing left to do: the tally is waited for
            threading.Timer(0.05, messages.put, [("tally", reading._Tally(
                ["read"], [], Counter(), 0))]).start()
        return len(worked) < 3

    plan = plan_import(write_csv(tmp_path / "a.csv", [["title"], ["A"]]))
    notes: list[str] = []
    received = reading._received(messages, multiprocessing.Process(), plan,
                                 plan.converter(RULES, reading.order_reader(plan)), notes, idle)
    assert [*received] == ["rows"]
    assert worked == ["idle"] * 3 and notes == ["read"]
