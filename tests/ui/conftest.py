"""Fixtures for GUI tests: a window on a fresh file, and driving modal dialogs."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from salesdesk import launch
from salesdesk.app import STORE_CACHE, AppFileOpener, OpenedDatabase
from salesdesk.ui.gc_guard import GuiThreadCollector
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

DEMO_DAY = dt.date(2026, 12, 4)


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    """Cycles collected on the GUI thread only, as in the app (ui.gc_guard)."""
    collector = GuiThreadCollector(qapp)
    yield collector
    collector.stop()
    collector.deleteLater()


@pytest.fixture
def opener() -> AppFileOpener:
    """The real file opener of app.py."""
    return AppFileOpener()


@pytest.fixture
def opened(opener: AppFileOpener, tmp_path: Path) -> OpenedDatabase:
    """A new EUR database, opened for writing with its lock."""
    return opener.create(tmp_path / "deals.db", "EUR")


@contextlib.contextmanager
def shown_window(qtbot: QtBot, opened: OpenedDatabase) -> Iterator[MainWindow]:
    """The main window on ``opened``, shown offscreen; closed (with the file) afterwards."""
    workspace = Workspace(opened)
    main = MainWindow(workspace, AppFileOpener(), UiSettings(), STORE_CACHE)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    try:
        yield main
    finally:
        main.close()
        workspace.close()


@pytest.fixture
def window(qtbot: QtBot, opened: OpenedDatabase) -> Iterator[MainWindow]:
    """The main window on a fresh database, shown offscreen."""
    with shown_window(qtbot, opened) as main:
        yield main


def demo_database(folder: Path, deals: int, today: dt.date | None = None) -> Path:
    """A generated sample business of ``deals`` deals as of ``today`` (default: the real one)
    (for module-scoped fixtures: generating takes time, so each test opens a copy made by
    ``demo_copy``)."""
    path = folder / "demo.db"
    launch.write_demo(path, deals, today or dt.date.today())
    return path


@pytest.fixture
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """The window's today (Workspace.today) fixed at DEMO_DAY, the day a test's expected
    figures were read off a demo generated as of that day: calendar months and quarters cut
    a demo differently on another day."""
    monkeypatch.setattr(Workspace, "today", staticmethod(lambda: DEMO_DAY))
    return DEMO_DAY


def demo_copy(source: Path, folder: Path) -> OpenedDatabase:
    """A fresh copy of a generated sample file, opened for writing."""
    path = folder / "demo.db"
    path.write_bytes(source.read_bytes())
    return AppFileOpener().open(path)


def run_with_modal(qtbot: QtBot, start: Callable[[], object],
                   interact: Callable[[QWidget], None]) -> None:
    """Call ``start`` (which opens a modal dialog) and drive the dialog with ``interact``."""
    failures: list[BaseException] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, drive)
            return
        try:
            qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
            interact(dialog)
            if dialog.isVisible():
                raise AssertionError(f"{dialog.windowTitle()!r} is still open")
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test, after the dialog is closed
            failures.append(exc)
            if isinstance(dialog, QDialog):
                QDialog.done(dialog, QDialog.DialogCode.Rejected)  # skips "discard changes?"

    QTimer.singleShot(0, drive)
    start()
    if failures:
        raise failures[0]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated sample business of 300 deals, made once per test module (a module may
    override it with another size)."""
    return demo_database(tmp_path_factory.mktemp("demo"), 300)


@pytest.fixture
def funnel_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """The window on a fresh copy of ``demo_file``, the Funnel tab shown with its figures."""
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        main.tabs.setCurrentWidget(main.funnel_tab)
        qtbot.waitUntil(lambda: main.funnel_tab.figures is not None, timeout=10000)
        yield main
