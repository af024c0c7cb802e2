"""One deal of the sample business at a time (:class:`DealMaker`), with its stage history.

A deal's outcome, length, amount and path through the stages are drawn from the business's
make-up (:mod:`~salesdesk.domain.demo_business`): the rep's conversion moved by the product,
channel, region and a returning client on the log-odds scale, looked up in tables built once.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

from salesdesk.domain.deals import DEFAULT_LOST_REASONS, DEFAULT_STAGES, Deal, Outcome, StageEvent
from salesdesk.domain.demo_business import (
    BASE_CURRENCY,
    CHANNELS,
    DEMO_DAYS,
    EXPECTED_CLOSE_SHARE,
    IN_FLIGHT_DAYS,
    LENGTH_FACTORS,
    LOST_LENGTH,
    LOST_PATHS,
    LOST_REASON_WEIGHTS,
    MIX_LIFT,
    NEXT_STEP_SHARE,
    NEXT_STEPS,
    NO_REASON_SHARE,
    PRODUCTS,
    QUANTILES,
    REGIONS,
    REPS,
    RETURNING_EFFECT,
    STALE_PATHS,
    STALE_SHARE,
    UNKNOWN_AMOUNT_SHARE,
    WEBSITE_CHANGE_DAYS_AGO,
    WEBSITE_CHANNEL,
    WEBSITE_EFFECT,
    WON_PATHS,
    Audience,
    Option,
    Rep,
)

T = TypeVar("T")


class Weighted(Generic[T]):
    """Values with weights, drawn one at a time by ``bisect`` on the cumulative weights."""

    def __init__(self, options: tuple[tuple[T, float], ...]) -> None:
        self.values = tuple(value for value, _ in options)
        self.cumulative = tuple(accumulate(weight for _, weight in options))

    def draw(self, rng: random.Random) -> T:
        """One value, by weight."""
        return self.values[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_WON = Weighted(WON_PATHS)
_LOST = Weighted(LOST_PATHS)
_STALLED = Weighted(STALE_PATHS)
_REASONS = tuple(Weighted(tuple(zip(DEFAULT_LOST_REASONS,
                                     LOST_REASON_WEIGHTS[product.name], strict=True)))
                 for product in PRODUCTS)  # indexed by product


@dataclass(frozen=True, slots=True)
class Client:
    """A client of the sample business, with what its deals share."""

    name: str
    region: int
    audience: Audience
    popularity: float  # relative number of deals
    titles: tuple[str, ...]  # the deal title for each product, built once
    amounts: tuple[tuple[int, ...], ...]  # per product, the amount quantiles of its audience


def _workday(ordinal: int, earliest: int, latest: int) -> int:
    """Move a Saturday to Friday and a Sunday to Monday (else the other way), within bounds."""
    weekday = (ordinal + 6) % 7  # date.fromordinal(1) is a Monday
    if weekday < 5:
        return ordinal
    friday, monday = ordinal - (weekday - 4), ordinal + 7 - weekday
    for day in ((friday, monday) if weekday == 5 else (monday, friday)):
        if earliest <= day <= latest:
            return day
    return ordinal


def _win_chance(rep: Rep, product: Option, channel: Option, region: Option,
                returning: bool) -> float:
    """Chance of winning: the rep's rate moved by the mix on the log-odds scale."""
    log_odds = (math.log(rep.conversion / (1 - rep.conversion)) - MIX_LIFT + product.effect
                + channel.effect + region.effect + (RETURNING_EFFECT if returning else 0.0))
    return 1 / (1 + math.exp(-log_odds))


# Indexed [rep][product][channel][region][returning]: a look-up per deal instead of math.
_WIN_CHANCES = [[[[[_win_chance(rep, product, channel, region, returning)
                    for returning in (False, True)]
                   for region in REGIONS]
                  for channel in CHANNELS]
                 for product in PRODUCTS]
                for rep in REPS]
_WEBSITE = next(i for i, channel in enumerate(CHANNELS) if channel.name == WEBSITE_CHANNEL)
_NEW_WEBSITE = Option(WEBSITE_CHANNEL, CHANNELS[_WEBSITE].share,
                      CHANNELS[_WEBSITE].effect + WEBSITE_EFFECT)
# Indexed [rep][product][region][returning]: the website's deals after the new website.
_NEW_WEBSITE_CHANCES = [[[[_win_chance(rep, product, _NEW_WEBSITE, region, returning)
                          for returning in (False, True)]
                         for region in REGIONS]
                        for product in PRODUCTS]
                       for rep in REPS]
_DAYS_AHEAD = 1000  # expected closes lie at most this far after today (lengths are capped)


class DealMaker:
    """Builds one deal at a time in first-contact order, remembering each client's first win.

    Going in first-contact order is what lets a deal know whether its client is returning (a
    won deal closed before this first contact), the rule the store uses to derive the type.
    Dates and stage events are immutable, so one object per day (and stage) serves every deal.
    """

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today.toordinal()
        self.start = self.today - DEMO_DAYS + 1
        self.first_win: dict[str, int] = {}
        self.new_website = self.today - WEBSITE_CHANGE_DAYS_AGO - IN_FLIGHT_DAYS
        self.dates = [dt.date.fromordinal(day)
                      for day in range(self.start, self.today + _DAYS_AHEAD + 1)]
        self.events = [tuple(StageEvent(stage, date) for stage in DEFAULT_STAGES)
                       for date in self.dates[:DEMO_DAYS]]

    def date(self, ordinal: int) -> dt.date:
        """The shared date object of ``ordinal`` (from the window start on)."""
        offset = ordinal - self.start
        return self.dates[offset] if offset < len(self.dates) else dt.date.fromordinal(ordinal)

    def make(self, first: int, anchor: bool, client: Client, rep: int, product: int,
             channel: int) -> tuple[Deal, list[StageEvent]]:
        """The deal first contacted on ordinal ``first``, with its stage history."""
        rng = self.rng
        typical = REPS[rep].days * client.audience.length_factor
        if not anchor and rng.random() < STALE_SHARE:
            return self.stalled(first, typical, client, rep, product, channel)
        returning = self.first_win.get(client.name, first) < first
        if channel == _WEBSITE and first >= self.new_website:
            chance = _NEW_WEBSITE_CHANCES[rep][product][client.region][returning]
        else:
            chance = _WIN_CHANCES[rep][product][channel][client.region][returning]
        won = rng.random() < chance
        path = _WON.draw(rng) if won else _LOST.draw(rng)
        if anchor:  # closes this month, between its first contact and today
            days = int(rng.random() * (self.today - first + 1))
        else:
            length = typical if won else typical * LOST_LENGTH[len(path) - 1]
            days = int(length * LENGTH_FACTORS[int(rng.random() * QUANTILES)])
        if first + days > self.today:  # not decided yet: it has gone only part of its path
            return self.in_flight(first, days, path, client, rep, product, channel)
        close = _workday(first + days, first, self.today)
        history = self.history(first, close - first, path)
        if won:
            self.first_win[client.name] = min(close, self.first_win.get(client.name, close))
            return self.deal(first, client, rep, product, channel, history, Outcome.WON,
                             closed_on=self.date(close)), history
        reason = _REASONS[product].draw(rng) if rng.random() >= NO_REASON_SHARE else None
        return self.deal(first, client, rep, product, channel, history, Outcome.LOST,
                         closed_on=self.date(close), lost_reason=reason), history

    def history(self, first: int, days: int, path: tuple[int, ...],
                reached: int | None = None) -> list[StageEvent]:
        """The stages of ``path`` entered at even steps over ``days`` from ``first``, keeping
        those entered within ``reached`` days (all when None)."""
        events, offset, steps = self.events, first - self.start, len(path)
        if reached is None:
            return [events[offset + days * k // steps][stage] for k, stage in enumerate(path)]
        return [events[offset + days * k // steps][stage] for k, stage in enumerate(path)
                if days * k // steps <= reached]

    def in_flight(self, first: int, days: int, path: tuple[int, ...], client: Client,
                  rep: int, product: int, channel: int) -> tuple[Deal, list[StageEvent]]:
        """An open deal that will decide after today, expected on its planned close."""
        history = self.history(first, days, path, reached=self.today - first)
        return self.open(first, first + days, history, client, rep, product, channel), history

    def stalled(self, first: int, typical: float, client: Client, rep: int, product: int,
                channel: int) -> tuple[Deal, list[StageEvent]]:
        """An open deal that moved along for a while, then stalled: often past its expected
        close, and old next to the usual deal length when it started long ago."""
        path = _STALLED.draw(self.rng)
        history = self.history(first, min(self.today - first, int(typical)), path)
        expected = first + int(typical * 1.2)
        return self.open(first, expected, history, client, rep, product, channel), history

    def open(self, first: int, expected: int, history: list[StageEvent], client: Client,
             rep: int, product: int, channel: int) -> Deal:
        """An open deal at the last stage of ``history``, often with an expected close and a
        next step fitting that stage."""
        rng = self.rng
        expected_close = self.date(expected) if rng.random() < EXPECTED_CLOSE_SHARE else None
        next_step = ""
        if rng.random() < NEXT_STEP_SHARE:
            options = NEXT_STEPS[DEFAULT_STAGES.index(history[-1].stage)]
            next_step = options[int(rng.random() * len(options))]
        return self.deal(first, client, rep, product, channel, history, Outcome.OPEN,
                         expected_close=expected_close, next_step=next_step)

    def amount(self, client: Client, product: int) -> int | None:
        """Amount in euro cents; a few are unknown."""
        rng = self.rng
        if rng.random() < UNKNOWN_AMOUNT_SHARE:
            return None
        return client.amounts[product][int(rng.random() * QUANTILES)]

    def deal(self, first: int, client: Client, rep: int, product: int, channel: int,
             history: list[StageEvent], outcome: Outcome, *,
             closed_on: dt.date | None = None, expected_close: dt.date | None = None,
             next_step: str = "", lost_reason: str | None = None) -> Deal:
        """The Deal with the fields every outcome shares; its stage is the furthest reached."""
        return Deal(
            title=client.titles[product],
            outcome=outcome,
            currency=BASE_CURRENCY,
            client=client.name,
            rep=REPS[rep].name,
            product=PRODUCTS[product].name,
            channel=CHANNELS[channel].name,
            region=REGIONS[client.region].name,
            audience=client.audience.name,
            stage=history[-1].stage,
            first_contact=self.dates[first - self.start],
            closed_on=closed_on,
            expected_close=expected_close,
            next_step=next_step,
            amount=self.amount(client, product),
            lost_reason=lost_reason,
        )
