"""Edit ▸ Preferences: how this computer shows salesdesk, and the open file's conventions.

Two kinds of setting, kept apart on screen as they are in storage: the language, the theme and
the Funnel tab's starting period belong to this computer (QSettings through UiSettings); the
fiscal year and the "too few to judge" threshold belong to the business, live in its file (the
CLI reads them too) and change through an undoable command.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slice_spec import PeriodPreset
from salesdesk.i18n import translate
from salesdesk.ui.commands import StoreCommand
from salesdesk.ui.formatting import CurrencyDisplay, amount_text
from salesdesk.ui.language import Language, showing_language
from salesdesk.ui.theme import Theme
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

MAX_THRESHOLD = 10_000


class PreferencesDialog(QDialog):
    """The preferences, filled from ``ui_settings`` and the file's ``business`` settings.

    After ``exec()`` returns Accepted, :meth:`language`, :meth:`theme`, :meth:`funnel_period`,
    :meth:`currency_display` and :meth:`business` hold the choices; nothing is saved by the
    dialog itself. A language other than the one showing takes effect at the next start,
    which the dialog says as soon as it is chosen.

    Signals:
        backup_requested(): Backup Settings… was clicked (the window opens that dialog).
    """

    backup_requested = Signal()

    def __init__(self, ui_settings: UiSettings, business: BusinessSettings, *,
                 read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self._business = business

        self.language_box = QComboBox()
        for language in Language:
            self.language_box.addItem(language.label, language.value)
        self.language_box.setCurrentIndex(
            self.language_box.findData(ui_settings.language.value))
        self.restart_note = QLabel(translate(
            "PreferencesDialog", "The new language shows the next time salesdesk starts."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.language_box.currentIndexChanged.connect(self._language_changed)

        self.theme_box = QComboBox()
        for theme in Theme:
            self.theme_box.addItem(theme.label, theme.value)
        self.theme_box.setCurrentIndex(self.theme_box.findData(ui_settings.theme.value))
        self.period_box = QComboBox()
        for preset in PeriodPreset:
            if preset is not PeriodPreset.CUSTOM:
                self.period_box.addItem(preset.label, preset.value)
        self.period_box.setCurrentIndex(
            self.period_box.findData(ui_settings.funnel_default_period.value))
        self.period_box.setToolTip(translate(
            "PreferencesDialog", "For files the Funnel tab has not shown yet; a file "
            "remembers the period and filters it was last shown with."))
        self.currency_box = QComboBox()
        for display, text in (
                (CurrencyDisplay.CODE, translate("PreferencesDialog", "Code, as in {example}")),
                (CurrencyDisplay.SYMBOL,
                 translate("PreferencesDialog", "Symbol, as in {example}"))):
            example = amount_text(12_500, business.base_currency, 0, display=display)
            self.currency_box.addItem(text.format(example=example), display.value)
        self.currency_box.setCurrentIndex(
            self.currency_box.findData(ui_settings.currency_display.value))
        self.currency_box.setToolTip(translate(
            "PreferencesDialog", "How amounts show their currency on screen and in reports;"
            " files and the command line always write the code."))
        computer = QGroupBox(translate("PreferencesDialog", "On this computer"))
        computer_form = QFormLayout(computer)
        computer_form.addRow(
            self._label(translate("PreferencesDialog", "&Language:"), self.language_box),
            self.language_box)
        computer_form.addRow(self.restart_note)
        computer_form.addRow(self._label(translate("PreferencesDialog", "&Theme:"),
                                         self.theme_box), self.theme_box)
        computer_form.addRow(
            self._label(translate("PreferencesDialog", "&Funnel tab starts on:"),
                        self.period_box), self.period_box)
        computer_form.addRow(
            self._label(translate("PreferencesDialog", "Show amounts &with:"),
                        self.currency_box), self.currency_box)

        locale = QLocale()
        self.fiscal_box = QComboBox()
        for month in range(1, 13):
            self.fiscal_box.addItem(locale.standaloneMonthName(month), month)
        self.fiscal_box.setCurrentIndex(business.fiscal_year_start - 1)
        self.fiscal_box.setToolTip(translate(
            "PreferencesDialog", "Where \"This year\" and the quarters of the period lists "
            "begin."))
        self.threshold_box = QSpinBox()
        self.threshold_box.setRange(1, MAX_THRESHOLD)
        self.threshold_box.setValue(business.too_few_threshold)
        self.threshold_box.setSuffix(translate("PreferencesDialog", " decided deals"))
        self.threshold_box.setToolTip(translate(
            "PreferencesDialog", "A slice with fewer decided (won or lost) deals is marked "
            "\"too few to judge\" and is never ranked as a growth point."))
        currency = QLabel(business.base_currency)
        currency.setToolTip(translate(
            "PreferencesDialog", "Chosen when the file was created: every figure is in it."))
        self.backup_button = QPushButton(translate("PreferencesDialog", "&Backup Settings…"))
        self.backup_button.setToolTip(translate(
            "PreferencesDialog", "The backup folder and how many copies are kept"))
        self.backup_button.clicked.connect(self.backup_requested)
        business_box = QGroupBox(translate(
            "PreferencesDialog", "In this file (the command line uses them too)"))
        business_form = QFormLayout(business_box)
        business_form.addRow(
            self._label(translate("PreferencesDialog", "First month of the fiscal &year:"),
                        self.fiscal_box), self.fiscal_box)
        business_form.addRow(
            self._label(translate("PreferencesDialog", "Too few to &judge under:"),
                        self.threshold_box), self.threshold_box)
        business_form.addRow(translate("PreferencesDialog", "Currency:"), currency)
        business_form.addRow(translate("PreferencesDialog", "Backups:"), self.backup_button)
        if read_only:
            for widget in (self.fiscal_box, self.threshold_box, self.backup_button):
                widget.setEnabled(False)
            business_box.setTitle(translate(
                "PreferencesDialog", "In this file (read-only: opened without write access)"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(computer)
        layout.addWidget(business_box)
        layout.addStretch(1)
        layout.addWidget(buttons)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _language_changed(self) -> None:
        self.restart_note.setVisible(self.language().resolved() is not showing_language())

    def language(self) -> Language:
        """The language chosen."""
        return Language(str(self.language_box.currentData()))

    def currency_display(self) -> CurrencyDisplay:
        """How amounts are to show their currency."""
        return CurrencyDisplay(str(self.currency_box.currentData()))

    def theme(self) -> Theme:
        """The theme chosen."""
        return Theme(str(self.theme_box.currentData()))

    def funnel_period(self) -> PeriodPreset:
        """The Funnel tab's starting period chosen."""
        return PeriodPreset(str(self.period_box.currentData()))

    def business(self) -> BusinessSettings:
        """The file's settings as opened, with the fiscal year and threshold chosen here."""
        return replace(self._business, fiscal_year_start=int(self.fiscal_box.currentData()),
                       too_few_threshold=self.threshold_box.value())


class EditSettingsCommand(StoreCommand):
    """Change the file's fiscal year start and "too few" threshold; undo puts the previous
    values back. Only these two fields are written, so a backup setting saved meanwhile
    (Backup Settings… is a button of the same dialog) is never undone with them."""

    def __init__(self, workspace: Workspace, before: BusinessSettings,
                 after: BusinessSettings) -> None:
        super().__init__(workspace, translate("EditSettingsCommand", "Change preferences"))
        self._before = (before.fiscal_year_start, before.too_few_threshold)
        self._after = (after.fiscal_year_start, after.too_few_threshold)

    def _write(self, values: tuple[int, int]) -> Changes:
        store = self.workspace.store
        fiscal, threshold = values
        store.save_settings(replace(store.settings(), fiscal_year_start=fiscal,
                                    too_few_threshold=threshold))
        return Changes(settings=True)

    def do(self) -> Changes:
        """Save the new values."""
        return self._write(self._after)

    def undo_it(self) -> Changes:
        """Save the previous values."""
        return self._write(self._before)
