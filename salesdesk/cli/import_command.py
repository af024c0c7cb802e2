"""``salesdesk import``: a CSV or XLSX file into the database, every valid row in one
transaction, the others with their reasons in a rejected-rows file; a JSON summary.

Whatever is not given is detected: the file's encoding, delimiter, header row and mapping
(a preset of a known CRM, a plain spreadsheet's column names, or a headerless dump's values).
An import that would be silently wrong is refused with what to do instead: a first row that
looks like data (``--no-header``), no outcome, stage or date column recognised (``--map``, or
``--force`` to import the rows as open deals without dates).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk import paths
from salesdesk.cli.common import (
    CommandError,
    add_db_argument,
    refuse_overwriting,
    writable_store,
    write_json,
)
from salesdesk.domain.importing import IMPORT_FIELDS, ColumnMapping, Preset, preset_mapping
from salesdesk.domain.nps_import import NPS_FIELDS
from salesdesk.launch import EXIT_FILE, EXIT_OK, EXIT_USAGE, database_path
from salesdesk.store import (
    ImportPlan,
    ImportSummary,
    PresetError,
    SourceOptions,
    StoreError,
    UnreadableFile,
    default_rejected_path,
    load_preset,
    open_source,
    plan_import,
    plan_nps_import,
)

if TYPE_CHECKING:
    from salesdesk.cli.common import Commands


def _delimiter(text: str) -> str:
    """``--delimiter``: one character, or a tab written as \\t or tab (exit 2 otherwise)."""
    if text.lower() in ("\\t", "tab"):
        return "\t"
    if len(text) != 1 or text in "\r\n\"":
        raise argparse.ArgumentTypeError(
            f"{text!r}: give one character, such as ';' or '|', or \\t for a tab")
    return text


def _preset(args: argparse.Namespace, headers: list[str]) -> ColumnMapping | None:
    """The mapping ``--preset`` names: a built-in one, a preset file, or one saved in the
    wizard (None without ``--preset``: detect)."""
    name = args.preset
    if not name:
        return None
    if name.lower() in {p.value for p in Preset}:
        return preset_mapping(Preset(name.lower()), headers)
    path = Path(name).expanduser()
    if path.suffix.lower() == ".json" or path.is_file():
        try:
            return ColumnMapping.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise CommandError(f"--preset {name}: {exc}", EXIT_FILE) from exc
        except ValueError as exc:
            raise CommandError(f"--preset {name}: {exc}", EXIT_USAGE) from exc
    try:
        return load_preset(paths.import_presets_dir(), name)
    except PresetError as exc:
        raise CommandError(f"--preset {name}: {exc} Built in: pipedrive, hubspot, plain.",
                           EXIT_USAGE) from exc


def _values(option: str, item: str, choices: tuple[str, ...]) -> tuple[str, list[str]]:
    name, equals, values = item.partition("=")
    meaning = name.strip().lower()
    if not equals or not values.strip():
        raise ValueError(f"{option} {item!r}: write it as {choices[0].upper()}=VALUE[,VALUE...].")
    if meaning not in choices:
        raise ValueError(f"{option} {item!r}: choose " + ", ".join(choices) + ".")
    return meaning, [v.strip() for v in values.split(",") if v.strip()]


def _with_options(args: argparse.Namespace, mapping: ColumnMapping,
                  headers: list[str]) -> ColumnMapping:
    """``mapping`` with --map, --outcome and --customer-type on top (exit 2 for a wrong
    option)."""
    try:
        detected = dict(mapping.columns)
        given: dict[str, str | None] = {}
        for item in args.map:
            name, equals, column = item.partition("=")
            if not equals:
                raise ValueError(f"--map {item!r}: write it as FIELD=COLUMN.")
            column = column.strip()
            if column and column not in headers:
                raise ValueError(f"--map {item!r}: the file has no column {column!r}; its"
                                 " columns are " + ", ".join(map(repr, headers)) + ".")
            given[name.strip()] = column or None
            mapping = mapping.with_column(name.strip(), column or None)
        # A column moved to another field with --map feeds only the fields named for it, not
        # also the one it was detected for ("--map title=Note" must not keep Note as the
        # notes too); a column that feeds several fields by detection (a close date: closed
        # and expected) keeps doing so when --map only confirms one of them.
        taken = {column for field, column in given.items()
                 if column and detected.get(field) != column}
        for field, column in dict(mapping.columns).items():
            if column in taken and field not in given:
                mapping = mapping.with_column(field, None)
        for item in args.outcome:
            outcome, values = _values("--outcome", item, ("won", "lost", "open", "skip"))
            mapping = mapping.with_outcome_values(dict.fromkeys(values, outcome))
        for item in args.customer_type:
            kind, values = _values("--customer-type", item, ("new", "current"))
            mapping = mapping.with_customer_type_values(dict.fromkeys(values, kind))
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    return mapping


def _refuse_silently_wrong(plan: ImportPlan, args: argparse.Namespace) -> None:
    """Exit 2 when the file's first row is data, or when no outcome, stage or date column
    was recognised and ``--force`` was not given."""
    name = plan.path.name
    if plan.headerless:
        raise CommandError(
            f"The first row of {name} looks like data, not column names ("
            + ", ".join(map(repr, plan.headers[:4])) + ", …). Import it with --no-header:"
            f" its columns are then called column 1 … column {len(plan.headers)} and guessed"
            " from their values (--map FIELD='column N' changes one).", EXIT_USAGE)
    if plan.missing and not args.force:
        maps = " ".join(f"--map {field}=COLUMN" for field in plan.missing)
        raise CommandError(
            f"No outcome, stage or date column of {name} was recognised: every row would be"
            " imported as an open deal without dates. Not found: " + ", ".join(plan.missing)
            + ". Its columns are: " + ", ".join(map(repr, plan.headers))
            + f". Say which column holds each ({maps}), or import the rows as they are with"
            " --force.", EXIT_USAGE)


def _plan(args: argparse.Namespace, source: Path) -> ImportPlan:
    """The import's plan: detected (or the preset), then the options on top."""
    options = SourceOptions(encoding=args.encoding, delimiter=args.delimiter, sheet=args.sheet,
                            no_header=args.no_header)
    try:
        with open_source(source, options) as opened:
            headers = list(opened.headers)
        plan = plan_import(source, options, _preset(args, headers),
                           date_format=args.date_format)
        mapping = _with_options(args, plan.mapping, headers)
        if mapping != plan.mapping:
            plan = plan_import(source, options, mapping, date_format=args.date_format)
    except UnreadableFile as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    return plan


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
    if args.kind == "nps":
        return _import_nps(args, source)
    plan = _plan(args, source)
    _refuse_silently_wrong(plan, args)
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


def _import_nps(args: argparse.Namespace, source: Path) -> int:
    """``import --kind nps``: survey responses, every valid row in one transaction, invalid
    ones with their reasons in the rejected-rows file."""
    wrong = [option for option, given in (
        ("--outcome", bool(args.outcome)), ("--customer-type", bool(args.customer_type)),
        ("--preset", bool(args.preset)), ("--no-header", args.no_header),
        ("--force", args.force), ("--on-duplicate", args.on_duplicate != "skip")) if given]
    if wrong:
        raise CommandError(", ".join(wrong) + ": for deal imports only.", EXIT_USAGE)
    options = SourceOptions(encoding=args.encoding, delimiter=args.delimiter, sheet=args.sheet)
    try:
        plan = plan_nps_import(source, options, args.map, date_format=args.date_format)
    except UnreadableFile as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    rejected = Path(args.rejected).expanduser() if args.rejected else None
    path = database_path(args)
    if not args.dry_run:  # a dry run writes no rejected-rows file
        refuse_overwriting("--rejected", rejected or default_rejected_path(source), path,
                           inputs=[source])
    with contextlib.ExitStack() as stack:
        if args.dry_run and not (path.exists() and path.stat().st_size):
            path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "dry-run.db"
        store = stack.enter_context(writable_store(path))
        try:
            summary = store.customers.import_nps(plan, dt.date.today(), rejected_path=rejected,
                                                 dry_run=args.dry_run)
        except UnreadableFile as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
        except (StoreError, OSError) as exc:
            raise CommandError(f"Nothing was imported: {exc}", EXIT_FILE) from exc
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


def register(commands: Commands) -> None:
    """Add ``salesdesk import``."""
    imp = commands.add_parser(
        "import", help="import deals from a CSV or XLSX file (Pipedrive, HubSpot, Zoho,"
                       " Salesforce, Odoo, spreadsheets, database dumps), or NPS survey"
                       " responses (--kind nps)",
        description="Import deals; every valid row in one transaction, invalid rows with their"
        " reasons to a rejected-rows file (in the source's delimiter and encoding). Prints a"
        " JSON summary; 'unmapped' lists the fields no column feeds, 'rejected_reasons' the"
        " rejected rows grouped by reason. FIELD is one of: " + ", ".join(IMPORT_FIELDS)
        + ". 'duplicates' counts rows matching a deal already in the file"
        " (by external_id, else title + client + first contact); 'updated' those updated."
        " A won or lost row without a close date or first contact is imported and counts in"
        " conversion, not in deal length. With --kind nps the file holds NPS survey responses"
        " and FIELD is one of: " + ", ".join(NPS_FIELDS) + " (a score outside 0–10 or a"
        " missing date rejects the row with its reason).")
    imp.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
    imp.add_argument("--kind", choices=("deals", "nps"), default="deals",
                     help="what the file holds: deals (default) or NPS survey responses")
    add_db_argument(imp, "DB", "created when missing; ")
    imp.add_argument("--map", metavar="FIELD=COLUMN", action="append", default=[],
                     help="read FIELD from COLUMN (repeatable; FIELD= leaves it unmapped)")
    imp.add_argument("--outcome", metavar="OUTCOME=VALUE[,VALUE...]", action="append",
                     default=[], help="values meaning won, lost, open (or skip) in the outcome"
                                      " or stage column (repeatable)")
    imp.add_argument("--customer-type", metavar="TYPE=VALUE[,VALUE...]", action="append",
                     default=[], help="values meaning new or current in the customer-type"
                                      " column, e.g. current=Renewal (repeatable)")
    imp.add_argument("--date-format", metavar="FMT",
                     help="strptime codes of the file's dates, e.g. %%d.%%m.%%Y or %%d %%b, %%Y;"
                          " a time after the date is ignored (default: inferred per column)")
    imp.add_argument("--no-header", action="store_true",
                     help="the first row is data (a database dump): the columns are called"
                          " 'column 1' … and guessed from their values")
    imp.add_argument("--encoding", metavar="ENC", help="text encoding (default: detected)")
    imp.add_argument("--delimiter", metavar="CHAR", type=_delimiter,
                     help="CSV delimiter, one character or \\t for a tab (default: detected)")
    imp.add_argument("--sheet", metavar="NAME", help="XLSX sheet (default: the first)")
    imp.add_argument("--preset", metavar="NAME_OR_FILE",
                     help="pipedrive, hubspot, plain, a preset saved in the wizard (by name),"
                          " or a preset file (default: detected)")
    imp.add_argument("--force", action="store_true",
                     help="import even when no outcome, stage or date column was recognised"
                          " (every row an open deal without dates)")
    imp.add_argument("--on-duplicate", choices=("skip", "update"), default="skip",
                     help="what to do with rows matching a deal already there (default skip)")
    imp.add_argument("--rejected", metavar="PATH",
                     help="rejected-rows file (default: <source name>-rejected.csv beside it)")
    imp.add_argument("--dry-run", action="store_true",
                     help="read and check every row, write nothing; the summary groups the"
                          " rejected rows' reasons with their first row numbers")
    imp.set_defaults(handler=_import)
