"""The Growth points tab's explanation panel: what the selected row's evidence says.

A lever or a watched value reads as its explanation, the factor it points to and (for a lever)
its trend by quarter; a salesperson's row of the deals dragging on as their count, and one of
their deals as its title and what history says about deals still open at its age.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, QModelIndex, Qt

from salesdesk.domain.growth import Lever, Metric, WatchItem
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.growth_report import factor_advice
from salesdesk.ui import formatting
from salesdesk.ui.growth.dragging_model import DraggingModel
from salesdesk.ui.growth.lever_models import trend_tooltip

NO_SELECTION = QT_TRANSLATE_NOOP(
    "GrowthTab", "<span style='color:gray'>Select a row to read its evidence. Double-click a"
    " lever (or press Enter) to open its slice in the Funnel tab.</span>")
NO_DRAGGING_SELECTION = QT_TRANSLATE_NOOP(
    "GrowthTab", "<span style='color:gray'>Expand a salesperson for their deals dragging on;"
    " select one for what history says about deals still open at its age. Double-click a deal"
    " to find it in the Deals list.</span>")


def item_detail(item: Lever | WatchItem) -> str:
    """A lever's or watched value's evidence, suggested factor and (a lever's) trend."""
    trend = ""
    if isinstance(item, Lever):
        # Each period's figure kept on one line: no-break spaces and hyphens.
        points = " · ".join(
            html.escape(point).replace(" ", "\u00a0").replace("-", "\u2011")
            for point in trend_tooltip(item.trend, item.metric, QLocale()).split("\n"))
        if item.metric is Metric.CONVERSION:
            trend = translate("GrowthTab", "<br><span style='color:gray'>Trend of the"
                              " conversion by quarter: {points}</span>")
        else:
            trend = translate("GrowthTab", "<br><span style='color:gray'>Trend of the"
                              " average length by quarter: {points}</span>")
        trend = trend.format(points=points)
    text = translate(
        "GrowthTab", "<p>{explanation}</p><p><b>Suggested factor:</b> {advice}{trend}</p>")
    return text.format(explanation=html.escape(item.explanation),
                       advice=html.escape(factor_advice(item.factor)), trend=trend)


def dragging_detail(model: DraggingModel, index: QModelIndex) -> str:
    """A row of the deals dragging on explained: a deal's title and what history says about
    its age, or how many deals a salesperson has past the limit."""
    if index.parent().isValid():
        tip = str(model.index(index.row(), 0, index.parent()).data(
            Qt.ItemDataRole.ToolTipRole))  # the title (when known), then the explanation
        return "".join(f"<p>{html.escape(part)}</p>" for part in tip.split("\n\n"))
    rep = model.rep(index) or translate("GrowthTab", "Deals without a salesperson")
    count = len(model.deal_ids(index))
    if count == 1:
        text = translate("GrowthTab", "<p><b>{rep}</b>: {count} open deal past the limit."
                         " Expand the row for each deal's age and what history says about"
                         " deals still open at that age.</p>")
    else:
        text = translate("GrowthTab", "<p><b>{rep}</b>: {count} open deals past the limit."
                         " Expand the row for each deal's age and what history says about"
                         " deals still open at that age.</p>")
    return text.format(rep=html.escape(rep), count=formatting.count(count))
