"""SQLite's errors inside the store: what the machine explains becomes a StoreError with a plain
message, raised by the facades' public methods; a bug's error leaves the store unchanged."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from salesdesk.domain.deals import Deal
from salesdesk.store import (
    CannotWrite,
    DealListQuery,
    DiskFull,
    FileBusy,
    FileDamaged,
    Store,
    StoreError,
    open_store,
)
from salesdesk.store.connection import connect

TODAY = dt.date(2026, 3, 31)


def test_a_writer_holding_the_file_makes_it_busy(store: Store) -> None:
    store.db.execute("PRAGMA busy_timeout = 0")  # the store's 5 s wait, cut short
    other = sqlite3.connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(FileBusy, match="deals.db is busy: another program is using it"):
            store.add_deal(Deal(title="Blocked"), TODAY)
    finally:
        other.rollback()
        other.close()
    store.add_deal(Deal(title="Later"), TODAY)  # the same store works once the file is free


def test_a_file_that_may_not_be_written_is_said_so(store: Store) -> None:
    store.db.execute("PRAGMA query_only = ON")  # SQLite answers as for a read-only file
    with pytest.raises(CannotWrite, match="deals.db cannot be changed here"):
        store.add_deal(Deal(title="Refused"), TODAY)
    with pytest.raises(CannotWrite):
        store.scorecards.set_tactics(["Refused"])  # the facades it hands out translate too


def test_a_full_disk_is_named_and_rolled_back(store: Store) -> None:
    store.add_deals([Deal(title=f"Old {i}") for i in range(5)], TODAY)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match="disk holding deals.db is full. Nothing was changed"):
        store.add_deals([Deal(title=f"New {i}", notes="n" * 2000) for i in range(200)], TODAY)
    assert store.list_count(DealListQuery()) == 5


def test_a_page_damaged_under_an_open_store_is_reported_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    writer = open_store(path)
    writer.add_deals([Deal(title=f"Deal {i}", notes="x" * 300) for i in range(200)], TODAY)
    writer.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes(len(data) - page)  # every page after the schema's is zeroed
    path.write_bytes(bytes(data))
    # Opened without the checks open_store runs first, as if it broke while open.
    damaged = Store(path, connect(path, read_only=True), read_only=True)
    try:
        with pytest.raises(FileDamaged, match="deals.db is damaged"):
            damaged.list_count(DealListQuery())
        with pytest.raises(FileDamaged):  # properties are translated as methods are
            _ = damaged.needs_upgrade
    finally:
        damaged.close()


def test_a_bug_is_not_dressed_up_as_a_store_error(store: Store) -> None:
    store.db.execute("DROP TABLE deals_fts")  # what only a bug in salesdesk would leave
    with pytest.raises(sqlite3.OperationalError, match="no such table") as raised:
        store.add_deal(Deal(title="Needs the search index"), TODAY)
    assert not isinstance(raised.value, StoreError)

