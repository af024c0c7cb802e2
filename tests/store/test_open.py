"""Opening files (DESIGN.md §3 meta, §7): new files, refusals that keep bytes, copies."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from salesdesk import __version__
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.settings import BusinessSettings
from salesdesk.store import FileRefused, ReadOnly, Store, StoreError, open_store
from salesdesk.store.migrations import MIGRATIONS_NAME, SCHEMA_VERSION
from salesdesk.store.schema import APPLICATION_ID

TODAY = dt.date(2026, 3, 31)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def all_deals(store: Store) -> list[Deal]:
    ids = [row[0] for row in store.db.execute("SELECT id FROM deals ORDER BY id")]
    return [store.deal(i) for i in ids]


def sample_deals(store: Store) -> list[int]:
    ids = []
    for deal in (
        Deal(title="Website", client="Acme", rep="Anna", amount=120000,
             first_contact=dt.date(2026, 1, 5)),
        Deal(title="Shop", client="Acme", outcome=Outcome.WON, first_contact=dt.date(2026, 1, 2),
             closed_on=dt.date(2026, 2, 1), amount=5000, currency="USD"),
        Deal(title="Lost one", outcome=Outcome.LOST, first_contact=dt.date(2026, 1, 2),
             closed_on=dt.date(2026, 1, 3), lost_reason="Price", notes="Zu teuer – ärgerlich"),
    ):
        ids.append(store.add_deal(deal, TODAY)[0])
    return ids


# --- a new file -----------------------------------------------------------------------------


def test_a_new_file_is_marked_as_salesdesk_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "new" / "business.db"
    store = open_store(path, base_currency="CHF")
    try:
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] in (1, 2)  # NORMAL / FULL
        assert store.settings() == BusinessSettings(base_currency="CHF")
    finally:
        store.close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID == 0x53444B31
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        assert meta["schema_version"] == str(SCHEMA_VERSION)
        assert meta["app_version"] == __version__
        assert dt.datetime.fromisoformat(meta["created_at"])
        applied = [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATIONS_NAME])]
        assert len(applied) == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    header = path.read_bytes()[:100]
    assert header[18] == header[19] == 2  # WAL in the file header
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_a_new_file_has_the_default_lists(store: Store) -> None:
    assert store.names(LookupKind.STAGE) == ["Lead", "Contacted", "Proposal", "Negotiation"]
    assert set(store.names(LookupKind.LOST_REASON)) == {
        "Price", "Competitor", "No budget", "No decision", "Timing", "Other"}
    assert store.names(LookupKind.CLIENT) == []


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    sample_deals(store)
    stage = store.add_lookup(LookupKind.STAGE, "Demo")
    store.set_stage_order([stage, *[i for i in store.stage_order() if i != stage]])
    settings = BusinessSettings(base_currency="EUR", exchange_rates={"USD": 0.9},
                                too_few_threshold=7, backup_retention=(1, 2, 3))
    store.save_settings(settings)
    before = all_deals(store)
    events = [store.stage_events(d.id or 0) for d in before]
    created = store.db.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
    store.close()

    again = open_store(path)
    try:
        assert all_deals(again) == before
        assert [again.stage_events(d.id or 0) for d in before] == events
        assert again.names(LookupKind.STAGE)[0] == "Demo"
        assert again.settings() == settings
        assert again.db.execute(
            "SELECT value FROM meta WHERE key = 'created_at'").fetchone() == created
    finally:
        again.close()


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    for _ in range(3):
        store = open_store(path)
        store.close()
    conn = raw(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert len(names) == len(set(names)) == SCHEMA_VERSION
        assert conn.execute("SELECT COUNT(*) FROM stages").fetchone()[0] == 4
        assert conn.execute("SELECT COUNT(*) FROM lost_reasons").fetchone()[0] == 6
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'"
                            ).fetchone()[0] == str(SCHEMA_VERSION)
    finally:
        conn.close()


def test_an_empty_sqlite_file_without_tables_becomes_a_salesdesk_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    conn = raw(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")  # writes a header page: a valid SQLite file without tables
    conn.close()
    assert path.stat().st_size > 0
    store = open_store(path)
    try:
        assert store.names(LookupKind.STAGE)
    finally:
        store.close()


# --- refusals keep bytes --------------------------------------------------------------------


def _text_file(path: Path) -> None:
    path.write_text("Title;Client\nWebsite;Acme\n" * 20, encoding="utf-8")


def _short_text_file(path: Path) -> None:
    path.write_text("hello", encoding="utf-8")


def _random_binary(path: Path) -> None:
    path.write_bytes(random.Random(4).randbytes(8192))


def _sqlite_magic_then_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + random.Random(5).randbytes(4096))


def _other_program(path: Path, *, wal: bool = False, app_id: int = 0) -> None:
    conn = raw(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    if app_id:
        conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO notes (body) VALUES (?)", [(f"note {i}",) for i in range(50)])
    conn.close()


def _other_program_wal(path: Path) -> None:
    _other_program(path, wal=True)


def _other_application_id(path: Path) -> None:
    _other_program(path, app_id=0x12345678)


def _salesdesk_with_deals(path: Path) -> None:
    store = open_store(path)
    sample_deals(store)
    store.close()


def _newer_schema(path: Path) -> None:
    _salesdesk_with_deals(path)
    conn = raw(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                 [str(SCHEMA_VERSION + 1)])
    conn.execute("UPDATE meta SET value = '99.0' WHERE key = 'app_version'")
    conn.close()


def _unknown_migration(path: Path) -> None:
    _salesdesk_with_deals(path)
    conn = raw(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES (?, 'm999_add_future', '2030-01-01')", [MIGRATIONS_NAME])
    conn.close()


def _salesdesk_header_other_tables(path: Path) -> None:
    _other_program(path, app_id=APPLICATION_ID)
    conn = raw(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION + 5)])
    conn.close()


def _damaged_salesdesk(path: Path) -> None:
    _salesdesk_with_deals(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes(len(data) - page)  # wipe every page after the first
    path.write_bytes(bytes(data))


MAKERS: dict[str, Callable[[Path], None]] = {
    "text": _text_file,
    "short text": _short_text_file,
    "random binary": _random_binary,
    "sqlite magic then garbage": _sqlite_magic_then_garbage,
    "other program": _other_program,
    "other program in WAL mode": _other_program_wal,
    "other application_id": _other_application_id,
    "newer schema_version": _newer_schema,
    "unknown migration": _unknown_migration,
    "our header, newer meta": _salesdesk_header_other_tables,
    "damaged": _damaged_salesdesk,
}


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
@pytest.mark.parametrize("make", MAKERS.values(), ids=MAKERS.keys())
def test_a_refused_file_keeps_its_bytes(tmp_path: Path, make: Callable[[Path], None],
                                        read_only: bool) -> None:
    path = tmp_path / "file.db"
    make(path)
    before = sha256(path)

    with pytest.raises(FileRefused) as refused:
        store = open_store(path, read_only=read_only)
        store.close()

    assert sha256(path) == before
    assert path.name in str(refused.value)
    # Nothing was written into a journal either (SQLite may leave an index file -shm).
    wal = tmp_path / "file.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_newer_file_names_the_version_that_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "file.db"
    _newer_schema(path)
    with pytest.raises(FileRefused, match="newer salesdesk 99.0"):
        open_store(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(FileRefused):
        open_store(tmp_path / "dir.db")


def test_read_only_does_not_create_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileRefused):
        open_store(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


# --- read-only stores -----------------------------------------------------------------------


def test_a_read_only_store_reads_but_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    _salesdesk_with_deals(path)
    before = sha256(path)
    store = open_store(path, read_only=True)
    try:
        deals = all_deals(store)
        assert len(deals) == 3 and store.names(LookupKind.CLIENT) == ["Acme"]
        deal_id = deals[0].id or 0
        client = store.lookup_items(LookupKind.CLIENT)[0].id
        snapshot = store.snapshot(deal_id)
        writes: list[Callable[[], object]] = [
            lambda: store.add_deal(Deal(title="x"), TODAY),
            lambda: store.add_deals([Deal(title="x")], TODAY),
            lambda: store.update_deal(deal_id, Deal(title="y"), TODAY),
            lambda: store.set_stage(deal_id, "Proposal", TODAY),
            lambda: store.delete_deal(deal_id, TODAY),
            lambda: store.restore_deal(snapshot, TODAY),
            lambda: store.save_settings(BusinessSettings(base_currency="USD")),
            lambda: store.add_lookup(LookupKind.REP, "Bob"),
            lambda: store.rename_lookup(LookupKind.CLIENT, client, "Acme Ltd"),
            lambda: store.set_lookup_retired(LookupKind.CLIENT, client, True),
            lambda: store.merge_lookup(LookupKind.STAGE, store.stage_order()[1],
                                       store.stage_order()[0]),
            lambda: store.delete_lookup(LookupKind.LOST_REASON,
                                        store.lookup_items(LookupKind.LOST_REASON)[-1].id),
            lambda: store.delete_unused_lookups([(LookupKind.CHANNEL, "Web")]),
            lambda: store.set_client_contact(client, "Eva", "eva@example.com", "1"),
            lambda: store.set_stage_order(list(reversed(store.stage_order()))),
        ]
        for write in writes:
            with pytest.raises(ReadOnly):
                write()
        assert all_deals(store) == deals
    finally:
        store.close()
    assert sha256(path) == before


def test_a_live_writers_new_file_opens_read_only_alongside(tmp_path: Path) -> None:
    # A new file's header bytes may still be zero while its schema sits in the -wal file.
    path = tmp_path / "deals.db"
    writer = open_store(path, base_currency="EUR")
    try:
        writer.add_deal(Deal(title="Still in the WAL"), TODAY)
        reader = open_store(path, read_only=True)
        try:
            assert [deal.title for deal in all_deals(reader)] == ["Still in the WAL"]
        finally:
            reader.close()
    finally:
        writer.close()


def test_a_read_only_connection_cannot_write_even_through_sql(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    _salesdesk_with_deals(path)
    store = open_store(path, read_only=True)
    try:
        with pytest.raises(sqlite3.OperationalError):
            store.db.execute("DELETE FROM deals")
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()


# --- copies ---------------------------------------------------------------------------------


def test_save_copy_writes_a_complete_file_that_opens(store: Store, tmp_path: Path) -> None:
    sample_deals(store)
    before = all_deals(store)
    destination = tmp_path / "copies" / "copy.db"
    destination.parent.mkdir()
    store.save_copy(destination)

    assert sorted(p.name for p in destination.parent.iterdir()) == ["copy.db"]
    conn = raw(destination)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    copy = open_store(destination, read_only=True)
    try:
        assert all_deals(copy) == before
        assert [copy.stage_events(d.id or 0) for d in before] == [
            store.stage_events(d.id or 0) for d in before]
    finally:
        copy.close()
    # The live file is untouched and still writable.
    store.add_deal(Deal(title="After the copy"), TODAY)
    assert len(all_deals(store)) == len(before) + 1


def test_save_copy_replaces_an_older_copy(store: Store, tmp_path: Path) -> None:
    destination = tmp_path / "copy.db"
    destination.write_text("old copy")
    sample_deals(store)
    store.save_copy(destination)
    copy = open_store(destination, read_only=True)
    try:
        assert len(all_deals(copy)) == 3
    finally:
        copy.close()


def test_save_copy_refuses_the_open_file(store: Store, tmp_path: Path) -> None:
    sample_deals(store)
    before = all_deals(store)
    for same in (store.path, tmp_path / "sub" / ".." / store.path.name):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(StoreError):
            store.save_copy(same)
    assert all_deals(store) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".salesdesk")) == []


def test_save_copy_into_a_missing_folder_fails_without_leftovers(store: Store,
                                                                 tmp_path: Path) -> None:
    sample_deals(store)
    listing = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(OSError):
        store.save_copy(tmp_path / "missing" / "copy.db")
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing


def test_save_copy_cleans_up_when_the_rename_fails(store: Store, tmp_path: Path) -> None:
    sample_deals(store)
    target = tmp_path / "target"
    target.mkdir()
    (target / "keep.txt").write_text("x")
    listing = sorted(os.listdir(tmp_path))
    with pytest.raises(OSError):
        store.save_copy(target)  # a folder, not a file: the final rename fails
    assert sorted(os.listdir(tmp_path)) == listing
    assert os.listdir(target) == ["keep.txt"]


class _FailingBackup:
    """A connection whose backup fails half-way, after writing part of the copy."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def backup(self, target: sqlite3.Connection, **kwargs: object) -> None:
        self.conn.backup(target, pages=1, progress=self._fail)

    def _fail(self, status: int, remaining: int, total: int) -> None:
        raise sqlite3.OperationalError("disk full")

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)


def test_save_copy_cleans_up_when_the_backup_fails(store: Store, tmp_path: Path) -> None:
    sample_deals(store)
    destination = tmp_path / "copies" / "copy.db"
    destination.parent.mkdir()
    real = store.db.conn
    store.db.conn = _FailingBackup(real)  # type: ignore[assignment]
    try:
        with pytest.raises(sqlite3.Error):
            store.save_copy(destination)
    finally:
        store.db.conn = real
    assert list(destination.parent.iterdir()) == []


def test_a_read_only_store_can_save_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    _salesdesk_with_deals(path)
    before = sha256(path)
    store = open_store(path, read_only=True)
    try:
        deals = all_deals(store)
        store.save_copy(tmp_path / "copy.db")
    finally:
        store.close()
    copy = open_store(tmp_path / "copy.db", read_only=True)
    try:
        assert all_deals(copy) == deals
    finally:
        copy.close()
    assert sha256(path) == before
