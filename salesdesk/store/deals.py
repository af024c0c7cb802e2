"""Reading and writing deals, their stage history and their derived customer type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
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


def now_stamp() -> str:
    """The timestamp written to created_at / updated_at (UTC, ISO 8601)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def deal_from_row(row: dict[str, Any]) -> Deal:
    """Build a Deal from a row of SELECT_DEAL."""
    return Deal(
        id=row["id"],
        title=row["title"],
        outcome=Outcome(row["outcome"]),
        currency=row["currency"],
        client=row["client"],
        rep=row["rep"],
        product=row["product"],
        channel=row["channel"],
        region=row["region"],
        audience=row["audience"],
        customer_type=CustomerType(row["customer_type"]),
        customer_type_set=bool(row["customer_type_set"]),
        stage=row["stage"],
        first_contact=_date(row["first_contact"]),
        first_contact_inferred=bool(row["first_contact_inferred"]),
        closed_on=_date(row["closed_on"]),
        expected_close=_date(row["expected_close"]),
        next_step=row["next_step"],
        amount=row["amount"],
        lost_reason=row["lost_reason"],
        notes=row["notes"],
        external_id=row["external_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def get(db: Database, deal_id: int) -> Deal:
    """The deal with ``deal_id``; raises NotFound when it was deleted."""
    cursor = db.execute(f"{SELECT_DEAL} WHERE d.id = ?", [deal_id])
    values = cursor.fetchone()
    if values is None:
        raise NotFound("That deal no longer exists.")
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
    values: dict[str, Any] = {}
    for kind, column in LOOKUP_COLUMNS.items():
        if kind is LookupKind.STAGE:
            continue
        item_id, was_created = lookups.resolve(db, kind, deal.lookup(kind))
        if was_created:
            created.append((kind, deal.lookup(kind) or ""))
        values[column] = item_id
    stage_id, was_created = lookups.resolve(db, LookupKind.STAGE, deal.stage)
    if was_created:
        created.append((LookupKind.STAGE, deal.stage or ""))
    values.update(
        title=deal.title,
        customer_type=deal.customer_type.value,
        customer_type_set=int(deal.customer_type_set),
        stage_id=stage_id if stage_id is not None else lookups.first_stage_id(db),
        outcome=deal.outcome.value,
        first_contact=deal.first_contact.isoformat() if deal.first_contact else None,
        first_contact_inferred=int(deal.first_contact_inferred),
        closed_on=deal.closed_on.isoformat() if deal.closed_on else None,
        expected_close=deal.expected_close.isoformat() if deal.expected_close else None,
        next_step=deal.next_step,
        amount=deal.amount,
        currency=deal.currency,
        notes=deal.notes,
        external_id=deal.external_id,
    )
    return values


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
        deal_id = int(db["deals"].insert(row).last_pk)
        _record_stage(db, deal_id, row["stage_id"], deal.first_contact or today)
        derive_customer_types(db, today, _client_ids(db, deal_id))
    return deal_id, created


def update(db: Database, deal_id: int, deal: Deal, today: dt.date) -> Created:
    """Save changed fields of a deal; a new stage is recorded in its history as of today."""
    created: Created = []
    with db.atomic():
        old = db.execute("SELECT stage_id FROM deals WHERE id = ?", [deal_id]).fetchone()
        if old is None:
            raise NotFound("That deal no longer exists.")
        clients = _client_ids(db, deal_id)
        row = _row(db, deal, created)
        row["updated_at"] = now_stamp()
        db["deals"].update(deal_id, row)
        if row["stage_id"] != old[0]:
            _record_stage(db, deal_id, row["stage_id"], today)
        derive_customer_types(db, today, clients | _client_ids(db, deal_id))
    return created


def set_stage(db: Database, deal_id: int, stage: str, today: dt.date) -> None:
    """Move a deal to ``stage`` and record the step in its history."""
    with db.atomic():
        stage_id = lookups.find(db, LookupKind.STAGE, stage)
        if stage_id is None:
            raise NotFound(f"There is no stage called {stage!r}.")
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
        db["deals"].upsert(row, pk="id")
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
    with db.atomic():
        batch: list[dict[str, Any]] = []
        events: list[tuple[int, int, str]] = []
        # Ids are never reused (AUTOINCREMENT), so an undo can always put a deal back.
        next_id = 1 + int(db.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'deals'), 0),"
            " COALESCE((SELECT MAX(id) FROM deals), 0))").fetchone()[0])
        for index, deal in enumerate(deals):
            deal_id = next_id + index
            stage_id = resolve(LookupKind.STAGE, deal.stage) or first_stage
            batch.append({
                "id": deal_id,
                "title": deal.title,
                **{LOOKUP_COLUMNS[k]: resolve(k, deal.lookup(k))
                   for k in LookupKind if k is not LookupKind.STAGE},
                "customer_type": deal.customer_type.value,
                "customer_type_set": int(deal.customer_type_set),
                "stage_id": stage_id,
                "outcome": deal.outcome.value,
                "first_contact": deal.first_contact.isoformat() if deal.first_contact else None,
                "first_contact_inferred": int(deal.first_contact_inferred),
                "closed_on": deal.closed_on.isoformat() if deal.closed_on else None,
                "expected_close": (deal.expected_close.isoformat()
                                   if deal.expected_close else None),
                "next_step": deal.next_step,
                "amount": deal.amount,
                "currency": deal.currency,
                "notes": deal.notes,
                "external_id": deal.external_id,
                "created_at": deal.created_at or stamp,
                "updated_at": deal.updated_at or stamp,
            })
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
