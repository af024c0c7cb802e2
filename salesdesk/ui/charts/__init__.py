"""The Funnel tab's charts (pyqtgraph) and their export.

``make_chart(kind)`` builds one of the five charts; each draws a :class:`ChartFigures`
computed once per slice by :func:`chart_figures`. ``export.export_chart`` writes a chart to
PNG, SVG, PDF or CSV, on screen or headless.
"""

from __future__ import annotations

from salesdesk.ui.charts.base import ChartKind, ChartWidget
from salesdesk.ui.charts.data import ChartFigures, chart_figures, describe_slice
from salesdesk.ui.charts.distribution_chart import DistributionChart
from salesdesk.ui.charts.funnel_chart import FunnelChart
from salesdesk.ui.charts.group_charts import ConversionChart, DealLengthChart
from salesdesk.ui.charts.style import ChartStyle
from salesdesk.ui.charts.trend_chart import TrendChart

_CLASSES: dict[ChartKind, type[ChartWidget]] = {
    ChartKind.FUNNEL: FunnelChart,
    ChartKind.CONVERSION: ConversionChart,
    ChartKind.DEAL_LENGTH: DealLengthChart,
    ChartKind.TREND: TrendChart,
    ChartKind.DISTRIBUTION: DistributionChart,
}


def make_chart(kind: ChartKind | str) -> ChartWidget:
    """A new, empty chart of ``kind`` (a ChartKind or its name, e.g. "deal-length")."""
    return _CLASSES[ChartKind(kind)]()


__all__ = [
    "ChartFigures", "ChartKind", "ChartStyle", "ChartWidget", "ConversionChart",
    "DealLengthChart", "DistributionChart", "FunnelChart", "TrendChart", "chart_figures",
    "describe_slice", "make_chart",
]
