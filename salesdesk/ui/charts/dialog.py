"""The chart export dialog: format, picture size, file; remembers the last folder and format.

A failed save (unwritable folder, full disk) is reported in the dialog, which stays open so
the user can pick another place; no partial file is left (export.py writes through
salesdesk.files).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.i18n import translate
from salesdesk.ui.charts.base import ChartWidget
from salesdesk.ui.charts.data import ChartFigures
from salesdesk.ui.charts.export import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    MAX_PIXELS,
    ExportFormat,
    export_chart,
)
from salesdesk.ui.ui_settings import UiSettings


class ChartExportDialog(QDialog):
    """Export the chart ``chart`` draws (its figures, or ``figures`` when given).

    After ``exec()`` returns Accepted, :attr:`saved_path` is the file written.
    """

    def __init__(self, chart: ChartWidget, settings: UiSettings,
                 figures: ChartFigures | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ChartExportDialog", "Export chart — {title}").format(
            title=chart.title()))
        self._chart = chart
        self._figures = figures or chart.figures
        self._settings = settings
        self._chosen_in_dialog = ""  # the file dialog asked about replacing this one already
        self.saved_path: Path | None = None

        self.format_box = QComboBox(self)
        for form in ExportFormat:
            self.format_box.addItem(f"{form.description} (.{form.value})", form.value)
        self.width_box = self._size_box(DEFAULT_WIDTH)
        self.height_box = self._size_box(DEFAULT_HEIGHT)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×", self))
        size_row.addWidget(self.height_box)
        size_row.addWidget(QLabel(translate("ChartExportDialog", "pixels"), self))
        size_row.addStretch(1)
        self.path_edit = QLineEdit(self)
        self.path_edit.setMinimumWidth(380)
        browse = QPushButton(translate("ChartExportDialog", "C&hoose…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()

        form_layout = QFormLayout()
        form_layout.addRow(translate("ChartExportDialog", "&Format:"), self.format_box)
        for text, row, buddy in ((translate("ChartExportDialog", "Si&ze:"), size_row,
                                  self.width_box),
                                 (translate("ChartExportDialog", "F&ile:"), file_row,
                                  self.path_edit)):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form_layout.addRow(label, row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        last = settings.last_export_format
        self.set_format(ExportFormat(last) if last in set(ExportFormat) else ExportFormat.PNG)
        folder = Path(settings.last_export_folder or Path.home())
        self.path_edit.setText(str(folder / self._suggested_name()))
        self.format_box.currentIndexChanged.connect(self._on_format_changed)

    def _size_box(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(16, MAX_PIXELS)
        box.setValue(value)
        box.setSingleStep(10)
        return box

    # --- state ---------------------------------------------------------------------------------

    def export_format(self) -> ExportFormat:
        """The chosen format."""
        return ExportFormat(str(self.format_box.currentData()))

    def set_format(self, form: ExportFormat) -> None:
        """Choose ``form`` (the file name's extension follows)."""
        self.format_box.setCurrentIndex(self.format_box.findData(form.value))
        self._on_format_changed()

    def _suggested_name(self) -> str:
        return f"{self._chart.chart_id.value}-{dt.date.today().isoformat()}.{self.export_format()}"

    def _on_format_changed(self) -> None:
        form = self.export_format()
        # PDF is an A4 page and CSV has no picture: the size applies to PNG and SVG only.
        for box in (self.width_box, self.height_box):
            box.setEnabled(form in (ExportFormat.PNG, ExportFormat.SVG))
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{form.value}")))

    def _on_browse_clicked(self) -> None:
        form = self.export_format()
        name, _ = QFileDialog.getSaveFileName(
            self, translate("ChartExportDialog", "Export chart"), self.path_edit.text(),
            f"{form.description} (*.{form.value})")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower().lstrip(".") != form.value:
            path = path.with_suffix(f".{form.value}")
        self._chosen_in_dialog = str(path)
        self.path_edit.setText(str(path))

    # --- saving --------------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()

    def save(self) -> bool:
        """Write the file as chosen; on failure say why in the dialog and return False."""
        text = self.path_edit.text().strip()
        if not text:
            self._show_error(translate("ChartExportDialog", "Choose a file to save to."))
            return False
        if self._figures is None:
            self._show_error(translate("ChartExportDialog", "The chart has no figures yet."))
            return False
        path = Path(text).expanduser()
        form = self.export_format()
        if path.suffix.lower().lstrip(".") != form.value:
            path = path.with_suffix(path.suffix + f".{form.value}")
        if path.exists() and str(path) != self._chosen_in_dialog:
            answer = QMessageBox.question(
                self, translate("ChartExportDialog", "Replace file?"),
                translate("ChartExportDialog", "{name} exists already. Replace it?").format(
                    name=path.name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            export_chart(self._chart, self._figures, path, form, self.width_box.value(),
                         self.height_box.value())
        except (OSError, ValueError) as exc:
            self._show_error(str(exc))
            return False
        self._settings.last_export_folder = str(path.parent)
        self._settings.last_export_format = form.value
        self.saved_path = path
        return True
