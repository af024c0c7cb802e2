"""Writing an import's deals: lookup names to ids, matching rows to the deals already in the
file, inserting or updating them in the caller's transaction.

Speed: into an empty file the deals' indexes and full-text trigger are dropped for the load
and the indexes rebuilt once at the end; the full-text index is filled, and the customer types
corrected, on the deals already written while the rows are still being read (``work_ahead``,
when a big file's reading process keeps this one waiting), the rest at the end. Rows are
inserted in batches, many rows per INSERT statement; lookup names are resolved through
in-memory dictionaries; the deals a batch of rows may be are looked up with one query per kind
of match (own export ids, external ids, title + client + first contact), not one per row; a
deal is inserted with the customer type the wins before it imply, so that deriving the types
at the end rewrites few deals.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import string
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.deals import CustomerType, Deal, LookupKind, StageEvent
from salesdesk.domain.fields import DEAL_FIELDS, FieldKind
from salesdesk.domain.importing import WRITTEN_FIELDS, Batch, ColumnMapping, Converted
from salesdesk.store import lookups
from salesdesk.store.connection import file_id as file_id_of
from salesdesk.store.customer_types import derive_customer_types
from salesdesk.store.deals import DEAL_COLUMNS, FIELD_COLUMNS, column_values, now_stamp
from salesdesk.store.identity import ExportId
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

BATCH = 5000
# Values per IN (...) of a batched lookup: far below SQLite's limit of bound parameters.
_CHUNK = 900
# Rows per INSERT statement (fewer when SQLite's limit of bound parameters is lower): a
# statement per row costs a statement run and, for the deals, the AUTOINCREMENT bookkeeping
# each, about a third of the time a row takes to insert.
ROWS_PER_INSERT = 100
# Deals added to the full-text index at a time while waiting for rows: a few milliseconds.
TEXT_SLICE = 2000
# cache_size (KiB) while dropped indexes are rebuilt: SQLite's default (see ``finish``).
REBUILD_CACHE_KIB = 2000

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _nocase(name: str) -> str:
    # SQLite's NOCASE folds ASCII letters only: the cache must treat names exactly as it does.
    return " ".join(name.split()).translate(_ASCII_LOWER)


class _Lookups:
    """Lookup names → ids for the whole import, creating the values the file introduces.

    Every existing name is loaded once; a name is then found by its exact text (the common
    case, no normalising) or by its NOCASE key. A new one gets the next id at once and is
    inserted with the others of its list by ``flush`` (no per-name statement or savepoint:
    the import's transaction covers them, and no other writer can take the ids meanwhile).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.keys: dict[LookupKind, dict[str, int]] = {}
        self.exact: dict[LookupKind, dict[str, int]] = {}
        self.created: set[LookupKind] = set()
        for kind, table in LOOKUP_TABLES.items():
            rows = db.execute(f"SELECT id, name FROM {table}").fetchall()
            self.keys[kind] = {_nocase(name): item_id for item_id, name in rows}
            self.exact[kind] = {name: item_id for item_id, name in rows}
        self.first_stage = lookups.first_stage_id(db)
        self._next_position = 1 + int(db.execute(
            "SELECT COALESCE(MAX(position), -1) FROM stages").fetchone()[0])
        self._next_id = {kind: 1 + int(db.execute(
            f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0])
            for kind, table in LOOKUP_TABLES.items()}
        self._new: dict[LookupKind, list[tuple[Any, ...]]] = defaultdict(list)

    def find(self, kind: LookupKind, name: str) -> int | None:
        """The id of an existing value (None when the list has no such name)."""
        known = self.exact[kind].get(name)
        return known if known is not None else self.keys[kind].get(_nocase(name))

    def id(self, kind: LookupKind, name: str | None) -> int | None:
        """The id of ``name`` in the list ``kind``, created when new (None for no name)."""
        if not name:
            return None
        exact = self.exact[kind]
        known = exact.get(name)
        if known is not None:
            return known
        key = _nocase(name)
        if not key:
            return None
        known = self.keys[kind].get(key)
        if known is None:
            known = self._add(kind, " ".join(name.split()))
            self.keys[kind][key] = known
            self.created.add(kind)
        exact[name] = known
        return known

    def _add(self, kind: LookupKind, name: str) -> int:
        item_id = self._next_id[kind]
        self._next_id[kind] += 1
        if kind is LookupKind.STAGE:
            self._new[kind].append((item_id, name, self._next_position))
            self._next_position += 1
        else:
            self._new[kind].append((item_id, name))
        return item_id

    def flush(self) -> None:
        """Insert the values created since the last flush."""
        for kind, rows in self._new.items():
            columns = "id, name, position" if kind is LookupKind.STAGE else "id, name"
            marks = ", ".join("?" * len(rows[0]))
            self.db.conn.executemany(
                f"INSERT INTO {LOOKUP_TABLES[kind]} ({columns}) VALUES ({marks})", rows)
        self._new.clear()


def _insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                 rows: Sequence[Sequence[Any]]) -> None:
    """INSERT ``rows`` into ``table``, ROWS_PER_INSERT rows per statement."""
    width = len(columns)
    per = max(1, min(ROWS_PER_INSERT,
                     conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    marks = f"({', '.join('?' * width)})"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    whole = len(rows) - len(rows) % per
    conn.executemany(head + ", ".join([marks] * per),
                     (list(chain.from_iterable(rows[start:start + per]))
                      for start in range(0, whole, per)))
    conn.executemany(head + marks, rows[whole:])


_DEAL_COLUMNS = ("id", *DEAL_COLUMNS, "created_at", "updated_at")
_CLIENT_POSITION = _DEAL_COLUMNS.index(LOOKUP_COLUMNS[LookupKind.CLIENT])
_STAGE_POSITION = _DEAL_COLUMNS.index(LOOKUP_COLUMNS[LookupKind.STAGE])
_TYPE, _TYPE_SET, _OUTCOME, _FIRST_CONTACT, _CLOSED_ON = map(_DEAL_COLUMNS.index, (
    "customer_type", "customer_type_set", "outcome", "first_contact", "closed_on"))
_UPDATE_DEAL = ("UPDATE deals SET " + ", ".join(f"{c} = ?" for c in _DEAL_COLUMNS[1:-2])
                + ", updated_at = ? WHERE id = ?")
_EVENT_COLUMNS = ("deal_id", "stage_id", "entered_on")
_LOOKUP_KINDS = {kind.value: kind for kind in LOOKUP_COLUMNS}
_CURRENT, _NEW = CustomerType.CURRENT.value, CustomerType.NEW.value

# The deal columns an update may change, by the fields that feed them. A group changes
# together or not at all: outcome, dates, stage and lost reason are validated together, so
# taking some from the file and some from the deal could make an invalid deal. Any other field
# changes its own column; the flags change with the fields they describe.
_PROGRESS_FIELDS = frozenset({"outcome", "stage", "first_contact", "closed_on",
                              "expected_close", "lost_reason", "lost_reason_note"})
_GROUPS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (_PROGRESS_FIELDS, frozenset({"outcome", "first_contact", "first_contact_inferred",
                                  "closed_on", "expected_close", "stage_id",
                                  "lost_reason_id", "lost_reason_note"})),
    (frozenset({"customer_type"}), frozenset({"customer_type", "customer_type_set"})),
    (frozenset({"amount", "currency"}), frozenset({"amount", "currency"})),
)
_UPDATE_GROUPS = _GROUPS + tuple(
    (frozenset({f.name}), frozenset({FIELD_COLUMNS[f.name]})) for f in DEAL_FIELDS
    if f.imported and f.kind is not FieldKind.FLAG
    and not any(f.name in feeding for feeding, _ in _GROUPS))


def updated_columns(mapping: ColumnMapping) -> frozenset[str]:
    """The deal columns an update from a file with ``mapping`` takes from the file; the
    others keep what the deal holds (a file without a notes column does not erase notes)."""
    fields = set(mapping.columns) | set(mapping.fallbacks)
    if mapping.created_column or mapping.stage_dates:
        fields |= {"first_contact", "stage"}
    if mapping.won_column or mapping.closed_column:
        fields.add("outcome")
    columns: set[str] = set()
    for feeding, changed in _UPDATE_GROUPS:
        if fields & feeding:
            columns |= changed
    return frozenset(columns)


MatchKey = tuple[str, ...]


def match_key(deal: Deal) -> MatchKey:
    """What tells a row's deal from others: its external id (an export's own id included),
    else its title, client and first contact."""
    if deal.external_id:
        return ("external", deal.external_id)
    first = deal.first_contact.isoformat() if deal.first_contact else ""
    return ("deal", deal.title.casefold(), (deal.client or "").casefold(), first)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


@dataclass(frozen=True, slots=True)
class _Row:
    """A converted row on its way in: its number, its deal (an export's own id taken out of
    the external id) and that id, if any."""

    number: int
    deal: Deal
    history: tuple[StageEvent, ...]
    exported: ExportId | None
    key: MatchKey


class ImportWriter:
    """Writes converted deals inside the caller's transaction, a batch of rows at a time."""

    def __init__(self, db: Database, today: dt.date, on_duplicate: str,
                 update_columns: frozenset[str], shared_keys: frozenset[MatchKey]) -> None:
        self.db = db
        self.today = today
        self.today_text = today.isoformat()
        self.update = on_duplicate == "update"
        self.update_columns = update_columns
        self.file_id = file_id_of(db)
        self.shared_keys = shared_keys
        self.stamp = now_stamp()
        self.lookups = _Lookups(db)
        row = db.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM deals").fetchone()
        self.empty = row[0] == 0
        self.max_before = int(row[1])
        self.next_id = 1 + int(db.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'deals'), 0),"
            " ?)", [self.max_before]).fetchone()[0])
        self.deals: list[Sequence[Any]] = []
        self.events: list[tuple[int, int, str]] = []
        self.client_ids: set[int] = set()
        # Each client's first won close among the deals inserted so far (ISO text).
        self.first_wins: dict[int, str] = {}
        # Into an empty file: by client, (start, id) of the deals judged 'new' that a win
        # closed before their start would make 'current'; and the deals it did.
        self._judged_new: dict[int, list[tuple[str, int]]] = {}
        self._wrong: list[int] = []
        self.deal_ids: list[int] = []
        self.imported = self.updated = self.duplicates = 0
        self._pending: list[_Row] = []
        self._dropped: list[str] = []
        # Into an empty file the full-text index is filled as the deals are written (ids
        # from _text_from up to _written_to), while this process would wait for rows.
        self._text_from = self._written_to = self.next_id
        if self.empty:
            self._drop_indexes()

    def _drop_indexes(self) -> None:
        """Drop the deals' indexes and insert trigger; ``finish`` rebuilds them."""
        rows = self.db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
            "(type = 'index' AND tbl_name IN ('deals', 'stage_events'))"
            " OR (type = 'trigger' AND name = 'deals_fts_ai'))").fetchall()
        for kind, name, sql in rows:
            self.db.execute(f"DROP {kind.upper()} {name}")
            self._dropped.append(sql)
        self.db.execute("INSERT INTO deals_fts(deals_fts) VALUES ('delete-all')")
        self._text_columns = ", ".join(row[0] for row in self.db.execute(
            "SELECT name FROM pragma_table_info('deals_fts')"))

    def work_ahead(self) -> bool:
        """Some of ``finish``'s work on the deals written so far, while this process waits
        for rows (into an empty file): add up to TEXT_SLICE of them to the full-text index,
        else correct the customer types found wrong. False when nothing was waiting."""
        return self._index_text() or self._correct_types()

    def _correct_types(self) -> bool:
        """Make the written deals found 'current' after they were judged 'new' so, in the
        table's order; False when there were none."""
        written = sorted(i for i in self._wrong if i < self._written_to)
        if not written:
            return False
        self._wrong = [i for i in self._wrong if i >= self._written_to]
        self.db.conn.executemany("UPDATE deals SET customer_type = ? WHERE id = ?",
                                 zip(repeat(_CURRENT), written))
        return True

    def _index_text(self, limit: int = TEXT_SLICE) -> bool:
        """Add up to ``limit`` of the deals written since the last call to the full-text
        index (into an empty file); False when none was waiting."""
        end = min(self._written_to, self._text_from + limit)
        if end <= self._text_from:
            return False
        self.db.execute(f"INSERT INTO deals_fts(rowid, {self._text_columns})"
                        f" SELECT id, {self._text_columns} FROM deals WHERE id >= ? AND id < ?",
                        [self._text_from, end])
        self._text_from = end
        return True

    def stages_in_order(self, names: Sequence[str]) -> None:
        """Create the stages a file's history names, in the file's order."""
        for name in names:
            self.lookups.id(LookupKind.STAGE, name)

    def add(self, number: int, result: Converted) -> list[tuple[int, str]]:
        """Queue row ``number``'s deal; every BATCH rows the batch is matched and written.
        Returns the rows left alone because their match is ambiguous, with the reason."""
        deal = result.deal
        key = match_key(deal) if not self.empty else ()
        exported = ExportId.parse(deal.external_id)
        if exported is not None:  # salesdesk's own id of the deal, never an external id
            deal = replace(deal, external_id=None)
        if self.empty:  # nothing to match: straight in
            self._insert(deal, result.history)
            return []
        self._pending.append(_Row(number, deal, result.history, exported, key))
        return self.write_pending() if len(self._pending) >= BATCH else []

    @property
    def pending(self) -> int:
        """Rows queued until the next batch is matched and written."""
        return len(self._pending)

    def write_pending(self) -> list[tuple[int, str]]:
        """Match and write the queued rows; return the ambiguous ones with the reason."""
        rows, self._pending = self._pending, []
        found = self._matches(rows)
        left_alone: list[tuple[int, str]] = []
        for row, ids in zip(rows, found, strict=True):
            if not ids:
                self._insert(row.deal, row.history)
            elif self.update and len(ids) > 1:
                left_alone.append((row.number, (
                    "ambiguous: more than one deal in the file has this "
                    + ("external id" if row.deal.external_id else
                       "title, client and first contact")
                    + "; none was updated (give each row its own external id)")))
            elif self.update and row.key in self.shared_keys:
                left_alone.append((row.number, "ambiguous: another row of this file matches"
                                               " the same deal; none of them updated it"))
            else:
                self.duplicates += 1
                if self.update:
                    self._update(ids[0], row.deal, row.history)
        return left_alone

    def _matches(self, rows: Sequence[_Row]) -> list[list[int]]:
        """For each row the deals already in the file it is (more than one: ambiguous); a
        row of one of this file's own exports is its deal, exactly."""
        own = [r.exported for r in rows
               if r.exported is not None and r.exported.file_id == self.file_id]
        created: dict[int, str] = {}
        for part in _chunks(sorted({e.deal_id for e in own})):
            created.update(self.db.execute(
                f"SELECT id, created_at FROM deals WHERE id IN ({','.join('?' * len(part))})",
                list(part)).fetchall())
        by_external = self._by_external(r.deal.external_id for r in rows)
        by_key = self._by_key([r.deal for r in rows if not r.deal.external_id])
        found: list[list[int]] = []
        for row in rows:
            exported = row.exported
            if (exported is not None and exported.file_id == self.file_id
                    and created.get(exported.deal_id) == exported.created_at):
                found.append([exported.deal_id])
            elif row.deal.external_id:
                found.append(by_external.get(row.deal.external_id, [])[:2])
            else:
                key = self._key(row.deal)
                found.append([] if key is None else by_key.get(key, [])[:2])
        return found

    def _by_external(self, external_ids: Iterable[str | None]) -> dict[str, list[int]]:
        wanted = sorted({e for e in external_ids if e})
        ids: dict[str, list[int]] = defaultdict(list)
        for part in _chunks(wanted):
            for external_id, deal_id in self.db.execute(
                    f"SELECT external_id, id FROM deals WHERE external_id IN"
                    f" ({','.join('?' * len(part))}) AND id <= ? ORDER BY id",
                    [*part, self.max_before]):
                ids[external_id].append(deal_id)
        return ids

    def _key(self, deal: Deal) -> tuple[str, int | None, str | None] | None:
        """A deal's title (as NOCASE compares), client id and first contact; None when its
        client is not in the file yet (then no deal there can be it)."""
        client_id = None
        if deal.client:
            client_id = self.lookups.find(LookupKind.CLIENT, deal.client)
            if client_id is None:
                return None
        first = deal.first_contact.isoformat() if deal.first_contact else None
        return deal.title.translate(_ASCII_LOWER), client_id, first

    def _by_key(self, deals: Sequence[Deal]) -> dict[tuple[str, int | None, str | None],
                                                      list[int]]:
        titles = sorted({d.title for d in deals})
        ids: dict[tuple[str, int | None, str | None], list[int]] = defaultdict(list)
        for part in _chunks(titles):
            for deal_id, title, client_id, first in self.db.execute(
                    f"SELECT id, title, client_id, first_contact FROM deals WHERE title"
                    f" COLLATE NOCASE IN ({','.join('?' * len(part))}) AND id <= ?"
                    " ORDER BY id", [*part, self.max_before]):
                ids[(title.translate(_ASCII_LOWER), client_id, first)].append(deal_id)
        return ids

    def _values(self, deal_id: int, deal: Deal) -> list[Any]:
        return [deal_id, *column_values(deal, self.lookups.id, self._first_stage), self.stamp,
                self.stamp]

    def _customer_type(self, deal_id: int, client_id: int | None, type_set: bool,
                       outcome: str, closed: str | None, first: str | None, given: str) -> str:
        """A new deal's customer type: ``given`` when set by hand, else 'current' when the
        wins inserted so far (with ``closed`` its own close, if a win) make it so.

        A client's first win only moves earlier as rows are read, so a deal judged 'current'
        stays so. Into a file that had no deals, the deals judged 'new' are remembered by
        client until an earlier win makes them 'current' (``_wrong``): the types are then
        exact without deriving them again over every deal. Otherwise ``finish`` derives the
        types of the clients imported, rewriting only the deals whose type changes.
        """
        won = self.first_wins.get(client_id) if client_id is not None else None
        if client_id is not None and outcome == "won" and closed is not None and (
                won is None or closed < won):
            self.first_wins[client_id] = won = closed  # a win whatever its deal's type
            if self.empty:
                self._now_current(client_id, closed)
        if type_set:
            return given
        start = first or self.today_text
        if won is not None and won < start:
            return _CURRENT
        if self.empty and client_id is not None:
            self._judged_new.setdefault(client_id, []).append((start, deal_id))
        return _NEW

    def _now_current(self, client_id: int, won: str) -> None:
        """Client ``client_id``'s first win is now ``won``: its deals judged 'new' that
        started after it are 'current'."""
        judged = self._judged_new.get(client_id)
        if judged:
            kept = [entry for entry in judged if entry[0] <= won]
            if len(kept) < len(judged):
                self._wrong += [deal_id for start, deal_id in judged if start > won]
                self._judged_new[client_id] = kept

    def _first_stage(self) -> int:
        return self.lookups.first_stage

    def _new_ids(self, count: int) -> range:
        """Ids for the next ``count`` deals, in the file's order."""
        ids = range(self.next_id, self.next_id + count)
        self.next_id += count
        self.deal_ids.extend(ids)
        self.imported += count
        return ids

    def _insert(self, deal: Deal, history: Sequence[StageEvent]) -> None:
        """Queue a new deal with the next id; write the queue when it is full."""
        self._queue(deal, history, self._new_ids(1)[0])
        if len(self.deals) >= BATCH:
            self.flush()

    def _queue(self, deal: Deal, history: Sequence[StageEvent], deal_id: int) -> None:
        """Queue a new deal with an id ``_new_ids`` gave it."""
        values = self._values(deal_id, deal)
        values[_TYPE] = self._customer_type(
            deal_id, values[_CLIENT_POSITION], values[_TYPE_SET], values[_OUTCOME],
            values[_CLOSED_ON], values[_FIRST_CONTACT], values[_TYPE])
        self.deals.append(values)
        client_id = values[_CLIENT_POSITION]
        if client_id is not None:
            self.client_ids.add(client_id)
        self._history(deal_id, values[_STAGE_POSITION], deal, history)

    def add_batch(self, batch: Batch, converted: Sequence[tuple[int, Converted]]) -> None:
        """Insert a batch's deals into the empty file (nothing to match): those of its fast
        path from their columns, and ``converted``, the batch's other rows that became deals
        (with their places in the batch); ids follow the file's order."""
        places = batch.positions
        events = len(self.events)
        if converted:
            order = sorted([*places, *(place for place, _ in converted)])
            ids: Sequence[int] = self._new_ids(len(order))
            id_of = dict(zip(order, ids, strict=True))
            for place, result in converted:
                deal = result.deal
                if ExportId.parse(deal.external_id) is not None:
                    deal = replace(deal, external_id=None)
                self._queue(deal, result.history, id_of[place])
            ids = [id_of[place] for place in places]
        else:
            ids = self._new_ids(len(places))
        columns = batch.columns
        values = [self._column(name, columns[name]) for name in WRITTEN_FIELDS]
        stages = values[_STAGE_POSITION - 1]
        if None in stages:
            first_stage = self.lookups.first_stage
            stages[:] = [first_stage if s is None else s for s in stages]
        clients = values[_CLIENT_POSITION - 1]
        self.client_ids.update(clients)
        self.client_ids.discard(None)
        values[_TYPE - 1] = list(map(
            self._customer_type, ids, clients, values[_TYPE_SET - 1], values[_OUTCOME - 1],
            values[_CLOSED_ON - 1], values[_FIRST_CONTACT - 1], values[_TYPE - 1]))
        self.deals += zip(ids, *values, repeat(self.stamp), repeat(self.stamp), strict=False)
        today = self.today_text
        self.events += zip(ids, stages, [first or today for first in
                                         values[_FIRST_CONTACT - 1]], strict=True)
        if converted:  # each deal's history in the order of the deals, as the rows come
            self.events[events:] = sorted(self.events[events:], key=itemgetter(0))
        if len(self.deals) >= BATCH:
            self.flush()

    def _column(self, name: str, values: list[Any]) -> list[Any]:
        """A field's values of a batch as its column holds them (names as ids)."""
        kind = _LOOKUP_KINDS.get(name)
        if kind is not None:
            known = self.lookups.exact[kind]
            ids = list(map(known.get, values))
            if ids.count(None) > values.count(None):  # names new to the list, made in order
                for value in dict.fromkeys(values):
                    if value not in known:
                        self.lookups.id(kind, value)
                ids = list(map(known.get, values))
            return ids
        if name == "external_id" and ExportId.PREFIX in "\n".join(filter(None, values)):
            parse = ExportId.parse  # salesdesk's own id of a deal, never an external id
            return [None if parse(value) is not None else value for value in values]
        return values

    def _history(self, deal_id: int, stage_id: int, deal: Deal,
                 history: Sequence[StageEvent]) -> None:
        if history:
            for event in history:
                event_stage = self.lookups.id(LookupKind.STAGE, event.stage) or stage_id
                self.events.append((deal_id, event_stage, event.entered_on.isoformat()))
        else:
            self.events.append((deal_id, stage_id, (deal.first_contact or self.today)
                                .isoformat()))

    def _update(self, deal_id: int, deal: Deal, history: Sequence[StageEvent]) -> None:
        self.flush()
        old = self.db.execute(f"SELECT {', '.join(_DEAL_COLUMNS)} FROM deals WHERE id = ?",
                              [deal_id]).fetchone()
        new = self._values(deal_id, deal)
        values = tuple(n if c in self.update_columns else o
                       for c, n, o in zip(_DEAL_COLUMNS, new, old, strict=True))
        self.db.execute(_UPDATE_DEAL, [*values[1:-2], self.stamp, deal_id])
        for client_id in (old[_CLIENT_POSITION], values[_CLIENT_POSITION]):
            if client_id is not None:
                self.client_ids.add(client_id)
        if history:
            self.db.execute("DELETE FROM stage_events WHERE deal_id = ?", [deal_id])
            self._history(deal_id, values[_STAGE_POSITION], deal, history)
        elif values[_STAGE_POSITION] != old[_STAGE_POSITION]:
            self.events.append((deal_id, values[_STAGE_POSITION], self.today.isoformat()))
        self.deal_ids.append(deal_id)
        self.updated += 1

    def flush(self) -> None:
        """Insert the list values, deals and stage events waiting in memory."""
        self.lookups.flush()
        if self.deals:
            _insert_rows(self.db.conn, "deals", _DEAL_COLUMNS, self.deals)
            self.deals.clear()
            self._written_to = self.next_id
        if self.events:
            _insert_rows(self.db.conn, "stage_events", _EVENT_COLUMNS, self.events)
            self.events.clear()

    def finish(self) -> None:
        """Write what is left, settle the customer types, rebuild dropped indexes."""
        self.flush()
        self._correct_types()  # before the indexes are rebuilt
        if self._dropped:
            # An index build sorts in runs as large as the cache: at the load's 64 MiB the
            # builds took a third longer than at SQLite's default (1,000,000 deals).
            self.db.execute(f"PRAGMA cache_size = -{REBUILD_CACHE_KIB}")
        for sql in self._dropped:
            self.db.execute(sql)
        if self._dropped:
            self._index_text(self._written_to - self._text_from)
        if not self.empty and self.client_ids:
            derive_customer_types(self.db, self.today, self.client_ids)
