"""The assessment sheet: date, assessor, and every item of the template scored 1–5 with a note.

Keyboard first: the date is typed like every date of the app (Tab leaves it, a calendar is on
Alt+Down); on a row, typing 1–5 scores the item and moves to the next one; F2 or typing in the
Note column edits the note; Ctrl+Enter or Alt+S saves. The item's "what good looks like" is
shown under the table for the current row.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.parsing import ParseError
from salesdesk.domain.scorecards import (
    SCORE_MAX,
    SCORE_MIN,
    Assessment,
    Template,
    template_text,
    validate_assessment,
)
from salesdesk.i18n import translate
from salesdesk.ui.scorecards.models import SheetModel, finish_editing
from salesdesk.ui.widgets import DateField

_ERROR_STYLE = "color: #c62828;"


class SheetView(QTableView):
    """The sheet's table: a digit from 1 to 5 scores the current row and moves down."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        text = event.text()
        index = self.currentIndex()
        if (isinstance(model, SheetModel) and index.isValid() and text.isdigit()
                and index.column() != SheetModel.NOTE
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)):
            if SCORE_MIN <= int(text) <= SCORE_MAX:
                model.set_score(index.row(), int(text))
                below = model.index(min(index.row() + 1, model.rowCount() - 1), index.column())
                self.setCurrentIndex(below)
            return
        super().keyPressEvent(event)


class AssessmentDialog(QDialog):
    """A new assessment of ``rep``. After ``exec()`` returns Accepted, ``assessment`` holds it."""

    def __init__(self, rep: str, template: Template, today: dt.date,
                 assessors: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessment_dialog")
        self.setWindowTitle(translate("AssessmentDialog", "New assessment — {rep}").format(
            rep=rep))
        self._rep = rep
        self._template = template
        self.assessment: Assessment | None = None
        self.model = SheetModel(template)

        # A typed field, not a QDateEdit: there Tab walked day, month and year, and digits
        # typed over a section silently made another date.
        self.date = DateField()
        self.date.setObjectName("assessment_date")
        self.date.set_date(today)
        self.assessor = QLineEdit()
        self.assessor.setObjectName("assessor")
        self.assessor.setPlaceholderText(translate("AssessmentDialog", "who assesses"))
        completer = QCompleter(assessors, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.assessor.setCompleter(completer)
        if assessors:
            self.assessor.setText(assessors[0] if len(assessors) == 1 else "")

        self.table = SheetView()
        self.table.setObjectName("assessment_sheet")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, 340)
        self.good = QLabel()
        self.good.setObjectName("item_description")
        self.good.setWordWrap(True)
        self.good.setMinimumHeight(self.good.fontMetrics().height() * 3)
        hint = QLabel(translate(
            "AssessmentDialog", "Type {low}–{high} to score a row (1 = not done, 5 = done well "
            "every time); type in the Note column to add a note.").format(low=SCORE_MIN,
                                                                         high=SCORE_MAX))
        hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("sheet_message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save_button is not None:
            save_button.setText(translate("AssessmentDialog", "&Save"))

        form = QFormLayout()
        form.addRow(QLabel(f"<b>{rep}</b>"))
        date_label = QLabel(translate("AssessmentDialog", "&Date:"))
        date_label.setBuddy(self.date)
        form.addRow(date_label, self.date)
        assessor_label = QLabel(translate("AssessmentDialog", "&Assessor:"))
        assessor_label.setBuddy(self.assessor)
        form.addRow(assessor_label, self.assessor)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.good)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.date, self.assessor)
        self.setTabOrder(self.assessor, self.table)
        self.setTabOrder(self.table, self.buttons)

        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter finishes a cell; Ctrl+Enter saves
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.table.setCurrentIndex(self.model.index(0, SheetModel.SCORE))
        self.resize(860, 620)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            item = self.model.items[current.row()]
            text = template_text(item.text)
            self.good.setText(
                translate("AssessmentDialog", "<b>{item}</b> — good looks like: {good}").format(
                    item=text, good=template_text(item.good))
                if item.good else f"<b>{text}</b>")

    def draft(self) -> Assessment:
        """The sheet as filled in so far; ParseError when the date cannot be read."""
        return Assessment(rep=self._rep, assessor=self.assessor.text().strip(),
                          assessed_on=self.date.date(),
                          template_version=self._template.version,
                          scores=self.model.result())

    def save(self) -> None:
        """Accept with a complete sheet, or say what is missing and go there."""
        finish_editing(self.table)
        try:
            draft = self.draft()
        except ParseError as exc:
            self.message.setText(translate("AssessmentDialog", "Date: {error}").format(
                error=exc))
            self.message.show()
            self.date.setFocus()
            return
        errors = validate_assessment(draft, self._template)
        if errors:
            missing = sum(key.startswith("item:") for key in errors)
            parts = []
            if "assessor" in errors:
                parts.append(errors["assessor"])
            if missing:
                parts.append((translate("AssessmentDialog", "Score the {count} item still "
                                        "marked —.") if missing == 1 else
                              translate("AssessmentDialog", "Score the {count} items still "
                                        "marked —.")).format(count=missing))
            self.message.setText(" ".join(parts))
            self.message.show()
            if "assessor" in errors:
                self.assessor.setFocus()
            else:
                self.table.setFocus()
                self.table.setCurrentIndex(self.model.index(self.model.first_unscored(),
                                                            SheetModel.SCORE))
            return
        self.assessment = draft
        self.accept()
