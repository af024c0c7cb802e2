"""NPS survey responses: read, added (a redo keeps their ids), edited and deleted, and the
deals of a client a response can be linked to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.deals import LookupKind
from salesdesk.domain.nps import Response, Segment
from salesdesk.domain.periods import Period
from salesdesk.i18n import translate
from salesdesk.store import lookups
from salesdesk.store.customer_tables import available, now
from salesdesk.store.errors import NotFound

Created = list[tuple[LookupKind, str]]
"""The list values (kind, name) a write created."""


_SELECT_RESPONSES = (
    "SELECT r.id, r.answered_on, r.score, r.segment, p.name, c.name, r.deal_id, r.comment"
    " FROM nps_responses r LEFT JOIN products p ON p.id = r.product_id"
    " LEFT JOIN clients c ON c.id = r.client_id")


def _response(row: tuple[Any, ...]) -> Response:
    r_id, day, score, segment, product, client, deal_id, comment = row
    return Response(dt.date.fromisoformat(day), score, Segment(segment), product, client,
                    deal_id, comment, r_id)


def responses(db: Database, period: Period | None = None) -> list[Response]:
    """Every response (or those answered in ``period``), oldest first."""
    if not available(db):
        return []
    clauses, args = [], []
    if period is not None and not period.is_all_time:
        if period.is_empty:
            return []
        ranges = []
        for start, end in period.ranges:
            parts = []
            if start is not None:
                parts.append("r.answered_on >= ?")
                args.append(start.isoformat())
            if end is not None:
                parts.append("r.answered_on <= ?")
                args.append(end.isoformat())
            ranges.append("(" + (" AND ".join(parts) or "1") + ")")
        clauses.append("(" + " OR ".join(ranges) + ")")
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return [_response(row) for row in db.execute(
        f"{_SELECT_RESPONSES}{where} ORDER BY r.answered_on, r.id", args)]


def response(db: Database, response_id: int) -> Response:
    """One response; NotFound when it is gone."""
    row = db.execute(f"{_SELECT_RESPONSES} WHERE r.id = ?", [response_id]).fetchone()
    if row is None:
        raise NotFound(translate("NpsResponses", "That survey response no longer exists."))
    return _response(row)


def _response_values(db: Database, item: Response, created: Created) -> list[object]:
    ids: list[int | None] = []
    for kind, name in ((LookupKind.PRODUCT, item.product), (LookupKind.CLIENT, item.client)):
        item_id, was_created = lookups.resolve(db, kind, name)
        if was_created and name:
            created.append((kind, name))
        ids.append(item_id)
    return [item.answered_on.isoformat(), item.score, item.segment.value, ids[0], ids[1],
            item.deal_id, item.comment.strip()]


def add_responses(db: Database, items: Sequence[Response]) -> tuple[list[int], Created]:
    """Store responses (under their own ids when they have them: redo); return their ids and
    the list values (products, clients) they created."""
    created: Created = []
    new_ids: list[int] = []
    stamp = now()
    with db.atomic():
        for item in items:
            values = _response_values(db, item, created)
            cursor = db.execute(
                "INSERT INTO nps_responses (id, answered_on, score, segment, product_id,"
                " client_id, deal_id, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [item.id, *values, stamp])
            new_ids.append(item.id if item.id is not None else int(cursor.lastrowid or 0))
    return new_ids, created


def update_response(db: Database, item: Response) -> Created:
    """Save an edited response (by its id); return the list values created."""
    if item.id is None:
        raise ValueError("Only a stored response can be updated.")
    created: Created = []
    with db.atomic():
        values = _response_values(db, item, created)
        cursor = db.execute(
            "UPDATE nps_responses SET answered_on = ?, score = ?, segment = ?, product_id = ?,"
            " client_id = ?, deal_id = ?, comment = ? WHERE id = ?", [*values, item.id])
        if cursor.rowcount == 0:
            raise NotFound(translate("NpsResponses", "That survey response no longer exists."))
    return created


def delete_responses(db: Database, ids: Iterable[int]) -> None:
    """Delete responses."""
    with db.atomic():
        db.conn.executemany("DELETE FROM nps_responses WHERE id = ?", [(i,) for i in ids])


@dataclass(frozen=True, slots=True)
class DealChoice:
    """A deal a survey response can be linked to: a decided deal of its client."""

    id: int
    title: str
    outcome: str
    closed_on: str | None
    product: str | None

    def describe(self) -> str:
        """E.g. "2026-03-01 won — Boiler service (#12)"."""
        return f"{self.closed_on or '—'} {self.outcome} — {self.title} (#{self.id})"


def client_deals(db: Database, client: str, limit: int = 50) -> list[DealChoice]:
    """The client's decided deals, the most recently closed first."""
    return [DealChoice(int(i), title, outcome, closed, product) for i, title, outcome, closed,
            product in db.execute(
                "SELECT d.id, d.title, d.outcome, d.closed_on, p.name FROM deals d"
                " JOIN clients c ON c.id = d.client_id LEFT JOIN products p ON"
                " p.id = d.product_id WHERE c.name = ? COLLATE NOCASE AND d.outcome <> 'open'"
                " ORDER BY d.closed_on DESC, d.id DESC LIMIT ?",
                [" ".join(client.split()), limit])]
