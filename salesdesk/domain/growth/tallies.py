"""What growth points reduce deals to: the options, per-value integer tallies and the open
deals dragging on, counted deal by deal (the reference; the analytics cache counts the same
with numpy)."""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby
from typing import overload

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.metrics import (
    DEFAULT_TOO_FEW,
    MoneyTally,
    known_length,
)
from salesdesk.domain.periods import Bucket, Period, bucket_label, bucket_number, month_number
from salesdesk.domain.slices import Dimension, deal_value
from salesdesk.i18n import translate

GROWTH_DIMENSIONS: tuple[Dimension, ...] = (
    Dimension.CUSTOMER_TYPE, Dimension.CHANNEL, Dimension.PRODUCT, Dimension.AUDIENCE,
    Dimension.REGION, Dimension.REP)
"""The dimensions whose values are compared, in report order."""

DEFAULT_DRAG_FACTOR = 1.5
MIN_WINS_FOR_OWN_AMOUNT = 5
"""A value needs this many won deals with a base-currency amount to use its own average."""


class Reference(StrEnum):
    """What a value is compared with."""

    MEDIAN = "median"
    BEST = "best"
    AVERAGE = "average"


class Metric(StrEnum):
    """What a lever improves."""

    CONVERSION = "conversion"
    DEAL_LENGTH = "deal_length"


class Factor(StrEnum):
    """The five factors conversion depends on (DESIGN.md §6)."""

    STAFF = "staff qualification"
    TOUCHPOINTS = "touchpoints"
    PRODUCT = "product"
    TARGET_CUSTOMER = "target customer"
    PROCESS = "business process"


FACTORS: dict[Dimension, Factor] = {
    Dimension.REP: Factor.STAFF,
    Dimension.CUSTOMER_TYPE: Factor.TARGET_CUSTOMER,
    Dimension.AUDIENCE: Factor.TARGET_CUSTOMER,
    Dimension.PRODUCT: Factor.PRODUCT,
    Dimension.CHANNEL: Factor.TOUCHPOINTS,
    Dimension.REGION: Factor.PROCESS,
}


class WatchReason(StrEnum):
    """Why a value worse than the reference is watched, not ranked."""

    TOO_FEW = "too_few"
    UNCLEAR = "interval_includes_reference"


class Basis(StrEnum):
    """Whose closed deals a dragging deal is measured against."""

    REP_PRODUCT = "rep_product"
    PRODUCT = "product"
    BUSINESS = "business"


@dataclass(frozen=True, slots=True)
class GrowthOptions:
    """How the growth points are counted and judged.

    ``threshold`` is the file's "too few to judge" number; ``drag_factor`` how many times the
    average length an open deal must exceed to drag on; the trend shows the last
    ``trend_periods`` buckets of ``trend_bucket``.
    """

    period: Period = field(default_factory=Period)
    reference: Reference = Reference.MEDIAN
    threshold: int = DEFAULT_TOO_FEW
    drag_factor: float = DEFAULT_DRAG_FACTOR
    trend_bucket: Bucket = Bucket.QUARTER
    trend_periods: int = 6

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise ValueError("The threshold must be at least 1 deal.")
        if not (math.isfinite(self.drag_factor) and self.drag_factor > 0):
            raise ValueError("The dragging factor must be a positive number.")
        if self.trend_periods < 1:
            raise ValueError("The trend needs at least one period.")


# --- integers: what the deals reduce to ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrendTally:
    """One trend period's integers: decided deals, and the closed deals of known length."""

    won: int = 0
    lost: int = 0
    timed: int = 0
    days: int = 0


@dataclass(frozen=True, slots=True)
class GroupTally:
    """The integers behind one value's growth figures, over the decided deals counted.

    ``timed`` counts those with a known length, ``days`` and ``squares`` sum their lengths and
    squared lengths; ``trend`` holds one :class:`TrendTally` per trend period.
    """

    won: int = 0
    lost: int = 0
    won_money: MoneyTally = field(default_factory=MoneyTally)
    timed: int = 0
    days: int = 0
    squares: int = 0
    trend: tuple[TrendTally, ...] = ()

    @property
    def decided(self) -> int:
        """Won plus lost deals."""
        return self.won + self.lost


@dataclass(frozen=True, slots=True)
class DraggingDeal:
    """An open deal older than ``limit_days`` = ``factor`` × the average length of the closed
    deals of its basis (``basis_closed`` of them, ``average_days`` on average). Of those,
    ``at_age`` were still open at this deal's age and ``won_at_age`` of them were won
    (``win_share``; None when none was)."""

    deal_id: int
    rep: str | None
    product: str | None
    first_contact: dt.date
    age_days: int
    basis: Basis
    basis_closed: int
    average_days: float
    factor: float
    limit_days: float
    at_age: int
    won_at_age: int
    win_share: float | None

    @property
    def explanation(self) -> str:
        """One sentence on why the deal is listed and what history says."""
        if self.basis is Basis.REP_PRODUCT:
            whose = translate("DraggingDeal", "{rep}'s '{product}' deals").format(
                rep=self.rep, product=self.product)
        elif self.basis is Basis.PRODUCT:
            whose = translate("DraggingDeal", "'{product}' deals").format(product=self.product)
        else:
            whose = translate("DraggingDeal", "all deals")
        if self.win_share is not None:
            history = translate("DraggingDeal", "of the closed deals still open at {age} days,"
                                " {won} of {count} ({share}) were won").format(
                age=self.age_days, won=self.won_at_age, count=self.at_age,
                share=percent_text(self.win_share))
        else:
            history = translate("DraggingDeal", "no closed deal was still open at {age}"
                                " days").format(age=self.age_days)
        return translate("DraggingDeal", "Open for {age} days, past {factor} × the"
                         " {average}-day average of {whose} (n = {count}); {history}.").format(
            age=self.age_days, factor=f"{self.factor:g}", average=f"{self.average_days:.0f}",
            whose=whose, count=self.basis_closed, history=history)


@dataclass(frozen=True, slots=True)
class DraggingDeals(Sequence[DraggingDeal]):
    """The deals dragging on, column by column: a million-deal business can have a hundred
    thousand, so items (:class:`DraggingDeal`) are built only when read, and the number columns
    are ``array('q')`` columns the analytics cache fills with one copy (treat them as read-only).

    Per deal: its id, salesperson, product, first contact (an ordinal), age in days and basis;
    the basis's closed deals of known length and their summed lengths; those at least as long
    as the age and the won ones among them. ``factor`` is the dragging factor.
    """

    deal_ids: array[int] = field(default_factory=lambda: array("q"))
    reps: tuple[str | None, ...] = ()
    products: tuple[str | None, ...] = ()
    first_contacts: array[int] = field(default_factory=lambda: array("q"))
    ages: array[int] = field(default_factory=lambda: array("q"))
    bases: tuple[Basis, ...] = ()
    closed: array[int] = field(default_factory=lambda: array("q"))
    days: array[int] = field(default_factory=lambda: array("q"))
    at_age: array[int] = field(default_factory=lambda: array("q"))
    won_at_age: array[int] = field(default_factory=lambda: array("q"))
    factor: float = DEFAULT_DRAG_FACTOR

    def __len__(self) -> int:
        return len(self.deal_ids)

    @overload
    def __getitem__(self, index: int) -> DraggingDeal: ...

    @overload
    def __getitem__(self, index: slice) -> DraggingDeals: ...

    def __getitem__(self, index: int | slice) -> DraggingDeal | DraggingDeals:
        if isinstance(index, slice):
            return DraggingDeals(
                self.deal_ids[index], self.reps[index], self.products[index],
                self.first_contacts[index], self.ages[index], self.bases[index],
                self.closed[index], self.days[index], self.at_age[index],
                self.won_at_age[index], self.factor)
        average = self.days[index] / self.closed[index]
        at_age, won = self.at_age[index], self.won_at_age[index]
        return DraggingDeal(
            self.deal_ids[index], self.reps[index], self.products[index],
            dt.date.fromordinal(self.first_contacts[index]), self.ages[index],
            self.bases[index], self.closed[index], average, self.factor,
            self.factor * average, at_age, won, won / at_age if at_age else None)

    def by_rep(self) -> dict[str | None, DraggingDeals]:
        """The deals per salesperson, in order (None: no salesperson)."""
        runs: dict[str | None, DraggingDeals] = {}
        start = 0
        for rep, run in groupby(self.reps):
            end = start + sum(1 for _ in run)
            runs[rep] = self[start:end]
            start = end
        return runs


def dragging_order(rep: str | None, age: int, deal_id: int
                   ) -> tuple[bool, tuple[str, str], int, int]:
    """The order dragging deals are listed in: by salesperson (none last), oldest first."""
    return rep is None, value_order(rep or ""), -age, deal_id


@dataclass(frozen=True, slots=True)
class GrowthTallies:
    """Everything growth figures are computed from.

    ``groups`` lists per dimension (:data:`GROWTH_DIMENSIONS` order) its values with a decided
    deal, ordered case-insensitively; ``dragging`` is in report order already (see
    :func:`dragging_order`).
    """

    months: int
    trend_labels: tuple[str, ...]
    business: GroupTally
    groups: tuple[tuple[Dimension, tuple[tuple[str, GroupTally], ...]], ...]
    dragging: DraggingDeals


def value_order(value: str) -> tuple[str, str]:
    """The order values are listed in: case-insensitively, ties by the exact text."""
    return value.casefold(), value


def growth_span(period: Period, earliest_close: dt.date | None, today: dt.date,
                bucket: Bucket, periods: int) -> tuple[int, tuple[int, ...]]:
    """The number of calendar months the period spans and the numbers of its last ``periods``
    buckets (ascending), an unbounded start taken as ``earliest_close`` (or the range's end when
    nothing closed) and an unbounded end as ``today``."""
    month_spans: list[tuple[int, int]] = []
    bucket_spans: list[tuple[int, int]] = []
    for start, end in period.ranges:
        last = today if end is None else end
        first = start if start is not None else earliest_close or last
        if first <= last:
            month_spans.append((month_number(first), month_number(last)))
            bucket_spans.append((bucket_number(bucket, first), bucket_number(bucket, last)))
    months, reached = 0, -1
    for low, high in sorted(month_spans):  # count each month once where ranges share it
        months += max(0, high - max(low, reached + 1) + 1)
        reached = max(reached, high)
    numbers: set[int] = set()
    for low, high in reversed(bucket_spans):
        numbers.update(range(max(low, high - periods + 1), high + 1))
    return max(1, months), tuple(sorted(numbers)[-periods:])


# --- the reference reduction: deal by deal ----------------------------------------------------


def counts_as_decided(deal: Deal, period: Period) -> bool:
    """A won or lost deal closed in the period; one without a close date under all time only."""
    if not deal.outcome.is_closed:
        return False
    if deal.closed_on is None:
        return period.is_all_time
    return deal.closed_on in period


def _group_tally(deals: Sequence[Deal], bucket: Bucket, numbers: Sequence[int]) -> GroupTally:
    lengths = [n for n in map(known_length, deals) if n is not None]
    won = [deal for deal in deals if deal.outcome is Outcome.WON]

    def trend(number: int) -> TrendTally:
        inside = [deal for deal in deals if deal.closed_on is not None
                  and bucket_number(bucket, deal.closed_on) == number]
        timed = [n for n in map(known_length, inside) if n is not None]
        return TrendTally(sum(deal.outcome is Outcome.WON for deal in inside),
                          sum(deal.outcome is Outcome.LOST for deal in inside),
                          len(timed), sum(timed))

    return GroupTally(
        won=len(won),
        lost=len(deals) - len(won),
        won_money=MoneyTally.of((deal.currency, deal.amount) for deal in won),
        timed=len(lengths),
        days=sum(lengths),
        squares=sum(n * n for n in lengths),
        trend=tuple(trend(number) for number in numbers),
    )


def _reference_dragging(deals: Sequence[Deal], history: Sequence[tuple[Deal, int]],
                        today: dt.date, options: GrowthOptions) -> DraggingDeals:
    rows: list[tuple[int, str | None, str | None, int, int, Basis, int, int, int, int]] = []
    for position, deal in enumerate(deals, start=1):
        if deal.outcome is not Outcome.OPEN or deal.first_contact is None:
            continue
        age = (today - deal.first_contact).days
        levels: list[tuple[Basis, list[tuple[Deal, int]]]] = []
        if deal.rep is not None and deal.product is not None:
            levels.append((Basis.REP_PRODUCT, [(d, n) for d, n in history
                                               if d.rep == deal.rep
                                               and d.product == deal.product]))
        if deal.product is not None:
            levels.append((Basis.PRODUCT, [(d, n) for d, n in history
                                           if d.product == deal.product]))
        levels.append((Basis.BUSINESS, list(history)))
        basis, members = next((b, m) for b, m in levels
                              if len(m) >= options.threshold or b is Basis.BUSINESS)
        if not members:
            continue
        days = sum(n for _, n in members)
        if not age > options.drag_factor * (days / len(members)):
            continue
        later = [d for d, n in members if n >= age]
        rows.append((position if deal.id is None else deal.id, deal.rep, deal.product,
                     deal.first_contact.toordinal(), age, basis, len(members), days,
                     len(later), sum(d.outcome is Outcome.WON for d in later)))
    rows.sort(key=lambda r: dragging_order(r[1], r[4], r[0]))
    return DraggingDeals(
        array("q", (r[0] for r in rows)), tuple(r[1] for r in rows), tuple(r[2] for r in rows),
        array("q", (r[3] for r in rows)), array("q", (r[4] for r in rows)),
        tuple(r[5] for r in rows), array("q", (r[6] for r in rows)),
        array("q", (r[7] for r in rows)), array("q", (r[8] for r in rows)),
        array("q", (r[9] for r in rows)), options.drag_factor)


def reference_growth_tallies(deals: Iterable[Deal], today: dt.date,
                             options: GrowthOptions | None = None) -> GrowthTallies:
    """Reduce deals to the integers of their growth figures, deal by deal.

    A deal without an id is numbered by its position (from 1), as ``DealColumns.from_deals``
    does.
    """
    options = options or GrowthOptions()
    everything = list(deals)
    counted = [deal for deal in everything if counts_as_decided(deal, options.period)]
    earliest = min((d.closed_on for d in counted if d.closed_on is not None), default=None)
    months, numbers = growth_span(options.period, earliest, today, options.trend_bucket,
                                  options.trend_periods)
    groups = []
    for dimension in GROWTH_DIMENSIONS:
        members: dict[str, list[Deal]] = {}
        for deal in counted:
            value = deal_value(deal, dimension)
            if value is not None:
                members.setdefault(value, []).append(deal)
        groups.append((dimension, tuple(
            (value, _group_tally(members[value], options.trend_bucket, numbers))
            for value in sorted(members, key=value_order))))
    history = [(deal, n) for deal in counted if (n := known_length(deal)) is not None]
    return GrowthTallies(
        months=months,
        trend_labels=tuple(bucket_label(options.trend_bucket, n) for n in numbers),
        business=_group_tally(counted, options.trend_bucket, numbers),
        groups=tuple(groups),
        dragging=_reference_dragging(everything, history, today, options),
    )


def percent_text(fraction: float | None) -> str:
    """A share as the explanations write it: "31 %", or "—" when unknown."""
    return "—" if fraction is None else f"{fraction * 100:.0f} %"
