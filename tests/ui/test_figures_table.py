"""The Funnel tab's figures table: report order until the user sorts, sized columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.slice_spec import SliceSpec
from salesdesk.domain.slices import Dimension
from salesdesk.ui.main_window import MainWindow


def labels(window: MainWindow) -> list[str | None]:
    model = window.funnel_tab.model
    return [model.label(row) for row in range(1, model.rowCount())]


def test_rows_follow_the_charts_until_a_column_is_clicked(qtbot: QtBot,
                                                          funnel_window: MainWindow) -> None:
    tab = funnel_window.funnel_tab
    tab.set_spec(SliceSpec(by=Dimension.REP))
    qtbot.waitUntil(lambda: tab.figures is not None and tab.figures.by is Dimension.REP)
    assert tab.figures is not None
    report_order = [label for label, _ in tab.figures.groups]
    assert len(report_order) > 2 and labels(funnel_window) == report_order
    header = tab.table.horizontalHeader()
    assert header.sortIndicatorSection() == -1
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert labels(funnel_window) == sorted(report_order, key=lambda s: (s or "").casefold())
    tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert labels(funnel_window) == report_order


def test_columns_are_sized_to_their_contents(funnel_window: MainWindow) -> None:
    table = funnel_window.funnel_tab.table
    header = table.horizontalHeader()
    title = str(table.model().headerData(1, Qt.Orientation.Horizontal))
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance(title)


def test_the_hint_says_what_a_click_on_the_chart_does(funnel_window: MainWindow) -> None:
    from salesdesk.ui.charts import ChartKind
    from salesdesk.ui.funnel.funnel_tab import CHART_HINTS

    tab = funnel_window.funnel_tab
    for kind in ChartKind:
        tab.chart_tabs.setCurrentWidget(tab.charts[kind])
        assert tab.chart_hint.text() == CHART_HINTS[kind]
        # "Click" only where a click does something (the default slice is grouped).
        assert tab.chart_hint.text().startswith("Click") == bool(tab.charts[kind]._clickable)
