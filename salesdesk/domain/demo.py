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
(both immutable), which keeps memory to the deals and their history lists. The business's
make-up is :mod:`~salesdesk.domain.demo_business`; one deal is made by
:mod:`~salesdesk.domain.demo_deals`.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import accumulate

from salesdesk.domain.deals import (
    DEFAULT_LOST_REASONS,
    OTHER_LOST_REASON,
    Deal,
    Outcome,
    StageEvent,
)
from salesdesk.domain.demo_business import (
    AMOUNT_FACTORS,
    AUDIENCES,
    BASE_CURRENCY,
    CHANNELS,
    COMPETITORS,
    DEALS_PER_CLIENT,
    DEMO_DAYS,
    MAX_CLIENTS,
    OTHER_REASONS,
    OTHER_SHARE,
    PRODUCTS,
    REGIONS,
    REPS,
    UNNAMED_COMPETITOR_SHARE,
    Audience,
    NameFamily,
)
from salesdesk.domain.demo_deals import Client, DealMaker, Weighted


@dataclass(frozen=True)
class DemoBusiness:
    """A generated sample business, ready for ``Store.add_deals(deals, today, histories)``.

    ``deals`` carry no ids and are in first-contact order; ``histories[i]`` is the stage path
    ``deals[i]`` took, oldest first, starting on its first contact.
    """

    base_currency: str
    deals: list[Deal]
    histories: list[list[StageEvent]]


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
    rep_picks = _picks(rng, [r.share for r in REPS], count)
    product_picks = _picks(rng, [p.share for p in PRODUCTS], count)
    channel_picks = _picks(rng, [c.share for c in CHANNELS], count)

    maker = DealMaker(rng, today)
    with _collector_paused():
        for key, client, rep, product, channel in zip(
                starts, client_picks, rep_picks, product_picks, channel_picks, strict=True):
            deal, history = maker.make(key >> 1, bool(key & 1), clients[client], rep, product,
                                       channel)
            deals.append(deal)
            histories.append(history)
        _add_lost_details(deals, seed)
    return DemoBusiness(BASE_CURRENCY, deals, histories)


_COMPETITOR = DEFAULT_LOST_REASONS[1]


def _add_lost_details(deals: list[Deal], seed: int) -> None:
    """Name the competitor of deals lost to one, and turn some lost deals without a reason
    into "Other" with what it was. Drawn from a generator of their own, so the deals
    themselves are the same with or without the details."""
    rng = random.Random(seed * 31 + 7)
    competitors = Weighted(COMPETITORS)
    for index, deal in enumerate(deals):
        if deal.outcome is not Outcome.LOST:
            continue
        if deal.lost_reason == _COMPETITOR:
            if rng.random() >= UNNAMED_COMPETITOR_SHARE:
                deals[index] = replace(deal, lost_reason_note=competitors.draw(rng))
        elif deal.lost_reason is None and rng.random() < OTHER_SHARE:
            deals[index] = replace(deal, lost_reason=OTHER_LOST_REASON,
                                   lost_reason_note=OTHER_REASONS[
                                       int(rng.random() * len(OTHER_REASONS))])


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


_REGION_INDEX = Weighted(tuple((i, region.share) for i, region in enumerate(REGIONS)))


def _client_names(rng: random.Random, families: tuple[NameFamily, ...], n: int) -> list[str]:
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


def _clients(rng: random.Random, count: int) -> list[Client]:
    """About one client per DEALS_PER_CLIENT deals; a few bring many deals, most few."""
    wanted = max(1, min(MAX_CLIENTS, count // DEALS_PER_CLIENT))
    drafts = []
    for audience in AUDIENCES:
        for name in _client_names(rng, audience.names,
                                  max(1, round(wanted * audience.client_share))):
            drafts.append((name, _REGION_INDEX.draw(rng), audience))
    rng.shuffle(drafts)
    amounts = {audience.name: _amount_table(audience) for audience in AUDIENCES}
    # A Zipf-like spread over a random order: a handful of regulars, a long tail of one-offs.
    return [Client(name, region, audience, audience.popularity / (rank + 1) ** 0.6,
                   tuple(f"{name} — {product.name}" for product in PRODUCTS),
                   amounts[audience.name])
            for rank, (name, region, audience) in enumerate(drafts)]


def _amount_table(audience: Audience) -> tuple[tuple[int, ...], ...]:
    """Per product, the quantiles of its amount for ``audience`` in euro cents, rounded to
    10 euros. Drawing an amount is then an index, and a million deals share these int objects
    instead of holding one each."""
    return tuple(tuple(max(1, round(product.price * audience.amount_factor * factor / 10)) * 1000
                       for factor in AMOUNT_FACTORS)
                 for product in PRODUCTS)


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
