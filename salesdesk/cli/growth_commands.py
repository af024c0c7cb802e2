"""``salesdesk growth``: where conversion and deal length can grow (DESIGN.md §5, issue 16).

Read-only like the other reports: the file is opened without the writer's lock and never
written. The ranking is the Growth points tab's, from the analytics cache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
from typing import TYPE_CHECKING

from salesdesk.cli.common import CommandError, add_db_argument, read_only_store, write_utf8
from salesdesk.domain.growth import DEFAULT_DRAG_FACTOR, Reference
from salesdesk.launch import EXIT_FILE, EXIT_OK, EXIT_USAGE, database_path
from salesdesk.reports.slice_report import ReportError, parse_day
from salesdesk.store import StoreError

if TYPE_CHECKING:
    from salesdesk.cli.common import Commands


def _drag_factor(text: str) -> float:
    """``--drag-factor``: a positive number (argparse turns the error into exit status 2)."""
    try:
        factor = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(factor) and factor > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: give a number above 0, such as 1.5")
    return factor


def _growth(args: argparse.Namespace) -> int:
    """The ranked levers, the watch list and the deals dragging on, read-only."""
    from salesdesk.analytics import AnalyticsCache, growth_report
    from salesdesk.currencies import currency_digits
    from salesdesk.domain.growth import GrowthOptions
    from salesdesk.domain.metrics import MoneyRules
    from salesdesk.domain.periods import Period
    from salesdesk.reports import growth_report as rendering

    try:
        start = parse_day("--from", args.date_from)
        end = parse_day("--to", args.date_to)
    except ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if start is not None and end is not None and start > end:
        raise CommandError(f"--from {start} is after --to {end}.", EXIT_USAGE)
    path = database_path(args)
    with read_only_store(path) as store:
        try:
            settings = store.settings()
            options = GrowthOptions(period=Period.between(start, end),
                                    reference=Reference(args.reference),
                                    threshold=settings.too_few_threshold,
                                    drag_factor=args.drag_factor)
            cache = AnalyticsCache.build(store.deal_columns())
            report = growth_report(cache, dt.date.today(), options,
                                   MoneyRules.of(settings, currency_digits()))
            listed = (report.dragging.deal_ids if args.format == "json"
                      else rendering.table_deal_ids(report))
            titles = rendering.deal_titles(store, listed)
        except (StoreError, ValueError) as exc:
            raise CommandError(f"{path.name} cannot be read: {exc}", EXIT_FILE) from exc
    write_utf8(rendering.render(report, options, settings.base_currency, titles, args.format))
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``growth`` to the ``salesdesk`` parser."""
    growth = commands.add_parser(
        "growth", help="rank where conversion and deal length can grow (read-only)",
        description="For each customer type, channel, product, audience, region and"
        " salesperson with enough decided deals: conversion and deal length against the"
        " reference, the levers whose 95 % interval excludes it ranked by what closing the gap"
        " is worth a month, the values to watch, and the open deals dragging on (DESIGN.md §5)."
        " Reads the file only.")
    add_db_argument(growth, "FILE")
    growth.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="first close date counted (default: all time)")
    growth.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                        help="last close date counted (default: all time)")
    growth.add_argument("--reference", choices=[r.value for r in Reference],
                        default=Reference.MEDIAN.value,
                        help="compare each value with the median of the other values of its"
                             " dimension, the best of them, or the business average"
                             " (default: median)")
    growth.add_argument("--drag-factor", type=_drag_factor, default=DEFAULT_DRAG_FACTOR,
                        metavar="X",
                        help="an open deal drags on once its age passes X × the average"
                             f" length of its closed deals (default: {DEFAULT_DRAG_FACTOR:g})")
    growth.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")
    growth.set_defaults(handler=_growth)
