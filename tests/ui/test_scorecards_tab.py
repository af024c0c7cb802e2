"""The Scorecards tab driven like a user: an assessment sheet filled from the keyboard and
undone, figures next to the scores equal to the metrics engine's, the prep grid from the
keyboard with its completeness, the PDF brief, template edits, exports and chart export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.currencies import currency_digits
from salesdesk.domain.changes import Changes
from salesdesk.domain.deal_prep import prep_figures
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.metrics import MoneyRules, figures, reference_result
from salesdesk.domain.periods import Period, twelve_months_to
from salesdesk.domain.scorecards import weak_points
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.store import DealListQuery
from salesdesk.ui.charts.export import export_chart
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.scorecards.models import finish_editing
from salesdesk.ui.scorecards.prep_dialog import PrepDialog
from salesdesk.ui.scorecards.sheet_dialog import AssessmentDialog
from salesdesk.ui.scorecards.window_jobs import EXPORT_FILTERS

from .conftest import demo_copy, demo_database, run_with_modal, shown_window

DEALS = 300


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("scorecard-demo"), DEALS)


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        main.tabs.setCurrentWidget(main.scorecards_tab)
        qtbot.waitUntil(lambda: main.scorecards_tab.report is not None, timeout=10000)
        yield main


def type_into(qtbot: QtBot, view: QWidget, text: str) -> QWidget:
    """Type ``text`` into the current cell of an item view as a user does: the first key
    opens the cell's editor, the rest go to the editor, which has the focus."""
    if view.state() != QAbstractItemView.State.EditingState:  # type: ignore[attr-defined]
        qtbot.keyClick(view, text[0])
        text = text[1:]
    editor = QApplication.focusWidget()  # Tab from a cell opens the next one's editor
    assert editor is not None and editor is not view
    qtbot.keyClicks(editor, text)
    return editor


def every_deal(window: MainWindow) -> list[Deal]:
    store = window.workspace.store
    rows = store.list_rows(DealListQuery(), 0, store.list_count(DealListQuery()))
    return [store.deal(row.id) for row in rows]


def test_demo_has_history_and_figures_equal_the_metrics_engine(demo_window: MainWindow
                                                                ) -> None:
    tab = demo_window.scorecards_tab
    tab.set_rep("Bence Tóth")
    report = tab.report
    assert report is not None
    assert tab.history_model.rowCount() >= 5
    latest = tab.selected_assessment()
    assert latest is not None and latest.rep == "Bence Tóth"
    assert tab.period() == twelve_months_to(latest.assessed_on)
    # The weak rep's weak points are the handbook's interests and price items, and they fell.
    cards = demo_window.workspace.store.scorecards
    weak = weak_points(cards.assessments("Bence Tóth"))
    assert tab.weak_model.rowCount() == len(weak) and any(w.fell for w in weak)
    template = cards.template(latest.template_version)
    sections = {template.item(w.item_id).section for w in weak  # type: ignore[union-attr]
                if w.lowest}
    assert sections <= {"interests", "price"} and sections, sections
    shown = {tab.weak_model.index(row, 0).data() for row in range(len(weak))}
    assert shown == {template.item(w.item_id).text for w in weak}  # type: ignore[union-attr]
    # Conversion and deal length next to the scores are the reference maths of the slice.
    store = demo_window.workspace.store
    settings = store.settings()
    money = MoneyRules.of(settings, currency_digits())
    stages = store.names(LookupKind.STAGE, include_retired=True)
    period = Period.between(*tab.period())
    deals = every_deal(demo_window)
    own = reference_result(deals, Query(Slice({Dimension.REP: frozenset({"Bence Tóth"})},
                                              period)), stages)
    team = reference_result(deals, Query(Slice({}, period)), stages)
    card = report.rep("Bence Tóth")
    assert card is not None
    assert card.figures == figures(own.overall, threshold=settings.too_few_threshold,
                                   money=money)
    assert report.team == figures(team.overall, threshold=settings.too_few_threshold,
                                  money=money)
    assert f"n = {card.figures.decided:,}" in tab.results.text()
    best = report.rep("Anna Kovács")
    assert best is not None and card.mean is not None and best.mean is not None
    assert card.mean < best.mean
    assert card.figures.conversion < best.figures.conversion  # type: ignore[operator]
    # The team's prep figures hold every decided deal of the period.
    assert report.team_prep.decided == report.team.decided


def test_new_assessment_from_the_keyboard_then_undo(qtbot: QtBot, window: MainWindow
                                                    ) -> None:
    store = window.workspace.store
    store.add_lookup(LookupKind.REP, "Anna")
    window.workspace.notify(Changes(lookups=frozenset({LookupKind.REP})))
    tab = window.scorecards_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.rep == "Anna"
    items = store.scorecards.template().active_items()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AssessmentDialog)
        qtbot.keyClicks(dialog.assessor, "Judit")
        dialog.table.setFocus()
        # Saving too early says what is missing and goes to the first unscored row.
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.isVisible() and "14 items" in dialog.message.text()
        for n in range(len(items)):
            qtbot.keyClick(dialog.table, str(1 + n % 5))
        assert dialog.model.first_unscored() == -1
        # A note typed in the Note column of the first row.
        dialog.table.setCurrentIndex(dialog.model.index(0, 3))
        editor = type_into(qtbot, dialog.table, "Needs a template")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(dialog.model.notes))  # the view commits it queued
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    run_with_modal(qtbot, tab.new_assessment, fill)
    (saved,) = store.scorecards.assessments("Anna")
    assert saved.assessor == "Judit"
    assert [s.score for s in saved.scores][:6] == [1, 2, 3, 4, 5, 1]
    assert saved.scores[0].note == "Needs a template"
    assert tab.history_model.rowCount() == 1 and tab.weak_model.rowCount() >= 3
    window.workspace.undo_stack.undo()
    assert store.scorecards.assessments() == [] and tab.history_model.rowCount() == 0
    window.workspace.undo_stack.redo()
    assert store.scorecards.assessments() == [saved]


def test_the_assessment_date_is_typed_and_tab_leaves_it(qtbot: QtBot, window: MainWindow
                                                         ) -> None:
    store = window.workspace.store
    store.add_lookup(LookupKind.REP, "Anna")
    template = store.scorecards.template()
    dialog = AssessmentDialog("Anna", template, dt.date(2026, 12, 4), ["Judit"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.date.setFocus()
    line = dialog.date.line_edit
    line.selectAll()
    qtbot.keyClicks(line, "2026-11-22")
    # Tab goes to the next field (a QDateEdit walked day, month and year instead).
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert dialog.assessor.hasFocus()
    for n in range(len(template.active_items())):
        dialog.model.set_score(n, 3)
    assert dialog.draft().assessed_on == dt.date(2026, 11, 22)  # as typed, not a day off
    line.setText("31.02.2026")
    # Alt+S (&Save): Qt clicks a button by its mnemonic as an animated click, a moment later.
    qtbot.keyClick(dialog.assessor, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Date: "))
    assert dialog.isVisible() and line.hasFocus() and dialog.assessment is None
    line.setText("2026-11-22")
    qtbot.keyClick(dialog.assessor, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.assessment is not None
    assert dialog.assessment.assessed_on == dt.date(2026, 11, 22)


def test_prep_grid_from_the_keyboard_completeness_and_brief(qtbot: QtBot, window: MainWindow,
                                                            tmp_path: Path) -> None:
    store = window.workspace.store
    dialog = PrepDialog("Boiler for Oak Ltd", None, store.scorecards.tactics(), 0.5)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert "A field is one grid cell with both halves written" in dialog.fields_note.text()
    dialog.grid.setFocus()
    dialog.grid.setCurrentIndex(dialog.grid_model.index(0, 0))
    labels = []
    for column, text in enumerate(("Price", "free delivery", "2-year contract")):
        editor = type_into(qtbot, dialog.grid, text)
        labels.append(dialog.completeness_label.text())  # while the cell is still open
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda c=column: dialog.grid.currentIndex().column() == c + 1)
    # The count follows the typing: one half of a cell is not a field yet, and says so.
    assert labels[1].startswith("0 of 48 fields filled (1 grid cell with one half only)")
    assert labels[2].startswith("1 of 48 fields filled —")
    sheet = dialog.draft()
    assert sheet.areas[0].name == "Price"
    assert (sheet.areas[0].variables[0].concede, sheet.areas[0].variables[0].ask) == (
        "free delivery", "2-year contract")
    assert dialog.completeness.value() == 1 and "1 of 48" in dialog.completeness_label.text()
    finish_editing(dialog.grid)
    qtbot.keyClicks(dialog.rapport, "Sails at weekends")
    dialog.reviewed.setChecked(True)
    assert dialog.draft().filled_count() == 3
    path = tmp_path / "brief.pdf"
    from salesdesk.ui.scorecards.pdf import write_brief

    write_brief(path, dialog.draft(), deal="Boiler for Oak Ltd", details="Anna",
                today=dt.date(2026, 1, 3), tactics=store.scorecards.tactics(),
                prepared_from=0.5)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 1  # one page
    QDialog.done(dialog, QDialog.DialogCode.Rejected)  # skips "discard changes?"


def test_deal_form_opens_the_prep_sheet_and_saves_it_undoably(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    store = window.workspace.store
    deal_id, _ = store.add_deal(Deal(title="Heat pump for Elm", rep="Anna",
                                     first_contact=dt.date(2026, 1, 1)), dt.date(2026, 1, 2))
    window.workspace.notify(Changes(deal_ids=frozenset({deal_id})))

    def in_prep(prep: QWidget) -> None:
        assert isinstance(prep, PrepDialog)
        prep.rapport.setPlainText("Plays chess")
        prep.spin[next(iter(prep.spin))].setPlainText("How is the house heated now?")
        prep.save()

    def in_form(form: QWidget) -> None:
        button = form.findChild(QWidget, "prep_button")
        assert button is not None and button.isEnabled()
        run_with_modal(qtbot, button.click, in_prep)  # type: ignore[attr-defined]
        form.reject()  # type: ignore[attr-defined]

    run_with_modal(qtbot, lambda: window.deals_tab.open_deal(deal_id), in_form)
    saved = store.scorecards.deal_prep(deal_id)
    assert saved is not None and saved.rapport == "Plays chess" and saved.filled_count() == 2
    window.workspace.undo_stack.undo()
    assert store.scorecards.deal_prep(deal_id) is None


def test_template_edit_keeps_history_and_exports(qtbot: QtBot, demo_window: MainWindow,
                                                 tmp_path: Path) -> None:
    from salesdesk.domain.scorecards import rename_item
    from salesdesk.ui.scorecards.commands import EditTemplateCommand

    tab = demo_window.scorecards_tab
    store = demo_window.workspace.store
    cards = store.scorecards
    v1 = cards.template()
    first = v1.active_items()[0]
    assert EditTemplateCommand(demo_window.workspace,
                               rename_item(v1, first.id, "Interest areas listed"),
                               "Rename").run()
    assert cards.template().version == v1.version + 1
    # The selected (older) assessment still reads with the text it was made with.
    assert tab.scores_model.index(0, 1).data() == first.text
    demo_window.workspace.undo_stack.undo()
    assert cards.template() == v1

    report = tab.report
    assert report is not None
    jobs = demo_window.scorecard_jobs
    for name, chosen in (("cards", EXPORT_FILTERS[0]), ("cards.csv", EXPORT_FILTERS[1]),
                         ("matrix.csv", EXPORT_FILTERS[2])):
        task = jobs.write_export(tmp_path / name, chosen, report)  # written in a worker
        qtbot.waitUntil(lambda task=task: not task.running)
    pdf, csv_path, matrix = (tmp_path / n for n in ("cards.pdf", "cards.csv", "matrix.csv"))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert csv_path.read_text("utf-8").startswith("rep,assessed_on")
    assert "Interests and bargaining variables" in matrix.read_text("utf-8")
    assert str(matrix) in demo_window.statusBar().currentMessage()
    assert len(matrix.read_text("utf-8").splitlines()) == 1 + len(report.reps)
    for index, chart in enumerate(tab.charts()):
        assert chart.figures is not None
        for suffix in ("png", "csv"):
            out = export_chart(chart, chart.figures, tmp_path / f"c{index}.{suffix}",
                               width=640, height=360)
            assert out.stat().st_size > 0


def test_outcome_counts_of_prep_are_the_store_s(demo_window: MainWindow) -> None:
    report = demo_window.scorecards_tab.report
    assert report is not None
    start, end = report.start, report.end
    decided = demo_window.workspace.store.scorecards.decided_deals(start, end)
    won = sum(d.outcome is Outcome.WON for d in decided)
    assert report.team.won == won and report.team.decided == len(decided)
    # Prep figures from every decided deal, against the report's (cache totals + sheets).
    share = report.prepared_share
    assert report.team_prep == prep_figures([(d.outcome, d.completeness) for d in decided],
                                            share)
    assert report.team_prep.prepared > 0
    for card in report.reps:
        own = [(d.outcome, d.completeness) for d in decided if d.rep == card.rep]
        assert card.prep == prep_figures(own, share), card.rep


def test_template_dialog_adds_renames_reorders_and_retires(qtbot: QtBot, window: MainWindow
                                                           ) -> None:
    from salesdesk.ui.scorecards.template_dialog import ItemDialog, TemplateDialog

    cards = window.workspace.store.scorecards
    dialog = TemplateDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    v1 = cards.template()

    def new_item(item_dialog: QWidget) -> None:
        assert isinstance(item_dialog, ItemDialog)
        item_dialog.section.setCurrentIndex(item_dialog.section.findData("spin"))
        qtbot.keyClicks(item_dialog.text, "Summarises the client's needs")
        item_dialog.accept()

    run_with_modal(qtbot, dialog.add, new_item)
    added = cards.template()
    assert added.version == v1.version + 1
    assert added.items[-1].text == "Summarises the client's needs"
    assert dialog.model.rowCount() == len(v1.items) + 1

    first = v1.active_items()[1]
    dialog.table.setCurrentIndex(dialog.model.index(1, 1))
    assert dialog.current_item_id() == first.id
    dialog.move_item(-1)
    assert cards.template().ordered_items()[0].id == first.id
    dialog.toggle_retired()
    assert first.id not in {i.id for i in cards.template().active_items()}

    def rename(item_dialog: QWidget) -> None:
        assert isinstance(item_dialog, ItemDialog)
        item_dialog.text.setText("Four variables per area")
        item_dialog.accept()

    run_with_modal(qtbot, dialog.rename, rename)
    assert cards.template().item(first.id).text == "Four variables per area"  # type: ignore[union-attr]
    assert cards.template(v1.version).item(first.id).text == first.text  # type: ignore[union-attr]
    for _ in range(4):
        window.workspace.undo_stack.undo()
    assert cards.template() == v1
    dialog.tactics.setPlainText("Flinch\nNibbling")
    dialog.save_tactics.click()
    assert cards.tactics() == ["Flinch", "Nibbling"]
    dialog.prepared.setValue(60)
    dialog.save_prepared.click()
    assert cards.prepared_share() == 0.6


def _rows_in_view(view: QTableView) -> int:
    return view.viewport().height() // view.verticalHeader().defaultSectionSize()


def test_lists_have_room_at_1024_by_700(qtbot: QtBot, demo_window: MainWindow) -> None:
    """Issue 15: at the smallest supported size the lists showed three rows each."""
    demo_window.resize(1024, 700)
    tab = demo_window.scorecards_tab
    qtbot.waitUntil(lambda: demo_window.width() == 1024 and demo_window.height() == 700)
    QApplication.processEvents()

    assert tab.scores_model.rowCount() >= 12
    assert _rows_in_view(tab.scores) >= tab.scores_model.rowCount()
    assert _rows_in_view(tab.history) >= 7
    assert tab.weak.height() < 8 * tab.weak.verticalHeader().defaultSectionSize()
    for view in (tab.scores, tab.history, tab.weak):
        assert view.horizontalScrollBar().maximum() == 0, view.objectName()


def test_export_chart_offers_itself_on_chart_pages_only(qtbot: QtBot, demo_window: MainWindow
                                                       ) -> None:
    tab = demo_window.scorecards_tab
    tab.views.setCurrentWidget(tab.scores)
    assert not tab.chart_export.isEnabled()
    tab.views.setCurrentWidget(tab.profile_chart)
    assert tab.chart_export.isEnabled()
    titles: list[str] = []

    def look(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        dialog.close()

    run_with_modal(qtbot, tab.chart_export.click, look)
    assert titles == [f"Export chart — {tab.profile_chart.title()}"]
