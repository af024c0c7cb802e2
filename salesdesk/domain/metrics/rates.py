"""Turning a slice's integers into figures (DESIGN.md §4): conversion with its Wilson interval,
average and median deal lengths, and money in the base currency."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from statistics import NormalDist

from salesdesk.domain.metrics.tallies import MoneyTally, Tally
from salesdesk.domain.settings import BusinessSettings

Z_95 = NormalDist().inv_cdf(0.975)
"""The standard normal quantile of a two-sided 95 % interval (1.959963984540054)."""

DEFAULT_TOO_FEW = 20


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
