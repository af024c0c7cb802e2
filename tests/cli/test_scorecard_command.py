"""`salesdesk scorecard`: every salesperson (assessed or not), weakest items, prep share and
results equal to the metrics engine's; UTF-8 JSON; usage errors; read-only."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from salesdesk import cli, launch
from salesdesk.domain.deal_prep import PrepSheet
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.metrics import figures, reference_result
from salesdesk.domain.periods import Period
from salesdesk.domain.scorecards import Assessment, Score, latest_first
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.store import open_store

D = dt.date


def _deal(rep: str, outcome: Outcome, first: D, days: int) -> Deal:
    return Deal(f"{rep} {outcome}", outcome, first_contact=first,
                closed_on=first + dt.timedelta(days=days), rep=rep)


@pytest.fixture
def business(tmp_path: Path) -> tuple[Path, list[Deal], dict[str, int]]:
    path = tmp_path / "cards.db"
    store = open_store(path, base_currency="EUR")
    deals = [_deal("Ágnes", Outcome.WON, D(2026, 1, 5), 10),
             _deal("Ágnes", Outcome.LOST, D(2026, 2, 1), 20),
             _deal("Ágnes", Outcome.WON, D(2026, 3, 1), 30),
             _deal("Béla", Outcome.LOST, D(2026, 3, 1), 5)]
    ids = [store.add_deal(deal, D(2026, 6, 1))[0] for deal in deals]
    store.add_lookup(LookupKind.REP, "Csaba")  # never assessed, no deals
    cards = store.scorecards
    template = cards.template()
    items = template.active_items()
    for day, low in ((D(2026, 1, 1), 4), (D(2026, 4, 1), 2)):
        cards.add_assessment(Assessment("Ágnes", "Főnök", day, template.version, tuple(
            Score(item.id, low if n == 0 else 5, "jegyzet" if n == 0 else "")
            for n, item in enumerate(items))))
    sheet = PrepSheet()
    for cell in range(30):
        sheet = sheet.with_cell(cell // 4, cell % 4, concede="c", ask="a")
    cards.save_deal_prep(ids[0], sheet)
    store.close()
    return path, deals, {"first_item": items[0].id}


def test_json_lists_every_salesperson_with_results(business: tuple[Path, list[Deal], dict],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path, deals, ids = business
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    status = cli.main(["scorecard", "--db", str(path), "--from", "2026-01-01", "--to",
                       "2026-12-31", "--format", "json"])
    out = capsys.readouterr().out
    assert status == 0
    assert "Ágnes" in out and "\\u" not in out  # UTF-8, not ASCII-escaped
    document = json.loads(out)
    by_rep = {entry["rep"]: entry for entry in document["salespeople"]}
    assert set(by_rep) == {"Ágnes", "Béla", "Csaba"}
    assert by_rep["Csaba"]["latest_assessment"] is None
    assert by_rep["Béla"]["latest_assessment"] is None
    agnes = by_rep["Ágnes"]
    latest = agnes["latest_assessment"]
    assert latest["date"] == "2026-04-01" and latest["assessor"] == "Főnök"
    assert latest["items"][0]["score"] == 2 and latest["items"][0]["note"] == "jegyzet"
    weakest = {w["item_id"]: w for w in agnes["weakest"]}
    assert weakest[ids["first_item"]]["fell"] and weakest[ids["first_item"]]["change"] == -2
    assert agnes["prep"] == {"decided": 3, "prepared": 1, "share": 1 / 3,
                             "conversion_prepared": 1.0, "n_prepared": 1,
                             "conversion_unprepared": 0.5, "n_unprepared": 2}
    period = Period.between(D(2026, 1, 1), D(2026, 12, 31))
    reference = reference_result(deals, Query(Slice({Dimension.REP: frozenset({"Ágnes"})},
                                                    period)))
    expected = figures(reference.overall)
    assert agnes["figures"]["conversion"] == expected.conversion
    assert agnes["figures"]["decided"] == expected.decided == 3
    assert agnes["figures"]["avg_deal_length_days"] == expected.avg_deal_length_days == 20
    assert document["team"]["figures"]["decided"] == 4
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # read-only


def test_table_csv_rep_filter_and_usage_errors(business: tuple[Path, list[Deal], dict],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = business
    assert cli.main(["scorecard", "--db", str(path), "--rep", "ágnes"]) == 0
    out = capsys.readouterr().out
    assert "Ágnes: assessed 2026-04-01" in out and "Béla" not in out
    assert cli.main(["scorecard", "--db", str(path), "--format", "csv", "--from",
                     "2026-01-01"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0][:3] == ["rep", "assessed_on", "assessor"] and len(table) == 1 + 3 + 1
    # The latest assessment's score of every item, one column each.
    agnes = dict(zip(table[0], next(r for r in table if r[0] == "Ágnes"), strict=True))
    store = open_store(path, read_only=True)
    try:
        cards = store.scorecards
        latest = latest_first([a for a in cards.assessments() if a.rep == "Ágnes"])[0]
        template = cards.template(latest.template_version)
    finally:
        store.close()
    for score in latest.scores:
        item = template.item(score.item_id)
        assert item is not None
        assert agnes[f"{template.section_title(item.section)}: {item.text}"] == str(score.score)
    assert cli.main(["scorecard", "--db", str(path), "--rep", "Nobody"]) == 2
    assert "no such salesperson" in capsys.readouterr().err
    assert cli.main(["scorecard", "--db", str(path), "--from", "1.1.2026"]) == 2


def test_the_period_defaults_to_the_twelve_months_up_to_to(
        business: tuple[Path, list[Deal], dict], capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = business
    assert cli.main(["scorecard", "--db", str(path), "--to", "2026-02-15",
                     "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["period"] == {"from": "2025-02-16", "to": "2026-02-15"}
    assert document["team"]["figures"]["decided"] == 1  # Ágnes's January win only
    assert cli.main(["scorecard", "--db", str(path), "--from", "2026-03-01", "--to",
                     "2026-01-01"]) == 2
    assert "before --from" in capsys.readouterr().err


def test_a_file_an_older_salesdesk_wrote_is_sent_to_the_app_to_upgrade(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        pretend_newer: Callable[[], None]) -> None:
    path = tmp_path / "old.db"
    open_store(path).close()
    pretend_newer()
    assert cli.main(["scorecard", "--db", str(path)]) == launch.EXIT_FILE
    assert "older salesdesk" in capsys.readouterr().err
