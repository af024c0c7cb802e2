"""``salesdesk nps`` and the Customers tab's NPS table: NPS overall and by group.

NPS is that of domain.nps (DESIGN.md §4): % promoters (9–10) − % detractors (0–6) over the n
responses, from −100 to 100. JSON is UTF-8 and unrounded, exactly::

    {"overall": {"nps": 12.5, "promoters": 3, "passives": 3, "detractors": 2, "n": 8},
     "groups": [{"value": "Boiler service", "nps": ..., "promoters": ..., "passives": ...,
                 "detractors": ..., "n": ...}, ...]}

``nps`` is null without responses; a group without a value (a response without a product or
client) has ``"value": null`` and is listed last.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.nps import NpsBy, NpsTally, Response, grouped, tally
from salesdesk.i18n import QT_TRANSLATE_NOOP

FORMATS = ("table", "json")
NONE_LABEL = QT_TRANSLATE_NOOP("NpsReport", "(none)")
"""A group without a value (``translate("NpsReport", NONE_LABEL)`` on screen)."""


@dataclass(frozen=True, slots=True)
class NpsReport:
    """NPS over some responses, overall and per group (None: not grouped)."""

    by: NpsBy | None
    overall: NpsTally
    groups: tuple[tuple[str | None, NpsTally], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``salesdesk nps --format json``."""
        return {"overall": self.overall.to_dict(),
                "groups": [{"value": value, **t.to_dict()} for value, t in self.groups]}


def build_report(responses: Sequence[Response], by: NpsBy | None = None) -> NpsReport:
    """The report of ``responses`` (already limited to the period asked)."""
    groups = tuple(grouped(responses, by)) if by is not None else ()
    return NpsReport(by, tally(responses), groups)


def nps_text(value: float | None) -> str:
    """NPS as a signed whole number ("+32", "−5", "0"); "—" when undefined."""
    if value is None:
        return "—"
    rounded = round(value)
    if rounded == 0:
        return "0"
    return f"+{rounded}" if rounded > 0 else f"−{-rounded}"


def render_table(report: NpsReport) -> str:
    """The report as an aligned text table with the definition underneath."""
    header = [report.by.label if report.by else "", "NPS", "Promoters", "Passives",
              "Detractors", "n"]
    rows = [["All responses", *_cells(report.overall)]]
    rows += [[NONE_LABEL if value is None else value, *_cells(t)] for value, t in report.groups]
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        return "  ".join([first, *(str(c).rjust(w) for c, w in zip(cells[1:], widths[1:],
                                                                   strict=True))]).rstrip()

    lines = [line(header), line(["-" * w for w in widths]), *map(line, rows)]
    lines.append("")
    lines.append("NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100; n ="
                 " responses.")
    return "\n".join(lines) + "\n"


def _cells(t: NpsTally) -> list[str]:
    return [nps_text(t.nps), f"{t.promoters:,}", f"{t.passives:,}", f"{t.detractors:,}",
            f"{t.n:,}"]


def render(report: NpsReport, form: str) -> str:
    """The report as a table or JSON (``form``)."""
    if form == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return render_table(report)
