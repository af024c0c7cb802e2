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

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from salesdesk import __version__, paths  # noqa: E402
from salesdesk.analytics import AnalyticsCache  # noqa: E402
from salesdesk.currencies import default_currency  # noqa: E402
from salesdesk.launch import DEMO_DEALS, EXIT_FILE, EXIT_OK, database_path, write_demo  # noqa: E402
from salesdesk.locking import FileLocked, WriterLock  # noqa: E402
from salesdesk.store import (  # noqa: E402
    BackupInfo,
    FileReadOnly,
    FileRefused,
    Store,
    check_writable,
    open_store,
    restore_damaged,
)
from salesdesk.ui.errors import ErrorHandler  # noqa: E402
from salesdesk.ui.funnel.cache_service import CacheSource  # noqa: E402
from salesdesk.ui.locale_setup import group_thousands  # noqa: E402
from salesdesk.ui.main_window import MainWindow  # noqa: E402
from salesdesk.ui.qt_messages import quiet_harmless_messages  # noqa: E402
from salesdesk.ui.safety import offer_backup, quick_check_file  # noqa: E402
from salesdesk.ui.ui_settings import UiSettings  # noqa: E402
from salesdesk.ui.workspace import Workspace  # noqa: E402

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


class AppFileOpener:
    """Opens files for the window: the writer's lock first, then the checked store."""

    def open(self, path: Path, *, read_only: bool = False) -> OpenedDatabase:
        """Open ``path``; raises FileLocked when another writer has it, FileReadOnly when it
        may only be read here, FileRefused when it is not a file salesdesk may open."""
        if read_only:
            quick_check_file(path)  # in a worker when the file is large, as below
            store = open_store(path, read_only=True, quick_check=False)
            if store.needs_upgrade:  # its newer tables (scorecards, …) do not exist yet
                store.close()
                raise FileRefused(
                    f"{path.name} was written by an older salesdesk and another program has"
                    " it open for writing, so it cannot be upgraded now. Close it there, then"
                    " open it here.")
            return OpenedDatabase(store, None)
        check_writable(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WriterLock(path)
        lock.acquire()
        try:
            # Checked before anything is written; in a worker when the file is large.
            quick_check_file(path)
            return OpenedDatabase(open_store(path, base_currency=default_currency(),
                                             quick_check=False), lock)
        except BaseException:
            lock.release()
            raise

    def restore_damaged(self, path: Path, backup: BackupInfo) -> OpenedDatabase:
        """Move ``path``, which cannot be opened, aside (with its -wal and -shm) and open
        ``backup``, verified, in its place."""
        check_writable(path)
        lock = WriterLock(path)
        lock.acquire()
        try:
            restore_damaged(path, backup.path, backup.sha256)
            return OpenedDatabase(open_store(path, quick_check=False), lock)  # just verified
        except BaseException:
            lock.release()
            raise

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

    def open_demo(self) -> OpenedDatabase:
        """Generate the sample business in a temporary folder and open it."""
        folder = Path(tempfile.mkdtemp(prefix="salesdesk-demo-"))
        path = folder / "demo.db"
        write_demo(path, DEMO_DEALS, dt.date.today())
        opened = self.open(path)
        return OpenedDatabase(opened.store, opened._lock, folder)


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


def _open_at_start(opener: AppFileOpener, args: argparse.Namespace) -> OpenedDatabase | None:
    """Open the file named on the command line; explain in a dialog (or on stderr for the
    smoke test, which must never wait for a click) when it cannot be opened."""
    if args.demo:
        return opener.open_demo()
    path = database_path(args)
    try:
        return opener.open(path)
    except (FileLocked, FileReadOnly) as exc:  # a healthy file: offer to read it
        if args.smoke_test:
            print(f"salesdesk: {exc}", file=sys.stderr)
            return None
        answer = QMessageBox.question(
            None, "salesdesk", f"{exc}\n\nOpen it read-only?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Open:
            return opener.open(path, read_only=True)
    except FileRefused as exc:
        if args.smoke_test:
            print(f"salesdesk: {exc}", file=sys.stderr)
        else:
            return offer_backup(None, path, exc, opener.restore_damaged)
    except OSError as exc:
        if args.smoke_test:
            print(f"salesdesk: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "salesdesk", str(exc))
    return None


def _wait_until_shown(app: QApplication, window: MainWindow) -> bool:
    deadline = time.monotonic() + SMOKE_TIMEOUT_S
    while time.monotonic() < deadline:
        app.processEvents()
        handle = window.windowHandle()
        if window.isVisible() and handle is not None and handle.isExposed():
            return True
        time.sleep(0.01)
    return False


def run(args: argparse.Namespace) -> int:
    """Start the GUI; return the exit status."""
    QCoreApplication.setOrganizationName(paths.APP_NAME)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    quiet_harmless_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    errors = ErrorHandler(paths.log_file())
    errors.install()
    try:
        return _run_window(app, args)
    finally:
        errors.uninstall()


def _run_window(app: QApplication, args: argparse.Namespace) -> int:
    group_thousands()
    app.setWindowIcon(QIcon(str(paths.resource("icons/salesdesk.svg"))))
    ui_settings = UiSettings()
    opener = AppFileOpener()
    opened = _open_at_start(opener, args)
    if opened is None:
        return EXIT_FILE
    workspace = Workspace(opened)
    window = MainWindow(workspace, opener, ui_settings, STORE_CACHE)
    if not opened.temporary:
        ui_settings.add_recent_file(opened.store.path)
    window.show()
    try:
        if args.smoke_test:
            shown = _wait_until_shown(app, window)
            window.close()
            return EXIT_OK if shown else EXIT_FILE
        return app.exec()
    finally:
        workspace.close()
