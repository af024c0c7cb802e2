"""`salesdesk import FILE --kind nps` and `salesdesk nps` (issue 17): the JSON summary with the
bad rows' reasons, the exact JSON shape of the NPS report, grouping, usage errors, and a file
with headers of its own read through --map."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from salesdesk import cli
from salesdesk.domain.nps import Segment
from salesdesk.store import open_store

from .json_cli import run_cli

SURVEY = (
    "Date,Score,Segment,Product,Client,Comment\n"
    "2026-01-05,10,B2C,Boiler,Ács Kft,Gyors és tiszta\n"
    "2026-01-20,9,B2C,Boiler,,\n"
    "2026-02-03,7,B2B,Heat pump,Beta,\n"
    "2026-02-10,3,B2B,Heat pump,Beta,Too loud\n"
    "2026-02-11,11,B2B,Heat pump,Beta,score too high\n"
    ",8,B2C,Boiler,,no date\n"
)


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    survey = tmp_path / "survey.csv"
    survey.write_text(SURVEY, encoding="utf-8")
    db = tmp_path / "shop.db"
    status, summary, _ = run_cli(capsys, "import", str(survey), "--kind", "nps", "--db", str(db))
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
    status, out, _ = run_cli(capsys, "nps", "--db", str(imported), "--by", "product", "--format",
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
    _, by_client, _ = run_cli(capsys, "nps", "--db", str(imported), "--by", "client", "--format",
                          "json")
    assert [g["value"] for g in by_client["groups"]] == ["Beta", "Ács Kft", None]
    _, by_segment, _ = run_cli(capsys, "nps", "--db", str(imported), "--by", "segment",
                           "--format", "json")
    assert [(g["value"], g["nps"]) for g in by_segment["groups"]] == [("B2B", -50.0),
                                                                      ("B2C", 100.0)]
    status, raw, _ = run_cli(capsys, "nps", "--db", str(imported), "--by", "month")
    assert status == 0 and isinstance(raw, str)
    assert "2026-01" in raw and "Ács" not in raw and "+100" in raw
    assert "% promoters (9–10) − % detractors (0–6)" in raw
    _, february, _ = run_cli(capsys, "nps", "--db", str(imported), "--from", "2026-02-01",
                         "--format", "json")
    assert february["overall"]["n"] == 2 and february["groups"] == []


def test_no_responses_give_a_null_nps(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    db = tmp_path / "empty.db"
    survey = tmp_path / "s.csv"
    survey.write_text("date,score,segment\n", encoding="utf-8")
    assert run_cli(capsys, "import", str(survey), "--kind", "nps", "--db", str(db))[0] == 0
    status, out, _ = run_cli(capsys, "nps", "--db", str(db), "--format", "json")
    assert status == 0
    assert out == {"overall": {"nps": None, "promoters": 0, "passives": 0, "detractors": 0,
                               "n": 0}, "groups": []}


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    survey = tmp_path / "s.csv"
    survey.write_text("when,score\n2026-01-01,9\n", encoding="utf-8")
    db = tmp_path / "x.db"
    status, _, err = run_cli(capsys, "import", str(survey), "--kind", "nps", "--db", str(db))
    assert status == 2 and "no column for date, segment" in err and not db.exists()
    status, _, err = run_cli(capsys, "import", str(survey), "--kind", "nps", "--db", str(db),
                         "--outcome", "won=yes")
    assert status == 2 and "deal imports only" in err
    status, _, err = run_cli(capsys, "import", str(survey), "--kind", "nps", "--db", str(db),
                         "--map", "mood=when")
    assert status == 2 and "unknown field 'mood'" in err
    status, _, err = run_cli(capsys, "nps", "--db", str(db), "--from", "yesterday")
    assert status == 2
    with pytest.raises(SystemExit):
        cli.main(["nps", "--by", "colour"])


UMFRAGE = (
    "Wann;Note;Kundensegment;Leistung;Firma;Anmerkung\n"
    "20.01.2026;10;B2C;Wärmepumpe;Ács Kft;Sehr sauber gearbeitet\n"
    "03.02.2026;6;B2B;Kesselwartung;Beta GmbH;Zu spät gekommen\n"
    "14.02.2026;8;B2B;Kesselwartung;Beta GmbH;\n"
    "15.02.2026;12;B2B;Kesselwartung;Beta GmbH;Note zu hoch\n"
)
MAPS = ("--map", "date=Wann", "--map", "score=Note", "--map", "segment=Kundensegment",
        "--map", "product=Leistung", "--map", "client=Firma", "--map", "comment=Anmerkung")


def test_map_reads_a_file_with_headers_of_its_own(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    survey = tmp_path / "umfrage.csv"
    survey.write_text(UMFRAGE, encoding="utf-8")
    db = tmp_path / "shop.db"
    status, summary, err = run_cli(capsys, "import", str(survey), "--kind", "nps", "--db", str(db),
                               *MAPS)
    assert status == 0, err
    assert (summary["imported"], summary["rejected"]) == (3, 1)
    assert summary["mapping"] == {"date": "Wann", "score": "Note", "segment": "Kundensegment",
                                  "product": "Leistung", "client": "Firma",
                                  "comment": "Anmerkung"}
    rejected = (tmp_path / "umfrage-rejected.csv").read_text(encoding="utf-8-sig")
    assert "Note: 12 is outside 0–10." in rejected
    store = open_store(db)
    try:
        stored = [(r.answered_on.isoformat(), r.score, r.segment, r.product, r.client,
                   r.comment) for r in store.customers.responses()]
    finally:
        store.close()
    assert stored == [
        ("2026-01-20", 10, Segment.B2C, "Wärmepumpe", "Ács Kft", "Sehr sauber gearbeitet"),
        ("2026-02-03", 6, Segment.B2B, "Kesselwartung", "Beta GmbH", "Zu spät gekommen"),
        ("2026-02-14", 8, Segment.B2B, "Kesselwartung", "Beta GmbH", ""),
    ]
    status, out, _ = run_cli(capsys, "nps", "--db", str(db), "--by", "client", "--format", "json")
    assert status == 0
    assert out == {
        "overall": {"nps": 0.0, "promoters": 1, "passives": 1, "detractors": 1, "n": 3},
        "groups": [
            {"value": "Beta GmbH", "nps": -50.0, "promoters": 0, "passives": 1,
             "detractors": 1, "n": 2},
            {"value": "Ács Kft", "nps": 100.0, "promoters": 1, "passives": 0,
             "detractors": 0, "n": 1},
        ]}


def test_a_mapped_column_no_longer_feeds_the_field_it_was_detected_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "Note" is a German school grade here, not a note: it is the score, and the survey has no
    # comment column.
    survey = tmp_path / "noten.csv"
    survey.write_text("Wann;Note;Kundensegment\n20.01.2026;9;B2C\n21.01.2026;4;B2B\n",
                      encoding="utf-8")
    db = tmp_path / "shop.db"
    status, summary, err = run_cli(capsys, "import", str(survey), "--kind", "nps", "--db", str(db),
                               "--map", "date=Wann", "--map", "score=Note", "--map",
                               "segment=Kundensegment")
    assert status == 0, err
    assert summary["imported"] == 2 and "comment" not in summary["mapping"]
    _, out, _ = run_cli(capsys, "nps", "--db", str(db), "--by", "segment", "--format", "json")
    assert [(g["value"], g["nps"], g["n"]) for g in out["groups"]] == [("B2B", -100.0, 1),
                                                                       ("B2C", 100.0, 1)]
    store = open_store(db)
    try:
        assert [(r.score, r.comment) for r in store.customers.responses()] == [(9, ""), (4, "")]
    finally:
        store.close()
