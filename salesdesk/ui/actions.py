"""Every menu action, declared once under a stable id with its text, shortcut and tip."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


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
    """How an action looks: text, shortcut (built once a QGuiApplication exists) and tip."""

    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    needs_write: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_FILE: ActionSpec("&New…", "Ctrl+Shift+N",
                                  "Create a new, empty database file"),
    ActionId.OPEN_FILE: ActionSpec("&Open…", QKeySequence.StandardKey.Open,
                                   "Open another database file"),
    ActionId.OPEN_SAMPLE: ActionSpec("Open the &Sample Business", None,
                                     "Look around a made-up firm's deals, figures and"
                                     " scorecards; it is deleted when you close it"),
    ActionId.SAVE_COPY: ActionSpec("Save a &Copy As…", "Ctrl+Shift+S",
                                   "Write a consistent copy of this file"),
    ActionId.QUIT: ActionSpec("&Quit", QKeySequence.StandardKey.Quit,
                              "Close salesdesk"),
    ActionId.NEW_DEAL: ActionSpec("&New Deal…", "Ctrl+N",
                                  "Record a new deal", needs_write=True),
    ActionId.OPEN_DEAL: ActionSpec("&Open Deal…", "Ctrl+E",
                                   "Edit the selected deal"),
    ActionId.DELETE_DEAL: ActionSpec("&Delete Deal", QKeySequence.StandardKey.Delete,
                                     "Delete the selected deals (can be undone)", needs_write=True),
    ActionId.NEXT_STAGE: ActionSpec("Move to Ne&xt Stage", "Ctrl+]",
                                    "Move the selected deal one pipeline stage on",
                                    needs_write=True),
    ActionId.FIND: ActionSpec("&Find…", QKeySequence.StandardKey.Find,
                              "Search the deals"),
    ActionId.LISTS: ActionSpec("&Lists…", "Ctrl+L",
                               "Rename, merge and retire clients, salespeople, stages, …"),
    ActionId.IMPORT_DEALS: ActionSpec("&Import Deals…", "Ctrl+I",
                                      "Import deals from a CSV or XLSX file (Pipedrive,"
                                      " HubSpot, spreadsheets)", needs_write=True),
    ActionId.EXPORT_DEALS: ActionSpec("E&xport Deals…", "Ctrl+Shift+E",
                                      "Write the deals (all or the current view) to CSV or"
                                      " XLSX"),
    ActionId.EXPORT_REPORT: ActionSpec("&Export Report (PDF)…", "Ctrl+P",
                                       "Write the Funnel tab's slice as a meeting report"),
    ActionId.BACKUP_NOW: ActionSpec("&Back Up Now", None,
                                    "Write a verified backup into this file's backup folder",
                                    needs_write=True),
    ActionId.RESTORE_BACKUP: ActionSpec("Res&tore from Backup…", None,
                                        "Replace this file's data by one of its backups",
                                        needs_write=True),
    ActionId.BACKUP_SETTINGS: ActionSpec("Backup Settin&gs…", None,
                                         "Backup folder and how many copies are kept",
                                         needs_write=True),
    ActionId.ERASE_CLIENT: ActionSpec("&Erase Client…", None,
                                      "Remove a client's name and personal data everywhere",
                                      needs_write=True),
    ActionId.PREFERENCES: ActionSpec("&Preferences…", QKeySequence.StandardKey.Preferences,
                                     "Theme, the Funnel tab's starting period, the fiscal"
                                     " year and when a slice is too small to judge"),
    ActionId.CHECK_DATABASE: ActionSpec("&Check Database", None,
                                        "Run SQLite's integrity and foreign key checks"),
    ActionId.SHOW_DEALS_TAB: ActionSpec("&Deals", "Ctrl+1", "Show the Deals tab"),
    ActionId.SHOW_FUNNEL_TAB: ActionSpec("&Funnel", "Ctrl+2", "Show the Funnel tab"),
    ActionId.SHOW_GROWTH_TAB: ActionSpec("&Growth Points", "Ctrl+G",
                                         "Show where conversion and deal length can grow"),
    ActionId.SHOW_SCORECARDS_TAB: ActionSpec("&Scorecards", "Ctrl+3",
                                             "Show the Scorecards tab"),
    ActionId.SHOW_CUSTOMERS_TAB: ActionSpec("&Customers", "Ctrl+4",
                                            "Show the Customers tab (NPS, touchpoints, lost"
                                            " reasons, target customer, competitors)"),
    ActionId.ADD_NPS_RESPONSES: ActionSpec("&Add NPS Responses…", "Ctrl+Shift+R",
                                           "Type a batch of survey responses from the"
                                           " keyboard", needs_write=True),
    ActionId.IMPORT_NPS: ActionSpec("Import N&PS Responses…", None,
                                    "Import survey responses (date, score, segment, product,"
                                    " client, comment) from a CSV or XLSX file",
                                    needs_write=True),
    ActionId.EDIT_SKILL_TEMPLATE: ActionSpec("Skill &Template…", None,
                                             "Add, rename, reorder and retire checklist items"
                                             " of the assessment sheet", needs_write=True),
    ActionId.EXPORT_SCORECARDS: ActionSpec("Export Scorecar&ds…", None,
                                           "Write the scorecards and the team matrix to PDF"
                                           " or CSV"),
    ActionId.FIGURES_HELP: ActionSpec("&How Figures Are Computed",
                                      QKeySequence.StandardKey.HelpContents,
                                      "Definitions of conversion, deal length and the funnel"),
    ActionId.USER_GUIDE: ActionSpec("&User Guide", None,
                                    "What each tab does, the figures' definitions and the"
                                    " command line, with screenshots"),
    ActionId.SHORTCUTS: ActionSpec("&Keyboard Shortcuts", "Ctrl+/",
                                   "Every key salesdesk answers to, searchable"),
    ActionId.ABOUT: ActionSpec("&About salesdesk", None, "Version and data folder"),
}


class ActionRegistry:
    """Creates each QAction once; menus and views look actions up by id."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(spec.text, parent)
            action.setObjectName(action_id.value)
            if isinstance(spec.shortcut, QKeySequence.StandardKey):
                action.setShortcuts(spec.shortcut)  # every platform binding, not just one
            elif spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
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
