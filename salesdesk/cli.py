"""The ``salesdesk`` command line: starts the GUI, or runs a headless command.

Exit statuses (DESIGN.md §7): 0 done, 1 a file problem (unreadable, damaged, foreign, newer),
2 usage, 3 locked by another writer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from salesdesk import __version__, paths
from salesdesk.domain.slices import Dimension

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
            store = open_store(path)
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
        return store.add_deals(business.deals, today, business.histories)
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


def _report(args: argparse.Namespace) -> int:
    """Figures of a slice, read-only: never takes the writer's lock, never writes the file."""
    import sqlite3

    from salesdesk import reporting
    from salesdesk.store import StoreError, open_store

    try:
        request = reporting.Request.parse(args.by, args.where, args.date_from, args.date_to,
                                          args.cohort)
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
    from salesdesk.currencies import currency_digits

    try:
        query, echoed = reporting.resolve(request, columns.valid_values)
    except reporting.ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    cache = AnalyticsCache.build(columns)
    del columns
    result = cache.result(query)
    reporting.write_utf8(reporting.render(result, request, echoed, settings, currency_digits(),
                                          args.format))
    return EXIT_OK


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
    report.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS,
                        help="database file (default: the default database)")
    report.add_argument("--by", metavar="DIM[,DIM2]", help="group by one or two dimensions")
    report.add_argument("--where", metavar="DIM=VALUE[,VALUE...]", action="append", default=[],
                        help="keep deals with one of these values (repeatable; a comma inside a"
                             r" value is written \,)")
    report.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="first day of the period (inclusive)")
    report.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                        help="last day of the period (inclusive)")
    report.add_argument("--cohort", action="store_true",
                        help="count the deals first contacted in the period, by outcome today")
    report.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="output format (default: table)")
    report.set_defaults(handler=_report)
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
