"""Page 5 of the import wizard: the first rows as they would import (amounts as they will be
stored: in major units of the deal's own currency, written as the currency display preference
says), problems highlighted, and what to do with deals already in the file. The rows are read
in a worker; so is the import."""

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
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store import PreviewRow, default_rejected_path, preview
from salesdesk.ui.formatting import amount_text, count, date_text
from salesdesk.ui.importing.source_pages import reading_label
from salesdesk.ui.importing.values_page import outcome_text

if TYPE_CHECKING:
    from salesdesk.ui.importing.wizard import ImportWizard

PREVIEW_ROWS = 100
REJECTED_BRUSH = QBrush(QColor(255, 205, 205))
SKIPPED_BRUSH = QBrush(QColor(225, 225, 225))


class PreviewPage(QWizardPage):
    """The first rows as they would import, problems highlighted; what to do with duplicates."""

    # Shown through translate("ImportPreviewPage", header).
    COLUMNS = (QT_TRANSLATE_NOOP("ImportPreviewPage", "Row"),
               QT_TRANSLATE_NOOP("ImportPreviewPage", "Result"),
               QT_TRANSLATE_NOOP("ImportPreviewPage", "Title"),
               QT_TRANSLATE_NOOP("ImportPreviewPage", "Client"),
               QT_TRANSLATE_NOOP("ImportPreviewPage", "Outcome"),
               QT_TRANSLATE_NOOP("ImportPreviewPage", "First contact"),
               QT_TRANSLATE_NOOP("ImportPreviewPage", "Closed on"),
               QT_TRANSLATE_NOOP("ImportPreviewPage", "Amount"))

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("ImportPreviewPage", "Preview"))
        self.setSubTitle(translate(
            "ImportPreviewPage", "The first {count} rows. Red rows will be rejected and written"
            " to the rejected-rows file with the reason; nothing is imported before you click"
            " Import.").format(count=PREVIEW_ROWS))
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [translate("ImportPreviewPage", header) for header in self.COLUMNS])
        self.table = QTableView()
        self.table.setObjectName("import_preview")
        self.table.setAccessibleName(translate("ImportPreviewPage", "First rows as imported"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("on_duplicate")
        self.duplicates.addItem(translate("ImportPreviewPage", "Skip them"), "skip")
        self.duplicates.addItem(translate("ImportPreviewPage", "Update them from the file"),
                                "update")
        self.rejected = QLineEdit()
        self.rejected.setObjectName("rejected_path")
        self.counts = QLabel()
        form = QFormLayout()
        form.addRow(translate("ImportPreviewPage", "Deals already in the database:"),
                    self.duplicates)
        form.addRow(translate("ImportPreviewPage", "Rejected rows to:"), self.rejected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.counts)
        layout.addLayout(form)
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           translate("ImportPreviewPage", "&Import"))

    def initializePage(self) -> None:
        state = self._wizard.state
        assert state.plan is not None and state.path is not None
        self.rejected.setText(str(default_rejected_path(state.path)))
        self.model.removeRows(0, self.model.rowCount())
        self.counts.clear()
        plan, rules = state.plan, self._wizard.input_rules
        self._wizard.read(lambda ctx: preview(plan, rules, PREVIEW_ROWS), self._show,
                          lambda exc: self.counts.setText(str(exc)),
                          label=reading_label(state.path), key="preview")

    def _show(self, rows: list[PreviewRow]) -> None:
        rejected = skipped = 0
        for row in rows:
            result = row.result
            if isinstance(result, Converted):
                deal = result.deal
                texts = [translate("ImportPreviewPage", "ok") if not result.warnings else
                         translate("ImportPreviewPage", "ok; a date is unknown: it counts in"
                                   " conversion, not in deal length"),
                         deal.title, deal.client or "", outcome_text(deal.outcome.value),
                         date_text(deal.first_contact), date_text(deal.closed_on),
                         "" if deal.amount is None else self._amount(deal.amount,
                                                                     deal.currency)]
                if deal.first_contact_inferred:
                    texts[4] = translate("ImportPreviewPage", "{date} (created)").format(
                        date=texts[4])
                brush = None
            elif isinstance(result, Skipped):
                skipped += 1
                texts = [translate("ImportPreviewPage", "skipped: {reason}").format(
                    reason=result.reason), "", "", "", "", "", ""]
                brush = SKIPPED_BRUSH
            else:
                assert isinstance(result, Rejected)
                rejected += 1
                texts = [translate("ImportPreviewPage", "rejected: {reason}").format(
                    reason=result.reason()), "", "", "", "", "", ""]
                brush = REJECTED_BRUSH
            items = [QStandardItem(str(row.number)), *(QStandardItem(t) for t in texts)]
            for item in items:
                item.setEditable(False)
                if brush is not None:
                    item.setBackground(brush)
                    item.setToolTip(texts[0])
            self.model.appendRow(items)
        text = (translate("ImportPreviewPage", "Of the first {count} rows: {ready} ready,"
                          " {rejected} rejected, {skipped} skipped.") if len(rows) != 1 else
                translate("ImportPreviewPage", "Of the one row: {ready} ready, {rejected}"
                          " rejected, {skipped} skipped."))
        self.counts.setText(text.format(count=count(len(rows)),
                                        ready=count(len(rows) - rejected - skipped),
                                        rejected=count(rejected), skipped=count(skipped)))

    def _amount(self, minor_units: int, currency: str) -> str:
        """An amount as it will be stored, in major units of its currency with its digits,
        written as the currency display preference says: "1,250.00 EUR" or "€1,250.00" for
        125000 cents."""
        digits = self._wizard.input_rules.currency_digits.get(currency, 2)
        return amount_text(minor_units / 10**digits, currency, digits)

    def validatePage(self) -> bool:
        if self._wizard.summary is not None:
            return True  # imported: the wizard closes
        state = self._wizard.state
        state.on_duplicate = self.duplicates.currentData()
        text = self.rejected.text().strip()
        state.rejected_path = Path(text).expanduser() if text else None
        self._wizard.run_import()  # accepts the wizard once the rows are in
        return False
