"""The metric definitions of DESIGN.md §4, in plain Python: the reference the cache must equal.

Figures are computed in two steps. First the deals of a slice are reduced to integers — a
:class:`Tally` (counts, sums of days, the middle deal lengths, money per currency in minor
units) or a :class:`FunnelTally`. Then :func:`figures` and :func:`funnel_figures` turn those
integers into rates, averages, intervals and base-currency amounts. The analytics cache
produces the same integers with numpy and calls the same second step, so cache and reference
agree exactly; the reference here is slow and written to be obviously right.

Definitions:

* Conversion = won ÷ (won + lost); open deals have not decided and are left out. With no
  decided deal it is undefined (None), never 0. It comes with n (decided deals), a 95 % Wilson
  interval and a "too few to judge" flag under the file's threshold (default 20 decided).
* Deal length of a closed (won or lost) deal = closed_on − first_contact in days (same day = 0).
  Average = sum of those days ÷ number of closed deals (20, 30, 40 → 30); also the median and
  the won-only / lost-only averages. A decided deal whose close date or first contact is
  unknown (imported from a file that lacks it) counts in conversion but not in deal length:
  ``length_unknown`` counts those, and the lengths are over the others.
* Periods: won, lost, conversion and deal length count the deals closed in the period; the
  open count is the deals open at its end (first contact on or before it, or none yet, and not
  closed by then); deals = won + lost + open. A decided deal without a close date belongs to
  no period by close date: it counts under all time only (and is never open). The cohort
  switch counts instead the deals first contacted in the period, by their outcome today (a
  deal without a first contact belongs to the all-time cohort only).
* Money: amounts are integer minor units of each deal's currency; figures are in major units
  of the base currency, over the deals whose amount is known (``amount_unknown`` counts the
  others) and whose currency has an exchange rate (``amount_left_out`` counts the others).
* Funnel: the deals that reached each stage — a deal at stage k has passed stages 1..k (a
  skipped stage counts as passed), one without a known stage counts at the first stage only,
  and a won deal has passed every stage — then won as the last step; step conversion =
  reached(k+1) ÷ reached(k), by count and by amount. The funnel counts the slice's deals
  (closed in the period or open at its end; with the cohort switch, first contacted in it).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from statistics import NormalDist

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.periods import Period, bucket_number, bucket_range
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slices import (
    Dimension,
    GroupKey,
    Query,
    Slice,
    deal_value,
    ordered,
    time_number,
    time_value,
)

Z_95 = NormalDist().inv_cdf(0.975)
"""The standard normal quantile of a two-sided 95 % interval (1.959963984540054)."""

DEFAULT_TOO_FEW = 20


# --- integers: what a slice reduces to --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MoneyTally:
    """Amounts of some deals: how many had no amount, and per currency (sorted by code) the
    number of deals with an amount and the sum of their minor units."""

    unknown: int = 0
    by_currency: tuple[tuple[str, int, int], ...] = ()

    @classmethod
    def of(cls, amounts: Iterable[tuple[str, int | None]]) -> MoneyTally:
        """Tally (currency, amount in minor units or None) pairs."""
        unknown = 0
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for currency, amount in amounts:
            if amount is None:
                unknown += 1
            else:
                entry = sums[currency]
                entry[0] += 1
                entry[1] += amount
        return cls(unknown, tuple((c, n, s) for c, (n, s) in sorted(sums.items())))


@dataclass(frozen=True, slots=True)
class Tally:
    """The integers behind a slice's figures.

    ``open`` counts deals open at the period's end, ``won``/``lost`` those closed in it;
    ``won_days``/``lost_days`` sum their known deal lengths; ``middle_days`` holds the two
    middle known deal lengths in ascending order (the same value twice for an odd count; None
    without any); ``won_money`` tallies the won deals' amounts;
    ``won_length_unknown``/``lost_length_unknown`` count the won/lost deals whose length is
    unknown (close date or first contact missing).
    """

    open: int = 0
    won: int = 0
    lost: int = 0
    won_days: int = 0
    lost_days: int = 0
    middle_days: tuple[int, int] | None = None
    won_money: MoneyTally = field(default_factory=MoneyTally)
    won_length_unknown: int = 0
    lost_length_unknown: int = 0

    @property
    def decided(self) -> int:
        """Won plus lost deals."""
        return self.won + self.lost

    @property
    def deals(self) -> int:
        """Won, lost and open deals."""
        return self.won + self.lost + self.open

    @property
    def length_unknown(self) -> int:
        """Decided deals whose length is unknown (left out of deal length)."""
        return self.won_length_unknown + self.lost_length_unknown


def middle_pair(sorted_values: Sequence[int]) -> tuple[int, int] | None:
    """The two middle values of an ascending sequence (equal for an odd length); None if empty."""
    if not sorted_values:
        return None
    n = len(sorted_values)
    return sorted_values[(n - 1) // 2], sorted_values[n // 2]


def deal_length(first_contact: dt.date, closed_on: dt.date) -> int:
    """Days from first contact to close (closed on the day of first contact = 0)."""
    return (closed_on - first_contact).days


def known_length(deal: Deal) -> int | None:
    """A decided deal's length in days, None when its first contact or close is unknown."""
    if deal.first_contact is None or deal.closed_on is None:
        return None
    return deal_length(deal.first_contact, deal.closed_on)


# --- turning integers into figures ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MoneyRules:
    """How amounts become base-currency figures.

    ``rates`` maps a currency to the base units one unit of it is worth (the base currency is
    always 1); ``digits`` gives each currency's number of decimal places, from a currency
    library read outside domain. A currency without a rate (or without known digits) is left
    out of money figures.
    """

    base_currency: str = "EUR"
    rates: Mapping[str, float] = field(default_factory=dict)
    digits: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, settings: BusinessSettings, digits: Mapping[str, int]) -> MoneyRules:
        """A file's base currency and exchange rates, with each currency's decimal places
        (``digits``, from the currency library)."""
        return cls(settings.base_currency, dict(settings.exchange_rates), dict(digits))

    def rate(self, currency: str) -> Fraction | None:
        """The exact rate to the base currency, or None when the currency is left out."""
        if currency not in self.digits:
            return None
        if currency == self.base_currency:
            return Fraction(1)
        rate = self.rates.get(currency)
        if rate is None or isinstance(rate, bool) or not math.isfinite(rate) or rate <= 0:
            return None
        return Fraction(rate)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in major units of the base currency and the deals it could not include."""

    amount: float = 0.0
    unknown: int = 0
    left_out: int = 0


def to_base(money: MoneyTally, rules: MoneyRules) -> Money:
    """Sum a money tally in the base currency, exactly, rounded once at the end."""
    total = Fraction(0)
    left_out = 0
    for currency, count, minor in money.by_currency:
        rate = rules.rate(currency)
        if rate is None:
            left_out += count
        else:
            total += Fraction(minor, 10 ** rules.digits[currency]) * rate
    return Money(float(total), money.unknown, left_out)


def wilson_interval(successes: int, n: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (None when n is 0).

    With no success the lower bound is exactly 0, with only successes the upper is exactly 1.
    """
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError("successes must lie between 0 and n")
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def conversion(won: int, lost: int) -> float | None:
    """won ÷ (won + lost); None when nobody decided."""
    decided = won + lost
    return None if decided == 0 else won / decided


def average(total: int, count: int) -> float | None:
    """total ÷ count; None for no items."""
    return None if count == 0 else total / count


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one slice or group, as the report prints them (None: undefined)."""

    deals: int
    open: int
    won: int
    lost: int
    decided: int
    conversion: float | None
    conversion_low: float | None
    conversion_high: float | None
    too_few: bool
    avg_deal_length_days: float | None
    median_deal_length_days: float | None
    avg_deal_length_won_days: float | None
    avg_deal_length_lost_days: float | None
    won_amount: float
    amount_unknown: int
    amount_left_out: int
    length_unknown: int


def figures(tally: Tally, *, threshold: int = DEFAULT_TOO_FEW,
            money: MoneyRules | None = None) -> Figures:
    """The figures of a tally; ``threshold`` is the "too few to judge" number of decided deals."""
    interval = wilson_interval(tally.won, tally.decided)
    middle = tally.middle_days
    won_money = to_base(tally.won_money, money or MoneyRules())
    return Figures(
        deals=tally.deals,
        open=tally.open,
        won=tally.won,
        lost=tally.lost,
        decided=tally.decided,
        conversion=conversion(tally.won, tally.lost),
        conversion_low=None if interval is None else interval[0],
        conversion_high=None if interval is None else interval[1],
        too_few=tally.decided < threshold,
        avg_deal_length_days=average(tally.won_days + tally.lost_days,
                                     tally.decided - tally.length_unknown),
        median_deal_length_days=None if middle is None else (middle[0] + middle[1]) / 2,
        avg_deal_length_won_days=average(tally.won_days, tally.won - tally.won_length_unknown),
        avg_deal_length_lost_days=average(tally.lost_days,
                                          tally.lost - tally.lost_length_unknown),
        won_amount=won_money.amount,
        amount_unknown=won_money.unknown,
        amount_left_out=won_money.left_out,
        length_unknown=tally.length_unknown,
    )


# --- the reference: slices of plain Deal objects ----------------------------------------------


def counted_as(deal: Deal, period: Period, cohort: bool) -> Outcome | None:
    """How a deal counts in a period: won or lost (closed in it), open (open at its end), or
    not at all. With ``cohort``: by its outcome today when first contacted in the period. A
    decided deal without a close date counts under all time only."""
    if cohort:
        return deal.outcome if period.holds_first_contact(deal.first_contact) else None
    if deal.outcome.is_closed and deal.closed_on is None:
        return deal.outcome if period.is_all_time else None
    if deal.outcome.is_closed and deal.closed_on in period:
        return deal.outcome
    if period.open_at_end(deal.first_contact, deal.closed_on):
        return Outcome.OPEN
    return None


def tally(deals: Iterable[Deal], period: Period = Period(), cohort: bool = False) -> Tally:
    """Reduce deals to the integers of their figures over ``period``."""
    counts = {Outcome.OPEN: 0, Outcome.WON: 0, Outcome.LOST: 0}
    days = {Outcome.WON: 0, Outcome.LOST: 0}
    unknown = {Outcome.WON: 0, Outcome.LOST: 0}
    lengths: list[int] = []
    won_amounts: list[tuple[str, int | None]] = []
    for deal in deals:
        outcome = counted_as(deal, period, cohort)
        if outcome is None:
            continue
        counts[outcome] += 1
        if outcome is Outcome.OPEN:
            continue
        length = known_length(deal)
        if length is None:
            unknown[outcome] += 1
        else:
            days[outcome] += length
            lengths.append(length)
        if outcome is Outcome.WON:
            won_amounts.append((deal.currency, deal.amount))
    return Tally(
        open=counts[Outcome.OPEN],
        won=counts[Outcome.WON],
        lost=counts[Outcome.LOST],
        won_days=days[Outcome.WON],
        lost_days=days[Outcome.LOST],
        middle_days=middle_pair(sorted(lengths)),
        won_money=MoneyTally.of(won_amounts),
        won_length_unknown=unknown[Outcome.WON],
        lost_length_unknown=unknown[Outcome.LOST],
    )


@dataclass(frozen=True, slots=True)
class SliceResult:
    """A query's answer: the whole slice and its groups in report order."""

    by: tuple[Dimension, ...]
    overall: Tally
    groups: tuple[tuple[GroupKey, Tally], ...] = ()


def candidate_buckets(deals: Iterable[Deal], dimension: Dimension, period: Period) -> list[int]:
    """The months/quarters a closes-in-period report lists: from the earliest to the latest
    first-contact or close date of the deals, those that overlap the period."""
    bucket = dimension.bucket
    assert bucket is not None
    dates = [d for deal in deals for d in (deal.first_contact, deal.closed_on) if d is not None]
    if not dates:
        return []
    first, last = bucket_number(bucket, min(dates)), bucket_number(bucket, max(dates))
    return [n for n in range(first, last + 1)
            if not period.intersect(Period.between(*bucket_range(bucket, n))).is_empty]


def reference_result(deals: Iterable[Deal], query: Query, stages: Sequence[str] = ()
                     ) -> SliceResult:
    """Answer ``query`` over ``deals`` deal by deal; ``stages`` is the pipeline order (a deal
    without a stage is at the first one).

    Groups with no deal counted are not listed. Grouped by month or quarter, each group counts
    over the period's part in that month (closes in it, open at its end); with the cohort
    switch, by the month of first contact (None for deals without one).
    """
    stage_names = tuple(stages)
    sl = query.slice
    chosen = [deal for deal in deals if sl.matches(deal, stage_names)]
    overall = tally(chosen, sl.period, sl.cohort)
    if not query.by:
        return SliceResult((), overall)
    time_dim = query.time_dimension

    def key_of(deal: Deal, time_label: str | None) -> GroupKey:
        return tuple(time_label if d.is_time else deal_value(deal, d, stage_names)
                     for d in query.by)

    members: dict[GroupKey, list[Deal]] = defaultdict(list)
    periods: dict[GroupKey, Period] = {}
    if time_dim is None:
        for deal in chosen:
            members[key_of(deal, None)].append(deal)
    elif sl.cohort:
        for deal in chosen:
            if sl.period.holds_first_contact(deal.first_contact):
                first = deal.first_contact
                label = None if first is None else time_value(time_dim, time_number(time_dim,
                                                                                    first))
                members[key_of(deal, label)].append(deal)
    else:
        bucket = time_dim.bucket
        assert bucket is not None
        for number in candidate_buckets(chosen, time_dim, sl.period):
            part = sl.period.intersect(Period.between(*bucket_range(bucket, number)))
            label = time_value(time_dim, number)
            for deal in chosen:
                key = key_of(deal, label)
                members[key].append(deal)
                periods[key] = part
    tallies = {key: tally(group, periods.get(key, sl.period), sl.cohort)
               for key, group in members.items()}
    kept = [(key, t) for key, t in tallies.items() if t.deals > 0]
    order = ordered(query.by, ((key, t.decided) for key, t in kept))
    return SliceResult(query.by, overall, tuple((key, tallies[key]) for key in order))


def reference_length_histogram(deals: Iterable[Deal], sl: Slice, stages: Sequence[str] = ()
                               ) -> dict[int, int]:
    """Deal length in days → number of closed deals a slice counts, deal by deal.

    The deals are those whose won/lost counts the slice's figures hold (closed in the period;
    with the cohort switch, first contacted in it and closed by now) and whose length is
    known, so the histogram sums to the slice's decided deals minus ``length_unknown``. Lengths
    are listed in ascending order; absent lengths are left out.
    """
    stage_names = tuple(stages)
    counts: dict[int, int] = defaultdict(int)
    for deal in deals:
        if not sl.matches(deal, stage_names):
            continue
        outcome = counted_as(deal, sl.period, sl.cohort)
        length = known_length(deal)
        if outcome is None or outcome is Outcome.OPEN or length is None:
            continue
        counts[length] += 1
    return dict(sorted(counts.items()))


# --- the funnel -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FunnelTally:
    """The integers behind a funnel: per stage (pipeline order) the deals that reached it and
    their amounts, then the won deals."""

    stages: tuple[str, ...] = ()
    reached: tuple[int, ...] = ()
    reached_money: tuple[MoneyTally, ...] = ()
    won: int = 0
    won_money: MoneyTally = field(default_factory=MoneyTally)


def stage_position(deal: Deal, stages: Sequence[str], status: Outcome | None = None) -> int:
    """How far a deal got: its stage's index; the first stage when it has no known stage;
    the last when it was won (winning passes every stage). ``status`` is how the deal counts
    in the period (see :func:`counted_as`; default its outcome today): a deal won after the
    period's end was open at that end, and stands at its stage."""
    if (deal.outcome if status is None else status) is Outcome.WON:
        return len(stages) - 1
    if deal.stage is None:
        return 0
    folded = [s.casefold() for s in stages]
    key = deal.stage.casefold()
    return folded.index(key) if key in folded else 0


def counted_deals(deals: Iterable[Deal], sl: Slice, stages: Sequence[str]) -> list[Deal]:
    """The deals behind a slice's figures: those passing its filters that count in its period
    (closed in it, or open at its end; with the cohort switch, first contacted in it)."""
    stage_names = tuple(stages)
    return [deal for deal in deals if sl.matches(deal, stage_names)
            and counted_as(deal, sl.period, sl.cohort) is not None]


def reference_funnel(deals: Iterable[Deal], sl: Slice, stages: Sequence[str]) -> FunnelTally:
    """The funnel of a slice's deals, deal by deal, each with the status it counts with in
    the period (:func:`counted_as`): by close date, a deal won after the period's end was
    open at that end and is not among its won, as in the headline figures."""
    stage_names = tuple(stages)
    counted = [(deal, status) for deal in deals if sl.matches(deal, stage_names)
               and (status := counted_as(deal, sl.period, sl.cohort)) is not None]
    reached: list[int] = []
    money: list[MoneyTally] = []
    for k in range(len(stage_names)):
        passed = [deal for deal, status in counted
                  if stage_position(deal, stage_names, status) >= k]
        reached.append(len(passed))
        money.append(MoneyTally.of((deal.currency, deal.amount) for deal in passed))
    won = [deal for deal, status in counted if status is Outcome.WON]
    return FunnelTally(stage_names, tuple(reached), tuple(money), len(won),
                       MoneyTally.of((deal.currency, deal.amount) for deal in won))


@dataclass(frozen=True, slots=True)
class FunnelStep:
    """One step of the funnel: a stage (or "won", the last step).

    ``conversion`` is this step's deals ÷ the previous step's (None for the first step or after
    an empty step); ``amount_conversion`` the same by base-currency amount.
    """

    name: str
    deals: int
    amount: float
    amount_unknown: int
    amount_left_out: int
    conversion: float | None
    amount_conversion: float | None
    is_won: bool = False


def funnel_figures(funnel: FunnelTally, money: MoneyRules | None = None) -> list[FunnelStep]:
    """The funnel's steps: each stage, then won."""
    rules = money or MoneyRules()
    raw = [*zip(funnel.stages, funnel.reached, funnel.reached_money, strict=True),
           ("won", funnel.won, funnel.won_money)]
    steps: list[FunnelStep] = []
    previous: tuple[int, float] | None = None
    for index, (name, count, tally_) in enumerate(raw):
        amount = to_base(tally_, rules)
        steps.append(FunnelStep(
            name=name,
            deals=count,
            amount=amount.amount,
            amount_unknown=amount.unknown,
            amount_left_out=amount.left_out,
            conversion=None if previous is None or previous[0] == 0 else count / previous[0],
            amount_conversion=(None if previous is None or previous[1] == 0
                               else amount.amount / previous[1]),
            is_won=index == len(raw) - 1,
        ))
        previous = (count, amount.amount)
    return steps
