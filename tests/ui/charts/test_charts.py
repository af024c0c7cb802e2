"""The five charts draw a slice's figures, say so when there is nothing to draw, and turn a
click on a bar into its group value."""

from __future__ import annotations

import datetime as dt
import gc
import weakref

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.ui.charts import (
    ChartFigures,
    ChartKind,
    ChartStyle,
    ChartWidget,
    FunnelChart,
    describe_slice,
    make_chart,
)
from salesdesk.ui.charts.base import NO_CLOSED_DEALS, NO_DEALS
from salesdesk.ui.charts.distribution_chart import bin_width, binned
from salesdesk.ui.charts.export import prepared_chart
from salesdesk.ui.charts.group_charts import MAX_GROUPS, shown_groups

from .conftest import TODAY, figures_of


def shown(qtbot: QtBot, kind: ChartKind | str) -> ChartWidget:
    chart = make_chart(kind)
    qtbot.addWidget(chart)
    chart.resize(900, 500)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def bar_lengths(chart: ChartWidget) -> list[list[float]]:
    """The lengths of the bars drawn, one list per bar series in the order drawn: widths of
    horizontal bars, heights of vertical ones."""
    series: list[list[float]] = []
    for plot in chart._hoverable:
        for item in plot.items:
            if isinstance(item, pg.BarGraphItem):
                width = item.opts["width"]
                series.append(list(width if isinstance(width, list) else item.opts["height"]))
    return series


def expected_bars(kind: ChartKind, figures: ChartFigures) -> list[list[float]]:
    """The bar lengths each chart must draw for ``figures``."""
    rows = shown_groups(figures)
    return {
        ChartKind.FUNNEL: [[float(step.deals) for step in figures.funnel]],
        ChartKind.CONVERSION: [[100 * (g.conversion or 0.0) for _, g in rows]],
        ChartKind.DEAL_LENGTH: [[g.avg_deal_length_won_days or 0.0 for _, g in rows],
                                [g.avg_deal_length_lost_days or 0.0 for _, g in rows]],
        ChartKind.TREND: [[g.avg_deal_length_days or 0.0 for _, g in figures.trend]],
        ChartKind.DISTRIBUTION: [[float(n) for n in binned(figures.lengths,
                                                           bin_width(figures.lengths))]],
    }[kind]


@pytest.mark.parametrize("kind", list(ChartKind))
def test_each_chart_draws_demo_figures(qtbot: QtBot, kind: ChartKind,
                                       demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, kind)
    assert chart.chart_id is kind
    chart.set_figures(demo_figures)
    qtbot.wait(10)  # a paint, where Qt would warn
    assert chart.message() is None
    assert bar_lengths(chart) == [pytest.approx(bars)
                                  for bars in expected_bars(kind, demo_figures)]
    assert chart.title()
    n = demo_figures.funnel[0].deals if kind is ChartKind.FUNNEL else \
        demo_figures.overall.decided
    assert f"n = {n:,} " in chart.formula_text()
    header, rows = chart.figures_table()
    assert header and rows


@pytest.mark.parametrize("kind", list(ChartKind))
def test_each_chart_says_when_the_slice_is_empty(qtbot: QtBot, kind: ChartKind,
                                                 empty_figures: ChartFigures) -> None:
    chart = shown(qtbot, kind)
    chart.set_figures(empty_figures)
    qtbot.wait(10)
    assert chart.message() == (NO_DEALS if kind is ChartKind.FUNNEL else NO_CLOSED_DEALS)
    assert "n = 0" in chart.formula_text()


def test_open_deals_only_draw_a_funnel_but_no_conversion(qtbot: QtBot) -> None:
    figures = figures_of([Deal(title="a", stage="Proposal"), Deal(title="b")],
                         Query(Slice(), (Dimension.REP,)))
    funnel = shown(qtbot, ChartKind.FUNNEL)
    funnel.set_figures(figures)
    assert funnel.message() is None
    conversion = shown(qtbot, ChartKind.CONVERSION)
    conversion.set_figures(figures)
    assert conversion.message() == NO_CLOSED_DEALS


def test_a_chart_follows_the_palette_and_takes_a_style(qtbot: QtBot,
                                                       demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, ChartKind.CONVERSION)
    chart.set_figures(demo_figures)
    chart.set_chart_style(ChartStyle.dark_theme())
    assert chart.chart_style().dark
    chart.set_chart_style(None)
    assert chart.chart_style() == ChartStyle.from_palette()


def test_a_chart_follows_a_dark_palette(qtbot: QtBot, demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, ChartKind.DISTRIBUTION)
    chart.set_figures(demo_figures)
    assert not chart.chart_style().dark
    palette = QPalette(chart.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    chart.setPalette(palette)
    assert chart.chart_style().dark
    assert chart.chart_style().background == QColor("#202124")


def click_at(qtbot: QtBot, chart: ChartWidget, x: float, y: float, plot_index: int = 0
             ) -> None:
    """Click a clickable plot of the chart at data coordinates (x, y)."""
    plot = chart._clickable[plot_index]
    scene_point = plot.vb.mapViewToScene(QPointF(x, y))
    view_point = chart.view.mapFromScene(scene_point)
    qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point)


def test_clicking_a_group_bar_emits_its_value(qtbot: QtBot,
                                              demo_figures: ChartFigures) -> None:
    for kind in (ChartKind.CONVERSION, ChartKind.DEAL_LENGTH):
        chart = shown(qtbot, kind)
        chart.set_figures(demo_figures)
        second = demo_figures.groups[1][0]
        with qtbot.waitSignal(chart.value_clicked, timeout=1000) as blocker:
            click_at(qtbot, chart, 1.0, 1.0)
        assert blocker.args == [second]


def test_a_funnel_stage_explains_itself_but_does_not_filter(qtbot: QtBot,
                                                            demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, ChartKind.FUNNEL)
    chart.set_figures(demo_figures)
    plot = chart._hoverable[0]
    step = demo_figures.funnel[2]
    tip = chart._tooltip_at(QPointF(0.0, 2.0))
    assert tip is not None and tip.startswith(f"{step.name}: ")
    assert chart._clickable == []  # a stage filter would keep fewer deals than the bar counts
    scene_point = plot.vb.mapViewToScene(QPointF(0.0, 2.0))
    with qtbot.assertNotEmitted(chart.value_clicked):
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.view.mapFromScene(scene_point))


def test_clicking_a_month_of_the_trend_emits_the_month(qtbot: QtBot,
                                                        demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, ChartKind.TREND)
    chart.set_figures(demo_figures)
    month = demo_figures.trend[3][0]
    for plot_index, y in ((0, 50.0), (1, 1.0)):
        with qtbot.waitSignal(chart.value_clicked, timeout=1000) as blocker:
            click_at(qtbot, chart, 3.0, y, plot_index)
        assert blocker.args == [month]


def test_charts_without_groups_emit_nothing(qtbot: QtBot, demo_deals: list[Deal]) -> None:
    figures = figures_of(demo_deals, Query(Slice()))
    chart = shown(qtbot, ChartKind.CONVERSION)
    chart.set_figures(figures)
    assert chart._clickable == []


def test_hovering_a_bar_explains_its_figures(qtbot: QtBot,
                                             demo_figures: ChartFigures) -> None:
    label, first = demo_figures.groups[0]
    conversion = shown(qtbot, ChartKind.CONVERSION)
    conversion.set_figures(demo_figures)
    text = conversion._tooltip_at(QPointF(1.0, 0.0))
    assert text is not None and text.startswith(f"{label}: conversion")
    assert f"n = {first.decided:,}" in text
    assert conversion._tooltip_at(QPointF(1.0, 0.5)) is None  # between two rows

    lengths = shown(qtbot, ChartKind.DEAL_LENGTH)
    lengths.set_figures(demo_figures)
    assert f"over {first.decided:,} closed deals" in (lengths._tooltip_at(QPointF(1.0, 0.0))
                                                       or "")
    funnel = shown(qtbot, ChartKind.FUNNEL)
    funnel.set_figures(demo_figures)
    step = demo_figures.funnel[1]
    assert (funnel._tooltip_at(QPointF(0.0, 1.0)) or "").startswith(
        f"{step.name}: {step.deals:,} deals")
    trend = shown(qtbot, ChartKind.TREND)
    trend.set_figures(demo_figures)
    month, _ = demo_figures.trend[-1]
    assert (trend._tooltip_at(QPointF(len(demo_figures.trend) - 1, 1.0)) or "").startswith(
        f"{month}: ")
    histogram = shown(qtbot, ChartKind.DISTRIBUTION)
    histogram.set_figures(demo_figures)
    shortest = min(demo_figures.lengths)
    assert "closed deals" in (histogram._tooltip_at(QPointF(shortest + 0.1, 0.5)) or "")
    # Moving over the plot shows the tooltip without errors (and a hand over clickable bars).
    plot = conversion._hoverable[0]
    scene_point = plot.vb.mapViewToScene(QPointF(1.0, 0.0))
    qtbot.mouseMove(conversion.view.viewport(), conversion.view.mapFromScene(scene_point))
    conversion._on_scene_moved(scene_point)
    assert conversion.view.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_the_funnel_switches_to_amounts(qtbot: QtBot, demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, ChartKind.FUNNEL)
    assert isinstance(chart, FunnelChart)
    chart.set_figures(demo_figures)
    chart.set_by_amount(True)
    assert chart.by_amount
    assert "amount" in chart.title()
    assert "amounts" in chart.formula_text()


def test_many_groups_are_capped_with_a_note(qtbot: QtBot, demo_deals: list[Deal]) -> None:
    figures = figures_of(demo_deals, Query(Slice(), (Dimension.CLIENT,)))
    assert len(figures.groups) > MAX_GROUPS
    chart = shown(qtbot, ChartKind.CONVERSION)
    chart.set_figures(figures)
    qtbot.wait(10)
    _, rows = chart.figures_table()
    assert len(rows) == len(figures.groups) + 1  # the CSV keeps every group


def test_too_few_groups_are_flagged(demo_deals: list[Deal]) -> None:
    figures = figures_of(demo_deals, Query(Slice(), (Dimension.CLIENT,)))
    assert any(g.too_few for _, g in figures.groups)
    assert all(g.too_few == (g.decided < figures.threshold) for _, g in figures.groups)


def test_too_few_groups_are_drawn_muted_and_labelled(qtbot: QtBot) -> None:
    start = TODAY - dt.timedelta(days=30)

    def closed(rep: str, won: int, lost: int) -> list[Deal]:
        return [Deal(title=f"{rep} {i}", rep=rep, first_contact=start, closed_on=TODAY,
                     outcome=Outcome.WON if i < won else Outcome.LOST)
                for i in range(won + lost)]

    figures = figures_of(closed("Many", 12, 13) + closed("Few", 2, 1),
                         Query(Slice(), (Dimension.REP,)))
    assert [(label, g.too_few) for label, g in figures.groups] == [("Many", False),
                                                                    ("Few", True)]
    chart = shown(qtbot, ChartKind.CONVERSION)
    chart.set_figures(figures)
    style = chart.chart_style()
    plot = chart._hoverable[0]
    [bars] = [item for item in plot.items if isinstance(item, pg.BarGraphItem)]
    assert [brush.color().rgb() for brush in bars.opts["brushes"]] == [style.primary.rgb(),
                                                                       style.muted.rgb()]
    labels = [(item.toPlainText(), item.color.rgb()) for item in plot.items
              if isinstance(item, pg.TextItem)]
    # The few group's whisker reaches 94 %: its label goes inside its grey bar, in the text
    # colour (grey on grey would not read).
    assert labels == [("48 %  (n = 25)", style.foreground.rgb()),
                      ("67 %  (n = 3, too few)", style.foreground.rgb())]
    notes = [item.text for item in chart.view.scene().items() if isinstance(item, pg.LabelItem)]
    assert any("grey: too few to judge (under 20 decided deals)" in note for note in notes)


def test_chart_figures_follow_the_query(demo_deals: list[Deal]) -> None:
    sl = Slice({Dimension.REP: frozenset({"Anna Kovács"})},
               Period.between(dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    figures = figures_of(demo_deals, Query(sl, (Dimension.CHANNEL,)))
    assert figures.by is Dimension.CHANNEL and figures.by_label == "Channel"
    assert figures.slice_text == ("Salesperson: Anna Kovács · 01.01.2026 – 30.06.2026 · "
                                  "deals closed in the period")  # the C locale's dates
    assert [label for label, _ in figures.trend] == [f"2026-0{m}" for m in range(1, 7)]
    assert sum(figures.lengths.values()) == figures.overall.decided
    assert sum(g.decided for _, g in figures.trend) == figures.overall.decided
    assert figures.funnel[-1].is_won and figures.funnel[-1].deals == figures.overall.won
    ungrouped = figures_of(demo_deals, Query(sl))
    assert ungrouped.by is None and ungrouped.groups == ()


def test_describe_slice_lists_filters_none_and_cohort() -> None:
    sl = Slice({Dimension.CHANNEL: frozenset({None, "Web"}),
                Dimension.REP: frozenset({"Ben", "anna"})},
               Period.between(None, dt.date(2026, 3, 31)), cohort=True)
    assert describe_slice(sl) == ("Channel: (none), Web · Salesperson: anna, Ben · "
                                  "… – 31.03.2026 · deals started in the period")


def test_histogram_bins() -> None:
    assert bin_width({0: 1, 39: 2}) == 1
    assert bin_width({400: 1}) == 14
    assert binned({0: 1, 6: 2, 7: 3}, 7) == [3, 3]
    assert bin_width({}) == 1 and binned({}, 1) == [0]


@pytest.mark.parametrize("kind", list(ChartKind))
def test_a_chart_that_is_dropped_is_freed(kind: ChartKind,
                                          sliced_figures: ChartFigures) -> None:
    # Export draws a fresh hidden chart each time; a reference cycle through Qt's signal
    # connections kept every one alive (and crashed the interpreter's exit).
    chart = prepared_chart(kind, sliced_figures)
    chart.resize(640, 400)
    chart.view.ci.layout.activate()
    freed = weakref.ref(chart)
    del chart
    gc.collect()
    assert freed() is None


@pytest.mark.parametrize("kind", list(ChartKind))
def test_a_chart_states_its_figures_to_a_screen_reader(qtbot: QtBot, kind: ChartKind,
                                                      demo_figures: ChartFigures,
                                                      empty_figures: ChartFigures) -> None:
    chart = shown(qtbot, kind)
    chart.set_figures(demo_figures)
    assert chart.accessibleName() == chart.title()
    described = chart.accessibleDescription()
    header, rows = chart.figures_table()
    assert rows
    first = rows[0]
    assert described.startswith(f"{first[0]}: {header[1].replace('_', ' ')}")
    assert chart.formula_text() in described
    chart.set_figures(empty_figures)
    assert chart.accessibleDescription() == chart.message()
