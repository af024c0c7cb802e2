"""The store's column export feeds the cache: full and partial exports, edits, deletes."""

from __future__ import annotations

import datetime as dt

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.deals import CustomerType, Deal, LookupKind, Outcome
from salesdesk.domain.metrics import reference_funnel, reference_result
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import CATEGORICAL, Dimension, Query, Slice
from salesdesk.store import Store

D = dt.date
TODAY = D(2026, 6, 1)


def sample() -> list[Deal]:
    return [
        Deal("A", Outcome.WON, "EUR", client="Acme", rep="Anna", product="Pro", channel="Web",
             region="North", audience="SMB", stage="Proposal", first_contact=D(2026, 1, 10),
             closed_on=D(2026, 2, 5), amount=150_000),
        Deal("B", Outcome.LOST, "USD", client="Acme", rep="Zoë", stage="Contacted",
             first_contact=D(2026, 1, 20), closed_on=D(2026, 1, 20), lost_reason="Price",
             amount=None),
        Deal("C", Outcome.OPEN, "EUR", rep="Anna", first_contact=D(2026, 3, 1),
             customer_type=CustomerType.CURRENT, customer_type_set=True),
        Deal("D", Outcome.OPEN, "JPY", client="Initech", amount=5_000),
        Deal("E", Outcome.WON, "EUR", client="Acme", rep="Ben", first_contact=D(2026, 3, 2),
             closed_on=D(2026, 4, 30), amount=1),
    ]


def stored_deals(store: Store) -> list[Deal]:
    ids = [row[0] for row in store.db.execute("SELECT id FROM deals ORDER BY id")]
    return [store.deal(i) for i in ids]


QUERIES = [Query(Slice(), (d,)) for d in Dimension] + [
    Query(Slice({Dimension.CLIENT: frozenset({"Acme"})},
                Period.between(D(2026, 2, 1), D(2026, 3, 31))), (Dimension.MONTH,)),
    Query(Slice(period=Period.between(D(2026, 1, 1), None), cohort=True),
          (Dimension.REP, Dimension.QUARTER)),
]


def assert_matches_store(cache: AnalyticsCache, store: Store) -> None:
    deals = stored_deals(store)
    stages = tuple(store.names(LookupKind.STAGE, include_retired=True))
    for query in QUERIES:
        assert cache.result(query) == reference_result(deals, query, stages)
    assert cache.funnel(Slice()) == reference_funnel(deals, Slice(), stages)


def test_export_decodes_to_the_stored_deals(store: Store) -> None:
    store.add_deals(sample(), TODAY)
    columns = store.deal_columns()
    columns.check()
    assert list(columns.ids) == [1, 2, 3, 4, 5]
    assert columns.stage_names == ("Lead", "Contacted", "Proposal", "Negotiation")
    for deal, row in zip(stored_deals(store), columns.rows(), strict=True):
        assert row.id == deal.id
        assert (row.outcome, row.first_contact, row.closed_on, row.amount, row.currency) == (
            deal.outcome, deal.first_contact, deal.closed_on, deal.amount, deal.currency)
        for dimension in CATEGORICAL:
            expected = (deal.customer_type.value if dimension is Dimension.CUSTOMER_TYPE
                        else deal.lookup(LookupKind(dimension.value)))
            assert row.values[dimension] == expected
    assert "Price" in columns.valid_values(Dimension.LOST_REASON)  # full lists, used or not
    assert "Timing" in columns.valid_values(Dimension.LOST_REASON)
    assert columns.valid_values(Dimension.CUSTOMER_TYPE) == ["new", "current"]


def test_cache_from_the_export_equals_the_reference(store: Store) -> None:
    store.add_deals(sample(), TODAY)
    assert_matches_store(AnalyticsCache.build(store.deal_columns()), store)


def test_partial_export_and_incremental_updates(store: Store) -> None:
    """What the GUI does on a change set: export the changed ids, replace them in the cache."""
    store.add_deals(sample(), TODAY)
    cache = AnalyticsCache.build(store.deal_columns())
    # An edit that creates a new salesperson, a new deal, and a deletion.
    edited = store.deal(3)
    store.update_deal(3, Deal(**{**_fields(edited), "rep": "Dora", "outcome": Outcome.LOST,
                                 "closed_on": D(2026, 3, 3)}), TODAY)
    new_id, _ = store.add_deal(Deal("F", Outcome.OPEN, "EUR", rep="Eve", stage="Negotiation"),
                               TODAY)
    store.delete_deal(2, TODAY)
    changed = {3, new_id, 2}
    partial = store.deal_columns(changed, cache.client_ids(changed))
    assert sorted(partial.ids) == [1, 3, 5, new_id]  # B was Acme's: A and E come along
    assert set(partial.names[Dimension.REP].values()) == {"Anna", "Ben", "Dora", "Eve"}
    cache.replace(changed, partial)
    assert sorted(cache.ids().tolist()) == [1, 3, 4, 5, new_id]
    assert_matches_store(cache, store)


def test_a_change_refreshes_the_derived_customer_type_of_the_clients_other_deals(
        store: Store) -> None:
    """E is a current customer's deal because A (same client) was won before E started: when A
    turns lost, or is deleted, E becomes new again although the change set names only A."""
    store.add_deals(sample(), TODAY)
    cache = AnalyticsCache.build(store.deal_columns())
    assert store.deal(5).customer_type is CustomerType.CURRENT
    a = store.deal(1)
    store.update_deal(1, Deal(**{**_fields(a), "outcome": Outcome.LOST}), TODAY)
    assert store.deal(5).customer_type is CustomerType.NEW
    changed = {1}
    cache.replace(changed, store.deal_columns(changed, cache.client_ids(changed)))
    assert_matches_store(cache, store)
    # Deleted: its client is found through the cache, which still holds the deal.
    store.update_deal(1, a, TODAY)
    cache.replace(changed, store.deal_columns(changed, cache.client_ids(changed)))
    assert store.deal(5).customer_type is CustomerType.CURRENT
    assert_matches_store(cache, store)
    clients = cache.client_ids(changed)
    store.delete_deal(1, TODAY)
    assert store.deal(5).customer_type is CustomerType.NEW
    cache.replace(changed, store.deal_columns(changed, clients))
    assert_matches_store(cache, store)
    assert 1 not in cache.ids().tolist()


def test_stage_order_follows_the_store(store: Store) -> None:
    store.add_deals(sample(), TODAY)
    order = store.stage_order()
    store.set_stage_order(list(reversed(order)))
    columns = store.deal_columns()
    assert columns.stage_names == tuple(reversed(("Lead", "Contacted", "Proposal",
                                                  "Negotiation")))
    cache = AnalyticsCache.build(columns)
    assert cache.stage_names == columns.stage_names
    assert_matches_store(cache, store)
    # A partial export carries the order too, so an upsert after a reorder updates it.
    store.set_stage_order(order)
    cache.upsert(store.deal_columns([1]))
    assert cache.stage_names == ("Lead", "Contacted", "Proposal", "Negotiation")


def test_empty_file(store: Store) -> None:
    columns = store.deal_columns()
    assert len(columns) == 0
    cache = AnalyticsCache.build(columns)
    assert len(cache) == 0
    assert cache.result(Query(Slice(), (Dimension.MONTH,))).groups == ()
    assert cache.funnel(Slice()).reached == (0, 0, 0, 0)


def _fields(deal: Deal) -> dict[str, object]:
    return {name: getattr(deal, name) for name in Deal.__dataclass_fields__}
