"""The dialogs of data safety: the list of backups to restore from, and the backup settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store import BackupInfo, list_backups
from salesdesk.ui import formatting
from salesdesk.ui.formatting import moment_text

# Why a backup was taken, as the manifest records it (English there; translated when shown).
REASONS = (QT_TRANSLATE_NOOP("BackupListModel", "automatic"),
           QT_TRANSLATE_NOOP("BackupListModel", "manual"),
           QT_TRANSLATE_NOOP("BackupListModel", "command line"),
           QT_TRANSLATE_NOOP("BackupListModel", "self-test"),
           QT_TRANSLATE_NOOP("BackupListModel", "before restore"),
           QT_TRANSLATE_NOOP("BackupListModel", "before upgrade"))


class BackupListModel(QAbstractTableModel):
    """The backups of a folder: date, deal count, and whether a checksum is recorded."""

    HEADERS = (QT_TRANSLATE_NOOP("BackupListModel", "Date"),
               QT_TRANSLATE_NOOP("BackupListModel", "Deals"),
               QT_TRANSLATE_NOOP("BackupListModel", "Checksum"),
               QT_TRANSLATE_NOOP("BackupListModel", "Taken"))

    def __init__(self, backups: list[BackupInfo], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
                 ) -> int:
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
                    ) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("BackupListModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (moment_text(info.taken_at),
                    "?" if info.deals is None else formatting.count(info.deals),
                    translate("BackupListModel", "recorded") if info.recorded
                    else translate("BackupListModel", "none (not in the manifest)"),
                    translate("BackupListModel", info.reason or "automatic") if info.recorded
                    else "")[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        return None


class RestoreDialog(QDialog):
    """File ▸ Restore from Backup: pick a backup of the open file (or another copy)."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(translate("RestoreDialog", "Restore from Backup"))
        self.chosen: BackupInfo | None = None
        self.model = BackupListModel(list_backups(folder), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        text = (translate("RestoreDialog", "Backups in {folder}. The current data is backed up"
                          " before it is replaced.") if self.model.backups
                else translate("RestoreDialog", "There are no backups in {folder} yet.")
                ).format(folder=folder)
        self.other = QPushButton(translate("RestoreDialog", "Other &File…"))
        self.other.clicked.connect(self._choose_other)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            translate("RestoreDialog", "&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        if self.model.backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.model.backups))
        self.resize(560, 360)

    def _choose_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("RestoreDialog", "Restore from a copy"), "",
            translate("RestoreDialog", "salesdesk databases (*.db *.sqlite *.salesdesk);;All"
                      " files (*)"))
        if name:
            self.chosen = BackupInfo(Path(name), dt.datetime.now(dt.UTC), None, None)
            super().accept()

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.model.backups[rows[0].row()]
        super().accept()


class BackupSettingsDialog(QDialog):
    """The file's backup folder and retention, stored in the file so the CLI agrees."""

    def __init__(self, folder: str, default: Path, retention: tuple[int, int, int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("BackupSettingsDialog", "Backup Settings"))
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(str(default))
        browse = QPushButton(translate("BackupSettingsDialog", "&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.counts = []
        form = QFormLayout()
        form.addRow(translate("BackupSettingsDialog", "Backup &folder:"), row)
        labels = (translate("BackupSettingsDialog", "&Daily copies:"),
                  translate("BackupSettingsDialog", "&Weekly copies:"),
                  translate("BackupSettingsDialog", "&Monthly copies:"))
        for text, value in zip(labels, retention, strict=True):
            box = QSpinBox()
            box.setRange(0, 999)
            box.setValue(value)
            self.counts.append(box)
            form.addRow(text, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(translate("BackupSettingsDialog", "Empty folder: the default one shown. The"
                                " newest backup is always kept."))
        note.setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, translate("BackupSettingsDialog", "Backup folder"),
            self.folder.text() or self.folder.placeholderText())
        if name:
            self.folder.setText(name)

    def retention(self) -> tuple[int, int, int]:
        """The chosen daily, weekly and monthly counts."""
        daily, weekly, monthly = (box.value() for box in self.counts)
        return daily, weekly, monthly
