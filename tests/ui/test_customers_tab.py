"""The Customers tab driven like a user (issue 17): surveys typed from the keyboard and undone,
NPS figures equal to the domain's, the comments filter, touchpoint changes logged and compared
before/after, lost reasons by slice, the target customer, competitor notes edited and undone,
the deal form's lost reason with "other" + text, the Funnel trend's change markers, and every
chart exported."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salesdesk.app import AppFileOpener
from salesdesk.domain.changes import Changes
from salesdesk.domain.competitors import CompetitorNotes, StepNote
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.lost_reasons import lost_reason_table
from salesdesk.domain.metrics import figures, tally
from salesdesk.domain.nps import NpsBy, NpsTally, ScoreGroup, Segment, grouped, matches
from salesdesk.domain.periods import Period
from salesdesk.domain.slice_spec import PeriodPreset
from salesdesk.domain.slices import Dimension
from salesdesk.domain.touchpoints import Scope, TouchpointChange, reference_before_after
from salesdesk.store import DealListQuery
from salesdesk.ui.actions import ActionId
from salesdesk.ui.charts.base import ChartWidget
from salesdesk.ui.charts.dialog import ChartExportDialog
from salesdesk.ui.charts.export import export_chart, figures_csv, prepared_chart
from salesdesk.ui.customers.customers_tab import CustomersTab
from salesdesk.ui.customers.models import StepsModel
from salesdesk.ui.customers.nps_entry import ResponseDialog
from salesdesk.ui.customers.touchpoints_view import ChangeDialog
from salesdesk.ui.deals.deal_form import DealDialog
from salesdesk.ui.formatting import date_pattern, date_range_text, date_text
from salesdesk.ui.main_window import MainWindow

from .conftest import demo_copy, demo_database, run_with_modal, shown_window

DEALS = 600


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("customers-demo"), DEALS)


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        qtbot.waitUntil(lambda: main.cache.cache is not None, timeout=10000)
        main.tabs.setCurrentWidget(main.customers_tab)
        yield main


def every_deal(window: MainWindow) -> list[Deal]:
    store = window.workspace.store
    rows = store.list_rows(DealListQuery(), 0, store.list_count(DealListQuery()))
    return [store.deal(row.id) for row in rows]


def cells(view: QWidget, column: int) -> list[str]:
    model = view.model()  # type: ignore[attr-defined]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)


def test_the_tab_shows_the_demo_s_nps_equal_to_the_domain(demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    page = tab.nps_page
    responses = demo_window.workspace.store.customers.responses()
    assert len(responses) > 50
    overall = NpsTally.of(r.score for r in responses)
    assert f"NPS {'+' if (overall.nps or 0) > 0 else ''}" in page.summary.text()
    assert f"n = {overall.n:,}" in page.summary.text()
    page.set_by(NpsBy.SEGMENT)
    expected = grouped(responses, NpsBy.SEGMENT)
    assert page.groups_model.rows == expected
    assert page.groups_model.headerData(0, Qt.Orientation.Horizontal) == "Segment"
    assert page.chart.figures is not None and page.chart.figures.overall == overall
    # NPS beside conversion: the product's conversion is the metrics engine's.
    page.set_by(NpsBy.PRODUCT)
    tab.refresh_page(page)
    deals = every_deal(demo_window)
    for row in page.beside_model.rows:
        mine = [d for d in deals if d.product == row.value]
        assert row.figures.conversion == figures(tally(mine)).conversion, row.value
        won = [d for d in mine if d.outcome is Outcome.WON]
        repeat = sum(d.customer_type.value == "current" for d in won)
        assert (row.won, row.repeat_won) == (len(won), repeat)


def test_comments_are_searchable_and_filtered_by_score_group(demo_window: MainWindow) -> None:
    page = demo_window.customers_tab.nps_page
    responses = page.responses
    page.score_filter.setCurrentIndex(1)  # detractors
    page.search.setText("price")
    expected = [r for r in responses if matches(r, "price", [ScoreGroup.DETRACTOR])]
    assert page.comments_filter.rowCount() == len(expected) > 0
    assert all("price" in (page.comments_filter.index(row, 6).data() or "").casefold()
               for row in range(page.comments_filter.rowCount()))
    assert page.comments_count.text().startswith(f"{len(expected):,} of")
    page.search.clear()
    page.score_filter.setCurrentIndex(0)
    assert page.comments_filter.rowCount() == len(responses)


def test_a_batch_of_paper_surveys_from_the_keyboard_then_undo_and_redo(
        qtbot: QtBot, window: MainWindow) -> None:
    store = window.workspace.store
    store.add_lookup(LookupKind.PRODUCT, "Boiler service")
    seen: dict[str, str] = {}

    def type_batch(dialog: QWidget) -> None:
        assert isinstance(dialog, ResponseDialog)
        dialog.date.line_edit.setText("2026-03-02")
        dialog.segment.setCurrentIndex(dialog.segment.findData(Segment.B2B.value))
        assert "order from us again" in dialog.question.text()
        dialog.product.setText("Boiler service")
        dialog.score.setFocus()
        qtbot.keyClicks(dialog.score, "9")
        qtbot.keyClick(dialog.score, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is dialog.comment
        qtbot.keyClicks(dialog.comment, "Keep the same crew")
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is dialog.score and not dialog.score.text()
        qtbot.keyClicks(dialog.score, "11")
        qtbot.keyClick(dialog.score, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
        seen["message"] = dialog.message.text()
        assert dialog.batch.rowCount() == 1  # the bad survey was not added
        dialog.score.setText("3")
        qtbot.keyClick(dialog.score, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.comment, "Call first")
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    run_with_modal(qtbot, window.registry[ActionId.ADD_NPS_RESPONSES].trigger, type_batch)
    assert "11 is outside 0–10" in seen["message"]
    assert window.tabs.currentWidget() is window.customers_tab
    saved = store.customers.responses()
    assert [(r.score, r.segment, r.product, r.comment) for r in saved] == [
        (9, Segment.B2B, "Boiler service", "Keep the same crew"),
        (3, Segment.B2B, "Boiler service", "Call first")]
    assert all(r.answered_on == dt.date(2026, 3, 2) for r in saved)
    assert window.undo_action.text() == "&Undo Add 2 survey responses"
    page = window.customers_tab.nps_page
    assert page.comments_model.rowCount() == 2
    window.workspace.undo_stack.undo()
    assert store.customers.responses() == [] and page.comments_model.rowCount() == 0
    window.workspace.undo_stack.redo()
    assert store.customers.responses() == saved


def test_editing_and_deleting_a_response_are_undoable(
        qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = demo_window.customers_tab.nps_page
    store = demo_window.workspace.store.customers
    page.comments_view.selectRow(0)
    first = page.selected()[0]

    def rescore(dialog: QWidget) -> None:
        assert isinstance(dialog, ResponseDialog)
        assert dialog.score.text() == str(first.score)
        dialog.score.setText("10")
        dialog.comment.setText("Perfect now")
        dialog.save()

    run_with_modal(qtbot, page.edit_selected, rescore)
    assert first.id is not None
    assert (store.response(first.id).score, store.response(first.id).comment) == (
        10, "Perfect now")
    demo_window.workspace.undo_stack.undo()
    assert store.response(first.id) == first
    say_yes(monkeypatch)
    count = len(store.responses())
    page.comments_view.selectRow(0)
    page.delete_selected()
    assert len(store.responses()) == count - 1
    demo_window.workspace.undo_stack.undo()
    assert store.response(first.id) == first


def test_a_touchpoint_change_is_logged_compared_and_undone(
        qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    tab.pages.setCurrentWidget(tab.touchpoints_page)
    page = tab.touchpoints_page
    store = demo_window.workspace.store
    before = store.customers.changes()
    assert len(before) == 5 and page.changes_model.rowCount() == 5

    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, ChangeDialog)
        dialog.touchpoint.setCurrentText("Price tags")
        dialog.date.line_edit.setText("2026-03-01")
        qtbot.keyClicks(dialog.description, "New price tags in shop 2")
        dialog.scope_dimension.setCurrentIndex(dialog.scope_dimension.findData("region"))
        dialog.scope_value.setCurrentText("North")
        dialog.save()

    run_with_modal(qtbot, page.log_change, log)
    logged = [c for c in store.customers.changes() if c.description == "New price tags in shop 2"]
    assert logged == [TouchpointChange("Price tags", dt.date(2026, 3, 1),
                                       "New price tags in shop 2",
                                       Scope(Dimension.REGION, "North"), logged[0].id)]
    assert page.selected_change() == logged[0]  # the new change is selected and compared
    result = page.result
    assert result is not None
    reference = reference_before_after(every_deal(demo_window), logged[0], 90,
                                       demo_window.workspace.today(),
                                       store.settings().too_few_threshold)
    assert result == reference
    assert f"n = {result.before.decided}" in page.comparison.text()
    demo_window.workspace.undo_stack.undo()
    assert store.customers.changes() == before
    assert page.changes_model.rowCount() == 5


def test_the_demo_s_website_change_has_a_verdict_and_the_window_can_change(
        demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    tab.pages.setCurrentWidget(tab.touchpoints_page)
    page = tab.touchpoints_page
    row = next(n for n, c in enumerate(page.changes_model.rows) if c.touchpoint == "Website")
    page.changes_view.setCurrentIndex(page.changes_model.index(row, 0))
    result = page.result
    assert result is not None and result.windows.days == 90
    assert result.change.scope == Scope(Dimension.CHANNEL, "Website")
    page.window_box.setValue(180)
    assert page.result is not None and page.result.windows.days == 180
    if page.result.conversion.verdict:
        assert page.result.conversion.verdict in page.comparison.text()
    else:
        assert "No verdict on conversion" in page.comparison.text()
    assert page.chart.figures is not None


def test_lost_reasons_by_slice_are_the_deals_own(demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    tab.show_lost_reasons(Dimension.PRODUCT)
    page = tab.lost_page
    deals = every_deal(demo_window)
    lost = [d for d in deals if d.outcome is Outcome.LOST]
    counts: dict[tuple[str | None, str | None], int] = {}
    for deal in lost:
        counts[deal.product, deal.lost_reason] = counts.get((deal.product, deal.lost_reason),
                                                             0) + 1
    expected = lost_reason_table(((p, r, n) for (p, r), n in counts.items()),
                                 Dimension.PRODUCT)
    assert page.table_data == expected
    assert "Other" in expected.reasons  # the demo's "other" + text
    # Heat pumps are lost to competitors most, service deals to price.
    dominant = {value: page.table_data.dominant(i)
                for i, value in enumerate(page.table_data.values)}
    assert dominant["Heat pump installation"][0] == "Competitor"  # type: ignore[index]
    assert dominant["Boiler service"][0] == "Price"  # type: ignore[index]
    page.set_dimension(Dimension.REP)
    assert page.table_data is not None and page.table_data.dimension is Dimension.REP
    assert page.table_data.lost == len(lost)


def test_the_target_customer_points_out_costly_audiences(demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    tab.pages.setCurrentWidget(tab.target_page)
    page = tab.target_page
    deals = every_deal(demo_window)
    rows = {r.value: r for r in page.audiences.rows}
    for audience, row in rows.items():
        mine = [d for d in deals if d.audience == audience]
        assert row.figures.decided == figures(tally(mine)).decided
    assert rows["Public sector"].costly
    assert "Public sector takes" in page.costly.text()
    assert {r.value for r in page.types.rows} == {"new", "current"}


def test_competitor_notes_are_edited_in_the_table_and_undone(
        qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = demo_window.customers_tab
    tab.pages.setCurrentWidget(tab.competitors_page)
    page = tab.competitors_page
    store = demo_window.workspace.store.customers
    assert page.selected() == store.competitor_losses()[0][0]
    name = page.selected()
    assert name is not None
    before = store.competitor_notes(name)
    view = page.steps_view
    view.setCurrentIndex(page.steps.index(0, 1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    assert editor.text() == before.steps[0].ours
    editor.selectAll()
    qtbot.keyClicks(editor, "Call back within the hour")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: store.competitor_notes(name).steps[0].ours
                    == "Call back within the hour")
    assert page.steps.index(0, 1).data() == "Call back within the hour"
    # Typing in the last row adds a step.
    last = page.steps.rowCount() - 1
    assert page.steps.setData(page.steps.index(last, 0), "Warranty")
    qtbot.waitUntil(lambda: store.competitor_notes(name).steps[-1] == StepNote("Warranty"))
    demo_window.workspace.undo_stack.undo()
    demo_window.workspace.undo_stack.undo()
    assert store.competitor_notes(name) == before
    # The deals lost to it go to the Deals tab.
    page.show_lost_deals()
    assert demo_window.tabs.currentWidget() is demo_window.deals_tab
    ids = set(store.lost_to(name))
    listed = {demo_window.deals_tab.model.deal_id(r)
              for r in range(demo_window.deals_tab.model.rowCount())}
    assert listed == ids and ids
    # A new competitor starts with the usual steps; undo removes it again.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ádám Fűtés Bt.", True))
    page.new_competitor()
    assert page.selected() == "Ádám Fűtés Bt." and page.steps.rowCount() == 7
    demo_window.workspace.undo_stack.undo()
    assert store.competitor_notes("Ádám Fűtés Bt.") == CompetitorNotes("Ádám Fűtés Bt.")


def test_choosing_the_competitor_reason_is_undoable(demo_window: MainWindow) -> None:
    page = demo_window.customers_tab.competitors_page
    demo_window.customers_tab.refresh_page(page)
    store = demo_window.workspace.store.customers
    page.reason_box.setCurrentText("Price")
    page.reason_box.activated.emit(page.reason_box.currentIndex())
    assert store.competitor_reason() == "Price"
    demo_window.workspace.undo_stack.undo()
    assert store.competitor_reason() == "Competitor"


def test_marking_a_deal_lost_asks_for_a_reason_with_other_and_competitors(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.workspace.store
    store.customers.save_competitor_notes(CompetitorNotes("ThermoPro", (StepNote("Quote"),)))

    def lose_to_competitor(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        field = dialog.lost_reason
        assert not field.isEnabled()
        dialog.title.setText("Boiler for Ács")
        dialog.first_contact.line_edit.setText("2026-01-05")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.LOST.value))
        assert field.isEnabled() and field.combo.placeholderText().startswith("Why was it lost")
        label = dialog.findChild(QLabel, "message_lost_reason")
        assert label is not None and label.text().startswith("Why was it lost?")
        labels = [field.combo.itemText(i) for i in range(field.combo.count())]
        assert labels[-2:] == ["Other (say what)", "New reason…"]
        field.set_reason("Competitor")
        assert field.details.placeholderText() == "Which competitor won it?"
        assert field.details.completer().model().stringList() == [  # type: ignore[attr-defined]
            "ThermoPro"]
        field.details.setText("ThermoPro")
        dialog.save()

    run_with_modal(qtbot, window.deals_tab.new_deal, lose_to_competitor)
    deal = store.deal(window.deals_tab.model.deal_id(0))
    assert (deal.lost_reason, deal.lost_reason_note) == ("Competitor", "ThermoPro")
    assert store.customers.lost_to("thermopro") == [deal.id]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Went bankrupt", True))

    def new_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        field = dialog.lost_reason
        assert field.reason() == "Competitor" and field.note() == "ThermoPro"
        field.combo.setCurrentIndex(field.combo.count() - 1)
        field.combo.activated.emit(field.combo.count() - 1)
        assert field.reason() == "Went bankrupt"
        field.set_note("")
        dialog.save()

    run_with_modal(qtbot, lambda: window.deals_tab.open_deal(deal.id), new_reason)
    assert store.deal(deal.id or 0).lost_reason == "Went bankrupt"
    assert "Went bankrupt" in store.names(LookupKind.LOST_REASON)
    window.workspace.undo_stack.undo()  # the new reason goes with the save that made it
    assert "Went bankrupt" not in store.names(LookupKind.LOST_REASON)

    def other(dialog: QWidget) -> None:
        assert isinstance(dialog, DealDialog)
        dialog.lost_reason.set_reason("Other")
        assert dialog.lost_reason.details.placeholderText() == "What was it?"
        dialog.lost_reason.set_note("Moved abroad")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.LOST.value))
        dialog.save()

    run_with_modal(qtbot, lambda: window.deals_tab.open_deal(deal.id), other)
    assert (store.deal(deal.id or 0).lost_reason,
            store.deal(deal.id or 0).lost_reason_note) == ("Other", "Moved abroad")


def test_the_funnel_trend_marks_touchpoint_changes(qtbot: QtBot, demo_window: MainWindow
                                                   ) -> None:
    funnel = demo_window.funnel_tab
    demo_window.tabs.setCurrentWidget(funnel)
    qtbot.waitUntil(lambda: funnel.figures is not None, timeout=10000)
    shown = funnel.figures
    assert shown is not None
    changes = demo_window.workspace.store.customers.changes()
    assert [m.day for m in shown.markers] == [c.changed_on for c in changes]
    trend = prepared_chart("trend", shown)
    try:
        rows = list(csv.reader(io.StringIO(figures_csv(trend))))
    finally:
        trend.deleteLater()
    assert rows[0][-1] == "touchpoint_changes"
    website = next(c for c in changes if c.touchpoint == "Website")
    month = website.changed_on.strftime("%Y-%m")
    assert website.describe() in next(r for r in rows if r[0] == month)[-1]
    # Logging a change redraws the markers at once.
    demo_window.workspace.store.customers.add_change(
        TouchpointChange("Logo", dt.date.today(), "New logo on the vans"))
    demo_window.workspace.notify(Changes(customers=True))
    assert funnel.figures is not None and len(funnel.figures.markers) == len(changes) + 1


def test_every_customers_chart_exports(demo_window: MainWindow, tmp_path: Path) -> None:
    tab: CustomersTab = demo_window.customers_tab
    tab.refresh_all()
    tab.touchpoints_page.changes_view.setCurrentIndex(
        tab.touchpoints_page.changes_model.index(2, 0))
    charts: list[ChartWidget] = [tab.nps_page.chart, tab.touchpoints_page.chart,
                                 tab.lost_page.chart, tab.target_page.chart]
    for index, chart in enumerate(charts):
        assert chart.figures is not None, chart.title()
        for suffix in ("png", "svg", "csv"):
            out = export_chart(chart, chart.figures, tmp_path / f"c{index}.{suffix}",
                               width=640, height=360)
            assert out.stat().st_size > 0
        text = (tmp_path / f"c{index}.csv").read_text("utf-8")
        assert len(text.splitlines()) >= 2, chart.title()
    assert "window,from,to" in (tmp_path / "c1.csv").read_text("utf-8")


def test_the_export_button_opens_the_funnel_tabs_export_dialog(demo_window: MainWindow,
                                                                qtbot: QtBot) -> None:
    page = demo_window.customers_tab.nps_page
    titles: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ChartExportDialog)
        titles.append(dialog.windowTitle())
        assert dialog.path_edit.text().endswith(".png") or dialog.path_edit.text()
        dialog.reject()

    run_with_modal(qtbot, page.export_button.click, look)
    assert titles == ["Export chart — Net Promoter Score by month"]


def test_the_period_applies_to_nps_and_deals(demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    today = demo_window.workspace.today()
    start = today - dt.timedelta(days=60)
    tab.set_preset(PeriodPreset.CUSTOM, (start, today))
    tab.refresh_page(tab.nps_page)
    expected = demo_window.workspace.store.customers.responses(Period.between(start, today))
    assert tab.nps_page.responses == expected
    assert tab.from_date.isVisible()
    tab.set_preset(PeriodPreset.ALL_TIME)
    assert not tab.from_date.isVisible()


def test_models_pass_qts_model_tester(qtmodeltester: object, demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    tab.refresh_all()
    for model in (tab.nps_page.groups_model, tab.nps_page.beside_model,
                  tab.nps_page.comments_model, tab.nps_page.comments_filter,
                  tab.touchpoints_page.changes_model, tab.lost_page.model,
                  tab.target_page.audiences):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    steps = StepsModel()
    steps.set_notes(CompetitorNotes("X", (StepNote("a", "b", "c"),)))
    qtmodeltester.check(steps)  # type: ignore[attr-defined]
    assert steps.flags(steps.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert steps.rowCount(QModelIndex()) == 2


def test_importing_survey_responses_from_the_window(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "umfrage.csv"
    source.write_text("Datum;Bewertung;Segment;Produkt;Kommentar\n"
                      "03.02.2026;10;B2C;Wärmepumpe;Sehr gut\n"
                      "04.02.2026;11;B2C;Wärmepumpe;zu hoch\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(source), "Survey files"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: shown.append(text))
    window.registry[ActionId.IMPORT_NPS].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].startswith("Imported 1 survey responses.")
    assert "Rejected 1 row" in shown[0] and "undo history was cleared" in shown[0]
    [response] = window.workspace.store.customers.responses()
    assert (response.score, response.product, response.comment) == (10, "Wärmepumpe",
                                                                     "Sehr gut")
    assert window.tabs.currentWidget() is window.customers_tab
    assert window.customers_tab.nps_page.comments_model.rowCount() == 1
    assert (tmp_path / "umfrage-rejected.csv").exists()


def test_dates_read_as_every_other_screen_writes_them(demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    page = tab.nps_page
    tab.refresh_page(page)
    first = page.comments_view.model().index(0, 0)
    answered = {date_text(r.answered_on) for r in page.responses}
    assert first.data() in answered
    tab.set_preset(PeriodPreset.CUSTOM, (dt.date(2026, 1, 1), dt.date(2026, 3, 31)))
    assert date_range_text(dt.date(2026, 1, 1), dt.date(2026, 3, 31)) in tab.period_text.text()
    assert tab.from_date.displayFormat() == date_pattern()
    changes = tab.touchpoints_page.changes_view.model()
    tab.refresh_page(tab.touchpoints_page)
    assert changes.index(0, 0).data() in {
        date_text(c.changed_on) for c in demo_window.workspace.store.customers.changes()}


def test_the_period_and_page_are_the_file_s_own_and_splitters_are_kept(
        qtbot: QtBot, demo_file: Path, tmp_path: Path) -> None:
    opened = demo_copy(demo_file, tmp_path)
    path = opened.store.path
    start, end = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    with shown_window(qtbot, opened) as main:
        tab = main.customers_tab
        main.tabs.setCurrentWidget(tab)
        tab.set_preset(PeriodPreset.CUSTOM, (start, end))
        tab.pages.setCurrentWidget(tab.lost_page)
        tab.lost_page.splitter.setSizes([200, 800])  # the chart narrow (it starts wide)
    with shown_window(qtbot, AppFileOpener().open(path)) as main:
        tab = main.customers_tab
        assert tab.preset is PeriodPreset.CUSTOM and tab.period() == (start, end)
        assert tab.pages.currentWidget() is tab.lost_page
        assert date_range_text(start, end) in tab.period_text.text()
        main.tabs.setCurrentWidget(tab)
        chart, table = tab.lost_page.splitter.sizes()
        assert chart < table / 2
    # Another file keeps its own view: all time, on the NPS page.
    with shown_window(qtbot, AppFileOpener().create(tmp_path / "other.db", "EUR")) as main:
        assert main.customers_tab.preset is PeriodPreset.ALL_TIME
        assert main.customers_tab.pages.currentWidget() is main.customers_tab.nps_page


def test_a_damaged_saved_view_falls_back_to_all_time(qtbot: QtBot, demo_file: Path,
                                                      tmp_path: Path) -> None:
    opened = demo_copy(demo_file, tmp_path)
    opened.store.save_view_state("customers", '{"preset": "no such", "page": 99}')
    with shown_window(qtbot, opened) as main:
        assert main.customers_tab.preset is PeriodPreset.ALL_TIME
        assert main.customers_tab.pages.currentIndex() == 0
