"""Migration m003: won and lost deals may lack their dates; nothing else about deals changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from salesdesk.store import list_backups, open_store
from salesdesk.store.migrations import m001_create_tables, migrations
from salesdesk.store.schema import APPLICATION_ID

M003 = "m003_allow_undated_decided_deals"
NOW = "2026-01-01T00:00:00+00:00"


def _schema(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'deals'"
                        " AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    return {name: " ".join(sql.split()) for name, sql in rows}


def _m002_file(path: Path) -> None:
    """A file as salesdesk wrote it before m003, holding deals, history and a deleted deal."""
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before=M003)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    with db.atomic():
        for n, outcome, first, closed in ((1, "won", "2025-01-01", "2025-02-01"),
                                          (2, "open", "2025-03-01", None),
                                          (3, "lost", "2025-01-05", "2025-01-05"),
                                          (4, "open", None, None)):
            db.execute("INSERT INTO deals (id, title, stage_id, outcome, first_contact,"
                       " closed_on, currency, notes, created_at, updated_at)"
                       " VALUES (?, ?, 2, ?, ?, ?, 'EUR', ?, ?, ?)",
                       [n, f"Deal {n}", outcome, first, closed, f"note {n}", NOW, NOW])
            db.execute("INSERT INTO stage_events (deal_id, stage_id, entered_on)"
                       " VALUES (?, 1, '2025-01-01')", [n])
        db.execute("DELETE FROM deals WHERE id = 4")  # its id must never come back
        # An orphan left by a writer without foreign keys: not the upgrade's to fix or refuse.
        db.execute("INSERT INTO stage_events (deal_id, stage_id, entered_on)"
                   " VALUES (99, 1, '2025-01-01')")
    db.conn.close()


def test_the_upgrade_keeps_every_deal_history_index_trigger_and_the_id_sequence(
        tmp_path: Path) -> None:
    fresh = sqlite3.connect(":memory:")
    m001_create_tables.migrate(Database(fresh))
    path = tmp_path / "old.salesdesk"
    _m002_file(path)
    before = sqlite3.connect(path)
    rows_before = before.execute("SELECT * FROM deals ORDER BY id").fetchall()
    columns_before = [r[1] for r in before.execute("PRAGMA table_info(deals)")]
    before.close()

    store = open_store(path, data_dir=tmp_path / "data")
    try:
        conn = store.db.conn
        assert conn.execute(f"SELECT {', '.join(columns_before)} FROM deals ORDER BY id"
                            ).fetchall() == rows_before
        # Later migrations only add columns after m003's (m004: the lost-reason details).
        columns = [r[1] for r in conn.execute("PRAGMA table_info(deals)")]
        assert columns == [*columns_before, "lost_reason_note"]
        assert conn.execute("SELECT deal_id FROM stage_events ORDER BY deal_id").fetchall() == [
            (1,), (2,), (3,), (4,), (99,)]
        made = _schema(conn)
        # As m001 made them, and one more for the Deals list's sort by close date.
        assert made.pop("deals_outcome_closed_on") == (
            "CREATE INDEX deals_outcome_closed_on ON deals(outcome, closed_on)")
        assert made == _schema(fresh)
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert len(conn.execute("PRAGMA foreign_key_check").fetchall()) == 2  # as before
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # The full-text index still follows the table.
        conn.execute("UPDATE deals SET notes = 'renamed thing' WHERE id = 1")
        assert conn.execute("SELECT rowid FROM deals_fts WHERE deals_fts MATCH 'renamed'"
                            ).fetchall() == [(1,)]
        conn.execute("INSERT INTO deals (title, stage_id, outcome, currency, created_at,"
                     " updated_at) VALUES ('New', 1, 'open', 'EUR', ?, ?)", [NOW, NOW])
        assert conn.execute("SELECT MAX(id) FROM deals").fetchone() == (5,)
        folder = store.backups.folder(tmp_path / "data")
    finally:
        store.close()
    [backup] = list_backups(folder)
    assert backup.reason == "before upgrade"


@pytest.mark.parametrize(("outcome", "first", "closed", "allowed"), [
    ("won", None, None, True),
    ("lost", "2025-01-01", None, True),
    ("won", None, "2025-01-01", True),
    ("won", "2025-01-02", "2025-01-01", False),  # closed before its first contact
    ("open", "2025-01-01", "2025-02-01", False),  # an open deal has no close date
    ("open", None, None, True),
])
def test_the_new_check_lets_decided_deals_lack_dates_and_nothing_else(
        tmp_path: Path, outcome: str, first: str | None, closed: str | None,
        allowed: bool) -> None:
    store = open_store(tmp_path / "new.salesdesk")
    try:
        insert = ("INSERT INTO deals (title, stage_id, outcome, first_contact, closed_on,"
                  " currency, created_at, updated_at) VALUES ('T', 1, ?, ?, ?, 'EUR', ?, ?)")
        if allowed:
            store.db.execute(insert, [outcome, first, closed, NOW, NOW])
        else:
            with pytest.raises(sqlite3.IntegrityError):
                store.db.execute(insert, [outcome, first, closed, NOW, NOW])
    finally:
        store.close()


def test_m003_refuses_to_run_with_foreign_keys_on(tmp_path: Path) -> None:
    db = Database(sqlite3.connect(tmp_path / "x.db"))
    migrations.apply(db, stop_before=M003)
    db.execute("PRAGMA foreign_keys = ON")
    from salesdesk.store.migrations import m003_allow_undated_decided_deals as m003

    with pytest.raises(RuntimeError, match="foreign keys off"):
        m003.migrate(db)
