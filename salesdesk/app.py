"""The GUI's composition root: argv, QApplication, settings, the opened file and the window."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesk import __version__, paths
from salesdesk.analytics import AnalyticsCache
from salesdesk.currencies import default_currency
from salesdesk.launch import DEMO_DEALS, EXIT_FILE, EXIT_OK, database_path, write_demo
from salesdesk.locking import WriterLock
from salesdesk.store import (
    BackupInfo,
    FileRefused,
    Store,
    check_file,
    check_writable,
    open_store,
    quick_check,
    restore_damaged,
)
from salesdesk.ui.errors import ErrorHandler
from salesdesk.ui.file_opening import FileOpening
from salesdesk.ui.formatting import set_currency_display
from salesdesk.ui.funnel.cache_service import CacheSource
from salesdesk.ui.gc_guard import GuiThreadCollector
from salesdesk.ui.language import InstalledLanguage, Language, install_language
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.qt_messages import quiet_harmless_messages
from salesdesk.ui.tasks import TaskRunner
from salesdesk.ui.theme import apply_theme
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import OpenedFile, Workspace

SMOKE_TIMEOUT_S = 10.0


class OpenedDatabase:
    """A store with the writer's lock it holds (none when read-only)."""

    def __init__(self, store: Store, lock: WriterLock | None, temporary_dir: Path | None = None
                 ) -> None:
        self.store = store
        self._lock = lock
        self._temporary_dir = temporary_dir

    @property
    def temporary(self) -> bool:
        """True for the demo file, which is deleted on close."""
        return self._temporary_dir is not None

    def close(self) -> None:
        """Close the store, release the lock and remove a temporary file."""
        self.store.close()
        if self._lock is not None:
            self._lock.release()
        if self._temporary_dir is not None:
            shutil.rmtree(self._temporary_dir, ignore_errors=True)


class PendingOpen:
    """A file being opened (see ui.workspace.PendingFile): the writer's lock is held (none
    when read-only); ``prepare`` does the slow part, ``finish`` opens the store."""

    def __init__(self, path: Path, lock: WriterLock | None,
                 backup: BackupInfo | None = None) -> None:
        self.path = path
        self._lock = lock
        self._backup = backup

    def prepare(self) -> None:
        """The checks before anything is written, in a worker: what the file is (foreign,
        newer), then ``PRAGMA quick_check``; for writing, the file is then created or
        upgraded on a connection of the worker's own. For a restore, the damaged file is
        moved aside (with its -wal and -shm) and the backup, verified, copied in."""
        if self._backup is not None:
            restore_damaged(self.path, self._backup.path, self._backup.sha256)
        elif self._lock is None:
            if not check_file(self.path):  # a new or empty file has nothing to check
                quick_check(self.path)
        else:
            open_store(self.path, base_currency=default_currency()).close()

    def finish(self) -> OpenedDatabase:
        """Open the prepared file (checked, created, upgraded or restored already)."""
        try:
            if self._lock is not None:
                return OpenedDatabase(open_store(self.path, base_currency=default_currency(),
                                                 quick_check=False), self._lock)
            store = open_store(self.path, read_only=True, quick_check=False)
        except BaseException:
            self.abandon()
            raise
        if store.needs_upgrade:  # its newer tables (scorecards, …) do not exist yet
            store.close()
            raise FileRefused(
                f"{self.path.name} was written by an older salesdesk and another program has"
                " it open for writing, so it cannot be upgraded now. Close it there, then"
                " open it here.")
        return OpenedDatabase(store, None)

    def abandon(self) -> None:
        """Release the lock without opening the file."""
        if self._lock is not None:
            self._lock.release()

    def complete(self) -> OpenedDatabase:
        """``prepare`` and ``finish`` here, in the calling thread (the demo, tests and
        benchmarks; the window prepares in a worker)."""
        try:
            self.prepare()
        except BaseException:
            self.abandon()
            raise
        return self.finish()


class PendingDemo:
    """The sample business being made (see ui.workspace.PendingFile): ``prepare`` generates it
    in a temporary folder, ``finish`` opens it; closing it deletes the folder."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="salesdesk-demo-"))
        self.path = self._folder / "demo.db"

    def prepare(self) -> None:
        """Write the sample business (a few seconds)."""
        write_demo(self.path, DEMO_DEALS, dt.date.today())

    def finish(self) -> OpenedDatabase:
        """Open the sample business for writing; it is nobody else's, so the lock is free."""
        lock = WriterLock(self.path)
        lock.acquire()
        try:
            store = open_store(self.path, quick_check=False)
        except BaseException:
            lock.release()
            self.abandon()
            raise
        return OpenedDatabase(store, lock, self._folder)

    def abandon(self) -> None:
        """Remove what was made."""
        shutil.rmtree(self._folder, ignore_errors=True)


class AppFileOpener:
    """Opens files for the window: the writer's lock first, then the checked store."""

    def start_open(self, path: Path, *, read_only: bool = False) -> PendingOpen:
        """Begin opening ``path``; raises FileLocked when another writer has it, FileReadOnly
        when it may only be read here."""
        if read_only:
            return PendingOpen(path, None)
        check_writable(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock(path)
        lock.acquire()
        return PendingOpen(path, lock)

    def start_restore(self, path: Path, backup: BackupInfo) -> PendingOpen:
        """Begin replacing ``path``, which cannot be opened, by ``backup``."""
        check_writable(path)
        lock = WriterLock(path)
        lock.acquire()
        return PendingOpen(path, lock, backup)

    def open(self, path: Path, *, read_only: bool = False) -> OpenedDatabase:
        """Open ``path`` with every check, in the calling thread; raises FileLocked when
        another writer has it, FileRefused when it is not a file salesdesk may open."""
        return self.start_open(path, read_only=read_only).complete()

    def create(self, path: Path, base_currency: str) -> OpenedDatabase:
        """Create a new database with ``base_currency``."""
        if path.exists() and path.stat().st_size > 0:
            raise FileRefused(f"{path.name} exists already.")
        check_writable(path)
        lock = WriterLock(path)
        lock.acquire()
        try:
            return OpenedDatabase(open_store(path, base_currency=base_currency), lock)
        except BaseException:
            lock.release()
            raise

    def start_demo(self) -> PendingDemo:
        """Begin making the sample business in a temporary folder."""
        return PendingDemo()

    def open_demo(self) -> OpenedDatabase:
        """Generate the sample business in a temporary folder and open it, in the calling
        thread (``--demo``)."""
        pending = self.start_demo()
        try:
            pending.prepare()
        except BaseException:
            pending.abandon()
            raise
        return pending.finish()


def build_cache(path: Path) -> AnalyticsCache:
    """The analytics cache of a file, read on a connection of its own (for the worker).

    The file was checked when the window opened it: no second quick_check here (1.4 s at a
    million deals, before the figures could start).
    """
    store = open_store(path, read_only=True, quick_check=False)
    try:
        columns = store.deal_columns()
    finally:
        store.close()
    return AnalyticsCache.build(columns)


def refresh_cache(store: Store, cache: AnalyticsCache, deal_ids: frozenset[int]) -> None:
    """Bring the cache up to date after an edit of ``deal_ids``: those deals and every deal of
    their clients before and after (derived customer types may have changed with them)."""
    clients = cache.client_ids(deal_ids)
    cache.replace(deal_ids, store.deal_columns(deal_ids, clients))


STORE_CACHE = CacheSource(build_cache, refresh_cache)


class _Startup:
    """Opens the file named on the command line once the event loop runs (its checks in a
    worker), then shows the window; explains in a dialog, or on stderr for the smoke test,
    which must never wait for a click, when the file cannot be opened."""

    def __init__(self, app: QApplication, args: argparse.Namespace,
                 ui_settings: UiSettings) -> None:
        self._app = app
        self._args = args
        self._ui_settings = ui_settings
        self._opener = AppFileOpener()
        self.tasks = TaskRunner()
        self.workspace: Workspace | None = None
        self._window: MainWindow | None = None
        self._deadline = 0.0

    def start(self) -> None:
        """Open the file; the window follows when it is open."""
        # Until the window shows, a closing message box must not end the application.
        self._app.setQuitOnLastWindowClosed(False)
        if self._args.demo:
            self._show(self._opener.open_demo())
            return
        smoke = self._args.smoke_test
        opening = FileOpening(self.tasks, self._opener, None,
                              self._print if smoke else self._box, ask=not smoke)
        opening.open(database_path(self._args), self._show,
                     lambda: self._app.exit(EXIT_FILE))

    @staticmethod
    def _print(text: str) -> None:
        print(f"salesdesk: {text}", file=sys.stderr)

    @staticmethod
    def _box(text: str) -> None:
        QMessageBox.critical(None, "salesdesk", text)

    def _show(self, opened: OpenedFile) -> None:
        self.workspace = Workspace(opened)
        self._window = MainWindow(self.workspace, self._opener, self._ui_settings, STORE_CACHE)
        if not opened.temporary:
            self._ui_settings.add_recent_file(opened.store.path)
        self._window.show()
        if self._args.smoke_test:
            self._deadline = time.monotonic() + SMOKE_TIMEOUT_S
            self._check_shown()
        else:
            self._app.setQuitOnLastWindowClosed(True)

    def _check_shown(self) -> None:
        """The smoke test: exit once the window is on screen (or give up)."""
        window = self._window
        assert window is not None
        handle = window.windowHandle()
        shown = window.isVisible() and handle is not None and handle.isExposed()
        if not shown and time.monotonic() < self._deadline:
            QTimer.singleShot(10, self._check_shown)
            return
        window.close()
        self._app.exit(EXIT_OK if shown else EXIT_FILE)


def run(args: argparse.Namespace) -> int:
    """Start the GUI; return the exit status."""
    QCoreApplication.setOrganizationName(paths.APP_NAME)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    quiet_harmless_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    ui_settings = UiSettings()
    language = _install_language(Language(args.lang) if args.lang else ui_settings.language)
    app.setWindowIcon(QIcon(str(paths.resource("icons/salesdesk.svg"))))
    errors = ErrorHandler(paths.log_file())
    errors.install()
    collector = GuiThreadCollector(app)
    apply_theme(app, ui_settings.theme)
    set_currency_display(ui_settings.currency_display)
    startup = _Startup(app, args, ui_settings)
    QTimer.singleShot(0, startup.start)
    try:
        return app.exec()
    finally:
        startup.tasks.shutdown()
        if startup.workspace is not None:
            startup.workspace.close()
        collector.stop()
        errors.uninstall()
        language.uninstall()


def _install_language(language: Language) -> InstalledLanguage:
    """Install ``language``; English, with a line on stderr, when its translation is missing."""
    try:
        return install_language(language)
    except FileNotFoundError as exc:
        print(f"salesdesk: no {language.value} translation at {exc}; showing English.",
              file=sys.stderr)
        return install_language(Language.ENGLISH)
