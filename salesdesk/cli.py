"""The ``salesdesk`` command line: starts the GUI, or runs a headless command.

Exit statuses (DESIGN.md §7): 0 done, 1 a file problem (unreadable, damaged, foreign, newer),
2 usage, 3 locked by another writer.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk import __version__, paths
from salesdesk.domain.slices import Dimension

if TYPE_CHECKING:
    from salesdesk.analytics import AnalyticsCache
    from salesdesk.domain.importing import ColumnMapping
    from salesdesk.domain.settings import BusinessSettings
    from salesdesk.domain.slices import Query
    from salesdesk.reporting import Request

EXIT_OK = 0
EXIT_FILE = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3

Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A command failed in a way the user can act on; carries the exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def database_path(args: argparse.Namespace) -> Path:
    """The file a command works on: ``--db`` or the default database."""
    return Path(args.db).expanduser() if args.db else paths.default_database()


@contextmanager
def writable_store(path: Path) -> Iterator[object]:
    """Hold the writer's lock and open the store for a command that writes."""
    from salesdesk.currencies import default_currency
    from salesdesk.locking import FileLocked, WriterLock
    from salesdesk.store import FileRefused, open_store

    lock = WriterLock(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except FileLocked as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from exc
    except OSError as exc:
        raise CommandError(f"Cannot use {path}: {exc}", EXIT_FILE) from exc
    try:
        try:
            store = open_store(path, base_currency=default_currency())  # for a new file
        except FileRefused as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
        try:
            yield store
        finally:
            store.close()
    finally:
        lock.release()


def write_demo(path: Path, count: int, today: dt.date) -> int:
    """Create ``path`` holding the generated sample business; return the number of deals."""
    from salesdesk.domain.demo import generate_demo
    from salesdesk.store import open_store

    business = generate_demo(count, today)
    store = open_store(path, base_currency=business.base_currency)
    try:
        added = store.add_deals(business.deals, today, business.histories)
        from salesdesk.store.scorecards import Scorecards

        Scorecards(store).add_demo(today)  # assessments and preparation sheets
        return added
    finally:
        store.close()


def _demo(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if out.exists() and out.stat().st_size > 0:
        raise CommandError(f"{out} exists already: choose a new file name.", EXIT_FILE)
    if args.deals < 0:
        raise CommandError("--deals must be 0 or more.", EXIT_USAGE)
    from salesdesk.locking import FileLocked, WriterLock

    try:
        with WriterLock(out):
            count = write_demo(out, args.deals, dt.date.today())
    except FileLocked as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from exc
    print(f"Wrote {count} sample deals to {out}")
    return EXIT_OK


@dataclass(frozen=True, slots=True)
class LoadedSlice:
    """A slice asked for on the command line, with the cache and settings to answer it."""

    request: Request
    query: Query
    echoed: Mapping[Dimension, list[str]]
    cache: AnalyticsCache
    settings: BusinessSettings
    path: Path


def load_slice(args: argparse.Namespace, default_by: str | None = None) -> LoadedSlice:
    """Read --by/--where/--from/--to/--cohort and the file (read-only: no lock, no writes);
    build the analytics cache. Exit 2 for a bad option or value, 1 for a file problem."""
    import sqlite3

    from salesdesk import reporting
    from salesdesk.store import StoreError, open_store

    try:
        request = reporting.Request.parse(args.by or default_by, args.where, args.date_from,
                                          args.date_to, args.cohort)
    except reporting.ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    path = database_path(args)
    try:
        store = open_store(path, read_only=True)
    except (StoreError, OSError) as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    try:
        settings = store.settings()
        columns = store.deal_columns()
    except (StoreError, sqlite3.Error, ValueError) as exc:
        raise CommandError(f"{path.name} cannot be read: {exc}", EXIT_FILE) from exc
    finally:
        store.close()
    from salesdesk.analytics import AnalyticsCache

    try:
        query, echoed = reporting.resolve(request, columns, db=args.db)
    except reporting.ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    return LoadedSlice(request, query, echoed, AnalyticsCache.build(columns), settings, path)


def _report(args: argparse.Namespace) -> int:
    """Figures of a slice, read-only: never takes the writer's lock, never writes the file."""
    from salesdesk import reporting
    from salesdesk.currencies import currency_digits

    loaded = load_slice(args)
    result = loaded.cache.result(loaded.query)
    reporting.write_utf8(reporting.render(result, loaded.request, loaded.echoed,
                                          loaded.settings, currency_digits(), args.format))
    return EXIT_OK


def _export_report(args: argparse.Namespace) -> int:
    """The Funnel tab's meeting report as a PDF, headless (read-only)."""
    from salesdesk import reporting
    from salesdesk.currencies import currency_digits
    from salesdesk.ui.charts import chart_figures, describe_slice
    from salesdesk.ui.charts.headless import ensure_application

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise CommandError(f"--out {args.out}: the report is a PDF; name it FILE.pdf.",
                           EXIT_USAGE)
    loaded = load_slice(args, default_by="rep")
    if len(loaded.query.by) > 1:
        raise CommandError("--by: the report's charts are grouped by one dimension.",
                           EXIT_USAGE)
    ensure_application()
    from salesdesk.ui.funnel.report_pdf import write_report

    money = reporting.money_rules(loaded.settings, currency_digits())
    figures = chart_figures(loaded.cache, loaded.query, settings=loaded.settings, money=money,
                            slice_text=describe_slice(loaded.query.slice))
    try:
        write_report(out, figures, title=f"{loaded.path.stem} — sales figures",
                     today=dt.date.today())
    except OSError as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    print(f"salesdesk export-report: wrote {out}")
    return EXIT_OK


def _scorecard(args: argparse.Namespace) -> int:
    """Every salesperson's latest assessment, weakest items, prep share and results over a
    period (default: the 12 months up to today), read-only."""
    import sqlite3

    from salesdesk import reporting, scorecard_report
    from salesdesk.analytics import AnalyticsCache
    from salesdesk.currencies import currency_digits
    from salesdesk.store import StoreError, open_store
    from salesdesk.store.scorecards import Scorecards

    try:
        start = reporting.parse_day("--from", args.date_from)
        end = reporting.parse_day("--to", args.date_to)
    except reporting.ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if start is None:
        # Without --from: the 12 months up to --to (or today), as the Scorecards tab.
        start, end = scorecard_report.twelve_months_to(end or dt.date.today())
    elif end is not None and end < start:
        raise CommandError(f"--to {end} is before --from {start}.", EXIT_USAGE)
    path = database_path(args)
    try:
        store = open_store(path, read_only=True)
    except (StoreError, OSError) as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    if store.needs_upgrade:  # read-only opens never migrate: its scorecard tables are missing
        store.close()
        raise CommandError(f"{path.name} was written by an older salesdesk: open it once in"
                           " the app to upgrade it, then ask again.", EXIT_FILE)
    try:
        cards = Scorecards(store)
        reps = None
        if args.rep is not None:
            match = [n for n in cards.rep_names() if n.casefold() == args.rep.strip().casefold()]
            if not match:
                raise CommandError(f"--rep {args.rep}: no such salesperson; valid: "
                                   + ", ".join(cards.rep_names()), EXIT_USAGE)
            reps = match
        settings = store.settings()
        report = scorecard_report.build_report(
            cards, AnalyticsCache.build(store.deal_columns()), start=start, end=end,
            threshold=settings.too_few_threshold,
            money=reporting.money_rules(settings, currency_digits()), reps=reps)
    except (StoreError, sqlite3.Error, ValueError) as exc:
        raise CommandError(f"{path.name} cannot be read: {exc}", EXIT_FILE) from exc
    finally:
        store.close()
    reporting.write_utf8(scorecard_report.render(report, args.format))
    return EXIT_OK


def _json_out(document: object) -> None:
    import json

    from salesdesk.reporting import write_utf8

    write_utf8(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _export_chart(args: argparse.Namespace) -> int:
    """One of the Funnel tab's charts of a slice as PNG, SVG, PDF or CSV, headless
    (read-only). The drawing lives in ui.charts.command; this only maps errors to statuses."""
    from salesdesk import reporting
    from salesdesk.currencies import currency_digits
    from salesdesk.ui.charts import command

    out = Path(args.out).expanduser()
    try:
        kind = command.parse_kind(args.chart)
        by = reporting.parse_by(args.by or command.default_by(kind))
        command.check_options(kind, by, out, args.width, args.height)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    loaded = load_slice(args, command.default_by(kind))
    money = reporting.money_rules(loaded.settings, currency_digits())
    try:
        written = command.export_chart_command(
            loaded.cache, loaded.query, settings=loaded.settings, money=money, kind=kind,
            out=out, width=args.width, height=args.height)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except OSError as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    print(f"salesdesk export-chart: wrote {written}")
    return EXIT_OK


def _import_mapping(args: argparse.Namespace, headers: list[str]) -> ColumnMapping:
    """The mapping of ``salesdesk import``: the preset (given or detected), then --map and
    --outcome on top. Raises CommandError with status 2 for a wrong option."""
    import json

    from salesdesk.domain.importing import (
        ColumnMapping,
        Preset,
        detect_mapping,
        preset_mapping,
    )

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
    from salesdesk.currencies import currency_digits
    from salesdesk.domain.validation import InputRules
    from salesdesk.store import StoreError
    from salesdesk.store.import_files import SourceOptions, UnreadableFile, open_source
    from salesdesk.store.importing import plan_import

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
    with contextlib.ExitStack() as stack:
        if args.dry_run and not (path.exists() and path.stat().st_size):
            # Nothing to match against and nothing may be written: check the rows against an
            # empty scratch database instead of creating the file.
            import tempfile

            path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "dry-run.db"
        store = stack.enter_context(writable_store(path))
        from salesdesk.store import Store

        assert isinstance(store, Store)
        rules = InputRules(currency_digits(), store.settings().base_currency)
        try:
            summary = store.import_deals(plan, rules, dt.date.today(),
                                         on_duplicate=args.on_duplicate, rejected_path=rejected,
                                         dry_run=args.dry_run)
        except UnreadableFile as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
        except (StoreError, OSError) as exc:
            raise CommandError(f"Nothing was imported: {exc}", EXIT_FILE) from exc
    _json_out(summary.to_dict())
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    """Write deals to CSV or XLSX; reads the database only (no lock)."""
    import sqlite3

    from salesdesk import reporting
    from salesdesk.currencies import currency_digits
    from salesdesk.store import StoreError, open_store
    from salesdesk.store.exporting import export_format

    out = Path(args.out).expanduser()
    try:
        export_format(out)
        where = reporting.parse_where(args.where)
    except (StoreError, reporting.ReportError) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if any(d.is_time for d in where):
        raise CommandError("--where: month and quarter cannot filter an export.", EXIT_USAGE)
    path = database_path(args)
    try:
        store = open_store(path, read_only=True)
    except (StoreError, OSError) as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    try:
        count = store.export_deals(out, currency_digits(),
                                   filters={d.value: v for d, v in where.items()})
    except (StoreError, sqlite3.Error, OSError) as exc:
        raise CommandError(f"The export was not written: {exc}", EXIT_FILE) from exc
    finally:
        store.close()
    print(f"Wrote {count} deals to {out}")
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    """Back up the file: into its own backup folder under the writer's lock (the writer owns
    that folder's manifest and retention), or read-only into ``--to DIR``."""
    from salesdesk.store import StoreError, open_store

    path = database_path(args)
    try:
        if args.to:
            try:
                store = open_store(path, read_only=True)
            except (StoreError, OSError) as exc:
                raise CommandError(str(exc), EXIT_FILE) from exc
            try:
                info = store.take_backup(Path(args.to).expanduser(), reason="command line",
                                         prune=False)
            finally:
                store.close()
        else:
            with writable_store(path) as opened:
                from salesdesk.store import Store

                assert isinstance(opened, Store)
                info = opened.take_backup(opened.backup_folder(), reason="command line")
    except (StoreError, OSError) as exc:
        raise CommandError(f"No backup was taken: {exc}", EXIT_FILE) from exc
    print(f"Backed up {info.deals} deals to {info.path}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    """Restore the file from a backup under the writer's lock. A file that cannot be opened
    at all is moved aside (with its -wal and -shm) and the backup becomes the file."""
    from salesdesk.store import SQLITE_ERRORS, FileRefused, Store, StoreError, backups, open_store
    from salesdesk.store.errors import FileTooNew

    path = database_path(args)
    backup = Path(args.backup).expanduser()
    expected = backups.recorded_checksum(backup)
    if expected is None:
        print(f"salesdesk restore: warning: {backup.name} is not in a backup manifest, so it"
              " has no recorded checksum; only its integrity and schema are checked.",
              file=sys.stderr)
    from salesdesk.locking import FileLocked, WriterLock

    lock = WriterLock(path)
    try:
        lock.acquire()
    except FileLocked as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from exc
    except OSError as exc:
        raise CommandError(f"Cannot use {path}: {exc}", EXIT_FILE) from exc
    try:
        try:  # before the live file is even opened: a refused backup leaves it byte for byte
            backups.verify_backup(backup, expected)
        except (StoreError, OSError) as exc:
            raise CommandError(f"Nothing was restored: {exc}", EXIT_FILE) from exc
        try:
            store = open_store(path)
        except FileTooNew as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
        except FileRefused as exc:
            try:
                aside = backups.restore_damaged(path, backup, expected)
            except (StoreError, OSError) as inner:
                raise CommandError(f"Nothing was restored: {inner}", EXIT_FILE) from inner
            print(f"{path.name} could not be opened ({exc}); it was moved to {aside}.")
            print(f"Restored {path} from {backup}.")
            return EXIT_OK
        assert isinstance(store, Store)
        try:
            restored = store.restore_backup(backup, store.backup_folder(),
                                            allow_unrecorded=True)
        except (StoreError, *SQLITE_ERRORS, OSError) as exc:
            raise CommandError(f"Nothing was restored: {exc}", EXIT_FILE) from exc
        finally:
            store.close()
    finally:
        lock.release()
    if restored.damaged_copy is None:
        print(f"Restored {restored.deals} deals into {path} from {backup} (the data it replaced"
              " was backed up first).")
    else:
        print(f"Restored {restored.deals} deals into {path} from {backup}. The data it replaced"
              f" was damaged; it was kept as it was in {restored.damaged_copy}.")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    """integrity_check and foreign_key_check, read-only: exit 0 when healthy, 1 otherwise."""
    from salesdesk.store import FileRefused
    from salesdesk.store.connection import check_file, database_problems

    path = database_path(args)
    try:
        if check_file(path):
            raise CommandError(f"{path} does not exist or is empty.", EXIT_FILE)
    except FileRefused as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    problems = database_problems(path)
    if problems:
        raise CommandError(f"{path.name} has problems:\n  " + "\n  ".join(problems),
                           EXIT_FILE)
    print(f"{path.name}: ok (integrity check and foreign key check found no problem)")
    return EXIT_OK


def _erase_client(args: argparse.Namespace) -> int:
    """Erase one client's personal data under the writer's lock."""
    from salesdesk.store import SQLITE_ERRORS, NotFound, Store, StoreError

    with writable_store(database_path(args)) as store:
        assert isinstance(store, Store)
        try:
            label = store.erase_client(args.name)
        except NotFound as exc:
            raise CommandError(str(exc), EXIT_USAGE) from exc
        except (StoreError, *SQLITE_ERRORS, OSError) as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
    print(f"Erased the client's personal data; the client is now called {label!r}. Backups"
          " taken before now still hold it.")
    return EXIT_OK


def add_db_argument(command: argparse.ArgumentParser, metavar: str, note: str = "") -> None:
    """A command's --db option; left out of the namespace when not given, so the top-level
    --db (or the default database) applies."""
    command.add_argument("--db", metavar=metavar, default=argparse.SUPPRESS,
                         help=f"database file ({note}default: the default database)")


def add_slice_arguments(command: argparse.ArgumentParser, *, two_by: bool = True) -> None:
    """The options naming a slice: --db, --by (one or, with ``two_by``, two dimensions),
    --where, --from, --to, --cohort."""
    add_db_argument(command, "FILE")
    if two_by:
        command.add_argument("--by", metavar="DIM[,DIM2]", help="group by one or two dimensions")
    else:
        command.add_argument("--by", metavar="DIM", help="group by this dimension")
    command.add_argument("--where", metavar="DIM=VALUE[,VALUE...]", action="append",
                         default=[], help="keep deals with one of these values (repeatable; a"
                                          r" comma inside a value is written \,)")
    command.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                         help="first day of the period (inclusive)")
    command.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                         help="last day of the period (inclusive)")
    command.add_argument("--cohort", action="store_true",
                         help="count the deals first contacted in the period, by outcome today")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``salesdesk``: GUI options and the headless commands."""
    parser = argparse.ArgumentParser(
        prog="salesdesk",
        description="Track sales deals offline; without a command, start the app.",
    )
    parser.add_argument("--version", action="version", version=f"salesdesk {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help=f"database file (default: {paths.default_database()})")
    parser.add_argument("--demo", action="store_true",
                        help="open a generated sample business in a temporary file")
    parser.add_argument("--smoke-test", action="store_true",
                        help="build and show the main window, then exit 0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="write a sample business to a new file")
    demo.add_argument("--out", required=True, metavar="FILE", help="the new database file")
    demo.add_argument("--deals", type=int, default=1500, metavar="N",
                      help="number of deals (default 1500)")
    demo.set_defaults(handler=_demo)

    report = commands.add_parser(
        "report", help="print conversion, deal length and amounts of a slice (read-only)",
        description="Figures as defined in DESIGN.md §4. DIM is one of: "
        + ", ".join(d.value for d in Dimension) + ". Reports only read the file.")
    add_slice_arguments(report)
    report.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="output format (default: table)")
    report.set_defaults(handler=_report)

    pdf = commands.add_parser(
        "export-report", help="write the Funnel tab's meeting report of a slice as a PDF",
        description="Slice, headline figures with their formulas and n, the five charts and"
        " the figures table on A4 pages (grouped by salesperson unless --by says otherwise)."
        " Reads the file only.")
    add_slice_arguments(pdf, two_by=False)
    pdf.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    pdf.set_defaults(handler=_export_report)

    chart = commands.add_parser(
        "export-chart", help="write one Funnel chart of a slice as PNG, SVG, PDF or CSV",
        description="Draws the Funnel tab's chart with its title, slice, formula and n; CSV"
        " holds the figures behind it. Reads the file only; works without a display.")
    add_slice_arguments(chart, two_by=False)
    chart.add_argument("--chart", required=True,
                       metavar="funnel|conversion|deal-length|trend|distribution",
                       help="which chart (conversion and deal-length are grouped --by rep"
                            " unless told otherwise; the trend is by month)")
    chart.add_argument("--out", required=True, metavar="FILE.png|svg|pdf|csv",
                       help="the file to write; its extension chooses the format")
    chart.add_argument("--width", type=int, default=1920, metavar="PX",
                       help="picture width in pixels (default 1920)")
    chart.add_argument("--height", type=int, default=1080, metavar="PX",
                       help="picture height in pixels (default 1080)")
    chart.set_defaults(handler=_export_chart)

    imp = commands.add_parser(
        "import", help="import deals from a CSV or XLSX file (Pipedrive, HubSpot, spreadsheets)",
        description="Import deals; every valid row in one transaction, invalid rows with their"
        " reasons to a rejected-rows CSV. Prints a JSON summary. FIELD is one of: title,"
        " client, rep, product, channel, region, audience, customer_type, stage, outcome,"
        " first_contact, closed_on, expected_close, next_step, amount, currency, lost_reason,"
        " notes, external_id. 'duplicates' counts rows matching a deal already in the file"
        " (by external_id, else title + client + first contact); 'updated' those updated.")
    imp.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
    add_db_argument(imp, "DB", "created when missing; ")
    imp.add_argument("--map", metavar="FIELD=COLUMN", action="append", default=[],
                     help="read FIELD from COLUMN (repeatable; FIELD= leaves it unmapped)")
    imp.add_argument("--outcome", metavar="OUTCOME=VALUE[,VALUE...]", action="append",
                     default=[], help="values meaning won, lost, open (or skip) in the outcome"
                                      " or stage column (repeatable)")
    imp.add_argument("--date-format", metavar="FMT",
                     help="strptime codes of the file's dates, e.g. %%d.%%m.%%Y (default: inferred)")
    imp.add_argument("--encoding", metavar="ENC", help="text encoding (default: detected)")
    imp.add_argument("--delimiter", metavar="CHAR", help="CSV delimiter (default: detected)")
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
    backup = commands.add_parser(
        "backup", help="back up the file (SQLite backup API, verified, with a checksum)",
        description="Write a verified backup into the file's backup folder (under the"
        " writer's lock; old backups are thinned out by the retention setting) or into --to"
        " DIR (read-only, nothing pruned).")
    add_db_argument(backup, "DB")
    backup.add_argument("--to", metavar="DIR", help="folder to write the backup to")
    backup.set_defaults(handler=_backup)

    restore = commands.add_parser(
        "restore", help="restore the file from a backup (the current data is backed up first)",
        description="Verify BACKUP (its recorded checksum, integrity and schema), back up the"
        " current data, then copy the backup into the file. A file that cannot be opened is"
        " moved aside with its -wal and -shm.")
    add_db_argument(restore, "DB")
    restore.add_argument("--from", dest="backup", required=True, metavar="BACKUP",
                         help="the backup file")
    restore.set_defaults(handler=_restore)

    check = commands.add_parser(
        "check", help="check the file's integrity (exit 0 when healthy, 1 otherwise)",
        description="Runs PRAGMA integrity_check and foreign_key_check, read-only.")
    add_db_argument(check, "DB")
    check.set_defaults(handler=_check)

    scorecard = commands.add_parser(
        "scorecard", help="print salespeople's assessments next to their results (read-only)",
        description="Every salesperson (also those never assessed): the latest assessment,"
        " the weakest items, the share of decided deals that were prepared, and conversion"
        " and average deal length with n over the period (default: the 12 months up to"
        " today).")
    add_db_argument(scorecard, "FILE")
    scorecard.add_argument("--rep", metavar="NAME", help="only this salesperson")
    scorecard.add_argument("--from", dest="date_from", metavar="DATE",
                           help="first close date counted (YYYY-MM-DD; default: 12 months"
                                " before --to)")
    scorecard.add_argument("--to", dest="date_to", metavar="DATE",
                           help="last close date counted (YYYY-MM-DD; default: today, or"
                                " open when --from is given)")
    scorecard.add_argument("--format", choices=("table", "json", "csv"), default="table",
                           help="output format (default: table)")
    scorecard.set_defaults(handler=_scorecard)

    erase = commands.add_parser(
        "erase-client", help="erase a client's personal data (name, contacts, notes)",
        description="Replaces the client's name by a neutral label everywhere (deal titles"
        " too), empties its contact details and its deals' notes, then compacts the file so"
        " no trace stays in its bytes. Figures stay the same. Backups taken before keep it.")
    add_db_argument(erase, "DB")
    erase.add_argument("name", metavar="NAME", help="the client's name")
    erase.set_defaults(handler=_erase_client)
    return parser


def main(argv: list[str]) -> int:
    """Run ``salesdesk`` with ``argv``; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from salesdesk import app

        return app.run(args)
    handler: Handler = args.handler
    try:
        return handler(args)
    except CommandError as exc:
        print(f"salesdesk {args.command}: {exc}", file=sys.stderr)
        return exc.status
