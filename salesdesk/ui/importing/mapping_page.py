"""Page 3 of the import wizard: which column of the file feeds which salesdesk field, with
presets (detected, built in, saved by the user in the presets folder ``salesdesk import
--preset NAME`` reads too). A file without a header row starts from what its values suggest.
The notes say what is left unmapped, and warn when no outcome, stage or date column is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from salesdesk import paths
from salesdesk.domain.fields import FIELDS
from salesdesk.domain.importing import (
    IMPORT_FIELDS,
    ColumnMapping,
    Note,
    Preset,
    detect_mapping,
    guess_mapping,
    mapping_notes,
    missing_essentials,
    preset_mapping,
    unmapped_fields,
    unmapped_headers,
)
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store import PresetError, save_preset, saved_presets
from salesdesk.ui.importing.source_pages import ERROR_STYLE

if TYPE_CHECKING:
    from salesdesk.ui.importing.wizard import ImportWizard

# The built-in presets' names; shown through translate("ImportMappingPage", name).
PRESET_NAMES = {Preset.PIPEDRIVE: QT_TRANSLATE_NOOP("ImportMappingPage", "Pipedrive"),
                Preset.HUBSPOT: QT_TRANSLATE_NOOP("ImportMappingPage", "HubSpot"),
                Preset.PLAIN: QT_TRANSLATE_NOOP("ImportMappingPage", "Plain")}


def none_text() -> str:
    """What the column cell of a field no column feeds says."""
    return translate("ImportMappingPage", "(none)")


def field_names(names: Sequence[str]) -> str:
    """Fields named in a sentence: "outcome, stage, first contact"."""
    return ", ".join(FIELDS[name].caption.lower() for name in names)


def missing_text(missing: Sequence[str]) -> str:
    """The warning when no outcome, stage or date column is mapped (empty when one is)."""
    if not missing:
        return ""
    return translate(
        "ImportMappingPage", "No outcome, stage or date column is mapped: every row would be"
        " imported as an open deal without dates. Not found: {fields}. Choose their columns"
        " above if the file has them.").format(fields=field_names(missing))


def saved_text(name: str) -> str:
    """How the preset choice names a preset the user saved."""
    return translate("ImportMappingPage", "Saved: {name}").format(name=name)


class ColumnDelegate(QStyledItemDelegate):
    """Edits the mapping table's column cell with a combo box of the file's headers."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(translate("ImportMappingPage", "Column"))
        combo.addItems([none_text(), *self._wizard.state.headers])
        return combo

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or none_text()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class MappingPage(QWizardPage):
    """One row per salesdesk field: the column it is read from and a sample value."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("ImportMappingPage", "Columns"))
        self.setSubTitle(translate(
            "ImportMappingPage", "Which column holds each field. One column may feed several"
            " fields (a status column gives stage and outcome)."))
        self.preset = QComboBox()
        self.preset.setObjectName("import_preset")
        self.preset.activated.connect(self._apply_preset)
        save = QPushButton(translate("ImportMappingPage", "Sa&ve as Preset…"))
        save.clicked.connect(self.save_preset)
        preset_label = QLabel(translate("ImportMappingPage", "&Preset:"))
        preset_label.setBuddy(self.preset)
        row = QHBoxLayout()
        row.addWidget(preset_label)
        row.addWidget(self.preset, 1)
        row.addWidget(save)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([translate("ImportMappingPage", "Field"),
                                              translate("ImportMappingPage", "Column"),
                                              translate("ImportMappingPage", "First value")])
        self.table = QTableView()
        self.table.setObjectName("import_mapping")
        self.table.setAccessibleName(translate("ImportMappingPage", "Column of each field"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, ColumnDelegate(wizard))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("mapping_notes")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("mapping_warning")
        self.warning.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.warning)
        layout.addWidget(self.notes)
        self._filling = False
        self._guessed: list[Note] = []  # what a headerless file's values suggested
        self._saved: dict[str, ColumnMapping] = {}
        self.model.itemChanged.connect(self._on_item_changed)

    def _detected(self) -> tuple[ColumnMapping, list[Note]]:
        """The mapping the file suggests: its headers', or a headerless file's values'."""
        state = self._wizard.state
        if state.options.no_header:
            return guess_mapping(state.headers, state.sample)
        return detect_mapping(state.headers), []

    def initializePage(self) -> None:
        detected, self._guessed = self._detected()
        self._saved = saved_presets(paths.import_presets_dir())
        self.preset.clear()
        if self._guessed:
            detected_text = translate("ImportMappingPage", "Detected (guessed from the values)")
        else:
            detected_text = translate("ImportMappingPage", "Detected ({preset})").format(
                preset=detected.preset)
        self.preset.addItem(detected_text, ("detected", ""))
        for preset in Preset:
            self.preset.addItem(translate("ImportMappingPage", PRESET_NAMES[preset]),
                                ("builtin", preset.value))
        for name in sorted(self._saved, key=str.casefold):
            self.preset.addItem(saved_text(name), ("saved", name))
        mapping = detected
        try:
            remembered = self._usable(ColumnMapping.from_dict(
                self._wizard.ui_settings.last_import_mapping))
        except ValueError:
            remembered = None
        if remembered is not None and detected.preset == Preset.PLAIN and not self._guessed:
            # A plain spreadsheet like the last one: the user's earlier choices win where
            # this file has those columns; detection fills in the rest.
            for field_name, header in remembered.columns.items():
                mapping = mapping.with_column(field_name, header)
        self.set_mapping(mapping)

    def _usable(self, mapping: ColumnMapping) -> ColumnMapping:
        """A saved mapping restricted to this file's columns."""
        headers = set(self._wizard.state.headers)
        columns = {f: h for f, h in mapping.columns.items() if h in headers}
        return replace(
            mapping, columns=columns,
            fallbacks={f: tuple(h for h in hs if h in headers)
                       for f, hs in mapping.fallbacks.items() if f in columns},
            created_column=mapping.created_column if mapping.created_column in headers
            else None,
            stage_dates=tuple(p for p in mapping.stage_dates if p[0] in headers),
            won_column=mapping.won_column if mapping.won_column in headers else None,
            closed_column=mapping.closed_column if mapping.closed_column in headers else None)

    def _apply_preset(self) -> None:
        kind, name = self.preset.currentData()
        headers = self._wizard.state.headers
        if kind == "builtin":
            self.set_mapping(preset_mapping(Preset(name), headers))
        elif kind == "saved":
            self.set_mapping(self._usable(self._saved[name]))
        else:
            self.set_mapping(self._detected()[0])

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Show ``mapping`` in the table."""
        state = self._wizard.state
        state.mapping = mapping
        self._filling = True
        self.model.removeRows(0, self.model.rowCount())
        first = state.sample[0] if state.sample else []
        for field_name in IMPORT_FIELDS:
            label = QStandardItem(FIELDS[field_name].caption)
            label.setToolTip(FIELDS[field_name].help_text)
            label.setEditable(False)
            label.setData(field_name, Qt.ItemDataRole.UserRole)
            header = mapping.columns.get(field_name)
            column = QStandardItem(header or none_text())
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
        item.setText(header or none_text())

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.column() != 1:
            return
        field_name = IMPORT_FIELDS[item.row()]
        header = item.text() if item.text() != none_text() else None
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
        self.warning.setText(missing_text(missing_essentials(state.mapping)))
        notes: list[str] = [*self._guessed, *mapping_notes(state.mapping)]
        unused = unmapped_headers(state.headers, state.mapping)
        if unused:
            notes.append(translate("ImportMappingPage", "Columns not imported: {columns}."
                                   ).format(columns=", ".join(unused)))
        unmapped = unmapped_fields(state.mapping)
        if unmapped:
            notes.append(translate("ImportMappingPage", "Fields no column feeds: {fields}."
                                   ).format(fields=field_names(unmapped)))
        self.notes.setText("\n".join(notes))

    def save_preset(self) -> None:
        """Save the mapping under a name, in the presets folder ``salesdesk import --preset
        NAME`` reads too."""
        name, ok = QInputDialog.getText(self, translate("ImportMappingPage", "Save preset"),
                                        translate("ImportMappingPage",
                                                  "Name of the mapping preset:"))
        name = name.strip()
        if not ok or not name:
            return
        mapping = self._wizard.state.mapping
        try:
            save_preset(paths.import_presets_dir(), name, mapping)
        except PresetError as exc:
            QMessageBox.warning(self, translate("ImportMappingPage", "Preset not saved"),
                                str(exc))
            return
        if name not in self._saved:
            self.preset.addItem(saved_text(name), ("saved", name))
        self._saved[name] = mapping

    def validatePage(self) -> bool:
        self._wizard.ui_settings.last_import_mapping = self._wizard.state.mapping.to_dict()
        return True
