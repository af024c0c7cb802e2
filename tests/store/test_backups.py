"""Backups (DESIGN.md §7, issue 6): taken through the backup API, verified, recorded, kept by
the retention rule, restored only when they pass every check, and taken before upgrades."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import random
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from sqlite_utils import Database

from salesdesk.domain.deals import Deal
from salesdesk.domain.settings import BusinessSettings
from salesdesk.store import BackupRefused, MigrationFailed, Store, database_problems, open_store
from salesdesk.store.backup_manifest import (
    MANIFEST_NAME,
    BackupInfo,
    backup_folder,
    default_backup_folder,
    list_backups,
    recorded_checksum,
)
from salesdesk.store.backup_retention import Retention, backup_due, prune, retained
from salesdesk.store.backups import restore_damaged, take_backup, verify_backup
from salesdesk.store.schema import APPLICATION_ID

TODAY = dt.date(2026, 3, 31)
UTC = dt.UTC


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add(store: Store, count: int, prefix: str = "Deal") -> None:
    store.add_deals([Deal(title=f"{prefix} {i}", client=f"Client {i % 7}")
                     for i in range(count)], TODAY)


def count_deals(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM deals").fetchone()[0])
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def assert_healthy(databases: Sequence[Path], folder: Path, *,
                   damaged: Sequence[Path] = ()) -> None:
    """After a case that pruned: each database passes the store's integrity and foreign-key
    checks (as ``salesdesk check`` does), and every recorded backup left in ``folder`` (but
    those the case damaged on purpose) passes verify_backup against its checksum."""
    for database in databases:
        assert database_problems(database) == [], database
    kept = [b for b in list_backups(folder) if b.recorded and b.path not in damaged]
    assert kept  # else there would be nothing to verify
    for backup in kept:
        verify_backup(backup.path, backup.sha256)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


# --- taking -----------------------------------------------------------------------------------


def test_a_backup_is_verified_recorded_and_leaves_no_temporary_file(store: Store,
                                                                     folder: Path) -> None:
    add(store, 25)
    info = store.backups.take(folder, reason="test")
    assert info.path.parent == folder and info.path.exists()
    assert info.deals == 25 and info.recorded
    assert info.sha256 == sha256(info.path)
    assert integrity(info.path) == "ok"
    manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    entry = manifest["backups"][0]
    assert entry["file"] == info.path.name and entry["sha256"] == info.sha256
    assert entry["deals"] == 25 and dt.datetime.fromisoformat(entry["taken_at"])
    assert sorted(p.name for p in folder.iterdir()) == sorted([info.path.name, MANIFEST_NAME])
    # A self-contained file: no -wal needed, salesdesk's application id.
    header = info.path.read_bytes()[:100]
    assert header[18] == header[19] == 1
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert list_backups(folder) == [info]
    assert recorded_checksum(info.path) == info.sha256


def test_a_backup_holds_commits_still_in_the_wal(store: Store, folder: Path) -> None:
    add(store, 10)
    assert Path(f"{store.path}-wal").stat().st_size > 0  # not checkpointed into the file yet
    info = store.backups.take(folder)
    assert count_deals(info.path) == 10


def test_backups_of_two_files_of_the_same_name_go_to_different_folders(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = default_backup_folder(tmp_path / "a" / "deals.db", data)
    second = default_backup_folder(tmp_path / "b" / "deals.db", data)
    assert first != second
    assert first.parent == second.parent == data / "backups"
    assert first.name.startswith("deals-") and second.name.startswith("deals-")


def test_the_folder_in_the_files_settings_wins(store: Store, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert store.backups.folder(data) == default_backup_folder(store.path, data)
    chosen = tmp_path / "usb" / "salesdesk"
    store.save_settings(BusinessSettings(backup_folder=str(chosen)))
    assert store.backups.folder() == chosen
    assert backup_folder(store.path, store.settings()) == chosen


def test_the_default_folder_is_under_the_data_folder(store: Store, isolated_dirs: Path) -> None:
    assert store.backups.folder().is_relative_to(isolated_dirs / "data" / "salesdesk" / "backups")


def test_backups_while_another_connection_writes_hold_a_committed_prefix(
        tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "deals.db"
    open_store(path).close()
    stop = threading.Event()
    committed: list[int] = []

    def writer() -> None:
        store = open_store(path, quick_check=False)
        try:
            for i in range(400):
                if stop.is_set():
                    break
                store.add_deal(Deal(title=f"Deal {i}"), TODAY)
                committed.append(i + 1)
        finally:
            store.close()

    thread = threading.Thread(target=writer)
    thread.start()
    taken: list[BackupInfo] = []
    reader = open_store(path, read_only=True)
    try:
        while thread.is_alive() and len(taken) < 20:
            taken.append(take_backup(reader.db.conn, reader.path, folder))
    finally:
        stop.set()
        thread.join()
        reader.close()
    assert len(taken) >= 5
    counts = []
    for info in taken:
        assert integrity(info.path) == "ok"
        conn = sqlite3.connect(info.path)
        titles = [r[0] for r in conn.execute("SELECT title FROM deals ORDER BY id")]
        conn.close()
        assert titles == [f"Deal {i}" for i in range(len(titles))]  # a prefix, no gaps
        assert info.deals == len(titles)
        counts.append(len(titles))
    assert counts == sorted(counts)
    assert len(set(counts)) > 1, "the writer never committed during the backups"


def test_a_full_disk_leaves_no_partial_backup(store: Store, folder: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    add(store, 5)
    store.backups.take(folder)
    before = sorted(folder.iterdir())
    import salesdesk.store.backups as backups_module

    def full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups_module, "fsync_file", full)
    with pytest.raises(OSError, match="No space left"):
        store.backups.take(folder)
    assert sorted(folder.iterdir()) == before
    monkeypatch.undo()
    assert store.backups.take(folder).deals == 5  # works again once there is room


# --- when and how many ------------------------------------------------------------------------


def test_a_backup_is_due_when_data_changed_and_half_an_hour_passed() -> None:
    start = dt.datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert backup_due(None, start, changed=True)
    assert not backup_due(None, start, changed=False)
    assert not backup_due(start, start + dt.timedelta(minutes=29, seconds=59), changed=True)
    assert backup_due(start, start + dt.timedelta(minutes=30), changed=True)
    assert not backup_due(start, start + dt.timedelta(days=3), changed=False)


def test_retention_over_400_days_of_hourly_edits() -> None:
    retention = Retention(12, 10, 9)
    start = dt.datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
    kept: list[dt.datetime] = []
    last = None
    rng = random.Random(7)
    for hour in range(400 * 24):
        now = start + dt.timedelta(hours=hour, minutes=rng.randrange(60))
        if backup_due(last, now, changed=rng.random() < 0.3):
            last = now
            kept.append(now)
            kept = [kept[i] for i in sorted(retained(kept, retention))]
            assert kept[-1] == now  # the newest is always kept
            today = now.astimezone().date()
            older = [t for t in kept if t.astimezone().date() != today]
            assert len(older) <= 12 + 10 + 9 - 1
            assert len({t.astimezone().date() for t in older}) == len(older)  # one a day
    days = sorted({t.astimezone().date() for t in kept}, reverse=True)
    assert len(days) == 12 + 10 + 9
    assert days[0] == kept[-1].astimezone().date()
    assert (days[0] - days[-1]).days > 200  # thinned out over months, not just recent ones


def test_retention_keeps_newest_even_with_zero_counts() -> None:
    times = [dt.datetime(2026, 1, d, tzinfo=UTC) for d in range(1, 20)]
    assert retained(times, Retention(0, 0, 0)) == {18}
    assert retained([], Retention()) == set()


def test_prune_deletes_by_the_retention_and_spares_unrecorded_copies(store: Store,
                                                                     folder: Path) -> None:
    for day in range(1, 6):
        take_backup(store.db.conn, store.path, folder,
                    now=dt.datetime(2026, 3, day, 12, tzinfo=UTC))
    mine = folder / "from-usb.db"
    mine.write_bytes((folder / list_backups(folder)[0].path.name).read_bytes())
    removed = prune(folder, Retention(2, 0, 0), store.path)
    assert len(removed) == 3 and not any(p.exists() for p in removed)
    names = {b.path.name for b in list_backups(folder)}
    assert mine.name in names and len(names) == 3
    entries = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["backups"]
    assert len(entries) == 2
    assert_healthy([store.path], folder)


def test_retention_from_the_files_settings(store: Store, folder: Path) -> None:
    store.save_settings(BusinessSettings(backup_retention=(1, 0, 0)))
    for day in (1, 2, 3):
        take_backup(store.db.conn, store.path, folder,
                    now=dt.datetime(2026, 3, day, 9, tzinfo=UTC))
    store.backups.take(folder)
    store.backups.take(folder)
    # The newest backup's day keeps all its backups; one daily allowed: nothing older.
    assert len(list_backups(folder)) == 2
    assert_healthy([store.path], folder)


def test_all_backups_of_the_newest_day_are_kept() -> None:
    day = [dt.datetime(2026, 3, 5, h, tzinfo=UTC) for h in (9, 10, 11)]
    older = [dt.datetime(2026, 3, 4, h, tzinfo=UTC) for h in (9, 10)]
    assert retained(older + day, Retention(2, 0, 0)) == {1, 2, 3, 4}


def _entry(name: str) -> dict[str, object]:
    return {"file": name, "taken_at": "2020-01-01T00:00:00+00:00", "deals": 1,
            "sha256": "0" * 64, "reason": "", "size": 1}


def test_prune_deletes_only_files_it_named_in_its_own_folder(
        store: Store, folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    victims = [tmp_path / "elsewhere" / "victim.txt", tmp_path / "victim.db",
               folder / "sub" / "backup-2020-01-01_000000.db", tmp_path / "target.db"]
    for victim in victims:
        victim.parent.mkdir(parents=True, exist_ok=True)
        victim.write_text("the user's", encoding="utf-8")
    (folder / "backup-2020-01-02_000000.db").symlink_to(victims[3])
    store.backups.take(folder)
    manifest = folder / MANIFEST_NAME
    document = json.loads(manifest.read_text(encoding="utf-8"))
    document["backups"] += [_entry(str(victims[0])), _entry("../victim.db"),
                            _entry("sub/backup-2020-01-01_000000.db"),
                            _entry("backup-2020-01-02_000000.db")]
    manifest.write_text(json.dumps(document), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="salesdesk"):
        prune(folder, Retention(0, 0, 0), store.path)
        store.backups.take(folder)  # taking a backup prunes too
    assert all(victim.read_text(encoding="utf-8") == "the user's" for victim in victims)
    assert (folder / "backup-2020-01-02_000000.db").is_symlink()
    assert "victim.txt" in caplog.text and "left alone" in caplog.text
    assert [b.path.name for b in list_backups(folder) if b.recorded] != []
    assert all(b.path.parent == folder for b in list_backups(folder))
    assert_healthy([store.path], folder)


def test_two_files_sharing_a_folder_each_keep_their_own_backups(
        tmp_path: Path, folder: Path) -> None:
    first, second = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    try:
        first.add_deal(Deal(title="A's only deal"), TODAY)
        second.add_deal(Deal(title="B"), TODAY)
        only = take_backup(first.db.conn, first.path, folder,
                           now=dt.datetime(2026, 3, 1, 9, tzinfo=UTC))
        for day in range(2, 8):
            take_backup(second.db.conn, second.path, folder, retention=Retention(1, 0, 0),
                        now=dt.datetime(2026, 3, day, 9, tzinfo=UTC))
    finally:
        first.close()
        second.close()
    kept = list_backups(folder)
    assert only.path in [b.path for b in kept]  # B's retention never counts A's backup
    assert [b.source for b in kept].count(str((tmp_path / "b.db").resolve())) == 1
    assert_healthy([tmp_path / "a.db", tmp_path / "b.db"], folder)


def test_the_newest_good_backup_is_never_pruned(store: Store, folder: Path) -> None:
    for day in (1, 2, 3):
        take_backup(store.db.conn, store.path, folder,
                    now=dt.datetime(2026, 3, day, 9, tzinfo=UTC))
    newest, good, oldest = list_backups(folder)
    with newest.path.open("r+b") as handle:  # the newest backup's bytes went bad
        handle.seek(200)
        handle.write(b"\xff" * 16)
    # Retention alone would keep only the newest, which can no longer be restored.
    assert prune(folder, Retention(0, 0, 0), store.path) == [oldest.path]
    assert good.path.exists() and newest.path.exists()
    assert_healthy([store.path], folder, damaged=[newest.path])


# --- restoring --------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_backs_up_the_current_data_first(
        store: Store, folder: Path) -> None:
    add(store, 3, "Old")
    old = store.backups.take(folder, prune=False)
    add(store, 4, "New")
    assert store.backups.restore(old.path, folder).deals == 3
    assert [r[0] for r in store.db.execute("SELECT title FROM deals ORDER BY id")] == [
        "Old 0", "Old 1", "Old 2"]
    safety = [b for b in list_backups(folder) if b.reason == "before restore"]
    assert len(safety) == 1 and safety[0].deals == 7
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.add_deal(Deal(title="After"), TODAY)  # the file keeps working
    path = store.path
    store.close()
    again = open_store(path)
    try:
        assert again.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 4
    finally:
        again.close()


def test_a_restore_with_a_leftover_wal_beside_the_live_file_really_restores(
        tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    add(store, 2, "Old")
    old = store.backups.take(folder, prune=False)
    add(store, 5, "New")
    store.close()
    # A crashed writer leaves committed pages in the -wal that were never checkpointed.
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE deals SET title = 'From the wal' WHERE title = 'New 0'")
    writer.commit()
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    wal_bytes = wal.read_bytes()
    writer.close()  # closing would checkpoint; put the crashed state back
    wal.write_bytes(wal_bytes)
    store = open_store(path)
    try:
        assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 7
        store.backups.restore(old.path, folder)
    finally:
        store.close()
    again = open_store(path)
    try:
        titles = [r[0] for r in again.db.execute("SELECT title FROM deals ORDER BY id")]
    finally:
        again.close()
    assert titles == ["Old 0", "Old 1"]


def _truncated(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, len(data) - 1)]


def _flipped(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randrange(1, 4)):
        at = rng.randrange(100, len(buffer))
        buffer[at] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def _text_flipped(data: bytes, rng: random.Random) -> bytes:
    # A letter inside a stored note (not indexed): integrity_check sees a valid page; only the
    # checksum notices.
    at = data.index(b"Precious note")
    buffer = bytearray(data)
    buffer[at + rng.randrange(8)] ^= 0x20
    return bytes(buffer)


def _empty(data: bytes, rng: random.Random) -> bytes:
    return b""


def _not_sqlite(data: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(len(data))


def _wrong_application_id(data: bytes, rng: random.Random) -> bytes:
    return data[:68] + (0x12345678).to_bytes(4, "big") + data[72:]


DAMAGES = [_truncated, _flipped, _text_flipped, _empty, _not_sqlite, _wrong_application_id]


def test_restore_refuses_100_damaged_copies_without_touching_the_live_file(
        tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    store.add_deal(Deal(title="Kept", notes="Precious note " + "x" * 3000), TODAY)
    add(store, 30)
    good = store.backups.take(folder, prune=False)
    add(store, 3, "Live")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    live = sha256(path)
    data = good.path.read_bytes()
    rng = random.Random(6)
    refused_by_checksum_only = 0
    try:
        for trial in range(100):
            damage = DAMAGES[trial % len(DAMAGES)]
            good.path.write_bytes(damage(data, rng))  # the listed backup is now damaged
            with pytest.raises(BackupRefused):
                store.backups.restore(good.path, folder)
            if damage is _text_flipped:
                assert integrity(good.path) == "ok"  # only the checksum catches it
                refused_by_checksum_only += 1
            assert sha256(path) == live
            assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 34
        assert not [b for b in list_backups(folder) if b.reason == "before restore"]
    finally:
        store.close()
    assert refused_by_checksum_only > 0
    assert sha256(path) == live


@pytest.mark.parametrize("damage", [_truncated, _empty, _not_sqlite, _wrong_application_id])
def test_without_a_checksum_the_file_checks_refuse_each_damage(
        store: Store, folder: Path, damage: object) -> None:
    # The listed copies above are all caught by their checksum first; an unrecorded copy
    # must be caught by the checks behind it.
    add(store, 5)
    good = store.backups.take(folder, prune=False)
    copy = folder / "from-a-stick.db"
    copy.write_bytes(damage(good.path.read_bytes(), random.Random(7)))  # type: ignore[operator]
    with pytest.raises(BackupRefused):
        verify_backup(copy, None)
    with pytest.raises(BackupRefused):
        store.backups.restore(copy, folder, allow_unrecorded=True)
    assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 5


def test_an_unrecorded_copy_needs_consent_and_passes_integrity_and_schema(
        store: Store, folder: Path, tmp_path: Path) -> None:
    add(store, 4)
    usb = tmp_path / "usb"
    copy = take_backup(store.db.conn, store.path, usb).path
    (usb / MANIFEST_NAME).unlink()  # as if copied from a stick without its manifest
    assert not list_backups(usb)[0].recorded
    add(store, 1)
    with pytest.raises(BackupRefused, match="no recorded checksum"):
        store.backups.restore(copy, folder)
    assert store.backups.restore(copy, folder, allow_unrecorded=True).deals == 4
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupRefused, match="another program"):
        store.backups.restore(other, folder, allow_unrecorded=True)


def test_a_newer_backup_is_refused(store: Store, folder: Path) -> None:
    info = store.backups.take(folder)
    conn = sqlite3.connect(info.path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(BackupRefused, match="newer salesdesk"):
        verify_backup(info.path, None)


def test_a_file_that_cannot_be_opened_is_moved_aside_with_its_wal_and_shm(
        tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    add(store, 6)
    good = store.backups.take(folder)
    store.close()
    path.write_bytes(b"\0" * 8192)  # overwritten with garbage
    Path(f"{path}-wal").write_bytes(b"stale wal")
    Path(f"{path}-shm").write_bytes(b"stale shm")
    aside = restore_damaged(path, good.path, good.sha256)
    assert aside.read_bytes() == b"\0" * 8192
    assert Path(f"{aside}-wal").read_bytes() == b"stale wal"
    assert Path(f"{aside}-shm").read_bytes() == b"stale shm"
    assert not Path(f"{path}-wal").exists()
    again = open_store(path)
    try:
        assert again.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 6
        assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        again.close()


def test_restore_damaged_refuses_a_bad_backup_and_moves_nothing(tmp_path: Path,
                                                                folder: Path) -> None:
    path = tmp_path / "deals.db"
    path.write_bytes(b"garbage" * 100)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(BackupRefused):
        restore_damaged(path, bad, None)
    assert path.read_bytes() == b"garbage" * 100


# --- upgrades ---------------------------------------------------------------------------------


def _older_file(path: Path) -> None:
    store = open_store(path)
    add(store, 8)
    store.close()


def m002_add_tags(db: Database) -> None:
    db.execute("CREATE TABLE tags (name TEXT)")
    db.execute("INSERT INTO tags VALUES ('vip')")


def m003_broken(db: Database) -> None:
    db.execute("UPDATE deals SET title = 'half-migrated'")
    raise RuntimeError("boom in m003")


def test_an_older_file_is_backed_up_then_migrated(
        tmp_path: Path, add_migrations: Callable[..., None]) -> None:
    path = tmp_path / "deals.db"
    _older_file(path)
    add_migrations(m002_add_tags)
    data = tmp_path / "data"
    store = open_store(path, data_dir=data)
    try:
        assert store.db.execute("SELECT name FROM tags").fetchall() == [("vip",)]
        folder = default_backup_folder(path, data)
    finally:
        store.close()
    [before] = list_backups(folder)
    assert before.reason == "before upgrade" and before.deals == 8
    conn = sqlite3.connect(before.path)
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'tags'"
                        ).fetchone()[0] == 0
    conn.close()


def test_a_failed_migration_restores_the_file_from_the_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        add_migrations: Callable[..., None]) -> None:
    path = tmp_path / "deals.db"
    _older_file(path)
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT * FROM deals ORDER BY id").fetchall()
    migrations_before = conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
    conn.close()
    add_migrations(m002_add_tags, m003_broken)
    with pytest.raises(MigrationFailed, match="boom in m003") as failed:
        open_store(path, data_dir=tmp_path / "data")
    assert "put back" in str(failed.value)
    conn = sqlite3.connect(path)
    try:
        # m002 had committed on its own; the restore undid it too.
        assert conn.execute("SELECT * FROM deals ORDER BY id").fetchall() == before
        assert conn.execute("SELECT name FROM _sqlite_migrations").fetchall() == \
            migrations_before
        assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'tags'"
                            ).fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    monkeypatch.undo()
    again = open_store(path)  # this build opens it as before
    again.close()


def test_a_restore_that_needs_a_failing_upgrade_puts_the_data_back(
        tmp_path: Path, add_migrations: Callable[..., None]) -> None:
    path = tmp_path / "deals.db"
    _older_file(path)
    store = open_store(path)
    old = store.backups.take(tmp_path / "backups", prune=False)  # from before m002
    add(store, 2, "New")
    store.close()
    add_migrations(m002_add_tags)
    store = open_store(path, data_dir=tmp_path / "data")
    try:
        before = store.db.execute("SELECT * FROM deals ORDER BY id").fetchall()
        add_migrations(m003_broken)  # on top of m002, now registered
        with pytest.raises(MigrationFailed, match="boom in m003"):
            store.backups.restore(old.path, tmp_path / "backups")
        assert store.db.execute("SELECT * FROM deals ORDER BY id").fetchall() == before
        assert store.db.execute("SELECT name FROM tags").fetchall() == [("vip",)]
        assert store.check() == []
    finally:
        store.close()


def test_a_healthy_copy_with_another_page_size_is_restored(tmp_path: Path,
                                                           folder: Path) -> None:
    other = tmp_path / "copy.db"
    store = open_store(other)
    add(store, 2, "Copied")
    store.close()
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    conn.close()
    path = tmp_path / "deals.db"
    store = open_store(path)
    try:
        add(store, 5, "Live")
        assert store.backups.needs_sole_connection(other)
        assert not store.backups.needs_sole_connection(path)
        assert not store.backups.needs_sole_connection(tmp_path / "missing.db")
        assert store.backups.restore(other, folder, allow_unrecorded=True).deals == 2
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.check() == []
        store.add_deal(Deal(title="After"), TODAY)
    finally:
        store.close()
    assert count_deals(path) == 3


def _damage_an_index(path: Path) -> None:
    """Make the title index disagree with its table: the file opens and passes quick_check,
    integrity_check finds it (as a bad sector or a faulty copy might)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX deals_title ON deals(notes)'"
                 " WHERE name = 'deals_title'")
    conn.commit()
    conn.close()


def test_a_damaged_file_that_still_opens_is_restored_and_its_data_kept_aside(
        tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "deals.db"
    store = open_store(path)
    add(store, 3, "Old")
    old = store.backups.take(folder, prune=False)
    add(store, 4, "New")
    store.close()
    _damage_an_index(path)
    store = open_store(path)  # quick_check passes
    try:
        assert store.check() != []
        restored = store.backups.restore(old.path, folder)
        assert restored.deals == 3 and restored.damaged_copy is not None
        assert store.check() == []
        assert [r[0] for r in store.db.execute("SELECT title FROM deals ORDER BY id")] == [
            "Old 0", "Old 1", "Old 2"]
    finally:
        store.close()
    kept = restored.damaged_copy
    assert kept.parent == path.parent and kept.name.startswith("deals.db.damaged-")
    assert count_deals(kept) == 7  # what was replaced, damage and all
    assert kept not in [b.path for b in list_backups(folder)]


def test_no_upgrade_without_a_backup(tmp_path: Path,
                                     add_migrations: Callable[..., None]) -> None:
    path = tmp_path / "deals.db"
    _older_file(path)
    data = tmp_path / "data"
    data.write_text("a file where the backup folder should go", encoding="utf-8")
    add_migrations(m002_add_tags)
    bytes_before = path.read_bytes()
    with pytest.raises(Exception, match="no backup could be taken"):
        open_store(path, data_dir=data)
    assert path.read_bytes() == bytes_before
