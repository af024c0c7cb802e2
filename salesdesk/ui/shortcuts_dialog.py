"""Help ▸ Keyboard Shortcuts: every key the window answers to, searchable.

The menu rows are read from the menus themselves, so the list cannot drift from what the
keys do; the keys that live inside lists and forms are declared here beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

HEADERS = (QT_TRANSLATE_NOOP("ShortcutsDialog", "Where"),
           QT_TRANSLATE_NOOP("ShortcutsDialog", "What"),
           QT_TRANSLATE_NOOP("ShortcutsDialog", "Keys"))
# Keys handled inside widgets rather than by menu actions (English; translated when shown,
# key names such as "Esc" stay as they are).
IN_PLACE: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Deals list"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the selected deal"), "Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Any form"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Save"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter, or Ctrl+Enter in a notes field")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Any form"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Cancel (asks before discarding typed changes)"),
     "Esc"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Any form"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to a field"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt + its underlined letter")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Date fields"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Pick from a calendar"), "Alt+Down"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Tabs and pages"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Next or previous page"), "Ctrl+Tab, Ctrl+Shift+Tab"),
)


def plain(text: str) -> str:
    """A menu text without its mnemonic marks and trailing dots ("&Open…" → "Open")."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("…")


def menu_rows(menus: Iterable[QMenu]) -> Iterator[tuple[str, str, str]]:
    """(menu, action, keys) for every action of ``menus`` with a shortcut."""
    for menu in menus:
        for action in menu.actions():
            keys = [key.toString(QKeySequence.SequenceFormat.NativeText)
                    for key in action.shortcuts() if not key.isEmpty()]
            if keys:
                yield plain(menu.title()), plain(action.text()), ", ".join(keys)


class ShortcutsDialog(QDialog):
    """A searchable table of the window's keyboard shortcuts."""

    def __init__(self, menus: Iterable[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard Shortcuts"))
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels(
            [translate("ShortcutsDialog", header) for header in HEADERS])
        in_place = [tuple(translate("ShortcutsDialog", text) for text in row) for row in IN_PLACE]
        for row in (*menu_rows(menus), *in_place):
            items = [QStandardItem(text) for text in row]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.filter = QSortFilterProxyModel(self)
        self.filter.setSourceModel(self.model)
        self.filter.setFilterKeyColumn(-1)
        self.filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            translate("ShortcutsDialog", "Type to find a command or a key…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("ShortcutsDialog", "Find a shortcut"))
        self.search.textChanged.connect(self.filter.setFilterFixedString)
        search_label = QLabel(translate("ShortcutsDialog", "&Find:"))
        search_label.setBuddy(self.search)
        self.table = QTableView()
        self.table.setObjectName("shortcuts_table")
        self.table.setModel(self.filter)
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)
