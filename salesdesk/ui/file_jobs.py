"""The window's file jobs the main window routes to: File ▸ New, Open, Open Recent, Save a Copy
and Import Deals, and switching the window to another file.

Opening checks the file in a worker (ui.file_opening) and Save a Copy writes in one; the window
keeps painting meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from salesdesk import paths
from salesdesk.currencies import currency_digits, default_currency
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui import formatting
from salesdesk.ui.file_opening import OPEN_ERRORS, FileOpening
from salesdesk.ui.importing.wizard import ImportWizard, summary_text
from salesdesk.ui.safety.data_safety import DataSafety
from salesdesk.ui.tasks import TaskContext, TaskRunner, own_store
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import FileOpener, OpenedFile, Workspace

# The file dialogs' filter; shown through translate("FileJobs", FILE_FILTER).
FILE_FILTER = QT_TRANSLATE_NOOP(
    "FileJobs", "salesdesk databases (*.db *.sqlite *.salesdesk);;All files (*)")


def start_folder(ui_settings: UiSettings) -> str:
    """The folder file dialogs start in: the last one used, else the data folder."""
    return ui_settings.last_folder or str(paths.data_dir())


class FileJobs(QObject):
    """Opening, creating and copying files for the window, parented to it.

    Signals:
        message(str): a status-bar message.
    """

    message = Signal(str)

    def __init__(self, workspace: Workspace, opener: FileOpener, ui_settings: UiSettings,
                 tasks: TaskRunner, safety: DataSafety, window: QWidget) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._opener = opener
        self._settings = ui_settings
        self._tasks = tasks
        self._safety = safety
        self._window = window
        self._opening = FileOpening(tasks, opener, window, workspace.error_raised.emit)

    def _error(self, text: str) -> None:
        self._workspace.error_raised.emit(text)

    # --- opening -------------------------------------------------------------------------

    def new_file(self) -> None:
        """Create a new, empty database, asking for its base currency."""
        name, _ = QFileDialog.getSaveFileName(
            self._window, translate("FileJobs", "New database"),
            str(Path(start_folder(self._settings)) / "deals.db"),
            translate("FileJobs", FILE_FILTER))
        if not name:
            return
        path = Path(name)
        if path.exists() and path.stat().st_size > 0:
            self._error(translate("FileJobs", "{name} exists already. Choose a new name; to"
                                  " open it, use File ▸ Open.").format(name=path.name))
            return
        codes = list(currency_digits())
        currency, ok = QInputDialog.getItem(
            self._window, translate("FileJobs", "Base currency"),
            translate("FileJobs", "Currency of the figures (amounts in other currencies are"
                      " converted to it):"), codes, codes.index(default_currency()), True)
        if not ok:
            return
        currency = currency.strip().upper()
        if currency not in currency_digits():
            self._error(translate("FileJobs", "{currency} is not a currency code such as EUR or"
                                  " USD.").format(currency=repr(currency)))
            return
        try:
            opened = self._opener.create(path, currency)
        except OPEN_ERRORS as exc:
            self._error(str(exc))
            return
        self._switch_to(opened, path)

    def open_file(self) -> None:
        """Ask for a file and open it."""
        name, _ = QFileDialog.getOpenFileName(self._window, translate("FileJobs", "Open database"),
                                              start_folder(self._settings),
                                              translate("FileJobs", FILE_FILTER))
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        """Open ``path`` in this window, its checks in a worker; another writer's file is
        offered read-only, a damaged one its newest good backup."""
        if path.resolve() == self._workspace.store.path.resolve():
            return
        self._opening.open(path, lambda opened: self._switch_to(opened, path))

    def open_sample(self) -> None:
        """Open the sample business in this window (made in a worker; deleted on close).
        The file shown now is closed as by File ▸ Open; Open Recent brings it back."""
        self._opening.open_sample(lambda opened: self._switch_to(opened, None))

    def _switch_to(self, opened: OpenedFile, path: Path | None) -> None:
        """Show ``opened`` (from ``path``; None for the sample business, which is not kept
        among the recent files)."""
        had_history = self._workspace.undo_stack.count() > 0
        self._safety.finish()  # the last backup of the file being closed, when due
        self._workspace.replace(opened)
        if path is None:
            message = translate("FileJobs", "Opened the sample business: a made-up firm to look"
                                " around in.")
        else:
            self._settings.last_folder = str(path.parent)
            self._settings.add_recent_file(path)
            message = translate("FileJobs", "Opened {name}.").format(name=path.name)
        if had_history:
            message += " " + translate("FileJobs",
                                       "The undo history of the previous file was cleared.")
        self.message.emit(message)

    # --- copying and importing -----------------------------------------------------------

    def save_copy(self) -> None:
        """Write a consistent copy of the open file (SQLite backup API), in a worker."""
        store = self._workspace.store
        suggestion = Path(start_folder(self._settings)) / f"{store.path.stem}-copy.db"
        name, _ = QFileDialog.getSaveFileName(self._window, translate("FileJobs", "Save a copy"),
                                              str(suggestion), translate("FileJobs", FILE_FILTER))
        if not name:
            return
        destination = Path(name)

        def work(ctx: TaskContext) -> None:
            with own_store(store) as own:
                own.save_copy(destination)

        def done(_: None) -> None:
            self._settings.last_folder = str(destination.parent)
            self.message.emit(translate("FileJobs", "Saved a copy to {path}.").format(path=name))

        self._tasks.run(work, done, label=translate("FileJobs", "Saving a copy…"),
                        parent=self._window,
                        on_error=lambda exc: self._error(
                            translate("FileJobs", "The copy was not saved: {error}").format(
                                error=exc)))

    def import_deals(self) -> None:
        """Run the import wizard; afterwards every view reloads and the undo history, which
        cannot undo an import, is cleared (DESIGN.md §7)."""
        wizard = ImportWizard(self._workspace, self._settings, self._window)
        wizard.exec()
        summary = wizard.summary
        wizard.deleteLater()  # its pages and models go with it, here on the GUI thread
        if summary is None:
            return
        self._workspace.undo_stack.clear()
        self._workspace.notify(Changes(all_deals=True, lookups=frozenset(LookupKind)))
        imported = (translate("FileJobs", "Imported {count} deal. The undo history was cleared.")
                    if summary.imported == 1 else
                    translate("FileJobs", "Imported {count} deals. The undo history was"
                              " cleared."))
        self.message.emit(imported.format(count=formatting.count(summary.imported)))
        QMessageBox.information(self._window, translate("FileJobs", "Import finished"),
                                summary_text(summary) + "\n\n"
                                + translate("FileJobs", "The undo history was cleared: an"
                                            " import cannot be undone step by step."))
