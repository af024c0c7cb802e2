"""The distribution of deal lengths: a histogram of closed deals by days to close."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pyqtgraph as pg
from PySide6.QtCore import QPointF

from salesdesk.i18n import translate
from salesdesk.ui.charts.base import Cell, ChartKind, ChartWidget, count, days
from salesdesk.ui.charts.data import ChartFigures

BIN_WIDTHS = (1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365, 730)
MAX_BINS = 40


def bin_width(lengths: Mapping[int, int]) -> int:
    """The smallest friendly bin width (days, weeks, months, years) giving at most MAX_BINS
    bins from 0 to the longest deal."""
    longest = max(lengths, default=0)
    for width in BIN_WIDTHS:
        if longest // width + 1 <= MAX_BINS:
            return width
    return math.ceil((longest + 1) / MAX_BINS)


def binned(lengths: Mapping[int, int], width: int) -> list[int]:
    """Closed deals per bin [k·width, (k+1)·width) from 0 to the longest deal."""
    counts = [0] * (max(lengths, default=0) // width + 1)
    for length, deals in lengths.items():
        counts[length // width] += deals
    return counts


class DistributionChart(ChartWidget):
    """How many closed deals took how long, with the average and median marked."""

    chart_id = ChartKind.DISTRIBUTION

    def title(self) -> str:
        """The chart's title."""
        return translate("DistributionChart", "Distribution of deal lengths")

    def formula_text(self) -> str:
        """The definition of deal length and n."""
        f = self._figures
        n = 0 if f is None else f.overall.decided
        avg = None if f is None else f.overall.avg_deal_length_days
        median = None if f is None else f.overall.median_deal_length_days
        width = 1 if f is None else bin_width(f.lengths)
        if width > 1:
            text = translate(
                "DistributionChart", "Deal length = close date − first contact in days, of"
                " closed (won or lost) deals; bars of {width} days. n = {count} closed deals,"
                " average {average}, median {median}.")
        else:
            text = translate(
                "DistributionChart", "Deal length = close date − first contact in days, of"
                " closed (won or lost) deals; bars of {width} day. n = {count} closed deals,"
                " average {average}, median {median}.")
        return text.format(width=width, count=count(n), average=days(avg), median=days(median))

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per deal length that occurs."""
        f = self._figures
        return ["deal_length_days", "closed_deals"], [
            [length, deals] for length, deals in sorted((f.lengths if f else {}).items())]

    def _draw(self, figures: ChartFigures) -> None:
        style = self._style
        width = bin_width(figures.lengths)
        counts = binned(figures.lengths, width)
        bottom = (translate("DistributionChart", "Deal length (days; one day)") if width == 1
                  else translate("DistributionChart",
                                 "Deal length (days; one {width}-day bar)").format(width=width))
        plot = self._add_plot(1, left=translate("DistributionChart", "Closed deals"),
                              bottom=bottom)
        plot.showGrid(y=True, alpha=0.25)
        plot.addItem(pg.BarGraphItem(
            x0=[k * width for k in range(len(counts))], width=width, height=counts, y0=0,
            brush=style.brush(style.primary, 220), pen=style.pen(style.background, 1)))
        tallest = max(counts) or 1
        overall = figures.overall
        # The marks are named in a key above the plot: labels beside the lines would collide
        # when average and median are close, or run off the left edge near 0.
        key = []
        for value, name, color in (
                (overall.median_deal_length_days, translate("DistributionChart", "median"),
                 style.positive),
                (overall.avg_deal_length_days, translate("DistributionChart", "average"),
                 style.secondary)):
            if value is None:
                continue
            plot.addItem(pg.InfiniteLine(pos=value, angle=90,
                                         pen=style.pen(color, 2, dashed=True)))
            key.append(f"<span style='color:{style.css(color)}'><b>- - {name} "
                       f"{days(value)}</b></span>")
        self.view.addLabel("&nbsp;&nbsp;&nbsp;".join(key), row=0, col=0,
                           color=style.css(style.foreground), justify="right",
                           size=f"{style.font(0.95).pixelSize()}px")
        plot.setYRange(0, tallest * 1.15, padding=0)
        self._hoverable = [plot]
        plot.setXRange(0, len(counts) * width, padding=0.02)

    def _tooltip_at(self, point: QPointF) -> str | None:
        f = self._figures
        if f is None or point.x() < 0:
            return None
        width = bin_width(f.lengths)
        counts = binned(f.lengths, width)
        index = int(point.x() // width)
        if index >= len(counts) or point.y() > max(counts[index], max(counts) * 0.03):
            return None
        if width == 1:
            span = translate("DistributionChart", "{days} days").format(days=index * width)
        else:
            span = translate("DistributionChart", "{first}–{last} days").format(
                first=index * width, last=(index + 1) * width - 1)
        return translate("DistributionChart", "{span}: {count} closed deals").format(
            span=span, count=count(counts[index]))
