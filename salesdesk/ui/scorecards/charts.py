"""The Scorecards tab's charts: a salesperson's profile across sections, their history over
time, the team matrix (salespeople × sections, colour-coded) and skill against conversion.

They are :class:`~salesdesk.ui.charts.base.ChartWidget` s drawn in the shared
:class:`~salesdesk.ui.charts.style.ChartStyle`, so they export through the Funnel tab's
export dialog and path (PNG, SVG, PDF with title, period and formula stamped; CSV of the
figures drawn).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetrics

from salesdesk.domain.scorecards import (
    SCORE_MAX,
    SCORE_MIN,
    Assessment,
    latest_first,
    section_means,
    template_text,
)
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.scorecard_report import ScorecardReport
from salesdesk.ui.charts.base import LABEL_GAP, Cell, ChartWidget, shortened, wrapped
from salesdesk.ui.formatting import count, date_range_text, date_text, number

NO_ASSESSMENT = QT_TRANSLATE_NOOP("ScorecardCharts", "No assessment yet")
# What the profile's diamonds show.
TEAM_MARK = QT_TRANSLATE_NOOP("ScorecardCharts", "team average of the latest assessments")
WRAP_PIXELS = 180.0  # section names longer than this take two lines on an axis
POINT_SIZE = 13  # pixels across a salesperson's point in the skill chart
MIN_NAME_SCALE = 0.75  # the smallest print of the team matrix's section names


class ScorecardChartKind(StrEnum):
    """The Scorecards tab's charts, by the names exports are given."""

    PROFILE = "scorecard-profile"
    HISTORY = "scorecard-history"
    MATRIX = "team-matrix"
    SCATTER = "skill-vs-conversion"


@dataclass(frozen=True)
class ScorecardFigures:
    """What the four charts draw: the report over the tab's period, the salesperson shown,
    the assessment selected and the salesperson's assessments."""

    report: ScorecardReport
    rep: str | None
    selected: Assessment | None
    assessments: tuple[Assessment, ...] = ()

    @property
    def slice_text(self) -> str:
        """The period and salesperson, stamped on exports."""
        r = self.report
        period = translate("ScorecardFigures", "results of deals closed {period}").format(
            period=date_range_text(r.start, r.end))
        return f"{self.rep} · {period}" if self.rep else period


def score_color(score: float) -> QColor:
    """Red (1) through amber (3) to green (5): the matrix's colour scale."""
    t = max(0.0, min(1.0, (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)))
    low, mid, high = QColor("#d64541"), QColor("#f0b429"), QColor("#2e9e5b")
    a, b, u = (low, mid, t * 2) if t < 0.5 else (mid, high, (t - 0.5) * 2)
    return QColor(round(a.red() + (b.red() - a.red()) * u),
                  round(a.green() + (b.green() - a.green()) * u),
                  round(a.blue() + (b.blue() - a.blue()) * u))


def score_text(value: float | None) -> str:
    """An average score as the charts and tables show it, one decimal ("4.5" / "4,5")."""
    return number(value, 1)


class ScorecardChart(ChartWidget):
    """Common parts: the figures type and an empty message without assessments."""

    # ChartWidget types the figures it keeps as the Funnel tab's ChartFigures; these charts
    # keep a ScorecardFigures there (as the Customers tab's keep their own figures) and read
    # it, typed, through _shown.
    _figures: Any

    @property
    def _shown(self) -> ScorecardFigures | None:
        """The figures drawn (None before :meth:`set_figures`)."""
        figures: ScorecardFigures | None = self._figures
        return figures

    def set_figures(self, figures: Any) -> None:
        """Draw ``figures``, a :class:`ScorecardFigures`."""
        super().set_figures(figures)

    def _empty_message(self, figures: Any) -> str | None:
        return (None if figures.selected is not None
                else translate("ScorecardCharts", NO_ASSESSMENT))

    def _score_axis(self, plot: pg.PlotItem, axis: str) -> None:
        plot.getAxis(axis).setTicks([[(s, str(s)) for s in range(SCORE_MIN, SCORE_MAX + 1)],
                                     []])


class ProfileChart(ScorecardChart):
    """The selected assessment's average per section, next to the team's latest."""

    chart_id = ScorecardChartKind.PROFILE

    def title(self) -> str:
        """The chart's title."""
        f = self._shown
        if f and f.rep:
            return translate("ProfileChart", "Skill profile — {rep}").format(rep=f.rep)
        return translate("ProfileChart", "Skill profile")

    def _rows(self) -> list[tuple[str, float | None, float | None]]:
        f = self._shown
        if f is None or f.selected is None:
            return []
        template = f.report.template
        own_template = next((c.template for c in f.report.reps if c.rep == f.rep
                             and c.template is not None), template)
        own = section_means(f.selected, own_template)
        team: dict[str, list[float]] = {}
        for card in f.report.reps:
            for key, value in card.sections.items():
                if value is not None:
                    team.setdefault(key, []).append(value)
        return [(template_text(s.title), own.get(s.key),
                 sum(team[s.key]) / len(team[s.key]) if team.get(s.key) else None)
                for s in template.sections]

    def formula_text(self) -> str:
        """How the bars are computed."""
        f = self._shown
        day = date_text(f.selected.assessed_on) if f and f.selected else "—"
        return translate("ProfileChart",
                         "Bars: average score (1–5) of each section's items in the assessment "
                         "of {day}; marks: the team's average of each salesperson's latest "
                         "assessment.").format(day=day)

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per section."""
        return ["section", "score", "team_score"], [list(r) for r in self._rows()]

    def _draw(self, figures: Any) -> None:
        style = self._style
        rows = self._rows()
        plot = self._add_plot(0, bottom=translate("ProfileChart", "Average score (1–5)"))
        plot.showGrid(x=True, alpha=0.25)
        labels = [r[0] for r in rows]
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]
        widths = [r[1] or 0 for r in rows]
        plot.addItem(pg.BarGraphItem(x0=[0] * n, y=ys, height=0.6, width=widths,
                                     brushes=[style.brush(score_color(w)) for w in widths],
                                     pen=style.pen(style.background)))
        team = [(y, r[2]) for y, r in zip(ys, rows, strict=True) if r[2] is not None]
        if team:
            plot.addItem(pg.ScatterPlotItem(x=[t for _, t in team], y=[y for y, _ in team],
                                            symbol="d", size=12,
                                            brush=style.brush(style.foreground),
                                            pen=style.pen(style.background)))
        scores = [(self._text(plot, score_text(r[1]), r[1] or 0, y, bold=True), r[1] or 0.0, y)
                  for y, r in zip(ys, rows, strict=True)]
        # Section names are whole (wrapped onto a second line when long), never cut off.
        self._category_ticks(plot, "left", list(reversed(labels)), wrap=WRAP_PIXELS)
        self._score_axis(plot, "bottom")
        plot.setYRange(-0.6, n - 0.4, padding=0)
        self._fit_labels_right(plot, 0, SCORE_MAX, scores)
        rep = escape(figures.rep or "")
        day = date_text(figures.selected.assessed_on)
        scale = translate("ProfileChart", "{rep}, {day} (red 1 → green 5)").format(
            rep=rep, day=day)
        mark = escape(translate("ScorecardCharts", TEAM_MARK))
        self.view.addLabel(
            f"<span style='color:{style.css(score_color(SCORE_MAX))}'>■</span> {scale} "
            f"&nbsp;&nbsp;&nbsp;"
            f"<span style='color:{style.css(style.foreground)}'>◆</span> {mark}",
            row=1, col=0, color=style.css(style.foreground),
            size=f"{style.font(0.9).pixelSize()}px")


class HistoryChart(ScorecardChart):
    """The salesperson's average score at each assessment, over time."""

    chart_id = ScorecardChartKind.HISTORY

    def title(self) -> str:
        """The chart's title."""
        f = self._shown
        if f and f.rep:
            return translate("HistoryChart", "Assessment history — {rep}").format(rep=f.rep)
        return translate("HistoryChart", "Assessment history")

    def _points(self) -> list[tuple[dt.date, float | None]]:
        f = self._shown
        if f is None:
            return []
        return [(a.assessed_on, a.mean()) for a in reversed(latest_first(f.assessments))]

    def formula_text(self) -> str:
        """What the line shows."""
        return translate("HistoryChart",
                         "Average score (1–5) of every item of each assessment, oldest first; "
                         "n = {count} assessments.").format(count=len(self._points()))

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per assessment."""
        return ["assessed_on", "average_score"], [[d.isoformat(), m] for d, m in self._points()]

    def _draw(self, figures: Any) -> None:
        style = self._style
        points = [(d, m) for d, m in self._points() if m is not None]
        plot = self._add_plot(0, left=translate("HistoryChart", "Average score"))
        plot.showGrid(y=True, alpha=0.25)
        xs = list(range(len(points)))
        plot.plot(xs, [m for _, m in points], pen=style.pen(style.primary, 2.5),
                  symbol="o", symbolSize=9, symbolBrush=style.brush(style.primary),
                  symbolPen=style.pen(style.background))
        for x, (_, m) in zip(xs, points, strict=True):
            self._text(plot, score_text(m), x, m + 0.12, anchor=(0.5, 1))
        self._category_ticks(plot, "bottom", [date_text(d) for d, _ in points])
        self._score_axis(plot, "left")
        plot.setYRange(SCORE_MIN - 0.2, SCORE_MAX + 0.4, padding=0)
        plot.setXRange(-0.5, max(0.5, len(points) - 0.5), padding=0)


class MatrixChart(ScorecardChart):
    """Salespeople × sections of the newest template, each cell coloured by the latest
    assessment's section average (red 1 → green 5); grey where never assessed."""

    chart_id = ScorecardChartKind.MATRIX

    def title(self) -> str:
        """The chart's title."""
        return translate("MatrixChart", "Team matrix: salespeople × sections")

    def _empty_message(self, figures: Any) -> str | None:
        return (None if any(c.latest for c in figures.report.reps)
                else translate("ScorecardCharts", NO_ASSESSMENT))

    def formula_text(self) -> str:
        """What a cell shows."""
        f = self._shown
        n = 0 if f is None else sum(c.latest is not None for c in f.report.reps)
        return translate("MatrixChart",
                         "Cell: average score (1–5) of the section's items in the salesperson's "
                         "latest assessment; red 1 → green 5, grey: not assessed. n = {count} "
                         "salespeople assessed.").format(count=n)

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per salesperson, one column per section."""
        f = self._shown
        if f is None:
            return [], []
        sections = f.report.template.sections
        return (["rep", *[template_text(s.title) for s in sections], "average"],
                [[c.rep, *[c.sections.get(s.key) for s in sections], c.mean]
                 for c in f.report.reps])

    def _draw(self, figures: Any) -> None:
        style = self._style
        report: ScorecardReport = figures.report
        sections = report.template.sections
        reps = list(report.reps)
        plot = self._add_plot(0)
        n_rows, n_cols = len(reps), len(sections)
        for r, card in enumerate(reps):
            y = n_rows - 1 - r
            for c, section in enumerate(sections):
                value = card.sections.get(section.key)
                color = score_color(value) if value is not None else style.muted
                rect = pg.QtWidgets.QGraphicsRectItem(QRectF(c - 0.48, y - 0.46, 0.96, 0.92))
                rect.setBrush(style.brush(color, 230))
                rect.setPen(style.pen(style.background))
                plot.addItem(rect)
                self._text(plot, score_text(value), c, y, anchor=(0.5, 0.5), bold=True,
                           color=QColor("#1f2328"))
        self._category_ticks(plot, "left", [c.rep for c in reversed(reps)])
        titles = [template_text(s.title) for s in sections]
        # A long word may be wider than its column: let the end columns' names reach past
        # the plot's edges rather than have pyqtgraph leave them out.
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)

        def name_columns() -> None:
            # Whole section names, wrapped to their column's width (known once laid out), in
            # smaller print (down to MIN_NAME_SCALE) where the longest word is wider.
            column = max(plot.vb.width() / max(1, n_cols) - LABEL_GAP, 1.0)
            metrics = QFontMetrics(style.font())
            longest = max(metrics.horizontalAdvance(piece) for title in titles
                          for piece in wrapped(title, style.font(), 0).split("\n"))
            scale = max(MIN_NAME_SCALE, min(1.0, column / longest))
            plot.getAxis("bottom").setStyle(tickFont=style.font(scale))
            self._category_ticks(plot, "bottom", titles, wrap=column)

        self._when_resized(plot, name_columns)
        plot.setXRange(-0.5, n_cols - 0.5, padding=0)
        plot.setYRange(-0.5, n_rows - 0.5, padding=0)
        self._hoverable = [plot]

    def _tooltip_at(self, point: QPointF) -> str | None:
        f = self._shown
        if f is None:
            return None
        reps, sections = f.report.reps, f.report.template.sections
        c, y = round(point.x()), round(point.y())
        r = len(reps) - 1 - y
        if not (0 <= c < len(sections) and 0 <= r < len(reps)):
            return None
        card = reps[r]
        score = score_text(card.sections.get(sections[c].key))
        return f"{card.rep} · {template_text(sections[c].title)}: {score}"


class ScatterChart(ScorecardChart):
    """Each salesperson's latest average score against their conversion over the period,
    labelled with n; salespeople with too few decided deals are drawn muted."""

    chart_id = ScorecardChartKind.SCATTER

    def title(self) -> str:
        """The chart's title."""
        return translate("ScatterChart", "Skill score against conversion")

    def _empty_message(self, figures: Any) -> str | None:
        if self._rows_of(figures):
            return None
        return translate("ScatterChart", "No assessed salesperson with decided deals")

    @staticmethod
    def _rows_of(figures: Any) -> list[tuple[str, float, float, int, bool]]:
        if figures is None:
            return []
        return [(c.rep, c.mean, c.figures.conversion, c.figures.decided, c.figures.too_few)
                for c in figures.report.reps
                if c.mean is not None and c.figures.conversion is not None]

    def formula_text(self) -> str:
        """What a point shows."""
        f = self._shown
        threshold = f.report.threshold if f else 20
        return translate("ScatterChart",
                         "x: average score (1–5) of the latest assessment; y: conversion = won "
                         "÷ (won + lost) of the deals closed in the period; n = decided deals. "
                         "Grey: fewer than {threshold} decided, too few to judge.").format(
            threshold=threshold)

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per assessed salesperson with decided deals."""
        return (["rep", "average_score", "conversion", "decided", "too_few"],
                [[r, m, c, n, int(few)] for r, m, c, n, few in self._rows_of(self._shown)])

    def _draw(self, figures: Any) -> None:
        style = self._style
        rows = self._rows_of(figures)
        plot = self._add_plot(0, left=translate("ScatterChart", "Conversion (%)"),
                              bottom=translate("ScatterChart", "Average skill score (1–5)"))
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.addItem(pg.ScatterPlotItem(
            x=[m for _, m, _, _, _ in rows], y=[c * 100 for _, _, c, _, _ in rows],
            size=POINT_SIZE,
            brush=[style.brush(style.muted if few else style.primary)
                   for *_, few in rows], pen=style.pen(style.background)))
        points = [(m, c * 100) for _, m, c, _, _ in rows]
        names = [self._text(plot, translate("ScatterChart", "{rep} (n = {count})").format(
                     rep=shortened(rep, 20), count=count(n)), m, c * 100, scale=0.9)
                 for rep, m, c, n, _ in rows]
        for name in names:
            # A name's box is its text (Qt pads it by 4 pixels): neighbours may come close.
            name.textItem.document().setDocumentMargin(1)
        leaders = []
        for _ in rows:
            leader = pg.PlotCurveItem(pen=style.pen(style.subtle, 1))
            plot.addItem(leader)
            leaders.append(leader)
        self._score_axis(plot, "bottom")
        plot.setXRange(SCORE_MIN - 0.2, SCORE_MAX + 0.2, padding=0)
        plot.setYRange(0, 100, padding=0.04)
        self._when_resized(plot, lambda: self._place_names(plot, points, names, leaders))

    @staticmethod
    def _place_names(plot: pg.PlotItem, points: list[tuple[float, float]],
                     names: list[pg.TextItem], leaders: list[pg.PlotCurveItem]) -> None:
        """Put each salesperson's name where it overlaps no other name and no point: beside
        its point (right, left, above or below), else moved up or down the side with a leader
        line to the point. Positions are worked out in pixels, for the plot's size, whose x
        axis reaches just far enough for every name to fit right of its point."""
        view = plot.vb
        pixels = view.width()
        if pixels <= 1:
            return
        clear = POINT_SIZE / 2 + 2
        left, end = SCORE_MIN - 0.2, SCORE_MAX + 0.2
        for (x, _), name in zip(points, names, strict=True):
            room = pixels - clear - name.boundingRect().width() - 1
            if room > 0:
                end = max(end, left + (x - left) * pixels / room)
        plot.setXRange(left, end, padding=0)
        area = view.sceneBoundingRect()
        centres = [view.mapViewToScene(QPointF(x, y)) for x, y in points]
        taken = [QRectF(c.x() - clear, c.y() - clear, 2 * clear, 2 * clear) for c in centres]
        for centre, name, leader in zip(centres, names, leaders, strict=True):
            box = name.boundingRect()
            w, h = box.width(), box.height()
            near = [(clear, -h / 2), (-clear - w, -h / 2), (-w / 2, -clear - h), (-w / 2, clear)]
            shifted = [(dx, -h / 2 + sign * step * h)
                       for step in range(1, 6) for sign in (1, -1) for dx in (clear, -clear - w)]
            spots = [QRectF(centre.x() + dx, centre.y() + dy, w, h) for dx, dy in near + shifted]
            chosen = next((i for i, r in enumerate(spots) if area.contains(r)
                           and not any(r.intersects(t) for t in taken)), 0)
            spot = spots[chosen]
            taken.append(spot)
            name.setAnchor((0, 0))
            name.setPos(view.mapSceneToView(spot.topLeft()))
            if chosen >= len(near):
                # The name moved away from its point: a line says whose it is.
                tip = QPointF(spot.left() if spot.left() > centre.x() else spot.right(),
                              spot.center().y())
                a, b = view.mapSceneToView(centre), view.mapSceneToView(tip)
                leader.setData([a.x(), b.x()], [a.y(), b.y()])
            else:
                leader.setData([], [])
