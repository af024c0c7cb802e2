"""An import into an empty file takes the fast path (issue 14's speed: ``BatchConverter`` and
``ImportWriter.add_batch``); it must leave exactly the file the row-by-row path leaves --
deals, stage history, lists, customer types, summary, rejected-rows file -- for the other
CRMs' exports of test_crm_exports and for a file of awkward rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from salesdesk.currencies import currency_digits
from salesdesk.domain.importing import BatchConverter
from salesdesk.domain.validation import InputRules
from salesdesk.store import ImportSummary, SourceOptions, import_writer, open_store
from salesdesk.store.importing import plan_import
from tests.store.test_crm_exports import DUMP, GERMAN, HUNGARIAN, ODOO, SALESFORCE, TODAY, ZOHO

RULES = InputRules(currency_digits(), "EUR")

AWKWARD = """\
Title,Company,Owner,Stage,Status,First contact,Closed on,Expected close,Amount,Currency,\
Lost reason,Notes,External ID,Type
Kiln,Acme,Ada,Lead,won,2026-01-05,2026-02-01,,"1,250.50",EUR,,call,E1,New Business
Glaze,acme ,Ada,Proposal,open,2026-01-05,,2026-03-01,$5,,,,,Existing Business
Dryer,Baltic,Jonas,,lost,2026-01-05,2026-01-20,,,,Price,,,
Undated win,Acme,Ada,,won,,,,100,EUR,,,,
Closed too early,Acme,Ada,,won,2026-02-05,2026-01-20,,,,,,,
,,,,,,,,,,,,,
Deleted,Acme,Ada,,deleted,2026-01-05,,,,,,,,
Odd amount,Acme,Ada,,open,2026-01-05,,,about 500,,,,,
Short row,Acme
Odd type,Acme,Ada,,open,2026-01-05,,,,,,,,weird
Reason only,Baltic,Jonas,,,2026-01-05,2026-01-09,,,,Competitor,,,
Later win,Acme,Ada,,won,2026-03-05,2026-03-20,,EUR 1.200,,,,E2,
\\N,Acme,Ada,Lead,open,2026-03-05,,,NULL,,,,,
Ünnepi ajánlat,Kovács Pékség,Réka,Lead,open,2026-03-05,,,22 700 Ft,,,,,
Wrong currency,Acme,Ada,,open,2026-03-05,,,$5,EUR,,,,
"""


def _import(folder: Path, name: str, text: str, *, fast: bool, no_header: bool = False,
            monkeypatch: pytest.MonkeyPatch) -> tuple[ImportSummary, dict[str, list[Any]], str]:
    folder.mkdir()
    source = folder / name
    source.write_text(text, encoding="utf-8")
    calls: list[int] = []
    original = import_writer.ImportWriter.add_batch

    def add_batch(writer: import_writer.ImportWriter, *args: Any) -> None:
        calls.append(len(args[0].positions))
        original(writer, *args)

    with monkeypatch.context() as patch:
        patch.setattr(import_writer.ImportWriter, "add_batch", add_batch)
        if not fast:
            patch.setattr(BatchConverter, "supported", property(lambda self: False))
        store = open_store(folder / "deals.db", base_currency="EUR")
        summary = store.import_deals(plan_import(source, SourceOptions(no_header=no_header)),
                                     RULES, TODAY)
        store.close()
    assert bool(calls) == fast and (not fast or sum(calls) > 0)
    connection = sqlite3.connect(folder / "deals.db")
    tables: dict[str, list[Any]] = {}
    for table in ("deals", "stage_events", "clients", "reps", "stages", "lost_reasons"):
        cursor = connection.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [column[0] for column in cursor.description]
        tables[table] = [tuple(v for n, v in zip(names, row, strict=True)
                               if n not in ("created_at", "updated_at")) for row in cursor]
    connection.close()
    rejected = summary.rejected_file.read_text("utf-8") if summary.rejected_file else ""
    return summary, tables, rejected


@pytest.mark.parametrize(("name", "text", "no_header"), [
    ("Potentials.csv", ZOHO, False), ("opportunities.csv", SALESFORCE, False),
    ("crm.lead.csv", ODOO, False), ("dump.csv", DUMP, True), ("hu.csv", HUNGARIAN, False),
    ("de.csv", GERMAN, False), ("awkward.csv", AWKWARD, False)])
def test_the_fast_path_leaves_the_file_the_row_path_leaves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str,
        no_header: bool) -> None:
    fast = _import(tmp_path / "fast", name, text, fast=True, no_header=no_header,
                   monkeypatch=monkeypatch)
    slow = _import(tmp_path / "slow", name, text, fast=False, no_header=no_header,
                   monkeypatch=monkeypatch)
    assert fast[1] == slow[1]
    assert fast[2] == slow[2]
    fast_summary, slow_summary = fast[0].to_dict(), slow[0].to_dict()
    for summary in (fast_summary, slow_summary):
        summary.pop("rejected_file")
        summary["notes"] = [note.replace(str(tmp_path / "fast"), "").replace(
            str(tmp_path / "slow"), "") for note in summary["notes"]]
    assert fast_summary == slow_summary
    assert fast[0].deal_ids == slow[0].deal_ids


def test_awkward_rows_are_all_accounted_for(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    summary, tables, rejected = _import(tmp_path / "fast", "awkward.csv", AWKWARD, fast=True,
                                        monkeypatch=monkeypatch)
    assert (summary.imported, summary.skipped, summary.rejected) == (9, 2, 4)
    assert summary.undated == 1
    assert len(tables["deals"]) == 9
    assert "Closed too early" in rejected and "about 500" in rejected
