"""Scorecard tables: versioned templates whose edits keep history readable, assessments,
preparation sheets, the checklist and the prepared threshold."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from salesdesk.domain.deal_prep import PrepSheet
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.scorecards import (
    Assessment,
    Score,
    add_item,
    move_item,
    rename_item,
    set_item_retired,
)
from salesdesk.store import ReadOnly, Scorecards, Store, StoreError, open_store
from salesdesk.store.migrations import known_migration_names

D = dt.date


def _assess(sc: Scorecards, rep: str, day: D, score: int = 3) -> int:
    template = sc.template()
    return sc.add_assessment(Assessment(rep, "Boss", day, template.version, tuple(
        Score(i.id, score, f"note {i.id}") for i in template.active_items())))


def test_migration_seeds_the_handbook_checklist(store: Store) -> None:
    assert "m002_create_scorecards" in known_migration_names()
    sc = store.scorecards
    template = sc.template()
    assert template.version == 1 and len(template.active_items()) == 14
    assert [s.key for s in template.sections] == [
        "interests", "rapport", "spin", "price", "manipulation", "process"]
    assert all(item.good for item in template.items)
    assert "10 areas" in template.items[0].text
    assert sc.tactics()[0] == "Good cop / bad cop" and "False deadline" in sc.tactics()
    assert store.check() == []


def test_template_edits_keep_old_assessments_readable(store: Store) -> None:
    store.add_lookup(LookupKind.REP, "Anna")
    sc = store.scorecards
    v1 = sc.template()
    first = _assess(sc, "Anna", D(2026, 1, 10), 4)
    item = v1.active_items()[0]
    edited = rename_item(v1, item.id, "Ten interest areas, written down")
    edited = set_item_retired(edited, v1.active_items()[1].id, True)
    edited = add_item(edited, "spin", "Summarises the client's needs")
    edited = move_item(edited, v1.active_items()[2].id, -2)
    v2 = sc.save_template(edited)
    assert v2.version == 2
    assert v2.items[-1].id > 0 and v2.items[-1].text == "Summarises the client's needs"
    second = _assess(sc, "Anna", D(2026, 3, 1), 2)
    old, new = sc.assessments("Anna")
    assert (old.id, new.id) == (first, second)
    # The first assessment reads with version 1's texts, the retired item included.
    old_template = sc.template(old.template_version)
    assert old_template.item(item.id).text == item.text  # type: ignore[union-attr]
    assert len(old.scores) == 14
    assert sc.template(new.template_version).item(item.id).text.startswith("Ten")  # type: ignore[union-attr]
    assert len(new.scores) == 14  # one retired, one added
    assert v1.active_items()[1].id not in {s.item_id for s in new.scores}
    with pytest.raises(StoreError):  # version 2 was used: undoing its edit is refused
        sc.restore_template(v1)


def test_restoring_a_template_undoes_and_redoes_an_edit(store: Store) -> None:
    sc = store.scorecards
    v1 = sc.template()
    v2 = sc.save_template(add_item(v1, "price", "Knows the competitors' prices"))
    sc.restore_template(v1)
    assert sc.template() == v1
    sc.restore_template(v2)
    assert sc.template() == v2
    assert store.check() == []


def test_assessment_round_trip_and_delete(store: Store) -> None:
    store.add_lookup(LookupKind.REP, "Bence")
    sc = store.scorecards
    a_id = _assess(sc, "Bence", D(2026, 2, 2))
    (saved,) = sc.assessments("bence")
    assert saved.id == a_id and saved.assessor == "Boss" and saved.scores[0].note
    sc.delete_assessment(a_id)
    assert sc.assessments() == []
    sc.add_assessment(saved)  # redo puts it back under the same id
    assert sc.assessments() == [saved]
    assert sc.assessors() == ["Boss"] and sc.rep_names() == ["Bence"]


def _deal(rep: str, outcome: Outcome, closed: D | None) -> Deal:
    return Deal(title=f"{rep} {outcome}", rep=rep, outcome=outcome,
                first_contact=D(2026, 1, 1), closed_on=closed, currency="EUR")


def test_prep_sheets_and_decided_deals(store: Store) -> None:
    sc = store.scorecards
    ids = [store.add_deal(_deal("Anna", o, c), D(2026, 6, 1))[0] for o, c in (
        (Outcome.WON, D(2026, 2, 1)), (Outcome.LOST, D(2026, 3, 1)), (Outcome.OPEN, None),
        (Outcome.WON, D(2026, 1, 5)))]
    sheet = PrepSheet()
    for cell in range(30):
        sheet = sheet.with_cell(cell // 4, cell % 4, concede="c", ask="a")
    sc.save_deal_prep(ids[0], sheet)
    assert sc.deal_prep(ids[0]) == sheet and sc.deal_prep(ids[1]) is None
    decided = {d.deal_id: d for d in sc.decided_deals(D(2026, 1, 10), D(2026, 12, 31), "anna")}
    assert set(decided) == {ids[0], ids[1]}
    assert decided[ids[0]].completeness == pytest.approx(30 / 48)
    assert decided[ids[1]].completeness is None
    assert [d.deal_id for d in sc.decided_deals(None, None, with_sheets=True)] == [ids[0]]
    sc.save_deal_prep(ids[0], PrepSheet())  # an empty sheet removes it
    assert sc.deal_prep(ids[0]) is None
    # A deleted deal's sheet comes back with the deal when the delete is undone.
    sc.save_deal_prep(ids[1], sheet)
    snapshot = store.delete_deal(ids[1], D(2026, 6, 2))
    store.restore_deal(snapshot, D(2026, 6, 2))
    assert sc.deal_prep(ids[1]) == sheet


def test_checklist_and_threshold_settings(store: Store) -> None:
    sc = store.scorecards
    sc.set_tactics(["  Flinch ", "flinch", "", "Nibbling"])
    assert sc.tactics() == ["Flinch", "Nibbling"]
    assert sc.prepared_share() == 0.5
    sc.set_prepared_share(0.75)
    assert sc.prepared_share() == 0.75
    with pytest.raises(ValueError):
        sc.set_prepared_share(0)
    # The business settings are saved without touching the scorecard's own key.
    store.save_settings(replace(store.settings(), too_few_threshold=10))
    assert sc.prepared_share() == 0.75


def test_read_only_store_refuses_scorecard_writes(store: Store) -> None:
    path = store.path
    store.close()
    reader = open_store(path, read_only=True)
    try:
        with pytest.raises(ReadOnly):
            reader.scorecards.set_tactics(["x"])
        assert reader.scorecards.template().version == 1
    finally:
        reader.close()


def test_merging_salespeople_moves_their_assessments_and_unmerge_moves_them_back(
        store: Store) -> None:
    anna = store.add_lookup(LookupKind.REP, "Anna")
    anne = store.add_lookup(LookupKind.REP, "Anne")
    sc = store.scorecards
    moved = _assess(sc, "Anne", D(2026, 1, 1))
    kept = _assess(sc, "Anna", D(2026, 2, 1))
    with pytest.raises(StoreError):
        store.delete_lookup(LookupKind.REP, anne)  # assessed: merge or retire instead
    record = store.merge_lookup(LookupKind.REP, anne, anna)
    assert [a.id for a in sc.assessments("Anna")] == [moved, kept]
    store.unmerge_lookup(record)
    assert [a.id for a in sc.assessments("Anne")] == [moved]
    assert [a.id for a in sc.assessments("Anna")] == [kept]
    assert store.check() == []
