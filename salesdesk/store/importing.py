"""The import engine shared by the wizard and ``salesdesk import``.

``plan_import`` opens the file, detects (or takes) the mapping and infers how dates and
amounts are written; ``preview`` converts the first rows without writing; ``run_import``
streams every row through domain's RowConverter and writes all valid rows in ONE transaction
(DESIGN.md §7: Cancel or a crash leaves the database exactly as before). Invalid rows go, with
their row number, column and reason, to a rejected-rows file beside the source, in its
delimiter and encoding (``rejected_rows``); it is in place before the transaction commits. How
the rows are written is ``import_writer``'s; what the import did, ``import_summary``'s. Into
a file without deals (nothing to match) the rows are converted a batch at a time, a big
file's in a second process (``import_reading``): the same deals, notes and rejected rows,
sooner.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from sqlite_utils import Database

from salesdesk.breathing import Breather
from salesdesk.domain.importing import (
    SAMPLE_ROWS,
    BatchConverter,
    ColumnMapping,
    Converted,
    Inference,
    Note,
    ReadRules,
    Rejected,
    RowConverter,
    RowResult,
    Skipped,
    detect_mapping,
    guess_mapping,
    looks_headerless,
    mapping_notes,
    missing_essentials,
    normalise_value,
    unmapped_fields,
)
from salesdesk.domain.validation import InputRules
from salesdesk.i18n import translate
from salesdesk.store.errors import StoreError
from salesdesk.store.import_files import (
    Source,
    SourceOptions,
    open_source,
)
from salesdesk.store.import_plan import ImportPlan
from salesdesk.store.import_reading import (
    PIPE_MIN_BYTES,
    Chunk,
    broken_row,
    converted_chunks,
    order_reader,
    piped_chunks,
)
from salesdesk.store.import_summary import ImportSummary
from salesdesk.store.import_writer import ImportWriter, MatchKey, match_key, updated_columns
from salesdesk.store.rejected_rows import RejectedRows, default_rejected_path

PROGRESS_EVERY = 2000
# cache_size while rows are written (KiB, negative as SQLite wants): into a full file every
# index is updated at scattered places (100,000 rows into 1,000,000 deals: a tenth slower with
# SQLite's 2 MiB, no faster with 128 MiB); below the process's memory target. The writer
# lowers it to rebuild indexes. No sorting helper threads (PRAGMA threads): on 2 cores they
# gained nothing, and lost 5 % when the other core was busy.
IMPORT_CACHE_KIB = 64 * 1024

DUPLICATE_CHOICES = ("skip", "update")


class ImportCancelled(StoreError):
    """The user cancelled; the transaction was rolled back and nothing changed."""


class _DryRun(Exception):
    """Raised inside the transaction of a dry run to roll it back."""


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """A converted row of the preview."""

    number: int
    cells: tuple[str, ...]
    result: RowResult


def _stop_if_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled(translate("Importing", "The import was cancelled; nothing changed."))


def infer_rules(source: Source, mapping: ColumnMapping, *, date_format: str | None = None,
                cancelled: Callable[[], bool] | None = None) -> tuple[ReadRules, list[Note]]:
    """Read the mapped date and amount columns until their formats are settled (the whole
    column when they stay ambiguous) and return the reading rules with notes. Breathes
    (salesdesk.breathing): the wizard plans in a worker."""
    inference = Inference.for_mapping(source.headers, mapping)
    breathe = Breather()
    for count, (_, cells) in enumerate(source.rows()):
        breathe()
        inference.add(cells)
        if inference.settled:
            break
        if cancelled is not None and count % PROGRESS_EVERY == 0:
            _stop_if_cancelled(cancelled)
    source.close()
    return inference.rules(comma_likely=source.info.delimiter == ";", date_format=date_format)


def plan_import(path: Path, source_options: SourceOptions = SourceOptions(),
                mapping: ColumnMapping | None = None, *, date_format: str | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """Open ``path``, detect what is not given and infer the reading rules.

    A file without a header row (``source_options.no_header``) has its mapping guessed from
    the values of its first rows. Raises UnreadableFile when the file cannot be read at all,
    ValueError when ``mapping`` names columns the file lacks or reads no column at all.
    """
    with open_source(path, source_options) as source:
        guessed: list[Note] = []
        if mapping is None and source.no_header:
            sample = [cells for _, cells in itertools.islice(source.rows(), SAMPLE_ROWS)]
            source.close()
            mapping, guessed = guess_mapping(source.headers, sample)
        mapping = mapping or detect_mapping(source.headers)
        missing = sorted(h for h in mapping.used_headers() if h not in source.headers)
        if missing:
            raise ValueError(translate(
                "Importing", "{name} has no column {missing}. Its columns are: {columns}").format(
                    name=path.name, missing=", ".join(map(repr, missing)),
                    columns=", ".join(map(repr, source.headers))))
        headerless = not source.no_header and looks_headerless(source.headers)
        if not mapping.reads_anything and not headerless:
            raise ValueError(translate(
                "Importing", "No column of {name} was recognised, and a mapping that reads none"
                " would import every row as an untitled open deal. Its columns are: {columns}."
                " Map them (--map FIELD=COLUMN, or the wizard's mapping page).").format(
                    name=path.name, columns=", ".join(map(repr, source.headers))))
        rules, inferred = infer_rules(source, mapping, date_format=date_format,
                                      cancelled=cancelled)
        read = source.notes()
        notes = [translate("Importing", "Read as {source}.").format(
                     source=source.info.describe()),
                 *guessed, *mapping_notes(mapping), *inferred, *read]
        if headerless:
            notes.append(translate(
                "Importing", "The first row looks like data, not column names: read the file"
                " without a header row (--no-header; the columns are then called column 1,"
                " column 2, …)."))
        return ImportPlan(
            path, source.info, SourceOptions(
                encoding=source.info.encoding, delimiter=source.info.delimiter,
                sheet=source.info.sheet, no_header=source.no_header),
            tuple(source.headers), mapping, rules, tuple(notes), headerless,
            tuple(missing_essentials(mapping)), tuple(unmapped_fields(mapping)), tuple(read))


def preview(plan: ImportPlan, input_rules: InputRules, limit: int = 100) -> list[PreviewRow]:
    """The first ``limit`` rows converted (nothing is written)."""
    converter = plan.converter(input_rules, order_reader(plan))
    rows: list[PreviewRow] = []
    with open_source(plan.path, plan.source_options) as source:
        for number, cells in source.rows():
            result = broken_row(source, number) or converter.convert(cells)
            rows.append(PreviewRow(number, tuple(cells), result))
            if len(rows) >= limit:
                break
        source.close()
    return rows


def _shared_keys(plan: ImportPlan, converter: RowConverter,
                 progress: Callable[[int, float], None] | None,
                 cancelled: Callable[[], bool] | None) -> frozenset[MatchKey]:
    """The match keys more than one row of the file has (read before an update import:
    such rows cannot tell which of them should update a deal)."""
    counts: Counter[MatchKey] = Counter(
        match_key(result.deal) for _, _, result in _converted(plan, converter, progress,
                                                              cancelled, [])
        if isinstance(result, Converted))
    return frozenset(key for key, count in counts.items() if count > 1)


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
    converter = plan.converter(input_rules, order_reader(plan))
    # The planning's notes on the file's lines give way to those of the full reading below,
    # which says the same again (completed): kept, every such problem was said twice.
    summary = ImportSummary(mapping=dict(plan.mapping.columns), unmapped=list(plan.unmapped),
                            notes=[n for n in plan.notes if n not in plan.source_notes],
                            dry_run=dry_run)
    rejected = RejectedRows(rejected_path or default_rejected_path(plan.path), plan.headers,
                             plan.info)
    pragmas = {name: db.execute(f"PRAGMA {name}").fetchone()[0]
               for name in ("cache_size", "foreign_keys")}
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    # Every lookup id the import writes comes from the writer's lookups, which read or created
    # it in this transaction: checking eight foreign keys per row would only repeat that.
    # (The pragma cannot change inside a transaction, so it is set around it.)
    db.execute("PRAGMA foreign_keys = OFF")
    source_notes: list[str] = []
    try:
        shared: frozenset[MatchKey] = frozenset()
        if on_duplicate == "update":  # a first reading, half of the progress
            shared = _shared_keys(plan, converter, _scaled(progress, 0.0), cancelled)
            progress = _scaled(progress, 0.5)
        try:
            with rejected, db.atomic():
                writer = ImportWriter(db, today, on_duplicate, updated_columns(plan.mapping),
                                      shared)
                writer.stages_in_order([s for _, s in plan.mapping.stage_dates
                                        if normalise_value(s)
                                        not in plan.mapping.outcome_values])

                def left_alone(found: list[tuple[int, str]], cells_of: dict[int, list[str]]
                               ) -> None:
                    for number, reason in found:
                        summary.ambiguous += 1
                        if not dry_run:
                            rejected.add(number, cells_of.pop(number), reason)

                def settle(number: int, cells: list[str], result: RowResult) -> None:
                    """Count a row that did not become a deal."""
                    if isinstance(result, Skipped):
                        summary.skipped += 1
                        summary.skip_reasons[result.reason] += 1
                    elif isinstance(result, Rejected):
                        summary.reject(number, result.problems)
                        if not dry_run:
                            rejected.add(number, cells, result.reason())

                batcher = BatchConverter(converter)
                waiting: dict[int, list[str]] = {}  # cells of the rows queued in the writer
                if writer.empty and batcher.supported:  # nothing to match: the fast path
                    read = 0
                    with _chunks(plan, input_rules, converter, batcher, source_notes,
                                 writer.work_ahead) as chunks:
                        for chunk in chunks:
                            read = chunk.count
                            _stop_if_cancelled(cancelled)
                            if progress is not None:
                                progress(read, chunk.fraction)
                            converted: list[tuple[int, Converted]] = []
                            for place, number, cells, result in sorted([
                                    *((place, chunk.numbers[place], chunk.cells[place], result)
                                      for place, result in chunk.batch.others),
                                    *chunk.broken], key=itemgetter(1)):
                                if isinstance(result, Converted):
                                    if result.warnings:
                                        summary.note_undated(number, result.warnings)
                                    converted.append((place, result))
                                else:
                                    settle(number, cells, result)
                            writer.add_batch(chunk.batch, converted)
                    if progress is not None:
                        progress(read, 1.0)
                else:
                    for number, cells, result in _converted(plan, converter, progress,
                                                            cancelled, source_notes):
                        if isinstance(result, Converted):
                            if result.warnings:
                                summary.note_undated(number, result.warnings)
                            if not writer.empty:
                                waiting[number] = cells
                            found = writer.add(number, result)
                            if found:
                                left_alone(found, waiting)
                            if waiting and not writer.pending:
                                waiting.clear()
                        else:
                            settle(number, cells, result)
                left_alone(writer.write_pending(), waiting)
                _stop_if_cancelled(cancelled)  # pressed after the last progress check
                writer.finish()
                _stop_if_cancelled(cancelled)  # pressed while the indexes were rebuilt
                summary.imported, summary.updated = writer.imported, writer.updated
                summary.duplicates = writer.duplicates
                summary.deal_ids = writer.deal_ids
                if dry_run:
                    raise _DryRun
                # In place before the commit: an import is never reported done without it.
                rejected.finish()
        except _DryRun:
            pass
        if rejected.written and not dry_run:
            summary.rejected_file = rejected.path
    finally:
        for name, value in pragmas.items():
            db.execute(f"PRAGMA {name} = {int(value)}")
    summary.notes += source_notes
    summary.finish_notes(converter, writer.lookups.created if not dry_run else set())
    return summary


def _scaled(progress: Callable[[int, float], None] | None, start: float
            ) -> Callable[[int, float], None] | None:
    """``progress`` for one of two readings of the file: half of the bar from ``start``."""
    if progress is None:
        return None
    report = progress
    return lambda rows, fraction: report(rows, start + fraction / 2)


def _chunks(plan: ImportPlan, input_rules: InputRules, converter: RowConverter,
            batcher: BatchConverter, notes: list[str], idle: Callable[[], bool]
            ) -> AbstractContextManager[Iterator[Chunk]]:
    """The fast path's chunks of PROGRESS_EVERY rows; a big file's read and converted in a
    second process while this one writes, and runs ``idle`` while it waits for them."""
    if plan.path.stat().st_size >= PIPE_MIN_BYTES:
        return piped_chunks(plan, input_rules, converter, notes, PROGRESS_EVERY, idle)
    return nullcontext(converted_chunks(plan, batcher, notes, PROGRESS_EVERY))


def _converted(plan: ImportPlan, converter: RowConverter,
               progress: Callable[[int, float], None] | None,
               cancelled: Callable[[], bool] | None, notes: list[str]
               ) -> Iterator[tuple[int, list[str], RowResult]]:
    """Each row of the file with its number and what it converts to; ``notes`` gets what
    the source found in its lines once every row was read."""
    with open_source(plan.path, plan.source_options) as source:
        convert = converter.convert
        broken = source.broken
        count = 0
        for number, cells in source.rows():
            count += 1
            if count % PROGRESS_EVERY == 0:
                _stop_if_cancelled(cancelled)
                if progress is not None:
                    progress(count, source.fraction(number))
            result = broken_row(source, number) if broken else None
            yield number, cells, result or convert(cells)
        if progress is not None:
            progress(count, 1.0)
        notes[:] = source.notes()
