"""A typed name against a lookup list: new or not, and the existing name it likely meant."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.lookups import closest_name, is_new_name

CHANNELS = ["Website", "Phone", "Referral", "Trade fair", "E-mail campaign"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("Web", "Website"),  # the case the issue reports
    ("web site", "Website"),
    ("Webiste", "Website"),
    ("Phnoe", "Phone"),
    ("Trade", "Trade fair"),
    ("Website shop", "Website"),
    ("Fax", None),
    ("Em", None),  # two letters begin too many names
    ("", None),
])
def test_the_closest_existing_name(typed: str, meant: str | None) -> None:
    assert closest_name(typed, CHANNELS) == meant


def test_a_name_is_new_unless_it_matches_in_spacing_and_case() -> None:
    assert not is_new_name("  website ", CHANNELS)
    assert not is_new_name("TRADE   FAIR", CHANNELS)
    assert is_new_name("Web", CHANNELS)
    assert not is_new_name("   ", CHANNELS)  # blank is no name at all


names = st.lists(st.text(min_size=1, max_size=12), max_size=8)


@given(st.text(max_size=12), names)
def test_a_suggestion_is_always_an_existing_name(typed: str, existing: list[str]) -> None:
    suggestion = closest_name(typed, existing)
    assert suggestion is None or suggestion in existing


@given(names)
def test_no_existing_name_is_new(existing: list[str]) -> None:
    for name in existing:
        assert not is_new_name(name, existing)
