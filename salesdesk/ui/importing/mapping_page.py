"""Page 3 of the import wizard: which column of the file feeds which salesdesk field, with
presets (detected, built in, saved by the user)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from salesdesk.domain.fields import FIELDS
from salesdesk.domain.importing import (
    IMPORT_FIELDS,
    ColumnMapping,
    Preset,
    detect_mapping,
    mapping_notes,
    preset_mapping,
    unmapped_headers,
)

if TYPE_CHECKING:
    from salesdesk.ui.importing.wizard import ImportWizard

NONE_TEXT = "(none)"


class ColumnDelegate(QStyledItemDelegate):
    """Edits the mapping table's column cell with a combo box of the file's headers."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([NONE_TEXT, *self._wizard.state.headers])
        return combo

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or NONE_TEXT))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class MappingPage(QWizardPage):
    """One row per salesdesk field: the column it is read from and a sample value."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Columns")
        self.setSubTitle("Which column holds each field. One column may feed several fields"
                         " (a status column gives stage and outcome).")
        self.preset = QComboBox()
        self.preset.setObjectName("import_preset")
        self.preset.activated.connect(self._apply_preset)
        save = QPushButton("Save as &Preset…")
        save.clicked.connect(self.save_preset)
        row = QHBoxLayout()
        row.addWidget(QLabel("&Preset:"))
        row.addWidget(self.preset, 1)
        row.addWidget(save)
        self.model = QStandardItemModel(0, 3)
        self.model.setHorizontalHeaderLabels(["Field", "Column", "First value"])
        self.table = QTableView()
        self.table.setObjectName("import_mapping")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, ColumnDelegate(wizard))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("mapping_notes")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)
        self._filling = False
        self.model.itemChanged.connect(self._on_item_changed)

    def initializePage(self) -> None:
        state = self._wizard.state
        detected = detect_mapping(state.headers)
        self.preset.clear()
        self.preset.addItem(f"Detected ({detected.preset})", ("detected", ""))
        for preset in Preset:
            self.preset.addItem(preset.value.capitalize(), ("builtin", preset.value))
        for name in sorted(self._wizard.ui_settings.import_presets):
            self.preset.addItem(f"Saved: {name}", ("saved", name))
        mapping = detected
        remembered = self._usable(self._wizard.ui_settings.last_import_mapping)
        if remembered is not None and detected.preset == Preset.PLAIN:
            # A plain spreadsheet like the last one: the user's earlier choices win where
            # this file has those columns; detection fills in the rest.
            for field_name, header in remembered.columns.items():
                mapping = mapping.with_column(field_name, header)
        self.set_mapping(mapping)

    def _usable(self, data: dict[str, Any]) -> ColumnMapping | None:
        """A saved mapping restricted to this file's columns (None when it is malformed)."""
        try:
            mapping = ColumnMapping.from_dict(data)
        except ValueError:
            return None
        headers = set(self._wizard.state.headers)
        columns = {f: h for f, h in mapping.columns.items() if h in headers}
        return replace(
            mapping, columns=columns,
            fallbacks={f: tuple(h for h in hs if h in headers)
                       for f, hs in mapping.fallbacks.items() if f in columns},
            created_column=mapping.created_column if mapping.created_column in headers
            else None,
            stage_dates=tuple(p for p in mapping.stage_dates if p[0] in headers))

    def _apply_preset(self) -> None:
        kind, name = self.preset.currentData()
        headers = self._wizard.state.headers
        if kind == "builtin":
            self.set_mapping(preset_mapping(Preset(name), headers))
        elif kind == "saved":
            mapping = self._usable(self._wizard.ui_settings.import_presets[name])
            if mapping is not None:
                self.set_mapping(mapping)
        else:
            self.set_mapping(detect_mapping(headers))

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Show ``mapping`` in the table."""
        state = self._wizard.state
        state.mapping = mapping
        self._filling = True
        self.model.removeRows(0, self.model.rowCount())
        first = state.sample[0] if state.sample else []
        for field_name in IMPORT_FIELDS:
            label = QStandardItem(FIELDS[field_name].label)
            label.setEditable(False)
            label.setData(field_name, Qt.ItemDataRole.UserRole)
            header = mapping.columns.get(field_name)
            column = QStandardItem(header or NONE_TEXT)
            sample = ""
            if header in state.headers:
                position = state.headers.index(header)
                sample = first[position] if position < len(first) else ""
            value = QStandardItem(sample)
            value.setEditable(False)
            self.model.appendRow([label, column, value])
        self._filling = False
        self._show_notes()

    def set_column(self, field_name: str, header: str | None) -> None:
        """Feed ``field_name`` from ``header`` (None: from no column), as the table does."""
        row = IMPORT_FIELDS.index(field_name)
        item = self.model.item(row, 1)
        assert item is not None
        item.setText(header or NONE_TEXT)

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.column() != 1:
            return
        field_name = IMPORT_FIELDS[item.row()]
        header = item.text() if item.text() != NONE_TEXT else None
        state = self._wizard.state
        state.mapping = state.mapping.with_column(field_name, header)
        self._filling = True
        sample_item = self.model.item(item.row(), 2)
        if sample_item is not None:
            first = state.sample[0] if state.sample else []
            position = state.headers.index(header) if header in state.headers else None
            sample_item.setText(first[position] if position is not None
                                and position < len(first) else "")
        self._filling = False
        self._show_notes()

    def _show_notes(self) -> None:
        state = self._wizard.state
        notes = mapping_notes(state.mapping)
        unused = unmapped_headers(state.headers, state.mapping)
        if unused:
            notes.append("Not imported: " + ", ".join(unused) + ".")
        self.notes.setText("\n".join(notes))

    def save_preset(self) -> None:
        """Remember the mapping under a name (this computer's settings)."""
        name, ok = QInputDialog.getText(self, "Save preset", "Name of the mapping preset:")
        if ok and name.strip():
            self._wizard.ui_settings.save_import_preset(name.strip(),
                                                        self._wizard.state.mapping.to_dict())
            self.preset.addItem(f"Saved: {name.strip()}", ("saved", name.strip()))

    def validatePage(self) -> bool:
        self._wizard.ui_settings.last_import_mapping = self._wizard.state.mapping.to_dict()
        return True
