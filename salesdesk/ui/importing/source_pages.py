"""Pages 1 and 2 of the import wizard: the file, and how it reads (encoding and delimiter, or
the sheet, and whether its first row names the columns), with its first rows. A first row that
looks like data is asked about. The file is read in workers: opening a large XLSX takes
seconds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from salesdesk.domain.importing import looks_headerless
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store import ENCODINGS, Source, SourceOptions, open_source
from salesdesk.ui.tasks import TaskContext

if TYPE_CHECKING:
    from salesdesk.ui.importing.wizard import ImportWizard

# Shown through translate("ImportFilePage", FILE_FILTER) and translate("ImportSourcePage",
# name).
FILE_FILTER = QT_TRANSLATE_NOOP("ImportFilePage",
                                "Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx);;All files (*)")
SAMPLE_ROWS = 20
DELIMITER_CHOICES = {",": QT_TRANSLATE_NOOP("ImportSourcePage", "Comma"),
                     ";": QT_TRANSLATE_NOOP("ImportSourcePage", "Semicolon"),
                     "\t": QT_TRANSLATE_NOOP("ImportSourcePage", "Tab"),
                     "|": QT_TRANSLATE_NOOP("ImportSourcePage", "Bar")}
ERROR_STYLE = "color: #b00020"


def _read_options(source: Source) -> SourceOptions:
    """How ``source`` was read (what was detected, or chosen)."""
    return SourceOptions(source.info.encoding, source.info.delimiter, source.info.sheet,
                         source.no_header)


@dataclass(frozen=True, slots=True)
class _Rows:
    """The first rows of the file as one set of options reads them."""

    headers: list[str]
    sample: list[list[str]]
    options: SourceOptions
    sheets: list[str]
    headerless: bool  # the first row looks like data, not column names


def _first_rows(path: Path, options: SourceOptions) -> _Rows:
    """Read the header and the first SAMPLE_ROWS rows (in a worker)."""
    with open_source(path, options) as source:
        sample = []
        for _, cells in source.rows():
            sample.append(cells)
            if len(sample) >= SAMPLE_ROWS:
                break
        return _Rows(list(source.headers), sample, _read_options(source),
                     list(source.info.sheets),
                     not source.no_header and looks_headerless(source.headers))


def reading_label(path: Path) -> str:
    """The progress text while ``path`` is read."""
    return translate("ImportWizard", "Reading {file}…").format(file=path.name)


def _table(headers: list[str], rows: list[list[str]], parent: QObject) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(headers), parent)
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
        self._detected: Path | None = None  # the file whose reading options were read
        self.setTitle(translate("ImportFilePage", "Choose the file"))
        self.setSubTitle(translate(
            "ImportFilePage", "A CSV or XLSX export of another CRM (Pipedrive, HubSpot) or a"
            " spreadsheet with one deal per row and a header row."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setAccessibleName(translate("ImportFilePage", "File to import"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(translate("ImportFilePage", "&Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch()

    def browse(self) -> None:
        """Pick a file, starting in the folder of the last import."""
        name, _ = QFileDialog.getOpenFileName(self, translate("ImportFilePage", "Import deals"),
                                              self._wizard.ui_settings.last_import_folder,
                                              translate("ImportFilePage", FILE_FILTER))
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        # Next detects how the file reads in a worker, then moves on by itself.
        path = Path(self.path_edit.text().strip()).expanduser()
        if path == self._detected:
            return True

        def detect(ctx: TaskContext) -> SourceOptions:
            with open_source(path) as source:
                return _read_options(source)

        def detected(options: SourceOptions) -> None:
            self.error.clear()
            state = self._wizard.state
            state.options = options
            state.path = path
            self._wizard.ui_settings.last_import_folder = str(path.parent)
            self._detected = path
            self._wizard.next()

        self._wizard.read(detect, detected, lambda exc: self.error.setText(str(exc)),
                          label=reading_label(path))
        return False


# --- page 2: how to read it ---------------------------------------------------------------------

class SourcePage(QWizardPage):
    """Encoding and delimiter (CSV) or sheet (XLSX), with the first rows as they read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("ImportSourcePage", "How the file reads"))
        self.setSubTitle(translate("ImportSourcePage", "Detected automatically; change a choice"
                                   " if the rows below look wrong."))
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.addItems(list(ENCODINGS))
        self.delimiter = QComboBox()
        for char, name in DELIMITER_CHOICES.items():
            self.delimiter.addItem(translate("ImportSourcePage", name), char)
        self.sheet = QComboBox()
        self.no_header = QCheckBox(translate("ImportSourcePage",
                                             "First &row is data, not column names"))
        self.no_header.setObjectName("no_header")
        self.question = QLabel()
        self.question.setObjectName("headerless_question")
        self.question.setWordWrap(True)
        self.question.setStyleSheet(ERROR_STYLE)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("source_rows")
        self.table.setAccessibleName(translate("ImportSourcePage", "First rows of the file"))
        form = QFormLayout()
        form.addRow(translate("ImportSourcePage", "&Encoding:"), self.encoding)
        form.addRow(translate("ImportSourcePage", "&Delimiter:"), self.delimiter)
        form.addRow(translate("ImportSourcePage", "&Sheet:"), self.sheet)
        form.addRow("", self.no_header)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.question)
        layout.addWidget(self.error)
        layout.addWidget(self.table)
        self._loading = False
        self.encoding.currentTextChanged.connect(self._reload)
        self.delimiter.currentIndexChanged.connect(self._reload)
        self.sheet.currentTextChanged.connect(self._reload)
        self.no_header.toggled.connect(self._reload)

    def initializePage(self) -> None:
        options = self._wizard.state.options
        self._loading = True
        is_csv = options.sheet is None
        self.encoding.setEnabled(is_csv)
        self.delimiter.setEnabled(is_csv)
        self.sheet.setEnabled(not is_csv)
        self.sheet.clear()  # the sheets are listed once the file is read
        if is_csv:
            self.encoding.setCurrentText(options.encoding or "utf-8")
            self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(options.delimiter)))
        self.no_header.setChecked(options.no_header)
        self._loading = False
        self._read(options)

    def _options(self) -> SourceOptions:
        no_header = self.no_header.isChecked()
        if self.sheet.isEnabled():
            return SourceOptions(sheet=self.sheet.currentText() or None, no_header=no_header)
        return SourceOptions(self.encoding.currentText().strip() or None,
                             self.delimiter.currentData(), no_header=no_header)

    def _reload(self) -> None:
        if not self._loading:
            self._read(self._options())

    def _read(self, options: SourceOptions) -> None:
        state = self._wizard.state
        path = state.path
        assert path is not None
        state.headers, state.sample = [], []  # incomplete until the rows are read
        self.completeChanged.emit()

        def shown(rows: _Rows) -> None:
            self.error.clear()
            self.question.setText(translate(
                "ImportSourcePage", "The first row looks like data, not column names (a"
                " database dump?). If it is, tick “First row is data”: the columns are then"
                " called column 1, column 2, … and their fields guessed from their values.")
                if rows.headerless else "")
            state.headers, state.sample, state.options = rows.headers, rows.sample, rows.options
            if rows.options.sheet is not None and self.sheet.count() == 0:
                self._loading = True
                self.sheet.addItems(rows.sheets)
                self.sheet.setCurrentText(rows.options.sheet)
                self._loading = False
            self._show_rows(state.headers, state.sample)
            self.completeChanged.emit()

        def failed(error: Exception) -> None:
            self.error.setText(str(error))
            self._show_rows([], [])

        self._wizard.read(lambda ctx: _first_rows(path, options), shown, failed,
                          label=reading_label(path), key="first rows")

    def _show_rows(self, headers: list[str], rows: list[list[str]]) -> None:
        previous = self.table.model()
        self.table.setModel(_table(headers, rows, self))
        if previous is not None:
            previous.deleteLater()

    def isComplete(self) -> bool:
        return bool(self._wizard.state.headers)
