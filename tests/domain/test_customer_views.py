"""The target customer (audiences that take the most time for the fewest wins), lost reasons
by slice and competitor notes (issue 17)."""

from __future__ import annotations

import pytest

from salesdesk.domain.competitors import CompetitorNotes, StepNote, check_notes, same_competitor
from salesdesk.domain.lost_reasons import NO_REASON, OTHER_VALUES, lost_reason_table
from salesdesk.domain.metrics import Tally
from salesdesk.domain.slices import Dimension
from salesdesk.domain.target_customer import days_per_win, target_view


def test_days_per_win_is_all_deal_days_over_wins() -> None:
    assert days_per_win(Tally(won=2, lost=3, won_days=20, lost_days=40)) == 30
    assert days_per_win(Tally(won=0, lost=3, lost_days=40)) is None


def test_costly_audiences_are_pointed_out_costliest_first() -> None:
    households = Tally(won=30, lost=10, won_days=300, lost_days=100)  # 13 days per win
    public = Tally(won=5, lost=20, won_days=400, lost_days=1000)  # 280 days per win
    small = Tally(won=20, lost=20, won_days=800, lost_days=800)  # 80 days per win
    hopeless = Tally(won=0, lost=25, lost_days=500)
    tiny = Tally(won=0, lost=3, lost_days=90)  # too few to judge
    overall = Tally(won=55, lost=78, won_days=1500, lost_days=2490)
    view = target_view([("Households", households), ("Public sector", public),
                        ("Small businesses", small), ("Hopeless", hopeless), (None, tiny)],
                       [("new", Tally(won=1, lost=1)), ("current", Tally(won=1))],
                       overall, threshold=20)
    assert view.overall_days_per_win == pytest.approx(3990 / 55)
    costly = {row.value: row.costly for row in view.audiences}
    assert costly == {"Households": False, "Public sector": True, "Small businesses": True,
                      "Hopeless": True, None: False}
    assert view.costly[0].startswith("Hopeless: no win from 25 decided deals")
    assert view.costly[1].startswith("Public sector takes 280 deal-days per win, 3.9×")
    assert view.costly[2].startswith("Small businesses takes 80 deal-days per win")
    assert [row.value for row in view.customer_types] == ["new", "current"]
    assert view.audiences[0].figures.conversion == 0.75


def test_lost_reasons_by_value_most_lost_first_no_reason_last() -> None:
    table = lost_reason_table([
        ("Web", "Price", 5), ("Web", None, 1), ("Shop", "Competitor", 7), ("Shop", "Price", 1),
        ("Web", "Price", 2), ("Phone", "Timing", 0)], Dimension.CHANNEL)
    assert table.values == ("Shop", "Web")
    assert table.reasons == ("Price", "Competitor", None)  # most given first
    assert table.counts == ((1, 7, 0), (7, 0, 1))
    assert table.lost == 16 and table.total(1) == 8 and table.reason_total(1) == 7
    assert table.dominant(0) == ("Competitor", 7 / 8)
    assert table.dominant(1) == ("Price", 7 / 8)
    assert NO_REASON == "(no reason given)"


def test_many_values_are_summed_into_other_values() -> None:
    rows = [(f"Rep {i:02}", "Price", 20 - i) for i in range(15)]
    table = lost_reason_table(rows, Dimension.REP, max_values=12)
    assert len(table.values) == 13 and table.values[-1] == OTHER_VALUES
    assert table.counts[-1] == (sum(20 - i for i in range(12, 15)),)
    assert table.values_total == 15
    assert len(lost_reason_table(rows[:13], Dimension.REP, 12).values) == 13  # no lone "other"


def test_competitor_notes_are_cleaned_and_names_compared_loosely() -> None:
    notes, problem = check_notes(CompetitorNotes("  Thermo  Pro ", (
        StepNote(" Quote ", " PDF ", ""), StepNote("", "", ""), StepNote("", "x", ""))))
    assert problem == "" and notes == CompetitorNotes("Thermo Pro", (
        StepNote("Quote", "PDF", ""), StepNote("(unnamed step)", "x", "")))
    assert check_notes(CompetitorNotes(" ")) == (None, "Name the competitor.")
    assert same_competitor("thermo  PRO", " Thermo Pro")
    assert not same_competitor("Thermo", "Thermo Pro")


def test_days_per_win_uses_the_known_lengths_only() -> None:
    # 4 decided deals, 2 won; the 3 known lengths sum to 90 days (30 on average).
    counts = Tally(won=2, lost=2, won_days=60, lost_days=30, lost_length_unknown=1)
    assert days_per_win(counts) == pytest.approx(30 / (2 / 4))
    assert days_per_win(Tally(won=1, won_length_unknown=1)) is None
