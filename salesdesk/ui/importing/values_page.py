"""Page 4 of the import wizard: what the outcome and customer-type columns' values mean, and how
dates and amounts are written; with the plan's notes (what the reading found in the file's
lines among them) and, before the last page, the warning when no outcome, stage or date column
is mapped. Planning the import reads the file (the whole date or amount column while its
format stays ambiguous), so it runs in a worker, with Cancel."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from salesdesk.domain.deals import CustomerType, Outcome
from salesdesk.domain.importing import (
    SKIP,
    DateOrder,
    NoteKind,
    describe_number_format,
    normalise_value,
    note_kind,
    outcome_of,
)
from salesdesk.domain.parsing import COMMA_DECIMAL, POINT_DECIMAL
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store import ImportCancelled, ImportPlan, open_source, plan_import
from salesdesk.ui.importing.mapping_page import missing_text
from salesdesk.ui.importing.source_pages import ERROR_STYLE, reading_label
from salesdesk.ui.tasks import Cancelled, TaskContext

if TYPE_CHECKING:
    from salesdesk.ui.importing.wizard import ImportWizard

VALUE_SCAN_ROWS = 5000
MAX_VALUES = 60
# What a value of the outcome or customer-type column can mean (the value the mapping keeps)
# and how the choice reads; shown through translate("ImportValuesPage", text).
OUTCOME_CHOICES = ((Outcome.OPEN.value, QT_TRANSLATE_NOOP("ImportValuesPage", "open")),
                   (Outcome.WON.value, QT_TRANSLATE_NOOP("ImportValuesPage", "won")),
                   (Outcome.LOST.value, QT_TRANSLATE_NOOP("ImportValuesPage", "lost")),
                   (SKIP, QT_TRANSLATE_NOOP("ImportValuesPage", "skip")))
TYPE_CHOICES: tuple[tuple[str | None, str], ...] = (
    (CustomerType.NEW.value, QT_TRANSLATE_NOOP("ImportValuesPage", "new")),
    (CustomerType.CURRENT.value, QT_TRANSLATE_NOOP("ImportValuesPage", "current")),
    (None, QT_TRANSLATE_NOOP("ImportValuesPage", "(reject the row)")))


def outcome_text(outcome: str) -> str:
    """An outcome ("won") as the wizard names it."""
    return next((translate("ImportValuesPage", text) for value, text in OUTCOME_CHOICES
                 if value == outcome), outcome)


@dataclass(frozen=True, slots=True)
class _Planned:
    """The plan, and the values of its outcome and stage columns and of its customer-type
    column (normalised → as written)."""

    plan: ImportPlan
    values: dict[str, str]
    types: dict[str, str]


def _column_values(plan: ImportPlan, *fields: str) -> dict[str, str]:
    """The distinct values of the columns feeding ``fields`` in the first rows (in a
    worker)."""
    headers = {plan.mapping.columns.get(f) for f in fields} - {None}
    positions = [plan.headers.index(h) for h in headers if h in plan.headers]
    found: dict[str, str] = {}
    if not positions:
        return found
    with open_source(plan.path, plan.source_options) as source:
        for count, (_, cells) in enumerate(source.rows()):
            for position in positions:
                value = cells[position].strip() if position < len(cells) else ""
                if value:
                    found.setdefault(normalise_value(value), value)
            if count >= VALUE_SCAN_ROWS or len(found) >= MAX_VALUES:
                break
    return found


class ValuesPage(QWizardPage):
    """What the outcome column's values mean, and how dates and amounts are written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("ImportValuesPage", "Values and formats"))
        self.setSubTitle(translate(
            "ImportValuesPage", "Outcome values not listed as won or lost count as open. Date"
            " and number formats were inferred from the whole column."))
        self.values = QStandardItemModel(0, 2, self)
        self.values.setHorizontalHeaderLabels([
            translate("ImportValuesPage", "Value in the file"),
            translate("ImportValuesPage", "Means")])
        self.values_table = QTableView()
        self.values_table.setObjectName("outcome_values")
        self.values_table.setAccessibleName(translate("ImportValuesPage",
                                                      "What the outcome values mean"))
        self.values_table.setModel(self.values)
        self.values_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.values_table.verticalHeader().hide()
        self.types = QStandardItemModel(0, 2, self)
        self.types.setHorizontalHeaderLabels([
            translate("ImportValuesPage", "Customer type in the file"),
            translate("ImportValuesPage", "Means")])
        self.types_table = QTableView()
        self.types_table.setObjectName("customer_type_values")
        self.types_table.setAccessibleName(translate("ImportValuesPage",
                                                     "What the customer types mean"))
        self.types_table.setModel(self.types)
        self.types_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.types_table.verticalHeader().hide()
        self.formats = QFormLayout()
        self.warning = QLabel()
        self.warning.setObjectName("values_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.values_table)
        layout.addWidget(self.types_table)
        layout.addLayout(self.formats)
        layout.addWidget(self.warning)
        layout.addWidget(self.notes)
        self.date_combos: dict[str, QComboBox] = {}
        self.number_combo = self._number_combo()
        self.outcome_combos: dict[str, QComboBox] = {}
        self.type_combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        state = self._wizard.state
        path = state.path
        assert path is not None
        state.plan = None
        self.values.removeRows(0, self.values.rowCount())
        self.types.removeRows(0, self.types.rowCount())
        self.outcome_combos, self.type_combos = {}, {}
        self.warning.clear()
        while self.formats.rowCount():
            self.formats.removeRow(0)
        self.date_combos = {}
        self.notes.setText(reading_label(path))
        options, mapping = state.options, state.mapping

        def plan(ctx: TaskContext) -> _Planned:
            try:
                planned = plan_import(path, options, mapping, cancelled=ctx.cancelled)
            except ImportCancelled as exc:
                raise Cancelled from exc
            return _Planned(planned, _column_values(planned, "outcome", "stage"),
                            _column_values(planned, "customer_type"))

        self._wizard.read(plan, self._show, lambda exc: self.notes.setText(str(exc)),
                          label=reading_label(path), key="plan", cancellable=True,
                          on_cancel=self._wizard.back)

    def _show(self, planned: _Planned) -> None:
        plan = planned.plan
        state = self._wizard.state
        state.plan = plan
        state.rules = plan.rules
        self._fill_values(plan, planned.values)
        self._fill_types(plan, planned.types)
        self.types_table.setVisible(bool(planned.types))
        ambiguous = {getattr(n, "subject", "") for n in plan.notes
                     if note_kind(n) is NoteKind.AMBIGUOUS_DATES}
        for header, order in plan.rules.date_orders.items():
            combo = QComboBox()
            for choice in DateOrder:
                combo.addItem(choice.value, choice)
            combo.setCurrentIndex(list(DateOrder).index(order))
            combo.currentIndexChanged.connect(self._update_rules)
            if header in ambiguous:
                label = translate("ImportValuesPage", "Dates in {column} (ambiguous — check):")
            else:
                label = translate("ImportValuesPage", "Dates in {column}:")
            self.formats.addRow(label.format(column=header), combo)
            self.date_combos[header] = combo
        self.number_combo = self._number_combo()
        self.number_combo.setCurrentIndex(0 if plan.rules.number_format == POINT_DECIMAL else 1)
        self.number_combo.currentIndexChanged.connect(self._update_rules)
        if "amount" in plan.mapping.columns:
            self.formats.addRow(translate("ImportValuesPage", "Amounts like:"),
                                self.number_combo)
            self.number_combo.show()
        self.warning.setText(missing_text(plan.missing))
        self.notes.setText("\n".join(plan.notes))
        self.completeChanged.emit()

    def _number_combo(self) -> QComboBox:
        """A new amount-format choice, a hidden child until a form row shows it (the one
        before goes: removing its row deleted it already, or it was never shown)."""
        previous = getattr(self, "number_combo", None)
        if previous is not None and shiboken6.isValid(previous):
            previous.deleteLater()
        combo = QComboBox(self)
        combo.hide()
        for number_format in (POINT_DECIMAL, COMMA_DECIMAL):
            combo.addItem(describe_number_format(number_format), number_format)
        return combo

    def _fill_values(self, plan: ImportPlan, found: dict[str, str]) -> None:
        for key, value in sorted(found.items()):
            item = QStandardItem(value)
            item.setEditable(False)
            self.values.appendRow([item, QStandardItem("")])
            combo = self._choice_combo(value, OUTCOME_CHOICES)
            combo.setCurrentIndex(combo.findData(outcome_of(plan.mapping, value)))
            combo.currentIndexChanged.connect(self._update_rules)
            self.values_table.setIndexWidget(self.values.index(self.values.rowCount() - 1, 1),
                                             combo)
            self.outcome_combos[key] = combo

    def _fill_types(self, plan: ImportPlan, found: dict[str, str]) -> None:
        for key, value in sorted(found.items()):
            item = QStandardItem(value)
            item.setEditable(False)
            self.types.appendRow([item, QStandardItem("")])
            combo = self._choice_combo(value, TYPE_CHOICES)
            combo.setCurrentIndex(combo.findData(plan.mapping.customer_type_values.get(key)))
            combo.currentIndexChanged.connect(self._update_rules)
            self.types_table.setIndexWidget(self.types.index(self.types.rowCount() - 1, 1),
                                            combo)
            self.type_combos[key] = combo

    @staticmethod
    def _choice_combo(value: str, choices: tuple[tuple[str | None, str], ...]) -> QComboBox:
        """A combo box of what ``value`` of the file may mean."""
        combo = QComboBox()
        combo.setAccessibleName(translate("ImportValuesPage", "What {value} means").format(
            value=value))
        for meaning, text in choices:
            combo.addItem(translate("ImportValuesPage", text), meaning)
        return combo

    def set_customer_type(self, value: str, customer_type: str | None) -> None:
        """Choose what a value of the customer-type column means ("new", "current", None:
        the row is rejected)."""
        combo = self.type_combos[normalise_value(value)]
        combo.setCurrentIndex(combo.findData(customer_type))

    def set_outcome(self, value: str, outcome: str) -> None:
        """Choose what a value of the outcome column means ("open", "won", "lost", "skip")."""
        combo = self.outcome_combos[normalise_value(value)]
        combo.setCurrentIndex(combo.findData(outcome))

    def set_date_order(self, header: str, order: DateOrder) -> None:
        """Choose how a date column is written."""
        self.date_combos[header].setCurrentIndex(list(DateOrder).index(order))

    def _update_rules(self) -> None:
        state = self._wizard.state
        state.mapping = state.mapping.with_outcome_values(
            {key: combo.currentData() for key, combo in self.outcome_combos.items()}
        ).with_customer_type_values(
            {key: combo.currentData() for key, combo in self.type_combos.items()
             if combo.currentData() is not None})
        if state.plan is not None:
            state.rules = replace(
                state.plan.rules,
                date_orders={h: DateOrder(combo.currentData())
                             for h, combo in self.date_combos.items()},
                number_format=self.number_combo.currentData() or POINT_DECIMAL)

    def isComplete(self) -> bool:
        return self._wizard.state.plan is not None

    def validatePage(self) -> bool:
        self._update_rules()
        state = self._wizard.state
        if state.plan is None:
            return False
        state.plan = replace(state.plan, mapping=state.mapping, rules=state.rules)
        return True
