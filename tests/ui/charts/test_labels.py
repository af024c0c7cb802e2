"""What the Funnel tab's charts write on their bars: numbers in the user's locale, as the
figures table beside them writes them."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from salesdesk.domain.demo import generate_demo
from salesdesk.domain.slices import Query, Slice
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
