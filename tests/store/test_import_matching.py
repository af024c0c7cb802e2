"""Which deal a row of an imported file is (issue 13, item 2): an export carries each deal's
own id, so importing it back matches exactly; a row that matches more than one deal, or
shares its deal with another row, updates nothing and is reported, never guessed. After each
case the file passes the store's integrity and foreign-key checks: the import writes with
foreign keys off."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.validation import InputRules
from salesdesk.store import ImportSummary, SourceOptions, Store, open_store, plan_import

TODAY = dt.date(2026, 3, 31)
RULES = InputRules(currency_digits(), "EUR")
TWINS = [
    Deal(title="Boiler", client="Acme", outcome=Outcome.WON, amount=3_800_000,
         first_contact=dt.date(2026, 1, 5), closed_on=dt.date(2026, 2, 1)),
    Deal(title="Boiler", client="Acme", outcome=Outcome.LOST, lost_reason="Price",
         first_contact=dt.date(2026, 1, 5), closed_on=dt.date(2026, 2, 3)),
]


def _import(store: Store, path: Path, on_duplicate: str = "update") -> ImportSummary:
    plan = plan_import(path, SourceOptions(), None)
    return store.import_deals(plan, RULES, TODAY, on_duplicate=on_duplicate,
                              rejected_path=path.with_name("rejected.csv"))


def _state(store: Store) -> list[tuple[object, ...]]:
    return store.db.execute("SELECT id, outcome, amount, closed_on, lost_reason_id, notes,"
                            " external_id FROM deals ORDER BY id").fetchall()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_twins_round_trip_to_themselves(store: Store, tmp_path: Path) -> None:
    store.add_deals(TWINS, TODAY)
    out = tmp_path / "deals.csv"
    store.export_deals(out, currency_digits())
    rows = _rows(out)
    assert all(row["external_id"].startswith("salesdesk:") for row in rows)
    rows[1]["notes"] = "the lost one, edited in a spreadsheet"
    _write(out, rows)
    before = _state(store)
    summary = _import(store, out)
    assert (summary.updated, summary.imported, summary.ambiguous) == (2, 0, 0)
    after = _state(store)
    # The lost deal stays lost (it once became "won 38000"), and only its notes changed.
    assert [row[:5] for row in after] == [row[:5] for row in before]
    assert after[1][5] == "the lost one, edited in a spreadsheet"
    assert [row[6] for row in after] == [None, None]  # its own id is not stored back
    assert store.check() == []


def test_a_row_matching_two_deals_updates_neither(store: Store, tmp_path: Path) -> None:
    store.add_deals(TWINS, TODAY)
    sheet = tmp_path / "plain.csv"
    _write(sheet, [{"title": "Boiler", "client": "Acme", "outcome": "won",
                    "first_contact": "2026-01-05", "closed_on": "2026-03-01",
                    "amount": "99"}])
    before = _state(store)
    summary = _import(store, sheet)
    assert (summary.ambiguous, summary.updated, summary.imported) == (1, 0, 0)
    assert _state(store) == before
    [rejected] = _rows(tmp_path / "rejected.csv")
    assert "ambiguous: more than one deal in the file has this title, client and first" \
           " contact" in next(v for k, v in rejected.items() if k.startswith("rejected"))
    assert any("matched more than one deal" in note for note in summary.notes)
    assert store.check() == []


def test_two_rows_for_one_deal_update_it_neither_way(store: Store, tmp_path: Path) -> None:
    store.add_deals([TWINS[0]], TODAY)
    sheet = tmp_path / "plain.csv"
    row = {"title": "Boiler", "client": "Acme", "outcome": "won",
           "first_contact": "2026-01-05", "closed_on": "2026-02-01", "amount": "1"}
    _write(sheet, [row, {**row, "amount": "2"}])
    before = _state(store)
    summary = _import(store, sheet)
    assert (summary.ambiguous, summary.updated) == (2, 0)
    assert _state(store) == before
    # Skipping needs no guess: both rows are duplicates of the one deal.
    assert _import(store, sheet, "skip").duplicates == 2
    assert store.check() == []


def test_another_files_export_is_matched_as_rows_without_ids(tmp_path: Path) -> None:
    source = open_store(tmp_path / "a.db")
    target = open_store(tmp_path / "b.db")
    try:
        source.add_deals([TWINS[0]], TODAY)
        target.add_deals([Deal(title="Someone else's", outcome=Outcome.OPEN)], TODAY)
        out = tmp_path / "a.csv"
        source.export_deals(out, currency_digits())
        # b.db's deal 1 is another deal: a's id 1 must not reach it.
        assert _import(target, out).imported == 1
        assert target.deal(1).title == "Someone else's"
        assert target.deal(2).external_id is None
        assert _import(target, out, "skip").duplicates == 1  # importing again: no copy
        assert target.check() == []
    finally:
        source.close()
        target.close()


def test_an_export_imported_into_a_new_file_keeps_no_salesdesk_ids(tmp_path: Path) -> None:
    source = open_store(tmp_path / "a.db")
    target = open_store(tmp_path / "b.db")
    try:
        source.add_deals([*TWINS, Deal(title="Own id", external_id="CRM-7")], TODAY)
        out = tmp_path / "a.csv"
        source.export_deals(out, currency_digits())
        assert _import(target, out).imported == len(TWINS) + 1  # the empty file's fast path
        assert [target.deal(i).external_id for i in range(1, len(TWINS) + 2)] == [
            *(None for _ in TWINS), "CRM-7"]
    finally:
        source.close()
        target.close()


def test_a_copy_that_went_its_own_way_is_not_matched_by_id(tmp_path: Path) -> None:
    original = open_store(tmp_path / "a.db")
    original.add_deals([TWINS[0]], TODAY)
    original.close()
    shutil.copyfile(tmp_path / "a.db", tmp_path / "b.db")
    first, second = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    try:
        # Both copies add their own deal 2, at different moments.
        first.db.execute("UPDATE deals SET created_at = '2026-01-01T00:00:00+00:00'")
        first.db.conn.commit()
        first.add_deal(Deal(title="Made in a"), TODAY)
        second.add_deal(Deal(title="Made in b"), TODAY)
        second.db.execute("UPDATE deals SET created_at = '2026-02-02T00:00:00+00:00'"
                          " WHERE id = 2")
        second.db.conn.commit()
        out = tmp_path / "a.csv"
        first.export_deals(out, currency_digits())
        summary = _import(second, out)
        assert summary.imported == 1  # "Made in a" is new to b, never b's deal 2
        assert second.deal(2).title == "Made in b"
        assert second.check() == []
    finally:
        first.close()
        second.close()
