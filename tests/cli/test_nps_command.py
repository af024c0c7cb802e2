"""`salesdesk import FILE --kind nps` and `salesdesk nps` (issue 17): the JSON summary with the
bad rows' reasons, the exact JSON shape of the NPS report, grouping, and usage errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from salesdesk import cli

SURVEY = (
    "Date,Score,Segment,Product,Client,Comment\n"
    "2026-01-05,10,B2C,Boiler,Ács Kft,Gyors és tiszta\n"
    "2026-01-20,9,B2C,Boiler,,\n"
    "2026-02-03,7,B2B,Heat pump,Beta,\n"
    "2026-02-10,3,B2B,Heat pump,Beta,Too loud\n"
    "2026-02-11,11,B2B,Heat pump,Beta,score too high\n"
    ",8,B2C,Boiler,,no date\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    try:
        output: Any = json.loads(captured.out)
    except json.JSONDecodeError:
        output = captured.out
    return status, output, captured.err


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    survey = tmp_path / "survey.csv"
    survey.write_text(SURVEY, encoding="utf-8")
    db = tmp_path / "shop.db"
    status, summary, _ = run(capsys, "import", str(survey), "--kind", "nps", "--db", str(db))
    assert status == 0
    assert summary["imported"] == 4 and summary["rejected"] == 2
    assert summary["rejected_file"] == str(tmp_path / "survey-rejected.csv")
    return db


def test_import_keeps_the_good_rows_and_explains_the_bad_ones(imported: Path,
                                                              tmp_path: Path) -> None:
    rejected = (tmp_path / "survey-rejected.csv").read_text(encoding="utf-8-sig")
    assert "row 6: Score: 11 is outside 0–10." in rejected
    assert "row 7: Date: A response needs the date it was answered." in rejected


def test_nps_json_has_the_exact_shape(imported: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    before = hashlib.sha256(imported.read_bytes()).hexdigest()
    status, out, _ = run(capsys, "nps", "--db", str(imported), "--by", "product", "--format",
                         "json")
    assert status == 0
    assert out == {
        "overall": {"nps": 25.0, "promoters": 2, "passives": 1, "detractors": 1, "n": 4},
        "groups": [
            {"value": "Boiler", "nps": 100.0, "promoters": 2, "passives": 0, "detractors": 0,
             "n": 2},
            {"value": "Heat pump", "nps": -50.0, "promoters": 0, "passives": 1,
             "detractors": 1, "n": 2},
        ]}
    assert hashlib.sha256(imported.read_bytes()).hexdigest() == before  # read-only


def test_nps_by_client_segment_and_month(imported: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    _, by_client, _ = run(capsys, "nps", "--db", str(imported), "--by", "client", "--format",
                          "json")
    assert [g["value"] for g in by_client["groups"]] == ["Beta", "Ács Kft", None]
    _, by_segment, _ = run(capsys, "nps", "--db", str(imported), "--by", "segment",
                           "--format", "json")
    assert [(g["value"], g["nps"]) for g in by_segment["groups"]] == [("B2B", -50.0),
                                                                      ("B2C", 100.0)]
    status, raw, _ = run(capsys, "nps", "--db", str(imported), "--by", "month")
    assert status == 0 and isinstance(raw, str)
    assert "2026-01" in raw and "Ács" not in raw and "+100" in raw
    assert "% promoters (9–10) − % detractors (0–6)" in raw
    _, february, _ = run(capsys, "nps", "--db", str(imported), "--from", "2026-02-01",
                         "--format", "json")
    assert february["overall"]["n"] == 2 and february["groups"] == []


def test_no_responses_give_a_null_nps(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    db = tmp_path / "empty.db"
    survey = tmp_path / "s.csv"
    survey.write_text("date,score,segment\n", encoding="utf-8")
    assert run(capsys, "import", str(survey), "--kind", "nps", "--db", str(db))[0] == 0
    status, out, _ = run(capsys, "nps", "--db", str(db), "--format", "json")
    assert status == 0
    assert out == {"overall": {"nps": None, "promoters": 0, "passives": 0, "detractors": 0,
                               "n": 0}, "groups": []}


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    survey = tmp_path / "s.csv"
    survey.write_text("when,score\n2026-01-01,9\n", encoding="utf-8")
    db = tmp_path / "x.db"
    status, _, err = run(capsys, "import", str(survey), "--kind", "nps", "--db", str(db))
    assert status == 2 and "no column for date, segment" in err and not db.exists()
    status, _, err = run(capsys, "import", str(survey), "--kind", "nps", "--db", str(db),
                         "--outcome", "won=yes")
    assert status == 2 and "deal imports only" in err
    status, _, err = run(capsys, "import", str(survey), "--kind", "nps", "--db", str(db),
                         "--map", "mood=when")
    assert status == 2 and "unknown field 'mood'" in err
    status, _, err = run(capsys, "nps", "--db", str(db), "--from", "yesterday")
    assert status == 2
    with pytest.raises(SystemExit):
        cli.main(["nps", "--by", "colour"])
