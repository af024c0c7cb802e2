"""The cache's deal-length histogram equals the reference in domain.metrics, deal for deal."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.columns import DealColumns
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.metrics import reference_length_histogram, reference_result
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import Query, Slice

# The random deals and queries of the cache-vs-reference tests, shared rather than copied
# (tests are imported by path: --import-mode=importlib gives them no package).
_spec = importlib.util.spec_from_file_location(
    "_cache_strategies", Path(__file__).with_name("test_cache.py"))
assert _spec is not None and _spec.loader is not None
_strategies = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_strategies)
STAGES = _strategies.STAGES
deals_strategy = _strategies.deals_strategy
queries = _strategies.queries


@settings(max_examples=200)
@given(st.lists(deals_strategy(), max_size=30), queries())
def test_histogram_equals_reference(deals: list[Deal], query: Query) -> None:
    cache = AnalyticsCache.build(DealColumns.from_deals(deals, STAGES))
    expected = reference_length_histogram(deals, query.slice, STAGES)
    got = cache.length_histogram(query.slice)
    assert got == expected
    assert list(got) == sorted(got)
    # The histogram holds exactly the closed deals behind the slice's conversion whose length
    # is known.
    overall = reference_result(deals, Query(query.slice), STAGES).overall
    assert sum(got.values()) == overall.decided - overall.length_unknown


def test_worked_example_and_empty_slices() -> None:
    day = dt.date(2026, 1, 1)

    def closed(length: int, outcome: Outcome = Outcome.WON) -> Deal:
        return Deal(title="d", outcome=outcome, first_contact=day,
                    closed_on=day + dt.timedelta(days=length))

    deals = [closed(20), closed(30, Outcome.LOST), closed(40), closed(30), Deal(title="open")]
    cache = AnalyticsCache.build(DealColumns.from_deals(deals, STAGES))
    assert cache.length_histogram(Slice()) == {20: 1, 30: 2, 40: 1}
    nothing = Slice(period=Period.between(dt.date(2030, 1, 1), None))
    assert cache.length_histogram(nothing) == {}
    empty = AnalyticsCache.build(DealColumns.from_deals([], STAGES))
    assert empty.length_histogram(Slice()) == {}
