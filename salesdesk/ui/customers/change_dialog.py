"""The dialog that logs or edits a touchpoint change (Customers ▸ Touchpoints): the
touchpoint, the date, what changed and which part of the business it concerns."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from salesdesk.domain.deals import LookupKind
from salesdesk.domain.parsing import ParseError, parse_date
from salesdesk.domain.slice_spec import DIMENSION_LABELS
from salesdesk.domain.touchpoints import SCOPE_DIMENSIONS, Scope, TouchpointChange, check_change
from salesdesk.i18n import translate
from salesdesk.ui.widgets import DateField
from salesdesk.ui.workspace import Workspace, strptime_formats


class ChangeDialog(QDialog):
    """Log or edit a touchpoint change: the touchpoint, the date, what changed and, when it
    concerns part of the business only, the dimension value. After ``exec()`` returns
    Accepted, :attr:`change` is valid."""

    def __init__(self, workspace: Workspace, touchpoints: list[str],
                 values: dict[LookupKind | str, list[str]],
                 change: TouchpointChange | None = None, parent: QWidget | None = None,
                 touchpoint: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_dialog")
        self.setWindowTitle(translate("ChangeDialog", "Edit change") if change
                            else translate("ChangeDialog", "Log a touchpoint change"))
        self._workspace = workspace
        self._values = values
        self._original = change
        self.change: TouchpointChange | None = None
        self.touchpoint = QComboBox()
        self.touchpoint.setObjectName("change_touchpoint")
        names = list(touchpoints)
        if change is not None and change.touchpoint not in names:
            names.append(change.touchpoint)
        self.touchpoint.addItems(names)
        self.date = DateField()
        self.description = QLineEdit()
        self.description.setObjectName("change_description")
        self.description.setPlaceholderText(translate("ChangeDialog",
                                                      "e.g. new price tags in shop 2"))
        self.scope_dimension = QComboBox()
        self.scope_dimension.setObjectName("scope_dimension")
        self.scope_dimension.addItem(translate("ChangeDialog", "The whole business"), "")
        for dimension in SCOPE_DIMENSIONS:
            self.scope_dimension.addItem(translate("SliceSpec", DIMENSION_LABELS[dimension]),
                                         dimension.value)
        self.scope_value = QComboBox()
        self.scope_value.setObjectName("scope_value")
        self.scope_value.setEditable(True)
        self.scope_value.setMinimumContentsLength(18)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("ChangeDialog", "&Touchpoint:"), self.touchpoint)
        form.addRow(translate("ChangeDialog", "&Date:"), self.date)
        form.addRow(translate("ChangeDialog", "&What changed:"), self.description)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_dimension)
        scope_row.addWidget(self.scope_value, 1)
        form.addRow(translate("ChangeDialog", "&Concerns:"), scope_row)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.scope_dimension.currentIndexChanged.connect(self._on_dimension_changed)
        if change is not None:
            self.touchpoint.setCurrentText(change.touchpoint)
            self.date.set_date(change.changed_on)
            self.description.setText(change.description)
            if change.scope is not None:
                self.scope_dimension.setCurrentIndex(
                    self.scope_dimension.findData(change.scope.dimension.value))
                self.scope_value.setCurrentText(change.scope.value)
        else:
            if touchpoint:
                self.touchpoint.setCurrentText(touchpoint)
            self.date.set_date(workspace.today())
        self._on_dimension_changed()
        self.resize(520, self.sizeHint().height())

    def _on_dimension_changed(self) -> None:
        code = str(self.scope_dimension.currentData() or "")
        current = self.scope_value.currentText()
        self.scope_value.clear()
        self.scope_value.setEnabled(bool(code))
        if code:
            self.scope_value.addItems(self._values.get(code, []))
            if current:
                self.scope_value.setCurrentText(current)

    def save(self) -> None:
        """Check the fields; accept with a valid change or say what is wrong."""
        errors: dict[str, str] = {}
        changed_on: dt.date | None = None
        try:
            changed_on = parse_date(self.date.text(), strptime_formats(QLocale()))
        except ParseError as exc:
            errors["date"] = str(exc)
        code = str(self.scope_dimension.currentData() or "")
        scope = None
        if code:
            scope = Scope(next(d for d in SCOPE_DIMENSIONS if d.value == code),
                          self.scope_value.currentText())
        change, problems = check_change(self.touchpoint.currentText(), changed_on,
                                        self.description.text(), scope,
                                        change_id=self._original.id if self._original else None)
        problems.update(errors)
        if change is None:
            self.message.setText(" ".join(problems.values()))
            return
        self.change = change
        self.accept()

