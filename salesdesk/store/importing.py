"""The import engine shared by the wizard and ``salesdesk import``.

``plan_import`` opens the file, detects (or takes) the mapping and infers how dates and
amounts are written; ``preview`` converts the first rows without writing; ``run_import``
streams every row through domain's RowConverter and writes all valid rows in ONE transaction
(DESIGN.md §7: Cancel or a crash leaves the database exactly as before). Invalid rows go, with
their row number, column and reason, to a rejected-rows CSV beside the source.

Speed: into an empty database the deals table's indexes and full-text trigger are dropped for
the load and rebuilt once at the end, inside the same transaction; rows are inserted with
``executemany`` in batches; lookup names are resolved through in-memory dictionaries.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import string
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database

from salesdesk.domain.deals import Deal, LookupKind, StageEvent
from salesdesk.domain.fields import DEAL_FIELDS, FieldKind
from salesdesk.domain.importing import (
    REJECTED_COLUMN,
    ColumnMapping,
    Converted,
    Inference,
    ReadRules,
    Rejected,
    RowConverter,
    RowResult,
    Skipped,
    detect_mapping,
    mapping_notes,
    normalise_value,
)
from salesdesk.domain.validation import InputRules
from salesdesk.files import neutralise_cell, replacing
from salesdesk.store import lookups
from salesdesk.store.connection import file_id as file_id_of
from salesdesk.store.customer_types import derive_customer_types
from salesdesk.store.deals import DEAL_COLUMNS, FIELD_COLUMNS, column_values, now_stamp
from salesdesk.store.errors import StoreError
from salesdesk.store.identity import ExportId
from salesdesk.store.import_files import Source, SourceInfo, SourceOptions, open_source
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

BATCH = 5000
PROGRESS_EVERY = 2000
# cache_size during a large import (KiB, negative as SQLite wants): enough for index builds
# without pushing the process past its memory target.
IMPORT_CACHE_KIB = 64 * 1024
SORT_THREADS = 2

DUPLICATE_CHOICES = ("skip", "update")


class ImportCancelled(StoreError):
    """The user cancelled; the transaction was rolled back and nothing changed."""


class _DryRun(Exception):
    """Raised inside the transaction of a dry run to roll it back."""


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Everything decided before rows are written: the file, its mapping and reading rules."""

    path: Path
    info: SourceInfo
    source_options: SourceOptions
    headers: tuple[str, ...]
    mapping: ColumnMapping
    rules: ReadRules
    notes: tuple[str, ...] = ()

    def converter(self, input_rules: InputRules) -> RowConverter:
        """The row converter for this plan."""
        return RowConverter(self.headers, self.mapping, self.rules, input_rules)


@dataclass(slots=True)
class ImportSummary:
    """What an import did; ``to_dict`` is the CLI's JSON summary."""

    imported: int = 0
    updated: int = 0
    duplicates: int = 0
    ambiguous: int = 0
    skipped: int = 0
    rejected: int = 0
    rejected_file: Path | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False
    deal_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON summary of ``salesdesk import``."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "ambiguous": self.ambiguous,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "rejected_file": str(self.rejected_file) if self.rejected_file else None,
            "mapping": dict(self.mapping),
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """A converted row of the preview."""

    number: int
    cells: tuple[str, ...]
    result: RowResult


def default_rejected_path(source: Path) -> Path:
    """``<source name>-rejected.csv`` beside the source."""
    return source.with_name(f"{source.stem}-rejected.csv")


def infer_rules(source: Source, mapping: ColumnMapping, *, date_format: str | None = None,
                cancelled: Callable[[], bool] | None = None) -> tuple[ReadRules, list[str]]:
    """Read the mapped date and amount columns until their formats are settled (the whole
    column when they stay ambiguous) and return the reading rules with notes."""
    inference = Inference.for_mapping(source.headers, mapping)
    for count, (_, cells) in enumerate(source.rows()):
        inference.add(cells)
        if inference.settled:
            break
        if cancelled is not None and count % PROGRESS_EVERY == 0 and cancelled():
            raise ImportCancelled("The import was cancelled; nothing changed.")
    source.close()
    return inference.rules(comma_likely=source.info.delimiter == ";", date_format=date_format)


def plan_import(path: Path, source_options: SourceOptions = SourceOptions(),
                mapping: ColumnMapping | None = None, *, date_format: str | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """Open ``path``, detect what is not given and infer the reading rules.

    Raises UnreadableFile when the file cannot be read at all, ValueError when ``mapping``
    names columns the file lacks.
    """
    with open_source(path, source_options) as source:
        mapping = mapping or detect_mapping(source.headers)
        missing = sorted(h for h in mapping.used_headers() if h not in source.headers)
        if missing:
            raise ValueError(f"{path.name} has no column " + ", ".join(map(repr, missing))
                             + ". Its columns are: " + ", ".join(map(repr, source.headers)))
        rules, inferred = infer_rules(source, mapping, date_format=date_format,
                                      cancelled=cancelled)
        notes = [f"Read as {source.info.describe()}.", *mapping_notes(mapping), *inferred]
        return ImportPlan(path, source.info, SourceOptions(
            encoding=source.info.encoding, delimiter=source.info.delimiter,
            sheet=source.info.sheet), tuple(source.headers), mapping, rules, tuple(notes))


def preview(plan: ImportPlan, input_rules: InputRules, limit: int = 100) -> list[PreviewRow]:
    """The first ``limit`` rows converted (nothing is written)."""
    converter = plan.converter(input_rules)
    rows: list[PreviewRow] = []
    with open_source(plan.path, plan.source_options) as source:
        for number, cells in source.rows():
            rows.append(PreviewRow(number, tuple(cells), converter.convert(cells)))
            if len(rows) >= limit:
                break
        source.close()
    return rows


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _nocase(name: str) -> str:
    # SQLite's NOCASE folds ASCII letters only: the cache must treat names exactly as it does.
    return " ".join(name.split()).translate(_ASCII_LOWER)


class _Lookups:
    """Lookup names → ids for the whole import, creating the values the file introduces.

    Every existing name is loaded once; a name is then found by its exact text (the common
    case, no normalising) or by its NOCASE key, and a new one is inserted directly (no
    per-name savepoint: the import's transaction covers it).
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

    def id(self, kind: LookupKind, name: str | None) -> int | None:
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
        if kind is LookupKind.STAGE:
            cursor = self.db.conn.execute("INSERT INTO stages (name, position) VALUES (?, ?)",
                                          [name, self._next_position])
            self._next_position += 1
        else:
            cursor = self.db.conn.execute(
                f"INSERT INTO {LOOKUP_TABLES[kind]} (name) VALUES (?)", [name])
        return int(cursor.lastrowid or 0)


_DEAL_COLUMNS = ("id", *DEAL_COLUMNS, "created_at", "updated_at")
_CLIENT_POSITION = _DEAL_COLUMNS.index(LOOKUP_COLUMNS[LookupKind.CLIENT])
_STAGE_POSITION = _DEAL_COLUMNS.index(LOOKUP_COLUMNS[LookupKind.STAGE])
_INSERT_DEAL = (f"INSERT INTO deals ({', '.join(_DEAL_COLUMNS)})"
                f" VALUES ({', '.join('?' * len(_DEAL_COLUMNS))})")
_UPDATE_DEAL = ("UPDATE deals SET " + ", ".join(f"{c} = ?" for c in _DEAL_COLUMNS[1:-2])
                + ", updated_at = ? WHERE id = ?")
_INSERT_EVENT = "INSERT INTO stage_events (deal_id, stage_id, entered_on) VALUES (?, ?, ?)"

# The deal columns an update may change, by the fields that feed them. A group changes
# together or not at all: outcome, dates, stage and lost reason are validated together, so
# taking some from the file and some from the deal could make an invalid deal. Any other field
# changes its own column; the flags change with the fields they describe.
_PROGRESS_FIELDS = frozenset({"outcome", "stage", "first_contact", "closed_on",
                              "expected_close", "lost_reason"})
_GROUPS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (_PROGRESS_FIELDS, frozenset({"outcome", "first_contact", "first_contact_inferred",
                                  "closed_on", "expected_close", "stage_id",
                                  "lost_reason_id"})),
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
    columns: set[str] = set()
    for feeding, changed in _UPDATE_GROUPS:
        if fields & feeding:
            columns |= changed
    return frozenset(columns)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


MatchKey = tuple[str, ...]


def match_key(deal: Deal) -> MatchKey:
    """What tells a row's deal from others: its external id (an export's own id included),
    else its title, client and first contact."""
    if deal.external_id:
        return ("external", deal.external_id)
    first = deal.first_contact.isoformat() if deal.first_contact else ""
    return ("deal", deal.title.casefold(), (deal.client or "").casefold(), first)


def _shared_keys(plan: ImportPlan, converter: RowConverter,
                 progress: Callable[[int, float], None] | None,
                 cancelled: Callable[[], bool] | None) -> frozenset[MatchKey]:
    """The match keys more than one row of the file has (read before an update import:
    such rows cannot tell which of them should update a deal)."""
    counts: Counter[MatchKey] = Counter(
        match_key(result.deal) for _, _, result in _converted(plan, converter, progress,
                                                              cancelled)
        if isinstance(result, Converted))
    return frozenset(key for key, count in counts.items() if count > 1)


class _Writer:
    """Writes converted deals inside the caller's transaction."""

    def __init__(self, db: Database, today: dt.date, on_duplicate: str,
                 update_columns: frozenset[str], shared_keys: frozenset[MatchKey]) -> None:
        self.db = db
        self.today = today
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
        self.deals: list[tuple[Any, ...]] = []
        self.events: list[tuple[int, int, str]] = []
        self.client_ids: set[int] = set()
        self.deal_ids: list[int] = []
        self.imported = self.updated = self.duplicates = 0
        self._dropped: list[str] = []
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

    def stages_in_order(self, names: Sequence[str]) -> None:
        """Create the stages a file's history names, in the file's order."""
        for name in names:
            self.lookups.id(LookupKind.STAGE, name)

    def _values(self, deal_id: int, deal: Deal) -> tuple[Any, ...]:
        return (deal_id, *column_values(deal, self.lookups.id, self._first_stage), self.stamp,
                self.stamp)

    def _first_stage(self) -> int:
        return self.lookups.first_stage

    def _match(self, deal: Deal, exported: ExportId | None) -> list[int]:
        """The deals already in the file that ``deal`` is (more than one: ambiguous); a row
        of one of this file's own exports is its deal, exactly."""
        if self.empty:
            return []
        if exported is not None and exported.file_id == self.file_id:
            rows = self.db.execute("SELECT id FROM deals WHERE id = ? AND created_at = ?",
                                   [exported.deal_id, exported.created_at]).fetchall()
            if rows:
                return [int(rows[0][0])]
        if deal.external_id:
            rows = self.db.execute("SELECT id FROM deals WHERE external_id = ? AND id <= ?"
                                   " ORDER BY id LIMIT 2",
                                   [deal.external_id, self.max_before]).fetchall()
        else:
            client_id = self.lookups.id(LookupKind.CLIENT, deal.client) if deal.client else None
            rows = self.db.execute(
                "SELECT id FROM deals WHERE title = ? COLLATE NOCASE AND client_id IS ?"
                " AND first_contact IS ? AND id <= ? ORDER BY id LIMIT 2",
                [deal.title, client_id, _iso(deal.first_contact), self.max_before]).fetchall()
        return [int(row[0]) for row in rows]

    def add(self, deal: Deal, history: Sequence[StageEvent]) -> str | None:
        """Insert ``deal``, or skip or update the deal it matches; return why it was left
        alone when the match is ambiguous (None otherwise)."""
        key = match_key(deal)
        exported = ExportId.parse(deal.external_id)
        if exported is not None:  # salesdesk's own id of the deal, never an external id
            deal = replace(deal, external_id=None)
        found = self._match(deal, exported)
        if found:
            if self.update and len(found) > 1:
                return ("ambiguous: more than one deal in the file has this "
                        + ("external id" if deal.external_id else
                           "title, client and first contact")
                        + "; none was updated (give each row its own external id)")
            if self.update and key in self.shared_keys:
                return ("ambiguous: another row of this file matches the same deal; none of"
                        " them updated it")
            self.duplicates += 1
            if self.update:
                self._update(found[0], deal, history)
            return None
        deal_id = self.next_id
        self.next_id += 1
        values = self._values(deal_id, deal)
        self.deals.append(values)
        self.deal_ids.append(deal_id)
        client_id = values[_CLIENT_POSITION]
        if client_id is not None:
            self.client_ids.add(client_id)
        self._history(deal_id, values[_STAGE_POSITION], deal, history)
        self.imported += 1
        if len(self.deals) >= BATCH:
            self.flush()
        return None

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
        if self.deals:
            self.db.conn.executemany(_INSERT_DEAL, self.deals)
            self.deals.clear()
        if self.events:
            self.db.conn.executemany(_INSERT_EVENT, self.events)
            self.events.clear()

    def finish(self) -> None:
        """Write what is left, rebuild dropped indexes, derive customer types."""
        self.flush()
        for sql in self._dropped:
            self.db.execute(sql)
        if self._dropped:
            self.db.execute("INSERT INTO deals_fts(deals_fts) VALUES ('rebuild')")
        if self.empty:
            derive_customer_types(self.db, self.today)
        elif self.client_ids:
            derive_customer_types(self.db, self.today, self.client_ids)


class _RejectedRows:
    """The rejected-rows CSV, written (safely) only when some row is rejected."""

    def __init__(self, path: Path, headers: Sequence[str], stack: contextlib.ExitStack) -> None:
        self.path = path
        self.headers = list(headers)
        self._stack = stack
        self._handle: IO[str] | None = None
        self._writer: Any = None

    def add(self, number: int, cells: Sequence[str], rejected: Rejected) -> None:
        if self._writer is None:
            temp = self._stack.enter_context(replacing(self.path, prefix=".salesdesk-rejected-"))
            # utf-8-sig: Excel opens it with the right characters on every platform.
            self._handle = self._stack.enter_context(
                temp.open("w", encoding="utf-8-sig", newline=""))
            self._writer = csv.writer(self._handle)
            self._writer.writerow([neutralise_cell(h) for h in (*self.headers, REJECTED_COLUMN)])
        padded = list(cells) + [""] * (len(self.headers) - len(cells))
        self._writer.writerow([neutralise_cell(c) for c in padded]
                              + [neutralise_cell(f"row {number}: {rejected.reason()}")])

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()

    @property
    def written(self) -> bool:
        return self._writer is not None


def run_import(db: Database, plan: ImportPlan, input_rules: InputRules, *,
               today: dt.date, on_duplicate: str = "skip", rejected_path: Path | None = None,
               dry_run: bool = False, progress: Callable[[int, float], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ImportSummary:
    """Import every row of ``plan`` into ``db`` in one transaction; return the summary.

    ``progress(rows, fraction)`` is called every few thousand rows; when ``cancelled()``
    returns True the transaction is rolled back and ImportCancelled raised. A dry run converts
    and matches every row, then rolls back and writes no rejected-rows file.
    """
    if on_duplicate not in DUPLICATE_CHOICES:
        raise ValueError(f"on_duplicate must be one of {DUPLICATE_CHOICES}")
    converter = plan.converter(input_rules)
    summary = ImportSummary(mapping=dict(plan.mapping.columns), notes=list(plan.notes),
                            dry_run=dry_run)
    rejected_to = rejected_path or default_rejected_path(plan.path)
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    threads = db.execute("PRAGMA threads").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    db.execute(f"PRAGMA threads = {SORT_THREADS}")  # helpers sort the rebuilt indexes
    # Every lookup id the import writes comes from _Lookups, which read or created it in this
    # transaction: checking eight foreign keys per row would only repeat that. (The pragma
    # cannot change inside a transaction, so it is set around it.)
    foreign_keys = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with contextlib.ExitStack() as stack:
            rejected = _RejectedRows(rejected_to, plan.headers, stack)
            shared: frozenset[MatchKey] = frozenset()
            if on_duplicate == "update":  # a first reading, half of the progress
                shared = _shared_keys(plan, converter, _scaled(progress, 0.0), cancelled)
                progress = _scaled(progress, 0.5)
            try:
                with db.atomic():
                    writer = _Writer(db, today, on_duplicate,
                                     updated_columns(plan.mapping), shared)
                    writer.stages_in_order([s for _, s in plan.mapping.stage_dates
                                            if normalise_value(s)
                                            not in plan.mapping.outcome_values])
                    for number, cells, result in _converted(plan, converter, progress,
                                                            cancelled):
                        if isinstance(result, Converted):
                            left_alone = writer.add(result.deal, result.history)
                            if left_alone is not None:
                                summary.ambiguous += 1
                                if not dry_run:
                                    rejected.add(number, cells, Rejected(((
                                        "", left_alone),)))
                        elif isinstance(result, Skipped):
                            summary.skipped += 1
                            summary.skip_reasons[result.reason] += 1
                        else:
                            summary.rejected += 1
                            if not dry_run:
                                rejected.add(number, cells, result)
                    _stop_if_cancelled(cancelled)  # pressed after the last progress check
                    writer.finish()
                    _stop_if_cancelled(cancelled)  # pressed while the indexes were rebuilt
                    summary.imported, summary.updated = writer.imported, writer.updated
                    summary.duplicates = writer.duplicates
                    summary.deal_ids = writer.deal_ids
                    if dry_run:
                        raise _DryRun
            except _DryRun:
                pass
            rejected.close()
            if rejected.written:
                summary.rejected_file = rejected_to
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")
        db.execute(f"PRAGMA threads = {threads}")
        db.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")
    _finish_notes(summary, writer.lookups.created if not dry_run else set())
    return summary


def _scaled(progress: Callable[[int, float], None] | None, start: float
            ) -> Callable[[int, float], None] | None:
    """``progress`` for one of two readings of the file: half of the bar from ``start``."""
    if progress is None:
        return None
    report = progress
    return lambda rows, fraction: report(rows, start + fraction / 2)


def _finish_notes(summary: ImportSummary, created: set[LookupKind]) -> None:
    for reason, count in summary.skip_reasons.most_common():
        summary.notes.append(f"Skipped {count} row{'s' if count != 1 else ''}: {reason}.")
    if summary.ambiguous:
        summary.notes.append(
            f"Left {summary.ambiguous} row{'s' if summary.ambiguous != 1 else ''} alone that"
            " matched more than one deal (or shared its deal with another row): nothing was"
            " guessed; they are in the rejected-rows file with the reason.")
    if summary.rejected:
        where = (f"; written to {summary.rejected_file}" if summary.rejected_file
                 else "")
        summary.notes.append(f"Rejected {summary.rejected} row"
                             f"{'s' if summary.rejected != 1 else ''} that cannot become a"
                             f" valid deal{where}.")
    if summary.dry_run:
        summary.notes.append("Dry run: nothing was written.")
    if created:
        summary.notes.append("New list values were added to: "
                             + ", ".join(sorted(k.label for k in created)) + ".")


def _stop_if_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled("The import was cancelled; nothing changed.")


def _converted(plan: ImportPlan, converter: RowConverter,
               progress: Callable[[int, float], None] | None,
               cancelled: Callable[[], bool] | None
               ) -> Iterator[tuple[int, list[str], RowResult]]:
    with open_source(plan.path, plan.source_options) as source:
        convert = converter.convert
        count = 0
        for number, cells in source.rows():
            count += 1
            if count % PROGRESS_EVERY == 0:
                _stop_if_cancelled(cancelled)
                if progress is not None:
                    progress(count, source.fraction(number))
            yield number, cells, convert(cells)
        if progress is not None:
            progress(count, 1.0)
