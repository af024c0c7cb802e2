"""Growth points as data and text: what ``salesdesk growth`` prints and the Growth points tab
shows (DESIGN.md §5, issue 16).

The ranking itself is ``domain.growth`` (answered from the analytics cache by
``analytics.growth_report``); this module turns a :class:`GrowthReport` into the JSON document
(UTF-8, figures unrounded)::

    {"period": {"from": null, "to": null}, "reference": "median", "months": 24,
     "threshold": 20, "drag_factor": 1.5, "currency": "EUR",
     "levers": [...conversion levers, largest monthly value first...],
     "time_levers": [...deal-length levers, most deal-days first...],
     "watch": [...], "dragging": [...by salesperson, oldest first...]}

and into a table for the terminal. It also says what to look at for each factor (DESIGN.md §6)
and reads the dragging deals' titles from the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from salesdesk.domain.growth import (
    Basis,
    DraggingDeal,
    Factor,
    GrowthOptions,
    GrowthReport,
    Lever,
    Metric,
    Reference,
    TrendPoint,
    WatchItem,
    WatchReason,
)
from salesdesk.domain.slice_spec import DIMENSION_LABELS
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.slice_report import render_json
from salesdesk.store import DealListQuery, Store

FORMATS = ("table", "json")
DRAGGING_LISTED = 10  # dragging deals per salesperson in the table; JSON lists every one
TITLE_BATCH = 5_000  # ids per query when titles are read

FACTOR_ADVICE: dict[Factor, str] = {
    Factor.STAFF: QT_TRANSLATE_NOOP(
        "GrowthReport", "Staff qualification: compare the salesperson's negotiation"
        " preparation in the Scorecards tab."),
    Factor.TARGET_CUSTOMER: QT_TRANSLATE_NOOP(
        "GrowthReport", "Target customer: check that these customers fit the offer, and where"
        " the time spent on them goes."),
    Factor.PRODUCT: QT_TRANSLATE_NOOP(
        "GrowthReport", "Product: look at its loyalty and NPS, and at why its deals are lost."),
    Factor.TOUCHPOINTS: QT_TRANSLATE_NOOP(
        "GrowthReport", "Touchpoints: audit what customers of this channel see (price tags,"
        " presentations, website, promotions)."),
    Factor.PROCESS: QT_TRANSLATE_NOOP(
        "GrowthReport", "Business process: compare how this region runs its sales with the"
        " others."),
}
"""What to look at when a lever points to a factor (DESIGN.md §6), in English (the terminal's
words); :func:`factor_advice` is what the screens show."""

REFERENCE_TEXT: dict[Reference, str] = {
    Reference.MEDIAN: "the median of the other values of the same dimension",
    Reference.BEST: "the best other value of the same dimension",
    Reference.AVERAGE: "the business average",
}

BASIS_TEXT: dict[Basis, str] = {
    Basis.REP_PRODUCT: QT_TRANSLATE_NOOP("GrowthReport", "salesperson + product"),
    Basis.PRODUCT: QT_TRANSLATE_NOOP("GrowthReport", "product"),
    Basis.BUSINESS: QT_TRANSLATE_NOOP("GrowthReport", "whole business"),
}
"""Whose closed deals a dragging deal is measured against, in a table cell (English;
:func:`basis_text` is what the screens show)."""


def factor_advice(factor: Factor) -> str:
    """What to look at for ``factor``, translated (see :data:`FACTOR_ADVICE`)."""
    return translate("GrowthReport", FACTOR_ADVICE[factor])


def basis_text(basis: Basis) -> str:
    """Whose closed deals a dragging deal is measured against, translated."""
    return translate("GrowthReport", BASIS_TEXT[basis])

_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """A row of block characters from lowest to highest value ("·" where there is none)."""
    known = [v for v in values if v is not None]
    if not known:
        return "·" * len(values)
    low, high = min(known), max(known)
    top = len(_BARS) - 1

    def bar(value: float) -> str:
        if high == low:
            return _BARS[top // 2]
        return _BARS[round((value - low) / (high - low) * top)]

    return "".join("·" if v is None else bar(v) for v in values)


def dimension_label(lever: Lever | WatchItem) -> str:
    """The dimension as the screens name it ("Salesperson")."""
    return DIMENSION_LABELS[lever.dimension]


# --- JSON ------------------------------------------------------------------------------------


def _trend_list(trend: Sequence[TrendPoint]) -> list[dict[str, Any]]:
    return [{"period": p.label, "n": p.n, "value": p.value} for p in trend]


def lever_dict(lever: Lever) -> dict[str, Any]:
    """One lever: what it is, its figures and evidence, and its estimate."""
    return {
        "dimension": lever.dimension.value,
        "value": lever.value,
        "metric": lever.metric.value,
        "slice_figure": lever.slice_figure,
        "reference_figure": lever.reference_figure,
        "reference": lever.reference.value,
        "reference_value": lever.reference_value,
        "n": lever.n,
        "reference_n": lever.reference_n,
        "interval": list(lever.interval),
        "per_month": lever.per_month,
        "won_per_month": lever.won_per_month,
        "monthly_value": lever.monthly_value,
        "unit": lever.unit,
        "trend": _trend_list(lever.trend),
        "factor": lever.factor.value,
        "explanation": lever.explanation,
    }


def watch_dict(item: WatchItem) -> dict[str, Any]:
    """One watched value and why it is not ranked."""
    return {
        "dimension": item.dimension.value,
        "value": item.value,
        "metric": item.metric.value,
        "slice_figure": item.slice_figure,
        "reference_figure": item.reference_figure,
        "reference": item.reference.value,
        "reference_value": item.reference_value,
        "n": item.n,
        "interval": None if item.interval is None else list(item.interval),
        "reason": item.reason.value,
        "factor": item.factor.value,
        "explanation": item.explanation,
    }


def dragging_dict(deal: DraggingDeal, title: str | None) -> dict[str, Any]:
    """One open deal dragging on, with what history says about deals of its age."""
    return {
        "deal_id": deal.deal_id,
        "title": title,
        "salesperson": deal.rep,
        "product": deal.product,
        "first_contact": deal.first_contact.isoformat(),
        "age_days": deal.age_days,
        "limit_days": deal.limit_days,
        "average_days": deal.average_days,
        "factor": deal.factor,
        "basis": deal.basis.value,
        "basis_n": deal.basis_closed,
        "won_at_age": deal.won_at_age,
        "n_at_age": deal.at_age,
        "win_share": deal.win_share,
        "explanation": deal.explanation,
    }


def report_dict(report: GrowthReport, options: GrowthOptions, currency: str,
                titles: Mapping[int, str]) -> dict[str, Any]:
    """The JSON document of a growth report counted with ``options``; ``titles`` names the
    dragging deals (a missing id gets a null title)."""
    period = options.period
    return {
        "period": {"from": period.start.isoformat() if period.start else None,
                   "to": period.end.isoformat() if period.end else None},
        "reference": report.reference.value,
        "months": report.months,
        "threshold": options.threshold,
        "drag_factor": options.drag_factor,
        "currency": currency,
        "levers": [lever_dict(lever) for lever in report.levers],
        "time_levers": [lever_dict(lever) for lever in report.time_levers],
        "watch": [watch_dict(item) for item in report.watch],
        "dragging": [dragging_dict(deal, titles.get(deal.deal_id))
                     for deal in report.dragging],
    }


def deal_titles(store: Store, deal_ids: Iterable[int]) -> dict[int, str]:
    """The titles of some deals (ids the file does not hold are left out)."""
    ids = sorted(set(deal_ids))
    titles: dict[int, str] = {}
    for start in range(0, len(ids), TITLE_BATCH):
        batch = frozenset(ids[start:start + TITLE_BATCH])
        titles.update((row.id, row.title) for row in
                      store.list_rows(DealListQuery(deal_ids=batch), 0, len(batch)))
    return titles


# --- the terminal table ----------------------------------------------------------------------


def percent(value: float | None) -> str:
    """A share as a whole percentage; "—" when unknown."""
    return "—" if value is None else f"{value * 100:.0f} %"


def _signed_days(days: float) -> str:
    return f"{days:+.1f}"


def lever_interval_text(lever: Lever | WatchItem,
                        signed_days: Callable[[float], str] = _signed_days) -> str:
    """The 95 % interval: of the conversion, or of the difference in days ("—": none).
    ``signed_days`` writes a difference ("+16.1"; the screens pass their locale's)."""
    if lever.interval is None:
        return "—"
    low, high = lever.interval
    if lever.metric is Metric.CONVERSION:
        return f"{low * 100:.0f}–{high * 100:.0f} %"
    return translate("GrowthReport", "{low} to {high} days").format(
        low=signed_days(low), high=signed_days(high))


def figure_text(metric: Metric, value: float) -> str:
    """A conversion or an average deal length as the tables write it."""
    return percent(value) if metric is Metric.CONVERSION else f"{value:.1f} days"


def trend_text(trend: Sequence[TrendPoint], metric: Metric) -> str:
    """The trend as a sparkline with its first and last known figures ("▁▃█▅ 23→42 %")."""
    known = [p.value for p in trend if p.value is not None]
    line = sparkline([p.value for p in trend])
    if not known:
        return line
    if metric is Metric.CONVERSION:
        return f"{line} {known[0] * 100:.0f}→{known[-1] * 100:.0f} %"
    return f"{line} {known[0]:.0f}→{known[-1]:.0f} days"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], left: int = 3) -> list[str]:
    """Columns padded to their widest cell; the first ``left`` columns left-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [c.ljust(w) if i < left else c.rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
        if r is header:
            lines.append("-" * len(lines[-1]))
    return lines


def _lever_lines(levers: Sequence[Lever], currency: str) -> list[str]:
    if not levers:
        return ["(none: no value is clearly behind its reference)"]
    if levers[0].metric is Metric.CONVERSION:
        header = ["#", "Dimension", "Value", "Conversion", "Reference", "n", "95 % interval",
                  "Trend", "Won deals/month", f"Monthly value ({currency})", "Factor"]
    else:
        header = ["#", "Dimension", "Value", "Avg length", "Reference", "n closed",
                  "95 % interval of the gap", "Trend", "Deal-days/month", "Factor"]
    rows = []
    for rank, lever in enumerate(levers, start=1):
        row = [str(rank), dimension_label(lever), lever.value,
               figure_text(lever.metric, lever.slice_figure),
               figure_text(lever.metric, lever.reference_figure), f"{lever.n:,}",
               lever_interval_text(lever), trend_text(lever.trend, lever.metric)]
        if lever.metric is Metric.CONVERSION:
            row += [f"{lever.won_per_month or 0.0:.1f}",
                    "—" if lever.monthly_value is None else f"{lever.monthly_value:,.0f}"]
        else:
            row.append(f"{lever.monthly_value or 0.0:,.0f}")
        rows.append([*row, lever.factor.value])
    lines = _table(header, rows)
    lines.append("")
    for rank, lever in enumerate(levers, start=1):
        lines.append(f"{rank}. {lever.explanation} {FACTOR_ADVICE[lever.factor]}")
    return lines


def _watch_lines(watch: Sequence[WatchItem]) -> list[str]:
    if not watch:
        return ["(none)"]
    header = ["Dimension", "Value", "Metric", "Figure", "Reference", "n", "95 % interval",
              "Why not ranked"]
    rows = [[dimension_label(w), w.value,
             "conversion" if w.metric is Metric.CONVERSION else "deal length",
             figure_text(w.metric, w.slice_figure), figure_text(w.metric, w.reference_figure),
             f"{w.n:,}", lever_interval_text(w),
             "too few deals" if w.reason is WatchReason.TOO_FEW
             else "interval includes the reference"]
            for w in watch]
    return _table(header, rows, left=3)


def table_deal_ids(report: GrowthReport) -> list[int]:
    """The dragging deals the table lists (the oldest of each salesperson): the titles it
    needs, where JSON needs every one's."""
    return [deal_id for deals in report.dragging.by_rep().values()
            for deal_id in deals.deal_ids[:DRAGGING_LISTED]]


def _dragging_lines(report: GrowthReport, titles: Mapping[int, str]) -> list[str]:
    if not report.dragging:
        return ["(none)"]
    lines: list[str] = []
    for rep, deals in report.dragging.by_rep().items():
        lines.append(f"{rep or '(no salesperson)'}: {len(deals):,} deal"
                     f"{'s' if len(deals) != 1 else ''} dragging on")
        header = ["Deal", "Title", "Product", "Age", "Limit", "Measured against",
                  "Won at this age"]
        rows = []
        for deal in deals[:DRAGGING_LISTED]:
            history = ("—" if deal.win_share is None else
                       f"{percent(deal.win_share)} ({deal.won_at_age} of {deal.at_age})")
            rows.append([str(deal.deal_id), titles.get(deal.deal_id, ""),
                         deal.product or "(none)", f"{deal.age_days} days",
                         f"{deal.limit_days:.0f} days", BASIS_TEXT[deal.basis], history])
        lines += ["  " + line for line in _table(header, rows, left=3)]
        if len(deals) > DRAGGING_LISTED:
            lines.append(f"  … and {len(deals) - DRAGGING_LISTED:,} more (--format json lists"
                         " every one)")
    return lines


def render_table(report: GrowthReport, options: GrowthOptions, currency: str,
                 titles: Mapping[int, str]) -> str:
    """The growth report for the terminal: the levers with their explanations, the watch
    list and the deals dragging on per salesperson."""
    period = options.period
    when = ("all time" if period.is_all_time else
            f"{period.start or '…'} to {period.end or '…'}")
    lines = [
        f"Growth points over {when} ({report.months} month{'s' if report.months != 1 else ''});"
        f" compared with {REFERENCE_TEXT[report.reference]}.",
        f"A lever counts only when its 95 % interval excludes the reference; values under"
        f" {options.threshold} decided (closed) deals are only watched.",
        "",
        "Conversion levers (largest monthly value first)",
        *_lever_lines(report.levers, currency),
        "",
        "Deal-length levers (most deal-days a month first)",
        *_lever_lines(report.time_levers, currency),
        "",
        "Watch, not enough data",
        *_watch_lines(report.watch),
        "",
        f"Deals dragging on (open longer than {options.drag_factor:g} × the usual length of"
        " their closed deals)",
        *_dragging_lines(report, titles),
    ]
    return "\n".join(lines) + "\n"


def render(report: GrowthReport, options: GrowthOptions, currency: str,
           titles: Mapping[int, str], form: str) -> str:
    """The report in ``form`` (table or json)."""
    if form == "json":
        return render_json(report_dict(report, options, currency, titles))
    return render_table(report, options, currency, titles)
