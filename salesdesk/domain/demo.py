"""A realistic sample business: the deals behind ``salesdesk demo`` and ``salesdesk --demo``.

The business installs and services heating (boilers, heat pumps, solar panels). Its two years
of deals end on the day the generator runs, so "this month" always has deals, and the same
``(count, today, seed)`` always gives the same data. The shape is chosen so that every screen has
something to find:

- 6 salespeople whose conversion (about 25 % to 65 %) and deal length (about 15 to 60 days)
  clearly differ, and not in step: the best closer is not the fastest one;
- 5 products and 4 channels that differ in conversion (heat pumps and cold calls are the weak
  spots, referrals the strong one), 3 regions, 3 audiences (public-sector deals take longest);
- returning customers convert better than new ones (the store derives which deals are which);
- lost reasons (deals lost to a competitor name it, "Other" says what it was), a stage history
  per deal, and a stale pipeline: some open deals that stalled long ago, often past their
  expected close;
- a new website with online booking, launched WEBSITE_CHANGE_DAYS_AGO days before today: the
  website's deals convert clearly better from then on (the touchpoint change the Customers tab
  shows a verdict for; customers_demo logs it with the other changes).

Everything is drawn from one ``random.Random(seed)``; the per-deal work is a handful of draws
and table look-ups, so a million deals take seconds. Dates and stage events are shared objects
(both immutable), which keeps memory to the deals and their history lists.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import random
from bisect import bisect
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import accumulate
from statistics import NormalDist
from typing import Generic, TypeVar

from salesdesk.domain.deals import (
    DEFAULT_LOST_REASONS,
    DEFAULT_STAGES,
    OTHER_LOST_REASON,
    Deal,
    Outcome,
    StageEvent,
)

T = TypeVar("T")

BASE_CURRENCY = "EUR"
DEMO_DAYS = 730
"""First contacts fall on the last DEMO_DAYS days up to and including today (two years)."""


@dataclass(frozen=True)
class DemoBusiness:
    """A generated sample business, ready for ``Store.add_deals(deals, today, histories)``.

    ``deals`` carry no ids and are in first-contact order; ``histories[i]`` is the stage path
    ``deals[i]`` took, oldest first, starting on its first contact.
    """

    base_currency: str
    deals: list[Deal]
    histories: list[list[StageEvent]]


# --- the business ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rep:
    name: str
    conversion: float  # about this share of the rep's decided deals are won
    days: float  # typical length of a won deal, in days (lost ones end sooner)
    share: float  # share of all deals


# Conversion and speed are deliberately not in step, so conversion and deal-length levers differ.
_REPS = (
    _Rep("Anna Kovács", 0.65, 26.0, 0.19),
    _Rep("Bence Tóth", 0.25, 62.0, 0.17),
    _Rep("Clara Weber", 0.50, 18.0, 0.17),
    _Rep("Dávid Nagy", 0.36, 40.0, 0.16),
    _Rep("Emma Fischer", 0.58, 75.0, 0.16),
    _Rep("Felix Brandt", 0.43, 24.0, 0.15),
)
# The product, channel and region mix and returning customers lift the log-odds of winning by
# about this much on average (at the default count); taking it off keeps each rep's conversion
# near the figure above.
_MIX_LIFT = 0.35


@dataclass(frozen=True, slots=True)
class _Option:
    name: str
    share: float  # share of deals (of clients, for regions)
    effect: float = 0.0  # added to the log-odds of winning
    price: int = 0  # typical amount in whole euros (products only)


_PRODUCTS = (
    _Option("Boiler service", 0.30, 0.6, 180),
    _Option("Boiler replacement", 0.20, 0.1, 4_800),
    _Option("Heat pump installation", 0.20, -0.6, 14_000),
    _Option("Solar panels", 0.15, -0.2, 9_500),
    _Option("Maintenance contract", 0.15, 0.3, 1_200),
)
_CHANNELS = (
    _Option("Website", 0.35, 0.0),
    _Option("Referral", 0.25, 0.7),
    _Option("Trade fair", 0.15, -0.1),
    _Option("Cold call", 0.25, -0.8),
)
_REGIONS = (
    _Option("North", 0.30, 0.1),
    _Option("Central", 0.45, 0.0),
    _Option("South", 0.25, -0.2),
)
_RETURNING_EFFECT = 0.6  # a client who bought before says yes more often
WEBSITE_CHANGE_DAYS_AGO = 210
"""The new website went live this many days before today (a touchpoint change)."""
WEBSITE_CHANNEL = "Website"
_WEBSITE_EFFECT = 1.8  # the website's deals in flight since then win this much more
_IN_FLIGHT_DAYS = 30  # deals first contacted this long before the launch benefit too


@dataclass(frozen=True, slots=True)
class _Audience:
    name: str
    client_share: float
    popularity: float  # how many deals a client of this audience brings, relative
    amount_factor: float
    length_factor: float
    names: tuple[_NameFamily, ...]  # how its clients are called, see _client_names


@dataclass(frozen=True, slots=True)
class _NameFamily:
    template: str  # e.g. "{0}{1} {2}": part lists filled in by position
    parts: tuple[tuple[str, ...], ...]

    @property
    def size(self) -> int:
        """How many distinct names the family can make."""
        return math.prod(len(words) for words in self.parts)

    def name(self, index: int) -> str:
        """The name number ``index`` (0 <= index < size)."""
        words = []
        for options in reversed(self.parts):
            index, digit = divmod(index, len(options))
            words.append(options[digit])
        return self.template.format(*reversed(words))


_FIRST_NAMES = ("Anna", "Balázs", "Clara", "Daniel", "Eszter", "Florian", "Gabriella", "Hanna",
                "Imre", "Judit", "Katalin", "Lukas", "Márton", "Nina", "Oliver", "Petra", "Réka",
                "Stefan", "Tamás", "Ursula", "Viktor", "Zsófia", "Martin", "Laura", "Peter",
                "Eva", "Gábor", "Sophie", "Jonas", "Ilona")
_LAST_NAMES = ("Keller", "Szabó", "Horváth", "Maier", "Varga", "Schulz", "Molnár", "Wagner",
               "Farkas", "Becker", "Balogh", "Hoffmann", "Papp", "Krüger", "Takács", "Lang",
               "Juhász", "Wolf", "Mészáros", "Roth", "Simon", "Lakatos", "Vogel", "Fekete",
               "Brandt", "Kiss", "Engel", "Oláh", "Peters", "Bíró")
_COMPOUND_HEADS = ("Nord", "Süd", "Ost", "West", "Alpen", "Blau", "Sonnen", "Stern", "Berg",
                   "Wald", "Linden", "Adler", "Falken", "Eichen", "Fluss", "Gold", "Silber",
                   "Stahl", "Kristall", "Donau")
_COMPOUND_TAILS = ("wind", "licht", "werk", "tal", "feld", "bau", "haus", "stein", "quell",
                   "mark", "hain", "hof")
_COMPOUND_FORMS = ("Kft.", "GmbH", "Bt.", "AG", "KG")
_ENGLISH_HEADS = ("Blue", "Green", "Silver", "Golden", "Red", "Bright", "Clear", "Oak", "Stone",
                  "Iron", "Cedar", "Maple", "Swift", "Royal", "Summit", "Northern")
_ENGLISH_TAILS = ("Harbor", "Ridge", "Valley", "Bridge", "Field", "Crest", "Point", "Gate",
                  "Works", "Peak", "Brook", "Lane")
_ENGLISH_FORMS = ("Ltd", "Inc.", "& Co.", "Group", "LLC")
_PLACES = ("Lakeside", "Riverton", "Eastbrook", "Millford", "Oakham", "Westvale", "Hillcrest",
           "Stonebridge", "Greenfield", "Ashford", "Fairhaven", "Kingsbury", "Marlow", "Redwater",
           "Elmstead", "Brightwell")
_INSTITUTIONS = ("Town Council", "Primary School", "Hospital", "Library", "Sports Centre",
                 "Fire Station", "Water Works", "Care Home", "Secondary School", "Museum")

# Name families never collide with each other: people have no legal form, companies do (one
# word or two before it), and public bodies end with an institution.
_AUDIENCES = (
    _Audience("Households", 0.50, 0.9, 1.0, 0.8,
              (_NameFamily("{0} {1}", (_FIRST_NAMES, _LAST_NAMES)),)),
    _Audience("Small businesses", 0.38, 1.0, 1.8, 1.0,
              (_NameFamily("{0}{1} {2}", (_COMPOUND_HEADS, _COMPOUND_TAILS, _COMPOUND_FORMS)),
               _NameFamily("{0} {1} {2}", (_ENGLISH_HEADS, _ENGLISH_TAILS, _ENGLISH_FORMS)))),
    _Audience("Public sector", 0.12, 1.1, 3.5, 1.7,
              (_NameFamily("{0} {1}", (_PLACES, _INSTITUTIONS)),)),
)

DEALS_PER_CLIENT = 4  # on average; a few clients bring many deals, most one or two
# Past this, big counts reuse clients (the name families of an audience may run out sooner).
MAX_CLIENTS = 3_000

# Stage paths as indices into DEFAULT_STAGES, with their weights. Won deals mostly pass every
# stage; some skip one. Lost deals drop out anywhere.
_WON_PATHS = (((0, 1, 2, 3), 84), ((0, 2, 3), 7), ((0, 1, 3), 6), ((0, 1, 2), 3))
_LOST_PATHS = (((0,), 20), ((0, 1), 30), ((0, 1, 2), 30), ((0, 1, 2, 3), 20))
# A deal lost early ends sooner than one lost in negotiation (index: stages reached - 1).
_LOST_LENGTH = (0.35, 0.6, 0.9, 1.1)
# Where stale open deals stalled.
_STALE_PATHS = (((0,), 30), ((0, 1), 30), ((0, 1, 2), 25), ((0, 1, 2, 3), 15))
_STALE_SHARE = 0.07  # deals that stall and never decide; others are open only while in flight

# Why deals are lost, per product (weights of Price, Competitor, No budget, No decision,
# Timing): heat pumps lose to competitors, service deals to price and timing, so the lost
# reasons by product differ.
_LOST_REASON_WEIGHTS = {
    "Boiler service": (45, 10, 5, 20, 20),
    "Boiler replacement": (35, 30, 15, 10, 10),
    "Heat pump installation": (20, 45, 15, 10, 10),
    "Solar panels": (25, 20, 30, 15, 10),
    "Maintenance contract": (30, 10, 10, 35, 15),
}
_NO_REASON_SHARE = 0.10
_UNKNOWN_AMOUNT_SHARE = 0.03
_EXPECTED_CLOSE_SHARE = 0.80
_NEXT_STEP_SHARE = 0.85
_NEXT_STEPS = (  # per stage: what an open deal at that stage waits for
    ("Call back", "Book a site visit"),
    ("Site visit", "Send proposal"),
    ("Follow up on proposal", "Send revised quote"),
    ("Agree final price", "Book installation date"),
)

_QUANTILES = 1024


def _lognormal_table(sigma: float, cap: float) -> tuple[float, ...]:
    """Quantiles of a lognormal with mean 1: drawing one is an index, not a math call."""
    normal = NormalDist()
    return tuple(min(cap, math.exp(sigma * normal.inv_cdf((i + 0.5) / _QUANTILES)
                                   - sigma * sigma / 2)) for i in range(_QUANTILES))


# Deal lengths are skewed (a few drag on for months) and some close on the first day.
_LENGTH_FACTORS = _lognormal_table(0.8, 5.0)
_AMOUNT_FACTORS = _lognormal_table(0.35, 3.0)


# --- generation ---------------------------------------------------------------------------


def generate_demo(count: int = 1500, today: dt.date | None = None,
                  seed: int = 2026) -> DemoBusiness:
    """Generate ``count`` deals of the sample business over the two years up to ``today``.

    The same arguments always give the same business. ``today`` defaults to the current date.
    """
    if count < 0:
        raise ValueError("count must be 0 or more")
    today = today or dt.date.today()
    rng = random.Random(seed)
    deals: list[Deal] = []
    histories: list[list[StageEvent]] = []
    if count == 0:
        return DemoBusiness(BASE_CURRENCY, deals, histories)

    clients = _clients(rng, count)
    starts = _first_contacts(rng, count, today)
    # Who, what and how are drawn up front in bulk: much cheaper than one draw per deal.
    client_picks = _picks(rng, [c.popularity for c in clients], count)
    rep_picks = _picks(rng, [r.share for r in _REPS], count)
    product_picks = _picks(rng, [p.share for p in _PRODUCTS], count)
    channel_picks = _picks(rng, [c.share for c in _CHANNELS], count)

    maker = _DealMaker(rng, today)
    with _collector_paused():
        for key, client, rep, product, channel in zip(
                starts, client_picks, rep_picks, product_picks, channel_picks, strict=True):
            deal, history = maker.make(key >> 1, bool(key & 1), clients[client], rep, product,
                                       channel)
            deals.append(deal)
            histories.append(history)
        _add_lost_details(deals, seed)
    return DemoBusiness(BASE_CURRENCY, deals, histories)


COMPETITORS = (("ThermoPro Kft.", 55), ("HeatWise GmbH", 30), ("Klima Direct", 15))
"""Who the sample business loses to, by weight (a few deals do not say)."""
_UNNAMED_COMPETITOR_SHARE = 0.12
_OTHER_SHARE = 0.3  # of the lost deals without a reason: "Other", with what it was
_OTHER_REASONS = ("Moved house before deciding", "Bought a used boiler privately",
                  "Building permit refused", "Renovation postponed to next year",
                  "Landlord would not agree", "Chose to repair the old system")
_COMPETITOR = DEFAULT_LOST_REASONS[1]


def _add_lost_details(deals: list[Deal], seed: int) -> None:
    """Name the competitor of deals lost to one, and turn some lost deals without a reason
    into "Other" with what it was. Drawn from a generator of their own, so the deals
    themselves are the same with or without the details."""
    rng = random.Random(seed * 31 + 7)
    competitors = _Weighted(COMPETITORS)
    for index, deal in enumerate(deals):
        if deal.outcome is not Outcome.LOST:
            continue
        if deal.lost_reason == _COMPETITOR:
            if rng.random() >= _UNNAMED_COMPETITOR_SHARE:
                deals[index] = replace(deal, lost_reason_note=competitors.draw(rng))
        elif deal.lost_reason is None and rng.random() < _OTHER_SHARE:
            deals[index] = replace(deal, lost_reason=OTHER_LOST_REASON,
                                   lost_reason_note=_OTHER_REASONS[
                                       int(rng.random() * len(_OTHER_REASONS))])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the deals are built.

    Every deal and history list is a tracked object that stays alive, so the collector's full
    passes over the growing heap find nothing (no cycles are made here) yet cost about a fifth
    of the time at a million deals. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _picks(rng: random.Random, weights: list[float], k: int) -> list[int]:
    """``k`` indices drawn with ``weights``.

    Drawn from a list, not a range, so equal picks share one int object (a range makes a new
    one per pick above 256): a million picks cost 8 MB, not 36.
    """
    return rng.choices(list(range(len(weights))), cum_weights=list(accumulate(weights)), k=k)


class _Weighted(Generic[T]):
    """Values with weights, drawn one at a time by ``bisect`` on the cumulative weights."""

    def __init__(self, options: tuple[tuple[T, float], ...]) -> None:
        self.values = tuple(value for value, _ in options)
        self.cumulative = tuple(accumulate(weight for _, weight in options))

    def draw(self, rng: random.Random) -> T:
        """One value, by weight."""
        return self.values[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_WON = _Weighted(_WON_PATHS)
_LOST = _Weighted(_LOST_PATHS)
_STALLED = _Weighted(_STALE_PATHS)
_REASONS = tuple(_Weighted(tuple(zip(DEFAULT_LOST_REASONS,
                                      _LOST_REASON_WEIGHTS[product.name], strict=True)))
                 for product in _PRODUCTS)  # indexed by product
_REGION_INDEX = _Weighted(tuple((i, region.share) for i, region in enumerate(_REGIONS)))


@dataclass(frozen=True, slots=True)
class _Client:
    name: str
    region: int
    audience: _Audience
    popularity: float  # relative number of deals
    titles: tuple[str, ...]  # the deal title for each product, built once
    amounts: tuple[tuple[int, ...], ...]  # per product, the amount quantiles of its audience


def _client_names(rng: random.Random, families: tuple[_NameFamily, ...], n: int) -> list[str]:
    """Up to ``n`` distinct names from ``families``.

    Every name of every family is one index; sampling indices without replacement makes the
    names unique without retrying.
    """
    total = sum(family.size for family in families)
    names = []
    for index in rng.sample(range(total), min(n, total)):
        for family in families:
            if index < family.size:
                names.append(family.name(index))
                break
            index -= family.size
    return names


def _clients(rng: random.Random, count: int) -> list[_Client]:
    """About one client per DEALS_PER_CLIENT deals; a few bring many deals, most few."""
    wanted = max(1, min(MAX_CLIENTS, count // DEALS_PER_CLIENT))
    drafts = []
    for audience in _AUDIENCES:
        for name in _client_names(rng, audience.names,
                                  max(1, round(wanted * audience.client_share))):
            drafts.append((name, _REGION_INDEX.draw(rng), audience))
    rng.shuffle(drafts)
    amounts = {audience.name: _amount_table(audience) for audience in _AUDIENCES}
    # A Zipf-like spread over a random order: a handful of regulars, a long tail of one-offs.
    return [_Client(name, region, audience, audience.popularity / (rank + 1) ** 0.6,
                    tuple(f"{name} — {product.name}" for product in _PRODUCTS),
                    amounts[audience.name])
            for rank, (name, region, audience) in enumerate(drafts)]


def _amount_table(audience: _Audience) -> tuple[tuple[int, ...], ...]:
    """Per product, the quantiles of its amount for ``audience`` in euro cents, rounded to
    10 euros. Drawing an amount is then an index, and a million deals share these int objects
    instead of holding one each."""
    return tuple(tuple(max(1, round(product.price * audience.amount_factor * factor / 10)) * 1000
                       for factor in _AMOUNT_FACTORS)
                 for product in _PRODUCTS)


def _day_weights(start: dt.date) -> list[float]:
    """Relative number of first contacts on each day of the window from ``start``.

    The business grows (half again as many contacts at the end), heating is asked about most
    in winter, and few people call on weekends.
    """
    weights = []
    for offset in range(DEMO_DAYS):
        day = start + dt.timedelta(days=offset)
        growth = 1.0 + 0.5 * offset / DEMO_DAYS
        season = 1.0 + 0.35 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25)
        weekday = (1.0, 1.0, 1.0, 1.0, 1.0, 0.12, 0.04)[day.weekday()]
        weights.append(growth * season * weekday)
    return weights


def _first_contacts(rng: random.Random, count: int, today: dt.date) -> list[int]:
    """Sorted first-contact keys: ``ordinal << 1 | anchor``.

    Anchors are a few deals started and closed this month, so the current month is never empty
    even on its first day.
    """
    anchors = min(count, 2 + count // 500)
    start = today.toordinal() - DEMO_DAYS + 1
    weights = _day_weights(dt.date.fromordinal(start))
    # One shared key object per day (see _picks).
    keys = rng.choices([(start + offset) << 1 for offset in range(DEMO_DAYS)],
                       cum_weights=list(accumulate(weights)), k=count - anchors)
    month_start = today.replace(day=1).toordinal()
    keys.extend(rng.randint(month_start, today.toordinal()) << 1 | 1 for _ in range(anchors))
    keys.sort()
    return keys


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


def _win_chance(rep: _Rep, product: _Option, channel: _Option, region: _Option,
                returning: bool) -> float:
    """Chance of winning: the rep's rate moved by the mix on the log-odds scale."""
    log_odds = (math.log(rep.conversion / (1 - rep.conversion)) - _MIX_LIFT + product.effect
                + channel.effect + region.effect + (_RETURNING_EFFECT if returning else 0.0))
    return 1 / (1 + math.exp(-log_odds))


# Indexed [rep][product][channel][region][returning]: a look-up per deal instead of math.
_WIN_CHANCES = [[[[[_win_chance(rep, product, channel, region, returning)
                    for returning in (False, True)]
                   for region in _REGIONS]
                  for channel in _CHANNELS]
                 for product in _PRODUCTS]
                for rep in _REPS]
_WEBSITE = next(i for i, channel in enumerate(_CHANNELS) if channel.name == WEBSITE_CHANNEL)
_NEW_WEBSITE = _Option(WEBSITE_CHANNEL, _CHANNELS[_WEBSITE].share,
                       _CHANNELS[_WEBSITE].effect + _WEBSITE_EFFECT)
# Indexed [rep][product][region][returning]: the website's deals after the new website.
_NEW_WEBSITE_CHANCES = [[[[_win_chance(rep, product, _NEW_WEBSITE, region, returning)
                          for returning in (False, True)]
                         for region in _REGIONS]
                        for product in _PRODUCTS]
                       for rep in _REPS]
_DAYS_AHEAD = 1000  # expected closes lie at most this far after today (lengths are capped)


class _DealMaker:
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
        self.new_website = self.today - WEBSITE_CHANGE_DAYS_AGO - _IN_FLIGHT_DAYS
        self.dates = [dt.date.fromordinal(day)
                      for day in range(self.start, self.today + _DAYS_AHEAD + 1)]
        self.events = [tuple(StageEvent(stage, date) for stage in DEFAULT_STAGES)
                       for date in self.dates[:DEMO_DAYS]]

    def date(self, ordinal: int) -> dt.date:
        """The shared date object of ``ordinal`` (from the window start on)."""
        offset = ordinal - self.start
        return self.dates[offset] if offset < len(self.dates) else dt.date.fromordinal(ordinal)

    def make(self, first: int, anchor: bool, client: _Client, rep: int, product: int,
             channel: int) -> tuple[Deal, list[StageEvent]]:
        """The deal first contacted on ordinal ``first``, with its stage history."""
        rng = self.rng
        typical = _REPS[rep].days * client.audience.length_factor
        if not anchor and rng.random() < _STALE_SHARE:
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
            length = typical if won else typical * _LOST_LENGTH[len(path) - 1]
            days = int(length * _LENGTH_FACTORS[int(rng.random() * _QUANTILES)])
        if first + days > self.today:  # not decided yet: it has gone only part of its path
            return self.in_flight(first, days, path, client, rep, product, channel)
        close = _workday(first + days, first, self.today)
        history = self.history(first, close - first, path)
        if won:
            self.first_win[client.name] = min(close, self.first_win.get(client.name, close))
            return self.deal(first, client, rep, product, channel, history, Outcome.WON,
                             closed_on=self.date(close)), history
        reason = _REASONS[product].draw(rng) if rng.random() >= _NO_REASON_SHARE else None
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

    def in_flight(self, first: int, days: int, path: tuple[int, ...], client: _Client,
                  rep: int, product: int, channel: int) -> tuple[Deal, list[StageEvent]]:
        """An open deal that will decide after today, expected on its planned close."""
        history = self.history(first, days, path, reached=self.today - first)
        return self.open(first, first + days, history, client, rep, product, channel), history

    def stalled(self, first: int, typical: float, client: _Client, rep: int, product: int,
                channel: int) -> tuple[Deal, list[StageEvent]]:
        """An open deal that moved along for a while, then stalled: often past its expected
        close, and old next to the usual deal length when it started long ago."""
        path = _STALLED.draw(self.rng)
        history = self.history(first, min(self.today - first, int(typical)), path)
        expected = first + int(typical * 1.2)
        return self.open(first, expected, history, client, rep, product, channel), history

    def open(self, first: int, expected: int, history: list[StageEvent], client: _Client,
             rep: int, product: int, channel: int) -> Deal:
        """An open deal at the last stage of ``history``, often with an expected close and a
        next step fitting that stage."""
        rng = self.rng
        expected_close = self.date(expected) if rng.random() < _EXPECTED_CLOSE_SHARE else None
        next_step = ""
        if rng.random() < _NEXT_STEP_SHARE:
            options = _NEXT_STEPS[DEFAULT_STAGES.index(history[-1].stage)]
            next_step = options[int(rng.random() * len(options))]
        return self.deal(first, client, rep, product, channel, history, Outcome.OPEN,
                         expected_close=expected_close, next_step=next_step)

    def amount(self, client: _Client, product: int) -> int | None:
        """Amount in euro cents; a few are unknown."""
        rng = self.rng
        if rng.random() < _UNKNOWN_AMOUNT_SHARE:
            return None
        return client.amounts[product][int(rng.random() * _QUANTILES)]

    def deal(self, first: int, client: _Client, rep: int, product: int, channel: int,
             history: list[StageEvent], outcome: Outcome, *,
             closed_on: dt.date | None = None, expected_close: dt.date | None = None,
             next_step: str = "", lost_reason: str | None = None) -> Deal:
        """The Deal with the fields every outcome shares; its stage is the furthest reached."""
        return Deal(
            title=client.titles[product],
            outcome=outcome,
            currency=BASE_CURRENCY,
            client=client.name,
            rep=_REPS[rep].name,
            product=_PRODUCTS[product].name,
            channel=_CHANNELS[channel].name,
            region=_REGIONS[client.region].name,
            audience=client.audience.name,
            stage=history[-1].stage,
            first_contact=self.dates[first - self.start],
            closed_on=closed_on,
            expected_close=expected_close,
            next_step=next_step,
            amount=self.amount(client, product),
            lost_reason=lost_reason,
        )
