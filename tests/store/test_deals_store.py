"""Deals in the store: round trips, stage history, undo, customer types and SQL guards."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from salesdesk.domain.deals import (
    DEFAULT_LOST_REASONS,
    DEFAULT_STAGES,
    CustomerType,
    Deal,
    LookupKind,
    Outcome,
    StageEvent,
    derive_customer_type,
)
from salesdesk.domain.validation import DealDraft, InputRules, validate_draft
from salesdesk.store import DealListQuery, NotFound, Store, open_store
from salesdesk.store import deals as store_deals

D = dt.date
TODAY = D(2026, 3, 31)
_files = itertools.count()


def fresh_store(tmp_path: Path) -> Store:
    return open_store(tmp_path / f"example-{next(_files)}.db", base_currency="EUR")


def stored(store: Store, deal_id: int) -> Deal:
    """The deal as stored, without the fields the store stamps itself."""
    return replace(store.deal(deal_id), id=None, updated_at=None)


def all_ids(store: Store) -> list[int]:
    return [row[0] for row in store.db.execute("SELECT id FROM deals ORDER BY id")]


def count(store: Store, table: str) -> int:
    return int(store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


FULL = Deal(
    title="Website relaunch – Phase 2",
    outcome=Outcome.LOST,
    currency="USD",
    client="Müller & Söhne GmbH",
    rep="Anna",
    product="Shop Pro",
    channel="Trade fair",
    region="Bavaria",
    audience="Retail",
    customer_type=CustomerType.CURRENT,
    customer_type_set=True,
    stage="Proposal",
    first_contact=D(2026, 1, 5),
    first_contact_inferred=True,
    closed_on=D(2026, 3, 2),
    expected_close=D(2026, 2, 28),
    next_step="Call back\nafter fair",
    amount=1_234_567,
    lost_reason="Competitor",
    notes="Wanted 10 % off; \"quotes\" and 'apostrophes'; emoji 🚀; NUL-free",
    external_id="hubspot-42",
    created_at="2025-12-24T08:00:00+00:00",
)


# --- round trips ----------------------------------------------------------------------------


def test_every_field_round_trips(store: Store) -> None:
    deal_id, created = store.add_deal(FULL, TODAY)
    got = store.deal(deal_id)
    assert got.id == deal_id
    assert got.updated_at and dt.datetime.fromisoformat(got.updated_at)
    assert replace(got, id=None, updated_at=None) == FULL
    assert sorted(created) == sorted([
        (LookupKind.CLIENT, "Müller & Söhne GmbH"), (LookupKind.REP, "Anna"),
        (LookupKind.PRODUCT, "Shop Pro"), (LookupKind.CHANNEL, "Trade fair"),
        (LookupKind.REGION, "Bavaria"), (LookupKind.AUDIENCE, "Retail")])


def test_a_minimal_deal_gets_the_defaults(store: Store) -> None:
    deal_id, created = store.add_deal(Deal(title="Lead"), TODAY)
    got = store.deal(deal_id)
    assert created == []
    assert got.stage == "Lead"  # the first stage
    assert (got.client, got.amount, got.first_contact, got.closed_on) == (None, None, None, None)
    assert got.created_at and got.customer_type is CustomerType.NEW
    assert store.stage_events(deal_id) == (StageEvent("Lead", TODAY),)


def test_a_name_typed_in_another_case_reuses_the_value(store: Store) -> None:
    store.add_deal(Deal(title="a", client="Acme", stage="proposal"), TODAY)
    deal_id, created = store.add_deal(Deal(title="b", client="ACME"), TODAY)
    assert created == []
    assert store.deal(deal_id).client == "Acme"
    assert store.names(LookupKind.CLIENT) == ["Acme"]
    assert store.names(LookupKind.STAGE) == list(DEFAULT_STAGES)


def test_names_with_stray_whitespace_reuse_the_value(store: Store) -> None:
    """Deals built by importers may carry names as typed in a CSV cell."""
    store.add_deal(Deal(title="a", client="Acme Corp"), TODAY)
    deal_id, created = store.add_deal(Deal(title="b", client="  Acme   Corp "), TODAY)
    assert created == []
    assert store.deal(deal_id).client == "Acme Corp"
    assert store.add_deals([Deal(title="c", client="Acme\tCorp", rep=" "),
                            Deal(title="d", client="New  Co")], TODAY) == 2
    assert store.names(LookupKind.CLIENT) == ["Acme Corp", "New Co"]
    assert store.names(LookupKind.REP) == []


names = st.text(min_size=1, max_size=20).map(lambda t: " ".join(t.split())).filter(
    lambda t: t and t.casefold() not in {n.casefold() for n in (*DEFAULT_STAGES,
                                                                 *DEFAULT_LOST_REASONS)})
maybe_names = st.one_of(st.none(), names)
days = st.dates(D(2000, 1, 1), D(2040, 12, 31))


@st.composite
def deals(draw: st.DrawFn) -> Deal:
    outcome = draw(st.sampled_from(Outcome))
    first = draw(days if outcome.is_closed else st.one_of(st.none(), days))
    typed = draw(st.booleans())
    return Deal(
        title=draw(names),
        outcome=outcome,
        currency=draw(st.sampled_from(["EUR", "USD", "JPY"])),
        client=draw(maybe_names), rep=draw(maybe_names), product=draw(maybe_names),
        channel=draw(maybe_names), region=draw(maybe_names), audience=draw(maybe_names),
        customer_type=draw(st.sampled_from(CustomerType)) if typed else CustomerType.NEW,
        customer_type_set=typed,
        stage=draw(st.one_of(st.sampled_from(DEFAULT_STAGES), names)),
        first_contact=first,
        first_contact_inferred=first is not None and draw(st.booleans()),
        closed_on=draw(st.dates(first, D(2040, 12, 31))) if outcome.is_closed else None,
        expected_close=draw(st.one_of(st.none(), days)),
        next_step=draw(st.text(max_size=50)),
        amount=draw(st.one_of(st.none(), st.integers(0, 2**62))),
        lost_reason=draw(st.one_of(st.none(), st.sampled_from(DEFAULT_LOST_REASONS), names))
        if outcome is Outcome.LOST else None,
        notes=draw(st.text(max_size=200)),
        external_id=draw(st.one_of(st.none(), st.text(max_size=20))),
        created_at=draw(st.one_of(st.none(), st.just("2026-01-01T00:00:00+00:00"))),
    )


@settings(max_examples=60)
@given(deal=deals(), bulk=st.booleans())
def test_any_deal_round_trips(tmp_path: Path, deal: Deal, bulk: bool) -> None:
    store = fresh_store(tmp_path)
    try:
        if bulk:
            assert store.add_deals([deal], TODAY) == 1
            deal_id = all_ids(store)[0]
        else:
            deal_id, _ = store.add_deal(deal, TODAY)
        got = stored(store, deal_id)
        if deal.created_at is None:
            assert got.created_at
            got = replace(got, created_at=None)
        assert got == replace(deal, stage=deal.stage or "Lead")
        assert store.stage_events(deal_id) == (
            StageEvent(got.stage or "", deal.first_contact or TODAY),)
    finally:
        store.close()


# --- stage history --------------------------------------------------------------------------


def test_update_records_a_stage_event_only_when_the_stage_changes(store: Store) -> None:
    deal = Deal(title="Website", client="Acme", first_contact=D(2026, 1, 5), stage="Contacted")
    deal_id, _ = store.add_deal(deal, TODAY)
    history = [StageEvent("Contacted", D(2026, 1, 5))]
    assert list(store.stage_events(deal_id)) == history

    store.update_deal(deal_id, replace(deal, title="Website v2", notes="x"), D(2026, 2, 1))
    store.update_deal(deal_id, replace(deal, stage="CONTACTED"), D(2026, 2, 2))
    assert list(store.stage_events(deal_id)) == history
    assert store.deal(deal_id).title == "Website"

    store.update_deal(deal_id, replace(deal, stage="Proposal"), D(2026, 2, 3))
    history.append(StageEvent("Proposal", D(2026, 2, 3)))
    assert list(store.stage_events(deal_id)) == history

    created = store.update_deal(deal_id, replace(deal, stage="Demo"), D(2026, 2, 4))
    history.append(StageEvent("Demo", D(2026, 2, 4)))
    assert created == [(LookupKind.STAGE, "Demo")]
    assert list(store.stage_events(deal_id)) == history
    assert store.names(LookupKind.STAGE)[-1] == "Demo"

    store.update_deal(deal_id, replace(deal, stage="Demo", amount=5), D(2026, 2, 5))
    assert list(store.stage_events(deal_id)) == history
    assert store.deal(deal_id).amount == 5


def test_update_keeps_created_at_and_moves_updated_at(store: Store) -> None:
    deal_id, _ = store.add_deal(replace(FULL, created_at="2020-01-01T00:00:00+00:00"), TODAY)
    store.db.execute("UPDATE deals SET updated_at = '2020-01-02T00:00:00+00:00'")
    store.update_deal(deal_id, replace(FULL, title="Changed"), TODAY)
    got = store.deal(deal_id)
    assert got.created_at == "2020-01-01T00:00:00+00:00"
    assert got.updated_at and got.updated_at > "2020-01-02T00:00:00+00:00"
    assert replace(got, id=None, updated_at=None, created_at=None) == replace(
        FULL, title="Changed", created_at=None)


def test_update_of_a_deleted_deal_raises_not_found(store: Store) -> None:
    deal_id, _ = store.add_deal(Deal(title="x"), TODAY)
    store.delete_deal(deal_id, TODAY)
    with pytest.raises(NotFound):
        store.update_deal(deal_id, Deal(title="y"), TODAY)
    with pytest.raises(NotFound):
        store.deal(deal_id)
    assert count(store, "deals") == 0


def test_set_stage_records_each_move(store: Store) -> None:
    deal_id, _ = store.add_deal(Deal(title="x", first_contact=D(2026, 1, 1)), TODAY)
    store.set_stage(deal_id, "Proposal", D(2026, 1, 10))
    store.set_stage(deal_id, "proposal", D(2026, 1, 11))  # no move: no event
    store.set_stage(deal_id, "Contacted", D(2026, 1, 12))
    assert store.stage_events(deal_id) == (
        StageEvent("Lead", D(2026, 1, 1)), StageEvent("Proposal", D(2026, 1, 10)),
        StageEvent("Contacted", D(2026, 1, 12)))
    assert store.deal(deal_id).stage == "Contacted"
    with pytest.raises(NotFound):
        store.set_stage(deal_id, "Nowhere", TODAY)
    assert store.deal(deal_id).stage == "Contacted"
    assert "Nowhere" not in store.names(LookupKind.STAGE)


def test_histories_given_to_add_deals_are_kept(store: Store) -> None:
    path = [StageEvent("Lead", D(2026, 1, 1)), StageEvent("Webinar", D(2026, 1, 5)),
            StageEvent("Proposal", D(2026, 1, 9))]
    store.add_deals([Deal(title="a", stage="Proposal"), Deal(title="b")], TODAY,
                    histories=[path, []])
    a, b = all_ids(store)
    assert list(store.stage_events(a)) == path
    assert store.stage_events(b) == (StageEvent("Lead", TODAY),)
    assert "Webinar" in store.names(LookupKind.STAGE)


# --- delete and undo ------------------------------------------------------------------------


def test_delete_then_restore_brings_back_the_same_deal(store: Store) -> None:
    keep, _ = store.add_deal(Deal(title="Other", client="Acme"), TODAY)
    deal_id, _ = store.add_deal(FULL, D(2026, 1, 5))
    store.set_stage(deal_id, "Negotiation", D(2026, 2, 1))
    store.set_stage(deal_id, "Proposal", D(2026, 2, 3))
    before = store.snapshot(deal_id)
    assert len(before.stage_events) == 3

    snapshot = store.delete_deal(deal_id, TODAY)
    assert snapshot == before
    with pytest.raises(NotFound):
        store.deal(deal_id)
    assert store.db.execute("SELECT COUNT(*) FROM stage_events WHERE deal_id = ?",
                            [deal_id]).fetchone()[0] == 0
    assert store.list_count(DealListQuery(search="relaunch")) == 0

    store.restore_deal(snapshot, TODAY)
    assert store.snapshot(deal_id) == before
    assert store.deal(deal_id) == before.deal  # same id, created_at and updated_at
    assert all_ids(store) == sorted([keep, deal_id])
    # The quick search index follows the restored deal.
    assert [r.id for r in store.list_rows(DealListQuery(search="relaunch"), 0, 10)] == [deal_id]
    assert store.list_count(DealListQuery(search="fair")) == 1


def test_restore_brings_back_values_an_undo_removed(store: Store) -> None:
    deal = Deal(title="x", client="Newco", rep="Zed", stage="Demo", first_contact=D(2026, 1, 1))
    deal_id, created = store.add_deal(deal, TODAY)
    snapshot = store.delete_deal(deal_id, TODAY)
    store.delete_unused_lookups(created)
    assert "Newco" not in store.names(LookupKind.CLIENT)
    store.restore_deal(snapshot, TODAY)  # redo
    assert stored(store, deal_id) == replace(snapshot.deal, updated_at=None, id=None)
    assert store.stage_events(deal_id) == snapshot.stage_events


def test_undoing_a_save_removes_only_the_values_it_created_and_nobody_uses(store: Store) -> None:
    store.add_deal(Deal(title="old", client="Shared"), TODAY)
    deal_id, created = store.add_deal(
        Deal(title="x", client="Newco", rep="Zed", product="Gadget", stage="Demo",
             channel="shared"), TODAY)
    assert sorted(created) == sorted([(LookupKind.CLIENT, "Newco"), (LookupKind.REP, "Zed"),
                                      (LookupKind.PRODUCT, "Gadget"),
                                      (LookupKind.CHANNEL, "shared"),
                                      (LookupKind.STAGE, "Demo")])
    other, _ = store.add_deal(Deal(title="y", rep="zed"), TODAY)  # uses Zed too

    store.delete_deal(deal_id, TODAY)
    store.delete_unused_lookups(created)
    assert store.names(LookupKind.CLIENT) == ["Shared"]
    assert store.names(LookupKind.REP) == ["Zed"]
    assert store.names(LookupKind.PRODUCT) == []
    assert store.names(LookupKind.CHANNEL) == []
    assert store.names(LookupKind.STAGE) == list(DEFAULT_STAGES)
    assert store.deal(other).rep == "Zed"


def test_undoing_an_edit_removes_the_value_it_created(store: Store) -> None:
    deal = Deal(title="x", client="Acme")
    deal_id, _ = store.add_deal(deal, TODAY)
    created = store.update_deal(deal_id, replace(deal, client="Acme Two"), TODAY)
    assert created == [(LookupKind.CLIENT, "Acme Two")]
    store.update_deal(deal_id, deal, TODAY)  # undo puts the old fields back
    store.delete_unused_lookups(created)
    assert store.names(LookupKind.CLIENT) == ["Acme"]


# --- customer types -------------------------------------------------------------------------


def expected_types(deals_by_id: dict[int, Deal]) -> dict[int, CustomerType]:
    """The reference rule of domain.deals, applied deal by deal in Python."""
    result = {}
    for deal_id, deal in deals_by_id.items():
        if deal.customer_type_set:
            result[deal_id] = deal.customer_type
            continue
        wins = [w.closed_on for w in deals_by_id.values()
                if deal.client is not None and w.client == deal.client
                and w.outcome is Outcome.WON and w.closed_on is not None]
        result[deal_id] = derive_customer_type(deal.first_contact, wins, TODAY)
    return result


def stored_types(store: Store) -> dict[int, CustomerType]:
    return {deal_id: store.deal(deal_id).customer_type for deal_id in all_ids(store)}


@st.composite
def client_deals(draw: st.DrawFn) -> Deal:
    outcome = draw(st.sampled_from(Outcome))
    start = TODAY - dt.timedelta(days=40)
    # Open deals may lack a first contact; imported decided deals either date (m003).
    offset = draw(st.one_of(st.none(), st.integers(0, 80)))
    first = None if offset is None else start + dt.timedelta(days=offset)
    closed = ((first or start) + dt.timedelta(days=draw(st.integers(0, 30)))
              if outcome.is_closed and draw(st.integers(0, 4)) else None)
    typed = draw(st.sampled_from([None, None, None, CustomerType.NEW, CustomerType.CURRENT]))
    return Deal(title="deal", client=draw(st.sampled_from(["Acme", "Beta", "Cyan", None])),
                outcome=outcome, first_contact=first, closed_on=closed,
                customer_type=typed or CustomerType.NEW, customer_type_set=typed is not None)


@settings(max_examples=60)
@given(
    batch=st.lists(client_deals(), min_size=1, max_size=12),
    bulk=st.booleans(),
    edits=st.lists(st.tuples(st.integers(0, 11), st.sampled_from(
        ["delete", "lose", "reopen", "earlier", "later", "move", "automatic", "win"])),
        max_size=4),
)
def test_stored_customer_types_follow_the_reference_rule(
    tmp_path: Path, batch: list[Deal], bulk: bool, edits: list[tuple[int, str]]
) -> None:
    store = fresh_store(tmp_path)
    try:
        if bulk:
            store.add_deals(batch, TODAY)
            deals_by_id = dict(zip(all_ids(store), batch, strict=True))
        else:
            deals_by_id = {store.add_deal(deal, TODAY)[0]: deal for deal in batch}
        assert stored_types(store) == expected_types(deals_by_id)

        for index, edit in edits:
            deal_id = list(deals_by_id)[index % len(deals_by_id)]
            deal = deals_by_id[deal_id]
            first = deal.first_contact or min(TODAY - dt.timedelta(days=20),
                                              deal.closed_on or TODAY)
            # A decided deal imported without its first contact keeps it unknown when moved.
            moved = first if deal.first_contact or not deal.outcome.is_closed else None
            changed = {
                "lose": replace(deal, outcome=Outcome.LOST, first_contact=first,
                                closed_on=deal.closed_on or first),
                "win": replace(deal, outcome=Outcome.WON, first_contact=first,
                               closed_on=deal.closed_on or first),
                "reopen": replace(deal, outcome=Outcome.OPEN, closed_on=None),
                "earlier": replace(deal, first_contact=moved and moved - dt.timedelta(days=30),
                                   closed_on=deal.closed_on and deal.closed_on
                                   - dt.timedelta(days=30)),
                "later": replace(deal, first_contact=moved and moved + dt.timedelta(days=30),
                                 closed_on=deal.closed_on and deal.closed_on
                                 + dt.timedelta(days=30)),
                "move": replace(deal, client={"Acme": "Beta", "Beta": None}.get(
                    deal.client or "", "Acme")),
                "automatic": replace(deal, customer_type=CustomerType.NEW,
                                     customer_type_set=False),
                "delete": None,
            }[edit]
            if changed is None:
                store.delete_deal(deal_id, TODAY)
                del deals_by_id[deal_id]
                if not deals_by_id:
                    break
            else:
                store.update_deal(deal_id, changed, TODAY)
                deals_by_id[deal_id] = changed
            assert stored_types(store) == expected_types(deals_by_id), edit
    finally:
        store.close()


def test_deleting_and_restoring_a_won_deal_updates_later_deals(store: Store) -> None:
    won = Deal(title="first order", client="Acme", outcome=Outcome.WON,
               first_contact=D(2026, 1, 1), closed_on=D(2026, 1, 20))
    later = Deal(title="second order", client="Acme", first_contact=D(2026, 2, 1))
    typed = Deal(title="typed", client="Acme", first_contact=D(2026, 2, 1),
                 customer_type=CustomerType.NEW, customer_type_set=True)
    won_id, _ = store.add_deal(won, TODAY)
    later_id, _ = store.add_deal(later, TODAY)
    typed_id, _ = store.add_deal(typed, TODAY)
    assert store.deal(later_id).customer_type is CustomerType.CURRENT
    assert store.deal(typed_id).customer_type is CustomerType.NEW

    snapshot = store.delete_deal(won_id, TODAY)
    assert store.deal(later_id).customer_type is CustomerType.NEW
    store.restore_deal(snapshot, TODAY)
    assert store.deal(later_id).customer_type is CustomerType.CURRENT

    store.update_deal(won_id, replace(won, client="Other"), TODAY)
    assert store.deal(later_id).customer_type is CustomerType.NEW
    store.update_deal(won_id, won, TODAY)
    assert store.deal(later_id).customer_type is CustomerType.CURRENT
    store.update_deal(won_id, replace(won, closed_on=D(2026, 2, 1)), TODAY)
    assert store.deal(later_id).customer_type is CustomerType.NEW  # same day is not before
    assert store.deal(typed_id).customer_type is CustomerType.NEW


# --- the database guards itself -------------------------------------------------------------


def _valid_row(store: Store) -> dict[str, Any]:
    return {
        "title": "ok", "stage_id": store.stage_order()[0], "outcome": "won",
        "first_contact": "2026-01-01", "closed_on": "2026-01-02", "currency": "EUR",
        "customer_type": "new", "amount": 0, "created_at": "x", "updated_at": "x",
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"title": "   "},
        {"title": None},
        {"outcome": "pending"},
        {"outcome": None},
        {"amount": -1},
        {"customer_type": "old"},
        {"closed_on": "2025-12-31"},
        {"outcome": "open"},  # an open deal with a close date
        {"stage_id": None},
        {"stage_id": 999},
        {"client_id": 999},
        {"lost_reason_id": 999},
        {"currency": None},
    ],
)
def test_check_constraints_reject_invalid_rows(store: Store, bad: dict[str, Any]) -> None:
    # A decided deal without its close date or first contact is valid (m003): imports bring
    # them (tests/store/test_undated_decided_migration.py).
    conn = store.db.conn

    def insert(row: dict[str, Any]) -> None:
        columns = ", ".join(row)
        conn.execute(f"INSERT INTO deals ({columns}) VALUES ({', '.join('?' * len(row))})",
                     list(row.values()))

    insert(_valid_row(store))  # the baseline passes
    with pytest.raises(sqlite3.IntegrityError):
        insert({**_valid_row(store), **bad})
    assert count(store, "deals") == 1


@pytest.mark.parametrize("table", ["clients", "reps", "stages", "lost_reasons"])
def test_lookup_names_are_checked_by_the_database(store: Store, table: str) -> None:
    extra = ", position" if table == "stages" else ""
    value = ", 99" if table == "stages" else ""
    store.db.execute(f"INSERT INTO {table} (name{extra}) VALUES ('Zeta'{value})")
    for name in ("", "  ", "ZETA", None):
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(f"INSERT INTO {table} (name{extra}) VALUES (?{value})", [name])


def test_a_used_stage_cannot_be_deleted_behind_the_stores_back(store: Store) -> None:
    store.add_deal(Deal(title="x"), TODAY)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("DELETE FROM stages WHERE id = ?", [store.stage_order()[0]])


# --- bulk inserts ---------------------------------------------------------------------------


def _bad_deal() -> Deal:
    # Bypasses domain validation: a won deal closed before its first contact.
    return Deal(title="bad", client="Half-imported", outcome=Outcome.WON,
                first_contact=D(2026, 1, 1), closed_on=D(2025, 12, 31))


@pytest.mark.parametrize("batch_size", [1, 2, 5000])
def test_insert_many_is_all_or_nothing(store: Store, batch_size: int) -> None:
    store.add_deal(Deal(title="existing", client="Acme"), TODAY)
    before = {t: count(store, t) for t in ("deals", "stage_events", "clients", "stages",
                                            "reps")}
    batch = [Deal(title=f"ok {i}", client=f"Client {i}", rep="Newrep", stage="Imported")
             for i in range(5)]
    batch.insert(3, _bad_deal())
    with pytest.raises(sqlite3.IntegrityError):
        store_deals.insert_many(store.db, batch, TODAY, batch_size=batch_size)
    assert {t: count(store, t) for t in before} == before
    assert store.list_count(DealListQuery(search="ok")) == 0
    assert not store.db.conn.in_transaction

    assert store.add_deals([d for d in batch if d.title != "bad"], TODAY) == 5
    assert count(store, "deals") == 6


def test_add_deals_is_all_or_nothing(store: Store) -> None:
    batch = [Deal(title="a"), _bad_deal(), Deal(title="c")]
    with pytest.raises(sqlite3.IntegrityError):
        store.add_deals(batch, TODAY)
    assert count(store, "deals") == 0
    assert store.names(LookupKind.CLIENT) == []


def test_a_failed_single_insert_leaves_no_new_values(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.add_deal(_bad_deal(), TODAY)
    assert count(store, "deals") == 0
    assert store.names(LookupKind.CLIENT) == []


def test_add_deals_after_deletes_does_not_reuse_a_live_id(store: Store) -> None:
    ids = [store.add_deal(Deal(title=f"d{i}"), TODAY)[0] for i in range(3)]
    store.delete_deal(ids[0], TODAY)
    store.add_deals([Deal(title="new")], TODAY)
    titles = sorted(store.deal(i).title for i in all_ids(store))
    assert titles == ["d1", "d2", "new"]


# --- what validation accepts, the store keeps -----------------------------------------------

RULES = InputRules({"EUR": 2, "USD": 2, "JPY": 0, "KWD": 3}, "EUR", ("%d.%m.%Y",))
_DEFAULT_NAMES = {"stage": {n.lower(): n for n in DEFAULT_STAGES},
                  "lost_reason": {n.lower(): n for n in DEFAULT_LOST_REASONS}}
typed_names = st.one_of(st.just(""), st.text(max_size=12),
                        st.sampled_from(["lead", " PRICE ", "Proposal", "new\tstage"]))


@st.composite
def accepted_drafts(draw: st.DrawFn) -> DealDraft:
    outcome = draw(st.sampled_from(["open", "won", "lost"]))
    first = draw(st.one_of(st.none(), days) if outcome == "open" else days)
    closed = draw(st.dates(first, D(2040, 12, 31))) if first and outcome != "open" else None
    amount = draw(st.one_of(st.none(), st.decimals(0, 10**12, places=0),
                            st.decimals(0, 10**6, places=2)))
    return DealDraft(
        title=draw(st.text(min_size=1, max_size=50)),
        **{k: draw(typed_names) for k in ("client", "rep", "product", "channel", "region",
                                          "audience", "stage")},
        customer_type=draw(st.sampled_from(["", "new", "current"])),
        outcome=outcome,
        first_contact=first.isoformat() if first else "",
        closed_on=closed.strftime("%d.%m.") + f"{closed.year:04d}" if closed else "",
        expected_close=draw(st.sampled_from(["", "2040-12-31"])),
        next_step=draw(st.text(max_size=30)),
        amount="" if amount is None else f"{amount:f}",
        currency=draw(st.sampled_from(["", "usd", "KWD", "JPY"])),
        lost_reason=draw(typed_names) if outcome == "lost" else "",
        notes=draw(st.text(max_size=100)),
    )


@settings(max_examples=80)
@given(draft=accepted_drafts())
def test_every_deal_validation_accepts_is_stored_as_validated(tmp_path: Path,
                                                              draft: DealDraft) -> None:
    result = validate_draft(draft, RULES)
    assume(result.deal is not None)
    deal = result.deal
    assert deal is not None
    store = fresh_store(tmp_path)
    try:
        deal_id, _ = store.add_deal(deal, TODAY)
        canonical = {k: _DEFAULT_NAMES[k].get(v.lower(), v) if v and v.isascii() else v
                     for k, v in (("stage", deal.stage), ("lost_reason", deal.lost_reason))}
        want = replace(deal, stage=canonical["stage"] or "Lead",
                       lost_reason=canonical["lost_reason"])
        got = replace(stored(store, deal_id), created_at=None)
        assert got == want
    finally:
        store.close()


def test_control_characters_round_trip(store: Store) -> None:
    deal = Deal(title="a\x00b\x1bc", client="c\x00d", notes="x\x00y\r\n", next_step="\t")
    deal_id, _ = store.add_deal(deal, TODAY)
    assert replace(stored(store, deal_id), created_at=None, stage=None) == deal
