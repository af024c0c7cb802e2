"""The lookup lists: add, rename, retire, merge and unmerge, stage order, contacts, delete."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from salesdesk.domain.deals import (
    DEFAULT_STAGES,
    CustomerType,
    Deal,
    DealSnapshot,
    LookupKind,
    Outcome,
    StageEvent,
)
from salesdesk.domain.lookups import LookupItem
from salesdesk.store import DealColumn, DealListQuery, NameClash, NotFound, Store, StoreError

D = dt.date
TODAY = D(2026, 3, 31)


def item(store: Store, kind: LookupKind, name: str) -> LookupItem:
    return next(i for i in store.lookup_items(kind) if i.name == name)


def snapshots(store: Store) -> dict[int, DealSnapshot]:
    ids = [row[0] for row in store.db.execute("SELECT id FROM deals ORDER BY id")]
    return {i: store.snapshot(i) for i in ids}


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_deals([
        Deal(title="a1", client="Acme", rep="Anna", product="Pro", stage="Proposal",
             first_contact=D(2026, 1, 1)),
        Deal(title="a2", client="Acme", rep="Bob", outcome=Outcome.WON,
             first_contact=D(2026, 1, 2), closed_on=D(2026, 1, 20), stage="Negotiation"),
        Deal(title="b1", client="Beta", rep="Anna", outcome=Outcome.LOST,
             first_contact=D(2026, 1, 3), closed_on=D(2026, 1, 4), lost_reason="Price"),
        Deal(title="b2", client="Beta", product="Basic", stage="Contacted",
             first_contact=D(2026, 2, 1)),
        Deal(title="n", stage="Contacted"),
    ], TODAY)
    return store


# --- add and rename -------------------------------------------------------------------------


def test_add_normalises_and_refuses_duplicates(store: Store) -> None:
    new_id = store.add_lookup(LookupKind.CLIENT, "  Acme \t Corp ")
    assert store.names(LookupKind.CLIENT) == ["Acme Corp"]
    assert item(store, LookupKind.CLIENT, "Acme Corp").id == new_id
    for clash in ("Acme Corp", "ACME CORP", " acme  corp"):
        with pytest.raises(NameClash):
            store.add_lookup(LookupKind.CLIENT, clash)
    with pytest.raises(ValueError):
        store.add_lookup(LookupKind.CLIENT, " \t ")
    assert store.names(LookupKind.CLIENT) == ["Acme Corp"]
    # The same name in another list is no clash.
    store.add_lookup(LookupKind.REP, "Acme Corp")


def test_a_new_stage_goes_to_the_end_of_the_pipeline(store: Store) -> None:
    store.add_lookup(LookupKind.STAGE, "Contract")
    assert store.names(LookupKind.STAGE) == [*DEFAULT_STAGES, "Contract"]


def test_rename_changes_what_every_deal_shows(filled: Store) -> None:
    acme = item(filled, LookupKind.CLIENT, "Acme")
    before = snapshots(filled)
    assert filled.rename_lookup(LookupKind.CLIENT, acme.id, "Acme Holding") == "Acme"
    after = snapshots(filled)
    for deal_id, snap in before.items():
        want = "Acme Holding" if snap.deal.client == "Acme" else snap.deal.client
        assert after[deal_id].deal == replace(snap.deal, client=want)
    assert filled.names(LookupKind.CLIENT) == ["Acme Holding", "Beta"]
    rows = filled.list_rows(DealListQuery(sort=DealColumn.CLIENT, descending=False), 0, 10)
    assert [r.client for r in rows] == ["Acme Holding", "Acme Holding", "Beta", "Beta", None]
    assert item(filled, LookupKind.CLIENT, "Acme Holding").id == acme.id


def test_rename_a_stage_keeps_its_history(filled: Store) -> None:
    proposal = item(filled, LookupKind.STAGE, "Proposal")
    deal_id = next(i for i, s in snapshots(filled).items() if s.deal.stage == "Proposal")
    filled.rename_lookup(LookupKind.STAGE, proposal.id, "Offer sent")
    assert filled.deal(deal_id).stage == "Offer sent"
    assert filled.stage_events(deal_id) == (StageEvent("Offer sent", D(2026, 1, 1)),)
    assert filled.names(LookupKind.STAGE)[2] == "Offer sent"


def test_a_rename_may_change_only_the_case(filled: Store) -> None:
    acme = item(filled, LookupKind.CLIENT, "Acme")
    assert filled.rename_lookup(LookupKind.CLIENT, acme.id, "ACME") == "Acme"
    assert filled.names(LookupKind.CLIENT) == ["ACME", "Beta"]
    filled.rename_lookup(LookupKind.CLIENT, acme.id, " ACME ")  # to the same name
    assert filled.names(LookupKind.CLIENT) == ["ACME", "Beta"]


def test_a_rename_onto_another_value_is_a_clash(filled: Store) -> None:
    acme = item(filled, LookupKind.CLIENT, "Acme")
    before = snapshots(filled)
    for name in ("Beta", "beta", " BETA "):
        with pytest.raises(NameClash):
            filled.rename_lookup(LookupKind.CLIENT, acme.id, name)
    with pytest.raises(ValueError):
        filled.rename_lookup(LookupKind.CLIENT, acme.id, "  ")
    with pytest.raises(NotFound):
        filled.rename_lookup(LookupKind.CLIENT, 9999, "Gamma")
    assert snapshots(filled) == before
    assert filled.names(LookupKind.CLIENT) == ["Acme", "Beta"]


# --- retire ---------------------------------------------------------------------------------


def test_retired_values_are_hidden_from_pickers_but_kept(filled: Store) -> None:
    anna = item(filled, LookupKind.REP, "Anna")
    before = snapshots(filled)
    filled.set_lookup_retired(LookupKind.REP, anna.id, True)

    assert filled.names(LookupKind.REP) == ["Bob"]
    assert filled.names(LookupKind.REP, include_retired=True) == ["Anna", "Bob"]
    assert item(filled, LookupKind.REP, "Anna") == replace(anna, retired=True)
    assert item(filled, LookupKind.REP, "Anna").deals == 2
    assert snapshots(filled) == before
    assert filled.list_count(DealListQuery(search="anna")) == 2

    # A deal typed with the retired name keeps referring to the same value.
    deal_id, created = filled.add_deal(Deal(title="x", rep="anna"), TODAY)
    assert created == [] and filled.deal(deal_id).rep == "Anna"

    filled.set_lookup_retired(LookupKind.REP, anna.id, False)
    assert filled.names(LookupKind.REP) == ["Anna", "Bob"]
    with pytest.raises(NotFound):
        filled.set_lookup_retired(LookupKind.REP, 9999, True)


def test_a_retired_first_stage_is_no_longer_the_default(store: Store) -> None:
    lead = item(store, LookupKind.STAGE, "Lead")
    store.set_lookup_retired(LookupKind.STAGE, lead.id, True)
    deal_id, _ = store.add_deal(Deal(title="x"), TODAY)
    assert store.deal(deal_id).stage == "Contacted"


# --- merge and unmerge ----------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "source", "target"), [
    (LookupKind.CLIENT, "Acme", "Beta"),
    (LookupKind.REP, "Bob", "Anna"),
    (LookupKind.PRODUCT, "Basic", "Pro"),
    (LookupKind.LOST_REASON, "Price", "Timing"),
    (LookupKind.STAGE, "Contacted", "Proposal"),
    (LookupKind.STAGE, "Lead", "Negotiation"),
])
def test_merge_moves_every_deal_and_unmerge_restores_exactly(
        filled: Store, kind: LookupKind, source: str, target: str) -> None:
    source_item, target_item = item(filled, kind, source), item(filled, kind, target)
    items_before = filled.lookup_items(kind)
    order_before = filled.stage_order()
    before = snapshots(filled)
    field = kind.value

    record = filled.merge_lookup(kind, source_item.id, target_item.id)
    assert record.source == source_item
    assert sorted(record.moved_deal_ids) == sorted(
        i for i, s in before.items() if s.deal.lookup(kind) == source)
    merged = snapshots(filled)
    assert source not in filled.names(kind, include_retired=True)
    assert item(filled, kind, target).deals == source_item.deals + target_item.deals
    for deal_id, snap in before.items():
        deal = merged[deal_id].deal
        if snap.deal.lookup(kind) == source:
            assert deal.lookup(kind) == target
        assert replace(deal, **{field: None}, customer_type=CustomerType.NEW) == replace(
            snap.deal, **{field: None}, customer_type=CustomerType.NEW)
        if kind is LookupKind.STAGE:
            assert merged[deal_id].stage_events == tuple(
                StageEvent(target if e.stage == source else e.stage, e.entered_on)
                for e in snap.stage_events)
        else:
            assert merged[deal_id].stage_events == snap.stage_events

    filled.unmerge_lookup(record)
    assert snapshots(filled) == before
    assert filled.lookup_items(kind) == items_before
    assert filled.stage_order() == order_before


def test_merging_clients_keeps_contacts_for_unmerge(filled: Store) -> None:
    acme, beta = item(filled, LookupKind.CLIENT, "Acme"), item(filled, LookupKind.CLIENT, "Beta")
    filled.set_client_contact(acme.id, "Eva Acme", "eva@acme.test", "+49 1")
    filled.set_lookup_retired(LookupKind.CLIENT, acme.id, True)
    items_before = filled.lookup_items(LookupKind.CLIENT)
    record = filled.merge_lookup(LookupKind.CLIENT, acme.id, beta.id)
    assert item(filled, LookupKind.CLIENT, "Beta").contact_person == ""
    filled.unmerge_lookup(record)
    assert filled.lookup_items(LookupKind.CLIENT) == items_before


def test_merging_clients_rederives_customer_types(store: Store) -> None:
    won, _ = store.add_deal(Deal(title="first order", client="Acme GmbH", outcome=Outcome.WON,
                                 first_contact=D(2026, 1, 1), closed_on=D(2026, 1, 10)), TODAY)
    repeat, _ = store.add_deal(Deal(title="repeat", client="ACME (old spelling)",
                                    first_contact=D(2026, 2, 1)), TODAY)
    assert store.deal(repeat).customer_type is CustomerType.NEW
    before = snapshots(store)

    old = item(store, LookupKind.CLIENT, "ACME (old spelling)")
    record = store.merge_lookup(LookupKind.CLIENT, old.id,
                                item(store, LookupKind.CLIENT, "Acme GmbH").id)
    # One client now: the repeat deal started after that client's first win.
    assert store.deal(repeat).customer_type is CustomerType.CURRENT
    assert store.deal(won).customer_type is CustomerType.NEW

    store.unmerge_lookup(record)
    assert snapshots(store) == before


def test_merge_refuses_itself_and_missing_values(filled: Store) -> None:
    acme = item(filled, LookupKind.CLIENT, "Acme")
    before = snapshots(filled)
    with pytest.raises(ValueError):
        filled.merge_lookup(LookupKind.CLIENT, acme.id, acme.id)
    with pytest.raises(NotFound):
        filled.merge_lookup(LookupKind.CLIENT, acme.id, 9999)
    with pytest.raises(NotFound):
        filled.merge_lookup(LookupKind.CLIENT, 9999, acme.id)
    assert snapshots(filled) == before
    assert filled.names(LookupKind.CLIENT) == ["Acme", "Beta"]


# --- stage order ----------------------------------------------------------------------------


def test_set_stage_order(filled: Store) -> None:
    order = filled.stage_order()
    new = [order[3], order[1], order[0], order[2]]
    filled.set_stage_order(new)
    assert filled.stage_order() == new
    assert filled.names(LookupKind.STAGE) == ["Negotiation", "Contacted", "Lead", "Proposal"]
    assert [i.name for i in filled.lookup_items(LookupKind.STAGE)] == filled.names(
        LookupKind.STAGE)
    deal_id, _ = filled.add_deal(Deal(title="new"), TODAY)
    assert filled.deal(deal_id).stage == "Negotiation"  # the first stage of the new order
    rows = filled.list_rows(DealListQuery(sort=DealColumn.STAGE, descending=False), 0, 10)
    positions = {name: p for p, name in enumerate(filled.names(LookupKind.STAGE))}
    assert [positions[r.stage or ""] for r in rows] == sorted(
        positions[r.stage or ""] for r in rows)


@pytest.mark.parametrize("change", ["missing", "duplicate", "unknown", "empty"])
def test_set_stage_order_must_name_every_stage_once(filled: Store, change: str) -> None:
    order = filled.stage_order()
    bad = {"missing": order[:-1], "duplicate": [*order[:-1], order[0]],
           "unknown": [*order[:-1], 9999], "empty": []}[change]
    with pytest.raises(ValueError):
        filled.set_stage_order(bad)
    assert filled.stage_order() == order


# --- client contacts ------------------------------------------------------------------------


def test_client_contact_fields(filled: Store) -> None:
    acme = item(filled, LookupKind.CLIENT, "Acme")
    filled.set_client_contact(acme.id, "  Eva Musterfrau ", " eva@acme.test ", "+49 30 1234")
    got = item(filled, LookupKind.CLIENT, "Acme")
    assert (got.contact_person, got.email, got.phone) == (
        "Eva Musterfrau", "eva@acme.test", "+49 30 1234")
    assert item(filled, LookupKind.CLIENT, "Beta").contact_person == ""
    filled.set_client_contact(acme.id, "", "", "")
    assert item(filled, LookupKind.CLIENT, "Acme") == acme
    with pytest.raises(NotFound):
        filled.set_client_contact(9999, "x", "", "")
    assert all(i.contact_person == "" for i in filled.lookup_items(LookupKind.REP))


# --- delete ---------------------------------------------------------------------------------


def test_delete_lookup_removes_only_unused_values(filled: Store) -> None:
    unused = filled.add_lookup(LookupKind.CLIENT, "Gamma")
    filled.delete_lookup(LookupKind.CLIENT, unused)
    assert filled.names(LookupKind.CLIENT) == ["Acme", "Beta"]

    before = snapshots(filled)
    for kind, name in ((LookupKind.CLIENT, "Acme"), (LookupKind.REP, "Anna"),
                       (LookupKind.LOST_REASON, "Price"), (LookupKind.STAGE, "Contacted")):
        with pytest.raises(StoreError):
            filled.delete_lookup(kind, item(filled, kind, name).id)
        assert name in filled.names(kind)
    assert snapshots(filled) == before

    timing = item(filled, LookupKind.LOST_REASON, "Timing")
    filled.delete_lookup(LookupKind.LOST_REASON, timing.id)
    assert "Timing" not in filled.names(LookupKind.LOST_REASON, include_retired=True)
    with pytest.raises(NotFound):
        filled.delete_lookup(LookupKind.LOST_REASON, timing.id)


def test_a_stage_in_some_deals_history_cannot_be_deleted(store: Store) -> None:
    deal_id, _ = store.add_deal(Deal(title="x", first_contact=D(2026, 1, 1)), TODAY)
    store.set_stage(deal_id, "Proposal", D(2026, 1, 5))
    lead = item(store, LookupKind.STAGE, "Lead")
    assert lead.deals == 0  # no deal is at Lead now, but one passed through it
    with pytest.raises(StoreError):
        store.delete_lookup(LookupKind.STAGE, lead.id)
    assert store.stage_events(deal_id)[0] == StageEvent("Lead", D(2026, 1, 1))
