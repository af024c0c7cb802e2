"""A worker's loop sleeps a moment every so often (so the GUI thread gets the GIL); the main
thread's never does."""

from __future__ import annotations

import threading
import time

import pytest

from salesdesk import breathing
from salesdesk.breathing import Breather


def _sleeps_in(thread_run: bool, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(breathing.time, "sleep", slept.append)

    def loop() -> None:
        breathe = Breather(every_s=0.002, pause_s=0.0001)
        ends = time.perf_counter() + 0.02
        while time.perf_counter() < ends:
            breathe()

    if thread_run:
        worker = threading.Thread(target=loop)
        worker.start()
        worker.join()
    else:
        loop()
    return slept


def test_a_worker_breathes_every_so_often(monkeypatch: pytest.MonkeyPatch) -> None:
    slept = _sleeps_in(True, monkeypatch)
    assert 1 <= len(slept) <= 10  # 20 ms of work, a pause every 2 ms at most
    assert set(slept) == {0.0001}


def test_the_main_thread_never_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _sleeps_in(False, monkeypatch) == []
