"""Commands that read a file and report on it: ``report``, ``export-report``, ``export-chart``
and ``scorecard``. None takes the writer's lock or writes the database."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli.common import (
    CommandError,
    add_db_argument,
    add_slice_arguments,
    read_only_store,
    refuse_overwriting,
    write_utf8,
)
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.periods import twelve_months_to
from salesdesk.domain.slices import Dimension
from salesdesk.launch import EXIT_FILE, EXIT_OK, EXIT_USAGE, database_path
from salesdesk.reports import slice_report
from salesdesk.reports.slice_report import ReportError, Request, parse_by, parse_day
from salesdesk.store import StoreError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from salesdesk.analytics import AnalyticsCache
    from salesdesk.cli.common import Commands
    from salesdesk.domain.settings import BusinessSettings
    from salesdesk.domain.slices import Query
    from salesdesk.domain.touchpoints import TouchpointChange
    from salesdesk.reports.scorecard_report import ScorecardReport
    from salesdesk.store import Store


@dataclass(frozen=True, slots=True)
class LoadedSlice:
    """A slice asked for on the command line, with the cache and settings to answer it."""

    request: Request
    query: Query
    echoed: Mapping[Dimension, list[str]]
    cache: AnalyticsCache
    settings: BusinessSettings
    path: Path
    changes: tuple[TouchpointChange, ...] = ()

    def money(self) -> MoneyRules:
        """The file's money rules, with decimal places from the currency library."""
        from salesdesk.currencies import currency_digits

        return MoneyRules.of(self.settings, currency_digits())


def load_slice(args: argparse.Namespace, default_by: str | None = None) -> LoadedSlice:
    """Read --by/--where/--from/--to/--cohort and the file (read-only: no lock, no writes);
    build the analytics cache. Exit 2 for a bad option or value, 1 for a file problem."""
    from salesdesk.analytics import AnalyticsCache

    try:
        request = Request.parse(args.by or default_by, args.where, args.date_from,
                                args.date_to, args.cohort)
    except ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    path = database_path(args)
    with read_only_store(path) as store:
        try:
            settings = store.settings()
            columns = store.deal_columns()
            changes = tuple(store.customers.changes())  # marked on the trend
        except (StoreError, ValueError) as exc:
            raise CommandError(f"{path.name} cannot be read: {exc}", EXIT_FILE) from exc
    try:
        query, echoed = slice_report.resolve(request, columns, db=args.db)
    except ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    return LoadedSlice(request, query, echoed, AnalyticsCache.build(columns), settings, path,
                       changes)


def _report(args: argparse.Namespace) -> int:
    """Figures of a slice, read-only: never takes the writer's lock, never writes the file."""
    from salesdesk.currencies import currency_digits

    loaded = load_slice(args)
    result = loaded.cache.result(loaded.query)
    write_utf8(slice_report.render(result, loaded.request, loaded.echoed, loaded.settings,
                                   currency_digits(), args.format))
    return EXIT_OK


def _export_report(args: argparse.Namespace) -> int:
    """The Funnel tab's meeting report as a PDF, headless (read-only)."""
    from salesdesk.ui.charts import chart_figures, describe_slice
    from salesdesk.ui.charts.headless import ensure_application

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise CommandError(f"--out {args.out}: the report is a PDF; name it FILE.pdf.",
                           EXIT_USAGE)
    refuse_overwriting("--out", out, database_path(args))
    loaded = load_slice(args, default_by="rep")
    if len(loaded.query.by) > 1:
        raise CommandError("--by: the report's charts are grouped by one dimension.",
                           EXIT_USAGE)
    ensure_application()
    from salesdesk.ui.funnel.report_pdf import write_report

    figures = chart_figures(loaded.cache, loaded.query, settings=loaded.settings,
                            money=loaded.money(), slice_text=describe_slice(loaded.query.slice))
    try:
        write_report(out, figures, title=f"{loaded.path.stem} — sales figures",
                     today=dt.date.today())
    except OSError as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    print(f"salesdesk export-report: wrote {out}")
    return EXIT_OK


def _export_chart(args: argparse.Namespace) -> int:
    """One of the Funnel tab's charts of a slice as PNG, SVG, PDF or CSV, headless
    (read-only). The drawing lives in ui.charts.command; this only maps errors to statuses."""
    from salesdesk.ui.charts import command

    out = Path(args.out).expanduser()
    try:
        kind = command.parse_kind(args.chart)
        by = parse_by(args.by or command.default_by(kind))
        command.check_options(kind, by, out, args.width, args.height)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    refuse_overwriting("--out", out, database_path(args))
    loaded = load_slice(args, command.default_by(kind))
    try:
        written = command.export_chart_command(
            loaded.cache, loaded.query, settings=loaded.settings, money=loaded.money(),
            kind=kind, out=out, width=args.width, height=args.height,
            changes=loaded.changes)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except OSError as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    print(f"salesdesk export-chart: wrote {written}")
    return EXIT_OK


def _scorecard(args: argparse.Namespace) -> int:
    """Every salesperson's latest assessment, weakest items, prep share and results over a
    period (default: the 12 months up to today), read-only."""
    from salesdesk.reports import scorecard_report

    try:
        start = parse_day("--from", args.date_from)
        end = parse_day("--to", args.date_to)
    except ReportError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if start is None:
        # Without --from: the 12 months up to --to (or today), as the Scorecards tab.
        start, end = twelve_months_to(end or dt.date.today())
    elif end is not None and end < start:
        raise CommandError(f"--to {end} is before --from {start}.", EXIT_USAGE)
    path = database_path(args)
    with read_only_store(path) as store:
        if store.needs_upgrade:  # read-only opens never migrate: no scorecard tables yet
            raise CommandError(f"{path.name} was written by an older salesdesk: open it once in"
                               " the app to upgrade it, then ask again.", EXIT_FILE)
        try:
            report = _scorecard_report(store, args.rep, start, end)
        except (StoreError, ValueError) as exc:
            raise CommandError(f"{path.name} cannot be read: {exc}", EXIT_FILE) from exc
    write_utf8(scorecard_report.render(report, args.format))
    return EXIT_OK


def _scorecard_report(store: Store, rep: str | None, start: dt.date | None,
                      end: dt.date | None) -> ScorecardReport:
    """The scorecards of every salesperson, or of ``rep`` (exit 2 when there is none)."""
    from salesdesk.analytics import AnalyticsCache
    from salesdesk.currencies import currency_digits
    from salesdesk.reports.scorecard_report import build_report

    cards = store.scorecards
    reps = None
    if rep is not None:
        reps = [n for n in cards.rep_names() if n.casefold() == rep.strip().casefold()]
        if not reps:
            raise CommandError(f"--rep {rep}: no such salesperson; valid: "
                               + ", ".join(cards.rep_names()), EXIT_USAGE)
    settings = store.settings()
    return build_report(cards, AnalyticsCache.build(store.deal_columns()), start=start,
                        end=end, threshold=settings.too_few_threshold,
                        money=MoneyRules.of(settings, currency_digits()), reps=reps)


def register(commands: Commands) -> None:
    """Add the reporting commands to the ``salesdesk`` parser."""
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
