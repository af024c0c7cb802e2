"""`salesdesk import` and `salesdesk export`: the JSON summary, options and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk import cli, launch
from salesdesk.store import open_store

from .json_cli import run_cli

HOLDER = """
import sys, time
from pathlib import Path
from salesdesk.locking import WriterLock
lock = WriterLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(120)
"""
SAMPLE = (
    "Deal - ID,Deal - Title,Deal - Organization,Deal - Status,Deal - Deal created,"
    "Deal - Won time,Deal - Value\n"
    "1,Ünnep,Ács Kft,won,2026-01-05,2026-01-20,\"1,234.50\"\n"
    "2,Bad,Beta,won,2026-01-05,2026-01-01,1\n"
    "3,Gone,Beta,deleted,2026-01-05,,1\n"
    "4,Open,Beta,open,2026-01-05,,\n"
)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "pipedrive.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def count(db: Path) -> int:
    store = open_store(db, read_only=True)
    try:
        return int(store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0])
    finally:
        store.close()


def test_import_prints_the_summary_and_creates_the_database(
        capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path) -> None:
    db = tmp_path / "new" / "deals.db"
    status, summary, _ = run_cli(capsys, "import", str(sample), "--db", str(db))
    assert status == launch.EXIT_OK
    assert list(summary) == ["imported", "updated", "duplicates", "ambiguous", "skipped",
                             "rejected", "rejected_file", "mapping", "unmapped",
                             "rejected_reasons", "notes"]
    assert (summary["imported"], summary["skipped"], summary["rejected"]) == (2, 1, 1)
    assert summary["rejected_file"] == str(tmp_path / "pipedrive-rejected.csv")
    assert summary["mapping"]["client"] == "Deal - Organization"
    assert any("Deal - Deal created" in note for note in summary["notes"])
    assert count(db) == 2
    again = run_cli(capsys, "import", str(sample), "--db", str(db))[1]
    assert (again["imported"], again["duplicates"]) == (0, 2)


def test_json_is_utf8_not_escaped(tmp_path: Path) -> None:
    source = tmp_path / "hu.csv"
    source.write_text("Cím,Ügyfél\nA,B\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "salesdesk", "import", str(source), "--db",
         str(tmp_path / "d.db"), "--force"],
        capture_output=True, check=False, env={"PYTHONIOENCODING": "ascii",
                                               "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.decode("utf-8"))
    assert summary["mapping"] == {"title": "Cím", "client": "Ügyfél"}
    assert "Ügyfél".encode() in result.stdout


def test_options_map_outcomes_dates_and_dry_run(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    source = tmp_path / "plain.csv"
    source.write_text("Name;Phase;Start;End;Sum\n"
                      "A;Signed;03.01.2026;04.01.2026;1.234,50\n"
                      "B;Dropped;03.01.2026;05.02.2026;\n"
                      "C;Talking;03.01.2026;;7\n", encoding="utf-8")
    db = tmp_path / "d.db"
    status, summary, _ = run_cli(
        capsys, "import", str(source), "--db", str(db), "--map", "outcome=Phase",
        "--map", "first_contact=Start", "--map", "closed_on=End", "--map", "amount=Sum",
        "--outcome", "won=Signed", "--outcome", "lost=Dropped,Lost",
        "--date-format", "%d.%m.%Y", "--dry-run")
    assert status == launch.EXIT_OK
    assert (summary["imported"], summary["rejected"]) == (3, 0)
    assert "Dry run: nothing was written." in summary["notes"]
    assert not db.exists()  # not even created
    run_cli(capsys, "import", str(source), "--db", str(db), "--map", "outcome=Phase",
            "--map", "first_contact=Start", "--map", "closed_on=End", "--map", "amount=Sum",
            "--outcome", "won=Signed", "--outcome", "lost=Dropped")
    store = open_store(db, read_only=True)
    try:
        rows = store.db.execute("SELECT title, outcome, amount, closed_on FROM deals"
                                " ORDER BY title").fetchall()
    finally:
        store.close()
    assert rows == [("A", "won", 123450, "2026-01-04"), ("B", "lost", None, "2026-02-05"),
                    ("C", "open", 700, None)]


def test_a_column_moved_with_map_feeds_only_its_new_field(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    source = tmp_path / "notes.csv"
    source.write_text("Deal name,Note,Outcome,Created,Closing Date\n"
                      "Boiler,Alpha note,won,2026-01-01,2026-01-20\n"
                      "Pump,Beta note,open,2026-01-05,2026-03-01\n", encoding="utf-8")
    db = tmp_path / "d.db"
    status, summary, _ = run_cli(capsys, "import", str(source), "--db", str(db),
                                 "--map", "title=Note", "--map", "closed_on=Closing Date")
    assert status == launch.EXIT_OK and summary["imported"] == 2
    store = open_store(db, read_only=True)
    try:
        rows = store.db.execute("SELECT title, notes, closed_on, expected_close FROM deals"
                                " ORDER BY title").fetchall()
    finally:
        store.close()
    # Note was detected as the notes; moved to the title, it no longer feeds them. The close
    # date, confirmed for closed_on, still gives the open deal its expected close.
    assert rows == [("Alpha note", "", "2026-01-20", None),
                    ("Beta note", "", None, "2026-03-01")]
def test_a_preset_file_and_update_on_duplicate(capsys: pytest.CaptureFixture[str],
                                               sample: Path, tmp_path: Path) -> None:
    preset = tmp_path / "mine.json"
    preset.write_text(json.dumps({"columns": {"title": "Deal - Title",
                                              "external_id": "Deal - ID",
                                              "first_contact": "Deal - Deal created"}}))
    db = tmp_path / "d.db"
    summary = run_cli(capsys, "import", str(sample), "--db", str(db), "--preset",
                      str(preset))[1]
    assert summary["imported"] == 4 and summary["mapping"] == {
        "title": "Deal - Title", "external_id": "Deal - ID", "first_contact": "Deal - Deal created"}
    summary = run_cli(capsys, "import", str(sample), "--db", str(db), "--preset", "pipedrive",
                      "--on-duplicate", "update")[1]
    assert (summary["duplicates"], summary["updated"]) == (2, 2)


@pytest.mark.parametrize("argv", [
    ["--map", "nonsense=Deal - Title"],
    ["--map", "title=No such column"],
    ["--outcome", "maybe=x"],
    ["--date-format", "dd.mm.yyyy"],
    ["--on-duplicate", "merge"],
    ["--preset", "{missing}"],
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path,
                             argv: list[str]) -> None:
    db = tmp_path / "d.db"
    argv = [a.replace("{missing}", str(tmp_path / "none.json")) for a in argv]
    expected = launch.EXIT_FILE if "--preset" in argv else launch.EXIT_USAGE
    if "--on-duplicate" in argv:
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["import", str(sample), "--db", str(db), *argv])
        assert exit_info.value.code == launch.EXIT_USAGE
    else:
        assert run_cli(capsys, "import", str(sample), "--db", str(db), *argv)[0] == expected
    assert not db.exists()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\xff" * 50])
def test_unreadable_file_exits_1_and_creates_nothing(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "x.csv"
    source.write_bytes(content)
    status, _, err = run_cli(capsys, "import", str(source), "--db", str(tmp_path / "d.db"))
    assert status == launch.EXIT_FILE
    assert "x.csv" in err
    assert not (tmp_path / "d.db").exists()


def test_a_foreign_database_exits_1(capsys: pytest.CaptureFixture[str], sample: Path,
                                    tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    db.write_bytes(b"not a database at all" * 10)
    assert run_cli(capsys, "import", str(sample), "--db", str(db))[0] == launch.EXIT_FILE


def test_locked_database_exits_3_and_changes_nothing(capsys: pytest.CaptureFixture[str],
                                                     sample: Path, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    open_store(db, base_currency="EUR").close()
    before = db.read_bytes()
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE,
                          text=True) as holder:
        assert holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "locked"
            status, _, err = run_cli(capsys, "import", str(sample), "--db", str(db))
        finally:
            holder.kill()
    assert status == launch.EXIT_LOCKED and "already open" in err
    assert db.read_bytes() == before
    assert not (tmp_path / "pipedrive-rejected.csv").exists()


def test_export_command(capsys: pytest.CaptureFixture[str], sample: Path,
                        tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    run_cli(capsys, "import", str(sample), "--db", str(db))
    out = tmp_path / "out.xlsx"
    status, text, _ = run_cli(capsys, "export", "--db", str(db), "--out", str(out), "--where",
                              "client=Beta")
    assert status == launch.EXIT_OK and "Wrote 1 deals" in text and out.exists()
    assert run_cli(capsys, "export", "--db", str(db), "--out", str(tmp_path / "x.txt"))[0] == (
        launch.EXIT_USAGE)
    assert run_cli(capsys, "export", "--db", str(db), "--out", str(out), "--where",
                   "month=2026-01")[0] == launch.EXIT_USAGE
    assert run_cli(capsys, "export", "--db", str(tmp_path / "none.db"), "--out",
                   str(out))[0] == launch.EXIT_FILE
    csv_out = tmp_path / "all.csv"
    assert run_cli(capsys, "export", "--db", str(db), "--out", str(csv_out))[0] == launch.EXIT_OK
    reimported = tmp_path / "again.db"
    summary = run_cli(capsys, "import", str(csv_out), "--db", str(reimported))[1]
    assert (summary["imported"], summary["rejected"]) == (2, 0)


def test_a_new_database_records_the_locale_s_currency(
        capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Hungarian, QLocale.Country.Hungary))
    try:
        db = tmp_path / "deals.db"
        assert run_cli(capsys, "import", str(sample), "--db", str(db))[0] == launch.EXIT_OK
    finally:
        QLocale.setDefault(previous)
    store = open_store(db, read_only=True)
    try:
        assert store.settings().base_currency == "HUF"
    finally:
        store.close()
