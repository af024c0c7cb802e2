"""The Lists dialog: every lookup list in one place, each edit an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QStringListModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.lookups import LookupItem
from salesdesk.i18n import translate
from salesdesk.ui import formatting
from salesdesk.ui.lists.commands import (
    AddLookupCommand,
    MergeLookupCommand,
    RenameLookupCommand,
    ReorderStagesCommand,
    SetContactCommand,
    SetRetiredCommand,
)
from salesdesk.ui.lists.lookup_model import LookupModel
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

KINDS = list(LookupKind)


class ListsDialog(QDialog):
    """Rename, merge, retire and reorder values of the lookup lists."""

    def __init__(self, workspace: Workspace, ui_settings: UiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ListsDialog", "Lists"))
        self.setObjectName("lists_dialog")
        self._workspace = workspace
        self._ui_settings = ui_settings
        self.model = LookupModel(self)
        self._build()
        self._connect_signals()
        self.kinds.setCurrentIndex(self._kind_model.index(0, 0))
        self._load()

    def _build(self) -> None:
        self._kind_model = QStringListModel([kind.label for kind in KINDS], self)
        self.kinds = QListView()
        self.kinds.setObjectName("list_kinds")
        self.kinds.setModel(self._kind_model)
        self.kinds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table = QTableView()
        self.table.setObjectName("list_values")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: gray")

        self.add_button = QPushButton(translate("ListsDialog", "&Add…"))
        self.rename_button = QPushButton(translate("ListsDialog", "&Rename…"))
        self.merge_button = QPushButton(translate("ListsDialog", "&Merge into…"))
        self.retire_button = QPushButton(translate("ListsDialog", "Re&tire"))
        self.up_button = QPushButton(translate("ListsDialog", "Move &Up"))
        self.down_button = QPushButton(translate("ListsDialog", "Move &Down"))
        self.undo_action = self._workspace.undo_stack.createUndoAction(self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self._workspace.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.merge_button,
                       self.retire_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        right_layout.addLayout(row)
        right_layout.addWidget(self.hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("lists_splitter")
        self.splitter.addWidget(self.kinds)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 640])
        self.splitter.restoreState(self._ui_settings.splitter("lists"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(close)
        self.resize(900, 520)
        for button in (self.add_button, self.rename_button, self.merge_button,
                       self.retire_button, self.up_button, self.down_button):
            button.setEnabled(not self._workspace.read_only)

    def _connect_signals(self) -> None:
        self.kinds.selectionModel().currentChanged.connect(self._load)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add_value)
        self.rename_button.clicked.connect(self.rename_value)
        self.merge_button.clicked.connect(self.merge_value)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.up_button.clicked.connect(lambda: self.move_stage(-1))
        self.down_button.clicked.connect(lambda: self.move_stage(1))
        self.model.rename_requested.connect(self._rename)
        self.model.contact_requested.connect(self._set_contact)
        self._workspace.changed.connect(self._on_changed)

    # --- state ---------------------------------------------------------------------------

    @property
    def kind(self) -> LookupKind:
        """The list being edited."""
        index = self.kinds.currentIndex()
        return KINDS[index.row()] if index.isValid() else LookupKind.CLIENT

    def select_kind(self, kind: LookupKind) -> None:
        """Show the list ``kind``."""
        self.kinds.setCurrentIndex(self._kind_model.index(KINDS.index(kind), 0))

    def current_item(self) -> LookupItem | None:
        """The selected value."""
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        """Select a value by row."""
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _load(self) -> None:
        current = self.current_item()
        kind = self.kind
        self.model.set_items(kind, self._workspace.store.lookup_items(kind))
        if current is not None and current.kind is kind:
            for row, item in enumerate(self.model.items()):
                if item.id == current.id:
                    self.select_row(row)
        is_stage = kind is LookupKind.STAGE
        self.up_button.setVisible(is_stage)
        self.down_button.setVisible(is_stage)
        hint = translate("ListsDialog", "Renaming changes the name on every deal. Merging moves"
                         " every deal to the value you keep. Retired values disappear from"
                         " pickers; their deals keep them.")
        if is_stage:
            hint += " " + translate("ListsDialog",
                                    "The order of stages is the pipeline order of the funnel.")
        if kind is LookupKind.CLIENT:
            hint += "  " + translate("ListsDialog", "Double-click a contact cell to edit it.")
        self.hint.setText(hint)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        writable = not self._workspace.read_only
        for button in (self.rename_button, self.merge_button, self.retire_button):
            button.setEnabled(writable and item is not None)
        self.retire_button.setText(translate("ListsDialog", "Res&tore")
                                   if item is not None and item.retired
                                   else translate("ListsDialog", "Re&tire"))
        row = self.table.currentIndex().row()
        self.up_button.setEnabled(writable and item is not None and row > 0)
        self.down_button.setEnabled(writable and item is not None
                                    and row < self.model.rowCount() - 1)

    def _on_changed(self, changes: Changes) -> None:
        if self.kind in changes.lookups or changes.all_deals:
            self._load()

    # --- edits ---------------------------------------------------------------------------

    def add_value(self) -> None:
        """Ask for a name and add it to the current list."""
        kind = self.kind
        name, ok = QInputDialog.getText(
            self, translate("ListsDialog", "Add {kind}").format(kind=kind.singular),
            translate("ListsDialog", "Name:"))
        if ok and name.strip():
            AddLookupCommand(self._workspace, kind, name.strip()).run()

    def rename_value(self) -> None:
        """Ask for a new name of the selected value."""
        item = self.current_item()
        if item is None:
            return
        name, ok = QInputDialog.getText(
            self, translate("ListsDialog", "Rename {kind}").format(kind=item.kind.singular),
            translate("ListsDialog", "New name:"), text=item.name)
        if ok and name.strip() and name.strip() != item.name:
            self._rename(item, name.strip())

    def _rename(self, item: LookupItem, name: str) -> None:
        RenameLookupCommand(self._workspace, item, name).run()

    def _set_contact(self, item: LookupItem, person: str, email: str, phone: str) -> None:
        SetContactCommand(self._workspace, item, person, email, phone).run()

    def merge_value(self) -> None:
        """Merge the selected value into another one the user picks."""
        item = self.current_item()
        if item is None:
            return
        others = [other for other in self.model.items() if other.id != item.id]
        if not others:
            self._workspace.error_raised.emit(
                translate("ListsDialog", "There is no other {kind}.").format(
                    kind=item.kind.singular))
            return
        names = [other.name for other in others]
        choice, ok = QInputDialog.getItem(
            self, translate("ListsDialog", "Merge {kind}").format(kind=item.kind.singular),
            translate("ListsDialog", "Move the {count} deal(s) of “{name}” to:").format(
                count=formatting.count(item.deals), name=item.name), names, 0, False)
        if not ok:
            return
        target = others[names.index(choice)]
        answer = QMessageBox.question(
            self, translate("ListsDialog", "Merge"),
            translate("ListsDialog", "Merge “{name}” into “{target}”? {count} deal(s) move and"
                      " “{name}” disappears. You can undo this with Ctrl+Z.").format(
                          name=item.name, target=target.name, count=formatting.count(item.deals)))
        if answer == QMessageBox.StandardButton.Yes:
            MergeLookupCommand(self._workspace, item, target).run()

    def toggle_retired(self) -> None:
        """Retire the selected value, or restore a retired one."""
        item = self.current_item()
        if item is not None:
            SetRetiredCommand(self._workspace, item, not item.retired).run()

    def move_stage(self, step: int) -> None:
        """Move the selected stage up (-1) or down (+1) in the pipeline."""
        row = self.table.currentIndex().row()
        ids = [item.id for item in self.model.items()]
        target = row + step
        if self.kind is not LookupKind.STAGE or not 0 <= row < len(ids) or not (
                0 <= target < len(ids)):
            return
        ids[row], ids[target] = ids[target], ids[row]
        if ReorderStagesCommand(self._workspace, ids).run():
            self.select_row(target)

    def done(self, result: int) -> None:
        self._ui_settings.set_splitter("lists", self.splitter.saveState())
        super().done(result)
