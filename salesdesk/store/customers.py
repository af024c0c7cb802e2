"""NPS survey responses, touchpoints and their dated changes, competitor notes.

The only code that knows the customer tables of migration m004. :class:`Customers` is the
facade an open :class:`~salesdesk.store.database.Store` hands out (``store.customers``); like
the Store, every write runs in one ``db.atomic()`` transaction and a read-only store refuses
it. A file opened read-only before it was upgraded has no such tables: reads then answer
empty (:attr:`Customers.available` says so).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.competitors import (
    DEFAULT_COMPETITOR_REASON,
    CompetitorNotes,
    StepNote,
    check_notes,
    same_competitor,
)
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.nps import Response, Segment
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import Dimension
from salesdesk.domain.touchpoints import Scope, Touchpoint, TouchpointChange
from salesdesk.store import lookups
from salesdesk.store.errors import NameClash, NotFound, StoreError, translates_errors
from salesdesk.store.facade import Facade
from salesdesk.store.nps_import import NpsImportPlan, NpsImportSummary
from salesdesk.store.nps_import import run_nps_import as _run_nps_import

COMPETITOR_REASON_KEY = "competitor_lost_reason"
Created = list[tuple[LookupKind, str]]


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def available(db: Database) -> bool:
    """True when the file has the customer tables (it was upgraded to m004)."""
    return bool(db["nps_responses"].exists())


# --- NPS responses ------------------------------------------------------------------------------

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
        raise NotFound("That survey response no longer exists.")
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
    stamp = _now()
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
            raise NotFound("That survey response no longer exists.")
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


# --- touchpoints --------------------------------------------------------------------------------


def touchpoints(db: Database, *, include_retired: bool = True) -> list[Touchpoint]:
    """The touchpoints in their order."""
    if not available(db):
        return []
    where = "" if include_retired else " WHERE retired = 0"
    return [Touchpoint(name, i, bool(retired)) for i, name, retired in db.execute(
        f"SELECT id, name, retired FROM touchpoints{where} ORDER BY position, id")]


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError("A touchpoint needs a name.")
    if len(cleaned) > 200:
        raise ValueError("The name is too long (at most 200 characters).")
    return cleaned


def add_touchpoint(db: Database, name: str, touchpoint_id: int | None = None) -> int:
    """Add a touchpoint at the end (under ``touchpoint_id`` for a redo); return its id."""
    cleaned = _clean_name(name)
    try:
        with db.atomic():
            position = db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM touchpoints"
                                  ).fetchone()[0]
            cursor = db.execute("INSERT INTO touchpoints (id, name, position) VALUES (?, ?, ?)",
                                [touchpoint_id, cleaned, position])
    except sqlite3.IntegrityError as exc:
        raise NameClash(f"There is a touchpoint called {cleaned!r} already.") from exc
    return touchpoint_id if touchpoint_id is not None else int(cursor.lastrowid or 0)


def rename_touchpoint(db: Database, touchpoint_id: int, name: str) -> str:
    """Rename a touchpoint; return the old name."""
    cleaned = _clean_name(name)
    row = db.execute("SELECT name FROM touchpoints WHERE id = ?", [touchpoint_id]).fetchone()
    if row is None:
        raise NotFound("That touchpoint no longer exists.")
    try:
        with db.atomic():
            db.execute("UPDATE touchpoints SET name = ? WHERE id = ?", [cleaned, touchpoint_id])
    except sqlite3.IntegrityError as exc:
        raise NameClash(f"There is a touchpoint called {cleaned!r} already.") from exc
    return str(row[0])


def set_touchpoint_retired(db: Database, touchpoint_id: int, retired: bool) -> None:
    """Hide a touchpoint from the change form's picker (or show it again)."""
    with db.atomic():
        db.execute("UPDATE touchpoints SET retired = ? WHERE id = ?",
                   [int(retired), touchpoint_id])


def delete_touchpoint(db: Database, touchpoint_id: int) -> None:
    """Remove a touchpoint without changes (undoing its addition)."""
    with db.atomic():
        used = db.execute("SELECT 1 FROM touchpoint_changes WHERE touchpoint_id = ? LIMIT 1",
                          [touchpoint_id]).fetchone()
        if used:
            raise StoreError("The touchpoint has changes logged: retire it instead.")
        db.execute("DELETE FROM touchpoints WHERE id = ?", [touchpoint_id])


_SELECT_CHANGES = (
    "SELECT c.id, t.name, c.changed_on, c.description, c.scope_dimension, c.scope_value"
    " FROM touchpoint_changes c JOIN touchpoints t ON t.id = c.touchpoint_id")


def _change(row: tuple[Any, ...]) -> TouchpointChange:
    c_id, name, day, description, dimension, value = row
    scope = None if dimension is None else Scope(Dimension(dimension), value)
    return TouchpointChange(name, dt.date.fromisoformat(day), description, scope, c_id)


def changes(db: Database, touchpoint: str | None = None) -> list[TouchpointChange]:
    """The logged changes (of one touchpoint, or all), in date order."""
    if not available(db):
        return []
    where, args = "", []
    if touchpoint is not None:
        where, args = " WHERE t.name = ? COLLATE NOCASE", [" ".join(touchpoint.split())]
    return [_change(row) for row in db.execute(
        f"{_SELECT_CHANGES}{where} ORDER BY c.changed_on, c.id", args)]


def _touchpoint_id(db: Database, name: str) -> int:
    row = db.execute("SELECT id FROM touchpoints WHERE name = ? COLLATE NOCASE",
                     [" ".join(name.split())]).fetchone()
    if row is None:
        raise NotFound(f"There is no touchpoint called {name!r}.")
    return int(row[0])


def _change_values(db: Database, change: TouchpointChange) -> list[object]:
    scope = change.scope
    return [_touchpoint_id(db, change.touchpoint), change.changed_on.isoformat(),
            change.description.strip(), scope.dimension.value if scope else None,
            scope.value if scope else None]


def add_change(db: Database, change: TouchpointChange) -> int:
    """Log a change (under its own id when it has one: redo); return its id."""
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO touchpoint_changes (id, touchpoint_id, changed_on, description,"
            " scope_dimension, scope_value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [change.id, *_change_values(db, change), _now()])
    return change.id if change.id is not None else int(cursor.lastrowid or 0)


def update_change(db: Database, change: TouchpointChange) -> None:
    """Save an edited change (by its id)."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE touchpoint_changes SET touchpoint_id = ?, changed_on = ?, description = ?,"
            " scope_dimension = ?, scope_value = ? WHERE id = ?",
            [*_change_values(db, change), change.id])
        if cursor.rowcount == 0:
            raise NotFound("That change no longer exists.")


def delete_change(db: Database, change_id: int) -> None:
    """Remove a logged change."""
    with db.atomic():
        db.execute("DELETE FROM touchpoint_changes WHERE id = ?", [change_id])


# --- competitors --------------------------------------------------------------------------------


def competitor_reason(db: Database) -> str | None:
    """The lost reason meaning "lost to a competitor": the one chosen, else the reason called
    "Competitor"; None when there is none."""
    row = db.execute("SELECT value FROM settings WHERE key = ?",
                     [COMPETITOR_REASON_KEY]).fetchone()
    if row is not None:
        chosen = json.loads(row[0])
        if chosen is None:
            return None
        found = db.execute("SELECT name FROM lost_reasons WHERE id = ?", [chosen]).fetchone()
        if found is not None:
            return str(found[0])
    found = db.execute("SELECT name FROM lost_reasons WHERE name = ? COLLATE NOCASE",
                       [DEFAULT_COMPETITOR_REASON]).fetchone()
    return None if found is None else str(found[0])


def set_competitor_reason(db: Database, name: str | None) -> None:
    """Choose the lost reason meaning "lost to a competitor" (None: no reason means it)."""
    reason_id = None
    if name is not None:
        reason_id = lookups.find(db, LookupKind.LOST_REASON, name)
        if reason_id is None:
            raise NotFound(f"There is no lost reason called {name!r}.")
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [COMPETITOR_REASON_KEY, json.dumps(reason_id)])


def _lost_to_competitors(db: Database) -> list[tuple[int, str]]:
    """(deal id, details) of the deals lost for the competitor reason."""
    reason = competitor_reason(db)
    if reason is None:
        return []
    reason_id = lookups.find(db, LookupKind.LOST_REASON, reason)
    return [(int(i), str(note)) for i, note in db.execute(
        "SELECT id, lost_reason_note FROM deals WHERE lost_reason_id = ? AND outcome = 'lost'",
        [reason_id])]


def competitor_losses(db: Database) -> list[tuple[str, int]]:
    """Every competitor named in the notes or in a lost deal's details, with the number of
    deals lost to it; most losses first, then by name."""
    if not available(db):
        return []
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for (name,) in db.execute("SELECT DISTINCT competitor FROM competitor_notes"):
        key = " ".join(str(name).split()).casefold()
        names.setdefault(key, " ".join(str(name).split()))
        counts.setdefault(key, 0)
    for _, note in _lost_to_competitors(db):
        cleaned = " ".join(note.split())
        if not cleaned:
            continue
        key = cleaned.casefold()
        names.setdefault(key, cleaned)
        counts[key] = counts.get(key, 0) + 1
    return sorted(((names[k], counts[k]) for k in names),
                  key=lambda item: (-item[1], item[0].casefold()))


def lost_to(db: Database, competitor: str) -> list[int]:
    """The ids of the deals lost to ``competitor`` (see domain.competitors)."""
    return sorted(i for i, note in _lost_to_competitors(db) if same_competitor(note, competitor))


def lost_to_any_competitor(db: Database) -> int:
    """How many deals were lost for the competitor reason."""
    return len(_lost_to_competitors(db))


def competitor_notes(db: Database, competitor: str) -> CompetitorNotes:
    """A competitor's steps (none when it has no notes yet)."""
    if not available(db):
        return CompetitorNotes(competitor)
    rows = db.execute("SELECT competitor, step, ours, theirs FROM competitor_notes"
                      " WHERE competitor = ? ORDER BY position, id",
                      [" ".join(competitor.split())]).fetchall()
    name = str(rows[0][0]) if rows else " ".join(competitor.split())
    return CompetitorNotes(name, tuple(StepNote(str(s), str(o), str(t)) for _, s, o, t in rows))


def save_competitor_notes(db: Database, notes: CompetitorNotes,
                          previous_name: str | None = None) -> CompetitorNotes:
    """Replace a competitor's steps (renaming it from ``previous_name``); return what was
    stored. ValueError for notes that cannot be stored."""
    cleaned, problem = check_notes(notes)
    if cleaned is None:
        raise ValueError(problem)
    with db.atomic():
        for name in {" ".join((previous_name or cleaned.competitor).split()),
                     cleaned.competitor}:
            db.execute("DELETE FROM competitor_notes WHERE competitor = ?", [name])
        db.conn.executemany(
            "INSERT INTO competitor_notes (competitor, position, step, ours, theirs)"
            " VALUES (?, ?, ?, ?, ?)",
            [(cleaned.competitor, position, s.step, s.ours, s.theirs)
             for position, s in enumerate(cleaned.steps)])
    return cleaned


def delete_competitor(db: Database, competitor: str) -> None:
    """Remove a competitor's notes."""
    with db.atomic():
        db.execute("DELETE FROM competitor_notes WHERE competitor = ?",
                   [" ".join(competitor.split())])


# --- the facade ---------------------------------------------------------------------------------


@translates_errors
class Customers(Facade):
    """The Customers tab's operations on an open file (``Store.customers``); writes are
    refused when it is open read-only."""

    @property
    def available(self) -> bool:
        """True when the file has the customer tables (False only for a file opened
        read-only before it was upgraded)."""
        return available(self.db)

    # NPS
    def responses(self, period: Period | None = None) -> list[Response]:
        """Survey responses (answered in ``period``, or all), oldest first."""
        return responses(self.db, period)

    def response(self, response_id: int) -> Response:
        """One response."""
        return response(self.db, response_id)

    def client_deals(self, client: str) -> list[DealChoice]:
        """The client's decided deals a response can be linked to, newest first."""
        return client_deals(self.db, client)

    def add_responses(self, items: Sequence[Response]) -> tuple[list[int], Created]:
        """Store responses; return their ids and the list values created."""
        return add_responses(self._writable(), items)

    def update_response(self, item: Response) -> Created:
        """Save an edited response; return the list values created."""
        return update_response(self._writable(), item)

    def delete_responses(self, ids: Iterable[int]) -> None:
        """Delete responses."""
        delete_responses(self._writable(), ids)

    def import_nps(self, plan: NpsImportPlan, today: dt.date, *,
                   rejected_path: Path | None = None, dry_run: bool = False
                   ) -> NpsImportSummary:
        """Import every valid row in one transaction; invalid rows, with their reasons, go
        to a rejected-rows file (see nps_import.run_nps_import)."""
        return _run_nps_import(self._writable(), plan, today=today,
                               rejected_path=rejected_path, dry_run=dry_run)

    # touchpoints
    def touchpoints(self, *, include_retired: bool = True) -> list[Touchpoint]:
        """The touchpoints in their order."""
        return touchpoints(self.db, include_retired=include_retired)

    def add_touchpoint(self, name: str, touchpoint_id: int | None = None) -> int:
        """Add a touchpoint; return its id."""
        return add_touchpoint(self._writable(), name, touchpoint_id)

    def rename_touchpoint(self, touchpoint_id: int, name: str) -> str:
        """Rename a touchpoint; return the old name."""
        return rename_touchpoint(self._writable(), touchpoint_id, name)

    def set_touchpoint_retired(self, touchpoint_id: int, retired: bool) -> None:
        """Retire a touchpoint or bring it back."""
        set_touchpoint_retired(self._writable(), touchpoint_id, retired)

    def delete_touchpoint(self, touchpoint_id: int) -> None:
        """Remove a touchpoint that has no changes."""
        delete_touchpoint(self._writable(), touchpoint_id)

    def changes(self, touchpoint: str | None = None) -> list[TouchpointChange]:
        """Logged changes, in date order."""
        return changes(self.db, touchpoint)

    def add_change(self, change: TouchpointChange) -> int:
        """Log a change; return its id."""
        return add_change(self._writable(), change)

    def update_change(self, change: TouchpointChange) -> None:
        """Save an edited change."""
        update_change(self._writable(), change)

    def delete_change(self, change_id: int) -> None:
        """Remove a logged change."""
        delete_change(self._writable(), change_id)

    # competitors
    def competitor_reason(self) -> str | None:
        """The lost reason meaning "lost to a competitor"."""
        return competitor_reason(self.db) if self.available else None

    def set_competitor_reason(self, name: str | None) -> None:
        """Choose the lost reason meaning "lost to a competitor"."""
        set_competitor_reason(self._writable(), name)

    def competitor_losses(self) -> list[tuple[str, int]]:
        """Competitors with the number of deals lost to each."""
        return competitor_losses(self.db)

    def lost_to(self, competitor: str) -> list[int]:
        """The deals lost to ``competitor``."""
        return lost_to(self.db, competitor) if self.available else []

    def lost_to_any_competitor(self) -> int:
        """Deals lost for the competitor reason."""
        return lost_to_any_competitor(self.db) if self.available else 0

    def competitor_notes(self, competitor: str) -> CompetitorNotes:
        """A competitor's steps."""
        return competitor_notes(self.db, competitor)

    def save_competitor_notes(self, notes: CompetitorNotes,
                              previous_name: str | None = None) -> CompetitorNotes:
        """Replace a competitor's steps (renaming it from ``previous_name``)."""
        return save_competitor_notes(self._writable(), notes, previous_name)

    def delete_competitor(self, competitor: str) -> None:
        """Remove a competitor's notes."""
        delete_competitor(self._writable(), competitor)

    def add_demo(self, today: dt.date) -> None:
        """Add the sample business's survey responses, touchpoint changes and competitor
        notes (after its deals)."""
        add_demo(self._writable(), today)


# --- the sample business ------------------------------------------------------------------------


def add_demo(db: Database, today: dt.date) -> None:
    """Add the sample business's customer data (see domain.customers_demo)."""
    from salesdesk.domain.customers_demo import (
        DemoDeal,
        demo_changes,
        demo_competitor_notes,
        demo_responses,
    )

    deals = [DemoDeal(int(i), client, product, audience, outcome,
                      dt.date.fromisoformat(closed) if closed else None)
             for i, client, product, audience, outcome, closed in db.execute(
                 "SELECT d.id, c.name, p.name, a.name, d.outcome, d.closed_on FROM deals d"
                 " LEFT JOIN clients c ON c.id = d.client_id"
                 " LEFT JOIN products p ON p.id = d.product_id"
                 " LEFT JOIN audiences a ON a.id = d.audience_id ORDER BY d.id")]
    with db.atomic():
        add_responses(db, demo_responses(deals, today))
        for change in demo_changes(today):
            add_change(db, change)
        for notes in demo_competitor_notes():
            save_competitor_notes(db, notes)
