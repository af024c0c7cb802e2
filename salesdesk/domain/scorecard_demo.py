"""Scorecards for the sample business: assessment history and preparation sheets.

Each salesperson is assessed every four months over the demo's two years; their scores follow
their results (strong closers score higher), with one obvious weak point: Bence Tóth, the
weakest closer, scores low on interests and bargaining variables and on price arguments, and
those items fall at his latest assessment. Some deals have preparation sheets, more often the
won ones, so prepared deals convert better. Everything comes from one ``random.Random(seed)``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from salesdesk.domain.deal_prep import AREAS, VARIABLES, PrepSheet, SpinGroup
from salesdesk.domain.deals import Outcome
from salesdesk.domain.scorecards import SCORE_MAX, SCORE_MIN, Assessment, Score, Template

ASSESSORS = ("Judit Szabó", "Markus Klein")
WEAK_REP = "Bence Tóth"
WEAK_SECTIONS = ("interests", "price")
# A salesperson's typical score: a closer's conversion in the demo maps to about this level.
_LEVELS = {"Anna Kovács": 4.3, "Bence Tóth": 2.9, "Clara Weber": 3.8, "Dávid Nagy": 3.2,
           "Emma Fischer": 4.0, "Felix Brandt": 3.5}
_INTERESTS = ("Price", "Payment terms", "Delivery date", "Installation disruption",
              "Running costs", "Warranty", "Subsidies", "Reliability", "Service contract",
              "Noise")
_CONCEDE = ("free first service", "10 % deposit instead of 30 %", "install within 2 weeks",
            "weekend installation", "extended warranty", "subsidy paperwork done for them")
_ASK = ("5-year service contract", "signature this month", "reference visit", "full payment "
        "on completion", "referral of a neighbour", "online review")


@dataclass(frozen=True, slots=True)
class DemoDeal:
    """A deal of the sample business as the scorecard generator needs it."""

    deal_id: int
    rep: str | None
    outcome: Outcome
    first_contact: dt.date | None


def _clamp(value: float) -> int:
    return max(SCORE_MIN, min(SCORE_MAX, round(value)))


def demo_assessments(reps: Sequence[str], template: Template, today: dt.date,
                     seed: int = 7) -> list[Assessment]:
    """Assessments every four months for each salesperson, oldest first."""
    rng = random.Random(seed)
    items = template.active_items()
    days = [today - dt.timedelta(days=offset) for offset in (700, 580, 460, 340, 220, 100, 12)]
    result = []
    for rep in reps:
        level = _LEVELS.get(rep, 3.5)
        for n, day in enumerate(days):
            progress = 0.08 * n  # people improve a little over time
            scores = []
            for item in items:
                value = level + progress + rng.gauss(0, 0.55)
                if rep == WEAK_REP and item.section in WEAK_SECTIONS:
                    # The obvious weak point: low, and falling at the latest assessment.
                    value = 2.6 - (1.2 if n == len(days) - 1 else 0) + rng.gauss(0, 0.3)
                scores.append(Score(item.id, _clamp(value),
                                    "Discussed in the review" if rng.random() < 0.15 else ""))
            result.append(Assessment(rep, ASSESSORS[n % 2], day, template.version,
                                     tuple(scores)))
    return result


def demo_sheet(rng: random.Random, filled: float) -> PrepSheet:
    """A preparation sheet with about ``filled`` of its fields written."""
    sheet = PrepSheet()
    for a in range(AREAS):
        if rng.random() < filled + 0.2:
            sheet = sheet.with_area_name(a, _INTERESTS[a])
        for v in range(VARIABLES):
            if rng.random() < filled:
                sheet = sheet.with_cell(a, v, concede=rng.choice(_CONCEDE), ask=rng.choice(_ASK))
    # The demo's data is English in every language, like its names: not the groups' labels.
    spin = tuple(f"{g.value.replace('_', '-').capitalize()} questions for this client"
                 if rng.random() < filled else "" for g in SpinGroup)
    return replace(
        sheet, spin=spin,
        rapport="Sails on Lake Balaton; asked about our heat pump's noise" if
        rng.random() < filled else "",
        price_arguments="Lower running costs pay back the price in 6 years\nSubsidy covers 30 %"
        if rng.random() < filled else "",
        counter_arguments="'Too expensive' → compare 10-year total cost" if
        rng.random() < filled else "",
        tactics=("False deadline",) if rng.random() < 0.3 else (),
        tactics_reviewed=rng.random() < filled)


def demo_prep_sheets(deals: Sequence[DemoDeal], today: dt.date, seed: int = 11
                     ) -> dict[int, PrepSheet]:
    """Sheets for some deals first contacted in the last year: more, and fuller, for the
    better-prepared salespeople, and more often for deals that were won."""
    rng = random.Random(seed)
    start = today - dt.timedelta(days=365)
    sheets: dict[int, PrepSheet] = {}
    for deal in deals:
        if deal.first_contact is None or deal.first_contact < start:
            continue
        level = _LEVELS.get(deal.rep or "", 3.5)
        chance = 0.12 + 0.08 * (level - 3) + (0.18 if deal.outcome is Outcome.WON else 0.0)
        if rng.random() < chance:
            filled = min(0.95, max(0.15, rng.gauss(0.35 + 0.12 * (level - 3)
                                                   + (0.2 if deal.outcome is Outcome.WON
                                                      else 0.0), 0.2)))
            sheets[deal.deal_id] = demo_sheet(rng, filled)
    return sheets
