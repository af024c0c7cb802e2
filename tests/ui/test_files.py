"""File handling in the window: a second writer gets read-only, switching files clears undo,
Save a Copy, and per-machine state that survives a restart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.app import STORE_CACHE, AppFileOpener
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal
from salesdesk.store import open_store
from salesdesk.ui.actions import ActionId
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

from .conftest import run_with_modal


def _add(window: MainWindow, title: str) -> int:
    deal_id, _ = window.workspace.store.add_deal(Deal(title=title, currency="EUR"),
                                                 dt.date.today())
    window.workspace.notify(Changes(deal_ids=frozenset({deal_id})))
    return deal_id


def test_second_window_on_a_locked_file_opens_read_only(qtbot: QtBot, window: MainWindow,
                                                        opener: AppFileOpener,
                                                        tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    writer = opener.create(other, "EUR")  # the first window's hold on the file
    writer.store.add_deal(Deal(title="Shared deal", currency="EUR"), dt.date.today())
    messages: list[str] = []

    def accept_read_only(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.button(QMessageBox.StandardButton.Open).click()

    try:
        with qtbot.waitSignal(window.workspace.file_replaced):
            run_with_modal(qtbot, lambda: window.files.open_path(other), accept_read_only)
        assert "already open for writing" in messages[0]
        assert window.workspace.read_only
        assert window.windowTitle() == "other.db [read-only] — salesdesk"
        assert not window.registry[ActionId.NEW_DEAL].isEnabled()
        assert window.deals_tab.model.index(0, 0).data() == "Shared deal"
    finally:
        writer.close()


def test_opening_another_file_clears_the_undo_history(qtbot: QtBot, window: MainWindow,
                                                      tmp_path: Path) -> None:
    _add(window, "First file's deal")
    window.deals_tab.select_deal(window.deals_tab.model.deal_id(0))
    window.registry[ActionId.NEXT_STAGE].trigger()
    assert window.workspace.undo_stack.count() == 1
    second = tmp_path / "second.db"
    open_store(second, base_currency="USD").close()
    with qtbot.waitSignal(window.workspace.file_replaced):
        window.files.open_path(second)
    assert window.workspace.undo_stack.count() == 0
    assert window.windowTitle() == "second.db — salesdesk"
    assert "undo history of the previous file was cleared" in window.statusBar().currentMessage()
    assert window.deals_tab.model.total == 0
    assert str(second.resolve()) in UiSettings().recent_files


def test_save_a_copy_through_the_backup_api(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: object) -> None:
    _add(window, "Copied deal")
    target = tmp_path / "copy.db"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",  # type: ignore[attr-defined]
                        lambda *args, **kwargs: (str(target), ""))
    window.files.save_copy()
    qtbot.waitUntil(lambda: "Saved a copy" in window.statusBar().currentMessage())
    copy = open_store(target, read_only=True)
    try:
        rows = copy.list_rows(__import__("salesdesk.store", fromlist=["DealListQuery"])
                              .DealListQuery(), 0, 10)
        assert [row.title for row in rows] == ["Copied deal"]
    finally:
        copy.close()


def test_geometry_and_splitter_survive_a_restart(qtbot: QtBot, opener: AppFileOpener,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "state.db"

    def make() -> tuple[MainWindow, Workspace]:
        workspace = Workspace(opener.open(path))
        main = MainWindow(workspace, opener, UiSettings(), STORE_CACHE)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        return main, workspace

    first, workspace = make()
    first.resize(796, 540)  # inside the offscreen 800×600 screen, above the minimum
    _add(first, "Makes the details pane visible")
    first.deals_tab.splitter.setSizes([420, 260])
    qtbot.wait(20)  # let the layout settle the handle before reading the sizes back
    sizes = first.deals_tab.splitter.sizes()
    first.close()
    workspace.close()

    second, workspace = make()
    try:
        assert (second.width(), second.height()) == (796, 540)
        assert second.deals_tab.splitter.sizes() == sizes
    finally:
        second.close()
        workspace.close()


def test_an_older_file_is_not_opened_read_only(tmp_path: Path,
                                               pretend_newer: Callable[[], None]) -> None:
    from salesdesk.store import FileRefused

    path = tmp_path / "deals.db"
    open_store(path).close()
    pretend_newer()
    before = path.read_bytes()
    with pytest.raises(FileRefused, match="older salesdesk"):
        AppFileOpener().open(path, read_only=True)
    assert path.read_bytes() == before
    AppFileOpener().open(path).close()  # opened for writing, it is upgraded
    AppFileOpener().open(path, read_only=True).close()


def test_a_new_file_offers_its_first_steps_as_buttons(qtbot: QtBot, window: MainWindow
                                                      ) -> None:
    """Issue 15: the empty state told a GUI user to start salesdesk with --demo."""
    tab = window.deals_tab
    buttons = {b.text().replace("&", ""): b
               for b in tab.start_buttons.findChildren(QPushButton)}
    assert list(buttons) == ["New Deal…", "Import Deals…", "Open the Sample Business"]
    assert tab.start_buttons.isVisible() and "--demo" not in tab.empty.text()

    titles: list[str] = []

    def close(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        dialog.close()

    run_with_modal(qtbot, buttons["New Deal…"].click, close)
    run_with_modal(qtbot, buttons["Import Deals…"].click, close)
    assert titles == ["New deal", "Import deals"]

    with qtbot.waitSignal(window.workspace.file_replaced, timeout=60_000):
        buttons["Open the Sample Business"].click()
    assert window.workspace.opened.temporary
    assert tab.model.total > 0 and not tab.start_buttons.isVisible()
    assert UiSettings().recent_files == []  # a temporary file is not offered again


def test_a_search_that_finds_nothing_offers_no_first_steps(qtbot: QtBot, window: MainWindow
                                                           ) -> None:
    _add(window, "Acme boiler")
    window.deals_tab.search.setText("nothing like it")
    qtbot.waitUntil(lambda: window.deals_tab.model.total == 0)
    assert "No deals match" in window.deals_tab.empty.text()
    assert not window.deals_tab.start_buttons.isVisible()
