"""Commands that move deals in and out: ``demo``, ``import`` and ``export``."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli.common import (
    CommandError,
    add_db_argument,
    read_only_store,
    refuse_overwriting,
    writable_store,
    write_json,
)
from salesdesk.domain.deals import CustomerType, LookupKind
from salesdesk.domain.importing import (
    IMPORT_FIELDS,
    ColumnMapping,
    Preset,
    detect_mapping,
    preset_mapping,
)
from salesdesk.domain.slices import Dimension
from salesdesk.launch import EXIT_FILE, EXIT_LOCKED, EXIT_OK, EXIT_USAGE, database_path, write_demo
from salesdesk.locking import FileLocked, WriterLock
from salesdesk.reports.slice_report import NONE_LABEL, ReportError, parse_where, unknown_value
from salesdesk.store import (
    ImportPlan,
    ImportSummary,
    SourceOptions,
    StoreError,
    UnreadableFile,
    default_rejected_path,
    export_format,
    open_source,
    plan_import,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from salesdesk.cli.common import Commands
    from salesdesk.store import Store


def _delimiter(text: str) -> str:
    """``--delimiter``: one character, or a tab written as \\t or tab (exit 2 otherwise)."""
    if text.lower() in ("\\t", "tab"):
        return "\t"
    if len(text) != 1 or text in "\r\n\"":
        raise argparse.ArgumentTypeError(
            f"{text!r}: give one character, such as ';' or '|', or \\t for a tab")
    return text


def _demo(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if out.exists() and out.stat().st_size > 0:
        raise CommandError(f"{out} exists already: choose a new file name.", EXIT_FILE)
    if args.deals < 0:
        raise CommandError("--deals must be 0 or more.", EXIT_USAGE)
    try:
        with WriterLock(out):
            count = write_demo(out, args.deals, dt.date.today())
    except FileLocked as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from exc
    except (StoreError, OSError) as exc:
        raise CommandError(f"The sample business was not written: {exc}", EXIT_FILE) from exc
    print(f"Wrote {count} sample deals to {out}")
    return EXIT_OK


def _import_mapping(args: argparse.Namespace, headers: list[str]) -> ColumnMapping:
    """The mapping of ``salesdesk import``: the preset (given or detected), then --map and
    --outcome on top. Raises CommandError with status 2 for a wrong option."""
    if args.preset:
        if args.preset.lower() in {p.value for p in Preset}:
            mapping = preset_mapping(Preset(args.preset.lower()), headers)
        else:
            try:
                data = json.loads(Path(args.preset).expanduser().read_text(encoding="utf-8"))
                mapping = ColumnMapping.from_dict(data)
            except OSError as exc:
                raise CommandError(f"--preset {args.preset}: {exc}", EXIT_FILE) from exc
            except ValueError as exc:
                raise CommandError(f"--preset {args.preset}: {exc}", EXIT_USAGE) from exc
    else:
        mapping = detect_mapping(headers)
    try:
        for item in args.map:
            name, equals, column = item.partition("=")
            if not equals:
                raise ValueError(f"--map {item!r}: write it as FIELD=COLUMN.")
            column = column.strip()
            if column and column not in headers:
                raise ValueError(f"--map {item!r}: the file has no column {column!r}; its"
                                 " columns are " + ", ".join(map(repr, headers)) + ".")
            mapping = mapping.with_column(name.strip(), column or None)
        for item in args.outcome:
            name, equals, values = item.partition("=")
            if not equals or not values:
                raise ValueError(f"--outcome {item!r}: write it as won=VALUE[,VALUE...].")
            outcome = name.strip().lower()
            if outcome not in ("won", "lost", "open", "skip"):
                raise ValueError(f"--outcome {item!r}: choose won, lost, open or skip.")
            mapping = mapping.with_outcome_values(
                {v.strip(): outcome for v in values.split(",") if v.strip()})
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    return mapping


def _import(args: argparse.Namespace) -> int:
    """Import a CSV/XLSX file: plan (file problems exit 1 before the database is touched),
    then take the writer's lock and write every valid row in one transaction."""
    source = Path(args.file).expanduser().absolute()  # the summary names the rejected file
    if args.date_format:
        try:
            dt.date(2026, 3, 31).strftime(args.date_format)
        except ValueError as exc:
            raise CommandError(f"--date-format {args.date_format!r}: {exc}", EXIT_USAGE) from exc
        if "%" not in args.date_format:
            raise CommandError(f"--date-format {args.date_format!r}: use strptime codes such as"
                               " %d.%m.%Y.", EXIT_USAGE)
    options = SourceOptions(encoding=args.encoding, delimiter=args.delimiter, sheet=args.sheet)
    try:
        with open_source(source, options) as opened:
            headers = list(opened.headers)
        mapping = _import_mapping(args, headers)
        plan = plan_import(source, options, mapping, date_format=args.date_format)
    except UnreadableFile as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    rejected = Path(args.rejected).expanduser() if args.rejected else None
    path = database_path(args)
    if not args.dry_run:  # a dry run writes no rejected-rows file
        refuse_overwriting("--rejected", rejected or default_rejected_path(source), path,
                           inputs=[source])
    created = not (path.exists() and path.stat().st_size)
    try:
        summary = _run_import(args, plan, path, rejected)
    except CommandError as exc:
        if created and exc.status == EXIT_FILE and not args.dry_run:
            # The file this import began is not left half-made (a full disk, for one).
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    write_json(summary.to_dict())
    return EXIT_OK


def _run_import(args: argparse.Namespace, plan: ImportPlan, path: Path,
                rejected: Path | None) -> ImportSummary:
    """Write ``plan``'s rows into ``path`` under the writer's lock (a dry run: into a scratch
    copy when the file does not exist yet)."""
    from salesdesk.currencies import currency_digits
    from salesdesk.domain.validation import InputRules

    with contextlib.ExitStack() as stack:
        if args.dry_run and not (path.exists() and path.stat().st_size):
            # Nothing to match against and nothing may be written: check the rows against an
            # empty scratch database instead of creating the file.
            path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "dry-run.db"
        store = stack.enter_context(writable_store(path))
        rules = InputRules(currency_digits(), store.settings().base_currency)
        try:
            return store.import_deals(plan, rules, dt.date.today(),
                                      on_duplicate=args.on_duplicate, rejected_path=rejected,
                                      dry_run=args.dry_run)
        except UnreadableFile as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
        except (StoreError, OSError) as exc:
            raise CommandError(f"Nothing was imported: {exc}", EXIT_FILE) from exc


def _export(args: argparse.Namespace) -> int:
    """Write deals to CSV or XLSX; reads the database only (no lock)."""
    from salesdesk.currencies import currency_digits

    out = Path(args.out).expanduser()
    try:
        export_format(out)
        where = parse_where(args.where)
    except (StoreError, ReportError) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if any(d.is_time for d in where):
        raise CommandError("--where: month and quarter cannot filter an export.", EXIT_USAGE)
    path = database_path(args)
    refuse_overwriting("--out", out, path)
    with read_only_store(path) as store:
        filters = _export_filters(store, where, args.db)
        try:
            count = store.export_deals(out, currency_digits(), filters=filters)
        except (StoreError, OSError) as exc:
            raise CommandError(f"The export was not written: {exc}", EXIT_FILE) from exc
    print(f"Wrote {count} deals to {out}")
    return EXIT_OK


def _export_filters(store: Store, where: Mapping[Dimension, list[str]], db: str | None
                    ) -> dict[str, list[str]]:
    """``--where`` as the export's filters, by the names the file uses (matched without
    regard to case); exit 2 naming the valid values when one is unknown, as ``report``."""
    filters: dict[str, list[str]] = {}
    for dimension, values in where.items():
        valid = ([t.value for t in CustomerType] if dimension is Dimension.CUSTOMER_TYPE
                 else [*store.names(LookupKind(dimension.value), include_retired=True),
                       NONE_LABEL])
        by_folded = {name.casefold(): name for name in valid}
        names = []
        for value in values:
            if value.casefold() not in by_folded:
                raise CommandError(str(unknown_value(dimension, value, valid, db)), EXIT_USAGE)
            names.append(by_folded[value.casefold()])
        filters[dimension.value] = names
    return filters


def register(commands: Commands) -> None:
    """Add the commands that write sample data, import and export deals."""
    demo = commands.add_parser("demo", help="write a sample business to a new file")
    demo.add_argument("--out", required=True, metavar="FILE", help="the new database file")
    demo.add_argument("--deals", type=int, default=1500, metavar="N",
                      help="number of deals (default 1500)")
    demo.set_defaults(handler=_demo)

    imp = commands.add_parser(
        "import", help="import deals from a CSV or XLSX file (Pipedrive, HubSpot, spreadsheets)",
        description="Import deals; every valid row in one transaction, invalid rows with their"
        " reasons to a rejected-rows CSV. Prints a JSON summary. FIELD is one of: "
        + ", ".join(IMPORT_FIELDS)
        + ". 'duplicates' counts rows matching a deal already in the file"
        " (by external_id, else title + client + first contact); 'updated' those updated.")
    imp.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
    add_db_argument(imp, "DB", "created when missing; ")
    imp.add_argument("--map", metavar="FIELD=COLUMN", action="append", default=[],
                     help="read FIELD from COLUMN (repeatable; FIELD= leaves it unmapped)")
    imp.add_argument("--outcome", metavar="OUTCOME=VALUE[,VALUE...]", action="append",
                     default=[], help="values meaning won, lost, open (or skip) in the outcome"
                                      " or stage column (repeatable)")
    imp.add_argument("--date-format", metavar="FMT",
                     help="strptime codes of the file's dates, e.g. %%d.%%m.%%Y"
                          " (default: inferred)")
    imp.add_argument("--encoding", metavar="ENC", help="text encoding (default: detected)")
    imp.add_argument("--delimiter", metavar="CHAR", type=_delimiter,
                     help="CSV delimiter, one character or \\t for a tab (default: detected)")
    imp.add_argument("--sheet", metavar="NAME", help="XLSX sheet (default: the first)")
    imp.add_argument("--preset", metavar="NAME_OR_FILE",
                     help="pipedrive, hubspot, plain, or a saved preset file (default: detected)")
    imp.add_argument("--on-duplicate", choices=("skip", "update"), default="skip",
                     help="what to do with rows matching a deal already there (default skip)")
    imp.add_argument("--rejected", metavar="PATH",
                     help="rejected-rows file (default: <source name>-rejected.csv beside it)")
    imp.add_argument("--dry-run", action="store_true",
                     help="read and check every row, write nothing")
    imp.set_defaults(handler=_import)

    export = commands.add_parser(
        "export", help="write deals to a CSV or XLSX file (read-only)",
        description="Export deals with salesdesk's field names; importing the file gives the"
        " same deals back. Cells that a spreadsheet would run as formulas are neutralised.")
    add_db_argument(export, "DB")
    export.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx",
                        help="the file to write")
    export.add_argument("--where", metavar="DIM=VALUE[,VALUE...]", action="append", default=[],
                        help="keep deals with one of these values (repeatable)")
    export.set_defaults(handler=_export)
