"""Every slow job of the window runs in a worker (issue 12): while the job is held in its worker,
the GUI thread's event loop still runs a callback posted to it. No timing: a job run on the GUI
thread would block the loop, and the test would fail on the posted callback."""

from __future__ import annotations

import argparse
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from salesdesk import app
from salesdesk.app import STORE_CACHE, AppFileOpener, OpenedDatabase, PendingOpen
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.store import Backups, Store, open_store
from salesdesk.ui import export_jobs
from salesdesk.ui.actions import ActionId
from salesdesk.ui.funnel.cache_service import CacheSource
from salesdesk.ui.growth import service as growth_service
from salesdesk.ui.importing import source_pages, values_page
from salesdesk.ui.importing.wizard import ImportWizard
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.scorecards import window_jobs
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

from .conftest import run_with_modal, shown_window

HOLD_S = 10


class Gate:
    """Holds the worker that calls ``owner.name`` until the test has seen the GUI thread run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []
        real = getattr(owner, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread())
            self.entered.set()
            assert self.release.wait(HOLD_S), "the test never released the job"
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, held)

    def check(self, qtbot: QtBot) -> None:
        """The job is in a worker, and the event loop runs while it is held; then let it go."""
        try:
            qtbot.waitUntil(self.entered.is_set, timeout=HOLD_S * 1000)
            assert self.threads[0] is not threading.main_thread()
            ran: list[bool] = []
            QTimer.singleShot(0, lambda: ran.append(True))
            qtbot.waitUntil(lambda: bool(ran))
        finally:
            self.release.set()


class Boxes:
    """Message boxes answered Yes; their texts are kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        for name in ("warning", "information", "critical", "question"):
            monkeypatch.setattr(QMessageBox, name, self._box)

    def _box(self, parent: QWidget | None, title: str, text: str, *args: object
             ) -> QMessageBox.StandardButton:
        self.texts.append(text)
        return QMessageBox.StandardButton.Yes


def _add(window: MainWindow, *titles: str, client: str | None = None) -> None:
    window.workspace.store.add_deals([Deal(title, client=client) for title in titles],
                                     dt.date.today())


def _status(window: MainWindow, text: str) -> Callable[[], bool]:
    return lambda: text in window.statusBar().currentMessage()


def test_opening_a_file(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.db"
    open_store(other).close()
    gate = Gate(monkeypatch, PendingOpen, "prepare")
    window.files.open_path(other)
    gate.check(qtbot)
    qtbot.waitUntil(lambda: window.workspace.store.path == other)


def test_opening_the_file_at_start_up(qtbot: QtBot, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "start.db"
    gate = Gate(monkeypatch, PendingOpen, "prepare")
    application = app.QApplication.instance()
    assert isinstance(application, app.QApplication)
    startup = app._Startup(application, argparse.Namespace(demo=False, smoke_test=False,
                                                           db=str(path)), UiSettings())
    startup.start()
    assert startup.workspace is None  # the window waits for the check
    gate.check(qtbot)
    qtbot.waitUntil(lambda: startup.workspace is not None)
    window = startup._window
    assert window is not None and window.isVisible()
    window.close()
    startup.tasks.shutdown()
    assert startup.workspace is not None
    startup.workspace.close()


@pytest.mark.parametrize("action", [ActionId.BACKUP_NOW, None])
def test_backups(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                 action: ActionId | None) -> None:
    _add(window, "One")
    window.workspace.notify(Changes(all_deals=True))
    gate = Gate(monkeypatch, Backups, "take")
    with qtbot.waitSignal(window.safety.backup_taken, timeout=HOLD_S * 1000):
        if action is None:
            assert window.safety.backup_if_due()  # the automatic backup
        else:
            window.registry[action].trigger()
        gate.check(qtbot)


def test_check_database(qtbot: QtBot, window: MainWindow,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    boxes = Boxes(monkeypatch)
    gate = Gate(monkeypatch, Store, "check")
    window.registry[ActionId.CHECK_DATABASE].trigger()
    gate.check(qtbot)
    qtbot.waitUntil(lambda: bool(boxes.texts))
    assert "is healthy" in boxes.texts[0]


def test_restore_from_backup(qtbot: QtBot, window: MainWindow,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    _add(window, "Kept")
    store = window.workspace.store
    store.backups.take(store.backups.folder())
    _add(window, "Lost by the restore")
    boxes = Boxes(monkeypatch)
    gate = Gate(monkeypatch, Backups, "restore")
    run_with_modal(qtbot, window.registry[ActionId.RESTORE_BACKUP].trigger,
                   lambda dialog: dialog.restore_button.click())  # type: ignore[attr-defined]
    gate.check(qtbot)
    qtbot.waitUntil(lambda: any("Restored 1 deals" in text for text in boxes.texts))


def test_erase_client(qtbot: QtBot, window: MainWindow,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    _add(window, "Zyxwolff Boiler", client="Zyxwolff")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("Zyxwolff", True))
    boxes = Boxes(monkeypatch)
    gate = Gate(monkeypatch, Store, "erase_client")
    window.registry[ActionId.ERASE_CLIENT].trigger()
    gate.check(qtbot)
    qtbot.waitUntil(lambda: any("now called Erased client 1" in t for t in boxes.texts))


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_deals(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    _add(window, "One", "Two")
    out = tmp_path / f"deals.{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    gate = Gate(monkeypatch, Store, "export_deals")
    window.registry[ActionId.EXPORT_DEALS].trigger()
    gate.check(qtbot)
    qtbot.waitUntil(_status(window, "Exported 2 deals"))
    assert out.stat().st_size > 0


def test_save_a_copy(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "copy.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    gate = Gate(monkeypatch, Store, "save_copy")
    window.registry[ActionId.SAVE_COPY].trigger()
    gate.check(qtbot)
    qtbot.waitUntil(_status(window, "Saved a copy"))


def test_export_report(qtbot: QtBot, funnel_window: MainWindow, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "meeting.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    gate = Gate(monkeypatch, export_jobs, "write_report")
    funnel_window.registry[ActionId.EXPORT_REPORT].trigger()
    gate.check(qtbot)
    qtbot.waitUntil(_status(funnel_window, "meeting.pdf"))
    assert report.read_bytes().startswith(b"%PDF")


def _scorecards_shown(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.scorecards_tab)
    qtbot.waitUntil(lambda: window.scorecards_tab.report is not None, timeout=10000)


@pytest.mark.parametrize(("chosen", "writer"), zip(
    window_jobs.EXPORT_FILTERS, ("write_scorecards", "write_text", "write_text"), strict=True))
def test_export_scorecards(qtbot: QtBot, funnel_window: MainWindow, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch, chosen: str, writer: str) -> None:
    _scorecards_shown(qtbot, funnel_window)
    out = tmp_path / "cards"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), chosen))
    gate = Gate(monkeypatch, window_jobs, writer)
    funnel_window.registry[ActionId.EXPORT_SCORECARDS].trigger()
    gate.check(qtbot)
    qtbot.waitUntil(_status(funnel_window, "Exported the scorecards"))
    written = out.with_suffix(".pdf" if chosen == window_jobs.EXPORT_FILTERS[0] else ".csv")
    assert written.stat().st_size > 0


def test_a_failed_scorecard_export_reaches_a_dialog(qtbot: QtBot, funnel_window: MainWindow,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _scorecards_shown(qtbot, funnel_window)
    out = tmp_path / "cards.pdf"
    out.mkdir()  # a folder of that name: the file cannot be written
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(out), window_jobs.EXPORT_FILTERS[0]))
    boxes = Boxes(monkeypatch)
    funnel_window.registry[ActionId.EXPORT_SCORECARDS].trigger()
    qtbot.waitUntil(lambda: bool(boxes.texts))
    assert boxes.texts[0].startswith("The scorecards were not exported: Could not save")
    assert QApplication.overrideCursor() is None  # the busy cursor is gone
    assert out.is_dir() and list(out.iterdir()) == []


def test_a_bug_in_the_scorecard_export_never_leaves_the_cursor_busy(
        qtbot: QtBot, funnel_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _scorecards_shown(qtbot, funnel_window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "cards.pdf"),
                                         window_jobs.EXPORT_FILTERS[0]))

    def broken(*args: object, **kwargs: object) -> Path:
        raise RuntimeError("a bug in the export")

    monkeypatch.setattr(window_jobs, "write_scorecards", broken)
    try:
        with qtbot.captureExceptions() as exceptions:
            funnel_window.registry[ActionId.EXPORT_SCORECARDS].trigger()
            qtbot.waitUntil(lambda: bool(exceptions))  # for the application's handler
        assert str(exceptions[0][1]) == "a bug in the export"
        assert QApplication.overrideCursor() is None  # restored whatever the job raised
    finally:
        while QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def test_building_the_analytics_cache(qtbot: QtBot, opened: OpenedDatabase,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    class Source:
        build = staticmethod(STORE_CACHE.build)

    gate = Gate(monkeypatch, Source, "build")
    workspace = Workspace(opened)
    main = MainWindow(workspace, AppFileOpener(), UiSettings(),
                      CacheSource(Source.build, STORE_CACHE.refresh))
    qtbot.addWidget(main)
    try:
        gate.check(qtbot)
        qtbot.waitUntil(lambda: main.cache.cache is not None)
    finally:
        main.close()
        workspace.close()


def test_ranking_the_growth_points(qtbot: QtBot, opened: OpenedDatabase,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    today = dt.date.today()
    opened.store.add_deals(
        [Deal(f"Deal {n}", Outcome.WON if n % 3 else Outcome.LOST, rep=f"Rep {n % 2}",
              first_contact=today - dt.timedelta(days=60), closed_on=today - dt.timedelta(days=n))
         for n in range(1, 41)], today)
    gate = Gate(monkeypatch, growth_service, "_rank")
    with shown_window(qtbot, opened) as main:
        tab = main.growth_tab
        main.tabs.setCurrentWidget(tab)
        try:
            qtbot.waitUntil(gate.entered.is_set, timeout=HOLD_S * 1000)
            # While the worker ranks, the tab says so and shows no stale report.
            assert tab.result is None and tab.stack.currentIndex() == 0
            assert tab.progress.isVisible() and "Counting" in tab.message.text()
        finally:
            gate.check(qtbot)
        qtbot.waitUntil(lambda: tab.result is not None, timeout=HOLD_S * 1000)
        assert tab.result is not None and tab.result.deals == 40
        assert tab.stack.currentIndex() == 1 and not tab.progress.isVisible()


@pytest.fixture
def wizard(qtbot: QtBot, opened: OpenedDatabase, tmp_path: Path) -> Iterator[ImportWizard]:
    source = tmp_path / "plain.csv"
    source.write_text("Title,Company,Value\nOne,Acme,10\nTwo,Beta,\n", encoding="utf-8")
    workspace = Workspace(opened)
    made = ImportWizard(workspace, UiSettings())
    qtbot.addWidget(made)
    made.show()
    made.file_page.path_edit.setText(str(source))
    yield made
    made.close()
    workspace.close()


def _next(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = wizard.currentPage()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is not page and not wizard.tasks.busy)


def test_the_import_wizard_reads_the_file(qtbot: QtBot, wizard: ImportWizard,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate(monkeypatch, source_pages, "_first_rows")
    wizard.next()
    gate.check(qtbot)
    qtbot.waitUntil(lambda: wizard.source_page.isComplete())


def test_the_import_wizard_plans_the_import(qtbot: QtBot, wizard: ImportWizard,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    gate = Gate(monkeypatch, values_page, "plan_import")
    wizard.next()
    gate.check(qtbot)
    qtbot.waitUntil(lambda: wizard.values_page.isComplete())


def test_the_import_wizard_imports(qtbot: QtBot, wizard: ImportWizard,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(4):
        _next(qtbot, wizard)
    gate = Gate(monkeypatch, Store, "import_deals")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    gate.check(qtbot)
    qtbot.waitUntil(lambda: wizard.summary is not None)
    assert wizard.summary.imported == 2


def test_a_job_run_on_the_gui_thread_fails_the_gate(qtbot: QtBot,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    class Job:
        @staticmethod
        def run() -> None:
            pass

    gate = Gate(monkeypatch, Job, "run")
    gate.release.set()  # else the GUI thread would wait for itself
    Job.run()
    with pytest.raises(AssertionError):
        gate.check(qtbot)
