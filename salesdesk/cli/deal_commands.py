"""Commands that move deals in and out: ``demo``, ``import`` (``import_command``) and
``export``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli import import_command
from salesdesk.cli.common import (
    CommandError,
    add_db_argument,
    read_only_store,
    refuse_new_database,
    refuse_overwriting,
)
from salesdesk.domain.deals import CustomerType, LookupKind
from salesdesk.domain.slices import Dimension
from salesdesk.launch import EXIT_FILE, EXIT_LOCKED, EXIT_OK, EXIT_USAGE, database_path, write_demo
from salesdesk.locking import FileLocked, WriterLock
from salesdesk.reports.slice_report import NONE_LABEL, ReportError, parse_where, unknown_value
from salesdesk.store import StoreError, export_format

if TYPE_CHECKING:
    from collections.abc import Mapping

    from salesdesk.cli.common import Commands
    from salesdesk.store import Store


def _demo(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    refuse_new_database("--out", out)
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

    import_command.register(commands)

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
