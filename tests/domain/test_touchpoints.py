"""Touchpoint changes (issue 17): equal windows before and after a change, conversion and deal
length in each with n and intervals, and a verdict only when the intervals allow one — on
known data, deal by deal and through the analytics cache."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.columns import DealColumns
from salesdesk.domain.deals import DEFAULT_STAGES, Deal, Outcome
from salesdesk.domain.slices import Dimension
from salesdesk.domain.touchpoints import (
    LengthSample,
    Scope,
    TouchpointChange,
    check_change,
    newcombe_interval,
    reference_before_after,
    windows,
)
from salesdesk.reports.customers_report import change_effect

D = dt.date
CHANGE_ON = D(2026, 4, 1)
TODAY = D(2026, 12, 1)


def closed(outcome: Outcome, closed_on: D, days: int, channel: str = "Shop") -> Deal:
    return Deal(f"{channel} {outcome} {closed_on}", outcome, channel=channel,
                first_contact=closed_on - dt.timedelta(days=days), closed_on=closed_on)


def window_deals(start: D, won: int, lost: int, won_days: int, lost_days: int,
                 channel: str = "Shop") -> list[Deal]:
    """``won`` and ``lost`` deals closed on the days from ``start`` on, one a day."""
    deals = []
    for index in range(won + lost):
        outcome = Outcome.WON if index < won else Outcome.LOST
        length = (won_days if outcome is Outcome.WON else lost_days) + index % 3
        deals.append(closed(outcome, start + dt.timedelta(days=index), length, channel))
    return deals


def both_ways(deals: list[Deal], change: TouchpointChange, days: int = 90,
              today: D = TODAY):  # type: ignore[no-untyped-def]
    reference = reference_before_after(deals, change, days, today, stages=DEFAULT_STAGES)
    cache = AnalyticsCache.build(DealColumns.from_deals(deals, DEFAULT_STAGES))
    cached = change_effect(cache, change, days, today)
    assert cached == reference
    return reference


def test_windows_are_equal_and_meet_at_the_change() -> None:
    spans = windows(CHANGE_ON, 90, TODAY)
    assert spans is not None
    assert spans.after == (CHANGE_ON, D(2026, 6, 29))
    assert spans.before == (D(2026, 1, 1), D(2026, 3, 31))
    assert spans.days == 90 and not spans.shortened


def test_a_recent_change_shrinks_both_windows_and_a_future_one_has_none() -> None:
    spans = windows(D(2026, 11, 22), 90, TODAY)
    assert spans is not None and spans.days == 10 and spans.shortened
    assert spans.after == (D(2026, 11, 22), TODAY)
    assert spans.before == (D(2026, 11, 12), D(2026, 11, 21))
    assert windows(TODAY, 30, TODAY) is not None
    assert windows(TODAY + dt.timedelta(days=1), 30, TODAY) is None
    with pytest.raises(ValueError):
        windows(CHANGE_ON, 0, TODAY)


def test_a_clear_rise_in_conversion_gets_a_verdict_with_n_and_intervals() -> None:
    change = TouchpointChange("Price tags", CHANGE_ON, "New price tags in shop 2")
    deals = (window_deals(D(2026, 1, 5), won=10, lost=30, won_days=20, lost_days=20)
             + window_deals(D(2026, 4, 3), won=30, lost=10, won_days=20, lost_days=20)
             + window_deals(D(2025, 10, 1), won=5, lost=0, won_days=5, lost_days=5))  # outside
    result = both_ways(deals, change)
    before, after = result.before, result.after
    assert (before.won, before.lost, after.won, after.lost) == (10, 30, 30, 10)
    assert before.conversion == 0.25 and after.conversion == 0.75
    assert before.conversion_low is not None and before.conversion_high is not None
    assert before.conversion_low < 0.25 < before.conversion_high
    assert result.conversion.difference == pytest.approx(0.5)
    assert result.conversion.low is not None and result.conversion.low > 0
    assert result.conversion.verdict is not None
    assert result.conversion.verdict.startswith("Conversion rose after the change: 25 % → 75 %")
    # Lengths did not move: no verdict on them, and the sentence says why.
    assert result.length.verdict is None
    assert "likely range includes no change" in result.length.note
    assert result.verdicts == (result.conversion.verdict,)


def test_too_few_deals_give_no_verdict_however_large_the_change() -> None:
    change = TouchpointChange("Logo", CHANGE_ON, "New logo")
    deals = (window_deals(D(2026, 2, 1), won=0, lost=10, won_days=10, lost_days=10)
             + window_deals(D(2026, 4, 2), won=10, lost=0, won_days=10, lost_days=10))
    result = both_ways(deals, change)
    assert result.conversion.verdict is None and result.length.verdict is None
    assert "too few decided deals (10 before, 10 after; 20 needed" in result.conversion.note
    # With a lower threshold the same change is judged.
    judged = reference_before_after(deals, change, 90, TODAY, threshold=5)
    assert judged is not None and judged.conversion.verdict is not None


def test_shorter_deals_after_the_change_get_a_length_verdict() -> None:
    change = TouchpointChange("Presentations", CHANGE_ON, "Shorter proposal deck")
    deals = (window_deals(D(2026, 1, 10), won=15, lost=15, won_days=40, lost_days=38)
             + window_deals(D(2026, 4, 5), won=15, lost=15, won_days=20, lost_days=18))
    result = both_ways(deals, change)
    assert result.conversion.verdict is None
    assert result.length.verdict is not None
    assert result.length.verdict.startswith("Deals got shorter after the change")
    assert result.after.length_n == 30 and result.before.lengths.n == 30
    assert result.length.high is not None and result.length.high < 0


def test_a_scoped_change_counts_only_its_slice() -> None:
    change = TouchpointChange("Website", CHANGE_ON, "Online booking",
                              Scope(Dimension.CHANNEL, "Web"))
    deals = (window_deals(D(2026, 1, 5), won=10, lost=30, won_days=9, lost_days=9,
                          channel="Web")
             + window_deals(D(2026, 4, 3), won=30, lost=10, won_days=9, lost_days=9,
                            channel="Web")
             + window_deals(D(2026, 4, 3), won=0, lost=40, won_days=9, lost_days=9))
    result = both_ways(deals, change)
    assert result.after.decided == 40 and result.after.conversion == 0.75
    whole = reference_before_after(deals, TouchpointChange("Website", CHANGE_ON, "x"), 90,
                                   TODAY)
    assert whole is not None and whole.after.decided == 80


def test_a_window_without_deals_says_so() -> None:
    change = TouchpointChange("Counters", CHANGE_ON, "New counters")
    result = both_ways(window_deals(D(2026, 4, 3), won=3, lost=1, won_days=2, lost_days=2),
                       change)
    assert result.before.decided == 0 and result.before.conversion is None
    assert result.conversion.verdict is None
    assert "no decided deal" in result.conversion.note
    assert "no closed deal" in result.length.note


@given(st.lists(st.tuples(st.sampled_from([Outcome.WON, Outcome.LOST]), st.integers(0, 200),
                          st.integers(0, 60), st.sampled_from(["Web", "Shop"])),
                max_size=60),
       st.integers(1, 120))
def test_the_cache_gives_the_reference_comparison(
        rows: list[tuple[Outcome, int, int, str]], days: int) -> None:
    deals = [closed(outcome, D(2026, 1, 1) + dt.timedelta(days=offset), length, channel)
             for outcome, offset, length, channel in rows]
    for scope in (None, Scope(Dimension.CHANNEL, "Web")):
        both_ways(deals, TouchpointChange("Website", CHANGE_ON, "x", scope), days)


def test_newcombe_interval_matches_the_published_example() -> None:
    # Newcombe (1998), example (a): 56/70 against 48/80, difference 0.2000, 0.0524 to 0.3339.
    low, high = newcombe_interval(48, 80, 56, 70) or (0.0, 0.0)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)
    assert newcombe_interval(0, 0, 1, 2) is None


def test_the_length_interval_is_students_t() -> None:
    sample = LengthSample.of_histogram({10: 1, 20: 1, 30: 1})
    assert (sample.n, sample.total, sample.squares) == (3, 60, 1400)
    assert sample.mean == 20 and sample.variance == 100
    low, high = sample.interval() or (0.0, 0.0)
    half = 4.302652729911275 * 10 / math.sqrt(3)
    assert low == pytest.approx(20 - half) and high == pytest.approx(20 + half)
    assert LengthSample.of_histogram({5: 1}).interval() is None


def test_checking_a_change() -> None:
    change, errors = check_change("  Price  tags ", CHANGE_ON, " new tags ",
                                  Scope(Dimension.REGION, " North "))
    assert errors == {} and change == TouchpointChange(
        "Price tags", CHANGE_ON, "new tags", Scope(Dimension.REGION, "North"))
    assert change.describe() == "2026-04-01 · Price tags: new tags (Region: North)"
    _, errors = check_change("", None, " ", Scope(Dimension.STAGE, "Lead"))
    assert set(errors) == {"touchpoint", "date", "description", "scope"}
