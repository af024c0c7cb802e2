"""The window's exports the main window routes to: File ▸ Export Report (PDF) and Export Deals
(CSV or XLSX). The files are written in workers of the window's task runner; only the report's
charts, which pyqtgraph paints on the GUI thread, are painted here, a step per turn of the event
loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from salesdesk.currencies import currency_digits
from salesdesk.domain.metrics import Figures
from salesdesk.i18n import translate
from salesdesk.store import DealListQuery, ExportCancelled, Store
from salesdesk.ui import formatting
from salesdesk.ui.charts import ChartFigures
from salesdesk.ui.file_jobs import start_folder
from salesdesk.ui.funnel.report_pdf import paint_charts, write_report
from salesdesk.ui.tasks import Cancelled, TaskContext, TaskRunner, own_store
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

LIST_PAGE = 10_000


def listed_ids(store: Store, query: DealListQuery) -> list[int]:
    """The ids of every deal the Deals list shows for ``query``, page by page."""
    ids: list[int] = []
    while True:
        rows = store.list_rows(query, len(ids), LIST_PAGE)
        ids.extend(row.id for row in rows)
        if len(rows) < LIST_PAGE:
            return ids


class ExportJobs(QObject):
    """Exports of the window, parented to it.

    Signals:
        message(str): a status-bar message (a file was written).
    """

    message = Signal(str)

    def __init__(self, workspace: Workspace, ui_settings: UiSettings, tasks: TaskRunner,
                 window: QWidget) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._settings = ui_settings
        self._tasks = tasks
        self._window = window

    def _folder(self) -> Path:
        return Path(self._settings.last_export_folder or start_folder(self._settings))

    def _written(self, path: Path, text: str) -> None:
        self._settings.last_export_folder = str(path.parent)
        self.message.emit(text)

    def export_report(self, figures: ChartFigures | None, before: Figures | None) -> None:
        """Write the Funnel tab's slice (``figures``, compared with ``before``) as a PDF
        meeting report."""
        if figures is None:
            self._workspace.error_raised.emit(translate(
                "ExportJobs", "There are no figures to report yet: record deals first (or wait"
                " until the figures are counted)."))
            return
        store = self._workspace.store
        name, _ = QFileDialog.getSaveFileName(
            self._window, translate("ExportJobs", "Export report"),
            str(self._folder() / f"{store.path.stem}-report.pdf"),
            translate("ExportJobs", "PDF documents (*.pdf)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        title = translate("ExportJobs", "{name} — sales figures").format(
            name=translate("ExportJobs", "Sample business (demo)")
            if self._workspace.opened.temporary else store.path.stem)
        today = self._workspace.today()
        charts: list[QImage] = []

        def write(ctx: TaskContext) -> Path:
            return write_report(path, figures, title=title, today=today, before=before,
                                charts=charts)

        def start_writing() -> None:
            saved = translate("ExportJobs", "Saved the report to {path}.").format(path=path)
            self._tasks.run(write, lambda _: self._written(path, saved),
                            label=translate("ExportJobs", "Writing the report…"),
                            parent=self._window,
                            on_error=lambda exc: self._workspace.error_raised.emit(str(exc)))

        self._tasks.in_turns(paint_charts(figures, charts), start_writing)

    def export_deals(self, query: DealListQuery) -> None:
        """Write all deals, or those the Deals list shows for ``query``, to a CSV or XLSX
        file, in a worker with progress and Cancel."""
        store = self._workspace.store
        only_listed = False
        if query.search or query.outcome is not None or query.deal_ids is not None:
            answer = QMessageBox.question(
                self._window, translate("ExportJobs", "Export deals"),
                translate("ExportJobs", "Export only the deals the Deals list shows now? (No"
                          " exports every deal.)"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            only_listed = answer == QMessageBox.StandardButton.Yes
        name, chosen = QFileDialog.getSaveFileName(
            self._window, translate("ExportJobs", "Export deals"),
            str(self._folder() / f"{store.path.stem}-deals.xlsx"),
            translate("ExportJobs", "Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + (".csv" if "*.csv" in chosen else ".xlsx"))
        digits = currency_digits()

        def work(ctx: TaskContext) -> int:
            def progress(done: int, total: int) -> None:
                ctx.report(done, total, translate(
                    "ExportJobs", "Exporting deals… {done} of {total}").format(
                        done=formatting.count(done), total=formatting.count(total)))

            with own_store(store) as own:
                deal_ids = listed_ids(own, query) if only_listed else None
                try:
                    return own.export_deals(path, digits, deal_ids=deal_ids, progress=progress,
                                            cancelled=ctx.cancelled)
                except ExportCancelled as exc:
                    raise Cancelled from exc

        self._tasks.run(
            work, lambda count: self._written(path, translate(
                "ExportJobs", "Exported {count} deals to {path}.").format(count=count, path=path)),
            label=translate("ExportJobs", "Exporting deals…"), parent=self._window,
            cancellable=True,
            on_error=lambda exc: self._workspace.error_raised.emit(
                translate("ExportJobs", "The deals were not exported: {error}").format(
                    error=exc)),
            on_cancel=lambda: self.message.emit(
                translate("ExportJobs", "The export was cancelled; no file was written.")))
