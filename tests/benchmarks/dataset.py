"""A realistic benchmark file of N deals, built through the store and cached by N.

The data imitates a small business's five years of deals: ~50 salespeople, ~20 products,
12 regions, 5 channels, 3 audiences, ~20,000 clients (a few big, most small), dates over five
years, ~15 % open deals, won and lost ones closing after a skewed number of days, and a stage
history per deal. Titles mix import-style "client product" titles with hand-written ones whose
words follow a Zipf law; notes draw from a larger invented vocabulary, so searches find common
words, rare words and client-name fragments with realistic hit counts.

Everything is seeded, so the same N always gives the same file. The file is written through
``open_store`` + ``Store.add_deals`` (the import path), and cached under the work folder by N,
this generator's version and a fingerprint of the schema: a changed index rebuilds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import math
import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from salesdesk.domain.deals import DEFAULT_LOST_REASONS, DEFAULT_STAGES, Deal, Outcome, StageEvent
from salesdesk.store import open_store
from salesdesk.store.migrations import migrations

GENERATOR_VERSION = 1
SEED = 20250630
TODAY = dt.date(2025, 6, 30)
YEARS = 5
CLIENTS = 20_000

_FIRST = ("Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannes", "Ida", "Jonas",
          "Karin", "Lukas", "Marta", "Nils", "Olga", "Paul", "Quentin", "Rosa", "Stefan", "Tina",
          "Uwe", "Vera", "Walter", "Xenia", "Yusuf", "Zoe", "Amir", "Bianca", "Carlos", "Dana")
_LAST = ("Abel", "Brandt", "Costa", "Dietz", "Engel", "Fischer", "Gruber", "Hoffmann", "Iversen",
         "Jansen", "Keller", "Lang", "Maier", "Novak", "Ortiz", "Peters", "Quast", "Roth",
         "Schulz", "Thiel", "Ulrich", "Vogel", "Weber", "Yilmaz", "Zimmer")
PRODUCTS = ("CRM Basic", "CRM Pro", "CRM Enterprise", "Fleet Tracker", "Payroll Suite",
            "Inventory Cloud", "Web Shop", "POS Terminal", "Support Plan", "Onboarding Package",
            "Data Migration", "Analytics Add-on", "Mobile App", "Training Day", "Consulting Hours",
            "Hardware Bundle", "Security Audit", "Backup Service", "Email Marketing",
            "Loyalty Program")
REGIONS = ("North", "South", "East", "West", "Central", "North-East", "North-West", "South-East",
           "South-West", "Capital", "Coast", "Mountains")
CHANNELS = ("Website", "Referral", "Cold call", "Trade fair", "Partner")
AUDIENCES = ("Small business", "Mid-market", "Enterprise")
_CLIENT_PREFIX = (
    "Nordwind", "Alpen", "Blau", "Sonnen", "Stern", "Berg", "Fluss", "Wald", "Eichen", "Linden",
    "Adler", "Falken", "Lowen", "Baren", "Wolf", "Fuchs", "Hirsch", "Rabe", "Schwan", "Kranich",
    "Apex", "Vertex", "Nova", "Orion", "Atlas", "Titan", "Zenit", "Polar", "Delta", "Sigma",
    "Green", "Silver", "Golden", "Crystal", "Iron", "Copper", "Granite", "Harbor", "River", "Lake",
    "Summit", "Prime", "Bright", "Clear", "Swift", "True", "Bold", "Pure", "Smart", "Rapid",
    "Meyer", "Schmidt", "Becker", "Wagner", "Hofmann", "Koch", "Richter", "Klein", "Neumann",
    "Schwarz", "Braun", "Kruger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Kohler",
    "Hansa", "Rhein", "Elbe", "Donau", "Main", "Mosel", "Isar", "Spree", "Havel", "Oder",
    "Bavaria", "Saxonia", "Frisia", "Hessen", "Baltic", "Nordic", "Alpine", "Euro", "Inter",
    "Global", "Metro", "Urban", "Rural", "Coastal", "Valley", "Highland", "Meadow", "Forest",
    "Pioneer", "Vanguard", "Keystone", "Cornerstone", "Landmark", "Beacon", "Compass", "Anchor",
    "Horizon", "Meridian", "Equinox", "Solstice", "Aurora", "Zephyr", "Cascade", "Evergreen",
    "Oak", "Maple", "Cedar", "Birch", "Pine", "Willow", "Aspen", "Elm", "Ash", "Rowan",
)
_CLIENT_CORE = (
    "Logistics", "Bakery", "Systems", "Consulting", "Engineering", "Foods", "Motors", "Textiles",
    "Pharma", "Dental", "Clinic", "Hotels", "Travel", "Media", "Print", "Design", "Software",
    "Electronics", "Energy", "Solar", "Water", "Construction", "Roofing", "Plumbing", "Garden",
    "Furniture", "Fashion", "Sports", "Optics", "Books", "Coffee", "Brewery", "Winery", "Dairy",
    "Farms", "Fitness", "Beauty", "Pets", "Toys", "Tools", "Metal", "Plastics", "Glass", "Paper",
    "Chemicals", "Labs", "Robotics", "Security", "Cleaning", "Catering",
)
_CLIENT_FORM = ("GmbH", "AG", "KG", "Ltd", "Inc", "& Co", "Group", "")
TITLE_WORDS = (
    # Zipf-weighted by position: the first words are the common ones.
    "order", "renewal", "upgrade", "license", "rollout", "pilot", "expansion", "contract",
    "subscription", "migration", "support", "service", "annual", "quarterly", "new", "additional",
    "team", "branch", "office", "warehouse", "store", "site", "department", "project", "phase",
    "trial", "extension", "replacement", "integration", "setup", "training", "maintenance",
    "framework", "agreement", "tender", "bundle", "seats", "users", "devices", "terminals",
    "follow-up", "reorder", "cross-sell", "upsell", "consolidation", "modernisation",
    "headquarters", "franchise", "seasonal", "holiday", "spring", "summer", "autumn", "winter",
    "campaign", "launch", "relaunch", "retrofit", "audit", "assessment", "workshop", "evaluation",
    "proof-of-concept", "scale-up", "onboarding", "standardisation", "harmonisation", "refresh",
)
NEXT_STEPS = ("Call back", "Send proposal", "Schedule demo", "Follow up by email",
              "Wait for budget decision", "Prepare contract", "Meet decision maker",
              "Send revised offer", "Book site visit", "Clarify requirements", "")
_SYLLABLES = ("ka", "lo", "mi", "re", "tu", "san", "vel", "dor", "pe", "qui", "ran", "zo", "bri",
              "fen", "gal", "hu", "jor", "kel", "mun", "nor", "ost", "par", "ril", "sto", "tam",
              "ul", "vin", "wes", "xan", "yor")


def _notes_vocabulary() -> list[str]:
    """4,000 invented words, most frequent first (the notes use them with a Zipf law)."""
    rng = random.Random(SEED + 1)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < 4000:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen and len(word) >= 5:
            seen.add(word)
            words.append(word)
    return words


NOTES_WORDS = _notes_vocabulary()


@dataclass(frozen=True)
class Searches:
    """Quick searches with a known character in this data."""

    client_fragment: str = "nordw"  # start of "Nordwind ..." clients (names and import titles)
    title_word: str = "renewal"  # second most common title word
    common_word: str = "order"  # the most common title word
    rare_word: str = NOTES_WORDS[3000]  # a tail word of the notes (a few dozen deals at 1M)
    two_words: str = "renewal nordw"  # a title word and a client fragment, AND'ed
    two_letters: str = "st"  # the second keystroke
    one_letter: str = "s"  # the first keystroke of a search-as-you-type


SEARCHES = Searches()


def _zipf_cum_weights(n: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** exponent) for rank in range(1, n + 1)))


def _client_names(rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < CLIENTS:
        parts = [rng.choice(_CLIENT_PREFIX), rng.choice(_CLIENT_CORE), rng.choice(_CLIENT_FORM)]
        name = " ".join(p for p in parts if p)
        if name.casefold() in seen:
            name = f"{name} {rng.randint(2, 99)}"
            if name.casefold() in seen:
                continue
        seen.add(name.casefold())
        names.append(name)
    return names


def _reps() -> list[str]:
    rng = random.Random(SEED + 2)
    names: set[str] = set()
    while len(names) < 50:
        names.add(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}")
    return sorted(names)


@dataclass(frozen=True)
class _Client:
    name: str
    rep: str
    region: str
    audience: str


class _Lockstep(Sequence[Sequence[StageEvent]]):
    """The ``histories`` argument of add_deals, filled as the deal generator runs.

    insert_many reads ``histories[i]`` right after taking deal ``i`` from the iterator, so only
    the current deal's history has to exist: a million histories are never held at once.
    """

    def __init__(self, length: int) -> None:
        self._length = length
        self.index = -1
        self.current: Sequence[StageEvent] = ()

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if index != self.index:
            raise IndexError(f"history {index} asked while deal {self.index} is current")
        return self.current


@dataclass
class GeneratorClock:
    """Time spent inside the generator (making Deal objects), to split the import time."""

    seconds: float = 0.0


def deals(n: int, histories: _Lockstep, clock: GeneratorClock) -> Iterator[Deal]:
    """N seeded deals; each deal's history is put in ``histories`` before it is yielded."""
    started = time.perf_counter()
    rng = random.Random(SEED)
    reps = _reps()
    client_names = _client_names(rng)
    clients = [
        _Client(name, rng.choice(reps), rng.choice(REGIONS),
                rng.choices(AUDIENCES, weights=(6, 3, 1))[0])
        for name in client_names
    ]
    rng.shuffle(clients)  # which clients are big is not alphabetical
    client_cw = _zipf_cum_weights(len(clients), 0.6)
    product_cw = _zipf_cum_weights(len(PRODUCTS), 0.8)
    title_cw = _zipf_cum_weights(len(TITLE_WORDS), 1.0)
    notes_cw = _zipf_cum_weights(len(NOTES_WORDS), 1.1)
    stage_names = DEFAULT_STAGES
    span = YEARS * 365
    start = TODAY - dt.timedelta(days=span)
    dates = [start + dt.timedelta(days=i) for i in range(span + 1)]
    clock.seconds += time.perf_counter() - started

    batch = 10_000
    for base in range(0, n, batch):
        began = time.perf_counter()
        size = min(batch, n - base)
        picked_clients = rng.choices(clients, cum_weights=client_cw, k=size)
        picked_products = rng.choices(PRODUCTS, cum_weights=product_cw, k=size)
        made: list[tuple[Deal, tuple[StageEvent, ...]]] = []
        for i in range(size):
            client = picked_clients[i]
            product: str | None = picked_products[i]
            roll = rng.random()
            has_client = roll >= 0.03
            rep = client.rep if rng.random() < 0.85 else rng.choice(reps)
            if rng.random() < 0.01:
                rep = None  # type: ignore[assignment]
            if rng.random() < 0.02:
                product = None
            fc_day = rng.randint(0, span)
            first_contact: dt.date | None = dates[fc_day]
            length = min(int(rng.lognormvariate(3.2, 0.9)), 730)  # median ~25 days
            is_open = rng.random() < 0.13 or fc_day + length > span
            if is_open:
                outcome = Outcome.OPEN
                closed_on = None
                if rng.random() < 0.05:
                    first_contact = None  # a lead without a first contact yet
            else:
                outcome = Outcome.WON if rng.random() < 0.38 else Outcome.LOST
                closed_on = dates[fc_day + length]
            if outcome is Outcome.WON:
                reached = rng.choices((2, 3, 4), weights=(1, 3, 8))[0]
            elif outcome is Outcome.LOST:
                reached = rng.randint(1, 4)
            else:
                reached = rng.choices((1, 2, 3, 4), weights=(4, 3, 2, 1))[0]
            begin = first_contact or TODAY - dt.timedelta(days=rng.randint(0, 60))
            end = closed_on or TODAY
            gap = (end - begin).days
            steps = sorted(rng.randint(0, gap) for _ in range(reached - 1))
            history = (StageEvent(stage_names[0], begin), *(
                StageEvent(stage_names[k + 1], begin + dt.timedelta(days=steps[k]))
                for k in range(reached - 1)))
            client_name = client.name if has_client else None
            if rng.random() < 0.35:
                title = " ".join(p for p in (client_name, product) if p) or "Untitled deal"
            else:
                words = rng.choices(TITLE_WORDS, cum_weights=title_cw, k=rng.randint(1, 3))
                title = " ".join(dict.fromkeys(words)).capitalize()
                if product and rng.random() < 0.5:
                    title = f"{title} {product}"
            notes = ""
            if rng.random() < 0.3:
                notes = " ".join(rng.choices(NOTES_WORDS, cum_weights=notes_cw,
                                             k=rng.randint(3, 15))).capitalize() + "."
            amount: int | None = None
            if rng.random() >= 0.05:
                amount = int(rng.lognormvariate(math.log(5000), 1.0)) * 100
            touched = end + dt.timedelta(days=min(rng.randint(0, 20), (TODAY - end).days))
            made.append((Deal(
                title=title,
                outcome=outcome,
                currency="EUR" if rng.random() < 0.9 else "USD",
                client=client_name,
                rep=rep,
                product=product,
                channel=rng.choice(CHANNELS) if rng.random() >= 0.02 else None,
                region=client.region if has_client else rng.choice(REGIONS),
                audience=client.audience if has_client else None,
                stage=stage_names[reached - 1],
                first_contact=first_contact,
                closed_on=closed_on,
                expected_close=(TODAY + dt.timedelta(days=rng.randint(1, 120))
                                if is_open else None),
                next_step=rng.choice(NEXT_STEPS) if is_open else "",
                amount=amount,
                lost_reason=(rng.choice(DEFAULT_LOST_REASONS)
                             if outcome is Outcome.LOST and rng.random() < 0.7 else None),
                notes=notes,
                external_id=f"HS-{base + i + 1000000}" if rng.random() < 0.5 else None,
                created_at=f"{begin.isoformat()}T{rng.randint(7, 18):02d}:"
                           f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+00:00",
                updated_at=f"{touched.isoformat()}T{rng.randint(7, 18):02d}:"
                           f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+00:00",
            ), history))
        clock.seconds += time.perf_counter() - began
        for deal, history in made:
            histories.index += 1
            histories.current = history
            yield deal


def schema_fingerprint() -> str:
    """A hash of the schema migrations create: indexes and triggers change the cached file."""
    db = Database(memory=True)
    migrations.apply(db)
    sql = "\n".join(row[0] for row in db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"))
    return hashlib.sha256(sql.encode()).hexdigest()[:12]


def build(path: Path, n: int) -> dict[str, float]:
    """Write ``path`` with ``n`` deals through the store; return the timings in seconds."""
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    store = open_store(path, base_currency="EUR")
    histories = _Lockstep(n)
    clock = GeneratorClock()
    try:
        store.add_deals(deals(n, histories, clock), TODAY, histories)
        imported = time.perf_counter()
    finally:
        store.close()  # checkpoints the WAL into the file
    closed = time.perf_counter()
    return {"deals": n, "add_deals_s": imported - started, "generator_s": clock.seconds,
            "store_s": imported - started - clock.seconds, "close_s": closed - imported}


def dataset(workdir: Path, n: int, *, log: bool = True) -> tuple[Path, dict[str, float]]:
    """The cached file of ``n`` deals, built first when missing or outdated."""
    workdir.mkdir(parents=True, exist_ok=True)
    name = f"deals-{n}-g{GENERATOR_VERSION}-{schema_fingerprint()}"
    path = workdir / f"{name}.salesdesk"
    info = workdir / f"{name}.json"
    if path.exists() and info.exists():
        return path, json.loads(info.read_text())
    if log:
        print(f"building {path} with {n:,} deals through Store.add_deals ...", flush=True)
    partial = workdir / f"{name}.partial"
    for leftover in workdir.glob(f"{name}.partial*"):
        leftover.unlink()
    timings = build(partial, n)
    partial.rename(path)
    with sqlite3.connect(path) as conn:
        timings["file_mb"] = path.stat().st_size / 1e6
        timings["stage_events"] = conn.execute("SELECT COUNT(*) FROM stage_events").fetchone()[0]
    conn.close()
    info.write_text(json.dumps(timings, indent=2))
    return path, timings
