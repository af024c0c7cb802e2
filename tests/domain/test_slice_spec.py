"""The Funnel tab's selection: period presets, the comparison period, persistence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.periods import Period
from salesdesk.domain.slice_spec import PeriodPreset, SliceSpec, preset_range, previous_range
from salesdesk.domain.slices import Dimension

D = dt.date
TODAY = D(2026, 2, 14)


@pytest.mark.parametrize(("preset", "expected"), [
    (PeriodPreset.THIS_MONTH, (D(2026, 2, 1), D(2026, 2, 28))),
    (PeriodPreset.LAST_MONTH, (D(2026, 1, 1), D(2026, 1, 31))),
    (PeriodPreset.THIS_QUARTER, (D(2026, 1, 1), D(2026, 3, 31))),
    (PeriodPreset.LAST_QUARTER, (D(2025, 10, 1), D(2025, 12, 31))),
    (PeriodPreset.THIS_YEAR, (D(2026, 1, 1), D(2026, 12, 31))),
    (PeriodPreset.LAST_12_MONTHS, (D(2025, 3, 1), D(2026, 2, 28))),
    (PeriodPreset.ALL_TIME, (None, None)),
])
def test_presets(preset: PeriodPreset, expected: tuple[D | None, D | None]) -> None:
    assert preset_range(preset, TODAY) == expected


def test_this_year_follows_the_fiscal_start() -> None:
    assert preset_range(PeriodPreset.THIS_YEAR, TODAY, 4) == (D(2025, 4, 1), D(2026, 3, 31))


@pytest.mark.parametrize(("preset", "dates", "expected"), [
    (PeriodPreset.THIS_MONTH, (D(2026, 3, 1), D(2026, 3, 31)), (D(2026, 2, 1), D(2026, 2, 28))),
    (PeriodPreset.THIS_QUARTER, (D(2026, 1, 1), D(2026, 3, 31)),
     (D(2025, 10, 1), D(2025, 12, 31))),
    (PeriodPreset.LAST_12_MONTHS, (D(2025, 3, 1), D(2026, 2, 28)),
     (D(2024, 3, 1), D(2025, 2, 28))),
    (PeriodPreset.CUSTOM, (D(2026, 1, 10), D(2026, 1, 19)), (D(2025, 12, 31), D(2026, 1, 9))),
    (PeriodPreset.ALL_TIME, (None, None), None),
    (PeriodPreset.CUSTOM, (D(2026, 1, 10), None), None),
])
def test_previous_period(preset: PeriodPreset, dates: tuple[D | None, D | None],
                         expected: tuple[D, D] | None) -> None:
    assert previous_range(preset, *dates) == expected


def test_query_and_comparison() -> None:
    spec = SliceSpec(filters={Dimension.REP: ("Anna", None)}, preset=PeriodPreset.LAST_MONTH,
                     by=Dimension.CHANNEL, compare=True)
    query = spec.query(TODAY)
    assert query.by == (Dimension.CHANNEL,)
    assert query.slice.filters == {Dimension.REP: frozenset({"Anna", None})}
    assert query.slice.period == Period.between(D(2026, 1, 1), D(2026, 1, 31))
    before = spec.comparison_query(TODAY)
    assert before is not None
    assert before.slice.period == Period.between(D(2025, 12, 1), D(2025, 12, 31))
    assert SliceSpec(compare=True).comparison_query(TODAY) is None  # all time: nothing before


def test_drill_down_adds_a_value_and_an_empty_filter_goes_away() -> None:
    spec = SliceSpec().adding(Dimension.REP, "Anna").adding(Dimension.REP, "Ben")
    assert spec.filters == {Dimension.REP: ("Anna", "Ben")}
    assert spec.adding(Dimension.REP, "Anna").filters == {Dimension.REP: ("Anna", "Ben")}
    assert spec.with_filter(Dimension.REP, ()).filters == {}


names = st.one_of(st.none(), st.text(max_size=8))
categorical = [d for d in Dimension if not d.is_time]
specs = st.builds(
    SliceSpec,
    filters=st.dictionaries(st.sampled_from(categorical),
                            st.lists(names, min_size=1, max_size=3, unique=True).map(tuple),
                            max_size=3),
    preset=st.sampled_from(list(PeriodPreset)),
    custom=st.tuples(st.one_of(st.none(), st.dates()), st.one_of(st.none(), st.dates())),
    by=st.one_of(st.none(), st.sampled_from(list(Dimension))),
    cohort=st.booleans(),
    compare=st.booleans(),
)


@given(specs)
def test_json_round_trip(spec: SliceSpec) -> None:
    assert SliceSpec.from_json(spec.to_json()) == spec


@pytest.mark.parametrize("text", ["", "{", "[]", '{"preset": "fortnight"}',
                                  '{"filters": {"planet": ["Mars"]}}',
                                  '{"custom": ["2026-13-01", null]}'])
def test_unreadable_settings_fall_back_to_the_defaults(text: str) -> None:
    assert SliceSpec.from_json(text) == SliceSpec()
