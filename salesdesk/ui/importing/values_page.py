"""Page 4 of the import wizard: what the outcome column's values mean, and how dates and amounts
are written. Planning the import reads the file (the whole date or amount column while its
format stays ambiguous), so it runs in a worker, with Cancel."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

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

from salesdesk.domain.deals import Outcome
from salesdesk.domain.importing import (
    SKIP,
    DateOrder,
    ReadRules,
    describe_number_format,
    normalise_value,
    outcome_of,
)
from salesdesk.domain.parsing import COMMA_DECIMAL, POINT_DECIMAL
from salesdesk.store import ImportCancelled, ImportPlan, open_source, plan_import
from salesdesk.ui.tasks import Cancelled, TaskContext

if TYPE_CHECKING:
    from salesdesk.ui.importing.wizard import ImportWizard

VALUE_SCAN_ROWS = 5000
MAX_VALUES = 60
OUTCOME_CHOICES = (Outcome.OPEN.value, Outcome.WON.value, Outcome.LOST.value, SKIP)


@dataclass(frozen=True, slots=True)
class _Planned:
    """The plan, and the values of its outcome and stage columns (normalised → as written)."""

    plan: ImportPlan
    values: dict[str, str]


def _outcome_values(plan: ImportPlan) -> dict[str, str]:
    """The distinct values of the outcome and stage columns in the first rows (in a worker)."""
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
    return found


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

    def initializePage(self) -> None:
        state = self._wizard.state
        path = state.path
        assert path is not None
        state.plan = None
        self.values.removeRows(0, self.values.rowCount())
        self.outcome_combos = {}
        while self.formats.rowCount():
            self.formats.removeRow(0)
        self.date_combos = {}
        self.notes.setText(f"Reading {path.name}…")
        options, mapping = state.options, state.mapping

        def plan(ctx: TaskContext) -> _Planned:
            try:
                planned = plan_import(path, options, mapping, cancelled=ctx.cancelled)
            except ImportCancelled as exc:
                raise Cancelled from exc
            return _Planned(planned, _outcome_values(planned))

        self._wizard.read(plan, self._show, lambda exc: self.notes.setText(str(exc)),
                          label=f"Reading {path.name}…", key="plan", cancellable=True,
                          on_cancel=self._wizard.back)

    def _show(self, planned: _Planned) -> None:
        plan = planned.plan
        state = self._wizard.state
        state.plan = plan
        state.rules = plan.rules
        self._fill_values(plan, planned.values)
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
        self.completeChanged.emit()

    def _fill_values(self, plan: ImportPlan, found: dict[str, str]) -> None:
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

    def isComplete(self) -> bool:
        return self._wizard.state.plan is not None

    def validatePage(self) -> bool:
        self._update_rules()
        state = self._wizard.state
        if state.plan is None:
            return False
        state.plan = replace(state.plan, mapping=state.mapping, rules=state.rules)
        return True
