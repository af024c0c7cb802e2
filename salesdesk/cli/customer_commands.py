"""Commands about customers: ``nps`` (read-only). Importing survey responses is
``salesdesk import FILE --kind nps`` (deal_commands)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from salesdesk.cli.common import CommandError, add_db_argument, read_only_store, write_utf8
from salesdesk.domain.nps import NpsBy
from salesdesk.domain.periods import Period
from salesdesk.launch import EXIT_FILE, EXIT_OK, EXIT_USAGE, database_path
from salesdesk.reports import nps_report
from salesdesk.reports.slice_report import ReportError, parse_day
from salesdesk.store import StoreError

if TYPE_CHECKING:
    from salesdesk.cli.common import Commands

BY_CHOICES = ("product", "segment", "client", "month")


def _nps(args: argparse.Namespace) -> int:
    """NPS with promoters, passives, detractors and n, overall and by group (read-only)."""
    try:
        start = parse_day("--from", args.date_from)
        end = parse_day("--to", args.date_to)
    except ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if start is not None and end is not None and end < start:
        raise CommandError(f"--to {end} is before --from {start}.", EXIT_USAGE)
    by = NpsBy(args.by) if args.by else None
    path = database_path(args)
    with read_only_store(path) as store:
        if store.needs_upgrade:  # read-only opens never migrate: no survey tables yet
            raise CommandError(f"{path.name} was written by an older salesdesk: open it once in"
                               " the app to upgrade it, then ask again.", EXIT_FILE)
        try:
            responses = store.customers.responses(Period.between(start, end))
        except (StoreError, ValueError) as exc:
            raise CommandError(f"{path.name} cannot be read: {exc}", EXIT_FILE) from exc
    write_utf8(nps_report.render(nps_report.build_report(responses, by), args.format))
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the customer commands to the ``salesdesk`` parser."""
    nps = commands.add_parser(
        "nps", help="print the Net Promoter Score of the survey responses (read-only)",
        description="NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100, with"
        " promoters, passives, detractors and n, overall and by group. Import responses with"
        " salesdesk import FILE --kind nps.")
    add_db_argument(nps, "FILE")
    nps.add_argument("--by", choices=BY_CHOICES, help="group by product, segment, client or"
                                                      " month")
    nps.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                     help="first answer date counted (inclusive)")
    nps.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                     help="last answer date counted (inclusive)")
    nps.add_argument("--format", choices=nps_report.FORMATS, default="table",
                     help="output format (default: table)")
    nps.set_defaults(handler=_nps)
