"""Touchpoints (in their order; retired ones stay for their history) and the dated changes
logged to them, optionally scoped to one value of a dimension."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.slices import Dimension
from salesdesk.domain.touchpoints import Scope, Touchpoint, TouchpointChange
from salesdesk.i18n import translate
from salesdesk.store.customer_tables import available, now
from salesdesk.store.errors import NameClash, NotFound, StoreError


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
        raise ValueError(translate("Touchpoints", "A touchpoint needs a name."))
    if len(cleaned) > 200:
        raise ValueError(translate("Touchpoints", "The name is too long (at most 200 characters)."))
    return cleaned


def _clash(name: str) -> NameClash:
    return NameClash(translate("Touchpoints", "There is a touchpoint called {name} already."
                               ).format(name=repr(name)))


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
        raise _clash(cleaned) from exc
    return touchpoint_id if touchpoint_id is not None else int(cursor.lastrowid or 0)


def rename_touchpoint(db: Database, touchpoint_id: int, name: str) -> str:
    """Rename a touchpoint; return the old name."""
    cleaned = _clean_name(name)
    row = db.execute("SELECT name FROM touchpoints WHERE id = ?", [touchpoint_id]).fetchone()
    if row is None:
        raise NotFound(translate("Touchpoints", "That touchpoint no longer exists."))
    try:
        with db.atomic():
            db.execute("UPDATE touchpoints SET name = ? WHERE id = ?", [cleaned, touchpoint_id])
    except sqlite3.IntegrityError as exc:
        raise _clash(cleaned) from exc
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
            raise StoreError(translate(
                "Touchpoints", "The touchpoint has changes logged: retire it instead."))
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
        raise NotFound(translate("Touchpoints", "There is no touchpoint called {name}.").format(
            name=repr(name)))
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
            [change.id, *_change_values(db, change), now()])
    return change.id if change.id is not None else int(cursor.lastrowid or 0)


def update_change(db: Database, change: TouchpointChange) -> None:
    """Save an edited change (by its id)."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE touchpoint_changes SET touchpoint_id = ?, changed_on = ?, description = ?,"
            " scope_dimension = ?, scope_value = ? WHERE id = ?",
            [*_change_values(db, change), change.id])
        if cursor.rowcount == 0:
            raise NotFound(translate("Touchpoints", "That change no longer exists."))


def delete_change(db: Database, change_id: int) -> None:
    """Remove a logged change."""
    with db.atomic():
        db.execute("DELETE FROM touchpoint_changes WHERE id = ?", [change_id])
