"""The Lists dialog: rename, merge, retire and reorder, each undoable; models pass the tester."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal, LookupKind
from salesdesk.ui.deals.list_model import DealListModel
from salesdesk.ui.lists.lists_dialog import ListsDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.ui_settings import UiSettings

from .conftest import run_with_modal


def _deal(window: MainWindow, title: str, **fields: object) -> int:
    deal = Deal(title=title, currency="EUR", first_contact=dt.date(2026, 1, 1),
                **fields)  # type: ignore[arg-type]
    deal_id, _ = window.workspace.store.add_deal(deal, dt.date.today())
    window.workspace.notify(Changes(deal_ids=frozenset({deal_id})))
    return deal_id


def _dialog(qtbot: QtBot, window: MainWindow, kind: LookupKind) -> ListsDialog:
    dialog = ListsDialog(window.workspace, UiSettings(), window)
    qtbot.addWidget(dialog)
    dialog.select_kind(kind)
    return dialog


def _row_of(dialog: ListsDialog, name: str) -> int:
    return [item.name for item in dialog.model.items()].index(name)


def test_rename_in_place_updates_every_deal_and_undoes(qtbot: QtBot, window: MainWindow
                                                       ) -> None:
    first = _deal(window, "Boiler", client="Acme")
    second = _deal(window, "Pump", client="Acme")
    dialog = _dialog(qtbot, window, LookupKind.CLIENT)
    index = dialog.model.index(_row_of(dialog, "Acme"), 0)
    assert dialog.model.setData(index, "Acme Kft.") is False  # written by the command
    store = window.workspace.store
    assert {store.deal(first).client, store.deal(second).client} == {"Acme Kft."}
    assert [item.name for item in dialog.model.items()] == ["Acme Kft."]
    assert window.deals_tab.model.index(0, 1).data() == "Acme Kft."
    window.workspace.undo_stack.undo()
    assert store.deal(first).client == "Acme"
    assert [item.name for item in dialog.model.items()] == ["Acme"]


def test_merge_moves_deals_and_undo_restores(qtbot: QtBot, window: MainWindow) -> None:
    keep = _deal(window, "Boiler", rep="Anna")
    moved = _deal(window, "Pump", rep="anna b")
    dialog = _dialog(qtbot, window, LookupKind.REP)
    dialog.select_row(_row_of(dialog, "anna b"))

    def pick(box: QWidget) -> None:
        assert isinstance(box, QInputDialog)
        box.setTextValue("Anna")
        box.accept()

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    def both(box: QWidget) -> None:
        pick(box)
        run_with_modal(qtbot, lambda: None, confirm)

    run_with_modal(qtbot, dialog.merge_value, both)
    store = window.workspace.store
    assert store.deal(moved).rep == "Anna" and store.deal(keep).rep == "Anna"
    assert store.names(LookupKind.REP) == ["Anna"]
    assert window.workspace.undo_stack.undoText() == "Merge salesperson anna b into Anna"
    window.workspace.undo_stack.undo()
    assert store.deal(moved).rep == "anna b"
    assert store.names(LookupKind.REP) == ["Anna", "anna b"]


def test_retired_value_leaves_pickers_but_keeps_history(qtbot: QtBot, window: MainWindow
                                                        ) -> None:
    deal_id = _deal(window, "Boiler", channel="Fax")
    dialog = _dialog(qtbot, window, LookupKind.CHANNEL)
    dialog.select_row(_row_of(dialog, "Fax"))
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    store = window.workspace.store
    assert store.names(LookupKind.CHANNEL) == []
    assert store.deal(deal_id).channel == "Fax"
    assert dialog.model.index(0, 2).data() == "Retired"
    assert dialog.retire_button.text() == "Res&tore"
    window.workspace.undo_stack.undo()
    assert store.names(LookupKind.CHANNEL) == ["Fax"]


def test_stages_reorder_with_buttons(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window, LookupKind.STAGE)
    assert dialog.up_button.isVisibleTo(dialog)
    dialog.select_row(1)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    store = window.workspace.store
    assert store.names(LookupKind.STAGE) == ["Contacted", "Lead", "Proposal", "Negotiation"]
    assert dialog.current_item() is not None and dialog.current_item().name == "Contacted"  # type: ignore[union-attr]
    window.workspace.undo_stack.undo()
    assert store.names(LookupKind.STAGE) == ["Lead", "Contacted", "Proposal", "Negotiation"]


def test_client_contact_cells_are_editable(qtbot: QtBot, window: MainWindow) -> None:
    _deal(window, "Boiler", client="Acme")
    dialog = _dialog(qtbot, window, LookupKind.CLIENT)
    assert dialog.model.headerData(4, Qt.Orientation.Horizontal) == "Email"
    dialog.model.setData(dialog.model.index(0, 4), "info@acme.example")
    item = window.workspace.store.lookup_items(LookupKind.CLIENT)[0]
    assert item.email == "info@acme.example"
    window.workspace.undo_stack.undo()
    assert window.workspace.store.lookup_items(LookupKind.CLIENT)[0].email == ""


def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                         window: MainWindow) -> None:
    for number in range(450):
        window.workspace.store.add_deal(
            Deal(title=f"Deal {number}", client=f"Client {number % 7}", currency="EUR",
                 amount=number * 100), dt.date.today())
    model = DealListModel(window.workspace.store)
    assert model.rowCount() == 200 and model.canFetchMore() and model.total == 450
    qtmodeltester.check(model, force_py=True)  # it fetches the remaining pages too
    assert model.rowCount() == 450 and not model.canFetchMore()
    # A fresh model for the sorted check: pytest-qt's tester fetches more rows inside its own
    # modelReset handler, which it then reports as an insert during the reset.
    by_client = DealListModel(window.workspace.store)
    by_client.sort(1, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(by_client, force_py=True)
    assert by_client.index(0, 1).data() == "Client 0"
    dialog = _dialog(qtbot, window, LookupKind.CLIENT)
    qtmodeltester.check(dialog.model, force_py=True)
