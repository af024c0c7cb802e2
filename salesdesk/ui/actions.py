"""Every menu action, declared once under a stable id with its text, shortcut and tip."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from salesdesk.i18n import QT_TRANSLATE_NOOP, translate


class ActionId(StrEnum):
    """Stable ids of the window's actions."""

    NEW_FILE = "file.new"
    OPEN_FILE = "file.open"
    OPEN_SAMPLE = "file.open_sample"
    SAVE_COPY = "file.save_copy"
    QUIT = "file.quit"
    NEW_DEAL = "deal.new"
    OPEN_DEAL = "deal.open"
    DELETE_DEAL = "deal.delete"
    NEXT_STAGE = "deal.next_stage"
    FIND = "deal.find"
    LISTS = "edit.lists"
    EXPORT_REPORT = "file.export_report"
    IMPORT_DEALS = "file.import_deals"
    EXPORT_DEALS = "file.export_deals"
    BACKUP_NOW = "file.backup_now"
    RESTORE_BACKUP = "file.restore_backup"
    BACKUP_SETTINGS = "file.backup_settings"
    ERASE_CLIENT = "edit.erase_client"
    CHECK_DATABASE = "tools.check_database"
    PREFERENCES = "edit.preferences"
    SHOW_DEALS_TAB = "view.deals"
    SHOW_FUNNEL_TAB = "view.funnel"
    SHOW_GROWTH_TAB = "view.growth"
    SHOW_SCORECARDS_TAB = "view.scorecards"
    SHOW_CUSTOMERS_TAB = "view.customers"
    ADD_NPS_RESPONSES = "customers.add_responses"
    IMPORT_NPS = "customers.import_responses"
    EDIT_SKILL_TEMPLATE = "scorecard.edit_template"
    EXPORT_SCORECARDS = "scorecard.export"
    FIGURES_HELP = "help.figures"
    SHORTCUTS = "help.shortcuts"
    USER_GUIDE = "help.guide"
    ABOUT = "help.about"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """How an action looks: text, shortcut (built once a QGuiApplication exists) and tip.

    The text and the tip are English, marked for translation in the context "Actions"; the
    registry translates them when it builds the action."""

    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    needs_write: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_FILE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New…"), "Ctrl+Shift+N",
        QT_TRANSLATE_NOOP("Actions", "Create a new, empty database file")),
    ActionId.OPEN_FILE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Open…"), QKeySequence.StandardKey.Open,
        QT_TRANSLATE_NOOP("Actions", "Open another database file")),
    ActionId.OPEN_SAMPLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Open the &Sample Business"), None,
        QT_TRANSLATE_NOOP("Actions", "Look around a made-up firm's deals, figures and"
                          " scorecards; it is deleted when you close it")),
    ActionId.SAVE_COPY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Save a &Copy As…"), "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP("Actions", "Write a consistent copy of this file")),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"), QKeySequence.StandardKey.Quit,
        QT_TRANSLATE_NOOP("Actions", "Close salesdesk")),
    ActionId.NEW_DEAL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New Deal…"), "Ctrl+N",
        QT_TRANSLATE_NOOP("Actions", "Record a new deal"), needs_write=True),
    ActionId.OPEN_DEAL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Open Deal…"), "Ctrl+E",
        QT_TRANSLATE_NOOP("Actions", "Edit the selected deal")),
    ActionId.DELETE_DEAL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete Deal"), QKeySequence.StandardKey.Delete,
        QT_TRANSLATE_NOOP("Actions", "Delete the selected deals (can be undone)"),
        needs_write=True),
    ActionId.NEXT_STAGE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Move to Ne&xt Stage"), "Ctrl+]",
        QT_TRANSLATE_NOOP("Actions", "Move the selected deal one pipeline stage on"),
        needs_write=True),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Find…"), QKeySequence.StandardKey.Find,
        QT_TRANSLATE_NOOP("Actions", "Search the deals")),
    ActionId.LISTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Lists…"), "Ctrl+L",
        QT_TRANSLATE_NOOP("Actions", "Rename, merge and retire clients, salespeople, stages, …")),
    ActionId.IMPORT_DEALS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Import Deals…"), "Ctrl+I",
        QT_TRANSLATE_NOOP("Actions", "Import deals from a CSV or XLSX file (Pipedrive,"
                          " HubSpot, spreadsheets)"), needs_write=True),
    ActionId.EXPORT_DEALS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "E&xport Deals…"), "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP("Actions", "Write the deals (all or the current view) to CSV or"
                          " XLSX")),
    ActionId.EXPORT_REPORT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Export Report (PDF)…"), "Ctrl+P",
        QT_TRANSLATE_NOOP("Actions", "Write the Funnel tab's slice as a meeting report")),
    ActionId.BACKUP_NOW: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Back Up Now"), None,
        QT_TRANSLATE_NOOP("Actions", "Write a verified backup into this file's backup folder"),
        needs_write=True),
    ActionId.RESTORE_BACKUP: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Res&tore from Backup…"), None,
        QT_TRANSLATE_NOOP("Actions", "Replace this file's data by one of its backups"),
        needs_write=True),
    ActionId.BACKUP_SETTINGS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Backup Settin&gs…"), None,
        QT_TRANSLATE_NOOP("Actions", "Backup folder and how many copies are kept"),
        needs_write=True),
    ActionId.ERASE_CLIENT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Erase Client…"), None,
        QT_TRANSLATE_NOOP("Actions", "Remove a client's name and personal data everywhere"),
        needs_write=True),
    ActionId.PREFERENCES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Preferences…"), QKeySequence.StandardKey.Preferences,
        QT_TRANSLATE_NOOP("Actions", "Theme, the Funnel tab's starting period, the fiscal"
                          " year and when a slice is too small to judge")),
    ActionId.CHECK_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Check Database"), None,
        QT_TRANSLATE_NOOP("Actions", "Run SQLite's integrity and foreign key checks")),
    ActionId.SHOW_DEALS_TAB: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Deals"), "Ctrl+1",
        QT_TRANSLATE_NOOP("Actions", "Show the Deals tab")),
    ActionId.SHOW_FUNNEL_TAB: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Funnel"), "Ctrl+2",
        QT_TRANSLATE_NOOP("Actions", "Show the Funnel tab")),
    ActionId.SHOW_GROWTH_TAB: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Growth Points"), "Ctrl+G",
        QT_TRANSLATE_NOOP("Actions", "Show where conversion and deal length can grow")),
    ActionId.SHOW_SCORECARDS_TAB: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Scorecards"), "Ctrl+3",
        QT_TRANSLATE_NOOP("Actions", "Show the Scorecards tab")),
    ActionId.SHOW_CUSTOMERS_TAB: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Customers"), "Ctrl+4",
        QT_TRANSLATE_NOOP("Actions", "Show the Customers tab (NPS, touchpoints, lost"
                          " reasons, target customer, competitors)")),
    ActionId.ADD_NPS_RESPONSES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Add NPS Responses…"), "Ctrl+Shift+R",
        QT_TRANSLATE_NOOP("Actions", "Type a batch of survey responses from the keyboard"),
        needs_write=True),
    ActionId.IMPORT_NPS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import N&PS Responses…"), None,
        QT_TRANSLATE_NOOP("Actions", "Import survey responses (date, score, segment, product,"
                          " client, comment) from a CSV or XLSX file"), needs_write=True),
    ActionId.EDIT_SKILL_TEMPLATE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Skill &Template…"), None,
        QT_TRANSLATE_NOOP("Actions", "Add, rename, reorder and retire checklist items of the"
                          " assessment sheet"), needs_write=True),
    ActionId.EXPORT_SCORECARDS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export Scorecar&ds…"), None,
        QT_TRANSLATE_NOOP("Actions", "Write the scorecards and the team matrix to PDF or CSV")),
    ActionId.FIGURES_HELP: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&How Figures Are Computed"),
        QKeySequence.StandardKey.HelpContents,
        QT_TRANSLATE_NOOP("Actions", "Definitions of conversion, deal length and the funnel")),
    ActionId.USER_GUIDE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&User Guide"), None,
        QT_TRANSLATE_NOOP("Actions", "What each tab does, the figures' definitions and the"
                          " command line, with screenshots")),
    ActionId.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), "Ctrl+/",
        QT_TRANSLATE_NOOP("Actions", "Every key salesdesk answers to, searchable")),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About salesdesk"), None,
        QT_TRANSLATE_NOOP("Actions", "Version and data folder")),
}


class ActionRegistry:
    """Creates each QAction once; menus and views look actions up by id."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(translate("Actions", spec.text), parent)
            action.setObjectName(action_id.value)
            if isinstance(spec.shortcut, QKeySequence.StandardKey):
                action.setShortcuts(spec.shortcut)  # every platform binding, not just one
            elif spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            tip = translate("Actions", spec.tip)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            self._actions[action_id] = action
        self._actions[ActionId.QUIT].setMenuRole(QAction.MenuRole.QuitRole)
        self._actions[ActionId.ABOUT].setMenuRole(QAction.MenuRole.AboutRole)
        self._actions[ActionId.PREFERENCES].setMenuRole(QAction.MenuRole.PreferencesRole)

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def set_writable(self, writable: bool) -> None:
        """Disable the actions that write when the file is read-only."""
        for action_id, spec in SPECS.items():
            if spec.needs_write:
                self._actions[action_id].setEnabled(writable)
