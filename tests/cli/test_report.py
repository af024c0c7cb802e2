"""`salesdesk report`: the JSON schema, ordering, UTF-8, escaping, exit statuses, read-only."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from salesdesk import cli, locking, paths
from salesdesk.cli.common import writable_store
from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.domain.metrics import MoneyRules, figures, reference_result
from salesdesk.domain.periods import Period
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.locking import lock_path
from salesdesk.store import open_store

D = dt.date
TODAY = D(2026, 6, 1)
FIGURE_KEYS = ["deals", "open", "won", "lost", "decided", "conversion", "conversion_low",
               "conversion_high", "too_few", "avg_deal_length_days", "median_deal_length_days",
               "avg_deal_length_won_days", "avg_deal_length_lost_days", "won_amount",
               "amount_unknown", "amount_left_out", "length_unknown"]
COMMA_CLIENT = "Smith, Jones & Co"


def _won(rep: str | None, first: dt.date, days: int, **kw: Any) -> Deal:
    return Deal("w", Outcome.WON, first_contact=first, closed_on=first + dt.timedelta(days=days),
                rep=rep, **kw)


def _lost(rep: str | None, first: dt.date, days: int, **kw: Any) -> Deal:
    return Deal("l", Outcome.LOST, first_contact=first, closed_on=first + dt.timedelta(days=days),
                rep=rep, **kw)


DEALS = [
    _won("Zoë Ångström", D(2026, 1, 5), 20, amount=10_000, client=COMMA_CLIENT),
    _won("Zoë Ångström", D(2026, 1, 6), 30, amount=None),
    _lost("Zoë Ångström", D(2026, 2, 1), 40, lost_reason="Price"),
    _won("Anna", D(2026, 1, 10), 0, amount=5_000, currency="USD"),  # rate 0.5
    _won("Anna", D(2026, 3, 1), 7, amount=300, currency="JPY"),  # no rate: left out
    _lost("Ben", D(2025, 12, 1), 45, client="=cmd|' /C calc'!A0"),
    Deal("o", Outcome.OPEN, rep="Anna", first_contact=D(2026, 2, 20)),
    Deal("o", Outcome.OPEN, first_contact=None),  # no salesperson, no first contact
]


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.salesdesk"
    store = open_store(path, base_currency="EUR")
    try:
        store.add_deals(DEALS, TODAY)
        store.save_settings(BusinessSettings(base_currency="EUR", exchange_rates={"USD": 0.5},
                                             too_few_threshold=3))
    finally:
        store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["report", *args])
    out, err = capsys.readouterr()
    return status, out, err


def report_json(capsys: pytest.CaptureFixture[str], shop: Path, *args: str) -> dict[str, Any]:
    status, out, err = run(capsys, "--db", str(shop), "--format", "json", *args)
    assert status == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


def test_json_schema_is_exact(capsys: pytest.CaptureFixture[str], shop: Path) -> None:
    doc = report_json(capsys, shop, "--by", "rep", "--where", "rep=Anna,zoë ångström",
                      "--from", "2026-01-01")
    assert list(doc) == ["filters", "by", "overall", "groups"]
    assert doc["filters"] == {"rep": ["Anna", "Zoë Ångström"], "from": "2026-01-01",
                              "to": None, "cohort": False}
    assert doc["by"] == ["rep"]
    assert list(doc["overall"]) == FIGURE_KEYS
    assert doc["groups"]  # the loops below check something
    for group in doc["groups"]:
        assert list(group) == ["value", *FIGURE_KEYS]
    for figures_ in [doc["overall"], *doc["groups"]]:
        for key in ("deals", "open", "won", "lost", "decided", "amount_unknown",
                    "amount_left_out", "length_unknown"):
            assert type(figures_[key]) is int
        assert type(figures_["too_few"]) is bool
        for key in ("conversion", "conversion_low", "conversion_high", "avg_deal_length_days",
                    "median_deal_length_days", "avg_deal_length_won_days",
                    "avg_deal_length_lost_days", "won_amount"):
            assert figures_[key] is None or type(figures_[key]) is float


def test_figures_equal_the_reference(capsys: pytest.CaptureFixture[str], shop: Path) -> None:
    doc = report_json(capsys, shop, "--by", "rep", "--from", "2026-01-01", "--to", "2026-03-31")
    store = open_store(shop, read_only=True)
    try:
        deals = [store.deal(i) for i in range(1, len(DEALS) + 1)]
        stages = tuple(store.names(LookupKind.STAGE))
    finally:
        store.close()
    query = Query(Slice(period=Period.between(D(2026, 1, 1), D(2026, 3, 31))), (Dimension.REP,))
    expected = reference_result(deals, query, stages)
    rules = MoneyRules("EUR", {"USD": 0.5}, currency_digits())
    want = {f: getattr(figures(expected.overall, threshold=3, money=rules), f)
            for f in FIGURE_KEYS}
    assert doc["overall"] == want
    assert [g["value"] for g in doc["groups"]] == [key[0] for key, _ in expected.groups]


def test_worked_numbers(capsys: pytest.CaptureFixture[str], shop: Path) -> None:
    doc = report_json(capsys, shop, "--where", "rep=Zoë Ångström")
    overall = doc["overall"]
    assert (overall["won"], overall["lost"], overall["open"], overall["decided"]) == (2, 1, 0, 3)
    assert overall["avg_deal_length_days"] == 30.0  # 20, 30, 40 -> 30
    assert overall["median_deal_length_days"] == 30.0
    assert overall["conversion"] == 2 / 3
    assert overall["too_few"] is False  # the file's threshold is 3
    assert overall["won_amount"] == 100.0  # 10,000 cents; the other won deal has no amount
    assert (overall["amount_unknown"], overall["amount_left_out"]) == (1, 0)
    anna = report_json(capsys, shop, "--where", "rep=anna")["overall"]
    assert anna["won_amount"] == 25.0  # 50.00 USD at 0.5
    assert (anna["amount_unknown"], anna["amount_left_out"]) == (0, 1)  # JPY has no rate
    assert anna["open"] == 1 and anna["too_few"] is True


def test_decided_deals_of_unknown_length_in_every_format(
        capsys: pytest.CaptureFixture[str], shop: Path) -> None:
    """DESIGN.md §4: imported won/lost deals without a date count in conversion only, and
    every format says how many (length_unknown beside amount_unknown)."""
    store = open_store(shop)
    try:
        store.add_deals([Deal("n", Outcome.WON, rep="Ben", first_contact=D(2026, 1, 1)),
                         Deal("m", Outcome.LOST, rep="Ben", closed_on=D(2026, 1, 9))], TODAY)
    finally:
        store.close()
    ben = report_json(capsys, shop, "--where", "rep=Ben")["overall"]
    assert (ben["won"], ben["lost"], ben["decided"], ben["length_unknown"]) == (1, 2, 3, 2)
    assert ben["conversion"] == 1 / 3
    assert ben["avg_deal_length_days"] == 45.0  # the one deal of known length
    january = report_json(capsys, shop, "--where", "rep=Ben", "--from", "2026-01-01",
                          "--to", "2026-01-31")["overall"]
    assert (january["won"], january["lost"], january["length_unknown"]) == (0, 2, 1)
    status, out, _ = run(capsys, "--db", str(shop), "--where", "rep=Ben", "--format", "csv")
    assert status == 0
    [row] = [r for r in csv.DictReader(io.StringIO(out)) if r["row"] == "overall"]
    assert row["length_unknown"] == "2"
    status, out, _ = run(capsys, "--db", str(shop), "--where", "rep=Ben")
    assert status == 0
    assert "45.0 ‡" in out
    assert "‡ deal length over 1 of 3 decided deals" in out


def test_groups_order_null_group_and_two_dimensions(capsys: pytest.CaptureFixture[str],
                                                    shop: Path) -> None:
    doc = report_json(capsys, shop, "--by", "rep")
    assert [(g["value"], g["decided"]) for g in doc["groups"]] == [
        ("Zoë Ångström", 3), ("Anna", 2), ("Ben", 1), (None, 0)]
    doc = report_json(capsys, shop, "--by", "lost_reason")
    assert [g["value"] for g in doc["groups"]] == [None, "Price"]
    doc = report_json(capsys, shop, "--by", "rep,lost_reason", "--where", "rep=Zoë Ångström")
    assert doc["by"] == ["rep", "lost_reason"]
    assert [g["value"] for g in doc["groups"]] == [["Zoë Ångström", None],
                                                   ["Zoë Ångström", "Price"]]


def test_months_and_quarters_in_date_order(capsys: pytest.CaptureFixture[str], shop: Path
                                           ) -> None:
    doc = report_json(capsys, shop, "--by", "month")
    assert [g["value"] for g in doc["groups"]] == ["2025-12", "2026-01", "2026-02", "2026-03"]
    jan = doc["groups"][1]
    # Closed in January: Zoë's win of Jan 25, Anna's same-day win of Jan 10, Ben's loss of
    # Jan 15. Open on Jan 31: Zoë's deal won on Feb 5, and the lead without a first contact.
    assert (jan["won"], jan["lost"], jan["open"]) == (2, 1, 2)
    doc = report_json(capsys, shop, "--by", "quarter", "--cohort")
    assert [g["value"] for g in doc["groups"]] == ["2025-Q4", "2026-Q1", None]
    assert doc["filters"]["cohort"] is True
    doc = report_json(capsys, shop, "--where", "month=2026-02", "--by", "rep")
    assert doc["filters"]["month"] == ["2026-02"]


def test_escaped_comma_in_a_value(capsys: pytest.CaptureFixture[str], shop: Path) -> None:
    doc = report_json(capsys, shop, "--where", r"client=Smith\, Jones & Co", "--by", "client")
    assert doc["filters"]["client"] == [COMMA_CLIENT]
    assert [g["value"] for g in doc["groups"]] == [COMMA_CLIENT]
    status, _, err = run(capsys, "--db", str(shop), "--where", "client=Smith, Jones & Co")
    assert status == 2 and "unknown client 'Smith'" in err


def test_json_is_utf8_not_ascii_escaped(shop: Path) -> None:
    for encoding in ("utf-8", "ascii"):  # even when the terminal claims ASCII
        result = subprocess.run(
            [sys.executable, "-m", "salesdesk", "report", "--db", str(shop), "--by", "rep",
             "--format", "json"],
            capture_output=True, env={**os.environ, "PYTHONIOENCODING": encoding},
            timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        assert "Zoë Ångström".encode() in result.stdout
        assert b"\\u00eb" not in result.stdout
        json.loads(result.stdout.decode("utf-8"))


def table_rows(out: str) -> dict[str, dict[str, str]]:
    """The table's rows by their first cell, each a dict from column title to cell."""
    lines = out.splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line) == {"-"})
    header = re.split(r" {2,}", lines[rule - 1].strip())
    rows = {}
    for line in lines[rule + 1:]:
        cells = re.split(r" {2,}", line.strip())
        if len(cells) != len(header):  # the notes below the table
            continue
        rows[cells[0]] = dict(zip(header, cells, strict=True))
    return rows


def test_table_and_csv(capsys: pytest.CaptureFixture[str], shop: Path) -> None:
    status, out, _ = run(capsys, "--db", str(shop), "--by", "rep")
    assert status == 0
    assert "Zoë Ångström" in out and "(none)" in out and "too few to judge" in out
    table = table_rows(out)
    # Every conversion is shown with n, its decided deals (DESIGN.md §4).
    assert [(table[r]["Won"], table[r]["Lost"], table[r]["Decided"], table[r]["Conversion"])
            for r in ("All", "Zoë Ångström", "Anna", "(none)")] == [
        ("4", "2", "6", "66.7 %"), ("2", "1", "3", "66.7 %"), ("2", "0", "2", "100.0 % *"),
        ("0", "0", "0", "— *")]
    status, out, _ = run(capsys, "--db", str(shop), "--by", "client", "--format", "csv")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["row", "client", *FIGURE_KEYS]
    assert rows[1][0] == "overall"
    clients = [row[1] for row in rows[2:]]
    assert "'=cmd|' /C calc'!A0" in clients  # neutralised for spreadsheets
    assert COMMA_CLIENT in clients and "" in clients  # null group: empty cell


@pytest.mark.parametrize(("args", "message"), [
    (["--by", "salesperson"], "valid dimensions: customer_type, channel, product"),
    (["--by", "rep,rep"], "two different"),
    (["--by", "month,quarter"], "not both"),
    (["--where", "colour=red"], "valid dimensions:"),
    (["--where", "rep"], "DIM=VALUE"),
    (["--where", "rep=Nobody"], "valid values: Anna, Ben, Zoë Ångström"),
    (["--where", "lost_reason=Cheap"], "valid values: Competitor, No budget"),
    (["--where", "customer_type=old"], "valid values: new, current"),
    (["--where", "stage=Won"], "valid values: Lead, Contacted, Proposal, Negotiation"),
    (["--where", "month=2026-13"], "2026-03"),
    (["--where", "quarter=2026-Q5"], "2026-Q1"),
    (["--from", "01.02.2026"], "YYYY-MM-DD"),
    (["--from", "2026-03-01", "--to", "2026-02-01"], "after"),
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], shop: Path, args: list[str],
                             message: str) -> None:
    status, out, err = run(capsys, "--db", str(shop), *args)
    assert status == 2
    assert out == ""
    assert message in err and err.startswith("salesdesk report: ")


@pytest.mark.parametrize(("args", "span"), [
    (["--where", "month=2026-13"], "This file's deals run from 2025-12 to 2026-03."),
    (["--where", "month=March"], "This file's deals run from 2025-12 to 2026-03."),
    (["--where", "quarter=2026-Q5"], "This file's deals run from 2025-Q4 to 2026-Q1."),
])
def test_a_bad_month_or_quarter_names_the_file_s_first_and_last(
        capsys: pytest.CaptureFixture[str], shop: Path, args: list[str], span: str) -> None:
    # The first deal was first contacted on 2025-12-01, the last closed on 2026-03-13.
    status, _, err = run(capsys, "--db", str(shop), *args)
    assert status == 2
    assert span in err


def test_a_bad_month_in_a_file_without_dated_deals(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    path = tmp_path / "leads.salesdesk"
    store = open_store(path, base_currency="EUR")
    try:
        store.add_deals([Deal("o", Outcome.OPEN, first_contact=None)], TODAY)
    finally:
        store.close()
    status, _, err = run(capsys, "--db", str(path), "--where", "month=2026-13")
    assert status == 2
    assert "is not a month" in err and "This file has no dated deals." in err


@pytest.fixture
def many_clients(tmp_path: Path) -> Path:
    """A file with more clients than an error message lists in full."""
    path = tmp_path / "big shop.salesdesk"  # a space: the suggested command must quote it
    store = open_store(path, base_currency="EUR")
    try:
        store.add_deals([_won("Anna", D(2026, 1, 5), 3, client=f"Client {i:03d}")
                         for i in range(150)], TODAY)
    finally:
        store.close()
    return path


def test_an_unknown_value_among_many_lists_the_closest_and_the_first(
        capsys: pytest.CaptureFixture[str], many_clients: Path) -> None:
    status, out, err = run(capsys, "--db", str(many_clients), "--where", "client=client 1O7")
    assert status == 2 and out == ""
    closest, valid = err.split("; ", 2)[1:]
    assert closest.startswith("closest: ")
    assert "Client 107" in closest.removeprefix("closest: ").split(", ")
    assert valid.startswith("150 values are valid, the first 100: Client 000, Client 001,")
    assert "Client 099 … and 50 more." in err
    assert "Client 100," not in err
    command = (f"salesdesk report --db {shlex.quote(str(many_clients))} --by client"
               " --format csv")
    assert err.rstrip().endswith(command)
    # The suggested command does list every client.
    words = shlex.split(command)
    assert words[:2] == ["salesdesk", "report"]
    status, out, err = run(capsys, *words[2:])
    assert status == 0, err
    listed = [row[1] for row in csv.reader(io.StringIO(out))][2:]
    assert sorted(listed) == [f"Client {i:03d}" for i in range(150)]


def test_the_suggested_command_repeats_no_db_when_none_was_given(
        capsys: pytest.CaptureFixture[str], many_clients: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "default_database", lambda: many_clients)
    status, _, err = run(capsys, "--where", "client=Nobody")
    assert status == 2
    assert "150 values are valid" in err and "closest" not in err
    assert err.rstrip().endswith("salesdesk report --by client --format csv")


def test_db_before_the_command(capsys: pytest.CaptureFixture[str], shop: Path) -> None:
    status = cli.main(["--db", str(shop), "report", "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert json.loads(out)["overall"]["deals"] == len(DEALS)


def test_bad_format_is_a_usage_error(shop: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["report", "--db", str(shop), "--format", "xml"])
    assert exit_info.value.code == 2


def test_files_that_cannot_be_read_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path
                                          ) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 20)
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    for path in (tmp_path / "missing.salesdesk", text, foreign, tmp_path):
        before = path.read_bytes() if path.is_file() else None
        status, out, err = run(capsys, "--db", str(path))
        assert status == 1, (path, err)
        assert out == "" and err.startswith("salesdesk report: ")
        if before is not None:
            assert path.read_bytes() == before
    assert not (tmp_path / "missing.salesdesk").exists()  # a report never creates a file


def test_a_folder_is_named_by_its_path(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "deals"
    folder.mkdir()
    status, out, err = run(capsys, "--db", str(folder))
    assert status == 1 and out == ""
    assert str(folder) in err
    monkeypatch.chdir(folder)  # "." has an empty name: the message names the whole path
    status, out, err = run(capsys, "--db", ".")
    assert status == 1 and out == ""
    assert str(folder.resolve()) in err


def test_report_never_writes_or_locks(capsys: pytest.CaptureFixture[str], shop: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The file's bytes stay the same and the writer's lock is never taken.

    The lock file is deleted when a lock is released, so its absence afterwards proves
    nothing: the lock is spied on instead. (That a report runs while another process holds
    the lock is test_report_works_while_another_process_writes.)
    """
    locked: list[Path] = []
    construct = locking.WriterLock.__init__

    def spy(self: locking.WriterLock, database: Path) -> None:
        locked.append(database)
        construct(self, database)

    monkeypatch.setattr(locking.WriterLock, "__init__", spy)
    before = {p.name for p in shop.parent.iterdir()}
    digest = hashlib.sha256(shop.read_bytes()).hexdigest()
    for form in ("table", "json", "csv"):
        status, _, err = run(capsys, "--db", str(shop), "--by", "month", "--format", form)
        assert status == 0, err
    assert hashlib.sha256(shop.read_bytes()).hexdigest() == digest
    assert locked == []
    # Nothing new beside the file but SQLite's own: even a read-only connection to a WAL
    # database creates the -shm index and an empty -wal when they are missing (the fixture's
    # store removed them when it closed) and leaves them, as the last reader does not own them.
    after = {p.name for p in shop.parent.iterdir()}
    assert after - before <= {f"{shop.name}-wal", f"{shop.name}-shm"}
    wal = shop.with_name(f"{shop.name}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with writable_store(shop):  # the spy does see a command that writes
        pass
    assert locked == [shop]


def test_report_works_while_another_process_writes(capsys: pytest.CaptureFixture[str],
                                                   shop: Path) -> None:
    """Another process holds the writer's lock and an open write transaction: the report
    reads the committed data and exits 0."""
    holder = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from salesdesk.locking import WriterLock
        from salesdesk.store import open_store
        path = Path({str(shop)!r})
        lock = WriterLock(path)
        lock.acquire()
        store = open_store(path)
        store.db.conn.execute("BEGIN IMMEDIATE")
        store.db.conn.execute("UPDATE deals SET outcome = 'lost' WHERE outcome = 'won'")
        print("holding", flush=True)
        sys.stdin.readline()
        store.db.conn.rollback()
        store.close()
        lock.release()
    """)
    with subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}) as process:
        assert process.stdin is not None and process.stdout is not None
        try:
            assert process.stdout.readline().strip() == "holding"
            assert lock_path(shop).exists()
            doc = report_json(capsys, shop)
            assert doc["overall"]["won"] == 4  # the uncommitted change is not seen
        finally:
            process.stdin.write("\n")
            process.stdin.flush()
        assert process.wait(timeout=30) == 0
