"""``salesdesk report``: reading its arguments into a query, and printing the answer.

Knows neither the store nor the cache: cli.py opens the file read-only and hands over the
store's column export (the values filters may name) and, once the analytics cache built from
that export has answered, the :class:`SliceResult`. Figures are
those of domain.metrics (DESIGN.md §4); JSON is UTF-8 and unrounded, exactly::

    {"filters": {"rep": ["Anna"], "from": "2026-01-01", "to": null, "cohort": false},
     "by": ["rep"], "overall": {...figures...}, "groups": [{"value": "Anna", ...}, ...]}
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import io
import json
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from salesdesk.domain.columns import CLOSED_ON, FIRST_CONTACT, NO_DATE, DealColumns
from salesdesk.domain.metrics import Figures, MoneyRules, SliceResult, figures
from salesdesk.domain.periods import Bucket, Period, bucket_label, bucket_number, parse_bucket
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slices import Dimension, GroupKey, Query, Slice, split_values
from salesdesk.files import neutralise_cell

FORMATS = ("table", "json", "csv")
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Figures))
MAX_LISTED = 100  # valid values listed in full up to this many; beyond, the first ones
NONE_LABEL = "(none)"


class ReportError(ValueError):
    """A usage problem (exit status 2); the message says what is valid."""


def _dimension_list() -> str:
    return ", ".join(d.value for d in Dimension)


def parse_dimension(text: str) -> Dimension:
    """A dimension by name; ReportError listing the valid ones otherwise."""
    name = text.strip().lower().replace("-", "_")
    try:
        return Dimension(name)
    except ValueError:
        raise ReportError(
            f"unknown dimension {text.strip()!r}; valid dimensions: {_dimension_list()}."
        ) from None


def parse_by(text: str | None) -> tuple[Dimension, ...]:
    """``--by DIM[,DIM2]``."""
    if text is None:
        return ()
    by = tuple(parse_dimension(part) for part in text.split(","))
    try:
        Query(by=by)
    except ValueError as exc:
        raise ReportError(f"--by {text}: {exc}") from None
    return by


def parse_where(items: Sequence[str]) -> dict[Dimension, list[str]]:
    """``--where DIM=VALUE[,VALUE...]`` (repeatable; values of one dimension are OR'ed, a
    literal comma is written ``\\,``)."""
    where: dict[Dimension, list[str]] = {}
    for item in items:
        name, equals, values = item.partition("=")
        if not equals:
            raise ReportError(f"--where {item!r}: write it as DIM=VALUE[,VALUE...].")
        dimension = parse_dimension(name)
        parsed = split_values(values)
        if any(not v for v in parsed):
            raise ReportError(f"--where {item!r}: a value is empty.")
        listed = where.setdefault(dimension, [])
        listed.extend(v for v in parsed if v not in listed)
    return where


def parse_day(option: str, text: str | None) -> dt.date | None:
    """``--from`` / ``--to``: an ISO date (YYYY-MM-DD)."""
    if text is None:
        return None
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ReportError(f"{option} {text!r}: write the date as YYYY-MM-DD.") from None


@dataclass(frozen=True, slots=True)
class Request:
    """What ``salesdesk report`` was asked, checked for syntax (values not yet resolved)."""

    by: tuple[Dimension, ...] = ()
    where: Mapping[Dimension, list[str]] = field(default_factory=dict)
    start: dt.date | None = None
    end: dt.date | None = None
    cohort: bool = False

    @classmethod
    def parse(cls, by: str | None, where: Sequence[str], start: str | None, end: str | None,
              cohort: bool) -> Request:
        """Read the command line; ReportError for anything malformed."""
        request = cls(parse_by(by), parse_where(where), parse_day("--from", start),
                      parse_day("--to", end), cohort)
        if request.start and request.end and request.start > request.end:
            raise ReportError(f"--from {request.start} is after --to {request.end}.")
        return request


def _listing_command(dimension: Dimension, db: str | None) -> str:
    # Every value with deals gets a CSV row of its own; the same --db as the user's (None:
    # the default file, which needs no --db).
    words = ["salesdesk", "report", *(["--db", db] if db else []), "--by", dimension.value,
             "--format", "csv"]
    return shlex.join(words)


def unknown_value(dimension: Dimension, value: str, valid: Sequence[str],
                  db: str | None) -> ReportError:
    """The usage error for a value ``dimension`` does not have: the valid ones listed (the
    closest and the first 100 of many, with the command that lists them all)."""
    if not valid:
        listing = "there are none in this file."
    elif len(valid) <= MAX_LISTED:
        listing = "valid values: " + ", ".join(valid) + "."
    else:
        # Matched case-insensitively, as resolve() matches values.
        by_folded = {name.casefold(): name for name in valid}
        close = [by_folded[m] for m in
                 difflib.get_close_matches(value.casefold(), list(by_folded), n=10, cutoff=0.5)]
        hint = f"closest: {', '.join(close)}; " if close else ""
        listing = (f"{hint}{len(valid):,} values are valid, the first {MAX_LISTED}: "
                   f"{', '.join(valid[:MAX_LISTED])} … and {len(valid) - MAX_LISTED:,} more."
                   f" Every value with deals is listed by: {_listing_command(dimension, db)}")
    return ReportError(f"unknown {dimension.value} {value!r}; {listing}")


def _date_span(columns: DealColumns) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest date (first contact or close) of any deal; None without any.

    Unpacked with numpy: it runs only for a message, but on a million deals a plain-Python
    loop over the packed words would take a noticeable fraction of a second.
    """
    if not len(columns):
        return None
    days: list[np.ndarray[Any, np.dtype[np.int64]]] = []
    for name in (FIRST_CONTACT, CLOSED_ON):
        entry = columns.field(name)
        words = np.frombuffer(columns.words[entry.word], dtype=np.int64)
        ordinals = (words >> entry.shift) & ((1 << entry.bits) - 1)
        days.append(ordinals[ordinals != NO_DATE])
    known = np.concatenate(days)
    if not known.size:
        return None
    return dt.date.fromordinal(int(known.min())), dt.date.fromordinal(int(known.max()))


def _bad_bucket(dimension: Dimension, bucket: Bucket, error: ValueError,
                columns: DealColumns) -> ReportError:
    span = _date_span(columns)
    if span is None:
        return ReportError(f"--where {dimension.value}: {error} This file has no dated deals.")
    first, last = (bucket_label(bucket, bucket_number(bucket, day)) for day in span)
    return ReportError(f"--where {dimension.value}: {error} This file's deals run from {first}"
                       f" to {last}.")


def resolve(request: Request, columns: DealColumns, *, db: str | None = None
            ) -> tuple[Query, dict[Dimension, list[str]]]:
    """The query, and the filters as they will be echoed (canonical names).

    Values are matched case-insensitively against ``columns.valid_values(dimension)``; months
    and quarters are labels (2026-03, 2026-Q1) and narrow the period. ``db`` is the --db the
    user gave, repeated in the command an error suggests.
    """
    filters: dict[Dimension, frozenset[str | None]] = {}
    echoed: dict[Dimension, list[str]] = {}
    period = Period.between(request.start, request.end)
    for dimension in Dimension:
        if dimension not in request.where:
            continue
        given = request.where[dimension]
        if dimension.bucket is not None:
            try:
                numbers = [parse_bucket(dimension.bucket, v) for v in given]
            except ValueError as exc:
                raise _bad_bucket(dimension, dimension.bucket, exc, columns) from None
            period = period.intersect(Period.of_buckets(dimension.bucket, numbers))
            echoed[dimension] = list(dict.fromkeys(v.strip().upper() for v in given))
            continue
        valid = columns.valid_values(dimension)
        by_folded = {name.casefold(): name for name in valid}
        names: list[str] = []
        for value in given:
            name = by_folded.get(value.casefold())
            if name is None:
                raise unknown_value(dimension, value, valid, db)
            if name not in names:
                names.append(name)
        filters[dimension] = frozenset(names)
        echoed[dimension] = names
    query = Query(Slice(filters, period, request.cohort), request.by)
    return query, echoed


# --- output --------------------------------------------------------------------------------


def _figures_dict(f: Figures) -> dict[str, Any]:
    return {name: getattr(f, name) for name in FIELDS}


def _json_value(by: tuple[Dimension, ...], key: GroupKey) -> str | list[str | None] | None:
    return key[0] if len(by) == 1 else list(key)


def report_dict(result: SliceResult, request: Request, echoed: Mapping[Dimension, list[str]],
                settings: BusinessSettings, money: MoneyRules) -> dict[str, Any]:
    """The JSON document of a report."""
    threshold = settings.too_few_threshold
    filters: dict[str, Any] = {d.value: list(v) for d, v in echoed.items()}
    filters.update({
        "from": request.start.isoformat() if request.start else None,
        "to": request.end.isoformat() if request.end else None,
        "cohort": request.cohort,
    })
    return {
        "filters": filters,
        "by": [d.value for d in result.by],
        "overall": _figures_dict(figures(result.overall, threshold=threshold, money=money)),
        "groups": [
            {"value": _json_value(result.by, key),
             **_figures_dict(figures(t, threshold=threshold, money=money))}
            for key, t in result.groups
        ],
    }


def render_json(document: Mapping[str, Any]) -> str:
    """UTF-8 JSON, names not ASCII-escaped."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_csv(document: Mapping[str, Any]) -> str:
    """One row for the whole slice ("overall") and one per group; empty cells for null."""
    by: list[str] = document["by"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["row", *by, *FIELDS])

    def cells(values: Sequence[Any]) -> list[Any]:
        return ["" if v is None else neutralise_cell(v) if isinstance(v, str) else v
                for v in values]

    overall = document["overall"]
    writer.writerow(["overall", *[""] * len(by), *cells([overall[f] for f in FIELDS])])
    for group in document["groups"]:
        value = group["value"]
        values = value if isinstance(value, list) else [value]
        writer.writerow(["group", *cells(values), *cells([group[f] for f in FIELDS])])
    return out.getvalue()


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _period_text(request: Request, echoed: Mapping[Dimension, list[str]]) -> str:
    parts = []
    if request.start or request.end:
        start = request.start.isoformat() if request.start else "…"
        end = request.end.isoformat() if request.end else "…"
        parts.append(f"{start} to {end}")
    for dimension in (Dimension.MONTH, Dimension.QUARTER):
        if dimension in echoed:
            parts.append(", ".join(echoed[dimension]))
    when = " and ".join(parts) if parts else "all time"
    rule = ("cohort: deals first contacted in the period, by their outcome today"
            if request.cohort else "won/lost by close date; open = open at the period's end")
    return f"Period: {when} ({rule})"


def render_table(document: Mapping[str, Any], request: Request,
                 echoed: Mapping[Dimension, list[str]], settings: BusinessSettings,
                 base_digits: int) -> str:
    """A table for the terminal."""
    by: list[str] = document["by"]
    lines = []
    filters = "; ".join(f"{d.value} = {', '.join(v)}" for d, v in echoed.items()
                        if not d.is_time)
    lines.append(f"Filters: {filters or 'none'}")
    lines.append(_period_text(request, echoed))
    currency = settings.base_currency
    header = [" / ".join(by) or "", "Deals", "Open", "Won", "Lost", "Decided", "Conversion",
              "95 % interval", "Avg days", "Median", "Avg won", "Avg lost",
              f"Won amount ({currency})"]
    rows: list[list[str]] = []
    notes: set[str] = set()

    def row(label: str, f: Mapping[str, Any]) -> list[str]:
        interval = ("—" if f["conversion_low"] is None else
                    f"{f['conversion_low'] * 100:.1f}–{f['conversion_high'] * 100:.1f} %")
        conversion = _percent(f["conversion"]) + "  "
        if f["too_few"]:
            conversion = conversion[:-2] + " *"
            notes.add(f"* too few to judge: fewer than {settings.too_few_threshold} decided"
                      " deals")
        amount = f"{f['won_amount']:,.{base_digits}f}  "
        if f["amount_unknown"] or f["amount_left_out"]:
            amount = amount[:-2] + " †"
            notes.add("† won deals without an amount, or in a currency without an exchange"
                      " rate, are left out of the amount (see amount_unknown /"
                      " amount_left_out in --format json)")
        average = _days(f["avg_deal_length_days"]) + "  "
        if f["length_unknown"]:
            average = average[:-2] + " ‡"
            overall = document["overall"]
            notes.add(f"‡ deal length over {overall['decided'] - overall['length_unknown']:,}"
                      f" of {overall['decided']:,} decided deals: won or lost deals without a"
                      " close date or first contact count in conversion, not in deal length"
                      " (see length_unknown in --format json)")
        return [label, str(f["deals"]), str(f["open"]), str(f["won"]), str(f["lost"]),
                str(f["decided"]), conversion, interval, average,
                _days(f["median_deal_length_days"]), _days(f["avg_deal_length_won_days"]),
                _days(f["avg_deal_length_lost_days"]), amount]

    rows.append(row("All", document["overall"]))
    for group in document["groups"]:
        value = group["value"]
        values = value if isinstance(value, list) else [value]
        rows.append(row(" / ".join(NONE_LABEL if v is None else v for v in values), group))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:],
                                                                         strict=True)]
        lines.append("  ".join(cells).rstrip())
        if r is header:
            lines.append("-" * len(lines[-1]))
    if not document["groups"] and by:
        lines.append("(no deals in this slice)")
    lines.extend(sorted(notes))
    return "\n".join(lines) + "\n"


def render(result: SliceResult, request: Request, echoed: Mapping[Dimension, list[str]],
           settings: BusinessSettings, digits: Mapping[str, int], form: str) -> str:
    """The report in ``form`` (table, json or csv)."""
    document = report_dict(result, request, echoed, settings,
                           MoneyRules.of(settings, digits))
    if form == "json":
        return render_json(document)
    if form == "csv":
        return render_csv(document)
    return render_table(document, request, echoed, settings,
                        digits.get(settings.base_currency, 2))

