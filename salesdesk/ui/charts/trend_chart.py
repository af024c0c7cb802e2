"""The monthly trend: conversion (with its interval) above, average deal length below.

Two stacked plots sharing the month axis read more easily than one plot with two y axes.
Months without decided deals leave a gap in the lines rather than a misleading zero. Touchpoint
changes (the Customers tab's log) are dashed vertical lines at their day within the month.
"""

from __future__ import annotations

import calendar
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF

from salesdesk.domain.periods import Bucket, bucket_number, parse_bucket
from salesdesk.i18n import translate
from salesdesk.ui.charts.base import Cell, ChartKind, ChartWidget, count, days, percent
from salesdesk.ui.charts.data import ChartFigures, ChartMarker

MAX_MONTH_LABELS = 12


def marker_position(marker: ChartMarker, first_month: str) -> float:
    """Where a dated marker sits on the month axis (month ``i`` spans i − 0.5 … i + 0.5)."""
    day = marker.day
    index = bucket_number(Bucket.MONTH, day) - parse_bucket(Bucket.MONTH, first_month)
    length = calendar.monthrange(day.year, day.month)[1]
    return index - 0.5 + (day.day - 0.5) / length


def shown_markers(figures: ChartFigures) -> list[tuple[float, ChartMarker]]:
    """The markers that fall within the trend's months, with their positions."""
    months = [label for label, _ in figures.trend]
    if not months:
        return []
    spots = [(marker_position(m, months[0]), m) for m in figures.markers]
    return [(x, m) for x, m in spots if -0.5 <= x <= len(months) - 0.5]


class TrendChart(ChartWidget):
    """Conversion and average deal length per month of the slice's period; a click on a
    month's column emits the month ("2026-03")."""

    chart_id = ChartKind.TREND

    def title(self) -> str:
        """The chart's title."""
        return translate("TrendChart", "Monthly trend of conversion and deal length")

    def formula_text(self) -> str:
        """The definitions per month and n."""
        f = self._figures
        n = 0 if f is None else f.overall.decided
        months = 0 if f is None else len(f.trend)
        changes = "" if f is None or not shown_markers(f) else " " + translate(
            "TrendChart", "Dashed lines: touchpoint changes (Customers tab).")
        return translate(
            "TrendChart", "Per month of close (for deals started in the period: of first"
            " contact): conversion = won ÷ (won + lost) with its likely range, a 95 % Wilson"
            " interval (hollow points: too few to judge); average deal length = sum of days"
            " from first contact to close ÷ closed deals. n = {count} decided deals over"
            " {months} months.").format(count=count(n), months=months) + changes

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per month."""
        header = ["month", "decided", "won", "lost", "open", "conversion", "conversion_low",
                  "conversion_high", "too_few", "avg_deal_length_days",
                  "median_deal_length_days", "touchpoint_changes"]
        f = self._figures
        changes: dict[str, list[str]] = {}
        for marker in (f.markers if f else ()):
            changes.setdefault(marker.day.strftime("%Y-%m"), []).append(marker.text)
        rows: list[list[Cell]] = [
            [month, g.decided, g.won, g.lost, g.open, g.conversion, g.conversion_low,
             g.conversion_high, "yes" if g.too_few else "no", g.avg_deal_length_days,
             g.median_deal_length_days, "; ".join(changes.get(month, ()))]
            for month, g in (f.trend if f else ())]
        return header, rows

    def _empty_message(self, figures: ChartFigures) -> str | None:
        return super()._empty_message(figures) or (
            None if any(g.decided for _, g in figures.trend)
            else translate("TrendChart", "No closed deals in this slice"))

    def _draw(self, figures: ChartFigures) -> None:
        style = self._style
        months = [label for label, _ in figures.trend]
        xs = list(range(len(months)))
        step = max(1, math.ceil(len(months) / MAX_MONTH_LABELS))
        ticks = [[(i, months[i]) for i in range(0, len(months), step)], []]
        nan = float("nan")

        top = self._add_plot(0, left=translate("TrendChart", "Conversion (%)"))
        top.showGrid(y=True, alpha=0.25)
        rates = [nan if g.conversion is None else 100 * g.conversion for _, g in figures.trend]
        decided = [(x, g) for x, (_, g) in zip(xs, figures.trend, strict=True)
                   if g.conversion is not None]
        if decided:
            centre = np.array([100 * (g.conversion or 0.0) for _, g in decided])
            top.addItem(pg.ErrorBarItem(
                x=np.array([x for x, _ in decided], dtype=float), y=centre,
                top=np.array([100 * (g.conversion_high or 0.0) for _, g in decided]) - centre,
                bottom=centre - np.array([100 * (g.conversion_low or 0.0) for _, g in decided]),
                beam=0.25, pen=style.pen(style.muted, 1.2)))
        top.addItem(pg.PlotDataItem(
            xs, rates, connect="finite", antialias=True, pen=style.pen(style.primary, 2.2)))
        for filled in (True, False):
            chosen = [(x, g) for x, g in decided if g.too_few != filled]
            if chosen:
                top.addItem(pg.ScatterPlotItem(
                    x=[x for x, _ in chosen], y=[100 * (g.conversion or 0) for _, g in chosen],
                    size=8, antialias=True, pen=style.pen(style.primary, 1.6),
                    brush=style.brush(style.primary if filled else style.background)))
        top.setYRange(0, 100, padding=0.04)
        top.getAxis("bottom").setTicks(ticks)
        top.getAxis("bottom").setStyle(showValues=False)

        bottom = self._add_plot(1, left=translate("TrendChart", "Avg deal length (days)"))
        bottom.showGrid(y=True, alpha=0.25)
        lengths = [g.avg_deal_length_days for _, g in figures.trend]
        bottom.addItem(pg.BarGraphItem(
            x=xs, height=[v or 0.0 for v in lengths], width=0.6,
            brush=style.brush(style.secondary, 220), pen=style.pen(style.background, 0)))
        bottom.getAxis("bottom").setTicks(ticks)
        bottom.setXLink(top)
        bottom.setYRange(0, max((v for v in lengths if v is not None), default=1.0) or 1.0,
                         padding=0.06)
        top.setXRange(-0.9, len(months) - 0.1, padding=0)
        # The same left axis width keeps the two plots' months aligned.
        for plot in (top, bottom):
            plot.getAxis("left").setWidth(style.font().pixelSize() * 5)
        self._trend_overall_text(top, figures)
        self._draw_markers(top, bottom, figures)
        self._clickable = self._hoverable = [top, bottom]

    def _draw_markers(self, top: pg.PlotItem, bottom: pg.PlotItem, figures: ChartFigures
                      ) -> None:
        """A dashed line per touchpoint change, its label at the top of the conversion plot
        (labels closer than a month apart are stepped down so they do not overlap)."""
        style = self._style
        last_x, level = -10.0, 0
        for x, marker in shown_markers(figures):
            for plot in (top, bottom):
                plot.addItem(pg.InfiniteLine(pos=x, angle=90,
                                             pen=style.pen(style.positive, 1.3, dashed=True)))
            level = level + 1 if x - last_x < 1.6 else 0
            last_x = x
            self._text(top, f" {marker.label}", x, 97 - 9 * (level % 4), anchor=(0, 0),
                       color=style.positive, scale=0.8)

    def _month_at(self, point: QPointF) -> int | None:
        """The index of the month whose column is at ``point``."""
        f = self._figures
        index = round(point.x())
        if f is None or not 0 <= index < len(f.trend) or abs(point.x() - index) > 0.45:
            return None
        return index

    def _value_at(self, point: QPointF) -> str | None:
        """The month of the column clicked, when it has deals."""
        index = self._month_at(point)
        if index is None or self._figures is None:
            return None
        month, month_figures = self._figures.trend[index]
        return month if month_figures.deals else None

    def _tooltip_at(self, point: QPointF) -> str | None:
        index = self._month_at(point)
        if index is None or self._figures is None:
            return None
        month, g = self._figures.trend[index]
        changes = "".join("\n" + translate("TrendChart", "Change: {change}").format(
                              change=m.text)
                          for m in self._figures.markers if m.day.strftime("%Y-%m") == month)
        if not g.decided:
            return translate("TrendChart", "{month}: no decided deals").format(
                month=month) + changes
        interval = f"{percent(g.conversion_low)}–{percent(g.conversion_high)}"
        if g.too_few:
            first = translate("TrendChart", "{month}: conversion {conversion} ({interval}), n ="
                              " {count}, too few to judge")
        else:
            first = translate("TrendChart", "{month}: conversion {conversion} ({interval}), n ="
                              " {count}")
        first = first.format(month=month, conversion=percent(g.conversion), interval=interval,
                             count=count(g.decided))
        second = translate("TrendChart", "average deal length {days}").format(
            days=days(g.avg_deal_length_days))
        return f"{first}\n{second}{changes}"

    def _trend_overall_text(self, plot: pg.PlotItem, figures: ChartFigures) -> None:
        overall = figures.overall
        text = translate("TrendChart", "all months: {conversion}, {days} average").format(
            conversion=percent(overall.conversion), days=days(overall.avg_deal_length_days))
        self._text(plot, text, -0.5, 100, anchor=(0, 0), color=self._style.subtle, scale=0.85)
