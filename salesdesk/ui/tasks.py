"""The one way to run work off the GUI thread (DESIGN.md §7, §8), after Anki's
``CollectionOp``/``QueryOp``.

A task is a function run in a worker thread. It gets a :class:`TaskContext` to report progress
and to ask whether Cancel was pressed. SQLite connections belong to the thread that made them,
so a task that reads or writes the open file does it on a connection of its own
(:func:`own_store`). What the function returns, or the exception it raises, is delivered on the
GUI thread to the callbacks given when the task started.

Modal tasks (:meth:`TaskRunner.run`) are the user's: while one runs the cursor is busy and user
input is held back (nothing may change the data under the worker), a window-modal progress
dialog appears after ``SHOW_AFTER_MS``, with Cancel when the task can stop, and modal tasks
run one after another. Background tasks (:meth:`TaskRunner.run_in_background`) show nothing.

Nothing here runs a nested event loop: starting a task returns at once, and the result arrives
through the application's own loop.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from salesdesk.i18n import translate
from salesdesk.store import Store, StoreError

T = TypeVar("T")

SHOW_AFTER_MS = 500
POLL_MS = 100
# The pause between two steps of work in turns: a timer, not a posted event (a 0 ms single
# shot), which Qt would run back to back with the next step in one pass of the loop, before
# the window's own timers and repaints.
TURN_MS = 1
# Errors of the user's machine or files: their messages are written for the user. Anything
# else a task raises is a bug and goes to the application's exception handler.
USER_ERRORS: tuple[type[Exception], ...] = (StoreError, OSError)


class Cancelled(Exception):
    """Raised by a task that stopped because Cancel was pressed; see
    :meth:`TaskContext.raise_if_cancelled`."""


class TaskContext:
    """What a task's function gets in the worker: progress reporting and Cancel.

    Both are thread-safe: the worker writes the progress, the GUI thread reads it when it
    updates the dialog, and Cancel is an event the GUI thread sets.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._progress: tuple[int, int, str | None] = (0, 0, None)
        self._cancel = threading.Event()

    def report(self, done: int, total: int = 0, text: str | None = None) -> None:
        """Say how far the task is: ``done`` of ``total`` (0: unknown), and, when given, a
        new text for the progress dialog."""
        with self._lock:
            self._progress = (done, total, text if text is not None else self._progress[2])

    def progress(self) -> tuple[int, int, str | None]:
        """The last report: done, total and text (None: the task's label)."""
        with self._lock:
            return self._progress

    def cancel(self) -> None:
        """Ask the task to stop (Cancel was pressed, or its result is no longer wanted)."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """True once the task was asked to stop; a task that can stop checks it now and then
        (store functions take it as their ``cancelled`` callback)."""
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` when the task was asked to stop."""
        if self._cancel.is_set():
            raise Cancelled


@contextmanager
def own_store(store: Store) -> Iterator[Store]:
    """A connection of the calling worker's own to ``store``'s file (SQLite connections belong
    to the thread that made them), closed afterwards. Enter it inside the task's function."""
    worker = store.reopen()
    try:
        yield worker
    finally:
        worker.close()


class _Worker(QThread):
    """The thread of one task. Its ``finished`` signal is emitted after ``run`` has returned,
    so the worker holds no reference any more when the GUI thread handles the end. Owned by
    the runner and deleted later: it must not be deleted inside its own slot."""

    def __init__(self, task: Task[Any], runner: TaskRunner) -> None:
        super().__init__(runner)
        self._task: Task[Any] | None = task
        self.finished.connect(self._on_finished)

    def run(self) -> None:
        assert self._task is not None
        self._task.run_in_worker()

    @Slot()
    def _on_finished(self) -> None:  # queued to the GUI thread, where this object lives
        task, self._task = self._task, None
        if task is not None:
            task.finish()


class Task(Generic[T]):
    """One run of a task's function: the handle its starter may keep to cancel or drop it.

    Created by :class:`TaskRunner`; the callbacks run on the GUI thread.
    """

    def __init__(self, runner: TaskRunner, work: Callable[[TaskContext], T],
                 on_done: Callable[[T], object], *,
                 on_error: Callable[[Exception], object] | None,
                 on_cancel: Callable[[], object] | None, errors: tuple[type[Exception], ...],
                 key: str | None, modal: _ModalSpec | None) -> None:
        self.context = TaskContext()
        self.key = key
        self._runner = runner
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancel = on_cancel
        self._errors = errors
        self._modal_spec = modal
        self._modal: _Modal | None = None
        self._thread: _Worker | None = None
        self._result: tuple[T] | None = None  # (the work's result,) once it returned
        self._error: BaseException | None = None
        self._started = False
        self._finished = False
        self._dropped = False

    @property
    def running(self) -> bool:
        """True until its end has been handled (a modal task waiting its turn counts)."""
        return not self._finished

    @property
    def dropped(self) -> bool:
        """True when nothing will be delivered (superseded, or the runner shut down)."""
        return self._dropped

    def cancel(self) -> None:
        """Ask the task to stop; ``on_cancel`` runs when it raised :class:`Cancelled`."""
        self.context.cancel()

    def drop(self) -> None:
        """Forget the task: nothing is delivered, and the worker is asked to stop."""
        self._dropped = True
        self.context.cancel()

    # --- the runner's side ----------------------------------------------------------------

    def start(self) -> None:
        """Start the worker; a modal task also sets the busy cursor and holds input."""
        self._started = True
        if self._modal_spec is not None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._modal = _Modal(self._modal_spec, self.context)
        self._thread = _Worker(self, self._runner)
        self._thread.start()

    def run_in_worker(self) -> None:
        """The worker's part: run the function and keep what came of it."""
        try:
            self._result = (self._work(self.context),)
        except BaseException as exc:  # noqa: BLE001 - delivered on the GUI thread, bugs included
            self._error = exc

    def wait(self) -> None:
        """Block until the worker has ended (at shutdown)."""
        if self._thread is not None:
            self._thread.wait()

    def finish(self) -> None:
        """The GUI thread's part, once: undo the modal state, then deliver the outcome
        (unless dropped). A task dropped while it waited its turn has no worker."""
        if self._finished:
            return
        self._finished = True
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        try:
            if self._modal is not None:
                self._modal.close()
                self._modal = None
        finally:
            if self._modal_spec is not None and self._started:
                QApplication.restoreOverrideCursor()
            self._runner.forget(self)
        if not self._dropped:
            self._deliver()

    def _deliver(self) -> None:
        error = self._error
        if error is None:
            assert self._result is not None  # without an error, the work returned
            self._on_done(self._result[0])
        elif isinstance(error, Cancelled):
            if self._on_cancel is not None:
                self._on_cancel()
        elif isinstance(error, self._errors):
            assert isinstance(error, Exception)
            if self._on_error is not None:
                self._on_error(error)
            else:
                parent = self._modal_spec.parent if self._modal_spec else self._runner.window
                QMessageBox.warning(parent, "salesdesk", str(error))
        else:
            raise error  # a bug: the application's exception handler reports it


class _ModalSpec:
    """How a modal task shows itself."""

    def __init__(self, label: str, parent: QWidget | None, cancellable: bool) -> None:
        self.label = label
        self.parent = parent
        self.cancellable = cancellable


class _ProgressDialog(QProgressDialog):
    """The progress dialog of a modal task. Its bar is updated directly: the dialog's own
    ``setValue`` would process events (a nested loop) when the dialog is modal."""

    def __init__(self, spec: _ModalSpec, context: TaskContext) -> None:
        super().__init__(spec.label, "", 0, 0, spec.parent)
        self.setObjectName("task_progress")
        self.setWindowTitle("salesdesk")
        # Without a window to be modal to (at start-up) it blocks the whole application.
        self.setWindowModality(Qt.WindowModality.WindowModal if spec.parent is not None
                               else Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.bar = QProgressBar()
        self.setBar(self.bar)
        self.cancel_button: QPushButton | None = None
        self._context = context
        if spec.cancellable:
            self.cancel_button = QPushButton(translate("ProgressDialog", "Cancel"))
            self.setCancelButton(self.cancel_button)
            self.canceled.connect(self._on_canceled)
        else:
            self.setCancelButton(None)  # no button
        self.bar.setRange(0, 0)

    def _on_canceled(self) -> None:
        # QProgressDialog hides itself on Cancel; the task may take a moment to stop.
        self._context.cancel()
        assert self.cancel_button is not None
        self.cancel_button.setEnabled(False)
        self.setLabelText(translate("ProgressDialog", "Cancelling…"))
        self.show()

    def update_from(self, context: TaskContext) -> None:
        """Show the task's last report."""
        if context.cancelled():
            return
        done, total, text = context.progress()
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text is not None and text != self.labelText():
            self.setLabelText(text)

    def reject(self) -> None:
        # Escape: Cancel when the task can stop, else nothing (the dialog must stay).
        if self.cancel_button is not None and self.cancel_button.isEnabled():
            self.cancel_button.click()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()


class _Modal(QObject):
    """The visible side of a running modal task besides the busy cursor: its progress dialog,
    shown after ``SHOW_AFTER_MS``. Until then the dialog is modal but off screen, so it holds
    input back all the same; Qt does that in C++, where a Python event filter would need the
    GIL for every event of the application while the worker holds it."""

    def __init__(self, spec: _ModalSpec, context: TaskContext) -> None:
        super().__init__()
        self._context = context
        self.dialog = _ProgressDialog(spec, context)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.dialog.show()
        self._show = QTimer(self)
        self._show.setSingleShot(True)
        self._show.timeout.connect(self._show_dialog)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._update)
        self._show.start(SHOW_AFTER_MS)

    def _show_dialog(self) -> None:
        dialog = self.dialog
        dialog.hide()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        dialog.update_from(self._context)
        dialog.show()
        self._poll.start()

    def _update(self) -> None:
        self.dialog.update_from(self._context)

    def close(self) -> None:
        """The task ended: remove the dialog, which lets input through."""
        self._show.stop()
        self._poll.stop()
        self.dialog.hide()
        self.dialog.deleteLater()


class TaskRunner(QObject):
    """Runs tasks in worker threads and delivers their outcome on the GUI thread. One per
    window (or per wizard); :meth:`shutdown` when it closes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = parent if isinstance(parent, QWidget) else None
        self._running: list[Task[Any]] = []
        self._waiting: deque[Task[Any]] = deque()
        self._modal: Task[Any] | None = None
        self._closed = False

    @property
    def busy(self) -> bool:
        """True while a modal task runs (or waits its turn)."""
        return self._modal is not None

    @property
    def idle(self) -> bool:
        """True when no task runs or waits, modal or in the background (a dropped task
        counts until its worker has ended)."""
        return not self._running

    def run(self, work: Callable[[TaskContext], T], on_done: Callable[[T], object], *,
            label: str, parent: QWidget | None, cancellable: bool = False,
            on_error: Callable[[Exception], object] | None = None,
            on_cancel: Callable[[], object] | None = None,
            errors: tuple[type[Exception], ...] = USER_ERRORS,
            key: str | None = None) -> Task[T]:
        """Run ``work`` as the user's task: a busy cursor and held input until it ends, a
        progress dialog (``label``, over ``parent``) after half a second, with Cancel when
        ``cancellable``. Its result goes to ``on_done``; an exception of ``errors`` to
        ``on_error`` (default: a message box with its text); :class:`Cancelled` to
        ``on_cancel``; any other exception is raised on the GUI thread. Starts when the modal
        task before it has ended. A task with the ``key`` of one still running supersedes
        it (that one's outcome is dropped)."""
        task = Task(self, work, on_done, on_error=on_error, on_cancel=on_cancel,
                    errors=errors, key=key, modal=_ModalSpec(label, parent, cancellable))
        self._add(task)
        if self._modal is None:
            self._modal = task
            task.start()
        else:
            self._waiting.append(task)
        return task

    def run_in_background(self, work: Callable[[TaskContext], T],
                          on_done: Callable[[T], object], *,
                          on_error: Callable[[Exception], object] | None = None,
                          errors: tuple[type[Exception], ...] = USER_ERRORS,
                          key: str | None = None) -> Task[T]:
        """Run ``work`` at once, without cursor, dialog or held input; otherwise as
        :meth:`run`."""
        task = Task(self, work, on_done, on_error=on_error, on_cancel=None, errors=errors,
                    key=key, modal=None)
        self._add(task)
        task.start()
        return task

    def in_turns(self, steps: Iterable[object], then: Callable[[], None]) -> None:
        """Advance ``steps`` (e.g. a generator) by one item per turn of the event loop, then
        call ``then``: for work that must stay on the GUI thread (painting pyqtgraph charts)
        but would stall the window if done at once. Between two steps the window's timers
        and repaints get their turn (``TURN_MS``). Stops when the runner shuts down."""
        iterator = iter(steps)
        end = object()

        def step() -> None:
            if self._closed:
                return
            if next(iterator, end) is end:
                then()
            else:
                QTimer.singleShot(TURN_MS, self, step)

        QTimer.singleShot(TURN_MS, self, step)

    def _add(self, task: Task[Any]) -> None:
        if self._closed:
            raise RuntimeError("the task runner was shut down")
        if task.key is not None:
            for older in self._running:
                if older.key == task.key:
                    older.drop()
        self._running.append(task)

    def forget(self, task: Task[Any]) -> None:
        """A task has ended (called by the task): start the next modal one waiting."""
        if task in self._running:
            self._running.remove(task)
        if task is not self._modal:
            return
        self._modal = None
        while self._waiting and not self._closed:
            waiting = self._waiting.popleft()
            if not waiting.dropped:
                self._modal = waiting
                waiting.start()
                return
            waiting.finish()  # dropped while it waited: nothing to start or deliver

    def shutdown(self) -> None:
        """Drop every task's outcome and wait for the running workers (the window closes)."""
        if self._closed:
            return
        self._closed = True
        for task in self._running:
            task.drop()
        self._waiting.clear()
        for task in list(self._running):
            task.wait()
        for task in list(self._running):
            task.finish()  # its queued end may never be processed: undo the modal state now
