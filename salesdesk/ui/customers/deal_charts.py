"""The Customers tab's charts over decided deals: lost reasons by slice, and deal-days per win
by audience and customer type.

Like the other charts of the tab (:mod:`salesdesk.ui.customers.charts`) they export through the
Funnel tab's export dialog, each drawing a small frozen figures object carrying its own
``slice_text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from salesdesk.domain.deals import CustomerType
from salesdesk.domain.lost_reasons import NO_REASON, OTHER_VALUES, LostReasonTable
from salesdesk.domain.slice_spec import DIMENSION_LABELS, NONE_LABEL
from salesdesk.domain.target_customer import TargetRow, TargetView
from salesdesk.i18n import translate
from salesdesk.ui.charts.base import Cell, count, days, percent, shortened
from salesdesk.ui.customers.charts import CustomerChart, CustomerChartKind

# Lost reasons in a colour-blind-safe order (Okabe & Ito), then greys.
REASON_COLORS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442",
                 "#7f7f7f", "#a6a6a6", "#4d4d4d")
NO_REASON_COLOR = "#c3c8cf"


@dataclass(frozen=True)
class LostReasonFigures:
    """Lost deals per value and reason."""

    slice_text: str
    table: LostReasonTable


@dataclass(frozen=True)
class TargetFigures:
    """The target customer view."""

    slice_text: str
    view: TargetView


def _label(value: str | None) -> str:
    return translate("SliceSpec", NONE_LABEL) if value is None else value


def _reason(reason: str | None) -> str:
    """A lost reason as shown (deals without one under "(no reason given)")."""
    return translate("LostReasons", NO_REASON) if reason is None else reason


def _value(value: str | None) -> str:
    """A value of the lost-reasons table as shown (the summed rest as "(other values)")."""
    return translate("LostReasons", OTHER_VALUES) if value == OTHER_VALUES else _label(value)


# --- lost reasons -------------------------------------------------------------------------------


def reason_color(index: int, reason: str | None) -> QColor:
    """The colour of the ``index``-th reason (grey for deals without one)."""
    if reason is None:
        return QColor(NO_REASON_COLOR)
    return QColor(REASON_COLORS[index % len(REASON_COLORS)])


class LostReasonsChart(CustomerChart):
    """Per value (a row), its lost deals split by reason as shares of 100 %; the legend names
    the reasons, most given first."""

    chart_id = CustomerChartKind.LOST_REASONS

    def title(self) -> str:
        """The chart's title."""
        f = self._figures
        if f is None:
            return translate("LostReasonsChart", "Lost reasons by slice")
        return translate("LostReasonsChart", "Lost reasons by {dimension}").format(
            dimension=translate("SliceSpec", DIMENSION_LABELS[f.table.dimension]).lower())

    def formula_text(self) -> str:
        """What the bars count."""
        f = self._figures
        n = 0 if f is None else f.table.lost
        return translate("LostReasonsChart", "Each bar: the lost deals of one value closed in"
                                             " the period, split by lost reason (share of that"
                                             " value's lost deals; the number of deals in the"
                                             " figures table). n = {count} lost deals.").format(
            count=count(n))

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per value, one column per reason."""
        f = self._figures
        if f is None:
            return ["value"], []
        t = f.table
        header = [translate("SliceSpec", DIMENSION_LABELS[t.dimension]), "lost",
                  *(_reason(r) for r in t.reasons)]
        rows: list[list[Cell]] = [[_value(value), t.total(i), *t.counts[i]]
                                  for i, value in enumerate(t.values)]
        return header, rows

    def _empty_message(self, figures: Any) -> str | None:
        return None if figures.table.lost else translate("LostReasonsChart",
                                                         "No lost deals in this period")

    def _draw(self, figures: Any) -> None:
        style = self._style
        t: LostReasonTable = figures.table
        plot = self._add_plot(0, bottom=translate("LostReasonsChart",
                                                  "Share of the lost deals (%)"))
        plot.invertY(True)
        labels = [f"{shortened(_value(v), 22)} ({t.total(i)})" for i, v in enumerate(t.values)]
        self._category_ticks(plot, "left", labels)
        plot.showGrid(x=True, alpha=0.25)
        left = np.zeros(len(t.values))
        totals = np.array([max(1, t.total(i)) for i in range(len(t.values))], dtype=float)
        legend = []
        for column, reason in enumerate(t.reasons):
            widths = np.array([row[column] for row in t.counts], dtype=float) / totals * 100
            colour = reason_color(column, reason)
            plot.addItem(pg.BarGraphItem(x0=left.copy(), y=list(range(len(t.values))),
                                         height=0.64, width=widths, brush=style.brush(colour),
                                         pen=style.pen(style.background, 1)))
            for y, (x0, width) in enumerate(zip(left, widths, strict=True)):
                if width >= 9:
                    self._text(plot, f"{width:.0f}", x0 + width / 2, y, anchor=(0.5, 0.5),
                               color=QColor("#ffffff"), scale=0.8)
            left += widths
            swatch = style.css(colour)
            legend.append(f"<span style='color:{swatch}'>■</span>&nbsp;{_reason(reason)}")
        plot.setXRange(0, 100, padding=0.01)
        plot.setYRange(-0.6, max(len(t.values), 4) - 0.4, padding=0)
        self.view.addLabel("&nbsp;&nbsp; ".join(legend), row=1, col=0,
                           color=style.css(style.foreground),
                           size=f"{style.font(0.9).pixelSize()}px")
        self._hoverable = [plot]

    def _tooltip_at(self, point: QPointF) -> str | None:
        f = self._figures
        index = round(point.y())
        if f is None or not 0 <= index < len(f.table.values) or abs(point.y() - index) > 0.4:
            return None
        t = f.table
        parts = [f"{_reason(r)}: {c}"
                 for r, c in zip(t.reasons, t.counts[index], strict=True) if c]
        return translate("LostReasonsChart", "{value} — {count} lost deals").format(
            value=_value(t.values[index]), count=t.total(index)) + "\n" + "\n".join(parts)


# --- the target customer ------------------------------------------------------------------------


def customer_type_label(value: str | None) -> str:
    """A customer type as the target charts and tables name its row ("New customers")."""
    if value == CustomerType.NEW.value:
        return translate("Charts", "New customers")
    if value == CustomerType.CURRENT.value:
        return translate("Charts", "Current customers")
    return translate("Charts", "{type} customers").format(type=_label(value).capitalize())


class TargetChart(CustomerChart):
    """Deal-days per win by audience and by customer type (horizontal bars); audiences
    pointed out as costly are drawn in the warning colour, the business's figure is a dashed
    line."""

    chart_id = CustomerChartKind.TARGET

    def title(self) -> str:
        """The chart's title."""
        return translate("TargetChart", "Selling time per win by audience and customer type")

    def formula_text(self) -> str:
        """The definition and n."""
        f = self._figures
        n = 0 if f is None else f.view.overall.decided
        business = "—" if f is None or f.view.overall_days_per_win is None else \
            f"{f.view.overall_days_per_win:.0f}"
        return translate("TargetChart", "Deal-days per win = days all closed deals took (first"
                                        " contact to close, lost ones included) ÷ won deals ="
                                        " average deal length ÷ conversion. Orange: audiences"
                                        " with enough decided deals costing more than the"
                                        " business's {business}. n = {count} decided deals."
                         ).format(business=business, count=count(n))

    def _rows(self) -> list[tuple[str, TargetRow]]:
        f = self._figures
        if f is None:
            return []
        return ([(_label(r.value), r) for r in f.view.audiences]
                + [(customer_type_label(r.value), r) for r in f.view.customer_types])

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per audience and customer type."""
        header = ["group", "decided", "won", "conversion", "avg_deal_length_days",
                  "won_amount", "days_per_win", "costly"]
        return header, [[label, r.figures.decided, r.figures.won, r.figures.conversion,
                         r.figures.avg_deal_length_days, r.figures.won_amount,
                         r.days_per_win, "yes" if r.costly else "no"]
                        for label, r in self._rows()]

    def _empty_message(self, figures: Any) -> str | None:
        return None if figures.view.overall.decided else translate(
            "TargetChart", "No decided deals in this period")

    def _draw(self, figures: Any) -> None:
        style = self._style
        rows = self._rows()
        plot = self._add_plot(0, bottom=translate("TargetChart", "Deal-days per win"))
        plot.invertY(True)
        self._category_ticks(plot, "left", [label for label, _ in rows])
        plot.showGrid(x=True, alpha=0.25)
        values = [r.days_per_win or 0.0 for _, r in rows]
        brushes = [style.brush(style.secondary if r.costly else style.primary, 230)
                   for _, r in rows]
        plot.addItem(pg.BarGraphItem(x0=0, y=list(range(len(rows))), height=0.6, width=values,
                                     brushes=brushes, pen=style.pen(style.background, 0)))
        business = figures.view.overall_days_per_win
        if business is not None:
            plot.addItem(pg.InfiniteLine(pos=business, angle=90,
                                         pen=style.pen(style.foreground, 1.2, dashed=True)))
        top = max([*values, business or 0.0, 1.0])
        for y, (_, r) in enumerate(rows):
            text = (translate("TargetChart", "no win") if r.days_per_win is None
                    else f"{r.days_per_win:.0f}")
            self._text(plot, f" {text} · {percent(r.figures.conversion)}", values[y], y,
                       scale=0.85)
        plot.setXRange(0, top * 1.45, padding=0)  # room for the labels right of the bars
        plot.setYRange(-0.6, max(len(rows), 4) - 0.4, padding=0)
        self._hoverable = [plot]

    def _tooltip_at(self, point: QPointF) -> str | None:
        rows = self._rows()
        index = round(point.y())
        if not 0 <= index < len(rows) or abs(point.y() - index) > 0.4:
            return None
        label, r = rows[index]
        f = r.figures
        if r.days_per_win is None:
            return translate("TargetChart", "{group}: no win per win\nconversion {conversion} of"
                                            " {decided} decided, average deal length {length}"
                             ).format(group=label, conversion=percent(f.conversion),
                                      decided=f.decided, length=days(f.avg_deal_length_days))
        return translate("TargetChart", "{group}: {days} deal-days per win\nconversion"
                                        " {conversion} of {decided} decided, average deal length"
                                        " {length}").format(
            group=label, days=f"{r.days_per_win:.0f}", conversion=percent(f.conversion),
            decided=f.decided, length=days(f.avg_deal_length_days))
