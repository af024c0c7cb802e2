"""Importing NPS survey responses from a CSV or XLSX file (``salesdesk import --kind nps``).

The file is read as deal imports read it (store.import_files: any common CSV dialect and
encoding, XLSX). The date column's day/month order is inferred from its values first; then
every row is converted (domain.nps_import) and all valid responses are written in ONE
transaction. Invalid rows go, with their row number and reasons, to a rejected-rows CSV beside
the source; nothing valid is lost because another row is bad.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.deals import LookupKind
from salesdesk.domain.importing import DateGuess, DateOrder, Skipped
from salesdesk.domain.nps import Response
from salesdesk.domain.nps_import import (
    NpsRowConverter,
    apply_maps,
    detect_nps_mapping,
    missing_fields,
)
from salesdesk.i18n import translate
from salesdesk.store import lookups
from salesdesk.store.import_files import SourceInfo, SourceOptions, open_source
from salesdesk.store.rejected_rows import RejectedRows, default_rejected_path

BATCH = 2000


@dataclass(frozen=True, slots=True)
class NpsImportPlan:
    """A file to import responses from: its columns, the mapping and the date order."""

    path: Path
    info: SourceInfo
    options: SourceOptions
    headers: tuple[str, ...]
    mapping: dict[str, str]
    date_order: DateOrder | None
    date_format: str | None
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class NpsImportSummary:
    """What an NPS import did; ``to_dict`` is the CLI's JSON summary."""

    imported: int = 0
    rejected: int = 0
    skipped: int = 0
    rejected_file: Path | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    created: list[tuple[LookupKind, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON summary of ``salesdesk import --kind nps``."""
        return {"kind": "nps", "imported": self.imported, "rejected": self.rejected,
                "skipped": self.skipped,
                "rejected_file": str(self.rejected_file) if self.rejected_file else None,
                "mapping": dict(self.mapping), "notes": list(self.notes)}


def plan_nps_import(path: Path, options: SourceOptions = SourceOptions(),
                    maps: Sequence[str] = (), *, date_format: str | None = None
                    ) -> NpsImportPlan:
    """Open ``path``, detect the mapping (``maps``: FIELD=COLUMN overrides) and the date order.

    Raises UnreadableFile when the file cannot be read, ValueError when a required field
    (date, score, segment) has no column or a ``maps`` item is wrong.
    """
    with open_source(path, options) as source:
        headers = tuple(source.headers)
        mapping = apply_maps(detect_nps_mapping(headers), maps, headers)
        missing = missing_fields(mapping)
        if missing:
            raise ValueError(translate(
                "NpsImport", "{name}: no column for {missing} (NPS responses need a date, a"
                " score and a segment). Its columns are {columns}; name the right one with"
                " --map FIELD=COLUMN.").format(name=path.name, missing=", ".join(missing),
                                               columns=", ".join(map(repr, headers))))
        guess = DateGuess()
        index = headers.index(mapping["date"])
        for _, cells in source.rows():
            if index < len(cells):
                guess.add(cells[index])
            if guess.settled:
                break
        source.close()
        info = source.info
    notes = [translate("NpsImport", "Read as {source}.").format(source=info.describe())]
    order = None if date_format else guess.order()
    if guess.ambiguous and not date_format:
        notes.append(translate(
            "NpsImport", "Dates such as {example} could be day- or month-first: read as"
            " day-first (pass --date-format to choose).").format(example=repr(guess.example)))
    return NpsImportPlan(path, info, SourceOptions(info.encoding, info.delimiter, info.sheet),
                         headers, mapping, order, date_format, tuple(notes))


def run_nps_import(db: Database, plan: NpsImportPlan, *, today: dt.date,
                   rejected_path: Path | None = None, dry_run: bool = False
                   ) -> NpsImportSummary:
    """Import the plan's rows in one transaction; return the summary. A dry run checks every
    row and writes nothing (no rejected-rows file either)."""
    converter = NpsRowConverter(plan.headers, plan.mapping, plan.date_order, plan.date_format,
                                today)
    summary = NpsImportSummary(mapping=dict(plan.mapping), notes=list(plan.notes),
                               dry_run=dry_run)
    rejected_to = rejected_path or default_rejected_path(plan.path)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    batch: list[tuple[object, ...]] = []
    ids: dict[tuple[LookupKind, str], int | None] = {}

    def lookup_id(kind: LookupKind, name: str | None) -> int | None:
        if not name:
            return None
        key = (kind, name.casefold())
        if key not in ids:
            item_id, created = lookups.resolve(db, kind, name)
            ids[key] = item_id
            if created:
                summary.created.append((kind, name))
        return ids[key]

    def add(item: Response) -> None:
        batch.append((item.answered_on.isoformat(), item.score, item.segment.value,
                      lookup_id(LookupKind.PRODUCT, item.product),
                      lookup_id(LookupKind.CLIENT, item.client), item.comment, stamp))
        if len(batch) >= BATCH:
            flush()

    def flush() -> None:
        db.conn.executemany(
            "INSERT INTO nps_responses (answered_on, score, segment, product_id, client_id,"
            " comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
        batch.clear()

    with RejectedRows(rejected_to, plan.headers, plan.info) as rejected:
        try:
            with db.atomic():
                with open_source(plan.path, plan.options) as source:
                    for number, cells in source.rows():
                        result = converter.convert(cells)
                        if isinstance(result, Response):
                            add(result)
                            summary.imported += 1
                        elif isinstance(result, Skipped):
                            summary.skipped += 1
                        else:
                            summary.rejected += 1
                            if not dry_run:
                                rejected.add(number, cells, result.reason())
                flush()
                if dry_run:
                    raise _DryRun
        except _DryRun:
            summary.created.clear()
        rejected.finish()
        if rejected.written:
            summary.rejected_file = rejected_to
    _finish_notes(summary)
    return summary


class _DryRun(Exception):
    """Raised inside a dry run's transaction to roll it back."""


def _finish_notes(summary: NpsImportSummary) -> None:
    notes = summary.notes
    if summary.skipped:
        notes.append((translate("NpsImport", "Skipped 1 blank row.") if summary.skipped == 1
                      else translate("NpsImport", "Skipped {count} blank rows.")
                      ).format(count=summary.skipped))
    if summary.rejected:
        if summary.rejected_file:
            text = (translate("NpsImport", "Rejected 1 row that cannot become a valid response;"
                              " written to {file}.") if summary.rejected == 1 else
                    translate("NpsImport", "Rejected {count} rows that cannot become a valid"
                              " response; written to {file}."))
        else:
            text = (translate("NpsImport", "Rejected 1 row that cannot become a valid response.")
                    if summary.rejected == 1 else
                    translate("NpsImport", "Rejected {count} rows that cannot become a valid"
                              " response."))
        notes.append(text.format(count=summary.rejected, file=summary.rejected_file))
    if summary.created:
        kinds = sorted({kind.label for kind, _ in summary.created})
        notes.append(translate("NpsImport", "New list values were added to: {lists}.").format(
            lists=", ".join(kinds)))
    if summary.dry_run:
        notes.append(translate("NpsImport", "Dry run: nothing was written."))
