"""The import wizard: file → reading options → column mapping → values and formats → preview
→ import in a worker with a progress dialog and Cancel.

Everything it decides is handed to the store's import engine (store/importing.py), the same
one ``salesdesk import`` uses; nothing is written before the last page's Import button, and
then all valid rows go in one transaction on the worker's own connection.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEventLoop,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from salesdesk.domain.deals import Outcome
from salesdesk.domain.fields import FIELDS
from salesdesk.domain.importing import (
    IMPORT_FIELDS,
    SKIP,
    ColumnMapping,
    Converted,
    DateOrder,
    Preset,
    ReadRules,
    Rejected,
    Skipped,
    describe_number_format,
    detect_mapping,
    mapping_notes,
    normalise_value,
    outcome_of,
    preset_mapping,
    unmapped_headers,
)
from salesdesk.domain.parsing import COMMA_DECIMAL, POINT_DECIMAL
from salesdesk.domain.validation import InputRules
from salesdesk.store import (
    ENCODINGS,
    ImportCancelled,
    ImportPlan,
    ImportSummary,
    Source,
    SourceOptions,
    StoreError,
    UnreadableFile,
    default_rejected_path,
    open_source,
    plan_import,
    preview,
)
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

FILE_FILTER = "Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx);;All files (*)"
NONE_TEXT = "(none)"
PREVIEW_ROWS = 100
SAMPLE_ROWS = 20
VALUE_SCAN_ROWS = 5000
MAX_VALUES = 60
DELIMITER_CHOICES = {",": "Comma", ";": "Semicolon", "\t": "Tab", "|": "Bar"}
OUTCOME_CHOICES = (Outcome.OPEN.value, Outcome.WON.value, Outcome.LOST.value, SKIP)
REJECTED_BRUSH = QBrush(QColor(255, 205, 205))
SKIPPED_BRUSH = QBrush(QColor(225, 225, 225))


@dataclass
class WizardState:
    """What the pages decided so far."""

    path: Path | None = None
    options: SourceOptions = field(default_factory=SourceOptions)
    headers: list[str] = field(default_factory=list)
    sample: list[list[str]] = field(default_factory=list)
    mapping: ColumnMapping = field(default_factory=ColumnMapping)
    plan: ImportPlan | None = None
    rules: ReadRules = field(default_factory=ReadRules)
    on_duplicate: str = "skip"
    rejected_path: Path | None = None


def _sample(source: Source, count: int) -> list[list[str]]:
    rows = []
    for _, cells in source.rows():
        rows.append(cells)
        if len(rows) >= count:
            break
    source.close()
    return rows


def _table(headers: list[str], rows: list[list[str]]) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(headers))
    model.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row[:len(headers)]):
            item = QStandardItem(value.replace("\n", " ⏎ "))
            item.setEditable(False)
            model.setItem(r, c, item)
    return model


# --- page 1: the file ---------------------------------------------------------------------------

class FilePage(QWizardPage):
    """Choose the CSV or XLSX file."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Choose the file")
        self.setSubTitle("A CSV or XLSX export of another CRM (Pipedrive, HubSpot) or a"
                         " spreadsheet with one deal per row and a header row.")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch()

    def browse(self) -> None:
        """Pick a file, starting in the folder of the last import."""
        name, _ = QFileDialog.getOpenFileName(self, "Import deals",
                                              self._wizard.ui_settings.last_import_folder,
                                              FILE_FILTER)
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        path = Path(self.path_edit.text().strip()).expanduser()
        state = self._wizard.state
        try:
            with open_source(path) as source:
                state.options = SourceOptions(source.info.encoding, source.info.delimiter,
                                              source.info.sheet)
        except UnreadableFile as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        state.path = path
        self._wizard.ui_settings.last_import_folder = str(path.parent)
        return True


# --- page 2: how to read it ---------------------------------------------------------------------

class SourcePage(QWizardPage):
    """Encoding and delimiter (CSV) or sheet (XLSX), with the first rows as they read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("How the file reads")
        self.setSubTitle("Detected automatically; change a choice if the rows below look"
                         " wrong.")
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.addItems(list(ENCODINGS))
        self.delimiter = QComboBox()
        for char, name in DELIMITER_CHOICES.items():
            self.delimiter.addItem(name, char)
        self.sheet = QComboBox()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("source_rows")
        form = QFormLayout()
        form.addRow("&Encoding:", self.encoding)
        form.addRow("&Delimiter:", self.delimiter)
        form.addRow("&Sheet:", self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.table)
        self._loading = False
        self.encoding.currentTextChanged.connect(self._reload)
        self.delimiter.currentIndexChanged.connect(self._reload)
        self.sheet.currentTextChanged.connect(self._reload)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        state = self._wizard.state
        self._loading = True
        options = state.options
        is_csv = options.sheet is None
        self.encoding.setEnabled(is_csv)
        self.delimiter.setEnabled(is_csv)
        self.sheet.setEnabled(not is_csv)
        self.sheet.clear()
        if is_csv:
            self.encoding.setCurrentText(options.encoding or "utf-8")
            self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(options.delimiter)))
        else:
            assert state.path is not None
            with open_source(state.path, options) as source:
                self.sheet.addItems(list(source.info.sheets))
            self.sheet.setCurrentText(options.sheet or "")
        self._loading = False
        self._reload()

    def _options(self) -> SourceOptions:
        if self.sheet.isEnabled():
            return SourceOptions(sheet=self.sheet.currentText() or None)
        return SourceOptions(self.encoding.currentText().strip() or None,
                             self.delimiter.currentData())

    def _reload(self) -> None:
        if self._loading:
            return
        state = self._wizard.state
        assert state.path is not None
        try:
            with open_source(state.path, self._options()) as source:
                state.headers = list(source.headers)
                state.sample = _sample(source, SAMPLE_ROWS)
                state.options = SourceOptions(source.info.encoding, source.info.delimiter,
                                              source.info.sheet)
        except UnreadableFile as exc:
            self.error.setText(str(exc))
            state.headers, state.sample = [], []
        else:
            self.error.clear()
        self.table.setModel(_table(state.headers, state.sample))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self._wizard.state.headers)


# --- page 3: which column feeds which field -----------------------------------------------------

class ColumnDelegate(QStyledItemDelegate):
    """Edits the mapping table's column cell with a combo box of the file's headers."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([NONE_TEXT, *self._wizard.state.headers])
        return combo

    def setEditorData(self, editor: QWidget,  # noqa: N802 - Qt API
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or NONE_TEXT))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
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

    def initializePage(self) -> None:  # noqa: N802 - Qt API
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

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self._wizard.ui_settings.last_import_mapping = self._wizard.state.mapping.to_dict()
        return True


# --- page 4: values and formats -----------------------------------------------------------------

class ValuesPage(QWizardPage):
    """What the outcome column's values mean, and how dates and amounts are written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Values and formats")
        self.setSubTitle("Outcome values not listed as won or lost count as open. Date and"
                         " number formats were inferred from the whole column.")
        self.values = QStandardItemModel(0, 2)
        self.values.setHorizontalHeaderLabels(["Value in the file", "Means"])
        self.values_table = QTableView()
        self.values_table.setObjectName("outcome_values")
        self.values_table.setModel(self.values)
        self.values_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.values_table.verticalHeader().hide()
        self.formats = QFormLayout()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.values_table)
        layout.addLayout(self.formats)
        layout.addWidget(self.notes)
        self.date_combos: dict[str, QComboBox] = {}
        self.number_combo = QComboBox()
        self.outcome_combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        state = self._wizard.state
        assert state.path is not None
        with self._wizard.busy():
            try:
                state.plan = plan_import(state.path, state.options, state.mapping)
            except (UnreadableFile, ValueError) as exc:
                self.notes.setText(str(exc))
                state.plan = None
                return
        plan = state.plan
        state.rules = plan.rules
        self._fill_values(plan)
        while self.formats.rowCount():
            self.formats.removeRow(0)
        self.date_combos = {}
        ambiguous = [n for n in plan.notes if "fit both" in n]
        for header, order in plan.rules.date_orders.items():
            combo = QComboBox()
            for choice in DateOrder:
                combo.addItem(choice.value, choice)
            combo.setCurrentIndex(list(DateOrder).index(order))
            combo.currentIndexChanged.connect(self._update_rules)
            label = f"Dates in {header}:"
            if any(f"{header!r}" in n for n in ambiguous):
                label = f"Dates in {header} (ambiguous — check):"
            self.formats.addRow(label, combo)
            self.date_combos[header] = combo
        self.number_combo = QComboBox()
        for number_format in (POINT_DECIMAL, COMMA_DECIMAL):
            self.number_combo.addItem(describe_number_format(number_format), number_format)
        self.number_combo.setCurrentIndex(0 if plan.rules.number_format == POINT_DECIMAL else 1)
        self.number_combo.currentIndexChanged.connect(self._update_rules)
        if "amount" in plan.mapping.columns:
            self.formats.addRow("Amounts like:", self.number_combo)
        self.notes.setText("\n".join(plan.notes))

    def _fill_values(self, plan: ImportPlan) -> None:
        self.values.removeRows(0, self.values.rowCount())
        self.outcome_combos = {}
        headers = {plan.mapping.columns.get(f) for f in ("outcome", "stage")} - {None}
        positions = [plan.headers.index(h) for h in headers if h in plan.headers]
        found: dict[str, str] = {}
        with open_source(plan.path, plan.source_options) as source:
            for count, (_, cells) in enumerate(source.rows()):
                for position in positions:
                    value = cells[position].strip() if position < len(cells) else ""
                    if value:
                        found.setdefault(normalise_value(value), value)
                if count >= VALUE_SCAN_ROWS or len(found) >= MAX_VALUES:
                    break
            source.close()
        for key, value in sorted(found.items()):
            item = QStandardItem(value)
            item.setEditable(False)
            self.values.appendRow([item, QStandardItem("")])
            combo = QComboBox()
            combo.addItems(list(OUTCOME_CHOICES))
            combo.setCurrentText(outcome_of(plan.mapping, value))
            combo.currentTextChanged.connect(self._update_rules)
            self.values_table.setIndexWidget(self.values.index(self.values.rowCount() - 1, 1),
                                             combo)
            self.outcome_combos[key] = combo

    def set_outcome(self, value: str, outcome: str) -> None:
        """Choose what a value of the outcome column means."""
        self.outcome_combos[normalise_value(value)].setCurrentText(outcome)

    def set_date_order(self, header: str, order: DateOrder) -> None:
        """Choose how a date column is written."""
        self.date_combos[header].setCurrentIndex(list(DateOrder).index(order))

    def _update_rules(self) -> None:
        state = self._wizard.state
        state.mapping = state.mapping.with_outcome_values(
            {key: combo.currentText() for key, combo in self.outcome_combos.items()})
        state.rules = ReadRules(
            {h: DateOrder(combo.currentData()) for h, combo in self.date_combos.items()},
            None, self.number_combo.currentData() or POINT_DECIMAL)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self._wizard.state.plan is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self._update_rules()
        state = self._wizard.state
        if state.plan is None:
            return False
        state.plan = replace(state.plan, mapping=state.mapping, rules=state.rules)
        return True


# --- page 5: preview ----------------------------------------------------------------------------

class PreviewPage(QWizardPage):
    """The first rows as they would import, problems highlighted; what to do with duplicates."""

    COLUMNS = ("Row", "Result", "Title", "Client", "Outcome", "First contact", "Closed on",
               "Amount")

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Preview")
        self.setSubTitle(f"The first {PREVIEW_ROWS} rows. Red rows will be rejected and written"
                         " to the rejected-rows file with the reason; nothing is imported"
                         " before you click Import.")
        self.model = QStandardItemModel(0, len(self.COLUMNS))
        self.model.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table = QTableView()
        self.table.setObjectName("import_preview")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("on_duplicate")
        self.duplicates.addItem("Skip them", "skip")
        self.duplicates.addItem("Update them from the file", "update")
        self.rejected = QLineEdit()
        self.rejected.setObjectName("rejected_path")
        self.counts = QLabel()
        form = QFormLayout()
        form.addRow("Deals already in the database:", self.duplicates)
        form.addRow("Rejected rows to:", self.rejected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.counts)
        layout.addLayout(form)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Import")

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        state = self._wizard.state
        assert state.plan is not None and state.path is not None
        self.rejected.setText(str(default_rejected_path(state.path)))
        self.model.removeRows(0, self.model.rowCount())
        rows = preview(state.plan, self._wizard.input_rules, PREVIEW_ROWS)
        rejected = skipped = 0
        for row in rows:
            result = row.result
            if isinstance(result, Converted):
                deal = result.deal
                texts = ["ok", deal.title, deal.client or "", deal.outcome.value,
                         deal.first_contact.isoformat() if deal.first_contact else "",
                         deal.closed_on.isoformat() if deal.closed_on else "",
                         "" if deal.amount is None else f"{deal.amount} {deal.currency}"]
                if deal.first_contact_inferred:
                    texts[4] += " (created)"
                brush = None
            elif isinstance(result, Skipped):
                skipped += 1
                texts = [f"skipped: {result.reason}", "", "", "", "", "", ""]
                brush = SKIPPED_BRUSH
            else:
                assert isinstance(result, Rejected)
                rejected += 1
                texts = [f"rejected: {result.reason()}", "", "", "", "", "", ""]
                brush = REJECTED_BRUSH
            items = [QStandardItem(str(row.number)), *(QStandardItem(t) for t in texts)]
            for item in items:
                item.setEditable(False)
                if brush is not None:
                    item.setBackground(brush)
                    item.setToolTip(texts[0])
            self.model.appendRow(items)
        self.counts.setText(f"Of the first {len(rows)} rows: {len(rows) - rejected - skipped}"
                            f" ready, {rejected} rejected, {skipped} skipped.")

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        state = self._wizard.state
        state.on_duplicate = self.duplicates.currentData()
        text = self.rejected.text().strip()
        state.rejected_path = Path(text).expanduser() if text else None
        return self._wizard.run_import()


# --- the import itself --------------------------------------------------------------------------

class ImportWorker(QThread):
    """Runs the import on its own connection; Cancel rolls the transaction back."""

    progressed = Signal(int, float)

    def __init__(self, workspace: Workspace, plan: ImportPlan, input_rules: InputRules,
                 on_duplicate: str, rejected_path: Path | None) -> None:
        super().__init__()
        self._store = workspace.store
        self._today = workspace.today()
        self._plan = plan
        self._rules = input_rules
        self._on_duplicate = on_duplicate
        self._rejected = rejected_path
        self._cancel = threading.Event()
        self.summary: ImportSummary | None = None
        self.error: str | None = None
        self.cancelled = False

    def cancel(self) -> None:
        """Ask the import to stop; it rolls back at the next batch."""
        self._cancel.set()

    def run(self) -> None:
        """The import (in the worker thread)."""
        try:
            store = self._store.reopen()
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost
            self.error = f"The file cannot be opened for the import: {exc}"
            return
        try:
            self.summary = store.import_deals(
                self._plan, self._rules, self._today, on_duplicate=self._on_duplicate,
                rejected_path=self._rejected, progress=self.progressed.emit,
                cancelled=self._cancel.is_set)
        except ImportCancelled:
            self.cancelled = True
        except (StoreError, OSError, ValueError) as exc:
            self.error = f"Nothing was imported: {exc}"
        except Exception as exc:  # noqa: BLE001 - e.g. sqlite3 errors; the transaction rolled back
            self.error = f"Nothing was imported: {exc}"
        finally:
            store.close()


class ImportWizard(QWizard):
    """The import wizard; ``summary`` holds the result after a successful import."""

    def __init__(self, workspace: Workspace, ui_settings: UiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle("Import deals")
        self.workspace = workspace
        self.ui_settings = ui_settings
        self.input_rules = workspace.input_rules()
        self.state = WizardState()
        self.summary: ImportSummary | None = None
        self.worker: ImportWorker | None = None
        self.file_page = FilePage(self)
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.values_page = ValuesPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.source_page, self.mapping_page, self.values_page,
                     self.preview_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(860, 620)

    def busy(self) -> _Busy:
        """A wait cursor for the duration of a ``with`` block."""
        return _Busy()

    def run_import(self) -> bool:
        """Import in a worker while a progress dialog (with Cancel) keeps the window alive;
        True when the import was committed."""
        state = self.state
        assert state.plan is not None
        worker = ImportWorker(self.workspace, state.plan, self.input_rules,
                              state.on_duplicate, state.rejected_path)
        self.worker = worker
        dialog = QProgressDialog("Importing deals…", "Cancel", 0, 1000, self)
        dialog.setObjectName("import_progress")
        dialog.setWindowTitle("Import")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(worker.cancel)

        def show(rows: int, fraction: float) -> None:
            dialog.setLabelText(f"Importing deals… {rows:,} rows read")
            dialog.setValue(min(999, int(fraction * 1000)))

        worker.progressed.connect(show)
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        worker.start()
        if not worker.isFinished():
            loop.exec()
        worker.wait()
        dialog.reset()
        dialog.deleteLater()
        if worker.cancelled:
            QMessageBox.information(self, "Import cancelled",
                                    "The import was cancelled: nothing was changed.")
            return False
        if worker.error is not None or worker.summary is None:
            QMessageBox.warning(self, "Import failed", worker.error or "Nothing was imported.")
            return False
        self.summary = worker.summary
        return True


class _Busy:
    def __enter__(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.restoreOverrideCursor()


def summary_text(summary: ImportSummary) -> str:
    """The message shown after an import."""
    lines = [f"Imported {summary.imported} deals."]
    if summary.duplicates:
        lines.append(f"{summary.duplicates} rows matched deals already in the file"
                     f" ({summary.updated} updated).")
    if summary.rejected:
        lines.append(f"{summary.rejected} rows were rejected; they are in"
                     f" {summary.rejected_file} with the reasons, to fix and import again.")
    lines.extend(n for n in summary.notes if n.startswith(("Skipped", "No first-contact")))
    return "\n".join(lines)
