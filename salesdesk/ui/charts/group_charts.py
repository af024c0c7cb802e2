"""Charts of the groups of a slice: conversion with Wilson whiskers, and deal length won/lost.

Groups are drawn as horizontal bars, one row per group in report order (most decided deals
first), so long names stay readable however many groups there are. Beyond
:data:`MAX_GROUPS` rows the rest are summed up in a note; the CSV export lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from salesdesk.domain.metrics import Figures
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui.charts.base import (
    LABEL_GAP,
    Cell,
    ChartKind,
    ChartWidget,
    count,
    days,
    percent,
)
from salesdesk.ui.charts.data import ChartFigures

MAX_GROUPS = 12  # rows that stay readable in the tab's chart area (about 350 px high)
MIN_ROWS = 4
ALL_LABEL = QT_TRANSLATE_NOOP("GroupCharts", "All deals")
_END = 100.0  # where the conversion axis ends, in %
EDGE_PIXELS = 16.0  # room beyond 0 and 100 % for the axis labels of those two ticks


def shown_groups(figures: ChartFigures) -> list[tuple[str, Figures]]:
    """The rows a group chart draws: the groups (at most MAX_GROUPS), or the whole slice
    when it is not grouped."""
    if figures.by is None:
        return [(translate("GroupCharts", ALL_LABEL), figures.overall)]
    return list(figures.groups[:MAX_GROUPS])


class _GroupChart(ChartWidget):
    """Shared drawing of the group rows and their click targets."""

    def _rows(self) -> list[tuple[str, Figures]]:
        return [] if self._figures is None else shown_groups(self._figures)

    def _group_noun(self) -> str:
        f = self._figures
        return f.by_label.lower() if f is not None and f.by is not None else ""

    def _start_plot(self, bottom: str) -> pg.PlotItem:
        rows = self._rows()
        plot = self._add_plot(bottom=bottom)
        plot.invertY(True)
        self._category_ticks(plot, "left", [label for label, _ in rows])
        # A few groups keep the bar thickness of MIN_ROWS rows, centred, instead of filling
        # the plot with slabs.
        pad = max(0, MIN_ROWS - len(rows)) / 2
        plot.setYRange(-0.6 - pad, len(rows) - 0.4 + pad, padding=0)
        plot.showGrid(x=True, alpha=0.25)
        f = self._figures
        notes = []
        if (self.chart_id is ChartKind.CONVERSION and f is not None and f.by is not None
                and f.overall.conversion is not None):
            notes.append(translate("GroupChart", "dashed line: all deals, {conversion}").format(
                conversion=percent(f.overall.conversion)))
        if self.chart_id is ChartKind.CONVERSION and any(g.too_few for _, g in rows):
            threshold = 20 if f is None else f.threshold
            notes.append(translate("GroupChart", "grey: too few to judge (under {threshold}"
                                   " decided deals)").format(threshold=threshold))
        hidden = 0 if f is None or f.by is None else len(f.groups) - len(rows)
        if hidden > 0:
            notes.append(translate("GroupChart", "+ {count} more with fewer decided deals (in"
                                   " the CSV export)").format(count=hidden))
        if notes:
            # One note a line: a narrow chart area would cut a single long line.
            self.view.addLabel("<br>".join(notes), row=1, col=0, color=self._style.subtle,
                               size=f"{self._style.font(0.85).pixelSize()}px")
        self._clickable = [plot] if f is not None and f.by is not None else []
        self._hoverable = [plot]
        return plot

    def _row_at(self, point: QPointF) -> tuple[str, Figures] | None:
        """The group whose row is at ``point``."""
        rows = self._rows()
        index = round(point.y())
        if not 0 <= index < len(rows) or abs(point.y() - index) > 0.45:
            return None
        return rows[index]

    def _value_at(self, point: QPointF) -> str | None:
        row = self._row_at(point)
        return None if row is None else row[0]


@dataclass(frozen=True, slots=True)
class _ValueLabel:
    """A conversion label and what it must keep clear of: its bar's end and whisker (in %)."""

    item: pg.TextItem
    y: float
    end: float
    low: float
    high: float
    color: QColor  # beside the bar
    inside_color: QColor  # on the bar


class ConversionChart(_GroupChart):
    """Conversion per group with its 95 % Wilson interval; groups under the threshold of
    decided deals are drawn muted and labelled "too few to judge"."""

    chart_id = ChartKind.CONVERSION

    def title(self) -> str:
        """The chart's title."""
        noun = self._group_noun()
        return (translate("ConversionChart", "Conversion by {dimension}").format(dimension=noun)
                if noun else translate("ConversionChart", "Conversion"))

    def formula_text(self) -> str:
        """The definition of conversion and n."""
        f = self._figures
        n = 0 if f is None else f.overall.decided
        threshold = 20 if f is None else f.threshold
        return translate(
            "ConversionChart", "Conversion = won ÷ (won + lost); open deals have not decided"
            " and are left out. Whiskers: the likely range (95 % Wilson interval). Fewer than"
            " {threshold} decided deals: too few to judge. n = {count} decided deals"
            " (conversion {conversion}).").format(
            threshold=threshold, count=count(n),
            conversion=percent(None if f is None else f.overall.conversion))

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """The whole slice, then every group."""
        f = self._figures
        header = [f.by_label if f and f.by else "group", "decided", "won", "lost",
                  "conversion", "conversion_low", "conversion_high", "too_few"]

        def row(label: str, g: Figures) -> list[Cell]:
            return [label, g.decided, g.won, g.lost, g.conversion, g.conversion_low,
                    g.conversion_high, "yes" if g.too_few else "no"]

        if f is None:
            return header, []
        return header, [row(translate("GroupCharts", ALL_LABEL), f.overall),
                        *(row(label, g) for label, g in f.groups)]

    def _draw(self, figures: ChartFigures) -> None:
        style = self._style
        rows = self._rows()
        plot = self._start_plot(translate("ConversionChart", "Conversion (%) with its likely"
                                          " range"))
        ys = list(range(len(rows)))
        rates = [100 * (g.conversion or 0.0) for _, g in rows]
        brushes = [style.brush(style.muted if g.too_few else style.primary, 235)
                   for _, g in rows]
        plot.addItem(pg.BarGraphItem(x0=0, width=rates, y=ys, height=0.62, brushes=brushes,
                                     pen=style.pen(style.background, 0)))
        decided = [(y, g) for y, (_, g) in zip(ys, rows, strict=True)
                   if g.conversion is not None]
        if decided:
            centre = np.array([100 * (g.conversion or 0.0) for _, g in decided])
            plot.addItem(pg.ErrorBarItem(
                x=centre, y=np.array([y for y, _ in decided], dtype=float),
                left=centre - np.array([100 * (g.conversion_low or 0.0) for _, g in decided]),
                right=np.array([100 * (g.conversion_high or 0.0) for _, g in decided]) - centre,
                beam=0.22, pen=style.pen(style.foreground, 1.4)))
        overall = figures.overall.conversion
        if overall is not None and figures.by is not None:
            # Added before the labels, whose backing then hides it where it crosses them.
            plot.addItem(pg.InfiniteLine(pos=100 * overall, angle=90,
                                         pen=style.pen(style.secondary, 1.5, dashed=True)))
        values = []
        for y, (_, g) in zip(ys, rows, strict=True):
            if g.conversion is None:
                text, color = translate("ConversionChart", "no decided deals"), style.subtle
            elif g.too_few:
                text, color = translate(
                    "ConversionChart", "{conversion}  (n = {count}, too few)").format(
                    conversion=percent(g.conversion), count=count(g.decided)), style.subtle
            else:
                text, color = translate("ConversionChart", "{conversion}  (n = {count})").format(
                    conversion=percent(g.conversion), count=count(g.decided)), style.foreground
            rate = 100 * (g.conversion or 0.0)
            values.append(_ValueLabel(
                self._text(plot, text, 0, y, color=color), y, rate,
                100 * (g.conversion_low or 0.0) if g.conversion is not None else rate,
                100 * (g.conversion_high or 0.0) if g.conversion is not None else rate,
                color, style.foreground if g.too_few else style.background))
        plot.getAxis("bottom").setTicks([[(v, f"{v}") for v in range(0, 101, 20)], []])
        self._when_resized(plot, lambda: self._place_values(plot, values))

    def _place_values(self, plot: pg.PlotItem, values: list[_ValueLabel]) -> None:
        """Put each value label right of its bar and whisker; where that would run past 100 %,
        inside the bar left of the whisker; only where neither fits (a narrow chart), at the
        right edge. Beside the bar a backing keeps the label readable where the dashed
        all-deals line or the whisker crosses it."""
        pixels = plot.vb.width()
        if pixels <= 4 * EDGE_PIXELS:
            return
        # The axis ends at 100 %, where conversion ends, with just the room its end ticks'
        # labels need (pyqtgraph drops a tick label that would stick out of the plot).
        per_pixel = _END / (pixels - 2 * EDGE_PIXELS)
        plot.setXRange(-EDGE_PIXELS * per_pixel, _END + EDGE_PIXELS * per_pixel, padding=0)
        gap = LABEL_GAP * per_pixel
        backing = self._style.brush(self._style.background, 230)
        for value in values:
            item = value.item
            width = item.textItem.boundingRect().width() * per_pixel
            right = max(value.end, value.high) + gap
            inside = min(value.end, value.low) - gap
            if right + width <= _END:
                item.setAnchor((0, 0.5))
                item.setPos(right, value.y)
                item.setColor(value.color)
                item.fill = backing
            elif inside - width >= gap:
                item.setAnchor((1, 0.5))
                item.setPos(inside, value.y)
                item.setColor(value.inside_color)
                item.fill = pg.mkBrush(None)
            else:
                item.setAnchor((1, 0.5))
                item.setPos(_END - gap, value.y)
                item.setColor(value.color)
                item.fill = backing
            item.update()

    def _tooltip_at(self, point: QPointF) -> str | None:
        row = self._row_at(point)
        if row is None:
            return None
        label, g = row
        if g.conversion is None:
            return translate("ConversionChart", "{group}: no decided deals ({open} open)").format(
                group=label, open=count(g.open))
        text = translate(
            "ConversionChart", "{group}: conversion {conversion}, likely range {low}–{high}\n"
            "{won} won, {lost} lost (n = {count}), {open} open").format(
            group=label, conversion=percent(g.conversion), low=percent(g.conversion_low),
            high=percent(g.conversion_high), won=count(g.won), lost=count(g.lost),
            count=count(g.decided), open=count(g.open))
        return text + ("\n" + translate("ConversionChart", "Too few to judge") if g.too_few
                       else "")


class DealLengthChart(_GroupChart):
    """Average deal length per group, won and lost deals side by side."""

    chart_id = ChartKind.DEAL_LENGTH
    _OFFSET = 0.19
    _HEIGHT = 0.36

    def title(self) -> str:
        """The chart's title."""
        noun = self._group_noun()
        return (translate("DealLengthChart", "Average deal length by {dimension}, won and"
                          " lost").format(dimension=noun) if noun
                else translate("DealLengthChart", "Average deal length, won and lost"))

    def formula_text(self) -> str:
        """The definition of deal length and n."""
        f = self._figures
        n = 0 if f is None else f.overall.decided
        avg = None if f is None else f.overall.avg_deal_length_days
        return translate(
            "DealLengthChart", "Deal length = close date − first contact in days (closed the"
            " same day = 0); average = sum of days ÷ number of closed deals, shown for won and"
            " lost deals separately. n = {count} closed deals (average {average}).").format(
            count=count(n), average=days(avg))

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """The whole slice, then every group."""
        f = self._figures
        header = [f.by_label if f and f.by else "group", "closed", "won", "lost",
                  "avg_deal_length_days", "median_deal_length_days",
                  "avg_deal_length_won_days", "avg_deal_length_lost_days"]

        def row(label: str, g: Figures) -> list[Cell]:
            return [label, g.decided, g.won, g.lost, g.avg_deal_length_days,
                    g.median_deal_length_days, g.avg_deal_length_won_days,
                    g.avg_deal_length_lost_days]

        if f is None:
            return header, []
        return header, [row(translate("GroupCharts", ALL_LABEL), f.overall),
                        *(row(label, g) for label, g in f.groups)]

    def _draw(self, figures: ChartFigures) -> None:
        style = self._style
        rows = self._rows()
        plot = self._start_plot(translate("DealLengthChart", "Average deal length (days)"))
        longest = max((v for _, g in rows for v in (g.avg_deal_length_won_days,
                                                      g.avg_deal_length_lost_days)
                       if v is not None), default=1.0) or 1.0
        labels = []
        for offset, color, pick in (
                (-self._OFFSET, style.positive, attrgetter("avg_deal_length_won_days")),
                (self._OFFSET, style.secondary, attrgetter("avg_deal_length_lost_days"))):
            ys = [y + offset for y in range(len(rows))]
            values = [pick(g) for _, g in rows]
            plot.addItem(pg.BarGraphItem(
                x0=0, width=[v or 0.0 for v in values], y=ys, height=self._HEIGHT,
                brush=style.brush(color, 235), pen=style.pen(style.background, 0)))
            for y, value in zip(ys, values, strict=True):
                item = self._text(plot, days(value) if value is not None
                                  else translate("DealLengthChart", "none"),
                                  value or 0.0, y, scale=0.85,
                                  color=None if value is not None else style.subtle)
                labels.append((item, value or 0.0, y))
        self.view.addLabel(
            translate("DealLengthChart", "<span style='color:{won_color}'>■</span> won"
                      " &nbsp;&nbsp;<span style='color:{lost_color}'>■</span> lost").format(
                won_color=style.css(style.positive), lost_color=style.css(style.secondary)),
            row=2, col=0, color=style.css(style.foreground),
            size=f"{style.font(0.9).pixelSize()}px")
        # A little room left of 0 so the axis shows its 0 label; on the right, as much as the
        # labels beside the longest bars need.
        self._fit_labels_right(plot, -longest * 0.015, longest, labels)

    def _tooltip_at(self, point: QPointF) -> str | None:
        row = self._row_at(point)
        if row is None:
            return None
        label, g = row
        return translate(
            "DealLengthChart", "{group}: average {average}, median {median} over {count} closed"
            " deals\nwon: {won_average} ({won}), lost: {lost_average} ({lost})").format(
            group=label, average=days(g.avg_deal_length_days),
            median=days(g.median_deal_length_days), count=count(g.decided),
            won_average=days(g.avg_deal_length_won_days), won=count(g.won),
            lost_average=days(g.avg_deal_length_lost_days), lost=count(g.lost))
