"""Erase Client (issue 6, privacy): the name and personal data are gone from every table and
from the file's bytes, the anonymous figures stay the same."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from salesdesk.domain.deals import Deal, LookupKind, Outcome, title_from
from salesdesk.domain.scorecards import Assessment, Score
from salesdesk.store import NotFound, Store, open_store

TODAY = dt.date(2026, 3, 31)
NAME = "Zyxwolff Bakery"


def _business(store: Store) -> None:
    store.add_deals([
        Deal(title=title_from(NAME, "Boiler"), client=NAME, product="Boiler",
             outcome=Outcome.WON, first_contact=dt.date(2026, 1, 2),
             closed_on=dt.date(2026, 1, 20), amount=50_000,
             notes=f"{NAME}'s owner has two dogs; ring +49 170 5550123"),
        Deal(title="Heat pump", client=NAME, outcome=Outcome.LOST,
             first_contact=dt.date(2026, 1, 5), closed_on=dt.date(2026, 2, 1),
             lost_reason="Price", next_step=f"ask {NAME.upper()} again in May"),
        Deal(title="Other shop", client="Acme", notes=f"referred by {NAME}",
             first_contact=dt.date(2026, 2, 1)),
    ], TODAY)
    client = store.db.execute("SELECT id FROM clients WHERE name = ?", [NAME]).fetchone()[0]
    store.set_client_contact(client, "Gerda Zyxwolff", "gerda@zyxwolff.example", "+49 170 5550123")


def _figures(store: Store) -> list[tuple[object, ...]]:
    return store.db.execute(
        "SELECT id, client_id, outcome, first_contact, closed_on, amount, stage_id,"
        " lost_reason_id, product_id FROM deals ORDER BY id").fetchall()


def _file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-shm", "-journal"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            data += side.read_bytes()
    return data


def _open_file_bytes(path: Path) -> dict[str, bytes]:
    """The main file's and the ``-wal``'s bytes, lower-cased, read while the store is open:
    closing it checkpoints and removes the ``-wal``, so a check after close() never sees
    what the ``-wal`` held."""
    wal = Path(f"{path}-wal")
    assert wal.exists()  # else the check below would pass without reading it
    return {"main file": path.read_bytes().lower(), "-wal": wal.read_bytes().lower()}


def _found(traces: tuple[bytes, ...], files: dict[str, bytes]) -> list[str]:
    """Which of ``traces`` each file still holds (empty: none)."""
    return [f"{trace!r} in the {name}" for name, data in files.items() for trace in traces
            if trace in data]


def test_erase_client_leaves_no_trace_and_keeps_the_figures(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    try:
        _business(store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert b"Zyxwolff" in _file_bytes(path) and b"zyxwolff" in _file_bytes(path)
        figures = _figures(store)
        with caplog.at_level(logging.INFO, logger="salesdesk"):
            label = store.erase_client(NAME.lower())  # names match without regard to case
        assert label == "Erased client 1"
        assert NAME not in caplog.text and label in caplog.text
        assert _figures(store) == figures
        assert store.names(LookupKind.CLIENT) == ["Acme", label]
        titles = [store.deal(i).title for i in (1, 2, 3)]
        assert titles == [f"{label} Boiler", "Heat pump", "Other shop"]
        assert store.deal(1).notes == "" and store.deal(2).notes == ""
        assert store.deal(2).next_step == f"ask {label} again in May"
        assert store.deal(3).notes == f"referred by {label}"
        contact = store.db.execute("SELECT contact_person, email, phone FROM clients"
                                   " WHERE name = ?", [label]).fetchone()
        assert contact == ("", "", "")
        # The quick search no longer finds it, and finds the label.
        assert store.db.execute("SELECT COUNT(*) FROM deals_fts WHERE deals_fts MATCH"
                                " 'zyxwolff'").fetchone()[0] == 0
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _found((b"zyxwolff", b"5550123", b"two dogs"), _open_file_bytes(path)) == []
        backup = store.backups.take(tmp_path / "backups")
    finally:
        store.close()
    for data in (_file_bytes(path), backup.path.read_bytes()):
        lowered = data.lower()
        assert b"zyxwolff" not in lowered
        assert b"5550123" not in lowered and b"two dogs" not in lowered


def test_the_byte_check_would_see_a_deleted_name(tmp_path: Path) -> None:
    """Control: without VACUUM and a rebuilt index, the old bytes stay in the file."""
    path = tmp_path / "deals.db"
    store = open_store(path)
    try:
        _business(store)
        store.db.execute("UPDATE clients SET name = 'x' WHERE name = ?", [NAME])
        store.db.execute("UPDATE deals SET notes = '', title = 'x'")
        store.db.conn.commit()
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    assert b"zyxwolff" in _file_bytes(path).lower()


def test_two_erased_clients_get_different_labels(store: Store) -> None:
    store.add_deal(Deal(title="One", client="First Client"), TODAY)
    store.add_deal(Deal(title="Two", client="Second Client"), TODAY)
    assert store.erase_client("First Client") == "Erased client 1"
    assert store.erase_client("Second Client") == "Erased client 2"
    with pytest.raises(NotFound):
        store.erase_client("Nobody")


def test_prep_sheet_rapport_notes_are_erased(store: Store) -> None:
    _business(store)
    sheet = {"rapport": f"{NAME} loves sailing", "spin": [f"What does {NAME} need?"]}
    store.db.execute("INSERT INTO deal_prep (deal_id, sheet, completeness, updated_at)"
                     " VALUES (1, ?, 0.5, '2026-03-31')", [json.dumps(sheet)])
    store.db.conn.commit()
    label = store.erase_client(NAME)
    stored = json.loads(store.db.execute("SELECT sheet FROM deal_prep").fetchone()[0])
    assert stored == {"rapport": "", "spin": [f"What does {label} need?"]}


def test_only_the_whole_name_is_replaced(store: Store) -> None:
    store.add_deal(Deal(title="Art — Boiler", client="Art"), TODAY)
    other, _ = store.add_deal(Deal(title="Smart move", client="Bart",
                                   notes="Smart move, call Bart; ART said yes"), TODAY)
    label = store.erase_client("Art")
    assert store.deal(other).notes == f"Smart move, call Bart; {label} said yes"
    assert store.deal(other).title == "Smart move"


def test_assessment_notes_naming_the_client_are_erased(store: Store) -> None:
    _business(store)
    cards = store.scorecards
    template = cards.template()
    item = template.active_items()[0]
    store.add_lookup(LookupKind.REP, "Anna")
    cards.add_assessment(Assessment("Anna", "Boss", TODAY, template.version, (
        Score(item.id, 2, f"Lost the {NAME} deal on price"),)))
    label = store.erase_client(NAME)
    [note] = [s.note for a in cards.assessments() for s in a.scores]
    assert note == f"Lost the {label} deal on price"


# --- issue 13: whose text changes, contact details, every script ---------------------------


def _art_business(store: Store) -> tuple[int, int]:
    smart, _ = store.add_deal(Deal(title="Smart Art Ltd Boiler", client="Smart Art Ltd",
                                   notes="Smart Art Ltd asked; Art referred them",
                                   next_step="call Smart Art Ltd"), TODAY)
    own, _ = store.add_deal(Deal(title="Art Heat pump", client="Art",
                                 notes="Art's owner likes jazz"), TODAY)
    return smart, own


def test_another_clients_name_containing_the_erased_one_is_left_alone(store: Store) -> None:
    smart, own = _art_business(store)
    client = store.db.execute("SELECT id FROM clients WHERE name = 'Smart Art Ltd'").fetchone()
    store.set_client_contact(client[0], "Sam Smart", "sam@smartart.example", "")
    before = store.db.execute("SELECT * FROM clients WHERE id = ?", client).fetchone()
    label = store.erase_client("Art")
    other = store.deal(smart)
    assert other.title == "Smart Art Ltd Boiler" and other.next_step == "call Smart Art Ltd"
    assert other.notes == f"Smart Art Ltd asked; {label} referred them"
    assert store.db.execute("SELECT * FROM clients WHERE id = ?", client).fetchone() == before
    assert store.deal(own).title == f"{label} Heat pump" and store.deal(own).notes == ""


def test_the_preview_counts_the_places_in_other_records_and_changes_nothing(
        store: Store) -> None:
    _art_business(store)
    store.add_deal(Deal(title="Art supplies", client="Acme", next_step="ask ART"), TODAY)
    rows = store.db.execute("SELECT * FROM deals ORDER BY id").fetchall()
    preview = store.erase_preview("art")
    # Other records: one note of Smart Art Ltd's deal, Acme's title and next step.
    assert (preview.client, preview.own_deals, preview.other_places) == ("Art", 1, 3)
    assert preview.label == "Erased client 1"
    assert store.db.execute("SELECT * FROM deals ORDER BY id").fetchall() == rows
    assert store.erase_client("art") == preview.label
    with pytest.raises(NotFound):
        store.erase_preview("Art")


def test_contact_details_are_erased_wherever_they_occur(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    try:
        _business(store)  # contact Gerda Zyxwolff, gerda@zyxwolff.example, +49 170 5550123
        acme, _ = store.add_deal(Deal(
            title="Acme boiler", client="Acme",
            next_step="GERDA ZYXWOLFF recommended us: write to gerda@zyxwolff.example",
            notes="or ring +49 170 5550123"), TODAY)
        store.db.execute("INSERT INTO deal_prep (deal_id, sheet, completeness, updated_at)"
                         " VALUES (?, ?, 0.5, '2026-03-31')",
                         [acme, json.dumps({"rapport": "Gerda Zyxwolff sails",
                                            "spin": ["Ask gerda@zyxwolff.example"]})])
        store.db.conn.commit()
        cards = store.scorecards
        item = cards.template().active_items()[0]
        store.add_lookup(LookupKind.REP, "Anna")
        cards.add_assessment(Assessment("Anna", "Boss", TODAY, cards.template().version, (
            Score(item.id, 2, "Forgot to call Gerda Zyxwolff back"),)))
        traces = (b"zyxwolff", b"gerda", b"5550123")
        # Control: the check reads the -wal, where the latest writes are before a checkpoint.
        assert _found(traces, {"-wal": _open_file_bytes(path)["-wal"]}) != []
        label = store.erase_client(NAME)
        deal = store.deal(acme)
        assert deal.next_step == (f"{label} contact recommended us: write to {label} e-mail")
        assert deal.notes == f"or ring {label} phone"
        sheet = json.loads(store.db.execute("SELECT sheet FROM deal_prep WHERE deal_id = ?",
                                            [acme]).fetchone()[0])
        assert sheet == {"rapport": f"{label} contact sails", "spin": [f"Ask {label} e-mail"]}
        [note] = [s.note for a in cards.assessments() for s in a.scores]
        assert note == f"Forgot to call {label} contact back"
        assert _found(traces, _open_file_bytes(path)) == []
    finally:
        store.close()
    data = _file_bytes(path).lower()
    for trace in traces:
        assert trace not in data


def test_other_case_spellings_in_any_script_are_erased(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    try:
        store.add_deal(Deal(title="Ärzte GmbH Röntgen", client="Ärzte GmbH"), TODAY)
        other, _ = store.add_deal(Deal(
            title="Clinic", client="Acme",
            notes="ärzte gmbh sent us; ÄRZTE GMBH pays late",
            next_step="visit Weißstraße"), TODAY)
        store.add_deal(Deal(title="Street", client="Weißstraße"), TODAY)
        label = store.erase_client("ärzte gmbh")
        assert store.deal(other).notes == f"{label} sent us; {label} pays late"
        store.erase_client("WEISSSTRASSE")  # ß folds to ss, as Python's casefold() does
        assert store.deal(other).next_step == "visit Erased client 2"
        assert _found(tuple(t.lower().encode("utf-8") for t in ("Ärzte", "Weißstraße")),
                       _open_file_bytes(path)) == []
    finally:
        store.close()
    data = _file_bytes(path)
    for trace in ("Ärzte", "ärzte", "ÄRZTE", "Weißstraße"):
        assert trace.encode("utf-8") not in data


# --- issue 17: the Customers tab's texts ---------------------------------------------------------


def test_survey_comments_competitor_notes_and_changes_naming_the_client_are_erased(
        tmp_path: Path) -> None:
    from salesdesk.domain.competitors import CompetitorNotes, StepNote
    from salesdesk.domain.nps import Response, Segment
    from salesdesk.domain.touchpoints import TouchpointChange

    path = tmp_path / "deals.db"
    store = open_store(path)
    try:
        _business(store)  # contact Gerda Zyxwolff, gerda@zyxwolff.example, +49 170 5550123
        customers = store.customers
        (own, other), _ = customers.add_responses([
            Response(TODAY, 3, Segment.B2B, "Boiler", NAME, None,
                     "Our dog Bello hated the noise"),
            Response(TODAY, 9, Segment.B2C, "Boiler", "Acme", None,
                     f"Better than what {NAME} got; ask Gerda Zyxwolff")])
        customers.save_competitor_notes(CompetitorNotes("ThermoPro", (
            StepNote("Quote", f"We lost {NAME} here", "Fixed price, as Gerda Zyxwolff said"),)))
        customers.add_change(TouchpointChange("Counters", TODAY,
                                              f"New counter, first used for {NAME}"))
        lost, _ = store.add_deal(Deal(title="Lost one", client="Acme", outcome=Outcome.LOST,
                                      first_contact=dt.date(2026, 1, 1),
                                      closed_on=dt.date(2026, 1, 2), lost_reason="Other",
                                      lost_reason_note=f"went with {NAME}'s installer"), TODAY)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert b"bello" in _file_bytes(path).lower()
        preview = store.erase_preview(NAME)
        label = store.erase_client(NAME)
        # Acme's comment, two note cells, the change, the lost deal's details, and the notes of
        # the Acme deal of _business.
        assert preview.other_places == 6
        assert customers.response(own).comment == ""  # the client's own answer is emptied
        assert customers.response(own).score == 3  # the figure stays
        assert customers.response(other).comment == (f"Better than what {label} got; ask"
                                                     f" {label} contact")
        step = customers.competitor_notes("ThermoPro").steps[0]
        assert (step.ours, step.theirs) == (f"We lost {label} here",
                                            f"Fixed price, as {label} contact said")
        assert customers.changes()[0].description == f"New counter, first used for {label}"
        assert store.deal(lost).lost_reason_note == f"went with {label}'s installer"
        assert _found((b"zyxwolff", b"gerda", b"5550123", b"bello"),
                       _open_file_bytes(path)) == []
    finally:
        store.close()
    data = _file_bytes(path).lower()
    for trace in (b"zyxwolff", b"gerda", b"5550123", b"bello"):
        assert trace not in data
