"""Skill templates and assessments of salespeople (DESIGN.md §6), in plain Python.

A :class:`Template` is a versioned checklist: sections (fixed, seeded into each new file
by its migration) holding items the user can add, rename, reorder and retire. Items keep their id
across versions, so an item's scores form one history even after a rename; a retired item is
left off new sheets but old assessments still show it under the text it had then, because
every assessment records the template version it was filled in on.

An :class:`Assessment` scores every active item of its version from 1 to 5 with a note.
:func:`weak_points` lists "what to improve": the three lowest-scoring items of the latest
assessment (ties included) and every item that fell by a point or more since the previous one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

SCORE_MIN = 1
SCORE_MAX = 5
WEAKEST_COUNT = 3
"""How many of the lowest scores are listed (more when several share the third place)."""
FALL = 1
"""A fall of at least this many points since the previous assessment is a weak point."""

# The texts migration m002 seeds into every new file: the template's name, its sections,
# items and what doing each well looks like, and the manipulation checklist. The file stores
# them in English (the migration's frozen copy is what is written); they are marked here so
# they are translated where they are shown, through template_text(). Keep this list in step
# with a migration that seeds new defaults (a test compares it with m002).
DEFAULT_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Negotiation preparation"),
    # Interests and bargaining variables
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Interests and bargaining variables"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "10 areas of the client's interest prepared"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Before every important meeting the sheet lists ten concrete areas the "
                      "client cares about (price, terms, delivery, risk, status, …), written "
                      "from what the client said, not guessed."),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "4 bargaining variables for each area"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Each area has four variables: what we can concede and what we ask in "
                      "return, with the cost of each concession known."),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Concessions traded, never given"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "In the meeting every concession is exchanged for something from the "
                      "list; nothing is given away to 'help close'."),
    # Small talk and rapport
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Small talk and rapport"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Client's public profile researched"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Company site, news and the contact's public profiles read before the "
                      "call; two or three facts noted on the sheet."),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Small talk prepared from interests and hobbies"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Opens with a natural topic from the client's interests; the client "
                      "talks more than the salesperson in the first minutes."),
    # SPIN questions
    QT_TRANSLATE_NOOP("ScorecardTemplate", "SPIN questions"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Situation and problem questions prepared"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Short list of situation questions (only what research could not "
                      "answer) and problem questions aimed at the interests found "
                      "beforehand."),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Implication and need-payoff questions prepared"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Questions that make the client state the cost of the problem and the "
                      "value of solving it, in the client's own words."),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Questions confirm the interests identified beforehand"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "By the end of the meeting each prepared interest is confirmed or "
                      "struck out; the sheet is updated afterwards."),
    # Price arguments
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Price arguments"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Arguments for the price prepared"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Three or more arguments linking the price to the client's interests "
                      "(value, total cost, risk), ready before the meeting."),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Counter-arguments to price objections prepared"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "The usual objections ('too expensive', 'the competitor is cheaper', "
                      "'no budget') each have a prepared answer; the price is held without "
                      "an unplanned discount."),
    # Manipulation techniques
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Manipulation techniques"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Recognises the client's manipulation techniques"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Names the tactic in use (good cop/bad cop, false deadline, nibbling, "
                      "flinch, higher authority, …) during or right after the meeting."),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Responds calmly with a prepared move"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Answers a tactic with the prepared response instead of an unplanned "
                      "concession; returns the talk to interests."),
    # Sales regulations and process
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Sales regulations and process"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Knows the sales regulations"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Knows the discount limits, approval steps, contract terms and what may "
                      "be promised; never needs to take back a promise."),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Follows the sales process and keeps the pipeline current"),
    QT_TRANSLATE_NOOP("ScorecardTemplate",
                      "Every deal has its stage, next step and expected close up to date; no "
                      "deal stalls unnoticed."),
    # The manipulation checklist of preparation sheets
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Good cop / bad cop"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "False deadline"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", 'Higher authority ("my boss won\'t approve")'),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Nibbling (small extras after agreement)"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Flinch at the price"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Competitor's lower offer (real or invented)"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Salami (concessions asked one slice at a time)"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Silence and waiting"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Feigned indifference"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Take it or leave it"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Reopening settled points"),
    QT_TRANSLATE_NOOP("ScorecardTemplate", "Flattery before a demand"),
)


def template_text(text: str) -> str:
    """A stored template text (a section title, an item, what good looks like, a technique
    of the checklist) as it is shown: a default text in the chosen language; a text the user
    wrote, or renamed a default to, as it was written."""
    return translate("ScorecardTemplate", text) if text else text


class TemplateError(ValueError):
    """A template edit that does not make sense; the message says why."""


@dataclass(frozen=True, slots=True)
class Section:
    """A group of items, e.g. "SPIN questions"."""

    key: str
    title: str


@dataclass(frozen=True, slots=True)
class SkillItem:
    """One checklist item.

    ``id`` is stable across template versions (0 for an item not yet stored); ``good`` says
    what a good score looks like; ``position`` orders items within their section.
    """

    id: int
    section: str
    text: str
    good: str = ""
    position: int = 0
    retired: bool = False
    key: str = ""


@dataclass(frozen=True, slots=True)
class Template:
    """One version of the skill checklist."""

    version: int
    sections: tuple[Section, ...]
    items: tuple[SkillItem, ...]
    name: str = QT_TRANSLATE_NOOP("ScorecardTemplate", "Negotiation preparation")

    def ordered_items(self, *, include_retired: bool = True) -> list[SkillItem]:
        """Items in section order, then by position (retired ones last in their section)."""
        order = {s.key: i for i, s in enumerate(self.sections)}
        chosen = [i for i in self.items if include_retired or not i.retired]
        return sorted(chosen, key=lambda i: (order.get(i.section, len(order)), i.retired,
                                             i.position, i.id))

    def active_items(self) -> list[SkillItem]:
        """The items a new assessment scores, in sheet order."""
        return self.ordered_items(include_retired=False)

    def item(self, item_id: int) -> SkillItem | None:
        """The item with ``item_id`` in this version, or None."""
        return next((i for i in self.items if i.id == item_id), None)

    def section_title(self, key: str) -> str:
        """The title of a section (its key when unknown)."""
        return next((s.title for s in self.sections if s.key == key), key)

    def to_json(self) -> str:
        """The version as JSON (stored with each version so old assessments read correctly)."""
        return json.dumps({
            "name": self.name,
            "sections": [{"key": s.key, "title": s.title} for s in self.sections],
            "items": [{"id": i.id, "section": i.section, "text": i.text, "good": i.good,
                       "position": i.position, "retired": i.retired, "key": i.key}
                      for i in self.items],
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, version: int, text: str) -> Template:
        """A version stored by :meth:`to_json`."""
        data = json.loads(text)
        return cls(
            version=version,
            name=str(data.get("name", "")),
            sections=tuple(Section(s["key"], s["title"]) for s in data["sections"]),
            items=tuple(SkillItem(id=int(i["id"]), section=i["section"], text=i["text"],
                                  good=i.get("good", ""), position=int(i["position"]),
                                  retired=bool(i["retired"]), key=i.get("key", ""))
                        for i in data["items"]),
        )


# --- editing the template (each edit makes a new version) ---------------------------------


def _clean(text: str) -> str:
    return " ".join(text.split())


def add_item(template: Template, section: str, text: str, good: str = "") -> Template:
    """A new version with an item appended to ``section`` (its id is assigned on saving)."""
    text = _clean(text)
    if not text:
        raise TemplateError(translate("Scorecards", "An item needs a text."))
    if section not in {s.key for s in template.sections}:
        raise TemplateError(translate("Scorecards", "There is no section {section}.").format(
            section=repr(section)))
    last = max((i.position for i in template.items if i.section == section), default=-1)
    item = SkillItem(id=0, section=section, text=text, good=good.strip(), position=last + 1)
    return replace(template, items=(*template.items, item))


def rename_item(template: Template, item_id: int, text: str, good: str | None = None
                ) -> Template:
    """A new version with the item's text (and, when given, its description) changed."""
    text = _clean(text)
    if not text:
        raise TemplateError(translate("Scorecards", "An item needs a text."))
    _require(template, item_id)
    return replace(template, items=tuple(
        replace(i, text=text, good=i.good if good is None else good.strip())
        if i.id == item_id else i for i in template.items))


def set_item_retired(template: Template, item_id: int, retired: bool) -> Template:
    """A new version with the item retired (left off new sheets) or back in use."""
    _require(template, item_id)
    return replace(template, items=tuple(replace(i, retired=retired) if i.id == item_id else i
                                         for i in template.items))


def move_item(template: Template, item_id: int, step: int) -> Template:
    """A new version with the item moved ``step`` places within its section (clamped)."""
    moved = _require(template, item_id)
    siblings = [i for i in template.ordered_items() if i.section == moved.section]
    index = siblings.index(moved)
    target = max(0, min(len(siblings) - 1, index + step))
    siblings.insert(target, siblings.pop(index))
    positions = {i.id: p for p, i in enumerate(siblings)}
    return replace(template, items=tuple(
        replace(i, position=positions[i.id]) if i.id in positions else i
        for i in template.items))


def _require(template: Template, item_id: int) -> SkillItem:
    item = template.item(item_id)
    if item is None:
        raise TemplateError(translate("Scorecards", "That item is not in the template."))
    return item


# --- assessments ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Score:
    """One item's score (1–5) with the assessor's note."""

    item_id: int
    score: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    """A filled-in sheet: who was assessed, by whom, when, on which template version."""

    rep: str
    assessor: str
    assessed_on: dt.date
    template_version: int
    scores: tuple[Score, ...] = ()
    id: int | None = None

    def score_of(self, item_id: int) -> int | None:
        """The item's score, or None when this assessment did not score it."""
        return next((s.score for s in self.scores if s.item_id == item_id), None)

    def mean(self) -> float | None:
        """The average of all scores (None for an empty sheet)."""
        return None if not self.scores else sum(s.score for s in self.scores) / len(self.scores)


def validate_assessment(assessment: Assessment, template: Template) -> dict[str, str]:
    """Problems keyed by field ("rep", "assessor", "assessed_on", "item:<id>"); empty if valid.

    Every active item of the template must be scored 1–5; items not in the template may not be.
    """
    errors: dict[str, str] = {}
    if not assessment.rep.strip():
        errors["rep"] = translate("Scorecards", "Choose the salesperson assessed.")
    if not assessment.assessor.strip():
        errors["assessor"] = translate("Scorecards", "Enter who made the assessment.")
    scored = {s.item_id: s for s in assessment.scores}
    for item in template.active_items():
        if item.id not in scored:
            errors[f"item:{item.id}"] = translate(
                "Scorecards", "Score “{item}” from {low} to {high}.").format(
                item=template_text(item.text), low=SCORE_MIN, high=SCORE_MAX)
    for s in assessment.scores:
        if template.item(s.item_id) is None:
            errors[f"item:{s.item_id}"] = translate("Scorecards",
                                                    "This item is not in the template.")
        elif not SCORE_MIN <= s.score <= SCORE_MAX:
            errors[f"item:{s.item_id}"] = translate(
                "Scorecards", "Scores run from {low} to {high}.").format(low=SCORE_MIN,
                                                                        high=SCORE_MAX)
    return errors


def latest_first(assessments: Iterable[Assessment]) -> list[Assessment]:
    """Assessments newest first (by date, then by id: the later entry wins a tie)."""
    return sorted(assessments, key=lambda a: (a.assessed_on, a.id or 0), reverse=True)


@dataclass(frozen=True, slots=True)
class WeakPoint:
    """An item to improve.

    ``lowest`` marks one of the three lowest scores of the latest assessment, ``fell`` an item
    whose score dropped by at least a point since the previous one; ``change`` is latest −
    previous (None when the previous assessment did not score it); ``trend`` lists the item's
    scores oldest first over every assessment that scored it.
    """

    item_id: int
    score: int
    previous: int | None
    lowest: bool
    fell: bool
    trend: tuple[tuple[dt.date, int], ...] = ()

    @property
    def change(self) -> int | None:
        """Latest minus previous score."""
        return None if self.previous is None else self.score - self.previous


def lowest_items(assessment: Assessment, count: int = WEAKEST_COUNT) -> list[Score]:
    """The ``count`` lowest scores, ties at the last place included, lowest first.

    A top score is never among them: it is nothing to improve, and counting its ties would
    list every item of a rep who scored the top on nearly all of them.
    """
    ranked = sorted((s for s in assessment.scores if s.score < SCORE_MAX),
                    key=lambda s: (s.score, s.item_id))
    if len(ranked) <= count:
        return ranked
    cutoff = ranked[count - 1].score
    return [s for s in ranked if s.score <= cutoff]


def item_trend(assessments: Iterable[Assessment], item_id: int
               ) -> tuple[tuple[dt.date, int], ...]:
    """(date, score) of every assessment that scored the item, oldest first."""
    points = []
    for a in reversed(latest_first(assessments)):
        score = a.score_of(item_id)
        if score is not None:
            points.append((a.assessed_on, score))
    return tuple(points)


def weak_points(assessments: Sequence[Assessment], count: int = WEAKEST_COUNT
                ) -> list[WeakPoint]:
    """What to improve, from a rep's assessments (any order): the latest one's lowest items
    and every item that fell by :data:`FALL` or more since the previous one.

    Listed lowest score first, then the biggest fall; empty without assessments.
    """
    ordered = latest_first(assessments)
    if not ordered:
        return []
    latest = ordered[0]
    previous = ordered[1] if len(ordered) > 1 else None
    lowest = {s.item_id for s in lowest_items(latest, count)}
    result = []
    for s in latest.scores:
        before = previous.score_of(s.item_id) if previous else None
        fell = before is not None and before - s.score >= FALL
        if s.item_id in lowest or fell:
            result.append(WeakPoint(s.item_id, s.score, before, s.item_id in lowest, fell,
                                    item_trend(ordered, s.item_id)))
    return sorted(result, key=lambda w: (w.score, w.change or 0, w.item_id))


def section_means(assessment: Assessment, template: Template) -> dict[str, float | None]:
    """The average score per section of ``template`` (the assessment's own version), None
    for a section without scored items."""
    sums: dict[str, list[int]] = {s.key: [] for s in template.sections}
    for s in assessment.scores:
        item = template.item(s.item_id)
        if item is not None and item.section in sums:
            sums[item.section].append(s.score)
    return {key: (sum(v) / len(v) if v else None) for key, v in sums.items()}


@dataclass(frozen=True, slots=True)
class RepSkills:
    """A salesperson's latest assessment in brief: for the team matrix and the scatter."""

    rep: str
    latest: Assessment | None = None
    sections: Mapping[str, float | None] = field(default_factory=dict)

    @property
    def mean(self) -> float | None:
        """The latest assessment's average score (None when never assessed)."""
        return None if self.latest is None else self.latest.mean()
