"""The reference metrics of DESIGN.md §4: conversion, deal length, periods, money, funnel."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.metrics import (
    Z_95,
    FunnelTally,
    MoneyRules,
    MoneyTally,
    Tally,
    figures,
    funnel_figures,
    reference_funnel,
    reference_result,
    tally,
    to_base,
    wilson_interval,
)
from salesdesk.domain.periods import Bucket, Period, parse_bucket
from salesdesk.domain.slices import Dimension, Query, Slice

D = dt.date
EUR = MoneyRules("EUR", {"USD": 0.9}, {"EUR": 2, "USD": 2, "JPY": 0})


def won(first: dt.date, days: int, **kw: object) -> Deal:
    return Deal(title="w", outcome=Outcome.WON, first_contact=first,
                closed_on=first + dt.timedelta(days=days), **kw)  # type: ignore[arg-type]


def lost(first: dt.date, days: int, **kw: object) -> Deal:
    return Deal(title="l", outcome=Outcome.LOST, first_contact=first,
                closed_on=first + dt.timedelta(days=days), **kw)  # type: ignore[arg-type]


def open_(first: dt.date | None, **kw: object) -> Deal:
    return Deal(title="o", outcome=Outcome.OPEN, first_contact=first,
                **kw)  # type: ignore[arg-type]


# --- deal length -------------------------------------------------------------------------------


def test_worked_example_20_30_40_days_average_30() -> None:
    deals = [won(D(2026, 1, 1), 20), lost(D(2026, 1, 1), 30), won(D(2026, 2, 1), 40)]
    f = figures(tally(deals))
    assert f.avg_deal_length_days == 30.0  # 90 / 3
    assert f.median_deal_length_days == 30.0
    assert f.avg_deal_length_won_days == 30.0  # (20 + 40) / 2
    assert f.avg_deal_length_lost_days == 30.0


def test_decided_deals_of_unknown_length_count_in_conversion_only() -> None:
    """DESIGN.md §4: an imported won/lost deal without its close date or first contact."""
    no_close = Deal(title="n", outcome=Outcome.WON, first_contact=D(2026, 1, 1))
    no_first = Deal(title="f", outcome=Outcome.LOST, closed_on=D(2026, 1, 20))
    deals = [won(D(2026, 1, 1), 20), lost(D(2026, 1, 1), 40), no_close, no_first]
    f = figures(tally(deals))
    assert (f.won, f.lost, f.decided, f.conversion) == (2, 2, 4, 0.5)
    assert f.length_unknown == 2
    assert f.avg_deal_length_days == 30.0  # (20 + 40) / 2, not / 4
    assert f.median_deal_length_days == 30.0
    assert (f.avg_deal_length_won_days, f.avg_deal_length_lost_days) == (20.0, 40.0)
    # Without a close date it belongs to no period by close date, and is never open.
    january = tally(deals, Period.between(D(2026, 1, 1), D(2026, 1, 31)))
    assert (january.won, january.lost, january.open, january.length_unknown) == (1, 1, 1, 1)
    # In cohorts it counts by its first contact (the one without one: all time only).
    cohort = tally(deals, Period.between(D(2026, 1, 1), D(2026, 1, 31)), cohort=True)
    assert (cohort.won, cohort.lost, cohort.length_unknown) == (2, 1, 1)
    only_unknown = figures(tally([no_close]))
    assert only_unknown.conversion == 1.0 and only_unknown.avg_deal_length_days is None


def test_lost_deals_count_in_deal_length_and_same_day_is_zero() -> None:
    deals = [won(D(2026, 1, 1), 0), lost(D(2026, 1, 1), 9)]
    f = figures(tally(deals))
    assert f.avg_deal_length_days == 4.5
    assert f.median_deal_length_days == 4.5  # even count: mean of the two middle lengths
    assert f.avg_deal_length_won_days == 0.0
    assert f.avg_deal_length_lost_days == 9.0


def test_open_deals_have_no_length() -> None:
    f = figures(tally([open_(D(2026, 1, 1)), open_(None), won(D(2026, 1, 1), 7)]))
    assert f.avg_deal_length_days == 7.0
    assert f.avg_deal_length_lost_days is None


# --- conversion --------------------------------------------------------------------------------


def test_undecided_customers_do_not_count() -> None:
    deals = [won(D(2026, 1, 1), 3), lost(D(2026, 1, 1), 3), lost(D(2026, 1, 1), 3),
             *[open_(D(2026, 1, 1)) for _ in range(50)]]
    f = figures(tally(deals))
    assert (f.won, f.lost, f.open, f.decided, f.deals) == (1, 2, 50, 3, 53)
    assert f.conversion == pytest.approx(1 / 3)
    assert f.conversion == 1 / 3


def test_no_decided_deal_means_undefined_not_zero() -> None:
    f = figures(tally([open_(D(2026, 1, 1)), open_(None)]))
    assert f.conversion is None
    assert f.conversion_low is None and f.conversion_high is None
    assert f.avg_deal_length_days is None and f.median_deal_length_days is None
    assert f.too_few is True
    assert f.won_amount == 0.0 and f.amount_unknown == 0


def test_empty_slice_figures() -> None:
    f = figures(Tally())
    assert (f.deals, f.decided, f.conversion, f.too_few) == (0, 0, None, True)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (Wilson score).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        # Textbook values: 5/10 -> 0.2366..0.7634; the extremes have closed forms.
        (5, 10, 0.2366, 0.7634),
    ],
)
def test_wilson_interval_known_values(successes: int, n: int, low: float, high: float) -> None:
    interval = wilson_interval(successes, n)
    assert interval is not None
    assert round(interval[0], 4) == low
    assert round(interval[1], 4) == high


def test_wilson_interval_extremes_are_exact() -> None:
    z2 = Z_95**2
    assert wilson_interval(0, 10) == (0.0, pytest.approx(z2 / (10 + z2)))
    assert wilson_interval(10, 10) == (pytest.approx(10 / (10 + z2)), 1.0)
    assert wilson_interval(0, 0) is None
    assert math.isclose(Z_95, 1.959963984540054)
    with pytest.raises(ValueError):
        wilson_interval(3, 2)


def test_conversion_interval_in_figures() -> None:
    deals = [won(D(2026, 1, 1), 1) for _ in range(5)] + [lost(D(2026, 1, 1), 1)
                                                        for _ in range(5)]
    f = figures(tally(deals))
    assert f.conversion == 0.5
    assert (f.conversion_low, f.conversion_high) == wilson_interval(5, 10)


@pytest.mark.parametrize(("decided", "threshold", "too_few"),
                         [(19, 20, True), (20, 20, False), (21, 20, False),
                          (4, 5, True), (5, 5, False), (0, 0, False)])
def test_small_sample_flag_uses_the_threshold(decided: int, threshold: int, too_few: bool
                                              ) -> None:
    t = Tally(won=decided // 2, lost=decided - decided // 2, open=100)
    assert figures(t, threshold=threshold).too_few is too_few


def test_default_threshold_is_twenty() -> None:
    assert figures(Tally(won=10, lost=9)).too_few is True
    assert figures(Tally(won=10, lost=10)).too_few is False


# --- periods -----------------------------------------------------------------------------------

# A: first contact Jan 10, won Feb 5.        B: first contact Jan 20, lost Mar 10.
# C: open, first contact Feb 15.             D: open, no first contact yet.
# E: open, first contact Mar 5.              F: first contact Dec 1 2025, won Jan 31.
A = won(D(2026, 1, 10), 26, rep="Anna")
B = lost(D(2026, 1, 20), 49, rep="Anna")
C = open_(D(2026, 2, 15), rep="Ben")
DD = open_(None, rep="Ben")
E = open_(D(2026, 3, 5))
F = won(D(2025, 12, 1), 61, rep="Anna")
ALL = [A, B, C, DD, E, F]
FEB = Period.between(D(2026, 2, 1), D(2026, 2, 28))


def test_period_counts_closes_in_it_and_open_at_its_end() -> None:
    t = tally(ALL, FEB)
    # Won in February: A. Open on Feb 28: B (closes in March), C, D (no first contact yet);
    # not E (first contacted in March) nor F (closed in January).
    assert (t.won, t.lost, t.open, t.deals) == (1, 0, 3, 4)
    assert t.won_days == 26


def test_all_time_counts_every_close_and_the_deals_open_now() -> None:
    t = tally(ALL)
    assert (t.won, t.lost, t.open) == (2, 1, 3)


def test_open_at_end_of_a_period_before_any_close() -> None:
    t = tally(ALL, Period.between(None, D(2026, 1, 15)))
    # Closed by Jan 15: nothing. Open on Jan 15: A, F (first contacted before), D.
    assert (t.won, t.lost, t.open) == (0, 0, 3)


def test_closed_on_the_last_day_is_not_open_then() -> None:
    t = tally(ALL, Period.between(D(2026, 1, 1), D(2026, 1, 31)))
    assert (t.won, t.lost, t.open) == (1, 0, 3)  # F won Jan 31; open: A, B, D


def test_cohort_counts_first_contacts_by_outcome_today() -> None:
    jan = Period.between(D(2026, 1, 1), D(2026, 1, 31))
    assert (tally(ALL, jan, cohort=True).won, tally(ALL, jan, cohort=True).lost) == (1, 1)
    feb = tally(ALL, FEB, cohort=True)
    assert (feb.won, feb.lost, feb.open) == (0, 0, 1)  # C only; D has no first contact
    everything = tally(ALL, Period(), cohort=True)
    assert (everything.won, everything.lost, everything.open) == (2, 1, 3)  # D included


def test_empty_period_counts_nothing() -> None:
    t = tally(ALL, Period.between(D(2026, 3, 1), D(2026, 2, 1)))
    assert t == Tally()


def test_grouping_by_month_attributes_closes_and_open_counts_per_month() -> None:
    q = Query(Slice(period=Period.between(D(2026, 1, 1), None)), (Dimension.MONTH,))
    result = reference_result(ALL, q)
    rows = {key: (t.won, t.lost, t.open) for key, t in result.groups}
    assert list(rows) == [("2026-01",), ("2026-02",), ("2026-03",)]  # date order
    assert rows[("2026-01",)] == (1, 0, 3)  # F won; open Jan 31: A, B, D
    assert rows[("2026-02",)] == (1, 0, 3)  # A won; open Feb 28: B, C, D
    assert rows[("2026-03",)] == (0, 1, 3)  # B lost; open Mar 31: C, D, E
    assert (result.overall.won, result.overall.lost, result.overall.open) == (2, 1, 3)


def test_grouping_by_quarter_with_a_partial_last_quarter() -> None:
    q = Query(Slice(period=Period.between(D(2025, 10, 1), D(2026, 2, 28))),
              (Dimension.QUARTER,))
    rows = {key[0]: (t.won, t.lost, t.open) for key, t in reference_result(ALL, q).groups}
    assert rows == {"2025-Q4": (0, 0, 2),  # open Dec 31: F, D
                    "2026-Q1": (2, 0, 3)}  # won F, A by Feb 28; open then: B, C, D


def test_month_filter_is_a_period() -> None:
    months = Period.of_buckets(Bucket.MONTH, [parse_bucket(Bucket.MONTH, "2026-02")])
    assert tally(ALL, months) == tally(ALL, FEB)


def test_cohort_grouping_by_month_puts_leads_without_first_contact_under_none() -> None:
    q = Query(Slice(cohort=True), (Dimension.MONTH,))
    rows = {key[0]: (t.won, t.lost, t.open) for key, t in reference_result(ALL, q).groups}
    assert list(rows) == ["2025-12", "2026-01", "2026-02", "2026-03", None]
    assert rows["2026-01"] == (1, 1, 0)
    assert rows[None] == (0, 0, 1)


# --- slices and groups -------------------------------------------------------------------------


def test_null_group_and_order_by_decided_then_value() -> None:
    q = Query(Slice(), (Dimension.REP,))
    result = reference_result(ALL, q)
    assert [key for key, _ in result.groups] == [("Anna",), ("Ben",), (None,)]
    assert [t.decided for _, t in result.groups] == [3, 0, 0]


def test_filters_or_within_and_across_dimensions() -> None:
    deals = [won(D(2026, 1, 1), 1, rep="Anna", channel="Web"),
             won(D(2026, 1, 1), 1, rep="Ben", channel="Web"),
             won(D(2026, 1, 1), 1, rep="Cleo", channel="Web"),
             won(D(2026, 1, 1), 1, rep="Anna", channel="Fair")]
    both = Slice({Dimension.REP: frozenset({"Anna", "Ben"}),
                  Dimension.CHANNEL: frozenset({"Web"})})
    assert reference_result(deals, Query(both)).overall.won == 2
    none_rep = Slice({Dimension.REP: frozenset({None})})
    assert reference_result([*deals, won(D(2026, 1, 1), 1)], Query(none_rep)).overall.won == 1


def test_two_dimensions() -> None:
    deals = [won(D(2026, 1, 1), 1, rep="Anna", channel="Web"),
             lost(D(2026, 1, 1), 1, rep="Anna", channel="Web"),
             won(D(2026, 1, 1), 1, rep="Ben", channel=None)]
    result = reference_result(deals, Query(Slice(), (Dimension.REP, Dimension.CHANNEL)))
    assert [key for key, _ in result.groups] == [("Anna", "Web"), ("Ben", None)]


def test_stage_dimension_defaults_to_the_first_stage() -> None:
    deals = [open_(D(2026, 1, 1)), open_(D(2026, 1, 1), stage="Proposal")]
    result = reference_result(deals, Query(Slice(), (Dimension.STAGE,)),
                              ("Lead", "Proposal"))
    assert {key[0] for key, _ in result.groups} == {"Lead", "Proposal"}


# --- money -------------------------------------------------------------------------------------


def test_money_in_the_base_currency_with_unknown_and_left_out() -> None:
    deals = [won(D(2026, 1, 1), 1, amount=1050, currency="EUR"),
             won(D(2026, 1, 1), 1, amount=1000, currency="USD"),   # 10.00 USD = 9.00 EUR
             won(D(2026, 1, 1), 1, amount=None, currency="EUR"),   # unknown
             won(D(2026, 1, 1), 1, amount=500, currency="JPY"),    # no rate: left out
             lost(D(2026, 1, 1), 1, amount=99999, currency="EUR")]  # lost: not won money
    f = figures(tally(deals), money=EUR)
    assert f.won_amount == 19.5
    assert (f.amount_unknown, f.amount_left_out) == (1, 1)


def test_money_is_exact_and_rounded_once() -> None:
    money = MoneyTally(0, (("EUR", 2, 30),))  # 0.10 + 0.20
    assert to_base(money, EUR).amount == 0.3
    huge = MoneyTally(0, (("EUR", 3, 3 * 10**17 + 1),))
    assert to_base(huge, EUR).amount == float(3 * 10**15)


def test_zero_decimal_currency_and_bad_rates() -> None:
    rules = MoneyRules("JPY", {"EUR": 160.0, "USD": 0.0, "GBP": float("nan")},
                       {"JPY": 0, "EUR": 2, "USD": 2, "GBP": 2})
    money = MoneyTally(0, (("EUR", 1, 150), ("GBP", 1, 100), ("JPY", 1, 500),
                           ("USD", 1, 100), ("XXX", 1, 1)))
    result = to_base(money, rules)
    assert result.amount == 500 + 240.0
    assert result.left_out == 3  # GBP (NaN rate), USD (zero rate), XXX (no digits, no rate)


# --- funnel ------------------------------------------------------------------------------------

STAGES = ("Lead", "Contacted", "Proposal")


def test_funnel_reached_skipped_stages_and_won_as_last_step() -> None:
    deals = [open_(D(2026, 1, 1), stage="Lead", amount=100),
             open_(D(2026, 1, 1), stage="Proposal", amount=200),  # skipped Contacted
             lost(D(2026, 1, 1), 3, stage="Contacted", amount=None),
             won(D(2026, 1, 1), 3, stage="Lead", amount=400),  # won: passed every stage
             open_(None, stage=None, amount=800),  # no stage: first stage only
             open_(D(2026, 1, 1), stage="Gone", amount=1600)]  # unknown stage: first only
    funnel = reference_funnel(deals, Slice(), STAGES)
    assert funnel.reached == (6, 3, 2)
    assert funnel.won == 1
    steps = funnel_figures(funnel, EUR)
    assert [s.name for s in steps] == ["Lead", "Contacted", "Proposal", "won"]
    assert [s.deals for s in steps] == [6, 3, 2, 1]
    assert [s.conversion for s in steps] == [None, 0.5, 2 / 3, 0.5]
    assert [s.amount for s in steps] == [31.0, 6.0, 6.0, 4.0]
    assert [s.amount_unknown for s in steps] == [1, 1, 0, 0]
    assert steps[1].amount_conversion == 6.0 / 31.0
    assert steps[-1].is_won


def test_funnel_counts_the_period_population() -> None:
    funnel = reference_funnel(ALL, Slice(period=FEB), ("Lead",))
    assert funnel.reached == (4,)  # A (won in Feb) and B, C, D open at its end
    assert funnel.won == 1


def test_funnel_won_is_the_headline_won_of_a_closed_period() -> None:
    """Issue 15: deals won after the period's end were open at that end; the funnel showed
    them as won (9) while the headline said 5."""
    in_feb = [won(D(2026, 1, 20), 20 + n, stage="Proposal") for n in range(5)]
    after = [won(D(2026, 2, 10), 30 + n, stage="Contacted") for n in range(4)]  # won in March
    funnel = reference_funnel([*in_feb, *after], Slice(period=FEB), STAGES)
    counts = tally([*in_feb, *after], FEB)

    assert funnel.won == counts.won == 5
    assert funnel.reached == (9, 9, 5)  # the four open ones stand at their stage, Contacted
    cohort = reference_funnel([*in_feb, *after], Slice(period=FEB, cohort=True), STAGES)
    assert cohort.won == 4  # first contacted in February, won today


def test_empty_funnel() -> None:
    steps = funnel_figures(FunnelTally(("Lead",), (0,), (MoneyTally(),)))
    assert [(s.deals, s.conversion) for s in steps] == [(0, None), (0, None)]
