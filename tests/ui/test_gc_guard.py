"""Qt objects are destroyed on the GUI thread: a closed import wizard left Python-owned Qt
objects in reference cycles, and when a worker's allocation started the cycle collector, their
C++ destructors ran off the GUI thread and the process crashed."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from salesdesk.ui.gc_guard import GuiThreadCollector
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.tasks import TaskContext

from .conftest import run_with_modal


@pytest.fixture
def saved_garbage() -> Iterator[list[object]]:
    """What the cycle collector finds unreachable, kept for inspection."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield gc.garbage
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def test_a_closed_import_wizard_leaves_no_qt_object_for_the_collector(
        qtbot: QtBot, window: MainWindow, saved_garbage: list[object]) -> None:
    run_with_modal(qtbot, window.files.import_deals, lambda dialog: dialog.close())
    qtbot.wait(10)  # deleteLater runs in the event loop
    gc.collect()

    owned = [type(o).__name__ for o in saved_garbage
             if isinstance(o, shiboken6.Shiboken.Object) and shiboken6.isValid(o)
             and shiboken6.ownedByPython(o)]
    assert owned == []


def _allocate(ctx: TaskContext) -> int:
    # Enough container allocations for the collector to come due in this thread.
    return len([{"row": [n]} for n in range(300_000)])


def test_a_worker_allocating_after_the_wizard_does_not_collect_qt_objects(
        qtbot: QtBot, window: MainWindow) -> None:
    run_with_modal(qtbot, window.files.import_deals, lambda dialog: dialog.close())
    done: list[int] = []
    window.tasks.run(_allocate, done.append, label="Allocating", parent=window)
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert done == [300_000]


def test_the_collector_collects_on_its_own_thread_and_gives_collection_back(
        gui_thread_collector: GuiThreadCollector) -> None:
    assert not gc.isenabled()

    class Cycle(QObject):
        pass

    cycle = Cycle()
    cycle.me = cycle  # type: ignore[attr-defined]
    del cycle
    gc.collect()  # the same as the timer's due collection, made due at once
    assert not any(isinstance(o, Cycle) for o in gc.get_objects())

    gui_thread_collector.stop()
    assert gc.isenabled()
    gc.disable()  # the fixture stops it again
