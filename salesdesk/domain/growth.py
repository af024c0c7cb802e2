"""Growth points (DESIGN.md §5, issue 16): where conversion and deal length can grow.

The reference maths, slow and obviously right. As in :mod:`salesdesk.domain.metrics`, figures
are computed in two steps. First the deals are reduced to integers — a :class:`GrowthTallies`
holding per dimension value a :class:`GroupTally` (won, lost, won money, and the count, sum and
sum of squares of the known deal lengths, overall and per trend period) and, for the open deals
that drag on, a :class:`DragTally`. :func:`reference_growth_tallies` does it deal by deal; the
analytics cache does it with numpy. Then :func:`rank_growth` turns those integers into the
ranked :class:`GrowthReport`, so both paths agree exactly.

Definitions (where the issue left room, the choice is stated here):

* Dimensions: customer type, channel, product, audience, region, salesperson. A deal without a
  value for a dimension counts in the business figures but is no value of that dimension: it
  is neither ranked nor a sibling.
* Deals counted: the decided (won or lost) deals closed in the period. A decided deal whose
  close date is unknown counts under all time only; one whose first contact or close date is
  unknown (``length_unknown``) counts for conversion, not for deal length.
* Months the period spans: calendar months touched by the period, an unbounded start taken as
  the earliest close date counted, an unbounded end as ``today`` (at least one month).
* Siblings: the other values of the same dimension with at least ``threshold`` decided deals
  (for deal length, closed deals with a known length); smaller ones are too noisy to set a
  standard. Reference: the median of the siblings' figures (default), the best sibling
  (highest conversion, shortest average length), or the business average. A value without a
  sibling to compare with has no reference and is not judged.
* Conversion lever: a value with at least ``threshold`` decided deals whose conversion is below
  the reference and whose 95 % Wilson interval lies entirely below it. Won deals a month it
  would add = (reference − conversion) × decided deals a month; its monthly value = that ×
  its average won amount (the business average when fewer than 5 of its won deals have an
  amount in the base currency).
* Deal-length lever: a value with at least ``threshold`` closed deals of known length whose
  average length is above the reference, and whose 95 % Welch interval for the difference of
  mean lengths between it and its comparison group lies entirely above 0. The comparison group
  is where the reference comes from: the siblings combined (median), the best sibling (best),
  or every other deal of the business (average). Deal-days a month it would free =
  (average − reference) × its closed deals a month.
* Watch: values whose figure is worse than the reference but whose evidence does not hold (too
  few deals, or an interval that includes the reference). Values at or better than the
  reference are neither levers nor watched: equal slices produce nothing.
* Trend: the value's figure in each of the last ``trend_periods`` quarters (or months) the
  period spans, with n.
* Deals dragging on: open deals (today) whose age (today − first contact) exceeds ``factor`` ×
  the average length of the closed deals counted in their basis: the same salesperson and
  product, else the product, else the whole business, taking the first with at least
  ``threshold`` closed deals of known length (a missing salesperson or product skips that
  level). History: of those closed deals, the ones still open at that age (length ≥ age) and
  how many of them were won.
* Suggested factor (DESIGN.md §6): salesperson → staff qualification (the scorecard); customer
  type and audience → target customer; product → product; channel → touchpoints; region →
  business process.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby
from typing import overload

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.metrics import (
    DEFAULT_TOO_FEW,
    Z_95,
    MoneyRules,
    MoneyTally,
    deal_length,
    to_base,
    wilson_interval,
)
from salesdesk.domain.periods import Bucket, Period, bucket_label, bucket_number, month_number
from salesdesk.domain.slices import Dimension, deal_value

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


# --- Student's t quantile (standard library only) ----------------------------------------------


def _continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the regularised incomplete beta function (modified Lentz's
    method, Numerical Recipes §6.4); converges fast for x < (a + 1) / (a + b + 2)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 10_000):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return result


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _continued_fraction(a, b, x) / a
    return 1.0 - front * _continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom."""
    tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def _t_pdf(t: float, df: float) -> float:
    log_density = (math.lgamma((df + 1) / 2) - math.lgamma(df / 2)
                   - 0.5 * math.log(df * math.pi) - (df + 1) / 2 * math.log1p(t * t / df))
    return math.exp(log_density)


_CORNISH_FISHER_DF = 1000.0  # from here on the expansion's error is below 1e-13


def _cornish_fisher(z: float, df: float) -> float:
    """The t quantile from the normal one (Abramowitz & Stegun 26.7.5, terms to df⁻⁴)."""
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t with ``df`` ≥ 1 degrees of freedom (t(0.975, 10) =
    2.228…).

    Exact closed forms for 1 and 2 degrees of freedom; from 1000 on the Cornish–Fisher expansion
    around ``statistics.NormalDist`` (error below 1e-13); in between, Newton's method on the
    exact distribution function (the regularised incomplete beta function), started at the
    normal quantile: the distribution function is concave above 0, so the steps approach the
    root from below without overshooting. Accurate to about 1e-12.
    """
    if not 0.0 < p < 1.0:
        raise ValueError("p must lie strictly between 0 and 1")
    if not df >= 1.0:
        raise ValueError("t quantiles need at least 1 degree of freedom")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    if df == 1.0:
        return math.tan(math.pi * (p - 0.5))
    if df == 2.0:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    z = statistics.NormalDist().inv_cdf(p)
    if df >= _CORNISH_FISHER_DF:
        return _cornish_fisher(z, df)
    t = z
    for _ in range(200):
        step = (p - t_cdf(t, df)) / _t_pdf(t, df)
        t += step
        if abs(step) <= 1e-13 * t:
            break
    return t


def welch_interval(n1: int, mean1: float, var1: float, n2: int, mean2: float, var2: float,
                   level: float = 0.95) -> tuple[float, float] | None:
    """The Welch interval of mean1 − mean2 from two samples' sizes, means and variances; None
    unless both samples hold at least 2 values. Two samples without spread give the exact
    difference twice."""
    if n1 < 2 or n2 < 2:
        return None
    difference = mean1 - mean2
    a, b = var1 / n1, var2 / n2
    se2 = a + b
    if se2 == 0:
        return difference, difference
    # Welch–Satterthwaite degrees of freedom; never below min(n1, n2) − 1 ≥ 1 in exact
    # arithmetic, so the clamp only absorbs rounding.
    df = max(1.0, se2 * se2 / (a * a / (n1 - 1) + b * b / (n2 - 1)))
    half = t_quantile(0.5 + level / 2, df) * math.sqrt(se2)
    return difference - half, difference + half


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
        whose = {Basis.REP_PRODUCT: f"{self.rep}'s '{self.product}' deals",
                 Basis.PRODUCT: f"'{self.product}' deals",
                 Basis.BUSINESS: "all deals"}[self.basis]
        history = (f"of the closed deals still open at {self.age_days} days, "
                   f"{self.won_at_age} of {self.at_age} ({_percent(self.win_share)}) were won"
                   if self.win_share is not None
                   else f"no closed deal was still open at {self.age_days} days")
        return (f"Open for {self.age_days} days, past {self.factor:g} × the "
                f"{self.average_days:.0f}-day average of {whose} (n = {self.basis_closed}); "
                f"{history}.")


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


def known_length(deal: Deal) -> int | None:
    """A decided deal's length in days, None when its first contact or close is unknown."""
    if deal.first_contact is None or deal.closed_on is None:
        return None
    return deal_length(deal.first_contact, deal.closed_on)


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


# --- the report --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """A value's figure in one trend period: conversion (0–1) or average length in days, over
    ``n`` decided deals (closed deals of known length); None without any."""

    label: str
    n: int
    value: float | None


@dataclass(frozen=True, slots=True)
class Lever:
    """A value whose conversion or deal length falls clearly short of its reference.

    ``slice_figure`` and ``reference_figure`` are conversions (0–1) or average lengths in days;
    ``n`` counts its decided deals (closed deals of known length) and ``reference_n`` those of
    its comparison group. ``interval`` is the 95 % Wilson interval of its conversion, or the
    95 % Welch interval of its mean length minus the comparison group's, in days.
    ``per_month`` is its decided (closed) deals a month; ``won_per_month`` the won deals a
    month matching the reference would add (conversion only); ``monthly_value`` what that is
    worth in ``unit``: the base currency (None when no amount is known) or days.
    ``reference_value`` names the best sibling when the reference is the best one.
    """

    dimension: Dimension
    value: str
    metric: Metric
    slice_figure: float
    reference_figure: float
    reference: Reference
    reference_value: str | None
    n: int
    reference_n: int
    interval: tuple[float, float]
    per_month: float
    won_per_month: float | None
    monthly_value: float | None
    unit: str
    trend: tuple[TrendPoint, ...]
    factor: Factor
    explanation: str


@dataclass(frozen=True, slots=True)
class WatchItem:
    """A value worse than its reference without the evidence to rank it: ``reason`` says
    whether it has too few deals or its interval (None when it cannot be computed) includes
    the reference."""

    dimension: Dimension
    value: str
    metric: Metric
    slice_figure: float
    reference_figure: float
    reference: Reference
    reference_value: str | None
    n: int
    interval: tuple[float, float] | None
    reason: WatchReason
    factor: Factor
    explanation: str


@dataclass(frozen=True, slots=True)
class GrowthReport:
    """The ranked growth points: conversion levers (largest monthly value first), deal-length
    levers (most deal-days first), the watch list (by dimension and value), and the deals
    dragging on (by salesperson, oldest first; ``dragging.by_rep()`` splits them). ``months``
    is the number of months the period spans."""

    levers: tuple[Lever, ...]
    time_levers: tuple[Lever, ...]
    watch: tuple[WatchItem, ...]
    dragging: DraggingDeals
    months: int
    reference: Reference


_LABELS: dict[Dimension, tuple[str, str]] = {
    Dimension.CUSTOMER_TYPE: ("customer type", "customer types"),
    Dimension.CHANNEL: ("channel", "channels"),
    Dimension.PRODUCT: ("product", "products"),
    Dimension.AUDIENCE: ("target audience", "target audiences"),
    Dimension.REGION: ("region", "regions"),
    Dimension.REP: ("salesperson", "salespeople"),
}


def _percent(fraction: float | None) -> str:
    return "—" if fraction is None else f"{fraction * 100:.0f} %"


def _about(count: float) -> str:
    """A count for a sentence: whole numbers from 10 on, one decimal below."""
    return f"{count:,.0f}" if count >= 10 else f"{count:.1f}".removesuffix(".0")


def _money(amount: float) -> str:
    """An estimate rounded to two significant digits (14,000), whole units at least."""
    if amount >= 100:
        digits = 2 - len(str(int(amount)))
        amount = round(amount, digits)
    return f"{amount:,.0f}"


@dataclass(frozen=True, slots=True)
class _Sample:
    """Count, sum and sum of squares of lengths: mean and variance from integers."""

    n: int
    total: int
    squares: int

    def __add__(self, other: _Sample) -> _Sample:
        return _Sample(self.n + other.n, self.total + other.total, self.squares + other.squares)

    def __sub__(self, other: _Sample) -> _Sample:
        return _Sample(self.n - other.n, self.total - other.total, self.squares - other.squares)

    @property
    def mean(self) -> float:
        return self.total / self.n

    @property
    def variance(self) -> float:
        # (n Σx² − (Σx)²) / (n (n − 1)): exact integers, one rounding.
        return (self.n * self.squares - self.total * self.total) / (self.n * (self.n - 1))


def _sample(tally: GroupTally) -> _Sample:
    return _Sample(tally.timed, tally.days, tally.squares)


@dataclass(frozen=True, slots=True)
class _Comparison:
    """A reference figure, the sibling it comes from (best), how many deals are behind it, and
    (deal length) the comparison group's lengths."""

    figure: float
    sibling: str | None
    n: int
    group: _Sample | None = None


def _conversion_reference(value: str, groups: Sequence[tuple[str, GroupTally]],
                          business: GroupTally, options: GrowthOptions) -> _Comparison | None:
    if options.reference is Reference.AVERAGE:
        if business.decided == 0:
            return None
        return _Comparison(business.won / business.decided, None, business.decided)
    siblings = [(v, t) for v, t in groups if v != value and t.decided >= options.threshold]
    if not siblings:
        return None
    if options.reference is Reference.MEDIAN:
        return _Comparison(statistics.median(t.won / t.decided for _, t in siblings), None,
                           sum(t.decided for _, t in siblings))
    best_value, best = max(siblings, key=lambda s: s[1].won / s[1].decided)  # first of ties
    return _Comparison(best.won / best.decided, best_value, best.decided)


def _length_reference(value: str, own: _Sample, groups: Sequence[tuple[str, GroupTally]],
                      pooled_siblings: _Sample, business: GroupTally, options: GrowthOptions
                      ) -> _Comparison | None:
    """The reference length of ``value`` (whose sample is ``own``) and its comparison group;
    ``pooled_siblings`` sums the samples of every value with at least the threshold."""
    if options.reference is Reference.AVERAGE:
        if business.timed == 0:
            return None
        rest = _sample(business) - own
        return _Comparison(business.days / business.timed, None, rest.n, rest)
    siblings = [(v, t) for v, t in groups if v != value and t.timed >= options.threshold]
    if not siblings:
        return None
    if options.reference is Reference.MEDIAN:
        pooled = pooled_siblings - own if own.n >= options.threshold else pooled_siblings
        return _Comparison(statistics.median(t.days / t.timed for _, t in siblings), None,
                           pooled.n, pooled)
    best_value, best = min(siblings, key=lambda s: s[1].days / s[1].timed)  # first of ties
    return _Comparison(best.days / best.timed, best_value, best.timed, _sample(best))


def _against(dimension: Dimension, reference: Reference, comparison: _Comparison,
             figure: str) -> str:
    singular, plural = _LABELS[dimension]
    if reference is Reference.MEDIAN:
        return f"against a median of {figure} for the other {plural}"
    if reference is Reference.BEST:
        return f"against {figure} for the best other {singular}, '{comparison.sibling}'"
    return f"against the business average of {figure}"


def _subject(dimension: Dimension, value: str) -> str:
    return f"{_LABELS[dimension][0].capitalize()} '{value}'"


def _trend(tally: GroupTally, labels: Sequence[str], metric: Metric) -> tuple[TrendPoint, ...]:
    points = []
    for label, t in zip(labels, tally.trend, strict=True):
        if metric is Metric.CONVERSION:
            n, figure = t.won + t.lost, (t.won / (t.won + t.lost) if t.won + t.lost else None)
        else:
            n, figure = t.timed, (t.days / t.timed if t.timed else None)
        points.append(TrendPoint(label, n, figure))
    return tuple(points)


def _average_won_amount(tally: GroupTally, rules: MoneyRules) -> tuple[float, int]:
    """The base-currency total of the won amounts and how many won deals it covers."""
    money = to_base(tally.won_money, rules)
    return money.amount, tally.won - money.unknown - money.left_out


@dataclass(slots=True)
class _Ranking:
    levers: list[Lever] = field(default_factory=list)
    time_levers: list[Lever] = field(default_factory=list)
    watch: list[WatchItem] = field(default_factory=list)


def _judge_conversion(ranking: _Ranking, dimension: Dimension, value: str, tally: GroupTally,
                      groups: Sequence[tuple[str, GroupTally]], tallies: GrowthTallies,
                      options: GrowthOptions, rules: MoneyRules,
                      business_amount: float | None) -> None:
    comparison = _conversion_reference(value, groups, tallies.business, options)
    if comparison is None or tally.decided == 0:
        return
    figure = tally.won / tally.decided
    reference = comparison.figure
    if figure >= reference:
        return
    interval = wilson_interval(tally.won, tally.decided, Z_95)
    assert interval is not None
    too_few = tally.decided < options.threshold
    says = (f"{_subject(dimension, value)}: {_percent(figure)} of "
            f"{f'{tally.decided} ' if too_few else ''}decided customers say yes "
            f"{_against(dimension, options.reference, comparison, _percent(reference))}")
    if too_few or interval[1] >= reference:
        why = (f"too few to judge (under {options.threshold} decided)" if too_few else
               f"the 95 % interval ({_percent(interval[0])}–{_percent(interval[1])}) still "
               "includes it")
        ranking.watch.append(WatchItem(
            dimension, value, Metric.CONVERSION, figure, reference, options.reference,
            comparison.sibling, tally.decided, interval,
            WatchReason.TOO_FEW if too_few else WatchReason.UNCLEAR, FACTORS[dimension],
            f"{says}{'' if too_few else f' (n = {tally.decided})'}: {why}."))
        return
    per_month = tally.decided / tallies.months
    won_per_month = (reference - figure) * per_month
    total, covered = _average_won_amount(tally, rules)
    amount = total / covered if covered >= MIN_WINS_FOR_OWN_AMOUNT else business_amount
    monthly = None if amount is None else won_per_month * amount
    worth = ("" if monthly is None
             else f", ≈ {_money(monthly)} {rules.base_currency}")
    ranking.levers.append(Lever(
        dimension, value, Metric.CONVERSION, figure, reference, options.reference,
        comparison.sibling, tally.decided, comparison.n, interval, per_month, won_per_month,
        monthly, rules.base_currency, _trend(tally, tallies.trend_labels, Metric.CONVERSION),
        FACTORS[dimension],
        f"{says} (n = {tally.decided}). Matching them would add about {_about(won_per_month)} "
        f"won deals a month{worth}."))


def _judge_length(ranking: _Ranking, dimension: Dimension, value: str, tally: GroupTally,
                  groups: Sequence[tuple[str, GroupTally]], pooled: _Sample,
                  tallies: GrowthTallies, options: GrowthOptions) -> None:
    own = _sample(tally)
    comparison = _length_reference(value, own, groups, pooled, tallies.business, options)
    if comparison is None or tally.timed == 0:
        return
    figure, reference = own.mean, comparison.figure
    if figure <= reference:
        return
    interval = None
    group = comparison.group
    assert group is not None
    if own.n >= 2 and group.n >= 2:
        interval = welch_interval(own.n, own.mean, own.variance, group.n, group.mean,
                                  group.variance)
    says = (f"{_subject(dimension, value)}: closed deals take {figure:.0f} days on average "
            f"{_against(dimension, options.reference, comparison, f'{reference:.0f} days')}"
            f" (n = {own.n} closed)")
    too_few = own.n < options.threshold
    if too_few or interval is None or interval[0] <= 0:
        why = (f"too few to judge (under {options.threshold} closed)" if too_few
               else "the difference cannot be estimated" if interval is None
               else f"the 95 % interval of the difference ({interval[0]:+.1f} to "
                    f"{interval[1]:+.1f} days) still includes 0")
        ranking.watch.append(WatchItem(
            dimension, value, Metric.DEAL_LENGTH, figure, reference, options.reference,
            comparison.sibling, own.n, interval,
            WatchReason.TOO_FEW if too_few else WatchReason.UNCLEAR, FACTORS[dimension],
            f"{says}: {why}."))
        return
    per_month = own.n / tallies.months
    days = (figure - reference) * per_month
    ranking.time_levers.append(Lever(
        dimension, value, Metric.DEAL_LENGTH, figure, reference, options.reference,
        comparison.sibling, own.n, comparison.n, interval, per_month, None, days, "days",
        _trend(tally, tallies.trend_labels, Metric.DEAL_LENGTH), FACTORS[dimension],
        f"{says}. Matching them would free about {_about(days)} deal-days a month."))


def rank_growth(tallies: GrowthTallies, options: GrowthOptions | None = None,
                money: MoneyRules | None = None) -> GrowthReport:
    """Judge every value against its reference and rank the levers (see the module's
    definitions); ``options`` must be those the tallies were counted with."""
    options = options or GrowthOptions()
    rules = money or MoneyRules()
    total, covered = _average_won_amount(tallies.business, rules)
    business_amount = total / covered if covered else None
    ranking = _Ranking()
    for dimension, groups in tallies.groups:
        # The deal lengths of all judged values together; a value's siblings are these
        # without its own.
        pooled = sum((_sample(t) for _, t in groups if t.timed >= options.threshold),
                     _Sample(0, 0, 0))
        for value, tally in groups:
            _judge_conversion(ranking, dimension, value, tally, groups, tallies, options, rules,
                              business_amount)
            _judge_length(ranking, dimension, value, tally, groups, pooled, tallies, options)
    position = {d: i for i, d in enumerate(GROWTH_DIMENSIONS)}

    def place(item: Lever | WatchItem) -> tuple[int, tuple[str, str]]:
        return position[item.dimension], value_order(item.value)

    levers = sorted(ranking.levers, key=lambda lv: (
        lv.monthly_value is None, -(lv.monthly_value or 0.0), -(lv.won_per_month or 0.0),
        place(lv)))
    time_levers = sorted(ranking.time_levers,
                         key=lambda lv: (-(lv.monthly_value or 0.0), place(lv)))
    watch = sorted(ranking.watch, key=lambda w: (*place(w), w.metric is Metric.DEAL_LENGTH))
    return GrowthReport(tuple(levers), tuple(time_levers), tuple(watch), tallies.dragging,
                        tallies.months, options.reference)


def reference_growth(deals: Iterable[Deal], today: dt.date, options: GrowthOptions | None = None,
                     money: MoneyRules | None = None) -> GrowthReport:
    """The growth report of some deals, computed deal by deal (the reference for the cache)."""
    options = options or GrowthOptions()
    return rank_growth(reference_growth_tallies(deals, today, options), options, money)
