"""`salesdesk import` never silently wrong (issue 14): a file whose outcome, stage and dates
were not recognised is refused without --force (naming the fields and the --map to set),
a headerless file asks for --no-header, the summary lists what was not mapped, --dry-run
groups the rejected rows' reasons, presets saved in the wizard are found by name, and
customer-type values can be mapped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from salesdesk import launch, paths
from salesdesk.domain.deals import CustomerType
from salesdesk.domain.importing import ColumnMapping
from salesdesk.store import open_store, save_preset

from .json_cli import run_cli


def _deals(db: Path) -> list[tuple[Any, ...]]:
    store = open_store(db, read_only=True)
    try:
        return store.db.execute("SELECT title, outcome, customer_type FROM deals ORDER BY id"
                                ).fetchall()
    finally:
        store.close()


def test_no_outcome_stage_or_date_is_refused_without_force(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("Name,Company,Phone\nKiln retrofit,Ostwald,123\n", encoding="utf-8")
    db = tmp_path / "d.db"
    status, _, err = run_cli(capsys, "import", str(source), "--db", str(db))
    assert status == launch.EXIT_USAGE
    assert "No outcome, stage or date column of contacts.csv was recognised" in err
    assert "Not found: outcome, stage, first_contact, closed_on" in err
    assert "--map outcome=COLUMN --map stage=COLUMN --map first_contact=COLUMN" in err
    assert "'Phone'" in err and "--force" in err
    assert not db.exists()
    status, summary, _ = run_cli(capsys, "import", str(source), "--db", str(db), "--force")
    assert status == launch.EXIT_OK and summary["imported"] == 1
    assert summary["unmapped"][:3] == ["rep", "product", "channel"]
    assert any(n.startswith("Not mapped (no column found): rep, product") for n in summary["notes"])


def test_a_file_that_matches_nothing_is_refused_even_with_force(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "odd.csv"
    source.write_text("Alpha,Beta\nx,y\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "import", str(source), "--db", str(tmp_path / "d.db"),
                             "--force")
    assert status == launch.EXIT_USAGE
    assert "No column of odd.csv was recognised" in err and "untitled open deal" in err


def test_a_headerless_file_asks_for_no_header(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    source = tmp_path / "dump.csv"
    source.write_text("7,Kiln retrofit,1200.00,2021-05-20,Closed Won,2021-04-15 08:00:00\n"
                      "8,Glaze line,\\N,2021-06-02,Closed Lost,2021-04-20 10:30:00\n",
                      encoding="utf-8")
    db = tmp_path / "d.db"
    status, _, err = run_cli(capsys, "import", str(source), "--db", str(db))
    assert status == launch.EXIT_USAGE
    assert "looks like data, not column names" in err and "--no-header" in err
    status, summary, _ = run_cli(capsys, "import", str(source), "--db", str(db), "--no-header")
    assert status == launch.EXIT_OK, summary
    assert summary["imported"] == 2 and summary["mapping"]["outcome"] == "column 5"
    assert [row[:2] for row in _deals(db)] == [("Kiln retrofit", "won"),
                                              ("Glaze line", "lost")]


def test_dry_run_groups_the_rejected_reasons(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    rows = ["title,status,first contact,closed on,amount"]
    rows += [f"ok {i},open,2026-01-0{i},,1" for i in range(1, 4)]
    rows += [f"vague {i},open,2026-01-01,,about {i}00" for i in range(1, 8)]
    rows += ["odd date,open,someday,,5", "late,won,2026-02-01,2026-01-01,5"]
    source = tmp_path / "mixed.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "d.db"
    status, summary, _ = run_cli(capsys, "import", str(source), "--db", str(db), "--dry-run")
    assert status == launch.EXIT_OK
    assert (summary["imported"], summary["rejected"]) == (3, 9)
    first = summary["rejected_reasons"][0]
    assert (first["column"], first["rows"], first["first_rows"]) == ("amount", 7,
                                                                      [5, 6, 7, 8, 9])
    assert first["reason"].startswith("Not an amount")
    assert {r["column"] for r in summary["rejected_reasons"]} == {"amount", "first contact",
                                                                  "closed on"}
    dated = next(r for r in summary["rejected_reasons"] if r["column"] == "first contact")
    assert "--date-format" in dated["reason"] and dated["first_rows"] == [12]
    assert any(note.startswith("  amount: Not an amount") and "7 rows (5, 6, 7, 8, 9, …)"
               in note for note in summary["notes"])
    assert not db.exists() and not (tmp_path / "mixed-rejected.csv").exists()


def test_a_preset_saved_in_the_wizard_is_found_by_name(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    source = tmp_path / "odd.csv"
    source.write_text("Thing,Result,Day\nKiln,Signed,2026-01-05\n", encoding="utf-8")
    mapping = ColumnMapping(columns={"title": "Thing", "outcome": "Result",
                                     "first_contact": "Day", "closed_on": "Day"}
                            ).with_outcome_values({"Signed": "won"})
    save_preset(paths.import_presets_dir(), "Workshop sheet", mapping)
    db = tmp_path / "d.db"
    status, summary, err = run_cli(capsys, "import", str(source), "--db", str(db),
                                   "--preset", "workshop sheet")
    assert status == launch.EXIT_OK, err
    assert summary["mapping"]["outcome"] == "Result"
    assert _deals(db) == [("Kiln", "won", "new")]
    status, _, err = run_cli(capsys, "import", str(source), "--db", str(db),
                             "--preset", "Nope")
    assert status == launch.EXIT_USAGE
    assert "No saved preset 'Nope' (saved: 'Workshop sheet'" in err


def test_customer_type_values_can_be_mapped(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    source = tmp_path / "types.csv"
    source.write_text("title,status,first contact,closed on,type\n"
                      "A,won,2026-01-01,2026-01-05,Renewal\n"
                      "B,won,2026-01-01,2026-01-05,Upgrade\n"
                      "C,won,2026-01-01,2026-01-05,Pilot\n", encoding="utf-8")
    db = tmp_path / "d.db"
    status, summary, _ = run_cli(capsys, "import", str(source), "--db", str(db),
                                 "--dry-run")
    assert summary["rejected"] == 2  # Renewal is known; Upgrade and Pilot are not
    assert "--customer-type current=VALUE" in summary["rejected_reasons"][0]["reason"]
    status, summary, _ = run_cli(capsys, "import", str(source), "--db", str(db),
                                 "--customer-type", "current=Upgrade",
                                 "--customer-type", "new=pilot")
    assert status == launch.EXIT_OK and summary["rejected"] == 0
    assert [row[2] for row in _deals(db)] == [CustomerType.CURRENT.value,
                                              CustomerType.CURRENT.value,
                                              CustomerType.NEW.value]
    status, _, err = run_cli(capsys, "import", str(source), "--db", str(db),
                             "--customer-type", "old=Pilot")
    assert status == launch.EXIT_USAGE and "choose new, current" in err
