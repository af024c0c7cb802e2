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
from dataclasses import replace
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
from salesdesk.domain.deals import CustomerType, Deal, LookupKind, Outcome
from salesdesk.domain.lost_reasons import lost_reason_table
from salesdesk.domain.metrics import figures, tally
from salesdesk.domain.nps import NpsBy, NpsTally, ScoreGroup, Segment, grouped, matches
from salesdesk.domain.periods import Period
from salesdesk.domain.slice_spec import PeriodPreset
from salesdesk.domain.slices import Dimension
from salesdesk.domain.touchpoints import (
    Scope,
    Touchpoint,
    TouchpointChange,
    reference_before_after,
)
from salesdesk.store import DealListQuery
from salesdesk.ui.actions import ActionId
from salesdesk.ui.charts.base import ChartWidget
from salesdesk.ui.charts.dialog import ChartExportDialog
from salesdesk.ui.charts.export import export_chart, figures_csv, prepared_chart
from salesdesk.ui.customers.customers_tab import CustomersTab
from salesdesk.ui.customers.models import StepsModel
from salesdesk.ui.customers.nps_entry import ResponseDialog
from salesdesk.ui.customers.touchpoints_view import ChangeDialog, TouchpointsPage
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


def test_grouping_by_client_sets_nps_beside_each_client_s_own_deals(
        demo_window: MainWindow) -> None:
    tab = demo_window.customers_tab
    page = tab.nps_page
    today = demo_window.workspace.today()
    start, end = today - dt.timedelta(days=300), today
    tab.set_preset(PeriodPreset.CUSTOM, (start, end))
    tab.refresh_page(page)
    assert page.beside_model.headerData(0, Qt.Orientation.Horizontal) == "Product"
    page.set_by(NpsBy.CLIENT)  # the beside table follows the choice at once
    assert page.beside_model.headerData(0, Qt.Orientation.Horizontal) == "Client"
    assert "per client" in page.beside_title.text()
    responses = demo_window.workspace.store.customers.responses(Period.between(start, end))
    assert page.responses == responses
    surveyed: dict[str, list[int]] = {}
    for response in responses:
        if response.client is not None:
            surveyed.setdefault(response.client, []).append(response.score)
    rows = page.beside_model.rows
    assert len(surveyed) > 20 and {row.value for row in rows} == set(surveyed)
    assert [row.nps.n for row in rows] == sorted((row.nps.n for row in rows), reverse=True)
    deals = every_deal(demo_window)
    checked_repeat = 0
    for row in rows:
        assert row.nps == NpsTally.of(surveyed[row.value])
        closed = [d for d in deals if d.client == row.value and d.closed_on is not None
                  and start <= d.closed_on <= end]
        won = [d for d in closed if d.outcome is Outcome.WON]
        lost = [d for d in closed if d.outcome is Outcome.LOST]
        assert (row.figures.won, row.figures.lost) == (len(won), len(lost)), row.value
        assert row.figures.conversion == (len(won) / (len(won) + len(lost)) if closed
                                          else None)
        repeat = sum(d.customer_type is CustomerType.CURRENT for d in won)
        assert (row.won, row.repeat_won) == (len(won), repeat), row.value
        checked_repeat += repeat
    assert checked_repeat > 0  # the demo has returning clients among those surveyed
    # The table shows the same figures.
    first = rows[0]
    assert cells(page.beside_view, 0)[0] == first.value
    page.set_by(NpsBy.PRODUCT)
    assert page.beside_model.headerData(0, Qt.Orientation.Horizontal) == "Product"
    assert {row.value for row in page.beside_model.rows} == {
        r.product for r in responses if r.product is not None}

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


def test_a_survey_linked_to_a_client_s_deal_from_the_keyboard(
        qtbot: QtBot, window: MainWindow) -> None:
    store = window.workspace.store
    today = window.workspace.today()

    def day(ago: int) -> dt.date:
        return today - dt.timedelta(days=ago)

    store.add_deals([
        Deal("Boiler swap", Outcome.WON, client="Kovács Kft", product="Boiler service",
             first_contact=day(90), closed_on=day(60), amount=120_000),
        Deal("Heat pump for the workshop", Outcome.LOST, client="Kovács Kft",
             product="Heat pump installation", first_contact=day(50), closed_on=day(20),
             lost_reason="Price"),
        Deal("Second boiler", client="Kovács Kft", product="Boiler service",
             first_contact=day(5)),  # open: no survey is asked after it
        Deal("Radiators", Outcome.WON, client="Beta Bt.", product="Radiators",
             first_contact=day(40), closed_on=day(10)),
    ], today)
    ids = {store.deal(row.id).title: row.id for row in
           store.list_rows(DealListQuery(), 0, store.list_count(DealListQuery()))}
    offered: list[list[object]] = []

    def type_two_surveys(dialog: QWidget) -> None:
        assert isinstance(dialog, ResponseDialog)
        dialog.client.setFocus()
        qtbot.keyClicks(dialog.client, "kov")  # QTest types ASCII only: the list completes
        popup = dialog.client.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert dialog.client.text() == "Kovács Kft"
        qtbot.keyClick(dialog.client, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.deal
        offered.append([dialog.deal.itemData(i) for i in range(dialog.deal.count())])
        qtbot.keyClick(dialog.deal, Qt.Key.Key_Down)  # the most recently closed deal
        assert dialog.product.text() == "Heat pump installation"
        qtbot.keyClick(dialog.deal, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.score
        qtbot.keyClicks(dialog.score, "6")
        qtbot.keyClick(dialog.score, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.comment, "Call back when you promise to")
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
        assert dialog.batch.rowCount() == 1
        # The next paper survey of the same client is about the boiler: the product follows
        # the deal chosen.
        assert QApplication.focusWidget() is dialog.score
        qtbot.keyClick(dialog.score, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is dialog.deal
        qtbot.keyClick(dialog.deal, Qt.Key.Key_Down)
        assert dialog.product.text() == "Boiler service"
        qtbot.keyClick(dialog.deal, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.score, "10")
        qtbot.keyClick(dialog.score, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.comment, "Same fitter again")
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    run_with_modal(qtbot, window.registry[ActionId.ADD_NPS_RESPONSES].trigger,
                   type_two_surveys)
    # Only the client's decided deals were offered, the most recently closed first.
    assert offered == [[None, ids["Heat pump for the workshop"], ids["Boiler swap"]]]
    saved = store.customers.responses()
    assert [(r.client, r.deal_id, r.product, r.score, r.comment) for r in saved] == [
        ("Kovács Kft", ids["Heat pump for the workshop"], "Heat pump installation", 6,
         "Call back when you promise to"),
        ("Kovács Kft", ids["Boiler swap"], "Boiler service", 10, "Same fitter again")]
    for response in saved:  # the product is the linked deal's own
        assert response.deal_id is not None
        assert store.deal(response.deal_id).product == response.product
        assert response.answered_on == today
    assert saved[0].id is not None
    assert store.customers.response(saved[0].id) == saved[0]
    page = window.customers_tab.nps_page
    assert {page.comments_model.index(r, 5).data()
            for r in range(page.comments_model.rowCount())} == {"Kovács Kft"}


def test_a_product_typed_by_hand_stays_when_a_deal_is_chosen(
        qtbot: QtBot, window: MainWindow) -> None:
    store = window.workspace.store
    today = window.workspace.today()
    store.add_deals([Deal("Boiler swap", Outcome.WON, client="Kovács Kft",
                          product="Boiler service", first_contact=today - dt.timedelta(days=30),
                          closed_on=today - dt.timedelta(days=3))], today)
    dialog = ResponseDialog(window.workspace, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.product.setText("Annual check")
    dialog.client.setText("Kovács Kft")
    dialog.client.editingFinished.emit()
    dialog.deal.setFocus()
    qtbot.keyClick(dialog.deal, Qt.Key.Key_Down)
    deal_id = dialog.deal.currentData()
    assert isinstance(deal_id, int) and store.deal(deal_id).title == "Boiler swap"
    assert dialog.product.text() == "Annual check"
    dialog.score.setText("9")
    response, problems = dialog.current()
    assert problems == {} and response is not None
    assert (response.client, response.deal_id, response.product) == (
        "Kovács Kft", deal_id, "Annual check")
    dialog.reject()

def touchpoints_tab(window: MainWindow) -> TouchpointsPage:
    """The Touchpoints page of the Customers tab, shown and counted."""
    tab = window.customers_tab
    window.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentWidget(tab.touchpoints_page)
    tab.refresh_page(tab.touchpoints_page)
    return tab.touchpoints_page


def shown_touchpoints(page: TouchpointsPage) -> list[str]:
    return cells(page.touchpoints_view, 0)[1:]  # after "All touchpoints"


def test_touchpoints_added_renamed_and_retired_in_the_tab_undo_and_redo(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = touchpoints_tab(window)
    store = window.workspace.store.customers
    stack = window.workspace.undo_stack
    seeded = store.touchpoints()
    assert [t.name for t in seeded] == shown_touchpoints(page) and len(seeded) == 7
    asked: list[str] = []

    def answer(text: str) -> object:
        def get_text(*args: object, **kwargs: object) -> tuple[str, bool]:
            asked.append(str(kwargs.get("text", "")))
            return text, True
        return get_text

    # Add.
    monkeypatch.setattr(QInputDialog, "getText", answer("  Shop   window "))
    page.add_touchpoint_button.click()
    added = store.touchpoints()[-1]
    assert added.name == "Shop window" and not added.retired
    assert store.touchpoints() == [*seeded, added]
    assert shown_touchpoints(page)[-1] == "Shop window"
    stack.undo()
    assert store.touchpoints() == seeded and "Shop window" not in shown_touchpoints(page)
    stack.redo()
    assert store.touchpoints() == [*seeded, added]  # under the same id
    assert shown_touchpoints(page)[-1] == "Shop window"
    # Rename the new one: the prompt starts from its name.
    page.touchpoints_view.setCurrentIndex(page.touchpoints_model.index(len(seeded) + 1, 0))
    assert page.selected_touchpoint() == added
    monkeypatch.setattr(QInputDialog, "getText", answer("Shop display"))
    page.rename_button.click()
    assert asked[-1] == "Shop window"
    renamed = replace(added, name="Shop display")
    assert store.touchpoints() == [*seeded, renamed]
    assert page.selected_touchpoint() == renamed  # still chosen under its new name
    stack.undo()
    assert store.touchpoints() == [*seeded, added]
    assert shown_touchpoints(page)[-1] == "Shop window"
    stack.redo()
    assert store.touchpoints() == [*seeded, renamed]
    # Retire it: hidden from the change form's picker, and the button brings it back.
    assert page.retire_button.text() == "Retire"
    page.retire_button.click()
    retired = replace(renamed, retired=True)
    assert store.touchpoints() == [*seeded, retired]
    assert store.touchpoints(include_retired=False) == seeded
    assert shown_touchpoints(page)[-1] == "Shop display (retired)"
    assert page.retire_button.text() == "Bring Back"
    stack.undo()
    assert store.touchpoints() == [*seeded, renamed] and page.retire_button.text() == "Retire"
    stack.redo()
    assert store.touchpoints() == [*seeded, retired]
    assert window.undo_action.text() == "&Undo Retire the touchpoint Shop display"
    # Undone all the way, the list is the seeded one again.
    for _ in range(3):
        stack.undo()
    assert store.touchpoints() == seeded and shown_touchpoints(page) == [t.name for t in seeded]
    assert not stack.canUndo()


def test_a_touchpoint_change_edited_and_deleted_in_the_tab_undo_and_redo(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.workspace.store
    store.add_lookup(LookupKind.REGION, "North")
    original = TouchpointChange("Price tags", dt.date(2026, 3, 1), "New price tags in shop 2")
    logged = replace(original, id=store.customers.add_change(original))
    page = touchpoints_tab(window)
    stack = window.workspace.undo_stack
    # Choosing a touchpoint lists its own changes.
    rows = {name: n + 1 for n, name in enumerate(shown_touchpoints(page))}
    for name, expected in (("Price tags", [logged]), ("Counters", []), (None, [logged])):
        page.touchpoints_view.setCurrentIndex(page.touchpoints_model.index(rows.get(name, 0),
                                                                           0))
        assert (page.selected_touchpoint() or Touchpoint("all")).name == (name or "all")
        assert page.changes_model.rows == expected, name
    assert page.selected_change() == logged

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, ChangeDialog)
        assert dialog.description.text() == "New price tags in shop 2"
        dialog.touchpoint.setCurrentText("Counters")
        dialog.date.line_edit.setText("2026-03-08")
        dialog.description.selectAll()
        qtbot.keyClicks(dialog.description, "New counters in shop 2")
        dialog.scope_dimension.setCurrentIndex(dialog.scope_dimension.findData("region"))
        dialog.scope_value.setCurrentText("North")
        dialog.save()

    run_with_modal(qtbot, page.edit_button.click, edit)
    edited = TouchpointChange("Counters", dt.date(2026, 3, 8), "New counters in shop 2",
                              Scope(Dimension.REGION, "North"), logged.id)
    assert store.customers.changes() == [edited]
    assert page.changes_model.rows == [edited] and page.selected_change() == edited
    assert window.undo_action.text() == '&Undo Edit the change "New price tags in shop 2"'
    stack.undo()
    assert store.customers.changes() == [logged] and page.changes_model.rows == [logged]
    stack.redo()
    assert store.customers.changes() == [edited] and page.changes_model.rows == [edited]
    # Delete it after saying yes; undo logs it again under its id.
    say_yes(monkeypatch)
    page.delete_button.click()
    assert store.customers.changes() == [] and page.changes_model.rowCount() == 0
    assert not page.edit_button.isEnabled()
    stack.undo()
    assert store.customers.changes() == [edited] and page.changes_model.rows == [edited]
    stack.redo()
    assert store.customers.changes() == []
    stack.undo()
    stack.undo()
    assert store.customers.changes() == [logged]


def test_deleting_a_competitor_s_notes_in_the_tab_undo_and_redo(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.workspace.store
    notes = CompetitorNotes("ThermoPro", (StepNote("Quote", "Within 2 days", "Same day"),
                                          StepNote("Visit", "Engineer", "Salesperson")))
    store.customers.save_competitor_notes(notes)
    store.customers.save_competitor_notes(CompetitorNotes("Hőtechnika", (StepNote("Quote"),)))
    store.add_deals([Deal("Boiler for Ács", Outcome.LOST, first_contact=dt.date(2026, 1, 5),
                          closed_on=dt.date(2026, 2, 1), lost_reason="Competitor",
                          lost_reason_note="ThermoPro")], window.workspace.today())
    tab = window.customers_tab
    window.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentWidget(tab.competitors_page)
    page = tab.competitors_page
    tab.refresh_page(page)
    stack = window.workspace.undo_stack
    page.select("thermopro")
    assert page.selected() == "ThermoPro" and page.steps.notes == notes
    asked: list[str] = []

    def question(parent: QWidget, title: str, text: str, *args: object
                 ) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    page.delete_button.click()
    assert asked and "ThermoPro" in asked[0]
    assert store.customers.competitor_notes("ThermoPro") == CompetitorNotes("ThermoPro")
    assert store.customers.competitor_notes("Hőtechnika").steps == (StepNote("Quote"),)
    # The deal lost to it keeps it in the list, without notes to delete.
    assert ("ThermoPro", 1) in page.list_model.rows
    assert page.selected() == "ThermoPro" and page.steps.notes.steps == ()
    assert not page.delete_button.isEnabled()
    stack.undo()
    assert store.customers.competitor_notes("ThermoPro") == notes
    assert page.steps.notes == notes and page.delete_button.isEnabled()
    stack.redo()
    assert store.customers.competitor_notes("ThermoPro") == CompetitorNotes("ThermoPro")
    assert page.steps.notes.steps == ()
    stack.undo()
    assert store.customers.competitor_notes("ThermoPro") == notes
    assert not stack.canUndo() and stack.canRedo()
