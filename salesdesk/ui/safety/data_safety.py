"""The window's data-safety actions: automatic backups, Back Up Now, Restore from Backup, Check
Database, Erase Client and the backup settings (DESIGN.md §7).

The slow work (a backup, a restore, an integrity check, an erasure that compacts the file) runs
as tasks on the window's runner, on connections of their own, so the window keeps painting.
Restore and erase clear the undo stack, since the commands on it describe data that is gone,
and say so.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.i18n import translate
from salesdesk.store import (
    BackupInfo,
    ErasePreview,
    Restored,
    Store,
    StoreError,
    backup_due,
    default_backup_folder,
    list_backups,
    open_store,
)
from salesdesk.ui import formatting
from salesdesk.ui.safety.dialogs import BackupSettingsDialog, RestoreDialog
from salesdesk.ui.tasks import TaskContext, TaskRunner, own_store
from salesdesk.ui.workspace import Workspace

CHECK_INTERVAL_MS = 60_000


class DataSafety(QObject):
    """Automatic backups of the open file and the actions of DESIGN.md §7.

    Signals:
        backup_taken(object): a BackupInfo, after an automatic or manual backup.
        message(str): a short note for the status bar.
    """

    backup_taken = Signal(object)
    message = Signal(str)

    def __init__(self, workspace: Workspace, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self.workspace = workspace
        self._tasks = tasks
        self._window = window
        self._dirty = False
        self._last: dt.datetime | None = None
        self._automatic_running = False
        self._generation = 0  # of the open file: a backup of the file before reports nothing
        self._failure_shown = False
        # Backups, restores and pruning rewrite the backup folder's manifest: one at a time,
        # waited for in the workers (on the GUI thread only by the restore that runs there).
        self._folder_lock = threading.Lock()
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
        self._generation += 1
        self._automatic_running = False
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
        """Start a backup in the background when one is due; return True when one started."""
        now = now or dt.datetime.now(dt.UTC)
        if (not self.enabled or self._automatic_running
                or not backup_due(self._last, now, self._dirty)):
            return False
        store = self.workspace.store
        path, folder = store.path, store.backups.folder()
        generation = self._generation
        self._dirty = False  # edits made while it runs make the next one due
        self._automatic_running = True

        def done(info: BackupInfo) -> None:
            if generation == self._generation:
                self._automatic_running = False
                self._failure_shown = False
                self._last = info.taken_at
                self.backup_taken.emit(info)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._automatic_running = False
                self._dirty = True  # still not backed up: try again at the next tick
                self._report_failure(error)

        self._tasks.run_in_background(
            lambda ctx: self._take_backup(path, folder, "automatic"), done, on_error=failed)
        return True

    def _take_backup(self, path: Path, folder: Path, reason: str) -> BackupInfo:
        """A backup taken on the worker's own read-only connection (in a worker)."""
        with self._folder_lock:
            store = open_store(path, read_only=True, quick_check=False)
            try:
                return store.backups.take(folder, reason=reason)
            finally:
                store.close()

    def _report_failure(self, error: BaseException) -> None:
        # Shown once until a backup succeeds again: a modal box every minute helps nobody.
        text = _plain(error)
        self.message.emit(translate("DataSafety", "Automatic backup failed: {error}").format(
            error=text))
        if not self._failure_shown:
            self._failure_shown = True
            QMessageBox.warning(self._window, translate("DataSafety", "Backup failed"),
                                translate("DataSafety", "The automatic backup failed: {error}"
                                          "\n\nYour data is saved in the file; salesdesk tries"
                                          " again in a minute.").format(error=text))

    def finish(self) -> None:
        """Before the file is closed or another opened: take the last backup when due. It
        runs on after the file is closed, on a connection of its own, as does a backup that
        is running already."""
        self._automatic_running = False
        self.backup_if_due()

    def shutdown(self) -> None:
        """On close: no more timer ticks, and the last backup when due (the window's runner
        waits for it)."""
        if self.timer.isActive():
            self.timer.stop()
            self.finish()

    # --- actions -------------------------------------------------------------------------

    def backup_now(self) -> None:
        """File ▸ Back Up Now."""
        store = self.workspace.store
        path, folder = store.path, store.backups.folder()

        def done(info: BackupInfo) -> None:
            self._last = info.taken_at
            self._dirty = False
            self.backup_taken.emit(info)
            self.message.emit(translate("DataSafety", "Backed up {count} deals to {path}.").format(
                count="?" if info.deals is None else formatting.count(info.deals),
                path=info.path))

        def failed(error: Exception) -> None:
            QMessageBox.warning(self._window, translate("DataSafety", "Backup failed"),
                                translate("DataSafety", "No backup was taken: {error}").format(
                                    error=_plain(error)))

        self._tasks.run(lambda ctx: self._take_backup(path, folder, "manual"), done,
                        label=translate("DataSafety", "Backing up…"), parent=self._window,
                        on_error=failed)

    def restore_from_backup(self) -> None:
        """File ▸ Restore from Backup."""
        store = self.workspace.store
        folder = store.backups.folder()
        dialog = RestoreDialog(folder, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen = dialog.chosen
        question = translate("DataSafety", "Replace the data in this file by the backup? The"
                             " current data is backed up first. The undo history will be"
                             " cleared.")
        if not chosen.recorded:
            question = translate("DataSafety", "{name} is not in the backup manifest, so it has"
                                 " no recorded checksum: salesdesk can check that it is a"
                                 " healthy salesdesk file, not that it is unchanged.").format(
                                     name=chosen.path.name) + "\n\n" + question
        answer = QMessageBox.warning(self._window, translate("DataSafety", "Restore from Backup"),
                                     question,
                                     QMessageBox.StandardButton.Yes
                                     | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def restore(target: Store) -> Restored:
            with self._folder_lock:
                return target.backups.restore(chosen.path, folder,
                                              allow_unrecorded=not chosen.recorded)

        def done(restored: Restored) -> None:
            text = translate("DataSafety", "Restored {count} deals from the backup of"
                             " {moment}.").format(
                                 count=formatting.count(restored.deals),
                                 moment=f"{chosen.taken_at.astimezone():%Y-%m-%d %H:%M}")
            if restored.damaged_copy is not None:
                text += " " + translate("DataSafety", "The damaged data it replaced was kept as"
                                        " it was in {path}.").format(path=restored.damaged_copy)
            self._after_replacement(text)

        def failed(error: Exception) -> None:
            QMessageBox.warning(self._window, translate("DataSafety", "Nothing was restored"),
                                _plain(error))

        if store.backups.needs_sole_connection(chosen.path):
            # Another page size: the copy must be made on the file's only connection, the
            # window's own, so this rare restore runs here, on the GUI thread, as before.
            _run_here(lambda: restore(store), done, failed)
            return

        def work(ctx: TaskContext) -> Restored:
            with own_store(store) as own:
                return restore(own)

        self._tasks.run(work, done, label=translate("DataSafety", "Restoring the backup…"),
                        parent=self._window, on_error=failed)

    def _after_replacement(self, text: str) -> None:
        self.workspace.undo_stack.clear()
        self._dirty = True
        self.workspace.notify(Changes.everything())
        text += " " + translate("DataSafety", "The undo history was cleared.")
        self.message.emit(text)
        QMessageBox.information(self._window, "salesdesk", text)

    def check_database(self) -> None:
        """Tools ▸ Check Database: integrity_check and foreign_key_check, in a worker."""
        store = self.workspace.store
        name = store.path.name

        def done(problems: list[str]) -> None:
            if not problems:
                QMessageBox.information(
                    self._window, translate("DataSafety", "Check Database"),
                    translate("DataSafety", "{name} is healthy: the integrity check and the"
                              " foreign key check found no problem.").format(name=name))
                return
            shown = "\n".join(f"• {p}" for p in problems[:20])
            QMessageBox.warning(
                self._window, translate("DataSafety", "Check Database"),
                translate("DataSafety", "{name} has problems:\n{problems}\n\nUse File ▸ Restore"
                          " from Backup to go back to a healthy copy.").format(
                              name=name, problems=shown))

        # Store.check reads the file on connections of its own.
        self._tasks.run(lambda ctx: store.check(), done,
                        label=translate("DataSafety", "Checking {name}…").format(name=name),
                        parent=self._window)

    def erase_client(self) -> None:
        """Edit ▸ Erase Client: confirmed, then the name and personal data are gone."""
        store = self.workspace.store
        clients = store.names(LookupKind.CLIENT, include_retired=True)
        if not clients:
            QMessageBox.information(self._window, translate("DataSafety", "Erase Client"),
                                    translate("DataSafety", "There are no clients."))
            return
        name, ok = QInputDialog.getItem(self._window, translate("DataSafety", "Erase Client"),
                                        translate("DataSafety",
                                                  "Client whose personal data to erase:"),
                                        clients, 0, False)
        if not ok:
            return

        def preview(ctx: TaskContext) -> ErasePreview:
            with own_store(store) as own:
                return own.erase_preview(name)

        self._tasks.run(preview, self._confirm_erase,
                        label=translate("DataSafety", "Finding the client's data…"),
                        parent=self._window)

    def _confirm_erase(self, preview: ErasePreview) -> None:
        """Say what the erasure will change, before anything is changed; erase when asked."""
        store = self.workspace.store
        deals = (translate("DataSafety", "{count} deal") if preview.own_deals == 1
                 else translate("DataSafety", "{count} deals")).format(count=preview.own_deals)
        places = (translate("DataSafety", "{count} place in other records")
                  if preview.other_places == 1
                  else translate("DataSafety", "{count} places in other records")).format(
                      count=preview.other_places)
        answer = QMessageBox.warning(
            self._window, translate("DataSafety", "Erase Client"),
            translate("DataSafety",
                      "Erase {client}'s personal data? Its name, contact person, e-mail and"
                      " phone become “{label}” wherever they occur: in its {deals} (whose notes"
                      " are emptied) and in {places} (other deals, preparation sheets,"
                      " assessment notes). Other clients' names and records are left alone, and"
                      " the figures stay the same. This cannot be undone, and the undo history"
                      " will be cleared. Backups taken before now still hold the data.").format(
                          client=preview.client, label=preview.label, deals=deals,
                          places=places),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(ctx: TaskContext) -> str:
            with own_store(store) as own:
                return own.erase_client(preview.client)

        def failed(error: Exception) -> None:
            # The erasure may be saved though the compaction failed: views reload either way.
            self.workspace.undo_stack.clear()
            self.workspace.notify(Changes.everything())
            QMessageBox.warning(self._window, translate("DataSafety", "Erase Client"),
                                _plain(error))

        self._tasks.run(work, lambda label: self._after_replacement(
            translate("DataSafety", "The client's personal data was erased; it is now called"
                      " {label}.").format(label=label)),
            label=translate("DataSafety", "Erasing the client's personal data…"),
            parent=self._window, on_error=failed)

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
            QMessageBox.warning(self._window, translate("DataSafety", "Backup Settings"),
                                _plain(exc))
            return
        self._load_last()
        self.workspace.notify(Changes(settings=True))


def _run_here(job: Callable[[], Restored], done: Callable[[Restored], None],
              failed: Callable[[Exception], None]) -> None:
    """Run ``job`` on the GUI thread under a busy cursor (the one job that must)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        try:
            result = job()
        finally:
            QApplication.restoreOverrideCursor()
    except (StoreError, OSError) as exc:
        failed(exc)
        return
    done(result)


def _plain(error: BaseException) -> str:
    """An error as a sentence for the user (a full disk named as such)."""
    text = str(error) or type(error).__name__
    if "database or disk is full" in text or "No space left" in text:
        return translate("DataSafety", "the disk is full. Free some space; salesdesk keeps"
                         " working meanwhile.")
    if isinstance(error, PermissionError) or "Read-only file system" in text:
        return translate("DataSafety", "salesdesk may not write there ({error}). Choose another"
                         " backup folder.").format(error=text)
    return text
