"""The task runner (issue 12): work in a worker, its outcome on the GUI thread, progress and
Cancel, the busy cursor, held input, superseded tasks, shutdown, and no nested event loop."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.store import DiskFull
from salesdesk.ui import tasks
from salesdesk.ui.tasks import TaskContext, TaskRunner

WAIT_S = 10


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    owner = QWidget()
    qtbot.addWidget(owner)
    made = TaskRunner(owner)
    yield made
    made.shutdown()


class Held:
    """A task function that reports that it started, then waits until released."""

    def __init__(self, result: object = "done") -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.result = result
        self.threads: list[threading.Thread] = []

    def __call__(self, ctx: TaskContext) -> object:
        self.threads.append(threading.current_thread())
        self.entered.set()
        assert self.release.wait(WAIT_S)
        return self.result


def _gui_turns_while(qtbot: QtBot, held: Held) -> None:
    """While ``held`` blocks its worker, the event loop still runs a posted callback."""
    qtbot.waitUntil(held.entered.is_set)
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran))
    assert held.threads[0] is not threading.main_thread()


def test_the_result_arrives_on_the_gui_thread_and_run_returns_at_once(
        qtbot: QtBot, runner: TaskRunner) -> None:
    held = Held(42)
    results: list[tuple[object, threading.Thread]] = []
    task = runner.run(held, lambda value: results.append((value, threading.current_thread())),
                      label="Working…", parent=None)
    assert task.running and results == []  # no nested loop: run() returned before the work
    _gui_turns_while(qtbot, held)
    held.release.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(42, threading.main_thread())]
    assert not task.running and not runner.busy


def test_a_user_error_goes_to_on_error_on_the_gui_thread(qtbot: QtBot,
                                                          runner: TaskRunner) -> None:
    def fail(ctx: TaskContext) -> None:
        raise DiskFull("The disk is full.")

    errors: list[tuple[str, threading.Thread]] = []
    runner.run(fail, lambda _: pytest.fail("no result"), label="x", parent=None,
               on_error=lambda exc: errors.append((str(exc), threading.current_thread())))
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == [("The disk is full.", threading.main_thread())]


def test_by_default_a_user_error_is_a_plain_message(qtbot: QtBot, runner: TaskRunner,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(text))

    def fail(ctx: TaskContext) -> None:
        raise OSError("No space left on device")

    runner.run_in_background(fail, lambda _: None)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["No space left on device"]


def test_a_bug_reaches_the_exception_handler_and_the_cursor_is_restored(
        qtbot: QtBot, runner: TaskRunner) -> None:
    def bug(ctx: TaskContext) -> None:
        raise ZeroDivisionError("a bug")

    handled: list[object] = []
    task = runner.run(bug, lambda _: handled.append("done"), label="x", parent=None,
                      on_error=handled.append)
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.WaitCursor
    with qtbot.capture_exceptions() as exceptions:
        qtbot.waitUntil(lambda: not task.running)
    assert [type(e[1]) for e in exceptions] == [ZeroDivisionError]
    assert handled == []  # not a user error: never shown as one
    assert QApplication.overrideCursor() is None


def test_the_cursor_is_restored_after_a_user_error(qtbot: QtBot, runner: TaskRunner) -> None:
    def fail(ctx: TaskContext) -> None:
        raise DiskFull("full")

    cursors: list[object] = []
    runner.run(fail, lambda _: None, label="x", parent=None,
               on_error=lambda exc: cursors.append(QApplication.overrideCursor()))
    qtbot.waitUntil(lambda: bool(cursors))
    assert cursors == [None]  # restored before the error is shown


def test_progress_shows_in_the_dialog_and_cancel_stops_the_task(
        qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "SHOW_AFTER_MS", 0)
    owner = runner.window
    reported = threading.Event()

    def count(ctx: TaskContext) -> int:
        ctx.report(3, 10, "Three of ten")
        reported.set()
        while True:
            ctx.raise_if_cancelled()
            threading.Event().wait(0.01)

    outcome: list[str] = []
    runner.run(count, lambda _: outcome.append("done"), label="Counting…", parent=owner,
               cancellable=True, on_cancel=lambda: outcome.append("cancelled"))
    qtbot.waitUntil(reported.is_set)

    def dialog() -> Any:
        found = owner.findChild(tasks.QProgressDialog, "task_progress")
        assert found is not None and found.isVisible()
        return found

    qtbot.waitUntil(lambda: dialog().bar.value() == 3)
    shown = dialog()
    assert shown.bar.maximum() == 10 and shown.labelText() == "Three of ten"
    assert shown.windowModality() == Qt.WindowModality.WindowModal
    shown.cancel_button.click()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    assert QApplication.overrideCursor() is None


def test_a_task_that_cannot_stop_has_no_cancel_button(qtbot: QtBot, runner: TaskRunner,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "SHOW_AFTER_MS", 0)
    held = Held()
    done: list[object] = []
    runner.run(held, done.append, label="Checking…", parent=runner.window)
    qtbot.waitUntil(lambda: runner.window.findChild(tasks.QProgressDialog) is not None)
    dialog = runner.window.findChild(tasks.QProgressDialog)
    assert dialog.cancel_button is None and dialog.labelText() == "Checking…"
    dialog.reject()  # Escape does not hide it
    assert dialog.isVisible()
    held.release.set()
    qtbot.waitUntil(lambda: bool(done))
    qtbot.waitUntil(lambda: runner.window.findChild(tasks.QProgressDialog) is None)


def _typed(qtbot: QtBot, edit: QLineEdit, key: Qt.Key) -> None:
    """A key press as the window system delivers it (to the window, which may be blocked)."""
    handle = edit.window().windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key)


@pytest.mark.parametrize("over_the_window", [True, False])
def test_input_is_held_back_while_a_modal_task_runs(qtbot: QtBot, runner: TaskRunner,
                                                    over_the_window: bool) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    held = Held()
    done: list[object] = []
    runner.run(held, done.append, label="x", parent=edit if over_the_window else None)
    _typed(qtbot, edit, Qt.Key.Key_A)
    assert edit.text() == ""
    assert QApplication.activeModalWidget() is not None  # modal though not shown yet
    held.release.set()
    qtbot.waitUntil(lambda: bool(done))
    _typed(qtbot, edit, Qt.Key.Key_B)
    assert edit.text() == "b"


def test_background_tasks_hold_nothing_and_show_nothing(qtbot: QtBot,
                                                        runner: TaskRunner) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    held = Held()
    done: list[object] = []
    assert runner.idle
    runner.run_in_background(held, done.append)
    assert QApplication.overrideCursor() is None and not runner.busy
    assert not runner.idle  # not busy, but not idle either
    assert QApplication.activeModalWidget() is None
    _typed(qtbot, edit, Qt.Key.Key_A)
    assert edit.text() == "a"
    _gui_turns_while(qtbot, held)
    held.release.set()
    qtbot.waitUntil(lambda: bool(done))
    assert runner.idle


def test_modal_tasks_run_one_after_another(qtbot: QtBot, runner: TaskRunner) -> None:
    first, second = Held("first"), Held("second")
    order: list[object] = []
    runner.run(first, order.append, label="1", parent=None)
    runner.run(second, order.append, label="2", parent=None)
    qtbot.waitUntil(first.entered.is_set)
    second.release.set()
    assert not second.entered.wait(0.05)  # waits its turn
    first.release.set()
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order == ["first", "second"]
    assert QApplication.overrideCursor() is None and not runner.busy


def test_a_superseded_task_s_result_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    old, new = Held("old"), Held("new")
    results: list[object] = []
    stale = runner.run_in_background(old, results.append, key="cache")
    qtbot.waitUntil(old.entered.is_set)
    runner.run_in_background(new, results.append, key="cache")
    assert stale.dropped and stale.context.cancelled()  # asked to stop early
    new.release.set()
    qtbot.waitUntil(lambda: results == ["new"])
    old.release.set()
    qtbot.waitUntil(lambda: not stale.running)
    assert results == ["new"]


def test_shutdown_waits_for_the_workers_and_drops_their_results(qtbot: QtBot) -> None:
    runner = TaskRunner()
    held = Held()
    ended: list[bool] = []
    results: list[object] = []

    def work(ctx: TaskContext) -> object:
        value = held(ctx)
        ended.append(True)
        return value

    runner.run(work, results.append, label="x", parent=None)
    qtbot.waitUntil(held.entered.is_set)
    threading.Thread(target=held.release.set).start()
    runner.shutdown()
    assert ended == [True]
    assert QApplication.overrideCursor() is None
    QApplication.processEvents()  # the worker's queued end, processed now, delivers nothing
    assert results == []
    with pytest.raises(RuntimeError):
        runner.run_in_background(lambda ctx: None, results.append)


def test_work_on_the_gui_thread_goes_in_turns(qtbot: QtBot, runner: TaskRunner) -> None:
    log: list[str] = []

    def steps() -> Iterator[None]:
        for number in range(3):
            log.append(f"step {number}")
            QTimer.singleShot(0, lambda: log.append("posted"))
            yield

    finished: list[bool] = []
    runner.in_turns(steps(), lambda: finished.append(True))
    assert log == []
    qtbot.waitUntil(lambda: bool(finished))
    assert log[:2] == ["step 0", "posted"]  # the event loop turned between the steps
    assert log.count("posted") == 3


def test_timers_tick_between_the_steps(qtbot: QtBot, runner: TaskRunner) -> None:
    # Steps chained through posted events ran back to back inside one pass of the event
    # loop: a window's timers (the benchmark's 5 ms tick, a repaint) waited for all of them.
    log: list[str] = []
    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(lambda: log.append("tick") if log[-1:] != ["tick"] else None)

    def steps() -> Iterator[None]:
        for number in range(4):
            log.append(f"step {number}")
            time.sleep(0.005)
            yield

    finished: list[bool] = []
    ticker.start()
    runner.in_turns(steps(), lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished))
    ticker.stop()
    steps_done = [entry for entry in log if entry != "tick"]
    assert steps_done == ["step 0", "step 1", "step 2", "step 3"]
    for number in range(3):
        between = log[log.index(f"step {number}") + 1:log.index(f"step {number + 1}")]
        assert between == ["tick"]


def test_steps_stop_when_the_runner_shuts_down(qtbot: QtBot) -> None:
    runner = TaskRunner()
    log: list[int] = []
    runner.in_turns((log.append(n) for n in range(3)), lambda: log.append(-1))
    runner.shutdown()
    QApplication.processEvents()
    assert log == []


def test_a_dropped_task_delivers_nothing(qtbot: QtBot, runner: TaskRunner) -> None:
    held = Held()
    results: list[object] = []
    task = runner.run_in_background(held, results.append)
    qtbot.waitUntil(held.entered.is_set)
    task.drop()
    assert not runner.idle  # until its worker has ended
    held.release.set()
    qtbot.waitUntil(lambda: not task.running)
    assert results == [] and runner.idle
