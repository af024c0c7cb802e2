"""The lookup lists: resolving names, and renaming, merging, retiring and reordering values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlite_utils import Database

from salesdesk.domain.deals import LookupKind
from salesdesk.domain.lookups import LookupItem, MergeRecord
from salesdesk.i18n import translate
from salesdesk.store.customer_types import derive_customer_types
from salesdesk.store.errors import NameClash, NotFound
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

# The lists NPS survey responses refer to, and the column that does.
_RESPONSE_COLUMNS = {LookupKind.CLIENT: "client_id", LookupKind.PRODUCT: "product_id"}


def _order(kind: LookupKind) -> str:
    return "position, id" if kind is LookupKind.STAGE else "name COLLATE NOCASE"


def names(db: Database, kind: LookupKind, *, include_retired: bool = False) -> list[str]:
    """Names of the list's values, stages in pipeline order, others alphabetically."""
    where = "" if include_retired else "WHERE retired = 0"
    sql = f"SELECT name FROM {LOOKUP_TABLES[kind]} {where} ORDER BY {_order(kind)}"
    return [row[0] for row in db.execute(sql)]


def items(db: Database, kind: LookupKind) -> list[LookupItem]:
    """Every value of the list with its deal count, retired ones included."""
    table, column = LOOKUP_TABLES[kind], LOOKUP_COLUMNS[kind]
    counts = dict(
        db.execute(f"SELECT {column}, COUNT(*) FROM deals WHERE {column} IS NOT NULL"
                   f" GROUP BY {column}").fetchall()
    )
    rows = db.execute(f"SELECT * FROM {table} ORDER BY {_order(kind)}")
    columns = [d[0] for d in rows.description]
    result = []
    for values in rows.fetchall():
        row = dict(zip(columns, values, strict=True))
        result.append(
            LookupItem(
                kind=kind,
                id=row["id"],
                name=row["name"],
                retired=bool(row["retired"]),
                deals=counts.get(row["id"], 0),
                position=row.get("position"),
                contact_person=row.get("contact_person", ""),
                email=row.get("email", ""),
                phone=row.get("phone", ""),
            )
        )
    return result


def item(db: Database, kind: LookupKind, item_id: int) -> LookupItem:
    """One value of a list; raises NotFound when it is gone."""
    for candidate in items(db, kind):
        if candidate.id == item_id:
            return candidate
    raise NotFound(translate("Lookups", "That {kind} no longer exists.").format(
        kind=kind.singular))


def find(db: Database, kind: LookupKind, name: str) -> int | None:
    """The id of the value called ``name`` (case-insensitively, whitespace as ``add`` stores
    it), or None."""
    row = db.execute(
        f"SELECT id FROM {LOOKUP_TABLES[kind]} WHERE name = ? COLLATE NOCASE",
        [" ".join(name.split())],
    ).fetchone()
    return None if row is None else int(row[0])


def add(db: Database, kind: LookupKind, name: str) -> int:
    """Create a value and return its id; raises NameClash when the name is taken."""
    name = " ".join(name.split())
    if not name:
        raise ValueError(translate("Lookups", "A list value needs a name."))
    if find(db, kind, name) is not None:
        raise NameClash(translate("Lookups", "There is already a {kind} called {name}.").format(
            kind=kind.singular, name=repr(name)))
    table = LOOKUP_TABLES[kind]
    with db.atomic():
        if kind is LookupKind.STAGE:
            cursor = db.execute(
                "INSERT INTO stages (name, position)"
                " VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM stages))",
                [name],
            )
        else:
            cursor = db.execute(f"INSERT INTO {table} (name) VALUES (?)", [name])
    return int(cursor.lastrowid or 0)


def resolve(db: Database, kind: LookupKind, name: str | None) -> tuple[int | None, bool]:
    """The id for ``name``, creating the value when it is new; also whether it was created."""
    if not name or not name.strip():
        return None, False
    existing = find(db, kind, name)
    if existing is not None:
        return existing, False
    return add(db, kind, name), True


def first_stage_id(db: Database) -> int:
    """The first stage of the pipeline, the default of a new deal."""
    row = db.execute("SELECT id FROM stages ORDER BY retired, position, id LIMIT 1").fetchone()
    if row is None:
        return add(db, LookupKind.STAGE, "Lead")
    return int(row[0])


def rename(db: Database, kind: LookupKind, item_id: int, new_name: str) -> str:
    """Rename a value (every deal shows the new name); return the old name."""
    new_name = " ".join(new_name.split())
    if not new_name:
        raise ValueError(translate("Lookups", "A list value needs a name."))
    old = item(db, kind, item_id)
    clash = find(db, kind, new_name)
    if clash is not None and clash != item_id:
        raise NameClash(translate(
            "Lookups", "There is already a {kind} called {name}: merge the two instead."
        ).format(kind=kind.singular, name=repr(new_name)))
    with db.atomic():
        db.execute(f"UPDATE {LOOKUP_TABLES[kind]} SET name = ? WHERE id = ?", [new_name, item_id])
    return old.name


def set_retired(db: Database, kind: LookupKind, item_id: int, retired: bool) -> None:
    """Hide a value from pickers (or show it again); its deals keep it."""
    item(db, kind, item_id)
    with db.atomic():
        db.execute(
            f"UPDATE {LOOKUP_TABLES[kind]} SET retired = ? WHERE id = ?", [int(retired), item_id]
        )


def set_contact(db: Database, item_id: int, contact_person: str, email: str, phone: str) -> None:
    """Store a client's contact person, email and phone."""
    item(db, LookupKind.CLIENT, item_id)
    with db.atomic():
        db.execute(
            "UPDATE clients SET contact_person = ?, email = ?, phone = ? WHERE id = ?",
            [contact_person.strip(), email.strip(), phone.strip(), item_id],
        )


def stage_order(db: Database) -> list[int]:
    """Stage ids in pipeline order."""
    return [row[0] for row in db.execute("SELECT id FROM stages ORDER BY position, id")]


def set_stage_order(db: Database, stage_ids: Iterable[int]) -> None:
    """Put the stages in the given order (every stage id exactly once)."""
    ordered = list(stage_ids)
    if sorted(ordered) != sorted(stage_order(db)):
        raise ValueError(translate("Lookups", "The new order must name every stage once."))
    with db.atomic():
        db.conn.executemany(
            "UPDATE stages SET position = ? WHERE id = ?",
            [(position, stage_id) for position, stage_id in enumerate(ordered)],
        )


def merge(db: Database, kind: LookupKind, source_id: int, target_id: int) -> MergeRecord:
    """Move every deal from ``source_id`` to ``target_id`` and remove the source value."""
    if source_id == target_id:
        raise ValueError(translate("Lookups", "Choose another {kind} to merge into.").format(
            kind=kind.singular))
    source = item(db, kind, source_id)
    item(db, kind, target_id)
    table, column = LOOKUP_TABLES[kind], LOOKUP_COLUMNS[kind]
    with db.atomic():
        moved = tuple(
            r[0] for r in db.execute(f"SELECT id FROM deals WHERE {column} = ?", [source_id])
        )
        events: tuple[int, ...] = ()
        if kind is LookupKind.STAGE:
            events = tuple(
                r[0]
                for r in db.execute("SELECT id FROM stage_events WHERE stage_id = ?", [source_id])
            )
            db.execute("UPDATE stage_events SET stage_id = ? WHERE stage_id = ?",
                       [target_id, source_id])
        assessments: tuple[int, ...] = ()
        if kind is LookupKind.REP:  # a salesperson's assessments follow their deals
            assessments = tuple(r[0] for r in db.execute(
                "SELECT id FROM assessments WHERE rep_id = ?", [source_id]))
            db.execute("UPDATE assessments SET rep_id = ? WHERE rep_id = ?",
                       [target_id, source_id])
        responses: tuple[int, ...] = ()
        if kind in _RESPONSE_COLUMNS and db["nps_responses"].exists():  # survey answers too
            response_column = _RESPONSE_COLUMNS[kind]
            responses = tuple(r[0] for r in db.execute(
                f"SELECT id FROM nps_responses WHERE {response_column} = ?", [source_id]))
            db.execute(f"UPDATE nps_responses SET {response_column} = ?"
                       f" WHERE {response_column} = ?", [target_id, source_id])
        db.execute(f"UPDATE deals SET {column} = ? WHERE {column} = ?", [target_id, source_id])
        db.execute(f"DELETE FROM {table} WHERE id = ?", [source_id])
        _rederive(db, kind, [target_id])
    return MergeRecord(kind, source, target_id, moved, events, assessments, responses)


def _rederive(db: Database, kind: LookupKind, client_ids: list[int]) -> None:
    """Customer types depend on which deals share a client: recompute them after a merge."""
    if kind is LookupKind.CLIENT:
        derive_customer_types(db, dt.date.today(), client_ids)


def unmerge(db: Database, record: MergeRecord) -> None:
    """Undo a merge: bring the source value back and move its deals back to it."""
    kind, source = record.kind, record.source
    table, column = LOOKUP_TABLES[kind], LOOKUP_COLUMNS[kind]
    values = {"id": source.id, "name": source.name, "retired": int(source.retired)}
    if kind is LookupKind.STAGE:
        values["position"] = source.position or 0
    if kind is LookupKind.CLIENT:
        values.update(contact_person=source.contact_person, email=source.email,
                      phone=source.phone)
    with db.atomic():
        db.table(table).insert(values)
        db.conn.executemany(f"UPDATE deals SET {column} = ? WHERE id = ?",
                       [(source.id, deal_id) for deal_id in record.moved_deal_ids])
        db.conn.executemany("UPDATE stage_events SET stage_id = ? WHERE id = ?",
                       [(source.id, event_id) for event_id in record.moved_event_ids])
        db.conn.executemany("UPDATE assessments SET rep_id = ? WHERE id = ?",
                            [(source.id, a_id) for a_id in record.moved_assessment_ids])
        if record.moved_response_ids:
            db.conn.executemany(
                f"UPDATE nps_responses SET {_RESPONSE_COLUMNS[kind]} = ? WHERE id = ?",
                [(source.id, r_id) for r_id in record.moved_response_ids])
        _rederive(db, kind, [source.id, record.target_id])


def delete_if_unused(db: Database, kind: LookupKind, name: str) -> bool:
    """Remove a value no deal refers to (undoing the save that created it)."""
    item_id = find(db, kind, name)
    if item_id is None:
        return False
    column = LOOKUP_COLUMNS[kind]
    with db.atomic():
        used = db.execute(f"SELECT 1 FROM deals WHERE {column} = ? LIMIT 1", [item_id]).fetchone()
        if kind is LookupKind.STAGE and not used:
            used = db.execute("SELECT 1 FROM stage_events WHERE stage_id = ? LIMIT 1",
                              [item_id]).fetchone()
        if kind is LookupKind.REP and not used:
            used = db.execute("SELECT 1 FROM assessments WHERE rep_id = ? LIMIT 1",
                              [item_id]).fetchone()
        if kind in _RESPONSE_COLUMNS and not used and db["nps_responses"].exists():
            used = db.execute(f"SELECT 1 FROM nps_responses WHERE {_RESPONSE_COLUMNS[kind]} = ?"
                              " LIMIT 1", [item_id]).fetchone()
        if used:
            return False
        db.execute(f"DELETE FROM {LOOKUP_TABLES[kind]} WHERE id = ?", [item_id])
    return True
