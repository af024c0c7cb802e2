"""``salesdesk growth``: the JSON document, the table, exit statuses, read-only, the demo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from salesdesk import cli
from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.growth import GrowthOptions, Reference, reference_growth
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.periods import Period
from salesdesk.domain.settings import BusinessSettings
from salesdesk.launch import EXIT_FILE, EXIT_OK, EXIT_USAGE
from salesdesk.locking import lock_path
from salesdesk.reports.growth_report import render_json, report_dict
from salesdesk.store import open_store

TODAY = dt.date.today()
LEVER_KEYS = ["dimension", "value", "metric", "slice_figure", "reference_figure", "reference",
              "reference_value", "n", "reference_n", "interval", "per_month", "won_per_month",
              "monthly_value", "unit", "trend", "factor", "explanation"]
DRAGGING_KEYS = ["deal_id", "title", "salesperson", "product", "first_contact", "age_days",
                 "limit_days", "average_days", "factor", "basis", "basis_n", "won_at_age",
                 "n_at_age", "win_share", "explanation"]


def _deals() -> list[Deal]:
    """Four salespeople with 120 decided deals each over the last 300 days: Zoë Ångström wins
    1 in 5, the others 1 in 2; a product with three lost deals; one very old open deal."""
    deals = []
    for rep, wins_in_ten in (("Anna", 5), ("Ben", 5), ("Clara", 5), ("Zoë Ångström", 2)):
        for i in range(120):
            first = TODAY - dt.timedelta(days=300 - 2 * i)
            won = i % 10 < wins_in_ten
            deals.append(Deal(f"{rep} {i}", Outcome.WON if won else Outcome.LOST, rep=rep,
                              product="Pro", first_contact=first,
                              closed_on=first + dt.timedelta(days=10 + i % 7),
                              amount=100_000 if won else None))
    deals += [Deal(f"tiny {i}", Outcome.LOST, product="Tiny",
                   first_contact=TODAY - dt.timedelta(days=40),
                   closed_on=TODAY - dt.timedelta(days=30)) for i in range(3)]
    deals.append(Deal("Old Ångström deal", Outcome.OPEN, rep="Zoë Ångström", product="Pro",
                      first_contact=TODAY - dt.timedelta(days=400)))
    return deals


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.salesdesk"
    store = open_store(path, base_currency="EUR")
    try:
        store.add_deals(_deals(), TODAY)
        store.save_settings(BusinessSettings(base_currency="EUR", too_few_threshold=20))
    finally:
        store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["growth", *args])
    out, err = capsys.readouterr()
    return status, out, err


def stored_deals(path: Path) -> list[Deal]:
    store = open_store(path, read_only=True)
    try:
        count = int(store.db.execute("SELECT MAX(id) FROM deals").fetchone()[0])
        return [store.deal(i) for i in range(1, count + 1)]
    finally:
        store.close()


def test_json_is_the_reference_ranking(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--db", str(shop), "--format", "json")
    assert status == EXIT_OK
    assert "Zoë Ångström" in out  # UTF-8, not ASCII-escaped
    document: dict[str, Any] = json.loads(out)
    deals = stored_deals(shop)
    options = GrowthOptions(threshold=20)
    expected = reference_growth(deals, TODAY, options, MoneyRules("EUR", {}, currency_digits()))
    titles = {deal.id: deal.title for deal in deals if deal.id is not None}
    assert document == json.loads(render_json(report_dict(expected, options, "EUR", titles)))
    assert list(document) == ["period", "reference", "months", "threshold", "drag_factor",
                              "currency", "levers", "time_levers", "watch", "dragging"]
    [lever] = document["levers"]
    assert list(lever) == LEVER_KEYS
    assert (lever["dimension"], lever["value"], lever["metric"], lever["n"]) == (
        "rep", "Zoë Ångström", "conversion", 120)
    assert (lever["slice_figure"], lever["reference_figure"]) == (0.2, 0.5)
    # (0.5 - 0.2) x 120 decided deals over the 10 or 11 months the closes span x 1,000 EUR.
    assert lever["monthly_value"] == pytest.approx(
        0.3 * 120 / document["months"] * 1000)
    assert lever["explanation"].startswith("Salesperson 'Zoë Ångström': 20 % of decided")
    assert [(w["dimension"], w["value"], w["reason"]) for w in document["watch"]] == [
        ("product", "Tiny", "too_few")]
    [old] = document["dragging"]
    assert list(old) == DRAGGING_KEYS
    assert (old["title"], old["salesperson"], old["age_days"], old["basis"]) == (
        "Old Ångström deal", "Zoë Ångström", 400, "rep_product")


def test_the_reference_and_period_options(shop: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    start = TODAY - dt.timedelta(days=120)
    status, out, _ = run(capsys, "--db", str(shop), "--format", "json", "--reference",
                         "average", "--from", start.isoformat(), "--drag-factor", "100")
    assert status == EXIT_OK
    document = json.loads(out)
    deals = stored_deals(shop)
    options = GrowthOptions(period=Period.between(start, None), reference=Reference.AVERAGE,
                            drag_factor=100.0)
    expected = reference_growth(deals, TODAY, options, MoneyRules("EUR", {}, currency_digits()))
    assert document == json.loads(render_json(report_dict(expected, options, "EUR", {})))
    assert document["period"] == {"from": start.isoformat(), "to": None}
    assert document["reference"] == "average"
    assert document["dragging"] == []  # nothing is 100 x older than 13 days


def test_the_table_names_the_levers_and_the_dragging_deals(
        shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--db", str(shop))
    assert status == EXIT_OK
    assert "Conversion levers" in out and "Deal-length levers" in out
    assert "1  Salesperson  Zoë Ångström" in out
    assert "1. Salesperson 'Zoë Ångström'" in out and "Scorecards tab" in out
    assert "Watch, not enough data" in out and "Tiny" in out and "too few deals" in out
    assert "Zoë Ångström: 1 deal dragging on" in out and "Old Ångström deal" in out


@pytest.mark.parametrize("args", [
    ["--from", "2026-02-30"],
    ["--from", "2026-03-01", "--to", "2026-02-01"],
])
def test_bad_dates_exit_2(shop: Path, capsys: pytest.CaptureFixture[str],
                          args: list[str]) -> None:
    status, out, err = run(capsys, "--db", str(shop), *args)
    assert (status, out) == (EXIT_USAGE, "")
    assert "--from" in err


@pytest.mark.parametrize("args", [
    ["--reference", "mean"],
    ["--drag-factor", "0"],
    ["--drag-factor", "nan"],
    ["--format", "csv"],
])
def test_bad_options_exit_2(shop: Path, capsys: pytest.CaptureFixture[str],
                            args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:  # argparse's own usage error
        cli.main(["growth", "--db", str(shop), *args])
    assert caught.value.code == EXIT_USAGE
    assert capsys.readouterr().out == ""


def test_file_problems_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", str(tmp_path / "missing.salesdesk"))[0] == EXIT_FILE
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database")
    status, out, err = run(capsys, "--db", str(foreign))
    assert (status, out) == (EXIT_FILE, "")
    assert err.startswith("salesdesk growth:")


def test_it_only_reads_the_file(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = shop.read_bytes()
    assert run(capsys, "--db", str(shop), "--format", "json")[0] == EXIT_OK
    assert shop.read_bytes() == before
    assert not lock_path(shop).exists()


def test_the_demo_business_shows_a_sensible_ranking(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The demo's generator makes Bence Tóth the weakest salesperson and Emma Fischer the
    slowest; heat pumps and cold calls are its weak product and channel."""
    path = tmp_path / "demo.salesdesk"
    assert cli.main(["demo", "--out", str(path)]) == EXIT_OK
    capsys.readouterr()
    status, out, _ = run(capsys, "--db", str(path), "--format", "json")
    assert status == EXIT_OK
    document = json.loads(out)
    levers = [(lv["dimension"], lv["value"]) for lv in document["levers"]]
    assert next(v for d, v in levers if d == "rep") == "Bence Tóth"
    assert {("product", "Heat pump installation"), ("channel", "Cold call")} <= set(levers)
    values = [lv["monthly_value"] for lv in document["levers"]]
    assert values == sorted(values, reverse=True) and all(v > 0 for v in values)
    slow = [lv["value"] for lv in document["time_levers"] if lv["dimension"] == "rep"]
    assert slow[:2] in (["Bence Tóth", "Emma Fischer"], ["Emma Fischer", "Bence Tóth"])
    assert all(lv["interval"][1] < lv["reference_figure"] for lv in document["levers"])
    assert all(lv["interval"][0] > 0 for lv in document["time_levers"])
    assert document["dragging"] and all(d["age_days"] > d["limit_days"]
                                        for d in document["dragging"])
