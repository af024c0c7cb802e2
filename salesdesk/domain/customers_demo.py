"""The sample business's Customers tab: NPS survey responses, touchpoint changes and competitor
notes, drawn after its deals (domain.demo) so the tab has something to show with ``--demo``.

- About a third of the won deals get a survey response a few days after they closed, and a
  few lost deals too; heat pump installations score lowest, service contracts highest. Some
  paper surveys have no client or deal. Most responses say what would earn a 10.
- Five touchpoint changes over the two years; the new website (domain.demo) clearly lifted the
  website's conversion, the others are too recent or too small to judge.
- Notes on how the two main competitors work, step by step.

The same ``(deals, today, seed)`` always gives the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from salesdesk.domain.competitors import CompetitorNotes, StepNote
from salesdesk.domain.demo_business import WEBSITE_CHANGE_DAYS_AGO, WEBSITE_CHANNEL
from salesdesk.domain.nps import SCORE_MAX, SCORE_MIN, Response, Segment, score_group
from salesdesk.domain.slices import Dimension
from salesdesk.domain.touchpoints import Scope, TouchpointChange


@dataclass(frozen=True, slots=True)
class DemoDeal:
    """What the survey generator needs of a stored deal."""

    id: int
    client: str | None
    product: str | None
    audience: str | None
    outcome: str
    closed_on: dt.date | None


_PRODUCT_SCORES = {  # typical score per product
    "Boiler service": 8.9,
    "Boiler replacement": 8.3,
    "Heat pump installation": 6.4,
    "Solar panels": 7.5,
    "Maintenance contract": 9.1,
}
_WON_SURVEYED = 0.35
_LOST_SURVEYED = 0.06
_LOST_PENALTY = 2.8
_SPREAD = 1.5
_COMMENTED = 0.65
_PAPER_SURVEYS = 40
_COMMENTS = {
    "promoter": (
        "Nothing — the crew was quick, tidy and friendly.",
        "Keep the same engineer, he explained everything.",
        "Fast quote, fair price, no surprises.",
        "Send the yearly service reminder a bit earlier.",
        "Already perfect; maybe an app to book visits.",
        "Great work. A follow-up call after a month would be nice.",
    ),
    "passive": (
        "Call before you come, not on the day itself.",
        "The quote took more than a week.",
        "Clearer invoice: I could not see what the extras were.",
        "Good job, but the site was left a bit messy.",
        "Offer instalments without a separate bank visit.",
        "The booking on the website worked, the confirmation did not arrive.",
    ),
    "detractor": (
        "The heat pump is loud at night and nobody came back about it.",
        "Two visits were cancelled at short notice.",
        "The price went up after the first quote.",
        "Installation took three days longer than promised.",
        "Hard to reach anyone by phone after the job was done.",
        "The salesperson promised a subsidy we never got.",
    ),
}


def _score(rng: random.Random, typical: float) -> int:
    value = round(rng.gauss(typical, _SPREAD))
    return max(SCORE_MIN, min(SCORE_MAX, value))


def _comment(rng: random.Random, score: int) -> str:
    if rng.random() >= _COMMENTED:
        return ""
    pool = _COMMENTS[score_group(score).value]
    return pool[int(rng.random() * len(pool))]


def _segment(audience: str | None) -> Segment:
    return Segment.B2C if audience in (None, "Households") else Segment.B2B


def demo_responses(deals: Sequence[DemoDeal], today: dt.date, seed: int = 2026
                   ) -> list[Response]:
    """Survey responses after some of the deals, plus anonymous paper surveys, in date
    order."""
    rng = random.Random(seed * 7 + 3)
    result: list[Response] = []
    products = sorted(_PRODUCT_SCORES)
    for deal in deals:
        if deal.closed_on is None or deal.outcome == "open":
            continue
        won = deal.outcome == "won"
        if rng.random() >= (_WON_SURVEYED if won else _LOST_SURVEYED):
            continue
        answered = deal.closed_on + dt.timedelta(days=2 + int(rng.random() * 20))
        if answered > today:
            continue
        typical = _PRODUCT_SCORES.get(deal.product or "", 7.5) - (0 if won else _LOST_PENALTY)
        score = _score(rng, typical)
        result.append(Response(answered, score, _segment(deal.audience), deal.product,
                               deal.client, deal.id, _comment(rng, score)))
    if result:
        first = min(r.answered_on for r in result)
        span = max(1, (today - first).days)
        for _ in range(_PAPER_SURVEYS):
            product = products[int(rng.random() * len(products))]
            score = _score(rng, _PRODUCT_SCORES[product])
            answered = first + dt.timedelta(days=int(rng.random() * span))
            segment = Segment.B2C if rng.random() < 0.6 else Segment.B2B
            result.append(Response(answered, score, segment, product, None, None,
                                   _comment(rng, score)))
    result.sort(key=lambda r: (r.answered_on, r.deal_id or 0))
    return result


def demo_changes(today: dt.date) -> list[TouchpointChange]:
    """The sample business's touchpoint changes, oldest first."""
    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    return [
        TouchpointChange("Price tags", ago(430),
                         "New price tags showing monthly instalments in the showroom"),
        TouchpointChange("Seller uniforms", ago(330),
                         "Branded uniforms for the installation crews"),
        TouchpointChange("Website", ago(WEBSITE_CHANGE_DAYS_AGO),
                         "New website with online booking of site visits",
                         Scope(Dimension.CHANNEL, WEBSITE_CHANNEL)),
        TouchpointChange("Presentations", ago(120), "Shorter proposal deck for public bodies",
                         Scope(Dimension.AUDIENCE, "Public sector")),
        TouchpointChange("Promotion sign-up", ago(45),
                         "Newsletter sign-up with a service voucher at the trade fair stand",
                         Scope(Dimension.CHANNEL, "Trade fair")),
    ]


def demo_competitor_notes() -> list[CompetitorNotes]:
    """How the two main competitors work next to us, step by step."""
    return [
        CompetitorNotes("ThermoPro Kft.", (
            StepNote("First response to an enquiry", "Call back the same day",
                     "Online chat answers within the hour"),
            StepNote("Site visit", "Within a week, by appointment",
                     "Within two days, free of charge"),
            StepNote("Quote", "Itemised PDF after the visit", "Fixed price given on the spot"),
            StepNote("Payment", "Invoice, 8 days", "0 % instalments over 24 months"),
            StepNote("After the installation", "Yearly service reminder by letter",
                     "App with service booking and remote diagnostics"),
        )),
        CompetitorNotes("HeatWise GmbH", (
            StepNote("First response to an enquiry", "Call back the same day",
                     "E-mail within two working days"),
            StepNote("Site visit", "Within a week, by appointment",
                     "Only for heat pumps; boilers quoted from photos"),
            StepNote("Quote", "Itemised PDF after the visit",
                     "Three packages: basic, comfort, premium"),
            StepNote("Subsidies", "We point to the programme",
                     "They file the subsidy application for the client"),
        )),
    ]
