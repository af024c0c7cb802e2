"""Scorecards next to results: what the Scorecards tab shows and ``salesdesk scorecard`` prints.

For each salesperson: the latest assessment (on the template version it was filled in on),
the weak points, the section averages, the share of decided deals that were prepared with the
conversion of prepared and unprepared deals, and the salesperson's own conversion and average
deal length over the period, from the analytics cache through domain.metrics — the same
figures the Funnel tab and ``salesdesk report`` give for that slice. The team's figures are
the same slice without the salesperson filter.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.deal_prep import PrepFigures, prep_figures_of
from salesdesk.domain.metrics import Figures, MoneyRules, Tally, figures
from salesdesk.domain.periods import Period
from salesdesk.domain.scorecards import (
    Assessment,
    SkillItem,
    Template,
    WeakPoint,
    latest_first,
    section_means,
    template_text,
    weak_points,
)
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.files import neutralise_cell
from salesdesk.i18n import translate
from salesdesk.store import Scorecards


@dataclass(frozen=True, slots=True)
class RepScorecard:
    """One salesperson's scorecard over a period.

    ``template`` is the version ``latest`` was filled in on (None when never assessed).
    """

    rep: str
    assessments: tuple[Assessment, ...]
    template: Template | None
    weak: tuple[WeakPoint, ...]
    sections: dict[str, float | None]
    figures: Figures
    prep: PrepFigures

    @property
    def latest(self) -> Assessment | None:
        """The newest assessment."""
        ordered = latest_first(self.assessments)
        return ordered[0] if ordered else None

    @property
    def mean(self) -> float | None:
        """The latest assessment's average score."""
        latest = self.latest
        return None if latest is None else latest.mean()


@dataclass(frozen=True, slots=True)
class ScorecardReport:
    """Every salesperson's scorecard and the team's figures over one period."""

    start: dt.date | None
    end: dt.date | None
    template: Template
    reps: tuple[RepScorecard, ...]
    team: Figures
    team_prep: PrepFigures
    prepared_share: float
    threshold: int

    def rep(self, name: str) -> RepScorecard | None:
        """The scorecard of ``name`` (case-insensitively), or None."""
        key = name.casefold()
        return next((r for r in self.reps if r.rep.casefold() == key), None)


def rep_tallies(cache: AnalyticsCache, start: dt.date | None, end: dt.date | None
                ) -> tuple[Tally, dict[str | None, Tally]]:
    """The team's tally and each salesperson's over the period (closes in it)."""
    period = Period.between(start, end)
    result = cache.result(Query(Slice({}, period), (Dimension.REP,)))
    return result.overall, {key[0]: t for key, t in result.groups}


def build_report(scorecards: Scorecards, cache: AnalyticsCache, *, start: dt.date | None,
                 end: dt.date | None, threshold: int, money: MoneyRules,
                 reps: Sequence[str] | None = None) -> ScorecardReport:
    """Scorecards of ``reps`` (default: every salesperson, assessed or not) over a period."""
    names = list(reps) if reps is not None else scorecards.rep_names()
    team_tally, by_rep = rep_tallies(cache, start, end)
    folded = {(k or "").casefold(): t for k, t in by_rep.items() if k is not None}
    share = scorecards.prepared_share()
    # The decided totals come from the cache; only deals with a sheet are read from the file.
    sheets = scorecards.decided_deals(start, end, with_sheets=True)
    prep_by_rep: dict[str, list[tuple[Any, float | None]]] = defaultdict(list)
    for deal in sheets:
        prep_by_rep[(deal.rep or "").casefold()].append((deal.outcome, deal.completeness))
    all_assessments = scorecards.assessments()
    templates: dict[int, Template] = {}

    def template_of(version: int) -> Template:
        if version not in templates:
            templates[version] = scorecards.template(version)
        return templates[version]

    cards = []
    for name in names:
        own = tuple(a for a in all_assessments if a.rep.casefold() == name.casefold())
        latest = latest_first(own)[0] if own else None
        version = template_of(latest.template_version) if latest else None
        tally = folded.get(name.casefold(), Tally())
        cards.append(RepScorecard(
            rep=name,
            assessments=own,
            template=version,
            weak=tuple(weak_points(own)),
            sections=section_means(latest, version) if latest and version else {},
            figures=figures(tally, threshold=threshold, money=money),
            prep=prep_figures_of(tally.won, tally.lost, prep_by_rep.get(name.casefold(), []),
                                 share),
        ))
    return ScorecardReport(
        start=start, end=end, template=scorecards.template(), reps=tuple(cards),
        team=figures(team_tally, threshold=threshold, money=money),
        team_prep=prep_figures_of(team_tally.won, team_tally.lost,
                                  ((d.outcome, d.completeness) for d in sheets), share),
        prepared_share=share, threshold=threshold)


# --- rendering for the CLI and exports --------------------------------------------------------


def _figures_dict(f: Figures) -> dict[str, Any]:
    return {"decided": f.decided, "won": f.won, "lost": f.lost, "conversion": f.conversion,
            "conversion_low": f.conversion_low, "conversion_high": f.conversion_high,
            "too_few": f.too_few, "avg_deal_length_days": f.avg_deal_length_days,
            "median_deal_length_days": f.median_deal_length_days}


def _prep_dict(p: PrepFigures) -> dict[str, Any]:
    return {"decided": p.decided, "prepared": p.prepared, "share": p.share,
            "conversion_prepared": p.conversion_prepared, "n_prepared": p.prepared,
            "conversion_unprepared": p.conversion_unprepared, "n_unprepared": p.unprepared}


def _assessment_dict(a: Assessment, template: Template) -> dict[str, Any]:
    items = []
    for s in a.scores:
        item = template.item(s.item_id)
        items.append({"item_id": s.item_id,
                      "section": template.section_title(item.section) if item else None,
                      "item": item.text if item else None, "score": s.score, "note": s.note})
    return {"id": a.id, "date": a.assessed_on.isoformat(), "assessor": a.assessor,
            "template_version": a.template_version, "mean": a.mean(), "items": items}


def _weak_dict(w: WeakPoint, template: Template | None) -> dict[str, Any]:
    item = template.item(w.item_id) if template else None
    return {"item_id": w.item_id, "item": item.text if item else None, "score": w.score,
            "previous": w.previous, "change": w.change, "lowest": w.lowest, "fell": w.fell,
            "trend": [{"date": d.isoformat(), "score": s} for d, s in w.trend]}


def report_dict(report: ScorecardReport) -> dict[str, Any]:
    """The report as JSON-ready data (unrounded; None where undefined)."""
    return {
        "period": {"from": report.start.isoformat() if report.start else None,
                   "to": report.end.isoformat() if report.end else None},
        "prepared_from": report.prepared_share,
        "team": {"figures": _figures_dict(report.team), "prep": _prep_dict(report.team_prep)},
        "salespeople": [{
            "rep": card.rep,
            "latest_assessment": (_assessment_dict(card.latest, card.template)
                                  if card.latest and card.template else None),
            "weakest": [_weak_dict(w, card.template) for w in card.weak],
            "prep": _prep_dict(card.prep),
            "figures": _figures_dict(card.figures),
        } for card in report.reps],
    }


def render_json(report: ScorecardReport) -> str:
    """UTF-8 JSON (not ASCII-escaped)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


SUMMARY_HEADER = ("rep", "assessed_on", "assessor", "template_version", "mean_score",
                  "weakest_items", "decided", "conversion", "avg_deal_length_days",
                  "prepared_share", "conversion_prepared", "n_prepared",
                  "conversion_unprepared", "n_unprepared")


def _item_text(template: Template | None, item_id: int) -> str:
    item = template.item(item_id) if template else None
    if item is None:
        return translate("ScorecardReport", "item {id}").format(id=item_id)
    return template_text(item.text)


def _scored_items(report: ScorecardReport) -> list[SkillItem]:
    """The newest template's items in sheet order, retired ones only when a latest
    assessment scored them (items are retired, never deleted, so every version's are here)."""
    scored = {s.item_id for card in report.reps if card.latest for s in card.latest.scores}
    return [i for i in report.template.ordered_items() if not i.retired or i.id in scored]


def summary_table(report: ScorecardReport) -> tuple[list[str], list[list[Any]]]:
    """One row per salesperson (then the team): the :data:`SUMMARY_HEADER` figures, then the
    latest assessment's score of every item ("Section: item" columns).

    Section and item texts are in the chosen language (English on the command line); the
    figures' columns keep their keys."""
    items = _scored_items(report)
    header = [*SUMMARY_HEADER,
              *(f"{template_text(report.template.section_title(i.section))}: "
                f"{template_text(i.text)}" for i in items)]
    rows: list[list[Any]] = []
    for card in report.reps:
        latest = card.latest
        weak = "; ".join(f"{_item_text(card.template, w.item_id)} ({w.score})"
                         for w in card.weak)
        rows.append([card.rep, latest.assessed_on.isoformat() if latest else None,
                     latest.assessor if latest else None,
                     latest.template_version if latest else None, card.mean, weak,
                     card.figures.decided, card.figures.conversion,
                     card.figures.avg_deal_length_days, card.prep.share,
                     card.prep.conversion_prepared, card.prep.prepared,
                     card.prep.conversion_unprepared, card.prep.unprepared,
                     *(latest.score_of(i.id) if latest else None for i in items)])
    t, p = report.team, report.team_prep
    rows.append([translate("ScorecardReport", "(team)"), None, None, None, None, "",
                 t.decided, t.conversion, t.avg_deal_length_days, p.share,
                 p.conversion_prepared, p.prepared, p.conversion_unprepared, p.unprepared,
                 *(None for _ in items)])
    return header, rows


def csv_text(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> str:
    """CSV with undefined cells empty and text cells neutralised against formulas."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in (header, *rows):
        writer.writerow(["" if v is None else neutralise_cell(v) if isinstance(v, str) else v
                         for v in row])
    return out.getvalue()


def render_csv(report: ScorecardReport) -> str:
    """The summary table as CSV."""
    return csv_text(*summary_table(report))


def matrix_rows(report: ScorecardReport) -> tuple[list[str], list[list[Any]]]:
    """The team matrix: salespeople × sections of the newest template (latest assessments'
    section averages; empty for a section a salesperson's version lacks or never assessed)."""
    header = ["rep", *[template_text(s.title) for s in report.template.sections],
              "mean_score", "conversion", "decided"]
    rows = [[card.rep, *[card.sections.get(s.key) for s in report.template.sections],
             card.mean, card.figures.conversion, card.figures.decided] for card in report.reps]
    return header, rows


def render_table(report: ScorecardReport) -> str:
    """A plain-text table per salesperson for the terminal."""
    period = (f"{report.start.isoformat() if report.start else '…'} – "
              f"{report.end.isoformat() if report.end else '…'}")
    lines = [f"Scorecards · closes {period} · prepared = sheet ≥ "
             f"{report.prepared_share * 100:.0f} % complete", ""]
    t = report.team
    lines.append(f"Team: conversion {_percent(t.conversion)} (n = {t.decided}), average deal "
                 f"length {_number(t.avg_deal_length_days)} d, prepared "
                 f"{_percent(report.team_prep.share)}")
    for card in report.reps:
        lines.append("")
        latest = card.latest
        head = f"{card.rep}: "
        if latest is None or card.template is None:
            head += "never assessed"
        else:
            head += (f"assessed {latest.assessed_on.isoformat()} by {latest.assessor or '—'},"
                     f" mean {_number(card.mean)}")
        lines.append(head)
        f, p = card.figures, card.prep
        lines.append(f"  conversion {_percent(f.conversion)} (n = {f.decided})"
                     f"{' — too few to judge' if f.too_few else ''}, average deal length "
                     f"{_number(f.avg_deal_length_days)} d")
        lines.append(f"  prepared {_percent(p.share)} of {p.decided} decided; conversion "
                     f"prepared {_percent(p.conversion_prepared)} (n = {p.prepared}), unprepared"
                     f" {_percent(p.conversion_unprepared)} (n = {p.unprepared})")
        if latest is not None and card.template is not None:
            for s in latest.scores:
                item = card.template.item(s.item_id)
                lines.append(f"    {s.score}  {item.text if item else s.item_id}")
            for w in card.weak:
                item = card.template.item(w.item_id)
                change = "" if w.change is None else f" ({w.change:+d})"
                lines.append(f"  to improve: {item.text if item else w.item_id} "
                             f"{w.score}{change}")
    return "\n".join(lines) + "\n"


def render(report: ScorecardReport, fmt: str) -> str:
    """The report as "table", "json" or "csv"."""
    if fmt == "json":
        return render_json(report)
    if fmt == "csv":
        return render_csv(report)
    return render_table(report)
