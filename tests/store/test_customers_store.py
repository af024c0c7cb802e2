"""The customer tables of migration m004 (issue 17): survey responses, touchpoints and their
dated changes, competitor notes, lost-reason details, and importing responses from a file with
its bad rows rejected for clear reasons while nothing else is lost."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.competitors import CompetitorNotes, StepNote
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.nps import Response, Segment
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import Dimension
from salesdesk.domain.touchpoints import DEFAULT_TOUCHPOINTS, Scope, TouchpointChange
from salesdesk.files import restore_cell
from salesdesk.store import (
    NameClash,
    NotFound,
    ReadOnly,
    Store,
    StoreError,
    open_store,
    plan_nps_import,
)
from salesdesk.store.migrations import known_migration_names

D = dt.date
TODAY = D(2026, 6, 1)


MARCH = D(2026, 3, 1)


def answer(score: int, day: D = MARCH, **fields: object) -> Response:
    return Response(day, score, fields.pop("segment", Segment.B2C), **fields)  # type: ignore[arg-type]


def test_migration_m004_makes_the_tables_and_seeds_the_handbook_touchpoints(
        store: Store) -> None:
    assert "m004_create_customer_tables" in known_migration_names()
    customers = store.customers
    assert customers.available
    assert [t.name for t in customers.touchpoints()] == list(DEFAULT_TOUCHPOINTS)
    assert "Other" in store.names(LookupKind.LOST_REASON)
    assert customers.responses() == [] and customers.changes() == []
    assert customers.competitor_reason() == "Competitor"


def test_responses_are_stored_read_by_period_edited_and_deleted(store: Store) -> None:
    customers = store.customers
    ids, created = customers.add_responses([
        answer(10, D(2026, 1, 5), product="Boiler", client="Ács Kft", comment="great"),
        answer(3, D(2026, 2, 5), segment=Segment.B2B)])
    assert created == [(LookupKind.PRODUCT, "Boiler"), (LookupKind.CLIENT, "Ács Kft")]
    first = customers.response(ids[0])
    assert first == answer(10, D(2026, 1, 5), product="Boiler", client="Ács Kft",
                           comment="great", id=ids[0])
    assert [r.id for r in customers.responses(Period.between(D(2026, 2, 1), None))] == [ids[1]]
    customers.update_response(answer(9, D(2026, 1, 6), product="Heat pump", id=ids[0]))
    assert customers.response(ids[0]).product == "Heat pump"
    customers.delete_responses(ids)
    assert customers.responses() == []
    # Redo puts them back under their own ids.
    again, _ = customers.add_responses([answer(7, id=ids[1])])
    assert again == [ids[1]] and customers.response(ids[1]).score == 7
    with pytest.raises(NotFound):
        customers.response(ids[0])


def test_a_client_with_survey_answers_can_be_merged_and_unmerged(store: Store) -> None:
    customers = store.customers
    (response_id,), _ = customers.add_responses([answer(9, client="Acme Ltd")])
    store.add_deal(Deal("Boiler", client="ACME"), TODAY)
    source = next(i for i in store.lookup_items(LookupKind.CLIENT) if i.name == "Acme Ltd")
    target = next(i for i in store.lookup_items(LookupKind.CLIENT) if i.name == "ACME")
    record = store.merge_lookup(LookupKind.CLIENT, source.id, target.id)
    assert customers.response(response_id).client == "ACME"
    store.unmerge_lookup(record)
    assert customers.response(response_id).client == "Acme Ltd"
    # A list value used by a survey answer only is not removed as unused.
    store.delete_unused_lookups([(LookupKind.CLIENT, "Acme Ltd")])
    assert "Acme Ltd" in store.names(LookupKind.CLIENT)


def test_touchpoints_are_added_renamed_retired_and_their_changes_logged(store: Store) -> None:
    customers = store.customers
    shop = customers.add_touchpoint("  Shop   window ")
    with pytest.raises(NameClash):
        customers.add_touchpoint("shop window")
    with pytest.raises(ValueError):
        customers.add_touchpoint(" ")
    assert customers.rename_touchpoint(shop, "Shop front") == "Shop window"
    change = TouchpointChange("Shop front", D(2026, 3, 1), "New lighting",
                              Scope(Dimension.REGION, "North"))
    change_id = customers.add_change(change)
    customers.add_change(TouchpointChange("Logo", D(2026, 1, 1), "New logo"))
    assert [c.description for c in customers.changes()] == ["New logo", "New lighting"]
    assert customers.changes("shop FRONT") == [TouchpointChange(
        "Shop front", D(2026, 3, 1), "New lighting", Scope(Dimension.REGION, "North"),
        change_id)]
    customers.update_change(TouchpointChange("Logo", D(2026, 3, 2), "x", None, change_id))
    assert customers.changes("Logo")[-1].scope is None
    with pytest.raises(StoreError, match="retire it instead"):
        customers.delete_touchpoint(next(t.id or 0 for t in customers.touchpoints()
                                         if t.name == "Logo"))
    customers.set_touchpoint_retired(shop, True)
    assert "Shop front" not in [t.name for t in customers.touchpoints(include_retired=False)]
    with pytest.raises(NotFound):
        customers.add_change(TouchpointChange("Nowhere", D(2026, 1, 1), "x"))
    customers.delete_change(change_id)
    customers.delete_touchpoint(shop)
    assert "Shop front" not in [t.name for t in customers.touchpoints()]


def test_competitor_notes_and_the_deals_lost_to_each_competitor(store: Store) -> None:
    customers = store.customers
    lost = Deal("x", Outcome.LOST, first_contact=D(2026, 1, 1), closed_on=D(2026, 2, 1),
                lost_reason="Competitor", lost_reason_note=" thermopro ")
    first, _ = store.add_deal(lost, TODAY)
    second, _ = store.add_deal(Deal("y", Outcome.LOST, first_contact=D(2026, 1, 1),
                                    closed_on=D(2026, 2, 1), lost_reason="Competitor",
                                    lost_reason_note="HeatWise"), TODAY)
    store.add_deal(Deal("z", Outcome.LOST, first_contact=D(2026, 1, 1), closed_on=D(2026, 2, 1),
                        lost_reason="Other", lost_reason_note="ThermoPro"), TODAY)
    customers.save_competitor_notes(CompetitorNotes("ThermoPro", (
        StepNote("Quote", "PDF after the visit", "Price on the spot"),)))
    # Named in the notes or in a lost deal's details, spelled as the notes spell it.
    assert customers.competitor_losses() == [("HeatWise", 1), ("ThermoPro", 1)]
    assert customers.lost_to("THERMOPRO") == [first]
    assert customers.lost_to_any_competitor() == 2
    renamed = customers.save_competitor_notes(
        CompetitorNotes("Thermo Pro Kft.", (StepNote("Quote", "PDF", "On the spot"),
                                            StepNote("Visit", "", ""))), "ThermoPro")
    assert customers.competitor_notes("thermopro").steps == ()
    assert customers.competitor_notes("Thermo Pro Kft.") == renamed
    assert len(renamed.steps) == 2
    customers.set_competitor_reason("Other")
    assert customers.lost_to("ThermoPro") == [3] and customers.competitor_reason() == "Other"
    customers.set_competitor_reason(None)
    assert customers.competitor_reason() is None and customers.lost_to("HeatWise") == []
    customers.delete_competitor("Thermo Pro Kft.")
    assert customers.competitor_notes("Thermo Pro Kft.").steps == ()
    assert second


def test_the_lost_reason_details_are_a_deal_field(store: Store) -> None:
    deal_id, _ = store.add_deal(Deal("x", Outcome.LOST, first_contact=D(2026, 1, 1),
                                     closed_on=D(2026, 1, 2), lost_reason="Other",
                                     lost_reason_note="Moved abroad"), TODAY)
    assert store.deal(deal_id).lost_reason_note == "Moved abroad"


def test_a_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    open_store(path).close()
    store = open_store(path, read_only=True)
    try:
        assert store.customers.touchpoints()
        with pytest.raises(ReadOnly):
            store.customers.add_responses([answer(9)])
    finally:
        store.close()


# --- importing responses ----------------------------------------------------------------------

GOOD_AND_BAD = (
    "Date,Score,Segment,Product,Client,What should we do next time to earn a 10?\n"
    "2026-01-05,10,B2C,Boiler,Ács Kft,Nothing\n"
    "2026-01-06,11,B2C,Boiler,,Too high\n"
    ",9,B2B,Heat pump,,No date\n"
    "2026-01-07,6,b2b,Heat pump,Beta,\"Call first, please\"\n"
    ",,,,,\n"
    "2026-01-08,7,retail,,,\n"
)


def _write(tmp_path: Path, text: str, name: str = "survey.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_rows_are_rejected_with_clear_reasons_and_nothing_else_is_lost(
        store: Store, tmp_path: Path) -> None:
    source = _write(tmp_path, GOOD_AND_BAD)
    plan = plan_nps_import(source)
    assert plan.mapping == {"date": "Date", "score": "Score", "segment": "Segment",
                            "product": "Product", "client": "Client",
                            "comment": "What should we do next time to earn a 10?"}
    summary = store.customers.import_nps(plan, TODAY)
    assert (summary.imported, summary.rejected, summary.skipped) == (2, 3, 1)
    stored = store.customers.responses()
    assert [(r.score, r.segment, r.product, r.client, r.comment) for r in stored] == [
        (10, Segment.B2C, "Boiler", "Ács Kft", "Nothing"),
        (6, Segment.B2B, "Heat pump", "Beta", "Call first, please")]
    assert summary.rejected_file == tmp_path / "survey-rejected.csv"
    with summary.rejected_file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    reasons = [row[-1] for row in rows[1:]]
    assert reasons == ["row 3: Score: 11 is outside 0–10.",
                       "row 4: Date: A response needs the date it was answered.",
                       "row 7: Segment: Write B2C or B2B."]
    assert rows[1][:3] == ["2026-01-06", "11", "B2C"]  # the row as it was, to fix and re-import
    assert summary.to_dict()["kind"] == "nps"


def test_a_file_without_a_score_column_is_refused_before_anything_is_written(
        store: Store, tmp_path: Path) -> None:
    source = _write(tmp_path, "When,Rating text\n2026-01-01,9\n")
    with pytest.raises(ValueError, match="no column for date, score, segment"):
        plan_nps_import(source)
    with pytest.raises(ValueError, match="no column for segment"):
        plan_nps_import(source, maps=["date=When", "score=Rating text"])
    with pytest.raises(ValueError, match="no column 'Nope'"):
        plan_nps_import(source, maps=["date=Nope"])


def test_day_first_dates_and_a_dry_run(store: Store, tmp_path: Path) -> None:
    source = _write(tmp_path, "datum;nps;segment\n31.01.2026;9;B2C\n02.03.2026;3;B2B\n",
                    "umfrage.csv")
    plan = plan_nps_import(source)
    dry = store.customers.import_nps(plan, TODAY, dry_run=True)
    assert dry.imported == 2 and store.customers.responses() == []
    store.customers.import_nps(plan, TODAY)
    assert [r.answered_on for r in store.customers.responses()] == [D(2026, 1, 31),
                                                                   D(2026, 3, 2)]


rows_strategy = st.lists(st.tuples(
    st.sampled_from(["2026-01-05", "2025-12-31", "", "31.02.2026", "soon"]),
    st.sampled_from(["0", "6", "7", "9", "10", "11", "-1", "", "x", "8.0"]),
    st.sampled_from(["B2C", "b2b", "", "retail"]),
    st.text(alphabet="abc ÁéŐ,\"'=", max_size=8)), max_size=25)


@given(rows_strategy)
def test_exactly_the_valid_rows_are_imported(tmp_path_factory: pytest.TempPathFactory,
                                             rows: list[tuple[str, str, str, str]]) -> None:
    folder = tmp_path_factory.mktemp("nps")
    source = folder / "survey.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "score", "segment", "comment"])
        writer.writerows(rows)
    store = open_store(folder / "deals.db")
    try:
        summary = store.customers.import_nps(plan_nps_import(source), TODAY)
        valid = [row for row in rows
                 if row[0] in ("2026-01-05", "2025-12-31")
                 and row[1] in ("0", "6", "7", "9", "10", "8.0") and row[2] in ("B2C", "b2b")]
        blank = [row for row in rows if not any(cell.strip() for cell in row)]
        assert summary.imported == len(store.customers.responses()) == len(valid)
        assert summary.rejected == len(rows) - len(valid) - len(blank)
        # A leading apostrophe that neutralised a formula is read away, as for deals.
        assert sorted(r.comment for r in store.customers.responses()) == sorted(
            restore_cell(row[3]).strip() for row in valid)
    finally:
        store.close()


@pytest.mark.parametrize("today", [D(2026, 3, 1), D(2026, 5, 14), D(2027, 1, 15)])
def test_the_demo_s_new_website_visibly_lifts_conversion(tmp_path: Path, today: D) -> None:
    from salesdesk.domain.touchpoints import reference_before_after
    from salesdesk.launch import write_demo
    from salesdesk.store import DealListQuery

    path = tmp_path / "demo.db"
    write_demo(path, 1500, today)
    store = open_store(path, read_only=True)
    try:
        deals = [store.deal(row.id) for row in store.list_rows(
            DealListQuery(), 0, store.list_count(DealListQuery()))]
        changes = store.customers.changes()
        assert len(changes) == 5 and len(store.customers.responses()) > 200
        website = next(c for c in changes if c.touchpoint == "Website")
        result = reference_before_after(deals, website, 90, today)
        assert result is not None and result.conversion.verdict is not None
        assert result.conversion.verdict.startswith("Conversion rose")
        others = [reference_before_after(deals, c, 90, today) for c in changes
                  if c is not website]
        assert all(r is None or r.conversion.verdict is None for r in others)
        assert store.customers.competitor_losses()[0][1] > 0
    finally:
        store.close()
