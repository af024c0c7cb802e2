"""PDF output of the Scorecards feature: a deal's one-page preparation brief, and the
scorecards with the team matrix.

Both are HTML laid out by QTextDocument and painted onto a QPdfWriter. The brief is scaled
down, when it has to be, so it always fits one A4 page. Files are painted into memory and
written through ``ui.rendering.save_painted`` (temporary file, fsync, rename; a full disk is
an error, not a short file): a failure leaves no partial file and raises OSError with a plain
message.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from salesdesk.domain.deal_prep import PrepSheet, SpinGroup
from salesdesk.domain.scorecards import template_text
from salesdesk.i18n import translate
from salesdesk.reports.scorecard_report import ScorecardReport, matrix_rows
from salesdesk.ui.formatting import count, date_range_text, date_text, number, percent
from salesdesk.ui.rendering import save_painted
from salesdesk.ui.scorecards.charts import score_color, score_text

RESOLUTION = 300
# The brief must stay one readable page: a grid cell prints its first CELL_CHARS characters,
# a text block its first BLOCK_CHARS, the rest marked "…" (the full text stays in the app).
CELL_CHARS = 80
BLOCK_CHARS = 900
LAYOUT_WIDTH = 540.0  # points: the width the brief is laid out at when it fits
MAX_LAYOUT_WIDTH = 1400.0


def _cut(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _lines(text: str, limit: int = BLOCK_CHARS) -> str:
    return "<br>".join(escape(line) for line in _cut(text, limit).splitlines()) or "<i>—</i>"


def brief_html(sheet: PrepSheet, *, deal: str, details: str, today: dt.date,
               tactics: list[str], prepared_from: float) -> str:
    """The preparation brief of a deal as HTML."""
    share = sheet.completeness()
    status = (translate("ScorecardsPdf", "prepared") if share >= prepared_from
              else translate("ScorecardsPdf", "not yet prepared"))
    rows = []
    for n, area in enumerate(sheet.areas, start=1):
        cells = "".join(
            f"<td>{escape(_cut(v.concede, CELL_CHARS)) or '·'}<br>"
            f"<span style='color:#2f6db5'>⇄ {escape(_cut(v.ask, CELL_CHARS)) or '·'}</span>"
            "</td>" for v in area.variables)
        rows.append(f"<tr><td><b>{n}. {escape(_cut(area.name, CELL_CHARS)) or '—'}</b></td>"
                    f"{cells}</tr>")
    spin = "".join(f"<td width='25%'><b>{g.label}</b><br>{_lines(q, BLOCK_CHARS // 2)}</td>"
                   for g, q in zip(SpinGroup, sheet.spin, strict=True))
    spotted = set(sheet.tactics)
    checklist = " · ".join(
        (f"<b>☒ {escape(template_text(t))}</b>" if t in spotted
         else f"☐ {escape(template_text(t))}")
        for t in [*tactics, *[t for t in sheet.tactics if t not in tactics]])
    heading = translate("ScorecardsPdf", "Negotiation brief — {deal}").format(deal=escape(deal))
    stamp = translate(
        "ScorecardsPdf", "{details} · printed {date} · {filled} of {total} fields ({share} %), "
        "{status} (from {threshold} %)").format(
        details=escape(details), date=date_text(today), filled=sheet.filled_count(),
        total=sheet.field_count(), share=f"{share * 100:.0f}", status=status,
        threshold=f"{prepared_from * 100:.0f}")
    grid = translate("ScorecardsPdf", "Interests and bargaining variables <span "
                     "style='font-weight:normal;color:#555'>(what we can concede ⇄ what we ask "
                     "in return)</span>")
    area_title = translate("ScorecardsPdf", "Area of interest")
    rapport = translate("ScorecardsPdf", "Small talk and rapport")
    spin_title = translate("ScorecardsPdf", "SPIN questions")
    price = translate("ScorecardsPdf", "Price arguments")
    counter = translate("ScorecardsPdf", "Counter-arguments")
    tactics_title = (translate("ScorecardsPdf", "Manipulation techniques (checklist reviewed)")
                     if sheet.tactics_reviewed
                     else translate("ScorecardsPdf", "Manipulation techniques"))
    return f"""
    <html><body style='font-family: "DejaVu Sans"; font-size: 8pt'>
    <h2 style='margin:0'>{heading}</h2>
    <p style='color:#555'>{stamp}</p>
    <h3>{grid}</h3>
    <table border='1' cellspacing='0' cellpadding='3' width='100%'
           style='border-collapse:collapse; border-color:#bbb'>
    <tr><th>{area_title}</th><th>1</th><th>2</th><th>3</th><th>4</th></tr>
    {''.join(rows)}</table>
    <h3>{rapport}</h3><p>{_lines(sheet.rapport)}</p>
    <h3>{spin_title}</h3>
    <table border='1' cellspacing='0' cellpadding='3' width='100%'
           style='border-collapse:collapse'><tr>{spin}</tr></table>
    <table width='100%' cellspacing='0' cellpadding='3'><tr>
      <td width='50%'><h3>{price}</h3>{_lines(sheet.price_arguments)}</td>
      <td width='50%'><h3>{counter}</h3>{_lines(sheet.counter_arguments)}</td>
    </tr></table>
    <h3>{tactics_title}</h3>
    <p>{checklist or '<i>—</i>'}</p>
    </body></html>"""


def _writer(device: QIODevice, title: str, landscape: bool = False) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setTitle(title)
    writer.setCreator("salesdesk")
    writer.setResolution(RESOLUTION)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    return writer


def _document(html: str, width: float) -> QTextDocument:
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setTextWidth(width)
    return document


def fit_one_page(html: str, page: QSizeF) -> tuple[QTextDocument, float]:
    """The document laid out to fill a ``page`` (in dots) and its scale: at LAYOUT_WIDTH when
    it fits; else wider, so lines get longer and the page fills in both directions before
    the text shrinks (a fixed width would shrink it to a narrow column of tiny print)."""
    width = LAYOUT_WIDTH
    document = _document(html, width)
    while (document.size().height() / width > page.height() / page.width()
           and width < MAX_LAYOUT_WIDTH):
        width = min(width * 1.1, MAX_LAYOUT_WIDTH)
        document.setTextWidth(width)
    height = document.size().height()
    return document, min(page.width() / width, page.height() / height)


def _paint_one_page(writer: QPdfWriter, html: str) -> None:
    """Paint ``html`` on one page."""
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(translate("ScorecardsPdf", "the PDF could not be written"))
    try:
        area = QRectF(painter.viewport())
        document, scale = fit_one_page(html, area.size())
        painter.scale(scale, scale)
        document.drawContents(painter, QRectF(0, 0, document.textWidth(),
                                              document.size().height()))
    finally:
        painter.end()


def _paint_pages(writer: QPdfWriter, html: str, width: float) -> None:
    """Paint ``html`` over as many pages as it needs."""
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(translate("ScorecardsPdf", "the PDF could not be written"))
    try:
        area = QRectF(painter.viewport())
        document = _document(html, width)
        scale = area.width() / width
        page_height = area.height() / scale
        document.setPageSize(QSizeF(width, page_height))
        for page in range(document.pageCount()):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * page_height)
            document.drawContents(painter, QRectF(0, page * page_height, width, page_height))
            painter.restore()
    finally:
        painter.end()


def write_brief(path: Path, sheet: PrepSheet, *, deal: str, details: str, today: dt.date,
                tactics: list[str], prepared_from: float) -> Path:
    """Write a deal's preparation brief as a one-page A4 PDF."""
    html = brief_html(sheet, deal=deal, details=details, today=today, tactics=tactics,
                      prepared_from=prepared_from)
    return save_painted(
        path, lambda device: _paint_one_page(
            _writer(device, translate("ScorecardsPdf", "Brief — {deal}").format(deal=deal)),
            html))


def scorecards_html(report: ScorecardReport, *, title: str, today: dt.date) -> str:
    """Every salesperson's scorecard and the team matrix as HTML."""
    period = date_range_text(report.start, report.end)
    header, rows = matrix_rows(report)
    # The matrix's columns: salesperson, each section, average, conversion, n.
    names = [translate("ScorecardsPdf", "rep"), *header[1:-3],
             translate("ScorecardsPdf", "mean_score"), translate("ScorecardsPdf", "Conversion"),
             translate("ScorecardsPdf", "n")]
    head = "".join(f"<th>{escape(h)}</th>" for h in names)
    body = []
    for row in rows:
        cells = [f"<td><b>{escape(row[0])}</b></td>"]
        for value in row[1:-2]:
            color = score_color(value).name() if value is not None else "#dddddd"
            cells.append(f"<td align='center' bgcolor='{color}'>{score_text(value)}</td>")
        cells.append(f"<td align='right'>{percent(row[-2])}</td>"
                     f"<td align='right'>{count(row[-1])}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    about = translate(
        "ScorecardsPdf", "Results of deals closed {period} · printed {date} · conversion = won "
        "÷ (won + lost), n = decided deals; average deal length = close date − first contact "
        "in days; a deal counts as prepared when its preparation sheet is at least {share} % "
        "complete.").format(period=period, date=date_text(today),
                            share=f"{report.prepared_share * 100:.0f}")
    matrix_title = translate("ScorecardsPdf", "Team matrix")
    matrix_about = translate("ScorecardsPdf", "Average score (1–5) per section of each "
                             "salesperson's latest assessment.")
    team = translate(
        "ScorecardsPdf", "Team: conversion {conversion} (n = {decided}), average deal length "
        "{days} days, {share} of decided deals prepared.").format(
        conversion=percent(report.team.conversion), decided=count(report.team.decided),
        days=number(report.team.avg_deal_length_days, 1),
        share=percent(report.team_prep.share))
    parts = [f"""<html><body style='font-family: "DejaVu Sans"; font-size: 8pt'>
        <h2>{escape(title)}</h2>
        <p style='color:#555'>{about}</p>
        <h3>{matrix_title}</h3>
        <p>{matrix_about}</p>
        <table border='1' cellspacing='0' cellpadding='3'
               style='border-collapse:collapse'><tr>{head}</tr>{''.join(body)}</table>
        <p>{team}</p>"""]
    for card in report.reps:
        latest, template = card.latest, card.template
        f, p = card.figures, card.prep
        parts.append(f"<h3>{escape(card.rep)}</h3>")
        if latest is None or template is None:
            parts.append(translate("ScorecardsPdf", "<p><i>Never assessed.</i></p>"))
        else:
            parts.append(translate(
                "ScorecardsPdf", "<p>Assessed {date} by {assessor} (template v{version}), "
                "average {score}.</p>").format(
                date=date_text(latest.assessed_on), assessor=escape(latest.assessor or "—"),
                version=latest.template_version, score=score_text(latest.mean())))
        results = (translate(
            "ScorecardsPdf", "<p>Conversion {conversion} (n = {decided}, too few to judge), "
            "average deal length {days} days. Prepared {share} of {prep_decided} decided deals; "
            "conversion prepared {prepared_conversion} (n = {prepared}), unprepared "
            "{unprepared_conversion} (n = {unprepared}).</p>") if f.too_few else translate(
            "ScorecardsPdf", "<p>Conversion {conversion} (n = {decided}), average deal length "
            "{days} days. Prepared {share} of {prep_decided} decided deals; conversion prepared "
            "{prepared_conversion} (n = {prepared}), unprepared {unprepared_conversion} "
            "(n = {unprepared}).</p>"))
        parts.append(results.format(
            conversion=percent(f.conversion), decided=count(f.decided),
            days=number(f.avg_deal_length_days, 1), share=percent(p.share),
            prep_decided=count(p.decided), prepared_conversion=percent(p.conversion_prepared),
            prepared=count(p.prepared), unprepared_conversion=percent(p.conversion_unprepared),
            unprepared=count(p.unprepared)))
        if latest is not None and template is not None:
            weak = {w.item_id: w for w in card.weak}
            rows_html = []
            for item in template.ordered_items():
                score = latest.score_of(item.id)
                if score is None:
                    continue
                w = weak.get(item.id)
                mark = ""
                if w is not None:
                    change = "" if w.change is None else f" ({w.change:+d})"
                    to_improve = translate("ScorecardsPdf", "to improve")
                    mark = f"<b style='color:#c62828'>{to_improve}{change}</b>"
                note = next((s.note for s in latest.scores if s.item_id == item.id), "")
                rows_html.append(
                    f"<tr><td>{escape(template_text(template.section_title(item.section)))}"
                    f"</td><td>{escape(template_text(item.text))}</td>"
                    f"<td align='center'>{score}</td>"
                    f"<td>{mark}</td><td>{escape(note)}</td></tr>")
            columns = (translate("ScorecardsPdf", "Section"), translate("ScorecardsPdf", "Item"),
                       translate("ScorecardsPdf", "Score"), "",
                       translate("ScorecardsPdf", "Note"))
            parts.append("<table border='1' cellspacing='0' cellpadding='2' width='100%' "
                         "style='border-collapse:collapse'><tr>"
                         + "".join(f"<th>{c}</th>" for c in columns) + "</tr>"
                         + "".join(rows_html) + "</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_scorecards(path: Path, report: ScorecardReport, *, title: str,
                     today: dt.date) -> Path:
    """Write the scorecards and the team matrix as an A4 PDF (as many pages as needed)."""
    html = scorecards_html(report, title=title, today=today)
    return save_painted(
        path, lambda device: _paint_pages(_writer(device, title), html, LAYOUT_WIDTH))
