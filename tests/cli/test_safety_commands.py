"""salesdesk backup, restore, check and erase-client: results, exit statuses 0/1/2/3, and the
writer's lock (issue 6)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from salesdesk import cli, launch
from salesdesk.domain.deals import Deal
from salesdesk.domain.settings import BusinessSettings
from salesdesk.store import open_store
from salesdesk.store.backup_manifest import MANIFEST_NAME, default_backup_folder, list_backups

TODAY = dt.date(2026, 3, 31)

HOLDER = """
import sys, time
from pathlib import Path
from salesdesk.locking import WriterLock
lock = WriterLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(120)
"""


@contextmanager
def held(database: Path) -> Iterator[None]:
    """Another process holds the writer's lock on ``database`` (as an open window does)."""
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(database)],
                          stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        try:
            yield
        finally:
            process.kill()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "shop.db"
    store = open_store(path)
    store.add_deals([Deal(title=f"Deal {i}", client="Zyxwolff Bakery" if i % 2 else "Acme")
                     for i in range(12)], TODAY)
    store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_backup_goes_to_the_files_folder_and_check_says_ok(
        capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, _ = run(capsys, "backup", "--db", str(db))
    assert status == launch.EXIT_OK
    [info] = list_backups(default_backup_folder(db))
    assert info.deals == 12 and str(info.path) in out
    status, out, _ = run(capsys, "check", "--db", str(db))
    assert status == launch.EXIT_OK and "ok" in out


def test_backup_finds_the_folder_stored_in_the_file(capsys: pytest.CaptureFixture[str],
                                                    db: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere"
    store = open_store(db)
    store.save_settings(BusinessSettings(backup_folder=str(chosen)))
    store.close()
    assert run(capsys, "backup", "--db", str(db))[0] == launch.EXIT_OK
    assert len(list_backups(chosen)) == 1


def test_backup_to_a_folder_reads_only(capsys: pytest.CaptureFixture[str], db: Path,
                                       tmp_path: Path) -> None:
    with held(db):  # the GUI has the file open: a copy elsewhere is still possible
        status, _, _ = run(capsys, "backup", "--db", str(db), "--to", str(tmp_path / "usb"))
    assert status == launch.EXIT_OK
    assert list_backups(tmp_path / "usb")[0].deals == 12


def test_restore_puts_a_backup_back(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run(capsys, "backup", "--db", str(db))
    backup = list_backups(default_backup_folder(db))[0].path
    store = open_store(db)
    store.add_deal(Deal(title="Later"), TODAY)
    store.close()
    status, out, _ = run(capsys, "restore", "--db", str(db), "--from", str(backup))
    assert status == launch.EXIT_OK and "Restored 12 deals" in out
    store = open_store(db)
    try:
        assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 12
    finally:
        store.close()


def test_restore_of_a_damaged_backup_exits_1_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run(capsys, "backup", "--db", str(db))
    backup = list_backups(default_backup_folder(db))[0].path
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))
    before = sha256(db)
    status, _, err = run(capsys, "restore", "--db", str(db), "--from", str(backup))
    assert status == launch.EXIT_FILE and "Nothing was restored" in err
    assert sha256(db) == before


def test_restore_of_an_unlisted_copy_warns(capsys: pytest.CaptureFixture[str], db: Path,
                                          tmp_path: Path) -> None:
    run(capsys, "backup", "--db", str(db), "--to", str(tmp_path / "usb"))
    (tmp_path / "usb" / MANIFEST_NAME).unlink()
    copy = next((tmp_path / "usb").glob("*.db"))
    status, _, err = run(capsys, "restore", "--db", str(db), "--from", str(copy))
    assert status == launch.EXIT_OK and "no recorded checksum" in err


def test_restore_over_a_file_that_cannot_be_opened(capsys: pytest.CaptureFixture[str],
                                                   db: Path) -> None:
    run(capsys, "backup", "--db", str(db))
    backup = list_backups(default_backup_folder(db))[0].path
    db.write_bytes(b"\0" * 4096)
    assert run(capsys, "check", "--db", str(db))[0] == launch.EXIT_FILE
    status, out, _ = run(capsys, "restore", "--db", str(db), "--from", str(backup))
    assert status == launch.EXIT_OK and "moved to" in out
    assert run(capsys, "check", "--db", str(db))[0] == launch.EXIT_OK
    assert len(list(db.parent.glob("shop.db.damaged-*"))) == 1


def test_check_reports_a_damaged_file(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema = ON")
    # An index that no longer matches its table: integrity_check names it.
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'title COLLATE NOCASE', 'notes')"
                 " WHERE name = 'deals_title'")
    conn.commit()
    conn.close()
    status, _, err = run(capsys, "check", "--db", str(db))
    assert status == launch.EXIT_FILE and "deals_title" in err
    assert run(capsys, "check", "--db", str(db.parent / "missing.db"))[0] == launch.EXIT_FILE


def test_erase_client(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    before = sha256(db)
    status, out, _ = run(capsys, "erase-client", "--db", str(db), "zyxwolff bakery",
                         "--dry-run")
    assert status == launch.EXIT_OK and sha256(db) == before
    assert out.startswith("Erasing 'Zyxwolff Bakery' would empty the notes of its 6 deals")
    assert "0 places in other records" in out and "Nothing was changed" in out
    status, out, _ = run(capsys, "erase-client", "--db", str(db), "Zyxwolff Bakery")
    assert status == launch.EXIT_OK and "Erased client 1" in out
    assert "(0 places in other records changed too)" in out
    assert b"zyxwolff" not in db.read_bytes().lower()
    assert run(capsys, "erase-client", "--db", str(db), "Nobody")[0] == launch.EXIT_USAGE


@pytest.mark.parametrize("command", [["restore", "--from", "x.db"],
                                     ["erase-client", "Acme"], ["backup"]])
def test_writing_commands_exit_3_under_the_lock_and_change_nothing(
        capsys: pytest.CaptureFixture[str], db: Path, command: list[str]) -> None:
    before = sha256(db)
    with held(db):
        status, _, err = run(capsys, command[0], "--db", str(db), *command[1:])
    assert status == launch.EXIT_LOCKED and "already open for writing" in err
    assert sha256(db) == before
