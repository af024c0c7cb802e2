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
