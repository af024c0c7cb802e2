"""Errors never vanish: the GUI's handler of exceptions nothing else caught.

An exception raised in a slot, a timer, an event handler or a worker thread reaches
``sys.excepthook`` (PySide reports slot exceptions there) or ``threading.excepthook``. The
handler writes its traceback to the log file in the data folder and shows a dialog with a
plain sentence and the log's path; the event loop goes on, so the app keeps running where it
safely can. Qt's own warnings go to the same log (and to stderr, as before), minus the known
harmless ones. Modelled on qutebrowser's crash handler and Anki's ``ErrorHandler``.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from salesdesk.i18n import translate
from salesdesk.ui.qt_messages import HARMLESS

LOG = logging.getLogger("salesdesk")
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def plain_sentence(error: BaseException) -> str:
    """What the dialog says about an error nobody expected."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    what = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return translate(
        "Errors", "Something went wrong that salesdesk did not expect ({what})."
    ).format(what=what)


class ErrorHandler(QObject):
    """Logs and shows uncaught exceptions while it is installed.

    Signals:
        shown(QMessageBox): a dialog about an error was opened (tests read it there).
    """

    shown = Signal(object)
    _raised = Signal(object)  # an exception, carried to the GUI thread

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self._log_handler: logging.Handler | None = None
        self._previous_hooks: tuple[ExceptHook, Callable[..., object]] | None = None
        self._previous_qt: object = None
        self._dialog: QMessageBox | None = None
        self._missed = 0
        # Queued even on the GUI thread: the dialog opens after the failing slot has returned.
        self._raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Start logging to :attr:`log_path` and handling uncaught exceptions."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(self.log_path, maxBytes=LOG_BYTES,
                                      backupCount=LOG_BACKUPS, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        LOG.addHandler(handler)
        LOG.setLevel(logging.INFO)
        self._log_handler = handler
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        self._previous_qt = qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        """Put back the hooks found at :meth:`install` and stop logging to the file."""
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None
        qInstallMessageHandler(self._previous_qt)
        if self._log_handler is not None:
            LOG.removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None

    # --- the hooks ----------------------------------------------------------------------

    def _excepthook(self, kind: type[BaseException], error: BaseException,
                    trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        self._log(error, trace)
        self._raised.emit(error)

    def _thread_excepthook(self, hook: threading.ExceptHookArgs) -> None:
        if hook.exc_value is None:
            return
        thread = hook.thread.name if hook.thread is not None else "a worker"
        LOG.error("Unhandled exception in thread %s", thread)
        self._log(hook.exc_value, hook.exc_traceback)
        self._raised.emit(hook.exc_value)

    def _log(self, error: BaseException, trace: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(type(error), error, trace))
        LOG.error("Unhandled exception\n%s", text.rstrip())
        if self._log_handler is not None:
            self._log_handler.flush()
        print(text, file=sys.stderr, end="")

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in HARMLESS:
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            LOG.warning("Qt: %s", message)
        print(message, file=sys.stderr)

    # --- the dialog ---------------------------------------------------------------------

    def _show(self, error: BaseException) -> None:
        if self._dialog is not None:
            self._missed += 1  # one dialog at a time: the log holds every error
            self._dialog.setInformativeText(
                (translate("ErrorHandler", "{count} more errors happened since; the log holds"
                           " them all.") if self._missed > 1
                 else translate("ErrorHandler", "{count} more error happened since; the log"
                                " holds them all.")).format(count=self._missed))
            return
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Critical, "salesdesk",
                          translate("ErrorHandler", "{sentence} salesdesk keeps running; what"
                                    " was saved is safe.\n\nThe details were written to {log}."
                                    ).format(sentence=plain_sentence(error), log=self.log_path),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("error_dialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self._dialog = box
        box.open()  # not exec(): no nested event loop
        self.shown.emit(box)

    def _closed(self) -> None:
        self._dialog = None
        self._missed = 0
