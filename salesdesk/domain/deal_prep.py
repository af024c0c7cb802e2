"""A deal's negotiation preparation sheet and how complete it is (DESIGN.md §3, §6).

The sheet holds a 10 × 4 grid (ten areas of the client's interest, each with four bargaining
variables: what we can concede and what we ask in return), rapport notes, SPIN questions in
four groups, price arguments and counter-arguments, and the manipulation techniques spotted
from a checklist.

Completeness = filled fields ÷ all fields, where the fields are each of the 40 grid cells (a
cell counts when both what we concede and what we ask are written), each of the four SPIN
groups, the price arguments, the counter-arguments, the rapport notes and the manipulation
checklist (counted once it was reviewed): 48 in all. A deal counts as prepared when its sheet
is at least :data:`DEFAULT_PREPARED_SHARE` complete (adjustable per file).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from salesdesk.domain.deals import Outcome
from salesdesk.domain.metrics import conversion, wilson_interval
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

AREAS = 10
VARIABLES = 4
DEFAULT_PREPARED_SHARE = 0.5


class SpinGroup(StrEnum):
    """The four groups of SPIN questions."""

    SITUATION = "situation"
    PROBLEM = "problem"
    IMPLICATION = "implication"
    NEED_PAYOFF = "need_payoff"

    @property
    def label(self) -> str:
        """The group's name on screen."""
        return translate("SpinGroup", _SPIN_LABELS[self.value])


_SPIN_LABELS = {"situation": QT_TRANSLATE_NOOP("SpinGroup", "Situation"),
                "problem": QT_TRANSLATE_NOOP("SpinGroup", "Problem"),
                "implication": QT_TRANSLATE_NOOP("SpinGroup", "Implication"),
                "need_payoff": QT_TRANSLATE_NOOP("SpinGroup", "Need-payoff")}


@dataclass(frozen=True, slots=True)
class Variable:
    """One bargaining variable: what we can concede and what we ask in return."""

    concede: str = ""
    ask: str = ""

    @property
    def filled(self) -> bool:
        """True when both halves are written."""
        return bool(self.concede.strip()) and bool(self.ask.strip())


def _blank_variables() -> tuple[Variable, ...]:
    return tuple(Variable() for _ in range(VARIABLES))


@dataclass(frozen=True, slots=True)
class InterestArea:
    """An area of the client's interest with its four bargaining variables."""

    name: str = ""
    variables: tuple[Variable, ...] = field(default_factory=_blank_variables)


def _blank_areas() -> tuple[InterestArea, ...]:
    return tuple(InterestArea() for _ in range(AREAS))


def _blank_spin() -> tuple[str, ...]:
    return tuple("" for _ in SpinGroup)


@dataclass(frozen=True, slots=True)
class PrepSheet:
    """A deal's preparation sheet. ``spin`` holds the questions of each group in
    :class:`SpinGroup` order; ``tactics`` the techniques spotted (names from the checklist)."""

    areas: tuple[InterestArea, ...] = field(default_factory=_blank_areas)
    rapport: str = ""
    spin: tuple[str, ...] = field(default_factory=_blank_spin)
    price_arguments: str = ""
    counter_arguments: str = ""
    tactics: tuple[str, ...] = ()
    tactics_reviewed: bool = False

    def __post_init__(self) -> None:
        if len(self.areas) != AREAS or any(len(a.variables) != VARIABLES for a in self.areas):
            raise ValueError(f"A sheet has {AREAS} areas of {VARIABLES} variables each.")
        if len(self.spin) != len(SpinGroup):
            raise ValueError("A sheet has four SPIN groups.")

    # --- completeness --------------------------------------------------------------------

    def field_count(self) -> int:
        """All fields of the sheet: 48."""
        return AREAS * VARIABLES + len(SpinGroup) + 4

    def filled_count(self) -> int:
        """The fields filled in."""
        cells = sum(v.filled for a in self.areas for v in a.variables)
        spin = sum(bool(q.strip()) for q in self.spin)
        texts = sum(bool(t.strip()) for t in (self.price_arguments, self.counter_arguments,
                                             self.rapport))
        return cells + spin + texts + int(self.tactics_reviewed or bool(self.tactics))

    def half_filled_cells(self) -> int:
        """Grid cells with one half written only (not yet a field filled)."""
        return sum(bool(v.concede.strip()) != bool(v.ask.strip())
                   for a in self.areas for v in a.variables)

    def completeness(self) -> float:
        """Filled fields ÷ all fields, 0–1."""
        return self.filled_count() / self.field_count()

    def is_empty(self) -> bool:
        """True when nothing at all is written (the area names included)."""
        return self == PrepSheet()

    # --- editing ---------------------------------------------------------------------------

    def with_cell(self, area: int, variable: int, *, concede: str | None = None,
                  ask: str | None = None) -> PrepSheet:
        """A copy with one grid cell changed."""
        old = self.areas[area].variables[variable]
        new = Variable(old.concede if concede is None else concede,
                       old.ask if ask is None else ask)
        variables = tuple(new if i == variable else v
                          for i, v in enumerate(self.areas[area].variables))
        areas = tuple(replace(a, variables=variables) if i == area else a
                      for i, a in enumerate(self.areas))
        return replace(self, areas=areas)

    def with_area_name(self, area: int, name: str) -> PrepSheet:
        """A copy with an interest area renamed."""
        return replace(self, areas=tuple(replace(a, name=name) if i == area else a
                                         for i, a in enumerate(self.areas)))

    # --- storage -------------------------------------------------------------------------

    def to_json(self) -> str:
        """The sheet as JSON (UTF-8 text, stable keys)."""
        return json.dumps({
            "areas": [{"name": a.name, "variables": [[v.concede, v.ask] for v in a.variables]}
                      for a in self.areas],
            "rapport": self.rapport,
            "spin": dict(zip([g.value for g in SpinGroup], self.spin, strict=True)),
            "price_arguments": self.price_arguments,
            "counter_arguments": self.counter_arguments,
            "tactics": list(self.tactics),
            "tactics_reviewed": self.tactics_reviewed,
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> PrepSheet:
        """A sheet stored by :meth:`to_json` (missing parts are blank)."""
        data: Any = json.loads(text)
        areas = []
        for i in range(AREAS):
            raw = data.get("areas", [])[i] if i < len(data.get("areas", [])) else {}
            pairs = list(raw.get("variables", []))[:VARIABLES]
            pairs += [["", ""]] * (VARIABLES - len(pairs))
            areas.append(InterestArea(str(raw.get("name", "")),
                                      tuple(Variable(str(c), str(a)) for c, a in pairs)))
        spin = data.get("spin", {})
        return cls(
            areas=tuple(areas),
            rapport=str(data.get("rapport", "")),
            spin=tuple(str(spin.get(g.value, "")) for g in SpinGroup),
            price_arguments=str(data.get("price_arguments", "")),
            counter_arguments=str(data.get("counter_arguments", "")),
            tactics=tuple(str(t) for t in data.get("tactics", [])),
            tactics_reviewed=bool(data.get("tactics_reviewed", False)),
        )


def is_prepared(completeness: float | None, threshold: float = DEFAULT_PREPARED_SHARE) -> bool:
    """True when a sheet exists and is at least ``threshold`` complete."""
    return completeness is not None and completeness >= threshold


@dataclass(frozen=True, slots=True)
class PrepFigures:
    """How preparation goes with results for some decided deals.

    ``share`` = prepared ÷ decided deals (None without decided deals); the conversions are
    won ÷ decided within the prepared and the unprepared deals, with their n and 95 % Wilson
    intervals.
    """

    decided: int
    prepared: int
    prepared_won: int
    prepared_lost: int
    unprepared_won: int
    unprepared_lost: int

    @property
    def share(self) -> float | None:
        """Prepared ÷ decided deals."""
        return None if self.decided == 0 else self.prepared / self.decided

    @property
    def unprepared(self) -> int:
        """Decided deals without a sheet at least half complete."""
        return self.decided - self.prepared

    @property
    def conversion_prepared(self) -> float | None:
        """Conversion of the prepared deals."""
        return conversion(self.prepared_won, self.prepared_lost)

    @property
    def conversion_unprepared(self) -> float | None:
        """Conversion of the unprepared deals."""
        return conversion(self.unprepared_won, self.unprepared_lost)

    def interval_prepared(self) -> tuple[float, float] | None:
        """95 % Wilson interval of the prepared deals' conversion."""
        return wilson_interval(self.prepared_won, self.prepared)

    def interval_unprepared(self) -> tuple[float, float] | None:
        """95 % Wilson interval of the unprepared deals' conversion."""
        return wilson_interval(self.unprepared_won, self.unprepared)


def prep_figures(decided: Iterable[tuple[Outcome, float | None]],
                 threshold: float = DEFAULT_PREPARED_SHARE) -> PrepFigures:
    """Reduce (outcome, completeness or None) of decided deals to :class:`PrepFigures`;
    open outcomes are ignored."""
    counts = {(True, Outcome.WON): 0, (True, Outcome.LOST): 0,
              (False, Outcome.WON): 0, (False, Outcome.LOST): 0}
    for outcome, completeness in decided:
        if outcome is Outcome.OPEN:
            continue
        counts[(is_prepared(completeness, threshold), outcome)] += 1
    prepared = counts[(True, Outcome.WON)] + counts[(True, Outcome.LOST)]
    return PrepFigures(
        decided=sum(counts.values()), prepared=prepared,
        prepared_won=counts[(True, Outcome.WON)], prepared_lost=counts[(True, Outcome.LOST)],
        unprepared_won=counts[(False, Outcome.WON)],
        unprepared_lost=counts[(False, Outcome.LOST)])


def prep_figures_of(won: int, lost: int, with_sheets: Iterable[tuple[Outcome, float | None]],
                    threshold: float = DEFAULT_PREPARED_SHARE) -> PrepFigures:
    """:func:`prep_figures` of decided deals given as their totals and the (outcome,
    completeness) of those among them that have a sheet: only a sheet makes a deal prepared,
    so the others need not be listed (a million deals, a few hundred sheets).

    The totals may come from the analytics cache while the sheets come from the store: a
    cache a moment behind the store (rebuilding after an import) cannot make a count negative.
    """
    sheets = prep_figures(with_sheets, threshold)
    prepared_won = min(sheets.prepared_won, won)
    prepared_lost = min(sheets.prepared_lost, lost)
    return PrepFigures(
        decided=won + lost, prepared=prepared_won + prepared_lost,
        prepared_won=prepared_won, prepared_lost=prepared_lost,
        unprepared_won=won - prepared_won, unprepared_lost=lost - prepared_lost)
