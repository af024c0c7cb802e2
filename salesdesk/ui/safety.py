"""Data safety in the window: automatic backups, Restore from Backup, Check Database, Erase
Client, and the offer of a backup when a file turns out to be damaged (DESIGN.md §7).

Slow work (a backup, an integrity check of a large file) runs in a worker thread on a
connection of its own, so the window keeps painting. Restore and erase clear the undo stack,
since the commands on it describe data that is gone, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.store import (
    BackupInfo,
    FileReadOnly,
    FileRefused,
    FileTooNew,
    MigrationFailed,
    StoreError,
    backup_due,
    check_file,
    default_backup_folder,
    list_backups,
    newest_good_backup,
    open_store,
    quick_check,
)
from salesdesk.ui.workspace import Workspace

T = TypeVar("T")
CHECK_INTERVAL_MS = 60_000
# Files up to this size are quick-checked on the GUI thread: it takes a few milliseconds.
INLINE_CHECK_BYTES = 16 * 1024 * 1024


# --- work off the GUI thread ------------------------------------------------------------------


class _Job(QThread):
    """Runs one callable; its result or exception is kept for the caller."""

    def __init__(self, job: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self.error = exc


def run_in_worker(job: Callable[[], T], label: str, parent: QWidget | None = None) -> T:
    """Run ``job`` in a worker thread while the window keeps painting; return its result or
    raise its exception. A progress dialog appears when it takes more than half a second.
    ``job`` must open its own connections (SQLite connections belong to their thread)."""
    worker = _Job(job)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # type: ignore[arg-type]  # Qt accepts None: no button
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(500)
    worker.start()
    loop.exec()
    worker.wait()
    progress.close()
    progress.deleteLater()
    if worker.error is not None:
        raise worker.error
    result: T = worker.result
    return result


def quick_check_file(path: Path, parent: QWidget | None = None) -> None:
    """The read-only checks of a file before it is opened for writing: what it is (foreign,
    newer: FileRefused), then ``PRAGMA quick_check`` (FileDamaged), in a worker thread when the
    file is large."""
    if check_file(path):
        return  # new or empty: nothing to check
    if path.stat().st_size <= INLINE_CHECK_BYTES:
        quick_check(path)
    else:
        run_in_worker(lambda: quick_check(path), f"Checking {path.name}…", parent)


# --- a damaged file ---------------------------------------------------------------------------


def offer_backup(parent: QWidget | None, path: Path, error: FileRefused,
                 restore: Callable[[Path, BackupInfo], T]) -> T | None:
    """Tell the user why ``path`` cannot be opened; when a good backup exists (and the file is
    not simply from a newer salesdesk), offer it. ``restore(path, backup)`` replaces the file
    and returns the opened file; None when the user declines or there is nothing to offer."""
    # A newer file needs a newer salesdesk, not a backup; a failed upgrade was already put
    # back; a read-only file is healthy.
    backup = (None if isinstance(error, FileTooNew | MigrationFailed | FileReadOnly)
              else newest_good_backup(path))
    if backup is None:
        QMessageBox.critical(parent, "salesdesk", f"{error}\n\nThe file was not changed.")
        return None
    when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    answer = QMessageBox.warning(
        parent, "File cannot be opened",
        f"{error}\n\nThe file was not changed. The newest good backup is from {when} with"
        f" {backup.deals} deals. Restore it? The damaged file is kept beside it (renamed"
        " …damaged-DATE) with its journal files.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        return restore(path, backup)
    except (StoreError, OSError) as exc:
        QMessageBox.critical(parent, "salesdesk", f"The backup was not restored: {exc}")
        return None


# --- the list of backups ----------------------------------------------------------------------


class BackupListModel(QAbstractTableModel):
    """The backups of a folder: date, deal count, and whether a checksum is recorded."""

    HEADERS = ("Date", "Deals", "Checksum", "Taken")

    def __init__(self, backups: list[BackupInfo], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: N802,B008
                 ) -> int:
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: N802,B008
                    ) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    "?" if info.deals is None else f"{info.deals:,}",
                    "recorded" if info.recorded else "none (not in the manifest)",
                    info.reason or "automatic" if info.recorded else "")[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        return None


class RestoreDialog(QDialog):
    """File ▸ Restore from Backup: pick a backup of the open file (or another copy)."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore from Backup")
        self.chosen: BackupInfo | None = None
        self.model = BackupListModel(list_backups(folder), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        text = (f"Backups in {folder}. The current data is backed up before it is replaced."
                if self.model.backups else f"There are no backups in {folder} yet.")
        self.other = QPushButton("Other &File…")
        self.other.clicked.connect(self._choose_other)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        if self.model.backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.model.backups))
        self.resize(560, 360)

    def _choose_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Restore from a copy", "",
                                              "salesdesk databases (*.db *.sqlite *.salesdesk)"
                                              ";;All files (*)")
        if name:
            self.chosen = BackupInfo(Path(name), dt.datetime.now(dt.UTC), None, None)
            super().accept()

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.model.backups[rows[0].row()]
        super().accept()


class BackupSettingsDialog(QDialog):
    """The file's backup folder and retention, stored in the file so the CLI agrees."""

    def __init__(self, folder: str, default: Path, retention: tuple[int, int, int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backup Settings")
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(str(default))
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.counts = []
        form = QFormLayout()
        form.addRow("Backup &folder:", row)
        for text, value in zip(("&Daily copies:", "&Weekly copies:", "&Monthly copies:"),
                               retention, strict=True):
            box = QSpinBox()
            box.setRange(0, 999)
            box.setValue(value)
            self.counts.append(box)
            form.addRow(text, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel("Empty folder: the default one shown. The newest backup is always kept.")
        note.setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Backup folder",
                                                self.folder.text() or self.folder.placeholderText())
        if name:
            self.folder.setText(name)

    def retention(self) -> tuple[int, int, int]:
        """The chosen daily, weekly and monthly counts."""
        daily, weekly, monthly = (box.value() for box in self.counts)
        return daily, weekly, monthly


# --- the window's data-safety actions ---------------------------------------------------------


class DataSafety(QObject):
    """Automatic backups of the open file and the actions of DESIGN.md §7.

    Signals:
        backup_taken(object): a BackupInfo, after an automatic or manual backup.
        message(str): a short note for the status bar.
    """

    backup_taken = Signal(object)
    message = Signal(str)

    def __init__(self, workspace: Workspace, window: QWidget) -> None:
        super().__init__(window)
        self.workspace = workspace
        self._window = window
        self._dirty = False
        self._last: dt.datetime | None = None
        self._running: _Job | None = None
        self._failure_shown = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.backup_if_due)
        workspace.changed.connect(self._on_changed)
        workspace.file_replaced.connect(self._on_file_replaced)
        self._on_file_replaced()
        self.timer.start()

    # --- automatic backups ---------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Automatic backups are taken by the writer of a real file (not the demo)."""
        return not self.workspace.read_only and not self.workspace.opened.temporary

    def _on_changed(self, changes: Changes) -> None:
        self._dirty = True

    def _on_file_replaced(self) -> None:
        self.wait()
        self._dirty = False
        self._load_last()

    def _load_last(self) -> None:
        self._last = None
        if self.enabled:
            try:
                newest = list_backups(self.workspace.store.backups.folder())
            except (StoreError, OSError):
                newest = []
            self._last = newest[0].taken_at if newest else None

    def backup_if_due(self, now: dt.datetime | None = None) -> bool:
        """Start a backup in a worker when one is due; return True when one started."""
        now = now or dt.datetime.now(dt.UTC)
        if (not self.enabled or self._running is not None
                or not backup_due(self._last, now, self._dirty)):
            return False
        path = self.workspace.store.path
        folder = self.workspace.store.backups.folder()
        self._dirty = False  # edits made while it runs make the next one due

        def job() -> BackupInfo:
            # A connection of the worker's own; read-only is enough to copy from.
            store = open_store(path, read_only=True, quick_check=False)
            try:
                return store.backups.take(folder, reason="automatic")
            finally:
                store.close()

        self._running = _Job(job, self)
        self._running.finished.connect(self._backup_finished)
        self._running.start()
        return True

    def _backup_finished(self) -> None:
        job, self._running = self._running, None
        if job is None:
            return
        job.wait()
        job.deleteLater()
        if job.error is not None:
            self._dirty = True  # still not backed up: try again at the next tick
            self._report_failure(job.error)
            return
        self._failure_shown = False
        self._last = job.result.taken_at
        self.backup_taken.emit(job.result)

    def _report_failure(self, error: BaseException) -> None:
        # Shown once until a backup succeeds again: a modal box every minute helps nobody.
        text = _plain(error)
        self.message.emit(f"Automatic backup failed: {text}")
        if not self._failure_shown:
            self._failure_shown = True
            QMessageBox.warning(self._window, "Backup failed",
                                f"The automatic backup failed: {text}\n\nYour data is saved"
                                " in the file; salesdesk tries again in a minute.")

    def wait(self) -> None:
        """Let a running backup finish (before the file is closed or replaced)."""
        if self._running is not None:
            self._running.wait()
            self._backup_finished()

    def finish(self) -> None:
        """Before the file is closed or another opened: finish a running backup, then take
        one more when due."""
        self.wait()
        if self.backup_if_due():
            self.wait()

    def shutdown(self) -> None:
        """On close: no more timer ticks, and the last backup when due."""
        self.timer.stop()
        self.finish()

    # --- actions -------------------------------------------------------------------------

    def backup_now(self) -> None:
        """File ▸ Back Up Now."""
        path, folder = self.workspace.store.path, self.workspace.store.backups.folder()
        self.wait()
        try:
            info = run_in_worker(lambda: _backup_on_own_connection(path, folder),
                                 "Backing up…", self._window)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self._window, "Backup failed",
                                f"No backup was taken: {_plain(exc)}")
            return
        self._last = info.taken_at
        self._dirty = False
        self.backup_taken.emit(info)
        self.message.emit(f"Backed up {info.deals:,} deals to {info.path}.")

    def restore_from_backup(self) -> None:
        """File ▸ Restore from Backup."""
        store = self.workspace.store
        self.wait()
        folder = store.backups.folder()
        dialog = RestoreDialog(folder, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen = dialog.chosen
        question = ("Replace the data in this file by the backup? The current data is backed"
                    " up first. The undo history will be cleared.")
        if not chosen.recorded:
            question = (f"{chosen.path.name} is not in the backup manifest, so it has no"
                        " recorded checksum: salesdesk can check that it is a healthy"
                        " salesdesk file, not that it is unchanged.\n\n" + question)
        answer = QMessageBox.warning(self._window, "Restore from Backup", question,
                                     QMessageBox.StandardButton.Yes
                                     | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            restored = store.backups.restore(chosen.path, folder,
                                            allow_unrecorded=not chosen.recorded)
        except (StoreError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._window, "Nothing was restored", _plain(exc))
            return
        QApplication.restoreOverrideCursor()
        kept = ("" if restored.damaged_copy is None else
                f" The damaged data it replaced was kept as it was in {restored.damaged_copy}.")
        self._after_replacement(f"Restored {restored.deals:,} deals from the backup of"
                                f" {chosen.taken_at.astimezone():%Y-%m-%d %H:%M}.{kept}")

    def _after_replacement(self, text: str) -> None:
        self.workspace.undo_stack.clear()
        self._dirty = True
        self.workspace.notify(Changes.everything())
        text += " The undo history was cleared."
        self.message.emit(text)
        QMessageBox.information(self._window, "salesdesk", text)

    def check_database(self) -> None:
        """Tools ▸ Check Database: integrity_check and foreign_key_check, in a worker."""
        store = self.workspace.store
        problems = run_in_worker(store.check, f"Checking {store.path.name}…", self._window)
        if not problems:
            QMessageBox.information(self._window, "Check Database",
                                    f"{store.path.name} is healthy: the integrity check and"
                                    " the foreign key check found no problem.")
            return
        shown = "\n".join(f"• {p}" for p in problems[:20])
        QMessageBox.warning(self._window, "Check Database",
                            f"{store.path.name} has problems:\n{shown}\n\nUse File ▸ Restore"
                            " from Backup to go back to a healthy copy.")

    def erase_client(self) -> None:
        """Edit ▸ Erase Client: confirmed, then the name and personal data are gone."""
        store = self.workspace.store
        clients = store.names(LookupKind.CLIENT, include_retired=True)
        if not clients:
            QMessageBox.information(self._window, "Erase Client", "There are no clients.")
            return
        name, ok = QInputDialog.getItem(self._window, "Erase Client",
                                        "Client whose personal data to erase:", clients, 0,
                                        False)
        if not ok:
            return
        answer = QMessageBox.warning(
            self._window, "Erase Client",
            f"Erase {name}'s personal data? The name is replaced by a neutral label everywhere"
            " (deal titles too), its contact details and its deals' notes are emptied. Figures"
            " stay the same. This cannot be undone, and the undo history will be cleared."
            " Backups taken before now still hold the data.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.wait()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            label = store.erase_client(name)
        except (StoreError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            self.workspace.undo_stack.clear()
            self.workspace.notify(Changes.everything())
            QMessageBox.warning(self._window, "Erase Client", _plain(exc))
            return
        QApplication.restoreOverrideCursor()
        self._after_replacement(f"The client's personal data was erased; it is now called"
                                f" {label}.")

    def backup_settings(self) -> None:
        """File ▸ Backup Settings: folder and retention, saved in the file."""
        store = self.workspace.store
        settings = store.settings()
        dialog = BackupSettingsDialog(settings.backup_folder, default_backup_folder(store.path),
                                      settings.backup_retention, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            store.save_settings(replace(settings, backup_folder=dialog.folder.text().strip(),
                                        backup_retention=dialog.retention()))
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self._window, "Backup Settings", _plain(exc))
            return
        self._load_last()
        self.workspace.notify(Changes(settings=True))


def _backup_on_own_connection(path: Path, folder: Path) -> BackupInfo:
    store = open_store(path, read_only=True, quick_check=False)
    try:
        return store.backups.take(folder, reason="manual")
    finally:
        store.close()


def _plain(error: BaseException) -> str:
    """An error as a sentence for the user (a full disk named as such)."""
    text = str(error) or type(error).__name__
    if "database or disk is full" in text or "No space left" in text:
        return "the disk is full. Free some space; salesdesk keeps working meanwhile."
    if isinstance(error, PermissionError) or "Read-only file system" in text:
        return f"salesdesk may not write there ({text}). Choose another backup folder."
    return text
