"""``salesdesk export-chart``: one chart of a slice written to a file, without a window.

cli.py reads the options and the file (read-only) into an analytics cache and a query, then
calls :func:`export_chart_command`, which draws the same chart code as the Funnel tab on an
offscreen QApplication.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slices import Dimension, Query
from salesdesk.domain.touchpoints import TouchpointChange
from salesdesk.ui.charts.base import ChartKind
from salesdesk.ui.charts.data import ChartMarker, chart_figures, describe_slice
from salesdesk.ui.charts.export import ExportFormat, export_chart
from salesdesk.ui.charts.headless import ensure_application

GROUPED = (ChartKind.CONVERSION, ChartKind.DEAL_LENGTH)


def parse_kind(text: str) -> ChartKind:
    """A chart kind by name; ValueError listing the valid ones otherwise."""
    try:
        return ChartKind(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown chart {text!r}; valid charts: "
                         + ", ".join(k.value for k in ChartKind) + ".") from None


def default_by(kind: ChartKind) -> str | None:
    """The group-by a chart takes without ``--by``: salesperson for the group charts."""
    return Dimension.REP.value if kind in GROUPED else None


def check_options(kind: ChartKind, by: tuple[Dimension, ...], out: Path, width: int,
                  height: int) -> ExportFormat:
    """The output format; ValueError (a usage problem) for options that do not fit."""
    form = ExportFormat.of_path(out)
    if kind in GROUPED and len(by) > 1:
        raise ValueError(f"--by: the {kind.value} chart is grouped by one dimension.")
    if kind is ChartKind.TREND and by and by != (Dimension.MONTH,):
        raise ValueError("--by: the trend chart is always by month.")
    if kind in (ChartKind.FUNNEL, ChartKind.DISTRIBUTION) and by:
        raise ValueError(f"--by: the {kind.value} chart is not grouped; leave --by out.")
    if width < 1 or height < 1:
        raise ValueError("--width and --height must be 1 pixel or more.")
    return form


def export_chart_command(cache: AnalyticsCache, query: Query, *, settings: BusinessSettings,
                         money: MoneyRules, kind: ChartKind, out: Path, width: int,
                         height: int, changes: Iterable[TouchpointChange] = ()) -> Path:
    """Draw ``kind`` for ``query`` and write it to ``out`` (format from its extension);
    ``changes`` (touchpoint changes) are marked on the trend.

    Raises ValueError for a bad size or format, OSError when the file cannot be written.
    """
    form = ExportFormat.of_path(out)
    ensure_application()
    figures = chart_figures(cache, query, settings=settings, money=money,
                            slice_text=describe_slice(query.slice),
                            markers=[ChartMarker(c.changed_on, c.touchpoint, c.describe())
                                     for c in changes])
    return export_chart(kind, figures, out, form, width, height)
