"""The Funnel tab driven like a user: selectors, figures equal to the reference maths,
drill-down into the Deals tab, copying the table, and a selection that survives a restart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salesdesk.app import STORE_CACHE, AppFileOpener
from salesdesk.currencies import currency_digits
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.metrics import counted_deals, figures, reference_result
from salesdesk.domain.slice_spec import PeriodPreset, SliceSpec
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.reporting import money_rules
from salesdesk.store import DealListQuery, Store
from salesdesk.ui.actions import ActionId
from salesdesk.ui.charts import ChartKind
from salesdesk.ui.charts import data as charts_data
from salesdesk.ui.charts.dialog import ChartExportDialog
from salesdesk.ui.charts.export import ExportFormat
from salesdesk.ui.funnel.figures_help import FiguresHelpDialog
from salesdesk.ui.funnel.figures_model import ALL_LABEL
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

from .conftest import demo_copy, demo_database, run_with_modal, shown_window

DEALS = 400


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("demo"), DEALS)


@pytest.fixture
def funnel_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        main.tabs.setCurrentWidget(main.funnel_tab)
        qtbot.waitUntil(lambda: main.funnel_tab.figures is not None, timeout=10000)
        yield main


def stages(store: Store) -> list[str]:
    return store.names(LookupKind.STAGE, include_retired=True)


def every_deal(store: Store) -> list[Deal]:
    rows = store.list_rows(DealListQuery(), 0, store.list_count(DealListQuery()))
    return [store.deal(row.id) for row in rows]


def expected(window: MainWindow, spec: SliceSpec) -> tuple[list[Deal], Query]:
    store = window.workspace.store
    return every_deal(store), spec.query(window.workspace.today(),
                                         store.settings().fiscal_year_start)


def check_figures(window: MainWindow) -> None:
    """The tab's headline, table and chart data equal the reference maths for its slice."""
    tab = window.funnel_tab
    deals, query = expected(window, tab.spec)
    store = window.workspace.store
    settings = store.settings()
    money = money_rules(settings, currency_digits())
    reference = reference_result(deals, query, stages(store))
    overall = figures(reference.overall, threshold=settings.too_few_threshold, money=money)
    shown = tab.figures
    assert shown is not None
    assert shown.overall == overall
    assert [f for _, f in shown.groups] == [
        figures(t, threshold=settings.too_few_threshold, money=money) for _, t in reference.groups]
    assert tab.model.figures_at(0) == overall
    assert tab.model.rowCount() == 1 + len(reference.groups)
    conversion = tab.headline.current[0]
    assert conversion.title == "Conversion"
    assert f"n = {overall.decided} decided deals" in conversion.detail
    for chart in tab.charts.values():
        if chart.figures is not None:
            assert chart.figures == shown


def test_figures_equal_the_reference_for_the_default_slice(funnel_window: MainWindow) -> None:
    tab = funnel_window.funnel_tab
    assert tab.spec == SliceSpec()
    assert tab.model.index(0, 0).data() == ALL_LABEL
    check_figures(funnel_window)


def test_selectors_change_the_slice(qtbot: QtBot, funnel_window: MainWindow) -> None:
    tab = funnel_window.funnel_tab
    rep_filter = tab.slice_bar.filters[Dimension.REP]
    first = rep_filter.model.item(0)
    first.setCheckState(Qt.CheckState.Checked)  # what a click on the box does
    rep = first.text()
    assert tab.spec.filters == {Dimension.REP: (rep,)}
    assert rep_filter.text() == f"Salesperson: {rep}"
    check_figures(funnel_window)

    bar = tab.slice_bar
    bar.group_by.setCurrentIndex(bar.group_by.findData(Dimension.CHANNEL))
    bar.period.setCurrentIndex(bar.period.findData(PeriodPreset.LAST_12_MONTHS))
    bar.cohort.setCurrentIndex(1)
    assert tab.spec.by is Dimension.CHANNEL and tab.spec.cohort
    assert tab.spec.preset is PeriodPreset.LAST_12_MONTHS
    check_figures(funnel_window)

    bar.compare.setChecked(True)
    assert "vs previous period" in tab.headline.current[0].change

    chips = [w for w in bar.findChildren(QToolButton) if w.objectName() == "chip"]
    assert [chip.text() for chip in chips] == [f"Salesperson: {rep}  ✕"]
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert tab.spec.filters == {}
    check_figures(funnel_window)


def test_clicking_a_bar_filters_by_its_value(funnel_window: MainWindow) -> None:
    tab = funnel_window.funnel_tab
    label = tab.figures.groups[0][0] if tab.figures else ""
    tab.charts[ChartKind.CONVERSION].value_clicked.emit(label)
    assert tab.spec.filters == {Dimension.REP: (label,)}
    check_figures(funnel_window)
    tab.charts[ChartKind.TREND].value_clicked.emit("2026-03")
    assert tab.spec.preset is PeriodPreset.CUSTOM
    assert tab.spec.custom == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def test_show_deals_lists_exactly_the_deals_behind_a_row(qtbot: QtBot,
                                                         funnel_window: MainWindow) -> None:
    tab = funnel_window.funnel_tab
    tab.slice_bar.period.setCurrentIndex(
        tab.slice_bar.period.findData(PeriodPreset.LAST_12_MONTHS))
    tab.table.selectRow(1)
    rep = tab.model.label(1)
    qtbot.mouseClick(tab.show_button, Qt.MouseButton.LeftButton)
    deals_tab = funnel_window.deals_tab
    assert funnel_window.tabs.currentWidget() is deals_tab
    deals, query = expected(funnel_window, tab.spec)
    filters = dict(query.slice.filters)
    filters[Dimension.REP] = frozenset({rep})
    behind = counted_deals(deals, Slice(filters, query.slice.period, query.slice.cohort),
                           stages(funnel_window.workspace.store))
    assert behind  # the check below would pass vacuously otherwise
    assert deals_tab.model.total == len(behind)
    while deals_tab.model.canFetchMore():
        deals_tab.model.fetchMore()
    shown = {deals_tab.model.deal_id(r) for r in range(deals_tab.model.rowCount())}
    assert shown == {deal.id for deal in behind}
    assert deals_tab.drill_bar.isVisible()
    assert rep in deals_tab.drill_label.text()
    qtbot.mouseClick(deals_tab.drill_clear, Qt.MouseButton.LeftButton)
    assert deals_tab.model.total == DEALS


def test_an_edit_updates_the_figures(funnel_window: MainWindow) -> None:
    tab = funnel_window.funnel_tab
    before = tab.figures.overall if tab.figures else None
    assert before is not None
    today = dt.date.today()
    store = funnel_window.workspace.store
    deal_id, _ = store.add_deal(Deal(title="Late win", outcome=Outcome.WON, currency="EUR",
                                     first_contact=today - dt.timedelta(days=3),
                                     closed_on=today), today)
    funnel_window.workspace.notify(Changes(deal_ids=frozenset({deal_id})))
    after = tab.figures.overall if tab.figures else None
    assert after is not None and after.won == before.won + 1
    check_figures(funnel_window)


def test_copy_gives_tab_separated_figures(funnel_window: MainWindow) -> None:
    tab = funnel_window.funnel_tab
    tab.table.copy()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["Salesperson", "Deals", "Open"]
    assert lines[1].split("\t")[:2] == [ALL_LABEL, str(DEALS)]
    assert len(lines) == tab.model.rowCount() + 1


def test_the_selection_survives_a_restart(qtbot: QtBot, funnel_window: MainWindow,
                                          tmp_path: Path) -> None:
    tab = funnel_window.funnel_tab
    spec = SliceSpec(filters={Dimension.CHANNEL: (None,)}, preset=PeriodPreset.THIS_YEAR,
                     by=Dimension.PRODUCT, compare=True)
    tab.set_spec(spec)
    funnel_window.close()
    other = tmp_path / "other.db"
    workspace = Workspace(AppFileOpener().create(other, "EUR"))
    second = MainWindow(workspace, AppFileOpener(), UiSettings(), STORE_CACHE)
    qtbot.addWidget(second)
    try:
        assert second.funnel_tab.spec == spec
        assert second.funnel_tab.slice_bar.filters[Dimension.CHANNEL].text() == \
            "Channel: (none)"
    finally:
        second.close()
        workspace.close()


def test_an_empty_file_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.funnel_tab)
    qtbot.waitUntil(lambda: "No deals yet" in window.funnel_tab.message.text(), timeout=5000)
    assert window.funnel_tab.stack.currentIndex() == 0


def test_help_explains_the_worked_example(window: MainWindow) -> None:
    window.actions[ActionId.FIGURES_HELP].trigger()
    dialogs = window.findChildren(FiguresHelpDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    text = dialogs[0].text.toPlainText()
    assert "won ÷ (won + lost)" in text
    assert "90 ÷ 3 = 30 days" in text
    dialogs[0].close()


def test_a_huge_grouping_lists_the_groups_with_most_decided_deals(
        funnel_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts_data, "MAX_GROUPS", 3)
    tab = funnel_window.funnel_tab
    tab.set_spec(SliceSpec(by=Dimension.CLIENT))
    shown = tab.figures
    assert shown is not None and len(shown.groups) == 3 < shown.groups_total
    decided = [f.decided for _, f in shown.groups]
    assert decided == sorted(decided, reverse=True)
    assert tab.model.rowCount() == 4
    assert f"of {shown.groups_total:,}" in tab.table_note.text()


def test_export_chart_and_report_from_the_window(qtbot: QtBot, funnel_window: MainWindow,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    tab = funnel_window.funnel_tab
    tab.chart_tabs.setCurrentWidget(tab.charts[ChartKind.CONVERSION])
    png = tmp_path / "conversion.png"

    def save_png(dialog: QWidget) -> None:
        assert isinstance(dialog, ChartExportDialog)
        dialog.set_format(ExportFormat.PNG)
        dialog.width_box.setValue(800)
        dialog.height_box.setValue(450)
        dialog.path_edit.setText(str(png))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    run_with_modal(qtbot, tab.export_button.click, save_png)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (800, 450)
    assert "conversion.png" in funnel_window.statusBar().currentMessage()

    report = tmp_path / "meeting.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(report), ""))
    funnel_window.actions[ActionId.EXPORT_REPORT].trigger()
    assert report.read_bytes().startswith(b"%PDF")
    assert UiSettings().last_export_folder == str(tmp_path)
