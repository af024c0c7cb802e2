"""The deal form driven from the keyboard: save, see it in the list, undo, redo, validation."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.ui.actions import ActionId
from salesdesk.ui.deals.deal_form import DealDialog
from salesdesk.ui.main_window import MainWindow

from .conftest import run_with_modal
from .mnemonics import mnemonic


def _type(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _titles(window: MainWindow) -> list[str]:
    model = window.deals_tab.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_new_deal_from_keyboard_then_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        assert QApplication.focusWidget() is dialog.title
        _type(qtbot, "Acme boiler")
        _tab(qtbot)  # client
        _type(qtbot, "Acme Kft.")
        _tab(qtbot)  # salesperson
        _type(qtbot, "Anna")
        _tab(qtbot, 8)  # product, channel, region, audience, type, stage, outcome, lost reason
        assert QApplication.focusWidget() is dialog.first_contact.line_edit
        dialog.first_contact.line_edit.clear()
        _type(qtbot, "2026-03-02")
        _tab(qtbot, 4)  # closed on, expected close, next step, amount
        assert QApplication.focusWidget() is dialog.amount
        _type(qtbot, "1250.50")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    run_with_modal(qtbot, window.registry[ActionId.NEW_DEAL].trigger, fill)

    assert _titles(window) == ["Acme boiler"]
    store = window.workspace.store
    deal = store.deal(window.deals_tab.model.deal_id(0))
    assert (deal.client, deal.rep, deal.amount, deal.currency) == ("Acme Kft.", "Anna", 125050,
                                                                   "EUR")
    assert deal.first_contact == dt.date(2026, 3, 2)
    assert deal.outcome is Outcome.OPEN and deal.stage == "Lead"
    assert store.names(LookupKind.CLIENT) == ["Acme Kft."]
    assert window.undo_action.text() == "&Undo Add deal Acme boiler"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _titles(window) == []
    assert store.names(LookupKind.CLIENT) == []  # the client the save created goes too

    qtbot.keyClick(focus, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _titles(window) == ["Acme boiler"]
    assert store.deal(deal.id or 0) == deal  # same id, same fields


def test_invalid_form_shows_messages_and_saves_nothing(qtbot: QtBot, window: MainWindow
                                                       ) -> None:
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.WON.value))
        dialog.first_contact.line_edit.setText("2026-05-10")
        dialog.closed_on.line_edit.setText("2026-05-01")
        dialog.amount.setText("-5")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        for key in ("title", "closed_on", "amount"):
            label = dialog.findChild(QLabel, f"message_{key}")
            assert label is not None
            if label.isVisible():
                seen[key] = label.text()
                # The summary, by the buttons, sends the eye up to the marked fields.
                assert label.mapTo(dialog, label.rect().bottomLeft()).y() < dialog.summary.y()
        seen["summary"] = dialog.summary.text()
        assert dialog.isVisible()  # not saved
        assert QApplication.focusWidget() is dialog.title
        dialog.title.setText("Fixed")
        dialog.closed_on.line_edit.setText("2026-05-20")
        dialog.amount.setText("")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    run_with_modal(qtbot, window.deals_tab.new_deal, fill)
    assert seen == {
        "title": "A deal needs a title.",
        "closed_on": "The close date is before the first contact.",
        "amount": "An amount cannot be negative.",
        "summary": "Fix 3 fields, marked in red above, before saving: Title, Closed on,"
                   " Amount.",
    }
    deal = window.workspace.store.deal(window.deals_tab.model.deal_id(0))
    assert (deal.title, deal.outcome, deal.amount) == ("Fixed", Outcome.WON, None)
    assert deal.closed_on == dt.date(2026, 5, 20)


def test_lost_deal_without_reason_is_saved_with_a_reminder(qtbot: QtBot, window: MainWindow
                                                           ) -> None:
    reminder: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        dialog.title.setText("Lost one")
        dialog.first_contact.line_edit.setText("2026-01-05")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.LOST.value))
        label = dialog.findChild(QLabel, "message_lost_reason")
        assert label is not None
        reminder.append(label.text() if label.isVisible() else "")
        assert dialog.closed_on.text()  # closing fills today's date
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    run_with_modal(qtbot, window.deals_tab.new_deal, fill)
    assert reminder[0].startswith("Why was it lost?")
    deal = window.workspace.store.deal(window.deals_tab.model.deal_id(0))
    assert deal.outcome is Outcome.LOST and deal.lost_reason is None
    assert deal.closed_on == dt.date.today()


def _add(window: MainWindow, title: str, **fields: object) -> int:
    deal = Deal(title=title, currency="EUR", first_contact=dt.date(2026, 1, 1),
                **fields)  # type: ignore[arg-type]
    deal_id, _ = window.workspace.store.add_deal(deal, dt.date.today())
    window.workspace.notify(__import__("salesdesk.domain.changes", fromlist=["Changes"])
                            .Changes(deal_ids=frozenset({deal_id})))
    return deal_id


def test_edit_through_enter_and_escape_cancels(qtbot: QtBot, window: MainWindow) -> None:
    deal_id = _add(window, "Pump", client="Blue Ltd")
    tab = window.deals_tab
    tab.select_deal(deal_id)
    tab.table.setFocus()

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        assert dialog.title.text() == "Pump"
        dialog.title.selectAll()
        _type(qtbot, "Pump upgrade")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    run_with_modal(qtbot, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Return), edit)
    assert window.workspace.store.deal(deal_id).title == "Pump upgrade"
    assert window.undo_action.text() == "&Undo Edit deal Pump upgrade"

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)

    run_with_modal(qtbot, tab.open_deal, cancel)
    assert window.workspace.store.deal(deal_id).title == "Pump upgrade"


def test_delete_asks_and_can_be_undone(qtbot: QtBot, window: MainWindow) -> None:
    deal_id = _add(window, "Acme boiler")
    window.deals_tab.select_deal(deal_id)

    def confirm(box: QWidget) -> None:
        assert "Acme boiler" in box.findChild(QLabel, "qt_msgbox_label").text()  # type: ignore[union-attr]
        assert isinstance(box, QMessageBox)
        yes = box.button(QMessageBox.StandardButton.Yes)
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # safe default
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    run_with_modal(qtbot, window.registry[ActionId.DELETE_DEAL].trigger, confirm)
    assert _titles(window) == []
    assert window.undo_action.text() == "&Undo Delete deal Acme boiler"
    window.undo_action.trigger()
    assert _titles(window) == ["Acme boiler"]
    assert window.workspace.store.deal(deal_id).title == "Acme boiler"


def test_stage_change_is_recorded_and_undoable(qtbot: QtBot, window: MainWindow) -> None:
    deal_id = _add(window, "Acme boiler")
    window.deals_tab.select_deal(deal_id)
    window.registry[ActionId.NEXT_STAGE].trigger()
    store = window.workspace.store
    assert store.deal(deal_id).stage == "Contacted"
    assert [e.stage for e in store.stage_events(deal_id)] == ["Lead", "Contacted"]
    assert window.undo_action.text() == "&Undo Move deal Acme boiler to Contacted"
    window.undo_action.trigger()
    assert store.deal(deal_id).stage == "Lead"
    assert [e.stage for e in store.stage_events(deal_id)] == ["Lead"]


def test_after_saving_a_new_deal_enter_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    _add(window, "Older deal")

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        _type(qtbot, "Heat pump")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    run_with_modal(qtbot, window.registry[ActionId.NEW_DEAL].trigger, fill)
    tab = window.deals_tab
    window.activateWindow()  # the offscreen platform activates nothing by itself
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is tab.table
    saved = tab.current_id()
    assert saved is not None and window.workspace.store.deal(saved).title == "Heat pump"
    opened: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        opened.append(dialog.title.text())
        qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)

    run_with_modal(qtbot, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Return), look)
    assert opened == ["Heat pump"]


def test_every_field_has_its_own_alt_key_and_it_moves_focus(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    dialog = DealDialog(window.workspace, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    try:
        _alt_keys_move_focus(qtbot, dialog)
    finally:
        dialog.done(DealDialog.DialogCode.Rejected)  # without asking to discard


def _alt_keys_move_focus(qtbot: QtBot, dialog: DealDialog) -> None:
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.LOST.value))
    labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    letters = [mnemonic(label.text()) for label in labels]
    assert len(labels) == 17 and None not in letters
    assert len(set(letters)) == len(letters)
    assert mnemonic(dialog.prep_button.text()) not in letters
    assert "s" not in letters  # Save's
    for label, letter in zip(labels, letters, strict=True):
        dialog.title.setFocus()
        qtbot.keyClick(dialog, letter or "", Qt.KeyboardModifier.AltModifier)
        expected = label.buddy()
        assert QApplication.focusWidget() is (expected.focusProxy() or expected), label.text()
    dialog.title.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.amount


@pytest.mark.parametrize(("language", "country"), [
    (QLocale.Language.German, QLocale.Country.Germany),
    (QLocale.Language.Hungarian, QLocale.Country.Hungary),
])
def test_amounts_are_read_as_the_locale_writes_them(
        qtbot: QtBot, window: MainWindow, language: QLocale.Language,
        country: QLocale.Country) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(language, country))
    try:
        dialog = DealDialog(window.workspace, None)
        qtbot.addWidget(dialog)
        dialog.title.setText("Boiler")
        read = {}
        for typed in ("1.234,50", "1 234,50", f"1{QLocale().groupSeparator()}234,50", "1234,5"):
            dialog.amount.setText(typed)
            result = dialog.validate()
            read[typed] = result.deal.amount if result.deal else result.errors
        dialog.amount.setText("about 500")
        message = dialog.validate().errors["amount"]
        dialog.done(DealDialog.DialogCode.Rejected)
    finally:
        QLocale.setDefault(previous)
    assert set(read.values()) == {123450}, read
    assert message == "Not an amount: type a number such as 1234,50."


def test_a_new_name_is_pointed_out_with_the_existing_one_it_likely_meant(
        qtbot: QtBot, window: MainWindow) -> None:
    _add(window, "Older deal", channel="Website")
    dialog = DealDialog(window.workspace, None)
    qtbot.addWidget(dialog)
    dialog.show()
    channel = dialog.names[LookupKind.CHANNEL]
    message = dialog.findChild(QLabel, "message_channel")
    assert message is not None and not message.isVisible()
    channel.setFocus()
    qtbot.keyClicks(channel, "Web")
    assert message.isVisible()
    assert "New channel — did you mean" in message.text() and ">Website</a>" in message.text()
    message.linkActivated.emit("Website")  # the link, clicked
    assert channel.text() == "Website" and not message.isVisible()
    channel.clear()
    qtbot.keyClicks(channel, "  WEBSITE ")  # the same name, however typed
    assert not message.isVisible()
    channel.clear()
    qtbot.keyClicks(channel, "Billboard")
    assert message.text() == "New channel: saving adds it to the list."
    dialog.title.setText("Poster deal")
    dialog.save()  # a hint never stops saving
    assert dialog.deal is not None and dialog.deal.channel == "Billboard"


def test_a_deal_s_own_name_is_not_new(qtbot: QtBot, window: MainWindow) -> None:
    deal_id = _add(window, "Pump", client="Blue Ltd", channel="Fair")
    window.workspace.store.db.execute("UPDATE channels SET retired = 1")
    dialog = DealDialog(window.workspace, window.workspace.store.deal(deal_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_hint(LookupKind.CHANNEL) is None
    assert dialog.name_hint(LookupKind.CLIENT) is None
