"""The Customers tab's charts: the NPS trend and a touchpoint change before and after, and
the base the deal charts (:mod:`salesdesk.ui.customers.deal_charts`: lost reasons by slice,
deal-days per win by audience and customer type) share with them.

They are :class:`~salesdesk.ui.charts.base.ChartWidget` s drawn in the shared
:class:`~salesdesk.ui.charts.style.ChartStyle`, so they export through the Funnel tab's export
dialog and path (PNG, SVG, PDF with title, slice and formula stamped; CSV of the figures).
Each draws a small frozen figures object carrying its own ``slice_text``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QResizeEvent

from salesdesk.domain.nps import NpsTally
from salesdesk.domain.touchpoints import BeforeAfter
from salesdesk.i18n import translate
from salesdesk.reports.nps_report import nps_text
from salesdesk.ui.charts.base import Cell, ChartWidget, count, days, percent
from salesdesk.ui.formatting import date_range_text

MAX_MONTH_LABELS = 12


class CustomerChartKind(StrEnum):
    """The names exports of these charts are given (their ``chart_id``)."""

    NPS_TREND = "nps-trend"
    BEFORE_AFTER = "touchpoint-before-after"
    LOST_REASONS = "lost-reasons"
    TARGET = "target-customer"


@dataclass(frozen=True)
class NpsFigures:
    """NPS per month (empty months included) and overall, over the tab's period."""

    slice_text: str
    trend: tuple[tuple[str, NpsTally], ...]
    overall: NpsTally


@dataclass(frozen=True)
class BeforeAfterFigures:
    """A touchpoint change's windows compared."""

    slice_text: str
    result: BeforeAfter


class CustomerChart(ChartWidget):
    """Common parts: a figures object of the chart's own type."""

    _figures: Any

    def set_figures(self, figures: Any) -> None:
        """Draw ``figures`` (each chart's own figures type)."""
        super().set_figures(figures)

    def clear_figures(self) -> None:
        """Draw nothing (no figures to show)."""
        self._figures = None
        self._redraw()

    def _empty_message(self, figures: Any) -> str | None:
        return None


# --- NPS trend ----------------------------------------------------------------------------------


class NpsTrendChart(CustomerChart):
    """NPS per month (points joined, months without responses left as gaps) above the number
    of responses per month."""

    chart_id = CustomerChartKind.NPS_TREND
    _budget = MAX_MONTH_LABELS

    def _label_budget(self) -> int:
        """About one month label per 75 pixels of width, at most MAX_MONTH_LABELS."""
        width: int = self.view.width()
        return max(3, min(MAX_MONTH_LABELS, width // 75))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._figures is not None and self._label_budget() != self._budget:
            self._redraw()  # fewer (or more) month labels fit now

    def title(self) -> str:
        """The chart's title."""
        return translate("NpsTrendChart", "Net Promoter Score by month")

    def formula_text(self) -> str:
        """The definition and n."""
        f = self._figures
        n = 0 if f is None else f.overall.n
        overall = "—" if f is None else nps_text(f.overall.nps)
        return translate("NpsTrendChart", "NPS = % promoters (scores 9–10) − % detractors"
                                          " (0–6), from −100 to +100, per month answered. n ="
                                          " {count} responses (NPS {nps} over the period).").format(
            count=count(n), nps=overall)

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per month."""
        f = self._figures
        rows: list[list[Cell]] = [
            [month, t.nps, t.promoters, t.passives, t.detractors, t.n]
            for month, t in (f.trend if f else ())]
        return ["month", "nps", "promoters", "passives", "detractors", "n"], rows

    def _empty_message(self, figures: Any) -> str | None:
        return None if figures.overall.n else translate("NpsTrendChart",
                                                        "No survey responses in this period")

    def _draw(self, figures: Any) -> None:
        style = self._style
        months = [label for label, _ in figures.trend]
        xs = list(range(len(months)))
        self._budget = self._label_budget()
        step = max(1, math.ceil(len(months) / self._budget))
        ticks = [[(i, months[i]) for i in range(0, len(months), step)], []]
        values = [float("nan") if t.nps is None else t.nps for _, t in figures.trend]
        top = self._add_plot(0, left="NPS")
        top.showGrid(y=True, alpha=0.25)
        top.addItem(pg.InfiniteLine(pos=0, angle=0, pen=style.pen(style.subtle, 1,
                                                                  dashed=True)))
        top.addItem(pg.PlotDataItem(xs, values, connect="finite", antialias=True,
                                    pen=style.pen(style.primary, 2.2)))
        shown = [(x, v) for x, v in zip(xs, values, strict=True) if not math.isnan(v)]
        if shown:
            top.addItem(pg.ScatterPlotItem(x=[x for x, _ in shown], y=[v for _, v in shown],
                                           size=8, pen=style.pen(style.primary, 1.6),
                                           brush=style.brush(style.primary)))
        top.setYRange(-100, 100, padding=0.04)
        top.getAxis("bottom").setTicks(ticks)
        top.getAxis("bottom").setStyle(showValues=False)
        bottom = self._add_plot(1, left=translate("NpsTrendChart", "Responses"))
        bottom.addItem(pg.BarGraphItem(x=xs, height=[t.n for _, t in figures.trend], width=0.6,
                                       brush=style.brush(style.secondary, 220),
                                       pen=style.pen(style.background, 0)))
        bottom.getAxis("bottom").setTicks(ticks)
        bottom.setXLink(top)
        bottom.setYRange(0, max((t.n for _, t in figures.trend), default=1) or 1, padding=0.06)
        top.setXRange(-0.7, max(len(months) - 0.3, 0.3), padding=0)
        for plot in (top, bottom):
            plot.getAxis("left").setWidth(style.font().pixelSize() * 5)
        self.view.ci.layout.setRowStretchFactor(0, 3)
        self.view.ci.layout.setRowStretchFactor(1, 1)
        self._text(top, translate("NpsTrendChart", "all months: NPS {nps}, n = {count}").format(
                        nps=nps_text(figures.overall.nps), count=count(figures.overall.n)),
                   -0.6, 100, anchor=(0, 0), color=style.subtle, scale=0.85)
        self._hoverable = [top, bottom]

    def _tooltip_at(self, point: QPointF) -> str | None:
        f = self._figures
        index = round(point.x())
        if f is None or not 0 <= index < len(f.trend) or abs(point.x() - index) > 0.45:
            return None
        month, t = f.trend[index]
        if not t.n:
            return translate("NpsTrendChart", "{month}: no responses").format(month=month)
        return translate("NpsTrendChart", "{month}: NPS {nps}, n = {n} ({promoters} promoters,"
                                          " {passives} passives, {detractors} detractors)"
                         ).format(month=month, nps=nps_text(t.nps), n=t.n,
                                  promoters=t.promoters, passives=t.passives,
                                  detractors=t.detractors)


# --- before and after a touchpoint change ------------------------------------------------------


class BeforeAfterChart(CustomerChart):
    """Conversion (whiskers: its 95 % Wilson interval) and average deal length (its 95 % t interval)
    in the window before a change and the window after it."""

    chart_id = CustomerChartKind.BEFORE_AFTER

    def title(self) -> str:
        """The chart's title."""
        f = self._figures
        return (translate("BeforeAfterChart", "Before and after: {change}").format(
                    change=f.result.change.description) if f
                else translate("BeforeAfterChart", "Before and after a touchpoint change"))

    def formula_text(self) -> str:
        """The windows, the definitions, n and the verdict (or why there is none)."""
        f = self._figures
        if f is None:
            return ""
        r = f.result
        verdicts = " ".join(r.verdicts) or (f"{r.conversion.note} {r.length.note}")
        return translate("BeforeAfterChart", "Equal windows of {days} days: before {before}"
                                             " (n = {before_n} decided), after {after} (n ="
                                             " {after_n}). Conversion = won ÷ (won + lost); deal"
                                             " length = days from first contact to close."
                                             " Whiskers: the likely range, where the true figure"
                                             " lies with 95 % certainty. {verdicts}").format(
            days=r.windows.days, before=date_range_text(r.before.start, r.before.end),
            before_n=r.before.decided, after=date_range_text(r.after.start, r.after.end),
            after_n=r.after.decided, verdicts=verdicts)

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per window."""
        f = self._figures
        header = ["window", "from", "to", "decided", "won", "lost", "conversion",
                  "conversion_low", "conversion_high", "closed_with_length",
                  "avg_deal_length_days", "length_low", "length_high"]
        if f is None:
            return header, []
        rows: list[list[Cell]] = []
        for name, w in (("before", f.result.before), ("after", f.result.after)):
            rows.append([name, w.start.isoformat(), w.end.isoformat(), w.decided, w.won,
                         w.lost, w.conversion, w.conversion_low, w.conversion_high,
                         w.length_n, w.avg_length_days, w.length_low, w.length_high])
        return header, rows

    def _empty_message(self, figures: Any) -> str | None:
        r = figures.result
        if r.before.decided == 0 and r.after.decided == 0:
            return translate("BeforeAfterChart", "No decided deals in either window")
        return None

    def _panel(self, column: int, title: str, values: list[float | None],
               lows: list[float | None], highs: list[float | None], upper: float,
               text: list[str]) -> pg.PlotItem:
        style = self._style
        plot: pg.PlotItem = self.view.addPlot(row=0, col=column)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(style.pen(style.subtle))
            axis.setTextPen(style.pen(style.foreground))
            axis.setStyle(tickFont=style.font(), tickTextOffset=6, maxTickLevel=0)
        plot.setTitle(title, color=style.css(style.foreground),
                      size=f"{style.font(1.05).pixelSize()}px")
        plot.getAxis("bottom").setTicks([[(0, translate("BeforeAfterChart", "before")),
                                          (1, translate("BeforeAfterChart", "after"))], []])
        plot.showGrid(y=True, alpha=0.25)
        colours = [style.secondary, style.primary]
        for x, value in enumerate(values):
            if value is None:
                continue
            plot.addItem(pg.BarGraphItem(x=[x], height=[value], width=0.55,
                                         brush=style.brush(colours[x], 225),
                                         pen=style.pen(style.background, 0)))
            low, high = lows[x], highs[x]
            if low is not None and high is not None:
                plot.addItem(pg.ErrorBarItem(x=np.array([float(x)]), y=np.array([value]),
                                             top=np.array([high - value]),
                                             bottom=np.array([value - low]), beam=0.18,
                                             pen=style.pen(style.foreground, 1.4)))
            self._text(plot, text[x], x, max(value, high or value), anchor=(0.5, 1.1),
                       scale=0.9)
        plot.setXRange(-0.6, 1.6, padding=0)
        plot.setYRange(0, upper * 1.12, padding=0.06)  # room for the labels above the bars
        return plot

    def _draw(self, figures: Any) -> None:
        r: BeforeAfter = figures.result
        windows = (r.before, r.after)
        self._panel(0, translate("BeforeAfterChart", "Conversion (%)"),
                    [None if w.conversion is None else 100 * w.conversion for w in windows],
                    [None if w.conversion_low is None else 100 * w.conversion_low
                     for w in windows],
                    [None if w.conversion_high is None else 100 * w.conversion_high
                     for w in windows], 100.0,
                    [f"{percent(w.conversion)} (n={w.decided})" for w in windows])
        lengths = [w.avg_length_days for w in windows]
        top = max([h for w in windows for h in (w.length_high, w.avg_length_days)
                   if h is not None] or [1.0])
        self._panel(1, translate("BeforeAfterChart", "Average deal length (days)"), lengths,
                    [None if w.length_low is None else max(0.0, w.length_low)
                     for w in windows],
                    [w.length_high for w in windows], top,
                    [f"{days(w.avg_length_days)} (n={w.length_n})" for w in windows])
        lines = [effect.short for effect in (r.conversion, r.length)]
        self.view.addLabel("<br>".join(lines), row=1, col=0, colspan=2,
                           color=self._style.css(self._style.foreground),
                           size=f"{self._style.font(0.95).pixelSize()}px")
