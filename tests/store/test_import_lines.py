"""What single lines of a CSV can do wrong, found and said (issue 13): a quote left open, a
file stitched from two encodings, a byte-order mark in mid-file; the rejected-rows file in the
source's own dialect, in place before the import commits; a date column re-read when a
day/month date follows a thousand ISO ones; duplicates matched a batch at a time."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.validation import InputRules
from salesdesk.store import ImportSummary, SourceOptions, Store, import_writer, plan_import

TODAY = dt.date(2026, 6, 1)
RULES = InputRules(currency_digits(), "EUR")


def _run(store: Store, path: Path, **options: Any) -> ImportSummary:
    return store.import_deals(plan_import(path, SourceOptions()), RULES, TODAY, **options)


def _titles(store: Store) -> list[str]:
    return [row[0] for row in store.db.execute("SELECT title FROM deals ORDER BY id")]


def test_a_quote_left_open_rejects_its_row_instead_of_swallowing_the_next(
        store: Store, tmp_path: Path) -> None:
    source = tmp_path / "quote.csv"
    source.write_text(
        "title,status,first contact,closed on,notes\n"
        'Kiln,won,2026-01-05,2026-01-20,"Call back\n'
        "Glaze,lost,2026-01-06,2026-01-21,none\n"
        "Dryer,won,2026-01-07,2026-01-22,none\n"
        'Press,open,2026-01-08,,a "quoted" word\n', encoding="utf-8")
    summary = _run(store, source)
    assert summary.rejected == 1 and summary.imported == 0
    assert _titles(store) == []
    with (tmp_path / "quote-rejected.csv").open(encoding="utf-8", newline="") as handle:
        [_, rejected] = list(csv.reader(handle))
    assert rejected[-1].startswith("row 2: A quote is not closed: a field runs over 3 more"
                                   " lines")
    assert any("A quote is not closed in row 2" in note for note in summary.notes)


def test_a_long_note_with_line_breaks_is_imported(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "notes.csv"
    source.write_text('title,first contact,notes\nKiln,2026-01-05,"one\ntwo\nthree"\n'
                      "Glaze,2026-01-06,x\n", encoding="utf-8")
    summary = _run(store, source)
    assert (summary.imported, summary.rejected) == (2, 0)
    assert store.deal(1).notes == "one\ntwo\nthree"


def test_lines_in_another_encoding_are_read_in_theirs(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "stitched.csv"
    source.write_bytes("title,client,first contact\n"
                       "Ofen,Müller GmbH,2026-01-05\n".encode()
                       + "Kühlraum,Schäfer KG,2026-01-06\n".encode("cp1252")
                       + "Presse,Größe AG,2026-01-07\n".encode())
    summary = _run(store, source)
    assert summary.imported == 3
    clients = [row[0] for row in store.db.execute("SELECT name FROM clients ORDER BY id")]
    assert clients == ["Müller GmbH", "Schäfer KG", "Größe AG"]  # no MÃ¼ller
    assert any("Line 3 of stitched.csv is not UTF-8" in note and "Windows-1252" in note
               for note in summary.notes)


def test_a_byte_order_mark_in_mid_file_is_removed(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "joined.csv"
    source.write_text("title,first contact\nKiln,2026-01-05\n\ufeffGlaze,2026-01-06\n",
                      encoding="utf-8")
    summary = _run(store, source)
    assert _titles(store) == ["Kiln", "Glaze"]
    assert any("byte-order mark inside the file (line 3)" in note for note in summary.notes)


def test_the_rejected_rows_file_speaks_the_sources_dialect(store: Store,
                                                           tmp_path: Path) -> None:
    source = tmp_path / "semicolons.csv"
    source.write_bytes("Titel;Status;Erstkontakt;Betrag\n"
                       "Ofen;offen;05.01.2026;1.200,00\n"
                       "Kühlraum;offen;05.01.2026;etwa 500\n".encode("cp1252"))
    summary = _run(store, source)
    assert summary.rejected == 1 and summary.rejected_file is not None
    data = summary.rejected_file.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("cp1252").splitlines()
    assert lines[0] == "Titel;Status;Erstkontakt;Betrag;rejected because"
    assert lines[1].startswith("Kühlraum;offen;05.01.2026;etwa 500;row 3: Betrag 'etwa 500':")


def test_the_import_is_not_committed_without_its_rejected_rows_file(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "s.csv"
    source.write_text("title,first contact,amount\nKiln,2026-01-05,1\nGlaze,2026-01-06,-1\n",
                      encoding="utf-8")
    real_replace = os.replace

    def failing(src: Any, dst: Any) -> None:
        if str(dst).endswith("s-rejected.csv"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        _run(store, source)
    assert _titles(store) == []  # nothing reported done, nothing committed
    assert list(tmp_path.glob(".salesdesk-rejected-*")) == []


def test_a_day_month_date_after_a_thousand_iso_ones_rereads_the_column(
        store: Store, tmp_path: Path) -> None:
    rows = ["title,first contact"] + [f"iso {i},2026-01-{1 + i % 28:02d}" for i in range(1000)]
    rows += ["ambiguous,02/03/2026", "decisive,12/25/2026"]
    source = tmp_path / "late.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary = _run(store, source)
    assert summary.rejected == 0
    dates = dict(store.db.execute("SELECT title, first_contact FROM deals"
                                  " WHERE title IN ('ambiguous', 'decisive')").fetchall())
    assert dates == {"ambiguous": "2026-02-03", "decisive": "2026-12-25"}  # month first
    assert any("'first contact' were all ISO at first, then '02/03/2026'" in note
               and "m/d/Y" in note for note in summary.notes)


def test_duplicates_are_matched_a_batch_at_a_time(store: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_writer, "BATCH", 3)
    store.add_deals([Deal(title=f"Deal {i}", client="Acme", first_contact=dt.date(2026, 1, 1),
                          external_id=f"X{i}" if i % 2 else None) for i in range(10)], TODAY)
    rows = ["title,client,first contact,external id,status,closed on"]
    rows += [f"deal {i},Acme,2026-01-01,{f'X{i}' if i % 2 else ''},won,2026-02-01"
             for i in range(10)]
    # Deal 2 again, by title (no id), in another batch than its first row: they share it.
    rows += ["Deal 2,Acme,2026-01-01,,open,", "New one,Acme,2026-01-01,,open,"]
    source = tmp_path / "again.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    skipped = _run(store, source, dry_run=True)
    assert (skipped.duplicates, skipped.imported) == (11, 1)
    updated = _run(store, source, on_duplicate="update")
    assert (updated.updated, updated.imported, updated.ambiguous) == (9, 1, 2)
    assert store.deal(4).outcome is Outcome.WON and store.deal(4).title == "deal 3"
    assert store.deal(3).outcome is Outcome.OPEN and store.deal(3).title == "Deal 2"
    assert len(_titles(store)) == 11
