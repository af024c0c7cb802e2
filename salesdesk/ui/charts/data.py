"""What the Funnel tab's charts draw: plain figures of one slice, computed once (no Qt).

:func:`chart_figures` asks the analytics cache for the slice, its groups, its funnel, its
monthly trend and its deal-length histogram, and turns the integers into figures with
domain.metrics (DESIGN.md §4), so the charts, their CSV export and the report all show the
same numbers as ``salesdesk report``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.metrics import (
    Figures,
    FunnelStep,
    MoneyRules,
    Tally,
    figures,
    funnel_figures,
)
from salesdesk.domain.periods import Bucket, bucket_label, parse_bucket
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slice_spec import dimension_label, value_label
from salesdesk.domain.slices import Dimension, GroupKey, Query, Slice
from salesdesk.i18n import translate
from salesdesk.ui.formatting import date_range_text

MAX_GROUPS = 500
"""Groups with figures at most: the table is read, not scrolled through 20,000 clients."""


@dataclass(frozen=True, slots=True)
class _Parts:
    """What the funnel, trend and length histogram of a slice are computed from, on demand."""

    cache: AnalyticsCache
    slice: Slice
    threshold: int
    money: MoneyRules


@dataclass(frozen=True, slots=True)
class ChartMarker:
    """A dated event drawn on the trend (a touchpoint change): a short label and the full
    text."""

    day: dt.date
    label: str
    text: str


@dataclass(frozen=True)
class ChartFigures:
    """The figures of one slice as the charts draw them.

    ``groups`` are labelled by their value ("(none)" for deals without one) in report order
    (most decided deals first), at most :data:`MAX_GROUPS` of the ``groups_total``; ``trend``
    lists every month from the first to the last with deals, in date order (months without
    deals have empty figures); ``lengths`` maps a deal length in days to the number of closed
    deals that took it. ``funnel``, ``trend`` and ``lengths`` are computed when first asked
    for: a selector change pays only for what the visible chart draws. ``markers`` are dated
    events (touchpoint changes) the trend marks.
    """

    slice_text: str
    by: Dimension | None
    by_label: str
    overall: Figures
    groups: tuple[tuple[str, Figures], ...]
    currency: str
    threshold: int
    groups_total: int = 0
    markers: tuple[ChartMarker, ...] = ()
    _parts: _Parts | None = field(default=None, compare=False, repr=False)

    @cached_property
    def funnel(self) -> tuple[FunnelStep, ...]:
        """The stage funnel, then won."""
        p = self._parts
        return () if p is None else tuple(funnel_figures(p.cache.funnel(p.slice), p.money))

    @cached_property
    def trend(self) -> tuple[tuple[str, Figures], ...]:
        """Figures per month, in date order."""
        p = self._parts
        return () if p is None else _monthly(p.cache, p.slice, p.threshold, p.money)

    @cached_property
    def lengths(self) -> Mapping[int, int]:
        """Deal length in days → closed deals."""
        p = self._parts
        return {} if p is None else p.cache.length_histogram(p.slice)


def group_label(key: GroupKey, by: tuple[Dimension, ...] = ()) -> str:
    """A group's label on screen: its values (of the dimensions ``by``) joined by " / ",
    "(none)" for a missing one (see :func:`~salesdesk.domain.slice_spec.value_label`)."""
    dimensions = by or (None,) * len(key)
    return " / ".join(value_label(d, value) for d, value in zip(dimensions, key, strict=True))


def describe_slice(sl: Slice) -> str:
    """A slice in words, e.g. "Salesperson: Anna · 2026-01-01 – 2026-06-30 · deals closed in
    the period".

    Filters are listed in the report's dimension order; a period of several ranges (chosen
    months or quarters) lists each range.
    """
    parts = [
        translate("ChartData", "{dimension}: {values}").format(
            dimension=dimension_label(d),
            values=", ".join(sorted((value_label(d, v) for v in sl.filters[d]),
                                    key=lambda text: (text.casefold(), text))))
        for d in Dimension if d in sl.filters
    ]
    period = sl.period
    if period.is_all_time:
        parts.append(translate("ChartData", "all time"))
    elif period.is_empty:
        parts.append(translate("ChartData", "no dates"))
    else:
        parts.append(", ".join(date_range_text(start, end) for start, end in period.ranges))
    parts.append(translate("ChartData", "deals started in the period") if sl.cohort
                 else translate("ChartData", "deals closed in the period"))
    return " · ".join(parts)


def _monthly(cache: AnalyticsCache, sl: Slice, threshold: int, money: MoneyRules
             ) -> tuple[tuple[str, Figures], ...]:
    """Figures per month, gaps filled with empty months so the trend's axis is even."""
    result = cache.result(Query(sl, (Dimension.MONTH,)))
    by_month = {key[0]: t for key, t in result.groups if key[0] is not None}
    if not by_month:
        return ()
    numbers = [parse_bucket(Bucket.MONTH, label) for label in by_month]
    empty = Tally()
    months = (bucket_label(Bucket.MONTH, n) for n in range(min(numbers), max(numbers) + 1))
    return tuple((label, figures(by_month.get(label, empty), threshold=threshold, money=money))
                 for label in months)


def chart_figures(cache: AnalyticsCache, query: Query, *, settings: BusinessSettings,
                  money: MoneyRules, slice_text: str,
                  markers: Iterable[ChartMarker] = ()) -> ChartFigures:
    """Everything the five charts of ``query``'s slice draw.

    ``query.by`` names the group-by of the conversion and deal-length charts (its first
    dimension is used; no grouping gives no groups); ``slice_text`` is stamped on exports;
    ``markers`` (touchpoint changes) are drawn on the trend.
    """
    threshold = settings.too_few_threshold
    sl = query.slice
    by = query.by[0] if query.by else None
    result = cache.result(Query(sl, (by,)) if by else Query(sl))

    def figures_of(t: Tally) -> Figures:
        return figures(t, threshold=threshold, money=money)

    return ChartFigures(
        slice_text=slice_text,
        by=by,
        by_label=dimension_label(by) if by else "",
        overall=figures_of(result.overall),
        groups=tuple((group_label(key, (by,) if by else ()), figures_of(t))
                     for key, t in result.groups[:MAX_GROUPS]),
        currency=money.base_currency,
        threshold=threshold,
        groups_total=len(result.groups),
        markers=tuple(sorted(markers, key=lambda m: m.day)),
        _parts=_Parts(cache, sl, threshold, money),
    )
