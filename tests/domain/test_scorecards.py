"""Scorecard maths: weak points, template edits, prep-sheet completeness, prepared deals."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.deal_prep import (
    AREAS,
    VARIABLES,
    PrepSheet,
    SpinGroup,
    is_prepared,
    prep_figures,
    prep_figures_of,
)
from salesdesk.domain.deals import Outcome
from salesdesk.domain.metrics import conversion
from salesdesk.domain.periods import twelve_months_to
from salesdesk.domain.scorecards import (
    DEFAULT_TEXTS,
    Assessment,
    Score,
    Section,
    SkillItem,
    Template,
    TemplateError,
    add_item,
    lowest_items,
    move_item,
    rename_item,
    section_means,
    set_item_retired,
    template_text,
    validate_assessment,
    weak_points,
)
from salesdesk.i18n import install
from salesdesk.store.migrations import m002_create_scorecards as m002

D = dt.date


def sheet_of(scores: dict[int, int], day: D = D(2026, 1, 1), id_: int = 1) -> Assessment:
    return Assessment("Anna", "Boss", day, 1, tuple(Score(i, s) for i, s in scores.items()),
                      id_)


# --- weak points --------------------------------------------------------------------------


def test_weak_points_on_known_data() -> None:
    previous = sheet_of({1: 4, 2: 4, 3: 3, 4: 5, 5: 2, 6: 5}, D(2025, 6, 1), 1)
    latest = sheet_of({1: 3, 2: 4, 3: 2, 4: 2, 5: 2, 6: 5}, D(2026, 1, 1), 2)
    weak = weak_points([latest, previous])
    # Lowest three: 3, 4, 5 all score 2 (tie at the third place keeps them all); item 1 fell
    # from 4 to 3 and is listed although 3 is not among the lowest.
    assert [w.item_id for w in weak] == [4, 3, 5, 1]
    by_id = {w.item_id: w for w in weak}
    assert by_id[4].fell and by_id[4].lowest and by_id[4].change == -3
    assert by_id[5].lowest and not by_id[5].fell and by_id[5].change == 0
    assert by_id[1].fell and not by_id[1].lowest
    assert by_id[3].trend == ((D(2025, 6, 1), 3), (D(2026, 1, 1), 2))


def test_ties_at_the_third_place_are_all_listed() -> None:
    latest = sheet_of({1: 1, 2: 3, 3: 3, 4: 3, 5: 4})
    assert [s.item_id for s in lowest_items(latest)] == [1, 2, 3, 4]


def test_no_assessment_has_no_weak_points_and_one_has_no_falls() -> None:
    assert weak_points([]) == []
    weak = weak_points([sheet_of({1: 3, 2: 4})])
    assert {w.item_id for w in weak} == {1, 2} and not any(w.fell for w in weak)


def test_a_top_score_is_never_a_weak_point_but_a_fall_to_four_is() -> None:
    previous = sheet_of(dict.fromkeys(range(1, 15), 5), D(2025, 6, 1), 1)
    latest = sheet_of({**dict.fromkeys(range(1, 14), 5), 14: 4}, D(2026, 1, 1), 2)
    assert [(w.item_id, w.lowest, w.fell) for w in weak_points([latest, previous])] == [
        (14, True, True)]
    assert weak_points([sheet_of({1: 5, 2: 5})]) == []


scores_st = st.dictionaries(st.integers(1, 12), st.integers(1, 5), min_size=1, max_size=12)


@given(scores_st, scores_st)
def test_weak_points_are_exactly_the_lowest_and_the_fallen(latest: dict[int, int],
                                                            before: dict[int, int]) -> None:
    weak = weak_points([sheet_of(before, D(2025, 1, 1), 1), sheet_of(latest, D(2026, 1, 1), 2)])
    ranked = sorted(s for s in latest.values() if s < 5)
    cutoff = ranked[min(3, len(ranked)) - 1] if ranked else 0
    expected_lowest = {i for i, s in latest.items() if s <= cutoff}
    expected_fell = {i for i, s in latest.items() if i in before and before[i] - s >= 1}
    assert {w.item_id for w in weak} == expected_lowest | expected_fell
    assert {w.item_id for w in weak if w.lowest} == expected_lowest
    assert all(w.score == latest[w.item_id] for w in weak)
    assert [w.score for w in weak] == sorted(w.score for w in weak)


# --- template edits -------------------------------------------------------------------------


def _template() -> Template:
    """Version 1 of a checklist shaped like the default one: three interest items, then
    sections of one or two."""
    sections = (Section("interests", "Interests"), Section("rapport", "Rapport"),
                Section("spin", "SPIN questions"))
    layout = (("interests", 3), ("rapport", 2), ("spin", 3))
    items = tuple(SkillItem(id=0, section=key, text=f"{key} item {n + 1}", position=n)
                  for key, count in layout for n in range(count))
    return Template(1, sections, tuple(replace(item, id=number)
                                       for number, item in enumerate(items, start=1)))


def test_template_edits() -> None:
    template = _template()
    added = add_item(template, "spin", "  Asks   need-payoff questions  ")
    assert added.items[-1].text == "Asks need-payoff questions"
    assert added.items[-1].position == 3
    renamed = rename_item(template, 1, "Ten interest areas")
    assert renamed.item(1).text == "Ten interest areas"  # type: ignore[union-attr]
    retired = set_item_retired(template, 2, True)
    assert 2 not in [i.id for i in retired.active_items()]
    assert 2 in [i.id for i in retired.ordered_items()]
    moved = move_item(template, 3, -5)
    assert [i.id for i in moved.ordered_items() if i.section == "interests"] == [3, 1, 2]
    with pytest.raises(TemplateError):
        rename_item(template, 1, "   ")
    with pytest.raises(TemplateError):
        add_item(template, "nope", "x")


def test_assessment_validation_needs_every_active_item() -> None:
    template = set_item_retired(_template(), 2, True)
    active = [i.id for i in template.active_items()]
    ok = Assessment("Anna", "Boss", D(2026, 1, 1), 1, tuple(Score(i, 3) for i in active))
    assert validate_assessment(ok, template) == {}
    missing = Assessment("Anna", "", D(2026, 1, 1), 1, tuple(Score(i, 3) for i in active[1:]))
    errors = validate_assessment(missing, template)
    assert set(errors) == {"assessor", f"item:{active[0]}"}
    means = section_means(ok, template)
    assert means["interests"] == 3 and set(means) == {s.key for s in template.sections}


def test_every_seeded_text_is_marked_for_translation() -> None:
    seeded = {m002.TEMPLATE_NAME, *m002.TACTICS}
    for _, title, items in m002.SECTIONS:
        seeded.add(title)
        seeded.update(text for _, item, good in items for text in (item, good))
    assert seeded == set(DEFAULT_TEXTS)


def test_a_default_text_is_shown_translated_and_the_users_own_as_written() -> None:
    install(lambda context, text, _d: "HU " + text if context == "ScorecardTemplate"
            and text in DEFAULT_TEXTS else text)
    try:
        assert template_text("SPIN questions") == "HU SPIN questions"
        assert template_text("Asks about the budget") == "Asks about the budget"
        assert template_text("") == ""
    finally:
        install(None)


# --- preparation sheets ----------------------------------------------------------------------


def test_completeness_counts_the_48_fields() -> None:
    sheet = PrepSheet()
    assert sheet.field_count() == 48 and sheet.completeness() == 0 and sheet.is_empty()
    sheet = sheet.with_cell(0, 0, concede="free delivery")
    assert sheet.filled_count() == 0  # half a cell is not a prepared variable
    sheet = sheet.with_cell(0, 0, ask="12-month contract")
    assert sheet.filled_count() == 1
    full = replace(sheet, rapport="sails", spin=("a", "b", "c", "d"), price_arguments="x",
                   counter_arguments="y", tactics_reviewed=True)
    assert full.filled_count() == 1 + 1 + 4 + 2 + 1
    for a in range(AREAS):
        for v in range(VARIABLES):
            full = full.with_cell(a, v, concede="c", ask="a")
    assert full.completeness() == 1.0
    assert PrepSheet.from_json(full.to_json()) == full
    assert len(SpinGroup) == 4


def test_a_spotted_tactic_counts_the_checklist_as_reviewed() -> None:
    spotted = replace(PrepSheet(), tactics=("False deadline",))
    assert not spotted.tactics_reviewed and spotted.filled_count() == 1
    assert replace(PrepSheet(), tactics_reviewed=True).filled_count() == 1
    assert replace(spotted, tactics_reviewed=True).filled_count() == 1  # one field, not two


@given(st.sets(st.integers(0, 39)), st.sets(st.integers(0, 3)), st.booleans(),
       st.booleans(), st.booleans(), st.booleans())
def test_completeness_is_filled_over_all(cells: set[int], spin: set[int], rapport: bool,
                                         arguments: bool, counter: bool, reviewed: bool) -> None:
    sheet = PrepSheet()
    for cell in cells:
        sheet = sheet.with_cell(cell // 4, cell % 4, concede="give", ask="get")
    sheet = replace(sheet, spin=tuple("q" if i in spin else " " for i in range(4)),
                    rapport="r" if rapport else "", price_arguments="p" if arguments else "",
                    counter_arguments="c" if counter else "", tactics_reviewed=reviewed)
    filled = len(cells) + len(spin) + rapport + arguments + counter + reviewed
    assert sheet.completeness() == filled / 48
    assert PrepSheet.from_json(sheet.to_json()) == sheet


outcomes = st.sampled_from([Outcome.WON, Outcome.LOST, Outcome.OPEN])
completeness_st = st.one_of(st.none(), st.integers(0, 48).map(lambda n: n / 48))


@given(st.lists(st.tuples(outcomes, completeness_st), max_size=60),
       st.sampled_from([0.25, 0.5, 0.75, 1.0]))
def test_prepared_share_and_conversions(deals: list[tuple[Outcome, float | None]],
                                        threshold: float) -> None:
    result = prep_figures(deals, threshold)
    decided = [(o, c) for o, c in deals if o is not Outcome.OPEN]
    prepared = [(o, c) for o, c in decided if c is not None and c >= threshold]
    unprepared = [(o, c) for o, c in decided if not (c is not None and c >= threshold)]
    assert result.decided == len(decided) and result.prepared == len(prepared)
    assert result.share == (len(prepared) / len(decided) if decided else None)

    def conv(group: list[tuple[Outcome, float | None]]) -> float | None:
        won = sum(o is Outcome.WON for o, _ in group)
        return conversion(won, len(group) - won)

    assert result.conversion_prepared == conv(prepared)
    assert result.conversion_unprepared == conv(unprepared)
    assert result.unprepared == len(unprepared)


def test_prepared_means_at_least_the_threshold() -> None:
    assert is_prepared(0.5) and not is_prepared(0.49) and not is_prepared(None)
    assert is_prepared(0.3, 0.25)


@given(st.dates(D(2001, 1, 1), D(2099, 12, 31)))
def test_twelve_months_up_to_a_day(day: D) -> None:
    start, end = twelve_months_to(day)
    assert end == day and 365 <= (end - start).days + 1 <= 366
    assert start > D(day.year - 1, day.month, min(day.day, 28)) - dt.timedelta(days=1)


prep_deals_st = st.lists(st.tuples(st.sampled_from([Outcome.WON, Outcome.LOST]),
                                   st.one_of(st.none(), st.floats(0, 1))), max_size=40)


@given(prep_deals_st, st.floats(0.05, 1))
def test_prep_figures_from_totals_and_sheets_equal_those_from_every_deal(
        deals: list[tuple[Outcome, float | None]], threshold: float) -> None:
    won = sum(1 for o, _ in deals if o is Outcome.WON)
    sheets = [(o, c) for o, c in deals if c is not None]
    assert prep_figures_of(won, len(deals) - won, sheets, threshold) == prep_figures(
        deals, threshold)
