"""Reading and writing deals, their stage history and their derived customer type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.deals import (
    CustomerType,
    Deal,
    DealSnapshot,
    LookupKind,
    Outcome,
    StageEvent,
)
from salesdesk.domain.fields import DEAL_FIELDS, FieldKind
from salesdesk.i18n import translate
from salesdesk.store import lookups
from salesdesk.store.customer_types import derive_customer_types
from salesdesk.store.errors import NotFound
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

Created = list[tuple[LookupKind, str]]

_NAME_JOINS = " ".join(
    f"LEFT JOIN {LOOKUP_TABLES[kind]} AS {kind.value}_t ON {kind.value}_t.id = d.{column}"
    for kind, column in LOOKUP_COLUMNS.items()
)
_NAME_COLUMNS = ", ".join(f"{kind.value}_t.name AS {kind.value}" for kind in LookupKind)
SELECT_DEAL = f"SELECT d.*, {_NAME_COLUMNS} FROM deals AS d {_NAME_JOINS}"

# What the writers of deals take from a Deal; each sets the id and the timestamps its own way.
_WRITTEN = tuple(f for f in DEAL_FIELDS if f.kind is not FieldKind.RECORD)
FIELD_COLUMNS: dict[str, str] = {
    f.name: LOOKUP_COLUMNS[f.lookup] if f.lookup else f.name for f in _WRITTEN}
"""The deals column each written field fills (a lookup's: the id in its list)."""
DEAL_COLUMNS: tuple[str, ...] = tuple(FIELD_COLUMNS.values())
LookupIds = Callable[[LookupKind, str | None], int | None]


def now_stamp() -> str:
    """The timestamp written to created_at / updated_at (UTC, ISO 8601)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


_DECODE: dict[FieldKind, Callable[[Any], Any]] = {
    FieldKind.OUTCOME: Outcome, FieldKind.CUSTOMER_TYPE: CustomerType,
    FieldKind.FLAG: bool, FieldKind.DATE: _date,
}
_ENCODE: dict[FieldKind, Callable[[Any], Any]] = {
    # An enum's value is a Python property: a dictionary gives it faster.
    FieldKind.OUTCOME: {o: o.value for o in Outcome}.__getitem__,
    FieldKind.CUSTOMER_TYPE: {t: t.value for t in CustomerType}.__getitem__,
    FieldKind.FLAG: int, FieldKind.DATE: dt.date.isoformat,
}
_READS = tuple((f.name, _DECODE.get(f.kind)) for f in DEAL_FIELDS)
_written_values = attrgetter(*(f.name for f in _WRITTEN))
# Imports write a million deals: only the values that need it are converted.
_ENCODED = tuple((i, _ENCODE[f.kind]) for i, f in enumerate(_WRITTEN) if f.kind in _ENCODE)
_LOOKED_UP = tuple((i, f.lookup) for i, f in enumerate(_WRITTEN) if f.lookup)
_STAGE = DEAL_COLUMNS.index(LOOKUP_COLUMNS[LookupKind.STAGE])


def deal_from_row(row: dict[str, Any]) -> Deal:
    """Build a Deal from a row of SELECT_DEAL."""
    return Deal(**{name: row[name] if decode is None else decode(row[name])
                   for name, decode in _READS})


def column_values(deal: Deal, lookup_id: LookupIds, first_stage: Callable[[], int]
                  ) -> list[Any]:
    """A deal's values for DEAL_COLUMNS: lookups as the ids ``lookup_id`` gives (the stage of
    a deal without one as ``first_stage()``), outcome and customer type as their values, flags
    as 0 or 1, dates as ISO text."""
    values = list(_written_values(deal))
    for position, encode in _ENCODED:
        value = values[position]
        if value is not None:  # an unknown date stays NULL
            values[position] = encode(value)
    for position, kind in _LOOKED_UP:
        values[position] = lookup_id(kind, values[position])
    if values[_STAGE] is None:
        values[_STAGE] = first_stage()
    return values


def get(db: Database, deal_id: int) -> Deal:
    """The deal with ``deal_id``; raises NotFound when it was deleted."""
    cursor = db.execute(f"{SELECT_DEAL} WHERE d.id = ?", [deal_id])
    values = cursor.fetchone()
    if values is None:
        raise NotFound(translate("Deals", "That deal no longer exists."))
    return deal_from_row(dict(zip([c[0] for c in cursor.description], values, strict=True)))


def stage_events(db: Database, deal_id: int) -> tuple[StageEvent, ...]:
    """The stages a deal reached and when, oldest first."""
    rows = db.execute(
        "SELECT s.name, e.entered_on FROM stage_events e JOIN stages s ON s.id = e.stage_id"
        " WHERE e.deal_id = ? ORDER BY e.entered_on, e.id",
        [deal_id],
    )
    return tuple(StageEvent(name, dt.date.fromisoformat(on)) for name, on in rows)


def snapshot(db: Database, deal_id: int) -> DealSnapshot:
    """The deal and its stage history, enough to restore it exactly."""
    return DealSnapshot(get(db, deal_id), stage_events(db, deal_id))


def _row(db: Database, deal: Deal, created: Created) -> dict[str, Any]:
    def lookup_id(kind: LookupKind, name: str | None) -> int | None:
        item_id, was_created = lookups.resolve(db, kind, name)
        if was_created:
            created.append((kind, name or ""))
        return item_id

    values = column_values(deal, lookup_id, lambda: lookups.first_stage_id(db))
    return dict(zip(DEAL_COLUMNS, values, strict=True))


def _client_ids(db: Database, *deal_ids: int) -> set[int]:
    marks = ",".join("?" * len(deal_ids))
    rows = db.execute(
        f"SELECT client_id FROM deals WHERE id IN ({marks}) AND client_id IS NOT NULL",
        list(deal_ids),
    )
    return {row[0] for row in rows}


def _record_stage(db: Database, deal_id: int, stage_id: int, on: dt.date) -> None:
    db.execute(
        "INSERT INTO stage_events (deal_id, stage_id, entered_on) VALUES (?, ?, ?)",
        [deal_id, stage_id, on.isoformat()],
    )


def insert(db: Database, deal: Deal, today: dt.date) -> tuple[int, Created]:
    """Add a deal; return its id and the list values created for it."""
    created: Created = []
    stamp = now_stamp()
    with db.atomic():
        row = _row(db, deal, created)
        row.update(created_at=deal.created_at or stamp, updated_at=stamp)
        deal_id = db.table("deals").insert(row).last_pk
        assert isinstance(deal_id, int)  # an INTEGER PRIMARY KEY
        _record_stage(db, deal_id, row["stage_id"], deal.first_contact or today)
        derive_customer_types(db, today, _client_ids(db, deal_id))
    return deal_id, created


def update(db: Database, deal_id: int, deal: Deal, today: dt.date) -> Created:
    """Save changed fields of a deal; a new stage is recorded in its history as of today."""
    created: Created = []
    with db.atomic():
        old = db.execute("SELECT stage_id FROM deals WHERE id = ?", [deal_id]).fetchone()
        if old is None:
            raise NotFound(translate("Deals", "That deal no longer exists."))
        clients = _client_ids(db, deal_id)
        row = _row(db, deal, created)
        row["updated_at"] = now_stamp()
        db.table("deals").update(deal_id, row)
        if row["stage_id"] != old[0]:
            _record_stage(db, deal_id, row["stage_id"], today)
        derive_customer_types(db, today, clients | _client_ids(db, deal_id))
    return created


def set_stage(db: Database, deal_id: int, stage: str, today: dt.date) -> None:
    """Move a deal to ``stage`` and record the step in its history."""
    with db.atomic():
        stage_id = lookups.find(db, LookupKind.STAGE, stage)
        if stage_id is None:
            raise NotFound(translate("Deals", "There is no stage called {name}.").format(
                name=repr(stage)))
        cursor = db.execute(
            "UPDATE deals SET stage_id = ?, updated_at = ? WHERE id = ? AND stage_id <> ?",
            [stage_id, now_stamp(), deal_id, stage_id],
        )
        if cursor.rowcount:
            _record_stage(db, deal_id, stage_id, today)


def delete(db: Database, deal_id: int, today: dt.date) -> DealSnapshot:
    """Delete a deal (and its stage history); return what is needed to restore it."""
    with db.atomic():
        before = snapshot(db, deal_id)
        clients = _client_ids(db, deal_id)
        db.execute("DELETE FROM deals WHERE id = ?", [deal_id])
        derive_customer_types(db, today, clients)
    return before


def restore(db: Database, saved: DealSnapshot, today: dt.date) -> None:
    """Put a deal back exactly as in ``saved`` (same id, fields and stage history)."""
    deal = saved.deal
    if deal.id is None:
        raise ValueError("Only a stored deal can be restored.")
    created: Created = []
    with db.atomic():
        clients = _client_ids(db, deal.id)
        row = _row(db, deal, created)
        row.update(id=deal.id, created_at=deal.created_at or now_stamp(),
                   updated_at=deal.updated_at or now_stamp())
        db.table("deals").upsert(row, pk="id")
        db.execute("DELETE FROM stage_events WHERE deal_id = ?", [deal.id])
        for event in saved.stage_events:
            stage_id, _ = lookups.resolve(db, LookupKind.STAGE, event.stage)
            assert stage_id is not None
            _record_stage(db, deal.id, stage_id, event.entered_on)
        derive_customer_types(db, today, clients | _client_ids(db, deal.id))


def insert_many(db: Database, deals: Iterable[Deal], today: dt.date,
                histories: Sequence[Sequence[StageEvent]] | None = None,
                batch_size: int = 5000) -> int:
    """Add many deals in one transaction (all or nothing); return how many.

    ``histories`` optionally gives each deal's stage history (else its current stage as of
    its first contact). Customer types are derived afterwards for all deals.
    """
    count = 0
    ids: dict[LookupKind, dict[str, int]] = {kind: {} for kind in LookupKind}

    def resolve(kind: LookupKind, name: str | None) -> int | None:
        if not name:
            return None
        cache = ids[kind]
        if name not in cache:
            item_id, _ = lookups.resolve(db, kind, name)
            if item_id is None:  # a name of blanks only, as an import may bring
                return None
            cache[name] = item_id
        return cache[name]

    stamp = now_stamp()
    first_stage = lookups.first_stage_id(db)

    def default_stage() -> int:
        return first_stage

    with db.atomic():
        batch: list[dict[str, Any]] = []
        events: list[tuple[int, int, str]] = []
        # Ids are never reused (AUTOINCREMENT), so an undo can always put a deal back.
        next_id = 1 + int(db.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'deals'), 0),"
            " COALESCE((SELECT MAX(id) FROM deals), 0))").fetchone()[0])
        for index, deal in enumerate(deals):
            deal_id = next_id + index
            row = dict(zip(DEAL_COLUMNS, column_values(deal, resolve, default_stage),
                           strict=True))
            stage_id = row["stage_id"]
            batch.append({"id": deal_id, **row, "created_at": deal.created_at or stamp,
                          "updated_at": deal.updated_at or stamp})
            history = histories[index] if histories is not None else ()
            if history:
                for event in history:
                    event_stage = resolve(LookupKind.STAGE, event.stage) or first_stage
                    events.append((deal_id, event_stage, event.entered_on.isoformat()))
            else:
                events.append((deal_id, stage_id, (deal.first_contact or today).isoformat()))
            count += 1
            if len(batch) >= batch_size:
                _flush(db, batch, events)
        _flush(db, batch, events)
        derive_customer_types(db, today)
    return count


def _flush(db: Database, batch: list[dict[str, Any]], events: list[tuple[int, int, str]]) -> None:
    if batch:
        columns = list(batch[0])
        db.conn.executemany(
            f"INSERT INTO deals ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [tuple(row[c] for c in columns) for row in batch],
        )
        batch.clear()
    if events:
        db.conn.executemany(
            "INSERT INTO stage_events (deal_id, stage_id, entered_on) VALUES (?, ?, ?)", events
        )
        events.clear()
