"""The global error handler: an exception nobody caught (in a slot, a timer, a worker thread)
shows a plain dialog naming the log, the log holds the traceback, and the app keeps running."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, qWarning
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from salesdesk.ui.errors import ErrorHandler

# pytest-qt would otherwise catch these exceptions itself and fail the test.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def handler(tmp_path: Path) -> Iterator[ErrorHandler]:
    errors = ErrorHandler(tmp_path / "data" / "salesdesk.log")
    errors.install()
    yield errors
    errors.uninstall()


def _close(dialog: QMessageBox) -> None:
    dialog.button(QMessageBox.StandardButton.Ok).click()


def test_an_exception_in_a_slot_reaches_the_dialog_and_the_log(
        qtbot: QtBot, handler: ErrorHandler, capsys: pytest.CaptureFixture[str]) -> None:
    button = QPushButton("Save")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise RuntimeError("the report has no pages")

    button.clicked.connect(broken_slot)
    with qtbot.waitSignal(handler.shown, timeout=3000) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog: QMessageBox = shown.args[0]
    assert dialog.isVisible() and dialog.objectName() == "error_dialog"
    assert ("Something went wrong that salesdesk did not expect (RuntimeError: the report has"
            " no pages). salesdesk keeps running") in dialog.text()
    assert str(handler.log_path) in dialog.text()
    assert "Traceback" not in dialog.text()
    log = handler.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "in broken_slot" in log
    assert "RuntimeError: the report has no pages" in log
    _close(dialog)
    # The event loop goes on: the same button works again and a timer still fires.
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=3000)
    assert "RuntimeError: the report has no pages" in capsys.readouterr().err


def test_errors_while_a_dialog_is_open_are_counted_not_stacked(qtbot: QtBot,
                                                               handler: ErrorHandler) -> None:
    def fail(number: int) -> None:
        raise ValueError(f"failure {number}")

    with qtbot.waitSignal(handler.shown, timeout=3000) as shown:
        QTimer.singleShot(0, lambda: fail(1))
    dialog: QMessageBox = shown.args[0]
    QTimer.singleShot(0, lambda: fail(2))
    QTimer.singleShot(0, lambda: fail(3))
    qtbot.waitUntil(lambda: "2 more errors happened since" in dialog.informativeText(),
                    timeout=3000)
    log = handler.log_path.read_text(encoding="utf-8")
    assert all(f"ValueError: failure {n}" in log for n in (1, 2, 3))
    _close(dialog)
    with qtbot.waitSignal(handler.shown, timeout=3000) as again:
        QTimer.singleShot(0, lambda: fail(4))
    assert "failure 4" in again.args[0].text() and again.args[0].informativeText() == ""
    _close(again.args[0])


def test_an_exception_in_a_worker_thread_is_shown_on_the_gui_thread(
        qtbot: QtBot, handler: ErrorHandler) -> None:
    def work() -> None:
        raise OSError("the export folder vanished")

    with qtbot.waitSignal(handler.shown, timeout=3000) as shown:
        thread = threading.Thread(target=work, name="exporter")
        thread.start()
        thread.join()
    dialog: QMessageBox = shown.args[0]
    assert "OSError: the export folder vanished" in dialog.text()
    log = handler.log_path.read_text(encoding="utf-8")
    assert "thread exporter" in log and "OSError: the export folder vanished" in log
    _close(dialog)


def test_qt_warnings_go_to_the_log(handler: ErrorHandler) -> None:
    qWarning("QPainter::begin: Paint device returned engine == 0")
    assert "Qt: QPainter::begin: Paint device returned engine == 0" in (
        handler.log_path.read_text(encoding="utf-8"))


def test_uninstall_puts_the_hooks_back(tmp_path: Path) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    errors = ErrorHandler(tmp_path / "salesdesk.log")
    errors.install()
    assert sys.excepthook != before[0]
    errors.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
