"""Exporting deals with progress and Cancel (the window runs the export in a worker)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import Deal
from salesdesk.store import ExportCancelled, Store, exporting

TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_progress_counts_up_to_the_total(store: Store, tmp_path: Path, suffix: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exporting, "PROGRESS_EVERY", 2)
    store.add_deals([Deal(f"Deal {n}") for n in range(7)], TODAY)
    seen: list[tuple[int, int]] = []
    out = tmp_path / f"deals.{suffix}"
    assert store.export_deals(out, currency_digits(), deal_ids=range(1, 6),
                              progress=lambda done, total: seen.append((done, total))) == 5
    assert seen == [(2, 5), (4, 5)]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_cancelled_export_writes_nothing_and_keeps_an_older_file(
        store: Store, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exporting, "PROGRESS_EVERY", 2)
    store.add_deals([Deal(f"Deal {n}") for n in range(7)], TODAY)
    out = tmp_path / f"deals.{suffix}"
    out.write_bytes(b"the export of last week")
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) == 2

    with pytest.raises(ExportCancelled, match="no file was written"):
        store.export_deals(out, currency_digits(), cancelled=cancelled)
    assert out.read_bytes() == b"the export of last week"
    assert [p.name for p in tmp_path.iterdir() if p.name != "deals.db"
            and not p.name.startswith("deals.db-")] == [out.name]
