"""Edit ▸ Preferences (issue 18): the theme applies at once and restyles the charts, the Funnel
tab's starting period applies to files not shown before, and the file's own settings change
through an undoable command."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.app import AppFileOpener
from salesdesk.domain.slice_spec import PeriodPreset
from salesdesk.ui.actions import ActionId
from salesdesk.ui.charts import ChartKind
from salesdesk.ui.formatting import CurrencyDisplay, money, set_currency_display
from salesdesk.ui.language import Language
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.preferences import PreferencesDialog
from salesdesk.ui.theme import Theme, apply_theme
from salesdesk.ui.ui_settings import UiSettings

from .conftest import run_with_modal, shown_window


@pytest.fixture
def look_restored(qapp: QApplication) -> Iterator[None]:
    """The application's style and palette as they were, whatever the test chose."""
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    yield
    apply_theme(qapp, Theme.LIGHT)  # stops following the system's scheme
    qapp.setStyle(style)
    qapp.setPalette(palette)


def choose(qtbot: QtBot, window: MainWindow, **choices: object) -> None:
    """Open Preferences, make ``choices`` (widget name → item data or value), press Enter."""
    def interact(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        for name, value in choices.items():
            widget = getattr(dialog, name)
            if name == "threshold_box":
                widget.setValue(value)
            else:
                widget.setCurrentIndex(widget.findData(value))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    run_with_modal(qtbot, window.registry[ActionId.PREFERENCES].trigger, interact)


def window_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_the_theme_applies_at_once_to_windows_and_charts_and_is_kept(
        qtbot: QtBot, window: MainWindow, look_restored: None) -> None:
    chart = window.funnel_tab.charts[ChartKind.CONVERSION]
    choose(qtbot, window, theme_box=Theme.DARK.value)
    assert window_lightness() < 80
    qtbot.waitUntil(lambda: chart.chart_style().dark)  # palette changes arrive as events
    assert UiSettings().theme is Theme.DARK
    assert window.statusBar().currentMessage() == "Preferences saved."
    choose(qtbot, window, theme_box=Theme.LIGHT.value)
    assert window_lightness() > 180
    qtbot.waitUntil(lambda: not chart.chart_style().dark)
    assert UiSettings().theme is Theme.LIGHT


def test_the_file_s_settings_change_undoably(qtbot: QtBot, window: MainWindow) -> None:
    store = window.workspace.store
    before = store.settings()
    assert (before.fiscal_year_start, before.too_few_threshold) == (1, 20)
    choose(qtbot, window, fiscal_box=4, threshold_box=30)
    after = store.settings()
    assert (after.fiscal_year_start, after.too_few_threshold) == (4, 30)
    assert after.backup_folder == before.backup_folder
    assert window.undo_action.text() == "&Undo Change preferences"
    window.workspace.undo_stack.undo()
    assert store.settings() == before
    window.workspace.undo_stack.redo()
    assert store.settings() == after


def test_a_file_never_shown_starts_on_the_chosen_period(qtbot: QtBot, window: MainWindow,
                                                         tmp_path: Path) -> None:
    choose(qtbot, window, period_box=PeriodPreset.LAST_12_MONTHS.value)
    assert UiSettings().funnel_default_period is PeriodPreset.LAST_12_MONTHS
    fresh = AppFileOpener().create(tmp_path / "fresh.db", "EUR")
    with shown_window(qtbot, fresh) as other:
        assert other.funnel_tab.spec.preset is PeriodPreset.LAST_12_MONTHS
        other.funnel_tab.slice_bar.set_spec(replace(other.funnel_tab.spec,
                                                    preset=PeriodPreset.THIS_YEAR), emit=True)
        path = other.workspace.store.path
    with shown_window(qtbot, AppFileOpener().open(path)) as again:
        assert again.funnel_tab.spec.preset is PeriodPreset.THIS_YEAR  # the file's own


def test_a_read_only_file_s_settings_cannot_be_changed(qtbot: QtBot, window: MainWindow
                                                       ) -> None:
    dialog = PreferencesDialog(UiSettings(), window.workspace.store.settings(), read_only=True)
    qtbot.addWidget(dialog)
    assert not dialog.fiscal_box.isEnabled() and not dialog.threshold_box.isEnabled()
    assert dialog.theme_box.isEnabled()


def test_following_the_system_tracks_its_colour_scheme(qapp: QApplication,
                                                       look_restored: None) -> None:
    changed = QGuiApplication.styleHints().colorSchemeChanged
    apply_theme(qapp, Theme.SYSTEM)
    assert window_lightness() > 180  # the offscreen desktop reports no dark scheme
    changed.emit(Qt.ColorScheme.Dark)  # as a desktop switching to dark does
    assert window_lightness() < 80
    changed.emit(Qt.ColorScheme.Light)
    assert window_lightness() > 180
    apply_theme(qapp, Theme.LIGHT)  # a fixed theme stops following
    changed.emit(Qt.ColorScheme.Dark)
    assert window_lightness() > 180


@pytest.fixture
def amounts_with_codes() -> Iterator[None]:
    yield
    set_currency_display(CurrencyDisplay.CODE)


def test_a_new_language_is_kept_for_the_next_start_and_says_so(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    dialog = PreferencesDialog(UiSettings(), window.workspace.store.settings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restart_note.isVisible()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData(Language.HUNGARIAN.value))
    assert dialog.restart_note.isVisible()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData(Language.ENGLISH.value))
    assert not dialog.restart_note.isVisible()  # English is what shows
    dialog.done(QDialog.DialogCode.Rejected)

    choose(qtbot, window, language_box=Language.HUNGARIAN.value)
    assert UiSettings().language is Language.HUNGARIAN
    assert window.statusBar().currentMessage() == (
        "Preferences saved. The new language shows the next time salesdesk starts.")
    assert window.menuBar().actions()[0].text() == "&File"  # until then


def test_amounts_can_show_their_currency_s_symbol(qtbot: QtBot, window: MainWindow,
                                                  amounts_with_codes: None) -> None:
    assert money(12_500, "EUR", QLocale("en_US")) == "12,500 EUR"
    choose(qtbot, window, currency_box=CurrencyDisplay.SYMBOL.value)
    assert UiSettings().currency_display is CurrencyDisplay.SYMBOL
    assert money(12_500, "EUR", QLocale("en_US")) == "€12,500"
    assert money(12_500, "HUF", QLocale("hu_HU")) == "12\N{NO-BREAK SPACE}500\N{NO-BREAK SPACE}Ft"
    choose(qtbot, window, currency_box=CurrencyDisplay.CODE.value)
    assert money(12_500, "EUR", QLocale("en_US")) == "12,500 EUR"
