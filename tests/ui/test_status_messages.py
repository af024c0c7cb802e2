"""The status bar says what a completed edit did, and what Undo and Redo did (issue 18)."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.ui.deals.commands import DeleteDealsCommand
from salesdesk.ui.main_window import MainWindow


def test_saving_undoing_and_redoing_an_edit_are_announced(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    store = window.workspace.store
    deal_id, _ = store.add_deal(Deal(title="Boiler for Kovács", outcome=Outcome.OPEN,
                                     first_contact=dt.date(2026, 11, 2)), dt.date(2026, 12, 4))
    status = window.statusBar()
    assert DeleteDealsCommand(window.workspace, [deal_id]).run()
    assert status.currentMessage() == "Saved: Delete deal Boiler for Kovács."
    window.undo_action.trigger()
    assert status.currentMessage() == "Undone: Delete deal Boiler for Kovács."
    assert store.snapshot(deal_id).deal.title == "Boiler for Kovács"
    window.redo_action.trigger()
    assert status.currentMessage() == "Redone: Delete deal Boiler for Kovács."
