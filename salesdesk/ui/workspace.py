"""The open file as the UI sees it: its store, the undo stack and the one change-set signal."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QUndoStack

from salesdesk.currencies import currency_digits
from salesdesk.domain.changes import Changes
from salesdesk.domain.parsing import NumberFormat
from salesdesk.domain.validation import InputRules
from salesdesk.store import BackupInfo, Store
from salesdesk.ui.formatting import date_pattern


class OpenedFile(Protocol):
    """A database file opened by the composition root (app.py), with its lock if writable."""

    store: Store

    @property
    def temporary(self) -> bool:
        """True for the demo file, which is deleted on close."""

    def close(self) -> None:
        """Close the store and release the lock (removing a temporary file)."""


class PendingFile(Protocol):
    """A file being opened: its writer's lock is held (none when read-only), the slow part
    runs in a worker, the store is opened on the GUI thread."""

    def prepare(self) -> None:
        """The slow part, in a worker: the read-only checks of the file (quick_check) and,
        for writing, creating or upgrading it; or a backup put in place of a damaged file.
        Raises FileRefused (the file unchanged) or another StoreError."""

    def finish(self) -> OpenedFile:
        """After ``prepare``, on the GUI thread: open the store (fast). Releases the lock when
        it fails."""

    def abandon(self) -> None:
        """Release the lock without opening the file."""


class FileOpener(Protocol):
    """Opens and creates files for the window; implemented in app.py."""

    def start_open(self, path: Path, *, read_only: bool = False) -> PendingFile:
        """Begin opening ``path``: take the writer's lock (raises FileLocked)."""

    def start_restore(self, path: Path, backup: BackupInfo) -> PendingFile:
        """Begin replacing a file that cannot be opened by ``backup`` (the damaged file is
        moved aside): take the writer's lock (raises FileLocked)."""

    def start_demo(self) -> PendingFile:
        """Begin making the sample business (``prepare`` generates it, in a worker); it is
        a temporary file, deleted when closed."""

    def create(self, path: Path, base_currency: str) -> OpenedFile:
        """Create a new, empty database at ``path``."""


def strptime_formats(locale: QLocale) -> tuple[str, ...]:
    """The screens' date format (:func:`formatting.date_pattern`) as strptime patterns, with
    a four- and a two-digit year, so a date field reads back what the screens write."""
    codes = {"yyyy": "%Y", "MM": "%m", "M": "%m", "dd": "%d", "d": "%d"}
    pattern = re.sub(r"y+|M+|d+", lambda m: codes[m.group(0)], date_pattern(locale))
    return (pattern, pattern.replace("%Y", "%y"))


class Workspace(QObject):
    """Everything a view needs about the open file.

    Signals:
        changed(Changes): data changed; each view refreshes only what the change set names.
        file_replaced(): another file was opened (views rebind; the undo stack is cleared).
        error_raised(str): an operation failed; the message is for the user.
        done(str): an edit was saved, undone or redone; the message is for the status bar.
    """

    changed = Signal(object)
    file_replaced = Signal()
    error_raised = Signal(str)
    done = Signal(str)

    def __init__(self, opened: OpenedFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._opened = opened

    @property
    def store(self) -> Store:
        """The open store."""
        return self._opened.store

    @property
    def opened(self) -> OpenedFile:
        """The open file."""
        return self._opened

    @property
    def read_only(self) -> bool:
        """True when the file is open read-only (another window writes it)."""
        return self.store.read_only

    def replace(self, opened: OpenedFile) -> None:
        """Switch to another file: close this one and clear the undo stack."""
        previous = self._opened
        self._opened = opened
        self.undo_stack.clear()
        previous.close()
        self.file_replaced.emit()
        self.changed.emit(Changes.everything())

    def close(self) -> None:
        """Close the open file (on quit)."""
        self.undo_stack.clear()
        self._opened.close()

    def notify(self, changes: Changes) -> None:
        """Announce a change to every view."""
        self.changed.emit(changes)

    @staticmethod
    def today() -> dt.date:
        """Today's date, the date stage changes are recorded under."""
        return dt.date.today()

    def input_rules(self) -> InputRules:
        """How the form reads typed dates and amounts in the user's locale."""
        locale = QLocale()
        return InputRules(
            currency_digits=currency_digits(),
            base_currency=self.store.settings().base_currency,
            date_formats=strptime_formats(locale),
            number_format=NumberFormat(locale.decimalPoint(), locale.groupSeparator()),
        )
