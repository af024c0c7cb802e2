"""The figures beside a salesperson's scores on the Scorecards tab, as rich text: the rep's and
the team's conversion, n and average deal length over the period chosen, and how preparation
went with conversion."""

from __future__ import annotations

import html

from salesdesk.i18n import translate
from salesdesk.reports.scorecard_report import RepScorecard, ScorecardReport
from salesdesk.ui.formatting import count, date_range_text, number, percent


def days_text(value: float | None) -> str:
    """Days with one decimal; "—" when undefined."""
    if value is None:
        return "—"
    return translate("ScorecardsTab", "{days} days").format(days=number(value, 1))


def results_html(card: RepScorecard | None, report: ScorecardReport) -> str:
    """The results beside the scores: ``card``'s rep (when there is one) and the team over
    the report's period, conversion with n and average deal length, then preparation."""
    period = date_range_text(report.start, report.end)
    team, team_prep = report.team, report.team_prep

    too_few_text = translate("ScorecardsTab", "too few to judge")

    def row(label: str, conversion: float | None, n: int, length: float | None,
            too_few: bool) -> str:
        flag = f" <span style='color:#9a6700'>{too_few_text}</span>" if too_few else ""
        name = html.escape(label).replace(" ", "&nbsp;")  # a name on one line
        n_text = translate("ScorecardsTab", "n = {count}").format(count=count(n))
        return (f"<tr><td>{name}</td>"
                f"<td align='right'><b>{percent(conversion)}</b></td>"
                f"<td align='right'>{n_text}</td><td align='right'>{days_text(length)}"
                f"</td><td>{flag}</td></tr>")

    headers = (translate("ScorecardsTab", "Conversion"),
               translate("ScorecardsTab", "Decided"),
               translate("ScorecardsTab", "Avg deal length"))
    lines = [translate("ScorecardsTab", "<b>Results</b> — deals closed {period}").format(
                 period=period),
             "<table cellspacing='2' cellpadding='2'><tr><th></th>"
             + "".join(f"<th>{h}</th>" for h in headers) + "<th></th></tr>"]
    if card is not None:
        f = card.figures
        lines.append(row(card.rep, f.conversion, f.decided, f.avg_deal_length_days,
                         f.too_few))
    lines.append(row(translate("ScorecardsTab", "Team"), team.conversion, team.decided,
                     team.avg_deal_length_days, team.too_few))
    lines.append("</table>")
    share = f"{report.prepared_share * 100:.0f} %"
    if card is not None:
        p = card.prep
        lines.append(translate(
            "ScorecardsTab",
            "<b>Preparation</b> (a deal counts as prepared when its sheet is at least "
            "{threshold} complete): {share} of {decided} decided deals prepared.<br>"
            "Conversion of prepared deals {prepared_conversion} (n = {prepared}), of "
            "unprepared {unprepared_conversion} (n = {unprepared}).").format(
            threshold=share, share=percent(p.share), decided=count(p.decided),
            prepared_conversion=percent(p.conversion_prepared),
            prepared=count(p.prepared),
            unprepared_conversion=percent(p.conversion_unprepared),
            unprepared=count(p.unprepared)))
    lines.append(translate(
        "ScorecardsTab",
        "Team: {share} prepared; prepared {prepared_conversion} (n = {prepared}), "
        "unprepared {unprepared_conversion} (n = {unprepared}).").format(
        share=percent(team_prep.share),
        prepared_conversion=percent(team_prep.conversion_prepared),
        prepared=count(team_prep.prepared),
        unprepared_conversion=percent(team_prep.conversion_unprepared),
        unprepared=count(team_prep.unprepared)))
    return "<br>".join(lines)
