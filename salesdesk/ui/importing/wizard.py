"""The import wizard: file → reading options → column mapping → values and formats → preview
→ import, each page in a module of its own.

Everything it decides is handed to the store's import engine (store/importing.py), the same
one ``salesdesk import`` uses. The file is read, the import planned and run in workers of the
wizard's task runner, so the window keeps painting; nothing is written before the last page's
Import button, and then all valid rows go in one transaction on the worker's own connection,
with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from salesdesk.domain.importing import ColumnMapping, NoteKind, ReadRules, note_kind
from salesdesk.i18n import translate
from salesdesk.store import ImportCancelled, ImportPlan, ImportSummary, SourceOptions
from salesdesk.ui.formatting import count
from salesdesk.ui.importing.mapping_page import MappingPage, field_names
from salesdesk.ui.importing.preview_page import PreviewPage
from salesdesk.ui.importing.source_pages import FilePage, SourcePage
from salesdesk.ui.importing.values_page import ValuesPage
from salesdesk.ui.tasks import USER_ERRORS, Cancelled, TaskContext, TaskRunner, own_store
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

T = TypeVar("T")
# What reading or importing a file can raise for the user to fix: the store's errors (an
# unreadable file, a full disk), file errors, and a mapping naming columns the file lacks.
FILE_ERRORS: tuple[type[Exception], ...] = (ValueError, *USER_ERRORS)


@dataclass
class WizardState:
    """What the pages decided so far."""

    path: Path | None = None
    options: SourceOptions = field(default_factory=SourceOptions)
    headers: list[str] = field(default_factory=list)
    sample: list[list[str]] = field(default_factory=list)
    mapping: ColumnMapping = field(default_factory=ColumnMapping)
    plan: ImportPlan | None = None
    rules: ReadRules = field(default_factory=ReadRules)
    on_duplicate: str = "skip"
    rejected_path: Path | None = None


class ImportWizard(QWizard):
    """The import wizard; ``summary`` holds the result after a successful import."""

    def __init__(self, workspace: Workspace, ui_settings: UiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(translate("ImportWizard", "Import deals"))
        self.workspace = workspace
        self.ui_settings = ui_settings
        self.input_rules = workspace.input_rules()
        self.state = WizardState()
        self.summary: ImportSummary | None = None
        self.tasks = TaskRunner(self)
        self.file_page = FilePage(self)
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.values_page = ValuesPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.source_page, self.mapping_page, self.values_page,
                     self.preview_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(860, 620)

    def read(self, work: Callable[[TaskContext], T], done: Callable[[T], None],
             failed: Callable[[Exception], None], *, label: str, key: str | None = None,
             cancellable: bool = False, on_cancel: Callable[[], None] | None = None) -> None:
        """Read the file in a worker: ``done`` gets what was read, ``failed`` a file or
        mapping error to show on the page."""
        self.tasks.run(work, done, label=label, parent=self, on_error=failed,
                       errors=FILE_ERRORS, key=key, cancellable=cancellable,
                       on_cancel=on_cancel)

    def run_import(self) -> None:
        """Import in a worker with progress and Cancel; the wizard is accepted once the rows
        are committed, and stays open when the import was cancelled or failed."""
        state = self.state
        assert state.plan is not None
        store, today, rules = self.workspace.store, self.workspace.today(), self.input_rules
        plan, on_duplicate, rejected = state.plan, state.on_duplicate, state.rejected_path
        # Translated here, on the GUI thread; the worker only fills in the count.
        read_text = translate("ImportWizard", "Importing deals… {rows} rows read")
        locale = QLocale()

        def work(ctx: TaskContext) -> ImportSummary:
            def progress(rows: int, fraction: float) -> None:
                ctx.report(round(fraction * 1000), 1000,
                           read_text.format(rows=count(rows, locale)))

            try:
                with own_store(store) as own:
                    return own.import_deals(plan, rules, today, on_duplicate=on_duplicate,
                                            rejected_path=rejected, progress=progress,
                                            cancelled=ctx.cancelled)
            except ImportCancelled as exc:
                raise Cancelled from exc

        def done(summary: ImportSummary) -> None:
            self.summary = summary
            self.accept()

        self.tasks.run(
            work, done, label=translate("ImportWizard", "Importing deals…"), parent=self,
            cancellable=True, errors=FILE_ERRORS,
            on_error=lambda exc: QMessageBox.warning(
                self, translate("ImportWizard", "Import failed"),
                translate("ImportWizard", "Nothing was imported: {error}").format(error=exc)),
            on_cancel=lambda: QMessageBox.information(
                self, translate("ImportWizard", "Import cancelled"),
                translate("ImportWizard", "The import was cancelled: nothing was changed.")))

    def done(self, result: int) -> None:
        super().done(result)
        if not self.isVisible():  # closed (QWizard refuses to when the page is not valid)
            self.tasks.shutdown()


def summary_text(summary: ImportSummary) -> str:
    """The message shown after an import: the counts, then the notes that are not about
    single rows (the rejected-rows file and the Deals list show those rows)."""
    imported = count(summary.imported)
    lines = [translate("ImportWizard", "Imported 1 deal.") if summary.imported == 1 else
             translate("ImportWizard", "Imported {count} deals.").format(count=imported)]
    if summary.duplicates:
        lines.append((translate("ImportWizard", "1 row matched a deal already in the file"
                                " ({updated} updated).") if summary.duplicates == 1 else
                      translate("ImportWizard", "{count} rows matched deals already in the file"
                                " ({updated} updated).")).format(
            count=count(summary.duplicates), updated=count(summary.updated)))
    if summary.rejected:
        lines.append((translate(
            "ImportWizard", "{count} rows were rejected; they are in {file} with the reasons, to"
            " fix and import again.") if summary.rejected > 1 else translate(
            "ImportWizard", "1 row was rejected; it is in {file} with the reason, to fix and"
            " import again.")).format(count=count(summary.rejected),
                                      file=summary.rejected_file))
    for note in summary.notes:
        kind = note_kind(note)
        if kind is NoteKind.UNMAPPED:  # the CLI's note names the fields as --map does
            lines.append(translate("ImportWizard", "Fields no column fed: {fields}.").format(
                fields=field_names(summary.unmapped)))
        elif kind is not NoteKind.ROWS:
            lines.append(note)
    return "\n".join(lines)
