"""Page 5 of the import wizard: the first rows as they would import (amounts as they will be
stored: in major units of the deal's own currency), problems highlighted, and what to do with
deals already in the file. The rows are read in a worker; so is the import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from salesdesk.domain.importing import Converted, Rejected, Skipped
from salesdesk.domain.parsing import format_minor_units
from salesdesk.store import PreviewRow, default_rejected_path, preview
from salesdesk.ui.formatting import date_text

if TYPE_CHECKING:
    from salesdesk.ui.importing.wizard import ImportWizard

PREVIEW_ROWS = 100
REJECTED_BRUSH = QBrush(QColor(255, 205, 205))
SKIPPED_BRUSH = QBrush(QColor(225, 225, 225))


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
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
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

    def initializePage(self) -> None:
        state = self._wizard.state
        assert state.plan is not None and state.path is not None
        self.rejected.setText(str(default_rejected_path(state.path)))
        self.model.removeRows(0, self.model.rowCount())
        self.counts.clear()
        plan, rules = state.plan, self._wizard.input_rules
        self._wizard.read(lambda ctx: preview(plan, rules, PREVIEW_ROWS), self._show,
                          lambda exc: self.counts.setText(str(exc)),
                          label=f"Reading {state.path.name}…", key="preview")

    def _show(self, rows: list[PreviewRow]) -> None:
        rejected = skipped = 0
        for row in rows:
            result = row.result
            if isinstance(result, Converted):
                deal = result.deal
                texts = ["ok" if not result.warnings else
                         "ok; a date is unknown: it counts in conversion, not in deal length",
                         deal.title, deal.client or "", deal.outcome.value,
                         date_text(deal.first_contact), date_text(deal.closed_on),
                         "" if deal.amount is None else self._amount(deal.amount,
                                                                     deal.currency)]
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

    def _amount(self, minor_units: int, currency: str) -> str:
        """An amount as it will be stored: 1250.00 EUR for 125000 cents."""
        digits = self._wizard.input_rules.currency_digits.get(currency, 2)
        return f"{format_minor_units(minor_units, digits)} {currency}"

    def validatePage(self) -> bool:
        if self._wizard.summary is not None:
            return True  # imported: the wizard closes
        state = self._wizard.state
        state.on_duplicate = self.duplicates.currentData()
        text = self.rejected.text().strip()
        state.rejected_path = Path(text).expanduser() if text else None
        self._wizard.run_import()  # accepts the wizard once the rows are in
        return False
