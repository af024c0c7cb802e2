"""What the Funnel tab's charts write beside their bars: numbers in the user's locale, as the
figures table beside them writes them; labels next to their bars and inside the plot, whose
axes end at the data (100 % for conversion), on screen and at any export size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.demo import generate_demo
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.ui.charts import ChartFigures, ChartKind, ChartWidget, make_chart
from salesdesk.ui.funnel.figures_model import FiguresModel

from .conftest import TODAY, figures_of

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def german() -> Iterator[None]:
    """German number formats as the application's default locale, restored afterwards."""
    previous = QLocale()
    QLocale.setDefault(GERMAN)
    try:
        yield
    finally:
        QLocale.setDefault(previous)


@pytest.fixture(scope="module")
def big_figures() -> ChartFigures:
    """1,500 deals, not grouped: counts in the thousands."""
    return figures_of(generate_demo(1500, TODAY).deals, Query(Slice(), ()))


def shown(qtbot: QtBot, kind: ChartKind, figures: ChartFigures, width: int = 900,
          height: int = 500) -> ChartWidget:
    chart = make_chart(kind)
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_figures(figures)
    qtbot.wait(10)  # the layout, and a paint where Qt would warn
    return chart


def labels(chart: ChartWidget) -> list[pg.TextItem]:
    """The text items drawn on the chart's plots, in the order drawn."""
    return [item for plot in chart._hoverable for item in plot.items
            if isinstance(item, pg.TextItem)]


def test_chart_labels_write_numbers_as_the_locale_and_the_table_do(
        qtbot: QtBot, german: None, big_figures: ChartFigures) -> None:
    overall = big_figures.overall
    assert big_figures.funnel[0].deals == 1500 and overall.decided > 1000
    funnel = shown(qtbot, ChartKind.FUNNEL, big_figures)
    assert labels(funnel)[0].toPlainText() == "1.500 deals"
    funnel.set_by_amount(True)
    amount = labels(funnel)[0].toPlainText()
    assert amount == f"{GERMAN.toString(big_figures.funnel[0].amount, 'f', 0)} EUR"
    assert "." in amount and "," not in amount

    decided = GERMAN.toString(overall.decided)
    assert "." in decided  # 1.301
    conversion = shown(qtbot, ChartKind.CONVERSION, big_figures)
    [text] = [item.toPlainText() for item in labels(conversion)]
    assert text == f"{GERMAN.toString(overall.conversion * 100, 'f', 0)} %  (n = {decided})"
    assert f"n = {decided} decided deals" in conversion.formula_text()

    model = FiguresModel()
    model.set_figures("Group", overall, [], "EUR")
    table = {model.headerData(column, Qt.Orientation.Horizontal): model.index(0, column).data()
             for column in range(model.columnCount())}
    assert table["Deals"] == GERMAN.toString(overall.deals) == "1.500"
    assert table["Conversion"] == f"{GERMAN.toString(overall.conversion * 100, 'f', 1)} %"
    assert "," in table["Conversion"]  # "47,0 %": the table's decimals are German too


def closed(rep: str, won: int, lost: int) -> list[Deal]:
    """``won`` won and ``lost`` lost deals of ``rep``, closed today."""
    start = TODAY - dt.timedelta(days=30)
    return [Deal(title=f"{rep} {i}", rep=rep, first_contact=start, closed_on=TODAY,
                 outcome=Outcome.WON if i < won else Outcome.LOST) for i in range(won + lost)]


def scene_x(plot: pg.PlotItem, x: float) -> float:
    """Where data x lies on the scene's x axis."""
    return float(plot.vb.mapViewToScene(QPointF(x, 0)).x())


@pytest.mark.parametrize(("size", "few"), [((900, 500), "beside"), ((520, 360), "at the end")])
def test_conversion_axis_ends_at_100_and_labels_sit_by_their_bars(
        qtbot: QtBot, size: tuple[int, int], few: str) -> None:
    """Labels go beside their bar (right of its whisker); a 95 % group's label has no room
    there inside 100 %, so it goes inside the bar, clear of the whisker; only a label that
    fits neither (a narrow chart, a wide whisker) sits at the end, over a backing."""
    figures = figures_of(closed("Nearly all", 38, 2) + closed("Half", 20, 20)
                         + closed("Few", 2, 4), Query(Slice(), (Dimension.REP,)))
    chart = shown(qtbot, ChartKind.CONVERSION, figures, *size)
    plot = chart._hoverable[0]
    view = plot.vb.sceneBoundingRect()
    (low, high), _ = plot.vb.viewRange()
    ticks = [value for value, _ in plot.getAxis("bottom")._tickLevels[0]]
    assert max(ticks) == 100
    # The axis ends at 100 %, but for the room its "100" label needs (under 20 pixels).
    pixel = (high - low) / view.width()
    assert 100 < high <= 100 + 20 * pixel and -20 * pixel <= low < 0
    placed = {}
    for item, (name, g) in zip(labels(chart), figures.groups, strict=True):
        rect = item.sceneBoundingRect()
        assert view.contains(rect), name
        bar_end = scene_x(plot, 100 * g.conversion)
        whisker = (scene_x(plot, 100 * g.conversion_low), scene_x(plot, 100 * g.conversion_high))
        right = max(bar_end, whisker[1])
        if right <= rect.left() <= right + 12:
            placed[name] = "beside"
        elif rect.right() <= min(bar_end, whisker[0]):
            placed[name] = "inside"
        elif (rect.right() >= scene_x(plot, 100) - 12
              and item.fill.style() != Qt.BrushStyle.NoBrush):
            placed[name] = "at the end"
    assert placed == {"Nearly all": "inside", "Half": "beside", "Few": few}


@pytest.mark.parametrize("size", [(900, 500), (520, 360)])
def test_funnel_labels_sit_by_their_bars_and_the_bars_use_the_width(
        qtbot: QtBot, size: tuple[int, int], demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, ChartKind.FUNNEL, demo_figures, *size)
    plot = chart._hoverable[0]
    view = plot.vb.sceneBoundingRect()
    counts = [item for item in labels(chart) if item.toPlainText().endswith(" deals")]
    assert len(counts) == len(demo_figures.funnel)
    for item, step in zip(counts, demo_figures.funnel, strict=True):
        rect = item.sceneBoundingRect()
        assert view.contains(rect), step.name
        bar_end = scene_x(plot, step.deals / 2)
        assert bar_end <= rect.left() <= bar_end + 12, step.name
    # The widest bar's label ends at the right edge: no empty half beside the funnel.
    assert max(item.sceneBoundingRect().right() for item in labels(chart)) \
        >= view.right() - 0.03 * view.width()


@pytest.mark.parametrize("size", [(900, 500), (520, 360)])
def test_deal_length_labels_sit_by_their_bars_inside_the_view(
        qtbot: QtBot, size: tuple[int, int], demo_figures: ChartFigures) -> None:
    chart = shown(qtbot, ChartKind.DEAL_LENGTH, demo_figures, *size)
    plot = chart._hoverable[0]
    view = plot.vb.sceneBoundingRect()
    lengths = [value for _, g in demo_figures.groups
               for value in (g.avg_deal_length_won_days, g.avg_deal_length_lost_days)]
    items = labels(chart)
    # Won labels of every group, then lost labels, as the bars are drawn.
    pairs = list(zip(items, lengths[0::2] + lengths[1::2], strict=True))
    for item, value in pairs:
        rect = item.sceneBoundingRect()
        assert view.contains(rect)
        assert scene_x(plot, value) <= rect.left() <= scene_x(plot, value) + 12
    assert max(item.sceneBoundingRect().right() for item in items) \
        >= view.right() - 0.03 * view.width()
