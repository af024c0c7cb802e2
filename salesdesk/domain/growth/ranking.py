"""The ranked growth points: from the tallies to levers, the watch list and their plain
explanations (the same step for the reference and the analytics cache)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from salesdesk.domain.deals import Deal
from salesdesk.domain.growth.tallies import (
    FACTORS,
    GROWTH_DIMENSIONS,
    MIN_WINS_FOR_OWN_AMOUNT,
    DraggingDeals,
    Factor,
    GroupTally,
    GrowthOptions,
    GrowthTallies,
    Metric,
    Reference,
    WatchReason,
    percent_text,
    reference_growth_tallies,
    value_order,
)
from salesdesk.domain.metrics import (
    Z_95,
    MoneyRules,
    to_base,
    wilson_interval,
)
from salesdesk.domain.slice_spec import value_label
from salesdesk.domain.slices import Dimension
from salesdesk.domain.student_t import welch_interval
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate


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


# The dimensions in the explanations' sentences: (singular, plural, the subject "Channel 'Web'").
_LABELS: dict[Dimension, tuple[str, str, str]] = {
    Dimension.CUSTOMER_TYPE: (QT_TRANSLATE_NOOP("Ranking", "customer type"),
                              QT_TRANSLATE_NOOP("Ranking", "customer types"),
                              QT_TRANSLATE_NOOP("Ranking", "Customer type '{value}'")),
    Dimension.CHANNEL: (QT_TRANSLATE_NOOP("Ranking", "channel"),
                        QT_TRANSLATE_NOOP("Ranking", "channels"),
                        QT_TRANSLATE_NOOP("Ranking", "Channel '{value}'")),
    Dimension.PRODUCT: (QT_TRANSLATE_NOOP("Ranking", "product"),
                        QT_TRANSLATE_NOOP("Ranking", "products"),
                        QT_TRANSLATE_NOOP("Ranking", "Product '{value}'")),
    Dimension.AUDIENCE: (QT_TRANSLATE_NOOP("Ranking", "target audience"),
                         QT_TRANSLATE_NOOP("Ranking", "target audiences"),
                         QT_TRANSLATE_NOOP("Ranking", "Target audience '{value}'")),
    Dimension.REGION: (QT_TRANSLATE_NOOP("Ranking", "region"),
                       QT_TRANSLATE_NOOP("Ranking", "regions"),
                       QT_TRANSLATE_NOOP("Ranking", "Region '{value}'")),
    Dimension.REP: (QT_TRANSLATE_NOOP("Ranking", "salesperson"),
                    QT_TRANSLATE_NOOP("Ranking", "salespeople"),
                    QT_TRANSLATE_NOOP("Ranking", "Salesperson '{value}'")),
}


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
    singular, plural, _ = _LABELS[dimension]
    if reference is Reference.MEDIAN:
        return translate("Ranking", "against a median of {figure} for the other {dimension}"
                         ).format(figure=figure, dimension=translate("Ranking", plural))
    if reference is Reference.BEST:
        return translate("Ranking", "against {figure} for the best other {dimension},"
                         " '{value}'").format(
            figure=figure, dimension=translate("Ranking", singular),
            value=value_label(dimension, comparison.sibling))
    return translate("Ranking", "against the business average of {figure}").format(
        figure=figure)


def _subject(dimension: Dimension, value: str) -> str:
    return translate("Ranking", _LABELS[dimension][2]).format(
        value=value_label(dimension, value))


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
    against = _against(dimension, options.reference, comparison, percent_text(reference))
    if too_few:
        says = translate("Ranking", "{subject}: {figure} of {count} decided customers say yes"
                         " {against}").format(subject=_subject(dimension, value),
                                              figure=percent_text(figure), count=tally.decided,
                                              against=against)
    else:
        says = translate("Ranking", "{subject}: {figure} of decided customers say yes"
                         " {against}").format(subject=_subject(dimension, value),
                                              figure=percent_text(figure), against=against)
    if too_few or interval[1] >= reference:
        why = (translate("Ranking", "too few to judge (under {threshold} decided)").format(
                   threshold=options.threshold) if too_few else
               translate("Ranking", "the 95 % interval ({low}–{high}) still includes it").format(
                   low=percent_text(interval[0]), high=percent_text(interval[1])))
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
    if monthly is None:
        gain = translate("Ranking", "Matching them would add about {count} won deals a month.")
    else:
        gain = translate("Ranking", "Matching them would add about {count} won deals a month,"
                         " ≈ {amount} {currency}.")
    gain = gain.format(count=_about(won_per_month), amount=_money(monthly or 0.0),
                       currency=rules.base_currency)
    ranking.levers.append(Lever(
        dimension, value, Metric.CONVERSION, figure, reference, options.reference,
        comparison.sibling, tally.decided, comparison.n, interval, per_month, won_per_month,
        monthly, rules.base_currency, _trend(tally, tallies.trend_labels, Metric.CONVERSION),
        FACTORS[dimension],
        f"{says} (n = {tally.decided}). {gain}"))


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
    reference_days = translate("Ranking", "{days} days").format(days=f"{reference:.0f}")
    says = translate("Ranking", "{subject}: closed deals take {days} days on average {against}"
                     " (n = {count} closed)").format(
        subject=_subject(dimension, value), days=f"{figure:.0f}",
        against=_against(dimension, options.reference, comparison, reference_days),
        count=own.n)
    too_few = own.n < options.threshold
    if too_few or interval is None or interval[0] <= 0:
        why = (translate("Ranking", "too few to judge (under {threshold} closed)").format(
                   threshold=options.threshold) if too_few
               else translate("Ranking", "the difference cannot be estimated")
               if interval is None
               else translate("Ranking", "the 95 % interval of the difference ({low} to {high}"
                              " days) still includes 0").format(
                   low=f"{interval[0]:+.1f}", high=f"{interval[1]:+.1f}"))
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
        f"{says}. " + translate("Ranking", "Matching them would free about {count} deal-days"
                                " a month.").format(count=_about(days))))


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
