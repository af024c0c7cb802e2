"""The Customers tab's figures from the analytics cache: NPS beside conversion and the
repeat-purchase share, touchpoint changes before and after, lost reasons by slice, and the
target customer.

Every conversion and deal length here is the analytics cache's answer for a slice turned into
figures by domain.metrics, so it equals what the Funnel tab and ``salesdesk report`` give for
the same slice.

Repeat-purchase share (where the issue left room, the choice is stated here): of the won
deals of a product (or client) closed in the period, the share made by current customers —
clients with a won deal closed before that deal's first contact (DESIGN.md §3's customer
type). Undefined (None) without a won deal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.deals import CustomerType
from salesdesk.domain.lost_reasons import LostReasonTable, lost_reason_table
from salesdesk.domain.metrics import DEFAULT_TOO_FEW, Figures, MoneyRules, Tally, figures
from salesdesk.domain.nps import NpsTally, Response
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.domain.target_customer import TargetView, target_view
from salesdesk.domain.touchpoints import (
    BeforeAfter,
    TouchpointChange,
    before_after,
    window_slice,
    windows,
)


def _added(a: Tally, b: Tally) -> Tally:
    """The won/lost/open counts and days of two tallies added (money and medians dropped)."""
    return Tally(open=a.open + b.open, won=a.won + b.won, lost=a.lost + b.lost,
                 won_days=a.won_days + b.won_days, lost_days=a.lost_days + b.lost_days,
                 won_length_unknown=a.won_length_unknown + b.won_length_unknown,
                 lost_length_unknown=a.lost_length_unknown + b.lost_length_unknown)


# --- NPS beside conversion ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NpsBeside:
    """One product's (or client's) NPS next to its conversion and repeat-purchase share."""

    value: str
    nps: NpsTally
    figures: Figures
    won: int
    repeat_won: int

    @property
    def repeat_share(self) -> float | None:
        """Won deals by current customers ÷ won deals; None without a won deal."""
        return None if self.won == 0 else self.repeat_won / self.won


def nps_beside_conversion(responses: Sequence[Response], cache: AnalyticsCache,
                          dimension: Dimension, period: Period = Period(), *,
                          threshold: int = DEFAULT_TOO_FEW) -> list[NpsBeside]:
    """Per product or client (``dimension``) that has responses in ``responses``: its NPS,
    its conversion over the deals closed in ``period`` and its repeat-purchase share; most
    responses first. A response's product or client is matched to the deals' ignoring
    case."""
    if dimension not in (Dimension.PRODUCT, Dimension.CLIENT):
        raise ValueError("NPS is set beside conversion per product or per client.")
    scores: dict[str, list[int]] = defaultdict(list)
    for response in responses:
        value = response.product if dimension is Dimension.PRODUCT else response.client
        if value is not None:
            scores[value].append(response.score)
    if not scores:
        return []
    filters: dict[Dimension, frozenset[str | None]] = {}
    if dimension is Dimension.CLIENT:  # only the clients surveyed: there may be very many
        # Names are matched ignoring case, as below: the cache's filter matches exactly.
        wanted = {value.casefold() for value in scores}
        filters = {dimension: frozenset(name for name in cache.values(dimension)
                                        if name.casefold() in wanted)}
    sl = Slice(filters, period)
    result = cache.result(Query(sl, (dimension, Dimension.CUSTOMER_TYPE)))
    by_value: dict[str, Tally] = {}
    repeat: dict[str, int] = defaultdict(int)
    for (value, kind), counts in result.groups:
        if value is None:
            continue
        by_value[value] = _added(by_value.get(value, Tally()), counts)
        if kind == CustomerType.CURRENT.value:
            repeat[value] += counts.won
    folded = {name.casefold(): name for name in by_value}
    rows = []
    for value, values in scores.items():
        key = folded.get(value.casefold(), value)
        counts = by_value.get(key, Tally())
        rows.append(NpsBeside(value, NpsTally.of(values), figures(counts, threshold=threshold),
                              counts.won, repeat.get(key, 0)))
    rows.sort(key=lambda row: (-row.nps.n, row.value.casefold()))
    return rows


# --- touchpoint changes ---------------------------------------------------------------------------


def change_effect(cache: AnalyticsCache, change: TouchpointChange, days: int, today: dt.date,
                  threshold: int = DEFAULT_TOO_FEW) -> BeforeAfter | None:
    """Conversion and deal length before and after ``change`` in windows of ``days`` (as
    domain.touchpoints.reference_before_after); None when the change is after today."""
    spans = windows(change.changed_on, days, today)
    if spans is None:
        return None
    parts = []
    for dates in (spans.before, spans.after):
        sl = window_slice(change, dates)
        parts.append((cache.result(Query(sl)).overall, cache.length_histogram(sl)))
    return before_after(change, spans, parts[0], parts[1], threshold)


# --- lost reasons ---------------------------------------------------------------------------------


def lost_reasons_by(cache: AnalyticsCache, sl: Slice, dimension: Dimension,
                    max_values: int = 12) -> LostReasonTable:
    """Lost deals of a slice per value of ``dimension`` and lost reason."""
    if dimension is Dimension.LOST_REASON or dimension.is_time:
        raise ValueError("Choose a dimension other than the lost reason and the period.")
    result = cache.result(Query(sl, (dimension, Dimension.LOST_REASON)))
    return lost_reason_table(((value, reason, counts.lost)
                              for (value, reason), counts in result.groups),
                             dimension, max_values)


# --- the target customer --------------------------------------------------------------------------


def target_customer(cache: AnalyticsCache, sl: Slice, *, threshold: int = DEFAULT_TOO_FEW,
                    money: MoneyRules | None = None) -> TargetView:
    """Figures by audience and by customer type of a slice, with the costly audiences."""
    audiences = cache.result(Query(sl, (Dimension.AUDIENCE,)))
    types = cache.result(Query(sl, (Dimension.CUSTOMER_TYPE,)))
    order = {t.value: i for i, t in enumerate(CustomerType)}
    type_groups = sorted(((key[0], counts) for key, counts in types.groups),
                         key=lambda item: order.get(item[0] or "", len(order)))
    return target_view(((key[0], counts) for key, counts in audiences.groups), type_groups,
                       audiences.overall, threshold=threshold, money=money)
