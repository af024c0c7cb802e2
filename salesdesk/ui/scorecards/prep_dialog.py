"""A deal's negotiation preparation sheet: the 10 × 4 grid, rapport, SPIN, price arguments and
the manipulation checklist, with a completeness indicator and a one-page PDF brief.

Keyboard first: the grid is a table edited in place (type to write a cell, Tab or the arrows
to move, Enter to finish a cell); Ctrl+Enter saves. After ``exec()`` returns Accepted,
:attr:`PrepDialog.sheet` holds the sheet to save.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.deal_prep import AREAS, VARIABLES, PrepSheet, SpinGroup
from salesdesk.domain.scorecards import template_text
from salesdesk.i18n import translate
from salesdesk.ui.scorecards.models import finish_editing

Index = QModelIndex | QPersistentModelIndex


class PrepGridModel(QAbstractTableModel):
    """The 10 × 4 grid: a row per interest area; its name, then for each of the four
    bargaining variables what we can concede and what we ask in return.

    Signals:
        sheet_changed(): a cell was edited.
    """

    sheet_changed = Signal()

    def __init__(self, sheet: PrepSheet) -> None:
        super().__init__()
        self.sheet = sheet

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else AREAS

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + 2 * VARIABLES

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
                if section == 0:
                    return translate("PrepGridModel", "An area the client cares about")
                variable = (section - 1) // 2 + 1
                if section % 2:
                    return translate("PrepGridModel",
                                     "Bargaining variable {variable}: what we can give the "
                                     "client (a discount, faster delivery, longer payment "
                                     "terms…)").format(variable=variable)
                return translate("PrepGridModel", "Bargaining variable {variable}: what we ask "
                                 "for in return for what we give").format(variable=variable)
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == 0:
            return translate("PrepGridModel", "Area of interest")
        variable = (section - 1) // 2 + 1
        if section % 2:
            return translate("PrepGridModel", "We give ({variable})").format(variable=variable)
        return translate("PrepGridModel", "We ask ({variable})").format(variable=variable)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        area = self.sheet.areas[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return area.name
            variable = area.variables[(column - 1) // 2]
            return variable.concede if column % 2 else variable.ask
        if role == Qt.ItemDataRole.BackgroundRole and column > 0:
            variable = area.variables[(column - 1) // 2]
            if variable.filled:
                from PySide6.QtGui import QColor

                return QColor(46, 139, 87, 40)
        return None

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value)
        row, column = index.row(), index.column()
        if column == 0:
            self.sheet = self.sheet.with_area_name(row, text)
        elif column % 2:
            self.sheet = self.sheet.with_cell(row, (column - 1) // 2, concede=text)
        else:
            self.sheet = self.sheet.with_cell(row, (column - 1) // 2, ask=text)
        first = self.index(row, 0)
        self.dataChanged.emit(first, self.index(row, self.columnCount() - 1))
        self.sheet_changed.emit()
        return True


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class _LiveDelegate(QStyledItemDelegate):
    """Commits a grid cell as it is typed, so the count of filled fields follows each key."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        return editor


class PrepDialog(QDialog):
    """Edit one deal's preparation sheet.

    Signals:
        brief_requested(object): PDF Brief… was clicked; the sheet as it stands.
        edit_tactics_requested(): the user wants to edit the manipulation checklist.
    """

    brief_requested = Signal(object)

    def __init__(self, title: str, sheet: PrepSheet | None, tactics: list[str],
                 prepared_from: float, *, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prep_dialog")
        self.setWindowTitle(translate("PrepDialog", "Preparation — {title}").format(
            title=title))
        self._initial = sheet or PrepSheet()
        self._prepared_from = prepared_from
        self.sheet: PrepSheet | None = None
        self.grid_model = PrepGridModel(self._initial)
        self._build(tactics)
        self._fill(self._initial)
        self._connect_signals()
        self._update_completeness()
        if read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.setWindowTitle(translate("PrepDialog", "{title} (read-only)").format(
                title=self.windowTitle()))

    # --- building ------------------------------------------------------------------------

    def _build(self, tactics: list[str]) -> None:
        self.completeness = QProgressBar()
        self.completeness.setObjectName("prep_completeness")
        self.completeness.setRange(0, PrepSheet().field_count())
        self.completeness_label = QLabel()
        self.completeness_label.setObjectName("prep_completeness_label")
        self.fields_note = QLabel(translate(
            "PrepDialog",
            "A field is one grid cell with both halves written (what we can concede and what"
            " we ask in return), one group of SPIN questions, the price arguments, the"
            " counter-arguments, the rapport notes, or the manipulation checklist reviewed:"
            " {count} in all.").format(count=PrepSheet().field_count()))
        self.fields_note.setObjectName("prep_fields_note")
        self.fields_note.setWordWrap(True)

        self.grid = QTableView()
        self.grid.setObjectName("prep_grid")
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegate(_LiveDelegate(self.grid))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(False)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.grid.setColumnWidth(0, 170)
        row_height = self.grid.fontMetrics().height() + 8
        self.grid.verticalHeader().setDefaultSectionSize(row_height)
        self.grid.setMinimumHeight(row_height * (AREAS + 1) + 6)  # every area without scrolling

        self.rapport = _text_box("prep_rapport", translate(
            "PrepDialog", "From the client's public profile, interests and hobbies: topics to "
            "open with"))
        self.spin: dict[SpinGroup, QPlainTextEdit] = {}
        spin_grid = QGridLayout()
        hints = {SpinGroup.SITUATION: translate("PrepDialog",
                                                "facts research could not answer"),
                 SpinGroup.PROBLEM: translate("PrepDialog",
                                              "difficulties behind the interests found"),
                 SpinGroup.IMPLICATION: translate("PrepDialog",
                                                  "what the problem costs the client"),
                 SpinGroup.NEED_PAYOFF: translate("PrepDialog",
                                                  "the value of solving it, in their words")}
        # Written out whole, so that a translation picks each label's mnemonic.
        spin_labels = {SpinGroup.SITUATION: translate("PrepDialog", "&Situation:"),
                       SpinGroup.PROBLEM: translate("PrepDialog", "&Problem:"),
                       SpinGroup.IMPLICATION: translate("PrepDialog", "&Implication:"),
                       SpinGroup.NEED_PAYOFF: translate("PrepDialog", "&Need-payoff:")}
        for n, group in enumerate(SpinGroup):
            box = _text_box(f"prep_spin_{group.value}", hints[group])
            self.spin[group] = box
            label = QLabel(spin_labels[group])
            label.setBuddy(box)
            spin_grid.addWidget(label, (n // 2) * 2, n % 2)
            spin_grid.addWidget(box, (n // 2) * 2 + 1, n % 2)
        self.price_arguments = _text_box("prep_price_arguments", translate(
            "PrepDialog", "Why the price is right, one argument per line"))
        self.counter_arguments = _text_box("prep_counter_arguments", translate(
            "PrepDialog", "Objection → answer, one per line"))
        self.tactics = QListWidget()
        self.tactics.setObjectName("prep_tactics")
        for name in tactics:
            self._add_tactic(name)
        self.reviewed = QCheckBox(translate("PrepDialog",
                                            "I went through the checklist for this negotiation"))
        self.reviewed.setObjectName("prep_tactics_reviewed")
        self.edit_tactics = QPushButton(translate("PrepDialog", "Add Technique…"))

        rapport_page = QWidget()
        rapport_layout = QVBoxLayout(rapport_page)
        rapport_label = QLabel(translate("PrepDialog", "Small talk and &rapport:"))
        rapport_label.setBuddy(self.rapport)
        rapport_layout.addWidget(rapport_label)
        rapport_layout.addWidget(self.rapport)
        spin_page = QWidget()
        spin_page.setLayout(spin_grid)
        price_page = QWidget()
        price_layout = QGridLayout(price_page)
        price_label = QLabel(translate("PrepDialog", "Price &arguments:"))
        price_label.setBuddy(self.price_arguments)
        counter_label = QLabel(translate("PrepDialog", "C&ounter-arguments to price objections:"))
        counter_label.setBuddy(self.counter_arguments)
        price_layout.addWidget(price_label, 0, 0)
        price_layout.addWidget(counter_label, 0, 1)
        price_layout.addWidget(self.price_arguments, 1, 0)
        price_layout.addWidget(self.counter_arguments, 1, 1)
        tactics_page = QWidget()
        tactics_layout = QVBoxLayout(tactics_page)
        tactics_layout.addWidget(QLabel(translate(
            "PrepDialog", "Tick the manipulation techniques spotted (or expected) with this "
            "client:")))
        tactics_layout.addWidget(self.tactics)
        row = QHBoxLayout()
        row.addWidget(self.reviewed)
        row.addStretch(1)
        row.addWidget(self.edit_tactics)
        tactics_layout.addLayout(row)
        self.pages = QTabWidget()
        self.pages.setObjectName("prep_pages")
        self.pages.addTab(rapport_page, translate("PrepDialog", "Rapport"))
        self.pages.addTab(spin_page, translate("PrepDialog", "SPIN questions"))
        self.pages.addTab(price_page, translate("PrepDialog", "Price"))
        self.pages.addTab(tactics_page, translate("PrepDialog", "Manipulation"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.brief_button = self.buttons.addButton(translate("PrepDialog", "PDF &Brief…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.brief_button.setAutoDefault(False)
        top = QHBoxLayout()
        grid_label = QLabel(translate("PrepDialog", "Interests and bargaining &variables (what "
                                      "we can concede ⇄ what we ask in return):"))
        grid_label.setBuddy(self.grid)
        top.addWidget(grid_label, 1)
        top.addWidget(self.completeness_label)
        top.addWidget(self.completeness)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.fields_note)
        layout.addWidget(self.grid)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)

    def _add_tactic(self, name: str) -> QListWidgetItem:
        # Shown in the chosen language; the sheet keeps the name as the checklist stores it.
        item = QListWidgetItem(template_text(name))
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.tactics.addItem(item)
        return item

    def _fill(self, sheet: PrepSheet) -> None:
        self.rapport.setPlainText(sheet.rapport)
        for group, text in zip(SpinGroup, sheet.spin, strict=True):
            self.spin[group].setPlainText(text)
        self.price_arguments.setPlainText(sheet.price_arguments)
        self.counter_arguments.setPlainText(sheet.counter_arguments)
        listed = {self._tactic_name(i) for i in range(self.tactics.count())}
        for name in sheet.tactics:
            if name not in listed:
                self._add_tactic(name)  # a technique since removed from the checklist
        spotted = set(sheet.tactics)
        for i in range(self.tactics.count()):
            item = self.tactics.item(i)
            item.setCheckState(Qt.CheckState.Checked if self._tactic_name(i) in spotted
                               else Qt.CheckState.Unchecked)
        self.reviewed.setChecked(sheet.tactics_reviewed)

    def _connect_signals(self) -> None:
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter finishes a cell; Ctrl+Enter saves
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.brief_button.clicked.connect(lambda: self.brief_requested.emit(self.draft()))
        self.edit_tactics.clicked.connect(self._on_add_tactic)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)
        self.grid_model.sheet_changed.connect(self._update_completeness)
        for box in (self.rapport, self.price_arguments, self.counter_arguments,
                    *self.spin.values()):
            box.textChanged.connect(self._update_completeness)
        self.tactics.itemChanged.connect(self._update_completeness)
        self.reviewed.toggled.connect(self._update_completeness)

    # --- behaviour -----------------------------------------------------------------------

    def draft(self) -> PrepSheet:
        """The sheet as it stands in the dialog."""
        spotted = tuple(self._tactic_name(i) for i in range(self.tactics.count())
                        if self.tactics.item(i).checkState() == Qt.CheckState.Checked)
        return replace(
            self.grid_model.sheet,
            rapport=self.rapport.toPlainText(),
            spin=tuple(self.spin[g].toPlainText() for g in SpinGroup),
            price_arguments=self.price_arguments.toPlainText(),
            counter_arguments=self.counter_arguments.toPlainText(),
            tactics=spotted,
            tactics_reviewed=self.reviewed.isChecked(),
        )

    def _tactic_name(self, row: int) -> str:
        """The stored name of the technique at ``row`` of the checklist."""
        return str(self.tactics.item(row).data(Qt.ItemDataRole.UserRole))

    def _update_completeness(self) -> None:
        sheet = self.draft()
        filled, total = sheet.filled_count(), sheet.field_count()
        self.completeness.setValue(filled)
        self.completeness.setFormat(f"{sheet.completeness() * 100:.0f} %")
        prepared = sheet.completeness() >= self._prepared_from
        halves = sheet.half_filled_cells()
        if halves == 1:
            waiting = translate("PrepDialog", " ({count} grid cell with one half only)")
        elif halves:
            waiting = translate("PrepDialog", " ({count} grid cells with one half only)")
        else:
            waiting = ""
        status = (translate("PrepDialog", "prepared") if prepared else
                  translate("PrepDialog", "prepared from {share}").format(
                      share=f"{self._prepared_from:.0%}"))
        self.completeness_label.setText(
            translate("PrepDialog", "{filled} of {total} fields filled{waiting} — {status}")
            .format(filled=filled, total=total, waiting=waiting.format(count=halves),
                    status=status))

    def _on_add_tactic(self) -> None:
        name, ok = QInputDialog.getText(
            self, translate("PrepDialog", "Add technique"),
            translate("PrepDialog", "A manipulation technique to add to this sheet:"))
        name = " ".join(name.split())
        if ok and name:
            self._add_tactic(name).setCheckState(Qt.CheckState.Checked)

    def save(self) -> None:
        """Accept with the sheet as edited."""
        finish_editing(self.grid)
        self.sheet = self.draft()
        self.accept()

    def reject(self) -> None:
        """Cancel, asking first when the sheet was changed."""
        if self.draft() != self._initial and self.sheet is None:
            answer = QMessageBox.question(
                self, translate("PrepDialog", "Discard changes?"),
                translate("PrepDialog", "Discard the changes to this preparation sheet?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
