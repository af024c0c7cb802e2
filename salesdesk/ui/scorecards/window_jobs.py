"""The Scorecards feature's jobs the main window routes to: the preparation sheet a deal form
asks for, the template editor, and exporting scorecards (PDF, CSV, team matrix CSV).

Kept here so the main window only wires signals to these methods, and ``ui.deals`` never
imports this package (the deal form emits a request with the deal's id). Scorecard exports
are written in a worker of the window's task runner, so the window stays responsive however
many salespeople the PDF lays out, and the busy cursor goes whatever the writing raises.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from salesdesk.domain.deal_prep import PrepSheet
from salesdesk.files import write_text
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.scorecard_report import ScorecardReport, csv_text, matrix_rows, render_csv
from salesdesk.store import NotFound
from salesdesk.ui.scorecards.commands import SavePrepCommand, scorecards
from salesdesk.ui.scorecards.pdf import write_brief, write_scorecards
from salesdesk.ui.scorecards.prep_dialog import PrepDialog
from salesdesk.ui.scorecards.template_dialog import TemplateDialog
from salesdesk.ui.tasks import Task, TaskContext, TaskRunner
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

EXPORT_FILTERS = (QT_TRANSLATE_NOOP("ScorecardJobs", "Scorecards PDF (*.pdf)"),
                  QT_TRANSLATE_NOOP("ScorecardJobs", "Scorecards CSV (*.csv)"),
                  QT_TRANSLATE_NOOP("ScorecardJobs", "Team matrix CSV (*.csv)"))


def _chose(chosen: str, index: int) -> bool:
    """True when ``chosen`` is the filter EXPORT_FILTERS[index], in English or as the file
    dialog offered it (translated)."""
    english = EXPORT_FILTERS[index]
    return chosen in (english, translate("ScorecardJobs", english))


def export_path(path: Path, chosen: str) -> Path:
    """``path`` with the extension of the filter ``chosen`` added, unless it ends in .pdf or
    .csv already (the extension then decides between PDF and CSV)."""
    if path.suffix.lower() in (".pdf", ".csv"):
        return path
    return path.with_name(path.name + (".pdf" if _chose(chosen, 0) else ".csv"))


def write_export_file(path: Path, report: ScorecardReport, *, matrix: bool, title: str,
                      today: dt.date) -> Path:
    """Write ``report`` to ``path``: a PDF, the team matrix CSV (``matrix``) or the
    scorecards CSV. Needs no GUI thread (a worker runs it); raises OSError on failure, with
    no partial file left."""
    if path.suffix.lower() == ".pdf":
        return write_scorecards(path, report, title=title, today=today)
    write_text(path, csv_text(*matrix_rows(report)) if matrix else render_csv(report))
    return path


class ScorecardJobs(QObject):
    """Dialogs and exports of the Scorecards feature, parented to the main window.

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

    def _parent(self) -> QWidget:
        modal = QApplication.activeModalWidget()
        return modal if modal is not None else self._window

    def _folder(self) -> Path:
        return Path(self._settings.last_export_folder or Path.home())

    # --- preparation sheets ---------------------------------------------------------------

    def open_prep(self, deal_id: int) -> None:
        """Open a deal's preparation sheet; saving it is an undoable command."""
        workspace = self._workspace
        try:
            deal = workspace.store.deal(deal_id)
        except NotFound as exc:
            workspace.error_raised.emit(str(exc))
            return
        cards = scorecards(workspace)
        dialog = PrepDialog(deal.title, cards.deal_prep(deal_id), cards.tactics(),
                            cards.prepared_share(), read_only=workspace.read_only,
                            parent=self._parent())
        details = " · ".join(part for part in (deal.client, deal.rep, deal.product,
                                               deal.stage) if part)
        dialog.brief_requested.connect(
            lambda sheet: self.save_brief(dialog, deal.title, details, sheet))
        if (dialog.exec() == PrepDialog.DialogCode.Accepted and dialog.sheet is not None
                and not workspace.read_only and dialog.sheet != cards.deal_prep(deal_id)
                and not (dialog.sheet.is_empty() and cards.deal_prep(deal_id) is None)):
            SavePrepCommand(workspace, deal_id, dialog.sheet, deal.title).run()

    def save_brief(self, parent: QWidget, title: str, details: str, sheet: PrepSheet) -> None:
        """Ask for a file and write the sheet's one-page PDF brief."""
        safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in title).strip()
        name, _ = QFileDialog.getSaveFileName(
            parent, translate("ScorecardJobs", "Save preparation brief"),
            str(self._folder() / f"{safe}-brief.pdf"),
            translate("ScorecardJobs", "PDF documents (*.pdf)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        cards = scorecards(self._workspace)
        try:
            write_brief(path, sheet, deal=title, details=details,
                        today=self._workspace.today(), tactics=cards.tactics(),
                        prepared_from=cards.prepared_share())
        except OSError as exc:
            self._workspace.error_raised.emit(str(exc))
            return
        self._settings.last_export_folder = str(path.parent)
        self.message.emit(translate("ScorecardJobs", "Saved the brief to {path}.").format(
            path=path))

    # --- template and exports ---------------------------------------------------------------

    def edit_template(self) -> None:
        """Open the template editor."""
        TemplateDialog(self._workspace, self._parent()).exec()

    def export_scorecards(self, report: ScorecardReport | None) -> None:
        """Ask for a file and write the scorecards (PDF or CSV) or the team matrix (CSV)."""
        if report is None:
            self._workspace.error_raised.emit(translate(
                "ScorecardJobs", "The scorecards are not ready yet: wait until the figures are "
                "counted."))
            return
        stem = self._workspace.store.path.stem
        name, chosen = QFileDialog.getSaveFileName(
            self._parent(), translate("ScorecardJobs", "Export scorecards"),
            str(self._folder() / f"{stem}-scorecards.pdf"),
            ";;".join(translate("ScorecardJobs", f) for f in EXPORT_FILTERS))
        if not name:
            return
        self.write_export(Path(name), chosen, report)

    def write_export(self, path: Path, chosen: str, report: ScorecardReport) -> Task[Path]:
        """Start writing ``report`` to ``path`` in the format the filter ``chosen`` names (the
        extension decides between PDF and CSV when it is .pdf or .csv), in a worker of the
        window's task runner; the status bar says where it went, a failure is shown in a
        dialog. Returns the task (its outcome arrives on the GUI thread)."""
        path = export_path(path, chosen)
        matrix = _chose(chosen, 2)
        # Read on the GUI thread: the worker gets plain values (the report is one already).
        name = (translate("ScorecardJobs", "Sample business (demo)")
                if self._workspace.opened.temporary else self._workspace.store.path.stem)
        title = translate("ScorecardJobs", "{name} — scorecards").format(name=name)
        today = self._workspace.today()

        def work(ctx: TaskContext) -> Path:
            return write_export_file(path, report, matrix=matrix, title=title, today=today)

        def done(written: Path) -> None:
            self._settings.last_export_folder = str(written.parent)
            self.message.emit(translate("ScorecardJobs", "Exported the scorecards to {path}.")
                              .format(path=written))

        return self._tasks.run(
            work, done, label=translate("ScorecardJobs", "Exporting the scorecards…"),
            parent=self._window,
            on_error=lambda exc: self._workspace.error_raised.emit(translate(
                "ScorecardJobs", "The scorecards were not exported: {error}").format(
                error=exc)))
