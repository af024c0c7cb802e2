"""The sample business: the same every time, valid deal by deal, and shaped so that every screen
of the app has something to show (DESIGN.md §3, §4 and the demo issue)."""

from __future__ import annotations

import datetime as dt
import gc
import random
import statistics
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.deals import (
    DEFAULT_LOST_REASONS,
    DEFAULT_STAGES,
    OTHER_LOST_REASON,
    CustomerType,
    Deal,
    Outcome,
    StageEvent,
)
from salesdesk.domain.demo import DEMO_DAYS, DemoBusiness, generate_demo
from salesdesk.store import Store

TODAY = dt.date(2026, 5, 14)  # a Thursday in the middle of a month
# Edge days: a leap day, a Sunday that is the first of its month, New Year's Eve.
EDGE_TODAYS = (dt.date(2028, 2, 29), dt.date(2026, 3, 1), dt.date(2026, 12, 31))
STAGE_ORDER = {stage: index for index, stage in enumerate(DEFAULT_STAGES)}


@pytest.fixture(scope="module")
def business() -> DemoBusiness:
    """The default sample business, as ``salesdesk demo`` writes it."""
    return generate_demo(today=TODAY)


def decided(deals: list[Deal]) -> list[Deal]:
    return [d for d in deals if d.outcome.is_closed]


def conversion(deals: list[Deal]) -> float:
    closed = decided(deals)
    return sum(d.outcome is Outcome.WON for d in closed) / len(closed)


def average_length(deals: list[Deal]) -> float:
    return statistics.fmean((d.closed_on - d.first_contact).days  # type: ignore[operator]
                            for d in decided(deals))


def grouped(deals: list[Deal], key: Callable[[Deal], str | None]) -> dict[str | None, list[Deal]]:
    groups: dict[str | None, list[Deal]] = defaultdict(list)
    for deal in deals:
        groups[key(deal)].append(deal)
    return groups


def problems(business: DemoBusiness, today: dt.date) -> Iterator[str]:
    """Every broken invariant of DESIGN.md §3 (and of the demo issue), one message each."""
    if business.base_currency != "EUR":
        yield f"base currency {business.base_currency}"
    if len(business.deals) != len(business.histories):
        yield "one history per deal"
        return
    for index, (deal, history) in enumerate(zip(business.deals, business.histories,
                                                strict=True)):
        for problem in deal_problems(deal, history, today):
            yield f"deal {index} ({deal.title}): {problem}"


def deal_problems(deal: Deal, history: list[StageEvent], today: dt.date) -> Iterator[str]:
    if not deal.title or deal.title != " ".join(deal.title.split()):
        yield "title empty or badly spaced"
    if deal.title != f"{deal.client} — {deal.product}":
        yield "title is not 'client — product'"
    if deal.id is not None or deal.currency != "EUR":
        yield "id set or currency not EUR"
    if deal.customer_type is not CustomerType.NEW or deal.customer_type_set:
        yield "customer type set: the store derives it"
    if deal.amount is not None and (type(deal.amount) is not int or deal.amount < 0):
        yield f"amount {deal.amount!r}"
    if deal.outcome is Outcome.LOST:
        if deal.lost_reason not in (None, *DEFAULT_LOST_REASONS, OTHER_LOST_REASON):
            yield f"lost reason {deal.lost_reason}"
        if deal.lost_reason_note and deal.lost_reason not in ("Competitor", OTHER_LOST_REASON):
            yield f"lost-reason details on reason {deal.lost_reason}"
        if deal.lost_reason == OTHER_LOST_REASON and not deal.lost_reason_note:
            yield "'Other' without saying what it was"
    elif deal.lost_reason is not None or deal.lost_reason_note:
        yield "lost reason on a deal that is not lost"
    yield from date_problems(deal, history, today)


def date_problems(deal: Deal, history: list[StageEvent], today: dt.date) -> Iterator[str]:
    if deal.first_contact is None or not 0 <= (today - deal.first_contact).days < DEMO_DAYS:
        yield f"first contact {deal.first_contact} outside the two years up to {today}"
        return
    if deal.outcome.is_closed:
        if deal.closed_on is None or not deal.first_contact <= deal.closed_on <= today:
            yield f"closed on {deal.closed_on}"
    elif deal.closed_on is not None:
        yield "open deal with a close date"
    if deal.expected_close is not None and deal.expected_close < deal.first_contact:
        yield "expected close before first contact"
    yield from history_problems(deal, history, today)


def history_problems(deal: Deal, history: list[StageEvent], today: dt.date) -> Iterator[str]:
    if not history:
        yield "no stage history"
        return
    stages = [STAGE_ORDER.get(event.stage, -1) for event in history]
    dates = [event.entered_on for event in history]
    if -1 in stages or stages != sorted(set(stages)):
        yield f"stages {[e.stage for e in history]} out of pipeline order"
    if history[0].entered_on != deal.first_contact:
        yield "history does not start on the first contact"
    if dates != sorted(dates) or dates[-1] > (deal.closed_on or today):
        yield f"stage dates {dates} not in order within the deal"
    if deal.stage != history[-1].stage:
        yield f"stage {deal.stage} is not the furthest reached ({history[-1].stage})"


def test_the_check_catches_broken_deals(business: DemoBusiness) -> None:
    won = next(i for i, d in enumerate(business.deals) if d.outcome is Outcome.WON
               and len(business.histories[i]) > 1)
    deal, history = business.deals[won], business.histories[won]
    broken = [
        replace(deal, title=""),
        replace(deal, closed_on=TODAY + dt.timedelta(days=1)),
        replace(deal, closed_on=None),
        replace(deal, lost_reason="Price"),
        replace(deal, amount=-100),
        replace(deal, first_contact=TODAY - dt.timedelta(days=DEMO_DAYS)),
        replace(deal, stage="Lead"),
    ]
    for wrong in broken:
        assert list(deal_problems(wrong, history, TODAY)), wrong
    assert list(deal_problems(deal, history[::-1], TODAY))
    assert list(deal_problems(deal, [], TODAY))


# --- determinism --------------------------------------------------------------------------


def test_same_arguments_give_the_same_business() -> None:
    random.seed(1)
    first = generate_demo(500, TODAY, seed=7)
    random.seed(2)  # the global generator plays no part
    assert generate_demo(500, TODAY, seed=7) == first
    assert generate_demo(500, TODAY, seed=8) != first
    assert generate_demo(500, TODAY + dt.timedelta(days=1), seed=7) != first


def test_the_business_does_not_depend_on_string_hashing() -> None:
    # Iterating a set of names would differ between processes; the digest must not.
    code = ("import datetime, hashlib; from salesdesk.domain.demo import generate_demo;"
            "b = generate_demo(300, datetime.date(2026, 5, 14));"
            "print(hashlib.sha256(repr((b.deals, b.histories)).encode()).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_no_deals_and_negative_counts() -> None:
    assert generate_demo(0, TODAY) == DemoBusiness("EUR", [], [])
    with pytest.raises(ValueError):
        generate_demo(-1, TODAY)


def test_the_garbage_collector_is_left_as_it_was() -> None:
    assert gc.isenabled()
    generate_demo(50, TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        generate_demo(50, TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- every deal is valid ------------------------------------------------------------------


def test_every_default_deal_is_valid(business: DemoBusiness) -> None:
    assert len(business.deals) == 1500
    assert list(problems(business, TODAY)) == []


@pytest.mark.parametrize("today", [TODAY, *EDGE_TODAYS])
@pytest.mark.parametrize("count", [1, 2, 7, 300])
def test_every_deal_is_valid_for_other_counts_and_days(count: int, today: dt.date) -> None:
    business = generate_demo(count, today, seed=count)
    assert len(business.deals) == count
    assert list(problems(business, today)) == []


@settings(max_examples=40)
@given(count=st.integers(0, 120),
       today=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
       seed=st.integers(0, 2**32))
def test_every_deal_is_valid_for_any_day_and_seed(count: int, today: dt.date, seed: int) -> None:
    assert list(problems(generate_demo(count, today, seed), today)) == []


@pytest.mark.parametrize("today", [TODAY, *EDGE_TODAYS])
@pytest.mark.parametrize("count", [1, 3, 1500])
def test_this_month_has_deals_started_and_closed(count: int, today: dt.date) -> None:
    month = today.replace(day=1)
    deals = generate_demo(count, today).deals
    assert any(d.first_contact is not None and d.first_contact >= month for d in deals)
    assert any(d.closed_on is not None and d.closed_on >= month for d in deals)


# --- the shape of the business ------------------------------------------------------------


def test_deals_span_two_years_in_first_contact_order(business: DemoBusiness) -> None:
    starts = [d.first_contact for d in business.deals]
    assert starts == sorted(starts)  # type: ignore[type-var]
    assert (TODAY - starts[0]).days >= DEMO_DAYS - 30  # type: ignore[operator]
    months = {(d.first_contact.year, d.first_contact.month)  # type: ignore[union-attr]
              for d in business.deals}
    assert len(months) == 25  # every month of the two years, this one included


def test_dimensions_have_the_promised_sizes(business: DemoBusiness) -> None:
    deals = business.deals
    sizes = {name: len({getattr(d, name) for d in deals})
             for name in ("rep", "product", "channel", "region", "audience")}
    assert sizes == {"rep": 6, "product": 5, "channel": 4, "region": 3, "audience": 3}
    assert {d.stage for d in deals} == set(DEFAULT_STAGES)
    assert {d.lost_reason for d in deals} == {None, *DEFAULT_LOST_REASONS, OTHER_LOST_REASON}
    assert all(getattr(d, name) for d in deals for name in sizes)


@pytest.mark.parametrize("today", [TODAY, *EDGE_TODAYS])
def test_salespeople_differ_clearly_with_enough_decided_deals(today: dt.date) -> None:
    by_rep = grouped(generate_demo(today=today).deals, lambda d: d.rep)
    assert min(len(decided(deals)) for deals in by_rep.values()) >= 150
    rates = [conversion(deals) for deals in by_rep.values()]
    assert min(rates) <= 0.35 and max(rates) >= 0.55
    lengths = [average_length(deals) for deals in by_rep.values()]
    assert min(lengths) <= 20 and max(lengths) >= 45


def test_products_and_channels_have_growth_points(business: DemoBusiness) -> None:
    for key in (lambda d: d.product, lambda d: d.channel):
        rates = [conversion(deals) for deals in grouped(business.deals, key).values()]
        assert max(rates) - min(rates) >= 0.15


def test_outcome_shares_are_realistic(business: DemoBusiness) -> None:
    deals = business.deals
    share = Counter(d.outcome for d in deals)
    assert 0.10 <= share[Outcome.OPEN] / len(deals) <= 0.15
    unknown = sum(d.amount is None for d in deals) / len(deals)
    assert 0.01 <= unknown <= 0.06
    lost = [d for d in deals if d.outcome is Outcome.LOST]
    assert 0.05 <= sum(d.lost_reason is None for d in lost) / len(lost) <= 0.15
    assert sum(d.closed_on == d.first_contact for d in decided(deals)) >= 1  # same-day closes


def test_open_deals_have_plans_and_some_are_stale(business: DemoBusiness) -> None:
    open_deals = [d for d in business.deals if d.outcome is Outcome.OPEN]
    assert sum(d.expected_close is not None for d in open_deals) >= 0.6 * len(open_deals)
    assert sum(bool(d.next_step) for d in open_deals) >= 0.6 * len(open_deals)
    usual = statistics.median((d.closed_on - d.first_contact).days  # type: ignore[operator]
                              for d in decided(business.deals))
    ages = [(TODAY - d.first_contact).days for d in open_deals]  # type: ignore[operator]
    assert sum(age > 4 * usual for age in ages) >= 30  # stalled long ago


def test_won_deals_mostly_reach_negotiation_and_lost_ones_drop_out_anywhere(
        business: DemoBusiness) -> None:
    won = [d for d in business.deals if d.outcome is Outcome.WON]
    assert sum(d.stage == "Negotiation" for d in won) >= 0.8 * len(won)
    lost_at = Counter(d.stage for d in business.deals if d.outcome is Outcome.LOST)
    assert all(lost_at[stage] >= 50 for stage in DEFAULT_STAGES)


def test_a_few_hundred_clients_many_of_them_returning(business: DemoBusiness) -> None:
    per_client = Counter(d.client for d in business.deals)
    assert 200 <= len(per_client) <= 600
    assert sum(n >= 2 for n in per_client.values()) >= 0.5 * len(per_client)


def test_the_store_derives_new_and_current_customers(business: DemoBusiness,
                                                     store: Store) -> None:
    assert store.add_deals(business.deals, TODAY, business.histories) == 1500
    types = dict(store.db.execute("SELECT customer_type, COUNT(*) FROM deals GROUP BY 1"))
    assert types.keys() == {"new", "current"}
    assert min(types.values()) >= 0.15 * 1500
    # Returning customers say yes more often: one more thing for the Funnel tab to show.
    rates = dict(store.db.execute(
        "SELECT customer_type, AVG(outcome = 'won') FROM deals WHERE outcome <> 'open'"
        " GROUP BY 1"))
    assert rates["current"] > rates["new"] + 0.05
    events = store.db.execute("SELECT COUNT(*) FROM stage_events").fetchone()[0]
    assert events == sum(len(history) for history in business.histories)
