"""Keys: Alt+letters (issue 15) — the menus and the tabs have distinct ones, and no window, on
any tab or page and in every dialog, offers one letter for two controls — and Help ▸ Keyboard
Shortcuts (issue 18) lists every shortcut."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.domain.deals import CustomerType, LookupKind
from salesdesk.domain.slices import Dimension
from salesdesk.ui.actions import SPECS, ActionId
from salesdesk.ui.charts import ChartKind
from salesdesk.ui.charts.dialog import ChartExportDialog
from salesdesk.ui.customers.nps_entry import ResponseDialog
from salesdesk.ui.customers.touchpoints_view import ChangeDialog
from salesdesk.ui.deals.deal_form import DealDialog
from salesdesk.ui.guide_dialog import GuideDialog
from salesdesk.ui.importing.wizard import ImportWizard
from salesdesk.ui.language import Language, install_language
from salesdesk.ui.lists.lists_dialog import ListsDialog
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.preferences import PreferencesDialog
from salesdesk.ui.safety.dialogs import BackupSettingsDialog, RestoreDialog
from salesdesk.ui.scorecards.prep_dialog import PrepDialog
from salesdesk.ui.scorecards.sheet_dialog import AssessmentDialog
from salesdesk.ui.scorecards.template_dialog import ItemDialog, TemplateDialog
from salesdesk.ui.shortcuts_dialog import ShortcutsDialog, plain
from salesdesk.ui.ui_settings import UiSettings

from .conftest import demo_copy, demo_database, shown_window
from .mnemonics import clashes, menu_clashes, mnemonic, offered


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("mnemonics-demo"), 400)


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        qtbot.waitUntil(lambda: main.cache.cache is not None, timeout=10000)
        yield main


@pytest.fixture(params=[Language.ENGLISH, Language.HUNGARIAN], ids=["en", "hu"])
def window_in_each_language(request: pytest.FixtureRequest, qtbot: QtBot, demo_file: Path,
                            tmp_path: Path) -> Iterator[MainWindow]:
    """The demo window in English and in Hungarian: a translation picks its own letters."""
    installed = install_language(request.param)
    try:
        with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
            qtbot.waitUntil(lambda: main.cache.cache is not None, timeout=10000)
            yield main
    finally:
        installed.uninstall()


def visible_tab_widgets(widget: QWidget) -> list[QTabWidget]:
    return [tabs for tabs in widget.findChildren(QTabWidget) if tabs.isVisible()]


def test_no_tab_or_page_of_the_window_shares_a_letter(
        qtbot: QtBot, window_in_each_language: MainWindow) -> None:
    demo_window = window_in_each_language
    seen: dict[str, dict[str, list[str]]] = {}
    for index in range(demo_window.tabs.count()):
        demo_window.tabs.setCurrentIndex(index)
        tab = demo_window.tabs.currentWidget()
        qtbot.waitUntil(tab.isVisible)
        name = demo_window.tabs.tabText(index)
        seen[name] = clashes(demo_window)
        for pages in visible_tab_widgets(tab):
            for page in range(pages.count()):
                pages.setCurrentIndex(page)
                seen[f"{name} ▸ {pages.tabText(page)}"] = clashes(demo_window)
    assert len(seen) > 10  # every tab, and the pages of the Funnel, Scorecards and Customers
    assert {where: found for where, found in seen.items() if found} == {}


def test_menus_and_tabs_have_distinct_letters_and_each_menu_its_own(
        window_in_each_language: MainWindow) -> None:
    demo_window = window_in_each_language
    menus = {mnemonic(action.text()) for action in demo_window.menuBar().actions()}
    tabs = {mnemonic(demo_window.tabs.tabText(i)) for i in range(demo_window.tabs.count())}
    assert menus.isdisjoint(tabs)
    assert None not in menus | tabs
    for action in demo_window.menuBar().actions():
        menu = action.menu()
        assert menu is not None
        submenus = [menu, *menu.findChildren(QMenu)]
        assert {m.title(): menu_clashes(m) for m in submenus if menu_clashes(m)} == {}


def test_alt_f_opens_the_file_menu_and_the_funnel_has_its_own_key(
        qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    assert popup.title() == "&File"  # type: ignore[attr-defined]
    popup.close()
    letter = mnemonic(demo_window.tabs.tabText(demo_window.tabs.indexOf(demo_window.funnel_tab)))
    assert letter is not None
    qtbot.keyClick(demo_window, letter, Qt.KeyboardModifier.AltModifier)
    assert demo_window.tabs.currentWidget() is demo_window.funnel_tab


def _deal_dialog(main: MainWindow) -> QDialog:
    return DealDialog(main.workspace, None, main)


def _lost_deal_dialog(main: MainWindow) -> QDialog:
    dialog = DealDialog(main.workspace, None, main)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("lost"))
    return dialog


def _change_dialog(main: MainWindow) -> QDialog:
    store = main.workspace.store
    values: dict[LookupKind | str, list[str]] = {
        Dimension.CHANNEL.value: store.names(LookupKind.CHANNEL),
        "customer_type": [t.value for t in CustomerType]}
    touchpoints = [t.name for t in store.customers.touchpoints()]
    return ChangeDialog(main.workspace, touchpoints, values, None, main)


def _assessment_dialog(main: MainWindow) -> QDialog:
    cards = main.workspace.store.scorecards
    return AssessmentDialog("Anna", cards.template(), dt.date(2026, 12, 4), ["Judit"], main)


def _prep_dialog(main: MainWindow) -> QDialog:
    cards = main.workspace.store.scorecards
    return PrepDialog("Boiler for Oak Ltd", None, cards.tactics(), 0.5, parent=main)


def _item_dialog(main: MainWindow) -> QDialog:
    return ItemDialog(main.workspace.store.scorecards.template(), None, main)


def _chart_export_dialog(main: MainWindow) -> QDialog:
    return ChartExportDialog(main.funnel_tab.charts[ChartKind.CONVERSION], UiSettings(),
                             main.funnel_tab.figures, main)


def _backup_settings_dialog(main: MainWindow) -> QDialog:
    path = main.workspace.store.path
    return BackupSettingsDialog(str(path.parent), path.parent / "backups", (7, 4, 12), main)


DIALOGS: dict[str, Callable[[MainWindow], QDialog]] = {
    "deal form": _deal_dialog,
    "deal form, lost": _lost_deal_dialog,
    "touchpoint change": _change_dialog,
    "survey responses": lambda main: ResponseDialog(main.workspace, None, main),
    "restore": lambda main: RestoreDialog(main.workspace.store.path.parent, main),
    "backup settings": _backup_settings_dialog,
    "lists": lambda main: ListsDialog(main.workspace, UiSettings(), main),
    "import wizard": lambda main: ImportWizard(main.workspace, UiSettings(), main),
    "new assessment": _assessment_dialog,
    "preparation sheet": _prep_dialog,
    "skill template": lambda main: TemplateDialog(main.workspace, main),
    "template item": _item_dialog,
    "chart export": _chart_export_dialog,
    "keyboard shortcuts": lambda main: ShortcutsDialog([], main),
    "preferences": lambda main: PreferencesDialog(
        UiSettings(), main.workspace.store.settings(), parent=main),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_dialog_shares_a_letter(qtbot: QtBot, window_in_each_language: MainWindow,
                                   name: str) -> None:
    demo_window = window_in_each_language
    dialog = DIALOGS[name](demo_window)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        assert offered(dialog), "the dialog offers no Alt+letter key at all"
        assert clashes(dialog) == {}
        for pages in visible_tab_widgets(dialog):
            for page in range(pages.count()):
                pages.setCurrentIndex(page)
                assert clashes(dialog) == {}, pages.tabText(page)
    finally:
        dialog.done(QDialog.DialogCode.Rejected)
        dialog.deleteLater()


def test_help_lists_every_shortcut_and_finds_them(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.registry[ActionId.SHORTCUTS].trigger()
    dialog = demo_window.findChild(QDialog, "shortcuts_dialog")
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    rows = {(dialog.model.item(r, 1).text(), dialog.model.item(r, 2).text())
            for r in range(dialog.model.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    for action_id, spec in SPECS.items():
        action = demo_window.registry[action_id]
        if spec.shortcut is not None:
            keys = ", ".join(k.toString(native) for k in action.shortcuts())
            assert (plain(action.text()), keys) in rows, action_id
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(native)
    assert any(what.startswith("Undo") and undo in keys for what, keys in rows)
    qtbot.keyClicks(dialog.search, "ctrl+4")
    assert dialog.filter.rowCount() == 1
    assert dialog.filter.index(0, 1).data() == "Customers"
    dialog.close()


def test_the_user_guide_is_the_readme_with_its_screenshots(qtbot: QtBot,
                                                           demo_window: MainWindow) -> None:
    demo_window.registry[ActionId.USER_GUIDE].trigger()
    dialog = demo_window.findChild(QDialog, "guide_dialog")
    assert isinstance(dialog, GuideDialog)
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert "Quick start" in text and "20, 30 and 40 days" in text
    document = dialog.browser.document()
    image = document.resource(QTextDocument.ResourceType.ImageResource,
                              QUrl("resources/screenshots/funnel.png"))
    assert isinstance(image, QPixmap) and image.width() == 1024  # found and loaded
    dialog.close()
