"""Touchpoint audits (DESIGN.md §6, issue 17): a dated log of changes to the places a customer
meets the business, and conversion and deal length in equal windows before and after a change.

Definitions (where the issue left room, the choice is stated here):

* Windows: for a change on day D and a window of W days (default 90), "after" is D … D+W−1
  and "before" is D−W … D−1 (inclusive). When the after window would reach past today, both
  windows shrink to the days since the change (D … today), so they stay equal; a change dated
  after today has no windows yet.
* A window's figures are those of a slice over its dates (DESIGN.md §4): won, lost and
  conversion count the decided deals closed in it, deal length their known lengths. A change
  may concern part of the business (its scope: one value of a dimension, such as the channel
  "Website"); its windows then count only those deals.
* Conversion comes with its 95 % Wilson interval; the change in conversion (after − before)
  with Newcombe's hybrid score interval built from the two Wilson intervals. Average deal
  length comes with its 95 % Student t interval; the change with the 95 % Welch interval.
* A plain verdict ("conversion rose", "deals got shorter") is given only when the intervals
  allow one: both windows hold at least the "too few to judge" threshold of deals (decided
  deals for conversion, closed deals of known length for deal length) and the 95 % interval
  of the change excludes zero. Otherwise the sentence says why there is none.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from salesdesk.domain.deals import Deal
from salesdesk.domain.metrics import (
    DEFAULT_TOO_FEW,
    Tally,
    conversion,
    reference_length_histogram,
    tally,
    wilson_interval,
)
from salesdesk.domain.periods import Period
from salesdesk.domain.slice_spec import DIMENSION_LABELS
from salesdesk.domain.slices import Dimension, Slice
from salesdesk.domain.student_t import t_quantile, welch_interval
from salesdesk.i18n import translate

DEFAULT_TOUCHPOINTS = ("Price tags", "Seller uniforms", "Promotion sign-up", "Counters", "Logo",
                       "Presentations", "Website")
"""The handbook's touchpoints (DESIGN.md §6); migration m004 writes its own copy."""

DEFAULT_WINDOW_DAYS = 90
MAX_WINDOW_DAYS = 3660
SCOPE_DIMENSIONS: tuple[Dimension, ...] = (
    Dimension.CHANNEL, Dimension.PRODUCT, Dimension.REGION, Dimension.AUDIENCE, Dimension.REP,
    Dimension.CUSTOMER_TYPE)
"""The dimensions a change may be limited to."""
MAX_DESCRIPTION = 500


@dataclass(frozen=True, slots=True)
class Touchpoint:
    """A place the customer meets the business; retired ones are hidden from pickers."""

    name: str
    id: int | None = None
    retired: bool = False


@dataclass(frozen=True, slots=True)
class Scope:
    """The part of the business a change concerns: one value of a deal dimension."""

    dimension: Dimension
    value: str

    def describe(self) -> str:
        """E.g. "Channel: Website" (the dimension's name in the language shown)."""
        return translate("Scope", "{dimension}: {value}").format(
            dimension=translate("SliceSpec", DIMENSION_LABELS[self.dimension]), value=self.value)


@dataclass(frozen=True, slots=True)
class TouchpointChange:
    """A dated change to a touchpoint ("new price tags in shop 2", 2026-03-01)."""

    touchpoint: str
    changed_on: dt.date
    description: str
    scope: Scope | None = None
    id: int | None = None

    def describe(self) -> str:
        """One line: date, touchpoint, description and scope."""
        scope = f" ({self.scope.describe()})" if self.scope else ""
        return f"{self.changed_on.isoformat()} · {self.touchpoint}: {self.description}{scope}"


def check_change(touchpoint: str, changed_on: dt.date | None, description: str,
                 scope: Scope | None = None, *, change_id: int | None = None
                 ) -> tuple[TouchpointChange | None, dict[str, str]]:
    """A valid change, or the problems per field (touchpoint, date, description, scope)."""
    errors: dict[str, str] = {}
    name = " ".join(touchpoint.split())
    if not name:
        errors["touchpoint"] = translate("Touchpoints", "Choose the touchpoint that changed.")
    if changed_on is None:
        errors["date"] = translate("Touchpoints", "A change needs the date it took effect.")
    text = " ".join(description.split())
    if not text:
        errors["description"] = translate("Touchpoints",
                                          "Say what changed, e.g. \"new price tags in shop 2\".")
    elif len(text) > MAX_DESCRIPTION:
        errors["description"] = translate("Touchpoints", "At most {limit} characters.").format(
            limit=MAX_DESCRIPTION)
    if scope is not None:
        if scope.dimension not in SCOPE_DIMENSIONS:
            errors["scope"] = translate("Touchpoints", "A change can concern a channel, product,"
                                        " region, audience, salesperson or customer type.")
        elif not " ".join(scope.value.split()):
            errors["scope"] = translate("Touchpoints", "Choose the value the change concerns.")
        else:
            scope = Scope(scope.dimension, " ".join(scope.value.split()))
    if errors or changed_on is None:
        return None, errors
    return TouchpointChange(name, changed_on, text, scope, change_id), errors


# --- windows ------------------------------------------------------------------------------------


DateRange = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class Windows:
    """The equal windows before and after a change; ``days`` is their length, ``asked`` the
    length chosen (larger when the change is too recent for it)."""

    before: DateRange
    after: DateRange
    days: int
    asked: int

    @property
    def shortened(self) -> bool:
        """True when the windows are shorter than asked (a recent change)."""
        return self.days < self.asked


def windows(changed_on: dt.date, days: int, today: dt.date) -> Windows | None:
    """The windows of a change on ``changed_on`` (see the module docstring); None when the
    change is after today. ValueError for a window under 1 day or over MAX_WINDOW_DAYS."""
    if not 1 <= days <= MAX_WINDOW_DAYS:
        raise ValueError(translate("Touchpoints", "A window lasts from 1 to {limit} days.")
                         .format(limit=MAX_WINDOW_DAYS))
    elapsed = (today - changed_on).days + 1
    if elapsed < 1:
        return None
    used = min(days, elapsed)
    one = dt.timedelta(days=1)
    after = (changed_on, changed_on + dt.timedelta(days=used) - one)
    before = (changed_on - dt.timedelta(days=used), changed_on - one)
    return Windows(before, after, used, days)


def window_slice(change: TouchpointChange, dates: DateRange) -> Slice:
    """The slice a window counts: the change's scope over ``dates`` (by close date)."""
    filters = {} if change.scope is None else {
        change.scope.dimension: frozenset({change.scope.value})}
    return Slice(filters, Period.between(*dates))


# --- figures of a window -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LengthSample:
    """Count, sum and sum of squares of deal lengths in days."""

    n: int = 0
    total: int = 0
    squares: int = 0

    @classmethod
    def of_histogram(cls, lengths: Mapping[int, int]) -> LengthSample:
        """From deal length → number of deals."""
        return cls(sum(lengths.values()), sum(d * c for d, c in lengths.items()),
                   sum(d * d * c for d, c in lengths.items()))

    @property
    def mean(self) -> float | None:
        """The average length; None without deals."""
        return None if self.n == 0 else self.total / self.n

    @property
    def variance(self) -> float | None:
        """The sample variance; None under two deals."""
        if self.n < 2:
            return None
        return (self.n * self.squares - self.total * self.total) / (self.n * (self.n - 1))

    def interval(self) -> tuple[float, float] | None:
        """The 95 % Student t interval of the mean; None under two deals."""
        mean, variance = self.mean, self.variance
        if mean is None or variance is None:
            return None
        half = t_quantile(0.975, self.n - 1) * math.sqrt(variance / self.n)
        return mean - half, mean + half


@dataclass(frozen=True, slots=True)
class WindowFigures:
    """A window's figures: conversion with its interval and n (decided deals), average deal
    length with its interval and n (closed deals of known length)."""

    start: dt.date
    end: dt.date
    won: int
    lost: int
    conversion: float | None
    conversion_low: float | None
    conversion_high: float | None
    length_n: int
    avg_length_days: float | None
    length_low: float | None
    length_high: float | None
    lengths: LengthSample
    threshold: int

    @property
    def decided(self) -> int:
        """Won plus lost deals."""
        return self.won + self.lost

    @property
    def too_few(self) -> bool:
        """Fewer decided deals than the "too few to judge" threshold."""
        return self.decided < self.threshold


def window_figures(dates: DateRange, counts: Tally, lengths: Mapping[int, int],
                   threshold: int = DEFAULT_TOO_FEW) -> WindowFigures:
    """The figures of a window from its tally and its deal-length histogram."""
    interval = wilson_interval(counts.won, counts.decided)
    sample = LengthSample.of_histogram(lengths)
    length_interval = sample.interval()
    return WindowFigures(
        start=dates[0], end=dates[1], won=counts.won, lost=counts.lost,
        conversion=conversion(counts.won, counts.lost),
        conversion_low=None if interval is None else interval[0],
        conversion_high=None if interval is None else interval[1],
        length_n=sample.n, avg_length_days=sample.mean,
        length_low=None if length_interval is None else length_interval[0],
        length_high=None if length_interval is None else length_interval[1],
        lengths=sample, threshold=threshold)


# --- before against after ------------------------------------------------------------------------


def newcombe_interval(won1: int, n1: int, won2: int, n2: int) -> tuple[float, float] | None:
    """The 95 % interval of p2 − p1 (Newcombe's hybrid score method, from the two Wilson
    intervals); None when either sample is empty."""
    first, second = wilson_interval(won1, n1), wilson_interval(won2, n2)
    if first is None or second is None:
        return None
    p1, p2 = won1 / n1, won2 / n2
    (l1, u1), (l2, u2) = first, second
    difference = p2 - p1
    return (difference - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
            difference + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2))


@dataclass(frozen=True, slots=True)
class Effect:
    """How one figure moved from the before window to the after window.

    ``difference`` is after − before (a fraction for conversion, days for deal length), with
    its 95 % interval; ``verdict`` is a plain sentence when the intervals allow one (None
    otherwise), ``note`` says what the figures show either way, ``why_not`` in one short
    sentence why there is no verdict ("No verdict on conversion: too few decided deals.").
    The sentences are in the language shown.
    """

    metric: str
    difference: float | None
    low: float | None
    high: float | None
    verdict: str | None
    note: str
    why_not: str = ""

    @property
    def short(self) -> str:
        """The verdict, or in a few words why there is none."""
        return self.verdict or self.why_not


def _signed(value: float, digits: int) -> str:
    """A signed number with a true minus sign; zero without a sign."""
    text = f"{abs(value):.{digits}f}"
    if float(text) == 0:
        return text
    return ("+" if value > 0 else "−") + text


def _points(value: float) -> str:
    return _signed(value * 100, 0)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def _days(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"


def conversion_effect(before: WindowFigures, after: WindowFigures) -> Effect:
    """The change in conversion and, when the intervals allow, the verdict."""
    metric = "conversion"
    if before.conversion is None or after.conversion is None:
        return Effect(metric, None, None, None, None,
                      translate("Touchpoints",
                                "No verdict on conversion: a window has no decided deal."),
                      translate("Touchpoints",
                                "No verdict on conversion: a window has no decided deal."))
    difference = after.conversion - before.conversion
    interval = newcombe_interval(before.won, before.decided, after.won, after.decided)
    assert interval is not None
    low, high = interval
    moved = translate("Touchpoints", "{before} → {after} ({change} points; likely range {low}"
                                     " to {high})").format(
        before=_percent(before.conversion), after=_percent(after.conversion),
        change=_points(difference), low=_points(low), high=_points(high))
    if before.too_few or after.too_few:
        return Effect(metric, difference, low, high, None,
                      translate("Touchpoints", "No verdict on conversion: too few decided deals"
                                " ({before} before, {after} after; {needed} needed in each"
                                " window): {moved}.").format(
                          before=before.decided, after=after.decided,
                          needed=before.threshold, moved=moved),
                      translate("Touchpoints",
                                "No verdict on conversion: too few decided deals."))
    if low > 0:
        return Effect(metric, difference, low, high,
                      translate("Touchpoints", "Conversion rose after the change: {moved}.")
                      .format(moved=moved), moved)
    if high < 0:
        return Effect(metric, difference, low, high,
                      translate("Touchpoints", "Conversion fell after the change: {moved}.")
                      .format(moved=moved), moved)
    return Effect(metric, difference, low, high, None,
                  translate("Touchpoints", "No verdict on conversion: {moved}; the likely range"
                                           " includes no change.").format(moved=moved),
                  translate("Touchpoints", "No verdict on conversion: the likely range includes"
                                           " no change."))


def length_effect(before: WindowFigures, after: WindowFigures) -> Effect:
    """The change in average deal length and, when the intervals allow, the verdict."""
    metric = "deal length"
    b, a = before.lengths, after.lengths
    if b.mean is None or a.mean is None:
        return Effect(metric, None, None, None, None,
                      translate("Touchpoints", "No verdict on deal length: a window has no"
                                               " closed deal of known length."),
                      translate("Touchpoints",
                                "No verdict on deal length: a window has no closed deal."))
    difference = a.mean - b.mean
    interval = None
    if b.variance is not None and a.variance is not None:
        interval = welch_interval(a.n, a.mean, a.variance, b.n, b.mean, b.variance)
    if interval is None:
        return Effect(metric, difference, None, None, None,
                      translate("Touchpoints", "No verdict on deal length: {before} → {after}"
                                " days on average ({change} days); a window has under two"
                                " deals.").format(before=_days(b.mean), after=_days(a.mean),
                                                  change=_signed(difference, 1)),
                      translate("Touchpoints",
                                "No verdict on deal length: a window has under two deals."))
    low, high = interval
    moved = translate("Touchpoints", "{before} → {after} days on average ({change} days;"
                                     " likely range {low} to {high})").format(
        before=_days(b.mean), after=_days(a.mean), change=_signed(difference, 1),
        low=_signed(low, 1), high=_signed(high, 1))
    if b.n < before.threshold or a.n < after.threshold:
        return Effect(metric, difference, low, high, None,
                      translate("Touchpoints", "No verdict on deal length: too few closed deals"
                                " ({before} before, {after} after; {needed} needed in each"
                                " window): {moved}.").format(
                          before=b.n, after=a.n, needed=before.threshold, moved=moved),
                      translate("Touchpoints",
                                "No verdict on deal length: too few closed deals."))
    if high < 0:
        return Effect(metric, difference, low, high,
                      translate("Touchpoints", "Deals got shorter after the change: {moved}.")
                      .format(moved=moved), moved)
    if low > 0:
        return Effect(metric, difference, low, high,
                      translate("Touchpoints", "Deals got longer after the change: {moved}.")
                      .format(moved=moved), moved)
    return Effect(metric, difference, low, high, None,
                  translate("Touchpoints", "No verdict on deal length: {moved}; the likely range"
                                           " includes no change.").format(moved=moved),
                  translate("Touchpoints", "No verdict on deal length: the likely range"
                                           " includes no change."))


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    """A change with its windows' figures and the two effects."""

    change: TouchpointChange
    windows: Windows
    before: WindowFigures
    after: WindowFigures
    conversion: Effect
    length: Effect

    @property
    def verdicts(self) -> tuple[str, ...]:
        """The verdicts the intervals allow (none, one or two)."""
        return tuple(e.verdict for e in (self.conversion, self.length) if e.verdict)


def before_after(change: TouchpointChange, spans: Windows,
                 before: tuple[Tally, Mapping[int, int]],
                 after: tuple[Tally, Mapping[int, int]],
                 threshold: int = DEFAULT_TOO_FEW) -> BeforeAfter:
    """Compare a change's windows from each window's tally and deal-length histogram."""
    first = window_figures(spans.before, *before, threshold=threshold)
    second = window_figures(spans.after, *after, threshold=threshold)
    return BeforeAfter(change, spans, first, second, conversion_effect(first, second),
                       length_effect(first, second))


def reference_before_after(deals: Iterable[Deal], change: TouchpointChange, days: int,
                           today: dt.date, threshold: int = DEFAULT_TOO_FEW,
                           stages: Sequence[str] = ()) -> BeforeAfter | None:
    """The comparison deal by deal (the analytics cache must give the same); None when the
    change is after today."""
    spans = windows(change.changed_on, days, today)
    if spans is None:
        return None
    chosen = list(deals)
    parts = []
    for dates in (spans.before, spans.after):
        sl = window_slice(change, dates)
        matching = [d for d in chosen if sl.matches(d, tuple(stages))]
        parts.append((tally(matching, sl.period),
                      reference_length_histogram(matching, sl, stages)))
    return before_after(change, spans, parts[0], parts[1], threshold)
