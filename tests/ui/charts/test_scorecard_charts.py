"""The Scorecards tab's charts read without guessing: names in the skill chart never cover
each other, the profile's diamonds are named in a legend, and section names are whole."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from collections.abc import Iterator
from itertools import combinations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from salesdesk.domain.deal_prep import prep_figures_of
from salesdesk.domain.metrics import Tally, figures
from salesdesk.domain.scorecards import (
    Assessment,
    Score,
    Section,
    SkillItem,
    Template,
    section_means,
)
from salesdesk.reports.scorecard_report import RepScorecard, ScorecardReport
from salesdesk.ui.charts.base import ChartWidget
from salesdesk.ui.scorecards.charts import (
    MatrixChart,
    ProfileChart,
    ScatterChart,
    ScorecardFigures,
)

TODAY = dt.date(2026, 6, 30)
SECTIONS = (("interests", "Interests and bargaining variables"),
            ("rapport", "Small talk and rapport"), ("spin", "SPIN questions"),
            ("price", "Price arguments and counter-arguments"),
            ("tactics", "Manipulation techniques"),
            ("process", "Sales regulations and process knowledge"))
TEMPLATE = Template(1, tuple(Section(key, title) for key, title in SECTIONS),
                    tuple(SkillItem(id=n, section=key, text=f"item {n}")
                          for n, (key, _) in enumerate(SECTIONS, start=1)))
SIZES = [(900, 500), (560, 380)]


def card(rep: str, scores: tuple[int, ...], won: int, lost: int) -> RepScorecard:
    """A salesperson assessed today with one score per section, and their deals."""
    assessment = Assessment(rep, "Judit Szabó", TODAY, 1,
                            tuple(Score(n, s) for n, s in enumerate(scores, start=1)))
    return RepScorecard(rep, (assessment,), TEMPLATE, (), section_means(assessment, TEMPLATE),
                        figures(Tally(won=won, lost=lost)), prep_figures_of(won, lost, []))


@pytest.fixture
def team() -> ScorecardFigures:
    """Six salespeople; Dávid Nagy and Felix Brandt have nearly the same skill and
    conversion (3.8 and 4.0, 44 % and 42 %), so their names would meet."""
    cards = (card("Anna Kovács", (5, 5, 5, 5, 5, 4), 92, 53),
             card("Bence Tóth", (1, 4, 3, 1, 3, 3), 38, 86),
             card("Clara Weber", (4, 5, 5, 5, 5, 4), 66, 63),
             card("Dávid Nagy", (4, 5, 3, 4, 3, 4), 46, 58),
             card("Emma Fischer", (5, 5, 5, 5, 4, 5), 64, 51),
             card("Felix Brandt", (4, 3, 4, 4, 5, 4), 45, 61))
    report = ScorecardReport(TODAY - dt.timedelta(days=365), TODAY, TEMPLATE, cards,
                             figures(Tally(won=351, lost=372)), prep_figures_of(351, 372, []),
                             0.5, 20)
    return ScorecardFigures(report, "Dávid Nagy", cards[3].latest, cards[3].assessments)


def shown(qtbot: QtBot, chart: ChartWidget, figures: ScorecardFigures,
          size: tuple[int, int]) -> ChartWidget:
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_figures(figures)
    qtbot.wait(10)  # the layout, and a paint where Qt would warn
    return chart


def texts(plot: pg.PlotItem) -> list[pg.TextItem]:
    return [item for item in plot.items if isinstance(item, pg.TextItem)]


def unwrapped(label: str) -> str:
    """An axis label as one line again (it may be broken between words or after a hyphen)."""
    return label.replace("-\n", "-").replace("\n", " ")


def drawn_ticks(axis: pg.AxisItem) -> list[str]:
    """The tick labels the axis paints: pyqtgraph silently leaves out those that do not fit."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"])
        _, _, specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in specs]


@pytest.mark.parametrize("size", SIZES)
def test_skill_chart_names_never_overlap(qtbot: QtBot, team: ScorecardFigures,
                                         size: tuple[int, int]) -> None:
    chart = shown(qtbot, ScatterChart(), team, size)
    plot = chart.view.ci.getItem(0, 0)
    view = plot.vb.sceneBoundingRect()
    names = texts(plot)
    assert len(names) == 6
    rects = {name.toPlainText().split(" (")[0]: name.sceneBoundingRect() for name in names}
    for (first, a), (second, b) in combinations(rects.items(), 2):
        assert not a.intersects(b), (first, second)
    points = [plot.vb.mapViewToScene(QPointF(c.mean, 100 * c.figures.conversion))
              for c in team.report.reps]
    for (name, rect), own in zip(rects.items(), points, strict=True):
        assert view.contains(rect), name
        assert not any(rect.contains(point) for point in points), name
        # A name stays by its point, or a leader line joins them.
        near = rect.adjusted(-12, -12, 12, 12).contains(own)
        leaders = [item for item in plot.items if isinstance(item, pg.PlotCurveItem)
                   and item.xData is not None and len(item.xData)
                   and plot.vb.mapViewToScene(QPointF(item.xData[0], item.yData[0])) == own]
        assert near or leaders, name


@pytest.mark.parametrize("size", SIZES)
def test_the_profile_names_its_diamonds_and_shows_whole_section_names(
        qtbot: QtBot, team: ScorecardFigures, size: tuple[int, int]) -> None:
    chart = shown(qtbot, ProfileChart(), team, size)
    notes = [item.text for item in chart.view.scene().items() if isinstance(item, pg.LabelItem)]
    assert any("◆" in note and "team average" in note for note in notes)
    assert any("Dávid Nagy" in note for note in notes)
    plot = chart.view.ci.getItem(0, 0)
    drawn = drawn_ticks(plot.getAxis("left"))
    assert sorted(unwrapped(text) for text in drawn) == sorted(t for _, t in SECTIONS)


@pytest.mark.parametrize("size", SIZES)
def test_the_team_matrix_shows_whole_section_names(qtbot: QtBot, team: ScorecardFigures,
                                                   size: tuple[int, int]) -> None:
    chart = shown(qtbot, MatrixChart(), team, size)
    plot = chart._hoverable[0]
    drawn = drawn_ticks(plot.getAxis("bottom"))
    assert [unwrapped(text) for text in drawn] == [t for _, t in SECTIONS]


@pytest.fixture
def german() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


def test_scores_are_written_as_the_locale_does(qtbot: QtBot, team: ScorecardFigures,
                                               german: None) -> None:
    chart = shown(qtbot, ProfileChart(), team, SIZES[0])
    scores = [item.toPlainText() for item in texts(chart.view.ci.getItem(0, 0))]
    assert scores == ["4,0", "5,0", "3,0", "4,0", "3,0", "4,0"]


@pytest.mark.parametrize("kind", [ProfileChart, MatrixChart, ScatterChart])
def test_a_scorecard_chart_that_is_dropped_is_freed(kind: type[ChartWidget],
                                                    team: ScorecardFigures) -> None:
    chart = kind()
    chart.set_figures(team)
    freed = weakref.ref(chart)
    del chart
    gc.collect()
    assert freed() is None
