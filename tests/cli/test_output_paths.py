"""No output path of a command may destroy data (issue 13, item 1): the database, its journal
and lock files, the file being read and the backup folder are refused with exit status 2,
compared as the files they are (symlinks resolved), and nothing is written or changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from salesdesk import cli, launch
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.locking import FileLocked, WriterLock
from salesdesk.store import open_store

TODAY = dt.date(2026, 3, 31)
MIX = ("Title,Client,Status,Created,Closed\n"
       "Boiler,Acme,won,2026-01-05,2026-01-20\n"
       "Broken,Acme,won,2026-01-05,not a date\n")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "d.db"
    store = open_store(path)
    store.add_deals([Deal(title=f"Deal {i}", client="Acme", outcome=Outcome.WON,
                          first_contact=dt.date(2026, 1, 2), closed_on=dt.date(2026, 1, 9))
                     for i in range(6)], TODAY)
    store.close()
    return path


@pytest.fixture
def mix(tmp_path: Path) -> Path:
    path = tmp_path / "mix.csv"
    path.write_text(MIX, encoding="utf-8")
    return path


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str],
             *unchanged: Path) -> str:
    before = {path: sha256(path) for path in unchanged}
    assert cli.main(argv) == launch.EXIT_USAGE
    assert {path: sha256(path) for path in unchanged} == before
    return capsys.readouterr().err


def test_the_rejected_rows_may_not_replace_the_database(
        capsys: pytest.CaptureFixture[str], db: Path, mix: Path) -> None:
    err = _refused(capsys, ["import", str(mix), "--db", str(db), "--rejected", str(db)],
                   db, mix)
    assert "--rejected" in err and "the database itself" in err
    store = open_store(db, read_only=True)
    try:
        assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 6
    finally:
        store.close()


def test_the_rejected_rows_may_not_replace_the_source(
        capsys: pytest.CaptureFixture[str], db: Path, mix: Path) -> None:
    err = _refused(capsys, ["import", str(mix), "--db", str(db), "--rejected", str(mix)],
                   db, mix)
    assert "the file being read" in err


@pytest.mark.parametrize("target", [
    lambda db: Path(f"{db}-wal"),
    lambda db: Path(f"{db}-shm"),
    lambda db: db.with_name(db.name + ".lock"),
], ids=["wal", "shm", "lock"])
def test_journal_and_lock_files_are_refused(capsys: pytest.CaptureFixture[str], db: Path,
                                            mix: Path, target: Callable[[Path], Path]) -> None:
    err = _refused(capsys, ["import", str(mix), "--db", str(db), "--rejected",
                            str(target(db))], db, mix)
    assert "--rejected" in err and "destroy" in err


def test_a_symlink_to_the_database_is_the_database(
        capsys: pytest.CaptureFixture[str], db: Path, mix: Path, tmp_path: Path) -> None:
    link = tmp_path / "rejected.csv"
    link.symlink_to(db)
    err = _refused(capsys, ["import", str(mix), "--db", str(db), "--rejected", str(link)],
                   db, mix)
    assert str(db.resolve()) in err
    xlsx = tmp_path / "deals.xlsx"
    xlsx.symlink_to(db)
    err = _refused(capsys, ["export", "--db", str(db), "--out", str(xlsx)], db)
    assert "the database itself" in err
    pdf = tmp_path / "meeting.pdf"
    pdf.symlink_to(db)
    _refused(capsys, ["export-report", "--db", str(db), "--out", str(pdf)], db)
    png = tmp_path / "chart.png"
    png.symlink_to(db)
    _refused(capsys, ["export-chart", "--db", str(db), "--chart", "funnel", "--out", str(png)],
             db)


def test_a_hard_link_to_the_database_is_the_database(
        capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "deals.csv"
    copy.hardlink_to(db)
    _refused(capsys, ["export", "--db", str(db), "--out", str(copy)], db)


def test_outputs_inside_the_backup_folder_are_refused(
        capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert cli.main(["backup", "--db", str(db)]) == launch.EXIT_OK
    folder = next(Path(line.split(" to ", 1)[1]).parent
                  for line in capsys.readouterr().out.splitlines() if "Backed up" in line)
    backups = sorted(folder.iterdir())
    err = _refused(capsys, ["export", "--db", str(db), "--out", str(folder / "deals.csv")],
                   db, *backups)
    assert "inside the backup folder" in err
    _refused(capsys, ["backup", "--db", str(db), "--to", str(folder)], db, *backups)
    assert sorted(folder.iterdir()) == backups


def test_a_symlink_to_the_database_shares_its_writers_lock(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "same.db"
    link.symlink_to(db)
    with WriterLock(db), pytest.raises(FileLocked):
        WriterLock(link).acquire()


def test_two_imports_through_a_symlink_and_the_file_give_locked_not_a_crash(
        db: Path, mix: Path, tmp_path: Path) -> None:
    link = tmp_path / "same.db"
    link.symlink_to(db)
    holder = ("import sys, time\nfrom pathlib import Path\nfrom salesdesk.locking import"
              " WriterLock\nlock = WriterLock(Path(sys.argv[1]))\nlock.acquire()\n"
              "print('locked', flush=True)\ntime.sleep(120)\n")
    with subprocess.Popen([sys.executable, "-c", holder, str(db)], stdout=subprocess.PIPE,
                          text=True) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        try:
            assert cli.main(["import", str(mix), "--db", str(link)]) == launch.EXIT_LOCKED
        finally:
            process.kill()


# --- demo --out: a new database, never over another file or a database's own files -----------


def _demo_refused(capsys: pytest.CaptureFixture[str], out: Path, *unchanged: Path) -> str:
    """``demo --out out`` exits 2, leaves ``unchanged`` as they were and creates nothing."""
    folder = out.parent
    before = sorted(folder.iterdir()) if folder.is_dir() else []
    err = _refused(capsys, ["demo", "--out", str(out), "--deals", "10"], *unchanged)
    assert "--out" in err and "Choose another file name" in err
    assert (sorted(folder.iterdir()) if folder.is_dir() else []) == before
    return err


@pytest.mark.parametrize(("target", "said"), [
    (lambda db: db, "exists already"),
    (lambda db: Path(f"{db}-wal"), "the wal file of the database"),
    (lambda db: Path(f"{db}-shm"), "the shm file of the database"),
    (lambda db: Path(f"{db}-journal"), "the journal file of the database"),
    (lambda db: db.with_name(db.name + ".lock"), "the lock file of the database"),
], ids=["database", "wal", "shm", "journal", "lock"])
def test_demo_never_writes_over_a_database_or_its_journal_and_lock_files(
        capsys: pytest.CaptureFixture[str], db: Path, target: Callable[[Path], Path],
        said: str) -> None:
    err = _demo_refused(capsys, target(db), db)
    assert said in err
    if target(db) != db:
        assert str(db.resolve()) in err


def test_demo_never_writes_through_a_symlink_to_a_database(
        capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    link = tmp_path / "sample.db"
    link.symlink_to(db)
    assert "exists already" in _demo_refused(capsys, link, db)
    assert link.is_symlink()


def test_demo_never_writes_into_a_backup_folder(
        capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    assert cli.main(["backup", "--db", str(db)]) == launch.EXIT_OK  # the default folder
    chosen = tmp_path / "usb stick"  # a folder another file's backups were sent to
    assert cli.main(["backup", "--db", str(db), "--to", str(chosen)]) == launch.EXIT_OK
    folder = next(Path(line.split(" to ", 1)[1]).parent
                  for line in capsys.readouterr().out.splitlines() if "Backed up" in line)
    for out in (folder / "sample.db", folder.parent / "sample.db", chosen / "sample.db"):
        backups = sorted(out.parent.glob("*.db"))
        assert "inside a backup folder" in _demo_refused(capsys, out, db, *backups)
    (chosen / "sub").mkdir()
    _demo_refused(capsys, chosen / "sub" / "sample.db", db)


def test_demo_never_writes_beside_a_journal_left_by_an_earlier_file(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "sample.db"
    for suffix in ("-wal", "-journal"):
        leftover = Path(f"{out}{suffix}")
        leftover.write_bytes(b"the last commits of a file that was moved away")
        err = _demo_refused(capsys, out, leftover)
        assert f"sample.db{suffix} is there" in err
        leftover.unlink()
    assert cli.main(["demo", "--out", str(out), "--deals", "10"]) == launch.EXIT_OK
