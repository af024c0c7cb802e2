"""The import wizard driven page by page: detection, mapping, values, preview, the import in
a worker with progress, Cancel, and what the main window does afterwards. The file is read
in workers: each step waits for the wizard's task to end."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget, QWizard, QWizardPage
from pytestqt.qtbot import QtBot

from salesdesk import i18n, paths
from salesdesk.app import OpenedDatabase
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.importing import IMPORT_FIELDS, ColumnMapping, DateOrder, Note, NoteKind
from salesdesk.store import ImportSummary, saved_presets
from salesdesk.store import importing as engine
from salesdesk.ui import tasks
from salesdesk.ui.actions import ActionId
from salesdesk.ui.formatting import date_text
from salesdesk.ui.importing.preview_page import REJECTED_BRUSH
from salesdesk.ui.importing.wizard import ImportWizard, summary_text
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.tasks import TaskContext
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

from .conftest import run_with_modal
from .mnemonics import clashes

PIPEDRIVE = (
    "Deal - ID;Deal - Title;Deal - Organization;Deal - Status;Deal - Deal created;"
    "Deal - Won time;Deal - Value\n"
    "1;Alpha;Acme;won;05.01.2026;20.01.2026;1.234,50\n"
    "2;Bad;Beta;won;05.01.2026;01.01.2026;1\n"
    "3;Gone;Beta;deleted;05.01.2026;;1\n"
    "4;Open;Beta;open;05.01.2026;;\n"
)


@pytest.fixture
def workspace(opened: OpenedDatabase) -> Workspace:
    space = Workspace(opened)
    yield space
    space.close()


def _wizard(qtbot: QtBot, workspace: Workspace) -> ImportWizard:
    wizard = ImportWizard(workspace, UiSettings())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _next(qtbot: QtBot, wizard: ImportWizard, page: QWizardPage) -> None:
    """Next, then wait until ``page`` shows what the worker read."""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is page and not wizard.tasks.busy)


def _to_mapping(qtbot: QtBot, wizard: ImportWizard, source: Path) -> None:
    """Choose ``source`` and go on, as detected, to the mapping page."""
    wizard.file_page.path_edit.setText(str(source))
    _next(qtbot, wizard, wizard.source_page)
    _next(qtbot, wizard, wizard.mapping_page)


def _to_preview(qtbot: QtBot, wizard: ImportWizard, source: Path) -> None:
    _to_mapping(qtbot, wizard, source)
    _next(qtbot, wizard, wizard.values_page)
    _next(qtbot, wizard, wizard.preview_page)


@pytest.mark.parametrize("piped", [False, True], ids=["here", "in a second process"])
def test_wizard_imports_a_pipedrive_file(qtbot: QtBot, workspace: Workspace, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, piped: bool,
                                         us_locale: None) -> None:
    if piped:  # as a big file is read
        monkeypatch.setattr(engine, "PIPE_MIN_BYTES", 0)
    source = tmp_path / "pipedrive.csv"
    source.write_text(PIPEDRIVE, encoding="cp1252")
    wizard = _wizard(qtbot, workspace)
    wizard.file_page.path_edit.setText(str(source))
    _next(qtbot, wizard, wizard.source_page)
    page = wizard.source_page
    assert page.delimiter.currentData() == ";" and page.encoding.currentText() == "utf-8"
    assert page.table.model().columnCount() == 7
    _next(qtbot, wizard, wizard.mapping_page)
    mapping = wizard.mapping_page
    assert mapping.preset.currentText() == "Detected (pipedrive)"
    assert wizard.state.mapping.columns["client"] == "Deal - Organization"
    assert "Deal - Deal created" in mapping.notes.text()
    mapping.set_column("notes", "Deal - Title")
    assert wizard.state.mapping.columns["notes"] == "Deal - Title"
    _next(qtbot, wizard, wizard.values_page)
    values = wizard.values_page
    assert values.outcome_combos["deleted"].currentText() == "skip"
    assert values.outcome_combos["won"].currentText() == "won"
    assert values.date_combos["Deal - Deal created"].currentData() == DateOrder.DMY
    assert values.number_combo.currentText() == "1.234,50"
    assert values.number_combo.isVisible()
    values.set_outcome("open", "lost")  # the user's choice wins over the synonym
    _next(qtbot, wizard, wizard.preview_page)
    preview = wizard.preview_page
    model = preview.model
    assert model.rowCount() == 4
    # 1.234,50 as it will be stored: 1,234.50 as this (US) computer writes amounts
    amount = preview.COLUMNS.index("Amount")
    assert model.item(0, amount).text() == "1,234.50 EUR"
    assert model.item(1, 1).text().startswith("rejected: Deal - Won time: The close date")
    assert model.item(1, 1).background() == REJECTED_BRUSH
    assert model.item(2, 1).text().startswith("skipped")
    # open→lost lacks its close date: imported all the same, it counts in conversion only.
    assert "2 ready, 1 rejected, 1 skipped" in preview.counts.text()
    assert workspace.store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 0
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    summary = wizard.summary
    assert summary is not None
    assert (summary.imported, summary.rejected, summary.skipped) == (2, 1, 1)
    assert (tmp_path / "pipedrive-rejected.csv").exists()
    deal = workspace.store.deal(summary.deal_ids[0])
    assert deal.amount == 123450 and deal.notes == "Alpha" and deal.outcome is Outcome.WON
    assert multiprocessing.active_children() == []


def test_a_mapping_that_reads_no_column_goes_no_further(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "deals.csv"
    source.write_text("title,client\nKiln,Acme\n", encoding="utf-8")
    wizard = _wizard(qtbot, workspace)
    _to_mapping(qtbot, wizard, source)
    _next(qtbot, wizard, wizard.values_page)  # read with the detected mapping, then back
    assert wizard.values_page.isComplete()
    wizard.back()
    for field_name in list(wizard.state.mapping.columns):
        wizard.mapping_page.set_column(field_name, None)
    assert wizard.state.mapping.columns == {}
    _next(qtbot, wizard, wizard.values_page)
    values = wizard.values_page
    assert "No column of deals.csv was recognised" in values.notes.text()
    assert not values.isComplete()
    wizard.next()
    assert wizard.currentPage() is values  # not on to the preview and the import
    assert workspace.store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 0


def test_ambiguous_dates_are_asked(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "us.csv"
    source.write_text("title,first contact\nA,01/02/2026\nB,03/04/2026\n", encoding="utf-8")
    wizard = _wizard(qtbot, workspace)
    _to_mapping(qtbot, wizard, source)
    _next(qtbot, wizard, wizard.values_page)
    values = wizard.values_page
    labels = [values.formats.itemAt(i, values.formats.ItemRole.LabelRole).widget().text()
              for i in range(values.formats.rowCount())]
    assert labels == ["Dates in first contact (ambiguous — check):"]
    values.set_date_order("first contact", DateOrder.MDY)
    _next(qtbot, wizard, wizard.preview_page)
    assert wizard.preview_page.model.item(0, 5).text() == date_text(dt.date(2026, 1, 2))


@pytest.fixture
def translated() -> None:
    """Every text "translated" (marked "~"), as another language would word it."""
    i18n.install(lambda context, text, disambiguation: f"~{text}")
    yield
    i18n.install(None)


@pytest.mark.usefixtures("translated")
def test_ambiguous_dates_and_outcome_choices_work_in_another_language(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "us.csv"
    source.write_text("title,first contact,status\nA,01/02/2026,won\nB,03/04/2026,open\n",
                      encoding="utf-8")
    wizard = _wizard(qtbot, workspace)
    _to_mapping(qtbot, wizard, source)
    _next(qtbot, wizard, wizard.values_page)
    values = wizard.values_page
    labels = [values.formats.itemAt(i, values.formats.ItemRole.LabelRole).widget().text()
              for i in range(values.formats.rowCount())]
    assert labels == ["~Dates in first contact (ambiguous — check):"]
    assert values.outcome_combos["won"].currentText() == "~won"
    values.set_outcome("open", "lost")
    assert wizard.state.mapping.outcome_values["open"] == "lost"
    wizard.close()


@pytest.mark.usefixtures("translated")
def test_the_summary_leaves_out_row_notes_by_their_kind_in_any_language() -> None:
    summary = ImportSummary(imported=3, unmapped=["rep"], notes=[
        "~Read as CSV.", Note("~Row 4: a won deal without a close date.", NoteKind.ROWS),
        Note("~  amount: Not an amount — 1 row (5)", NoteKind.ROWS),
        Note("~Not mapped (no column found): rep.", NoteKind.UNMAPPED)])
    assert summary_text(summary).splitlines() == [
        "~Imported 3 deals.", "~Read as CSV.", "~Fields no column fed: ~salesperson."]


@pytest.mark.parametrize("piped", [False, True], ids=["here", "in a second process"])
def test_cancel_leaves_the_database_untouched(qtbot: QtBot, workspace: Workspace,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              piped: bool) -> None:
    source = tmp_path / "many.csv"
    source.write_text("title\n" + "".join(f"Deal {i}\n" for i in range(300)), encoding="utf-8")
    monkeypatch.setattr(engine, "PROGRESS_EVERY", 5)
    if piped:
        monkeypatch.setattr(engine, "PIPE_MIN_BYTES", 0)
    monkeypatch.setattr(tasks, "SHOW_AFTER_MS", 0)
    wizard = _wizard(qtbot, workspace)
    _to_preview(qtbot, wizard, source)
    # The import waits at its first progress report, mid-file, until Cancel is pressed.
    reported, cancel_pressed = threading.Event(), threading.Event()
    report = TaskContext.report

    def report_and_wait(ctx: TaskContext, done: int, total: int = 0,
                        text: str | None = None) -> None:
        report(ctx, done, total, text)
        reported.set()
        assert cancel_pressed.wait(10)

    monkeypatch.setattr(TaskContext, "report", report_and_wait)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: messages.append(text))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(reported.is_set)
    qtbot.waitUntil(lambda: wizard.findChild(QProgressDialog, "task_progress") is not None)
    progress = wizard.findChild(QProgressDialog, "task_progress")
    qtbot.waitUntil(progress.isVisible)
    progress.cancel_button.click()
    cancel_pressed.set()
    qtbot.waitUntil(lambda: bool(messages))
    assert "nothing was changed" in messages[0]
    assert wizard.summary is None and wizard.isVisible()
    assert workspace.store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 0
    assert not (tmp_path / "many-rejected.csv").exists()
    assert multiprocessing.active_children() == []
    wizard.close()


def test_main_window_import_refreshes_and_clears_undo(qtbot: QtBot, window: MainWindow,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "plain.csv"
    source.write_text("Title,Company,Value\nOne,Acme,10\nTwo,Beta,\n", encoding="utf-8")
    window.workspace.undo_stack.push(QUndoCommand("an earlier edit"))
    changes: list[object] = []
    window.workspace.changed.connect(changes.append)

    def drive(wizard: QWidget) -> None:
        assert isinstance(wizard, ImportWizard)
        _to_preview(qtbot, wizard, source)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: not wizard.isVisible())  # accepted once the rows are in

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: messages.append(text))
    run_with_modal(qtbot, window.registry[ActionId.IMPORT_DEALS].trigger, drive)
    assert window.workspace.undo_stack.count() == 0
    assert any(getattr(c, "all_deals", False) for c in changes)
    assert "Imported 2 deals." in messages[0] and "undo history was cleared" in messages[0]
    assert window.deals_tab.model.rowCount() == 2


def test_problems_in_the_files_lines_are_named_with_their_line_and_the_bad_row_rejected(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "joined.csv"
    source.write_bytes("title,client,first contact,notes\n"
                       "Ofen,Müller GmbH,2026-01-05,fine\n".encode()
                       + "Kühlraum,Schäfer KG,2026-01-06,fine\n".encode("cp1252")  # line 3
                       + "\ufeffPresse,Größe AG,2026-01-07,fine\n".encode()  # line 4: a BOM
                       + (b'Kiln,Acme,2026-01-08,"Call back\n'  # row 5: a quote left open
                          b"Glaze,Acme,2026-01-09,none\nDryer,Acme,2026-01-10,none\n"))
    problems = ("Line 3 of joined.csv is not UTF-8", "A byte-order mark inside the file"
                " (line 4) was removed", "A quote is not closed in row 5")
    seen: dict[str, str] = {}

    def drive(wizard: QWidget) -> None:
        assert isinstance(wizard, ImportWizard)
        _to_preview(qtbot, wizard, source)
        seen["values"] = wizard.values_page.notes.text()
        seen["preview"] = wizard.preview_page.counts.text()
        assert wizard.preview_page.model.item(3, 1).text().startswith(
            "rejected: A quote is not closed")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: not wizard.isVisible())

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: messages.append(text))
    run_with_modal(qtbot, window.registry[ActionId.IMPORT_DEALS].trigger, drive)
    [summary] = messages
    for notes in (seen["values"], summary):  # before the import, and in its summary
        for problem in problems:
            assert notes.count(problem) == 1, (problem, notes)
    assert "3 ready, 1 rejected" in seen["preview"]
    assert "Imported 3 deals." in summary and "1 row was rejected" in summary
    store = window.workspace.store
    assert [(d.title, d.client) for d in map(store.deal, range(1, 4))] == [
        ("Ofen", "Müller GmbH"), ("Kühlraum", "Schäfer KG"), ("Presse", "Größe AG")]
    assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 3
    rejected = (tmp_path / "joined-rejected.csv").read_text(encoding="utf-8")
    assert "Kiln" in rejected and "row 5: A quote is not closed" in rejected


def test_export_action_writes_the_listed_deals(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window.workspace.store.add_deals([Deal("One"), Deal("Two")], window.workspace.today())
    out = tmp_path / "out.csv"
    monkeypatch.setattr("salesdesk.ui.export_jobs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), "CSV (*.csv)"))
    window.registry[ActionId.EXPORT_DEALS].trigger()
    qtbot.waitUntil(lambda: "Exported 2 deals" in window.statusBar().currentMessage())
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("title,client,rep")
    assert "One" in text and "Two" in text


def test_mapping_is_remembered_and_saved_as_a_preset(qtbot: QtBot, workspace: Workspace,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "plain.csv"
    source.write_text("Title,Remark,Value\nOne,hello,10\n", encoding="utf-8")
    wizard = _wizard(qtbot, workspace)
    _to_mapping(qtbot, wizard, source)
    page = wizard.mapping_page
    page.set_column("notes", "Remark")
    monkeypatch.setattr("salesdesk.ui.importing.mapping_page.QInputDialog.getText",
                        lambda *a, **k: ("Remarks as notes", True))
    page.save_preset()
    # Saved where `salesdesk import --preset "Remarks as notes"` finds it.
    assert saved_presets(paths.import_presets_dir())["Remarks as notes"].columns["notes"] \
        == "Remark"
    _next(qtbot, wizard, wizard.values_page)  # leaving the page remembers the mapping
    wizard.close()

    again = _wizard(qtbot, workspace)
    again.file_page.path_edit.setText(str(source))
    _next(qtbot, again, again.source_page)
    _next(qtbot, again, again.mapping_page)
    assert again.state.mapping.columns["notes"] == "Remark"
    page = again.mapping_page
    page.preset.setCurrentIndex(page.preset.findText("Plain"))
    page.preset.activated.emit(page.preset.currentIndex())
    assert "notes" not in again.state.mapping.columns
    page.preset.setCurrentIndex(page.preset.findText("Saved: Remarks as notes"))
    page.preset.activated.emit(page.preset.currentIndex())
    assert again.state.mapping.columns["notes"] == "Remark"
    assert page.model.item(IMPORT_FIELDS.index("notes"), 1).text() == "Remark"
    again.close()


def test_presets_of_earlier_versions_move_to_the_shared_folder() -> None:
    old = QSettings()
    old.setValue("settings_version", 1)
    old.setValue("import/presets", json.dumps({
        "Old one": ColumnMapping(columns={"title": "Name"}).to_dict(),
        "Broken": {"columns": {"nonsense": "x"}}}))
    old.sync()
    UiSettings()
    assert list(saved_presets(paths.import_presets_dir())) == ["Old one"]
    assert QSettings().value("import/presets") is None


@pytest.fixture
def us_locale() -> Iterator[None]:
    """Numbers as in the US, whatever an earlier test left as the default locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def test_a_headerless_dump_is_asked_about_and_its_columns_guessed(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path, us_locale: None) -> None:
    source = tmp_path / "dump.csv"
    source.write_text("7,Kiln retrofit,1200.00,2021-05-20,Closed Won,2021-04-15 08:00:00\n"
                      "8,Glaze line,\\N,2021-06-02,Closed Lost,2021-04-20 10:30:00\n"
                      "9,Dryer,300.50,2021-09-30,Proposal,2021-05-02 12:00:00\n",
                      encoding="utf-8")
    wizard = _wizard(qtbot, workspace)
    wizard.file_page.path_edit.setText(str(source))
    _next(qtbot, wizard, wizard.source_page)
    page = wizard.source_page
    assert "looks like data, not column names" in page.question.text()
    page.no_header.setChecked(True)
    qtbot.waitUntil(lambda: not wizard.tasks.busy and wizard.state.headers[:1] == ["column 1"])
    assert page.question.text() == "" and len(wizard.state.sample) == 3
    _next(qtbot, wizard, wizard.mapping_page)
    mapping = wizard.mapping_page
    assert mapping.preset.currentText() == "Detected (guessed from the values)"
    assert wizard.state.mapping.columns["stage"] == "column 5"
    assert wizard.state.mapping.columns["title"] == "column 2"
    assert "No header row" in mapping.notes.text() and mapping.warning.text() == ""
    _next(qtbot, wizard, wizard.values_page)
    _next(qtbot, wizard, wizard.preview_page)
    preview = wizard.preview_page.model
    # Amounts as they will be stored, in major units of their currency.
    assert [preview.item(r, 7).text() for r in range(3)] == ["1,200.00 EUR", "", "300.50 EUR"]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.summary is not None and wizard.summary.imported == 3


def test_a_file_without_outcome_stage_or_dates_is_warned_about(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("Name,Company,Kind\nKiln,Ostwald,Renewal\nGlaze,Baltic,Pilot\n",
                      encoding="utf-8")
    wizard = _wizard(qtbot, workspace)
    _to_mapping(qtbot, wizard, source)
    mapping = wizard.mapping_page
    assert "No outcome, stage or date column is mapped" in mapping.warning.text()
    assert "Not found: outcome, stage, first contact, closed on" in mapping.warning.text()
    assert "Fields no column feeds: salesperson" in mapping.notes.text()
    mapping.set_column("customer_type", "Kind")
    _next(qtbot, wizard, wizard.values_page)  # the last page before the preview says it too
    values = wizard.values_page
    assert "No outcome, stage or date column is mapped" in values.warning.text()
    assert values.type_combos["renewal"].currentText() == "current"
    assert values.type_combos["pilot"].currentText() == "(reject the row)"
    values.set_customer_type("Pilot", "new")
    _next(qtbot, wizard, wizard.preview_page)
    assert "2 ready, 0 rejected" in wizard.preview_page.counts.text()


def test_no_page_of_the_wizard_shares_an_alt_key(qtbot: QtBot, workspace: Workspace,
                                                  tmp_path: Path) -> None:
    source = tmp_path / "pipedrive.csv"
    source.write_text(PIPEDRIVE, encoding="cp1252")
    wizard = _wizard(qtbot, workspace)
    seen = {"file": clashes(wizard)}
    wizard.file_page.path_edit.setText(str(source))
    for name in ("source_page", "mapping_page", "values_page", "preview_page"):
        _next(qtbot, wizard, getattr(wizard, name))
        seen[name] = clashes(wizard)
    assert {page: found for page, found in seen.items() if found} == {}
