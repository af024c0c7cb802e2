"""The sample business behind :mod:`salesdesk.domain.demo`: who sells what to whom, and how
each of them sways a deal.

Six salespeople, five products, four channels, three regions and three audiences, each with its
share of the deals and its effect on the odds of winning; how clients are named; the stage paths
won, lost and stalled deals take; why deals are lost and to whom; what open deals wait for; and
the spreads deal lengths and amounts are drawn from. :mod:`~salesdesk.domain.demo_deals` makes
one deal from these, :mod:`~salesdesk.domain.demo` the whole business.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

BASE_CURRENCY = "EUR"
DEMO_DAYS = 730
"""First contacts fall on the last DEMO_DAYS days up to and including today (two years)."""


# --- the business ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rep:
    """A salesperson of the sample business."""

    name: str
    conversion: float  # about this share of the rep's decided deals are won
    days: float  # typical length of a won deal, in days (lost ones end sooner)
    share: float  # share of all deals


# Conversion and speed are deliberately not in step, so conversion and deal-length levers differ.
REPS = (
    Rep("Anna Kovács", 0.65, 26.0, 0.19),
    Rep("Bence Tóth", 0.25, 62.0, 0.17),
    Rep("Clara Weber", 0.50, 18.0, 0.17),
    Rep("Dávid Nagy", 0.36, 40.0, 0.16),
    Rep("Emma Fischer", 0.58, 75.0, 0.16),
    Rep("Felix Brandt", 0.43, 24.0, 0.15),
)
# The product, channel and region mix and returning customers lift the log-odds of winning by
# about this much on average (at the default count); taking it off keeps each rep's conversion
# near the figure above.
MIX_LIFT = 0.35


@dataclass(frozen=True, slots=True)
class Option:
    """A product, channel or region of the sample business."""

    name: str
    share: float  # share of deals (of clients, for regions)
    effect: float = 0.0  # added to the log-odds of winning
    price: int = 0  # typical amount in whole euros (products only)


PRODUCTS = (
    Option("Boiler service", 0.30, 0.6, 180),
    Option("Boiler replacement", 0.20, 0.1, 4_800),
    Option("Heat pump installation", 0.20, -0.6, 14_000),
    Option("Solar panels", 0.15, -0.2, 9_500),
    Option("Maintenance contract", 0.15, 0.3, 1_200),
)
CHANNELS = (
    Option("Website", 0.35, 0.0),
    Option("Referral", 0.25, 0.7),
    Option("Trade fair", 0.15, -0.1),
    Option("Cold call", 0.25, -0.8),
)
REGIONS = (
    Option("North", 0.30, 0.1),
    Option("Central", 0.45, 0.0),
    Option("South", 0.25, -0.2),
)
RETURNING_EFFECT = 0.6  # a client who bought before says yes more often
WEBSITE_CHANGE_DAYS_AGO = 210
"""The new website went live this many days before today (a touchpoint change)."""
WEBSITE_CHANNEL = "Website"
WEBSITE_EFFECT = 1.8  # the website's deals in flight since then win this much more
IN_FLIGHT_DAYS = 30  # deals first contacted this long before the launch benefit too


@dataclass(frozen=True, slots=True)
class Audience:
    """A target audience of the sample business and how its clients and deals differ."""

    name: str
    client_share: float
    popularity: float  # how many deals a client of this audience brings, relative
    amount_factor: float
    length_factor: float
    names: tuple[NameFamily, ...]  # how its clients are called, see demo


@dataclass(frozen=True, slots=True)
class NameFamily:
    """A way the sample business's clients are named: a template filled from word lists."""

    template: str  # e.g. "{0}{1} {2}": part lists filled in by position
    parts: tuple[tuple[str, ...], ...]

    @property
    def size(self) -> int:
        """How many distinct names the family can make."""
        return math.prod(len(words) for words in self.parts)

    def name(self, index: int) -> str:
        """The name number ``index`` (0 <= index < size)."""
        words = []
        for options in reversed(self.parts):
            index, digit = divmod(index, len(options))
            words.append(options[digit])
        return self.template.format(*reversed(words))


_FIRST_NAMES = ("Anna", "Balázs", "Clara", "Daniel", "Eszter", "Florian", "Gabriella", "Hanna",
                "Imre", "Judit", "Katalin", "Lukas", "Márton", "Nina", "Oliver", "Petra", "Réka",
                "Stefan", "Tamás", "Ursula", "Viktor", "Zsófia", "Martin", "Laura", "Peter",
                "Eva", "Gábor", "Sophie", "Jonas", "Ilona")
_LAST_NAMES = ("Keller", "Szabó", "Horváth", "Maier", "Varga", "Schulz", "Molnár", "Wagner",
               "Farkas", "Becker", "Balogh", "Hoffmann", "Papp", "Krüger", "Takács", "Lang",
               "Juhász", "Wolf", "Mészáros", "Roth", "Simon", "Lakatos", "Vogel", "Fekete",
               "Brandt", "Kiss", "Engel", "Oláh", "Peters", "Bíró")
_COMPOUND_HEADS = ("Nord", "Süd", "Ost", "West", "Alpen", "Blau", "Sonnen", "Stern", "Berg",
                   "Wald", "Linden", "Adler", "Falken", "Eichen", "Fluss", "Gold", "Silber",
                   "Stahl", "Kristall", "Donau")
_COMPOUND_TAILS = ("wind", "licht", "werk", "tal", "feld", "bau", "haus", "stein", "quell",
                   "mark", "hain", "hof")
_COMPOUND_FORMS = ("Kft.", "GmbH", "Bt.", "AG", "KG")
_ENGLISH_HEADS = ("Blue", "Green", "Silver", "Golden", "Red", "Bright", "Clear", "Oak", "Stone",
                  "Iron", "Cedar", "Maple", "Swift", "Royal", "Summit", "Northern")
_ENGLISH_TAILS = ("Harbor", "Ridge", "Valley", "Bridge", "Field", "Crest", "Point", "Gate",
                  "Works", "Peak", "Brook", "Lane")
_ENGLISH_FORMS = ("Ltd", "Inc.", "& Co.", "Group", "LLC")
_PLACES = ("Lakeside", "Riverton", "Eastbrook", "Millford", "Oakham", "Westvale", "Hillcrest",
           "Stonebridge", "Greenfield", "Ashford", "Fairhaven", "Kingsbury", "Marlow", "Redwater",
           "Elmstead", "Brightwell")
_INSTITUTIONS = ("Town Council", "Primary School", "Hospital", "Library", "Sports Centre",
                 "Fire Station", "Water Works", "Care Home", "Secondary School", "Museum")

# Name families never collide with each other: people have no legal form, companies do (one
# word or two before it), and public bodies end with an institution.
AUDIENCES = (
    Audience("Households", 0.50, 0.9, 1.0, 0.8,
             (NameFamily("{0} {1}", (_FIRST_NAMES, _LAST_NAMES)),)),
    Audience("Small businesses", 0.38, 1.0, 1.8, 1.0,
             (NameFamily("{0}{1} {2}", (_COMPOUND_HEADS, _COMPOUND_TAILS, _COMPOUND_FORMS)),
              NameFamily("{0} {1} {2}", (_ENGLISH_HEADS, _ENGLISH_TAILS, _ENGLISH_FORMS)))),
    Audience("Public sector", 0.12, 1.1, 3.5, 1.7,
             (NameFamily("{0} {1}", (_PLACES, _INSTITUTIONS)),)),
)

DEALS_PER_CLIENT = 4  # on average; a few clients bring many deals, most one or two
# Past this, big counts reuse clients (the name families of an audience may run out sooner).
MAX_CLIENTS = 3_000

# Stage paths as indices into DEFAULT_STAGES, with their weights. Won deals mostly pass every
# stage; some skip one. Lost deals drop out anywhere.
WON_PATHS = (((0, 1, 2, 3), 84), ((0, 2, 3), 7), ((0, 1, 3), 6), ((0, 1, 2), 3))
LOST_PATHS = (((0,), 20), ((0, 1), 30), ((0, 1, 2), 30), ((0, 1, 2, 3), 20))
# A deal lost early ends sooner than one lost in negotiation (index: stages reached - 1).
LOST_LENGTH = (0.35, 0.6, 0.9, 1.1)
# Where stale open deals stalled.
STALE_PATHS = (((0,), 30), ((0, 1), 30), ((0, 1, 2), 25), ((0, 1, 2, 3), 15))
STALE_SHARE = 0.07  # deals that stall and never decide; others are open only while in flight

# Why deals are lost, per product (weights of Price, Competitor, No budget, No decision,
# Timing): heat pumps lose to competitors, service deals to price and timing, so the lost
# reasons by product differ.
LOST_REASON_WEIGHTS = {
    "Boiler service": (45, 10, 5, 20, 20),
    "Boiler replacement": (35, 30, 15, 10, 10),
    "Heat pump installation": (20, 45, 15, 10, 10),
    "Solar panels": (25, 20, 30, 15, 10),
    "Maintenance contract": (30, 10, 10, 35, 15),
}
NO_REASON_SHARE = 0.10
UNKNOWN_AMOUNT_SHARE = 0.03
EXPECTED_CLOSE_SHARE = 0.80
NEXT_STEP_SHARE = 0.85
NEXT_STEPS = (  # per stage: what an open deal at that stage waits for
    ("Call back", "Book a site visit"),
    ("Site visit", "Send proposal"),
    ("Follow up on proposal", "Send revised quote"),
    ("Agree final price", "Book installation date"),
)

QUANTILES = 1024


def _lognormal_table(sigma: float, cap: float) -> tuple[float, ...]:
    """Quantiles of a lognormal with mean 1: drawing one is an index, not a math call."""
    normal = NormalDist()
    return tuple(min(cap, math.exp(sigma * normal.inv_cdf((i + 0.5) / QUANTILES)
                                   - sigma * sigma / 2)) for i in range(QUANTILES))


# Deal lengths are skewed (a few drag on for months) and some close on the first day.
LENGTH_FACTORS = _lognormal_table(0.8, 5.0)
AMOUNT_FACTORS = _lognormal_table(0.35, 3.0)


# --- who the business loses to -------------------------------------------------------------


COMPETITORS = (("ThermoPro Kft.", 55), ("HeatWise GmbH", 30), ("Klima Direct", 15))
"""Who the sample business loses to, by weight (a few deals do not say)."""
UNNAMED_COMPETITOR_SHARE = 0.12
OTHER_SHARE = 0.3  # of the lost deals without a reason: "Other", with what it was
OTHER_REASONS = ("Moved house before deciding", "Bought a used boiler privately",
                 "Building permit refused", "Renovation postponed to next year",
                 "Landlord would not agree", "Chose to repair the old system")
