"""Net Promoter Score (DESIGN.md §4, §6; issue 17): survey responses and the NPS maths.

The reference, in plain Python. Definitions:

* A response scores 0–10. Promoters score 9–10, passives 7–8, detractors 0–6.
* NPS = % promoters − % detractors, from −100 to +100, over the n responses counted. With no
  response it is undefined (None), never 0; all passives give exactly 0.
* The question follows the segment: B2C asks "On a scale of 0–10, how likely are you to
  recommend us to friends or colleagues?", B2B "How likely are you to order from us again?";
  both are followed by "What should we do next time to earn a 10?" (the comment).
* Groups: by product, segment, client (responses without one are grouped under None,
  "(none)" on screen, listed last) or by month / quarter of the answer (in date order). Other
  groups are listed by n, most first, then by name.
* Periods count the responses answered in them (inclusive dates).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from salesdesk.domain.periods import Bucket, Period, bucket_label, bucket_number
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

SCORE_MIN = 0
SCORE_MAX = 10
PROMOTER_FROM = 9
PASSIVE_FROM = 7
MAX_COMMENT = 5_000
FOLLOW_UP = QT_TRANSLATE_NOOP("Nps", "What should we do next time to earn a 10?")
"""The follow-up question (English; ``translate("Nps", FOLLOW_UP)`` where it is shown)."""


class Segment(StrEnum):
    """Who answered: consumers (B2C) or businesses (B2B); the question depends on it."""

    B2C = "b2c"
    B2B = "b2b"

    @property
    def label(self) -> str:
        """"B2C" or "B2B"."""
        return self.value.upper()

    @property
    def question(self) -> str:
        """The survey question asked in this segment (in the language shown)."""
        return translate("Nps", QUESTIONS[self])

    @classmethod
    def parse(cls, text: str) -> Segment:
        """B2C/B2B in any case (also "consumer"/"business"); ValueError otherwise."""
        key = "".join(text.split()).casefold().replace("-", "")
        found = _SEGMENT_WORDS.get(key)
        if found is None:
            raise ValueError(translate("Segment", "Write B2C or B2B."))
        return found


QUESTIONS: dict[Segment, str] = {
    Segment.B2C: QT_TRANSLATE_NOOP("Nps", "On a scale of 0–10, how likely are you to recommend"
                                          " us to friends or colleagues?"),
    Segment.B2B: QT_TRANSLATE_NOOP("Nps", "How likely are you to order from us again?"),
}
_SEGMENT_WORDS = {
    "b2c": Segment.B2C, "consumer": Segment.B2C, "consumers": Segment.B2C,
    "private": Segment.B2C, "b2b": Segment.B2B, "business": Segment.B2B,
    "businesses": Segment.B2B, "company": Segment.B2B,
}


class ScoreGroup(StrEnum):
    """Where a score falls."""

    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"

    @property
    def label(self) -> str:
        """The plural shown on screen ("Promoters (9–10)")."""
        return translate("Nps", _GROUP_LABELS[self])

    @property
    def singular(self) -> str:
        """One response's group as a list shows it ("Promoter")."""
        return translate("Nps", _GROUP_SINGULARS[self])


_GROUP_LABELS = {
    ScoreGroup.PROMOTER: QT_TRANSLATE_NOOP("Nps", "Promoters (9–10)"),
    ScoreGroup.PASSIVE: QT_TRANSLATE_NOOP("Nps", "Passives (7–8)"),
    ScoreGroup.DETRACTOR: QT_TRANSLATE_NOOP("Nps", "Detractors (0–6)"),
}
_GROUP_SINGULARS = {
    ScoreGroup.PROMOTER: QT_TRANSLATE_NOOP("Nps", "Promoter"),
    ScoreGroup.PASSIVE: QT_TRANSLATE_NOOP("Nps", "Passive"),
    ScoreGroup.DETRACTOR: QT_TRANSLATE_NOOP("Nps", "Detractor"),
}


def score_group(score: int) -> ScoreGroup:
    """The group of a score 0–10; ValueError outside it."""
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise ValueError(f"A score lies between {SCORE_MIN} and {SCORE_MAX}.")
    if score >= PROMOTER_FROM:
        return ScoreGroup.PROMOTER
    if score >= PASSIVE_FROM:
        return ScoreGroup.PASSIVE
    return ScoreGroup.DETRACTOR


@dataclass(frozen=True, slots=True)
class Response:
    """One survey response as stored; lookups are referred to by name.

    ``deal_id`` links the response to the deal it was asked after (optional), ``comment`` is the
    answer to "What should we do next time to earn a 10?".
    """

    answered_on: dt.date
    score: int
    segment: Segment
    product: str | None = None
    client: str | None = None
    deal_id: int | None = None
    comment: str = ""
    id: int | None = None

    @property
    def group(self) -> ScoreGroup:
        """Promoter, passive or detractor."""
        return score_group(self.score)


# --- the maths ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NpsTally:
    """Promoters, passives and detractors among some responses."""

    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    @classmethod
    def of(cls, scores: Iterable[int]) -> NpsTally:
        """Count scores 0–10 (ValueError for any other)."""
        counts = dict.fromkeys(ScoreGroup, 0)
        for score in scores:
            counts[score_group(score)] += 1
        return cls(counts[ScoreGroup.PROMOTER], counts[ScoreGroup.PASSIVE],
                   counts[ScoreGroup.DETRACTOR])

    def __add__(self, other: NpsTally) -> NpsTally:
        return NpsTally(self.promoters + other.promoters, self.passives + other.passives,
                        self.detractors + other.detractors)

    @property
    def n(self) -> int:
        """Responses counted."""
        return self.promoters + self.passives + self.detractors

    @property
    def nps(self) -> float | None:
        """% promoters − % detractors (−100 to 100); None without responses."""
        if self.n == 0:
            return None
        return 100 * (self.promoters - self.detractors) / self.n

    def share(self, group: ScoreGroup) -> float | None:
        """The share (0–1) of a score group; None without responses."""
        if self.n == 0:
            return None
        count = {ScoreGroup.PROMOTER: self.promoters, ScoreGroup.PASSIVE: self.passives,
                 ScoreGroup.DETRACTOR: self.detractors}[group]
        return count / self.n

    def to_dict(self) -> dict[str, float | int | None]:
        """The fields of ``salesdesk nps --format json``: nps, promoters, passives,
        detractors, n."""
        return {"nps": self.nps, "promoters": self.promoters, "passives": self.passives,
                "detractors": self.detractors, "n": self.n}


def nps(scores: Iterable[int]) -> float | None:
    """The NPS of some scores (None for none)."""
    return NpsTally.of(scores).nps


class NpsBy(StrEnum):
    """What NPS can be grouped by."""

    PRODUCT = "product"
    SEGMENT = "segment"
    CLIENT = "client"
    MONTH = "month"
    QUARTER = "quarter"

    @property
    def label(self) -> str:
        """The column header of the group."""
        return translate("Nps", _BY_LABELS[self])

    @property
    def bucket(self) -> Bucket | None:
        """The calendar bucket of month and quarter; None otherwise."""
        return {NpsBy.MONTH: Bucket.MONTH, NpsBy.QUARTER: Bucket.QUARTER}.get(self)


_BY_LABELS = {
    NpsBy.PRODUCT: QT_TRANSLATE_NOOP("Nps", "Product"),
    NpsBy.SEGMENT: QT_TRANSLATE_NOOP("Nps", "Segment"),
    NpsBy.CLIENT: QT_TRANSLATE_NOOP("Nps", "Client"),
    NpsBy.MONTH: QT_TRANSLATE_NOOP("Nps", "Month"),
    NpsBy.QUARTER: QT_TRANSLATE_NOOP("Nps", "Quarter"),
}


def group_value(response: Response, by: NpsBy) -> str | None:
    """The value a response is grouped under (None: it has none)."""
    if by is NpsBy.PRODUCT:
        return response.product
    if by is NpsBy.CLIENT:
        return response.client
    if by is NpsBy.SEGMENT:
        return response.segment.label
    bucket = by.bucket
    assert bucket is not None
    return bucket_label(bucket, bucket_number(bucket, response.answered_on))


def in_period(responses: Iterable[Response], period: Period) -> list[Response]:
    """The responses answered in ``period``."""
    return [r for r in responses if r.answered_on in period]


def tally(responses: Iterable[Response]) -> NpsTally:
    """The tally of some responses."""
    return NpsTally.of(r.score for r in responses)


def _order_key(value: str | None, n: int, by: NpsBy) -> tuple[object, ...]:
    if value is None:
        return (1, 0, "", "")
    if by.bucket is not None:
        return (0, 0, value, value)  # "YYYY-MM" and "YYYY-Qn" sort in date order
    return (0, -n, value.casefold(), value)


def grouped(responses: Iterable[Response], by: NpsBy) -> list[tuple[str | None, NpsTally]]:
    """NPS tallies per group value in report order (months and quarters in date order; other
    values most responses first, then by name; None last). Only groups with responses."""
    scores: dict[str | None, list[int]] = defaultdict(list)
    for response in responses:
        scores[group_value(response, by)].append(response.score)
    tallies = {value: NpsTally.of(values) for value, values in scores.items()}
    return sorted(tallies.items(), key=lambda item: _order_key(item[0], item[1].n, by))


def monthly(responses: Sequence[Response]) -> list[tuple[str, NpsTally]]:
    """NPS per month from the first to the last month answered, empty months included (so a
    trend's axis is even)."""
    if not responses:
        return []
    numbers = [bucket_number(Bucket.MONTH, r.answered_on) for r in responses]
    counts: dict[int, list[int]] = defaultdict(list)
    for number, response in zip(numbers, responses, strict=True):
        counts[number].append(response.score)
    return [(bucket_label(Bucket.MONTH, number), NpsTally.of(counts.get(number, ())))
            for number in range(min(numbers), max(numbers) + 1)]


# --- the comments list ------------------------------------------------------------------------


def matches(response: Response, text: str, groups: Iterable[ScoreGroup] | None = None) -> bool:
    """True when ``response`` is in one of ``groups`` (None: any) and ``text`` (each word,
    ignoring case) occurs in its comment, client or product."""
    if groups is not None and response.group not in set(groups):
        return False
    words = text.casefold().split()
    if not words:
        return True
    haystack = " ".join((response.comment, response.client or "",
                         response.product or "")).casefold()
    return all(word in haystack for word in words)


# --- checking a response ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResponseDraft:
    """A response as typed or read from a file: every field as text."""

    answered_on: str = ""
    score: str = ""
    segment: str = ""
    product: str = ""
    client: str = ""
    comment: str = ""


def parse_score(text: str) -> int:
    """A typed score: a whole number 0–10 ("9", "9.0"); ValueError saying what is wrong."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        raise ValueError(translate("Nps", "A response needs a score from 0 to 10."))
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(translate("Nps", "{text} is not a score: write a whole number from 0"
                                          " to 10.").format(text=repr(text.strip()))) from None
    if value != int(value):
        raise ValueError(translate("Nps", "{text} is not a whole number: scores are 0, 1, …"
                                          " 10.").format(text=text.strip()))
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ValueError(translate("Nps", "{score} is outside 0–10.").format(score=int(value)))
    return int(value)


def check_response(draft: ResponseDraft, answered_on: dt.date | None, *,
                   deal_id: int | None = None, today: dt.date | None = None
                   ) -> tuple[Response | None, dict[str, str]]:
    """A valid response from ``draft`` (its date already read into ``answered_on``: the
    form and the importer read dates each their own way), or the problems per field (date,
    score, segment, product, client, comment). A date after ``today`` is refused."""
    errors: dict[str, str] = {}
    if answered_on is None:
        errors["date"] = translate("Nps", "A response needs the date it was answered.")
    elif today is not None and answered_on > today:
        errors["date"] = translate("Nps", "{date} is in the future.").format(
            date=answered_on.isoformat())
    score = -1
    try:
        score = parse_score(draft.score)
    except ValueError as exc:
        errors["score"] = str(exc)
    segment = Segment.B2C
    try:
        segment = Segment.parse(draft.segment)
    except ValueError as exc:
        errors["segment"] = str(exc)
    names: dict[str, str | None] = {}
    for key in ("product", "client"):
        value = " ".join(getattr(draft, key).split())
        if len(value) > 200:
            errors[key] = (
                translate("Nps", "The product name is too long (at most 200 characters).")
                if key == "product" else
                translate("Nps", "The client name is too long (at most 200 characters)."))
        names[key] = value or None
    comment = draft.comment.strip()
    if len(comment) > MAX_COMMENT:
        errors["comment"] = translate("Nps", "The comment is too long (at most {limit}"
                                             " characters).").format(limit=MAX_COMMENT)
    if errors or answered_on is None:
        return None, errors
    return Response(answered_on, score, segment, names["product"], names["client"], deal_id,
                    comment), errors
