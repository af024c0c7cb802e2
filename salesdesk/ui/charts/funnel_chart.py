"""The stage funnel: one centred bar per stage tapering to won, with step conversion."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF

from salesdesk.domain.metrics import FunnelStep
from salesdesk.i18n import translate
from salesdesk.ui.charts.base import NO_DEALS, Cell, ChartKind, ChartWidget, count, percent
from salesdesk.ui.charts.data import ChartFigures
from salesdesk.ui.formatting import money

BAR_HEIGHT = 0.72


def step_label(step: FunnelStep) -> str:
    """A step's name as shown: its stage, or "Won" (translated) for the last step."""
    return translate("FunnelChart", "Won") if step.is_won else step.name


class FunnelChart(ChartWidget):
    """Deals (or amounts) that reached each stage, then won; the stage bars emit the stage's
    name when clicked ("Won" for the last bar)."""

    chart_id = ChartKind.FUNNEL

    def __init__(self, parent: pg.QtWidgets.QWidget | None = None) -> None:
        self._by_amount = False
        super().__init__(parent)

    @property
    def by_amount(self) -> bool:
        """True when the bars show base-currency amounts instead of deal counts."""
        return self._by_amount

    def set_by_amount(self, by_amount: bool) -> None:
        """Switch the bars between deal counts and amounts."""
        if by_amount != self._by_amount:
            self._by_amount = by_amount
            self._redraw()

    def title(self) -> str:
        """The chart's title."""
        return (translate("FunnelChart", "Stage funnel by amount") if self._by_amount
                else translate("FunnelChart", "Stage funnel"))

    def formula_text(self) -> str:
        """The funnel's definition and n."""
        f = self._figures
        n = 0 if f is None or not f.funnel else f.funnel[0].deals
        if self._by_amount:
            text = translate(
                "FunnelChart", "Funnel: amounts of the deals that reached each stage (a deal at"
                " stage k has passed stages 1..k; a won deal has passed every stage); step"
                " conversion = reached(k+1) ÷ reached(k); won is the last step. n = {count}"
                " deals in the slice.")
        else:
            text = translate(
                "FunnelChart", "Funnel: deals that reached each stage (a deal at stage k has"
                " passed stages 1..k; a won deal has passed every stage); step conversion ="
                " reached(k+1) ÷ reached(k); won is the last step. n = {count} deals in the"
                " slice.")
        text = text.format(count=count(n))
        if self._by_amount and f is not None and f.funnel:
            first = f.funnel[0]
            if first.amount_unknown or first.amount_left_out:
                text += " " + translate(
                    "FunnelChart", "Amounts in {currency}; {unknown} without an amount and"
                    " {left_out} in a currency without a rate are left out.").format(
                    currency=f.currency, unknown=count(first.amount_unknown),
                    left_out=count(first.amount_left_out))
        return text

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """One row per step."""
        f = self._figures
        currency = "" if f is None else f.currency
        header = ["step", "deals", "step_conversion", f"amount_{currency}".rstrip("_"),
                  "amount_step_conversion", "amount_unknown", "amount_left_out"]
        rows: list[list[Cell]] = [
            [step_label(s), s.deals, s.conversion, s.amount, s.amount_conversion, s.amount_unknown,
             s.amount_left_out] for s in (f.funnel if f else ())]
        return header, rows

    def _empty_message(self, figures: ChartFigures) -> str | None:
        return (translate("ChartWidget", NO_DEALS) if not any(step.deals for step in figures.funnel)
                else None)

    def _value(self, step: FunnelStep) -> float:
        return step.amount if self._by_amount else float(step.deals)

    def _draw(self, figures: ChartFigures) -> None:
        style = self._style
        steps = figures.funnel
        plot = self._add_plot()
        plot.invertY(True)
        plot.getAxis("bottom").hide()
        plot.getAxis("left").setPen(style.pen(style.background))
        self._category_ticks(plot, "left", [step_label(s) for s in steps])
        values = [self._value(s) for s in steps]
        widest = max(values) or 1.0
        brushes = [style.brush(style.positive if s.is_won else style.primary, 230)
                   for s in steps]
        plot.addItem(pg.BarGraphItem(
            x0=[-v / 2 for v in values], width=values, y=list(range(len(steps))),
            height=BAR_HEIGHT, brushes=brushes, pen=style.pen(style.background, 0)))
        labels: list[tuple[pg.TextItem, float, float]] = []
        for index, step in enumerate(steps):
            shown = (money(step.amount, figures.currency) if self._by_amount
                     else translate("FunnelChart", "{count} deals").format(
                         count=count(step.deals)))
            end = values[index] / 2
            labels.append((self._text(plot, shown, end, index, bold=True), end, index))
            rate = step.amount_conversion if self._by_amount else step.conversion
            if index > 0:
                rate_text = translate("FunnelChart", "{percent} of previous").format(
                    percent=percent(rate))
                labels.append((self._text(plot, rate_text, end, index + 0.3,
                                          color=style.subtle, scale=0.85),
                               end, index + 0.3))
        plot.setYRange(-0.6, len(steps) - 0.4, padding=0)
        # Each stage's figures sit beside its bar; the bars stay centred on 0 and widen into
        # whatever the labels leave, not into an empty half of the chart.
        self._fit_labels_right(plot, -widest / 2 * 1.03, widest / 2, labels)
        # Hover explains a stage; a click does not filter: a stage filter keeps the deals
        # now at a stage, while a bar counts every deal that reached it.
        self._hoverable = [plot]

    def _step_at(self, point: QPointF) -> int | None:
        """The index of the step whose bar is at ``point``."""
        f = self._figures
        if f is None:
            return None
        index = round(point.y())
        if not 0 <= index < len(f.funnel) or abs(point.y() - index) > BAR_HEIGHT / 2:
            return None
        step = f.funnel[index]
        # Thin bars still take a click: at least 2 % of the widest bar either side of 0.
        half = max(self._value(step) / 2, max(self._value(s) for s in f.funnel) * 0.02)
        return index if abs(point.x()) <= half else None

    def _tooltip_at(self, point: QPointF) -> str | None:
        index = self._step_at(point)
        f = self._figures
        if index is None or f is None:
            return None
        step = f.funnel[index]
        text = translate("FunnelChart", "{step}: {count} deals, {amount}").format(
            step=step_label(step), count=count(step.deals),
            amount=money(step.amount, f.currency))
        if index > 0:
            text += "\n" + translate(
                "FunnelChart", "{deals} of the previous step's deals, {amount} of its"
                " amount").format(deals=percent(step.conversion),
                                  amount=percent(step.amount_conversion))
        if step.amount_unknown or step.amount_left_out:
            text += "\n" + translate(
                "FunnelChart", "{unknown} without an amount, {left_out} in a currency without"
                " a rate").format(unknown=count(step.amount_unknown),
                                  left_out=count(step.amount_left_out))
        return text
