"""The change set one edit announces, so each view refreshes only what it names."""

from __future__ import annotations

from dataclasses import dataclass, field

from salesdesk.domain.deals import LookupKind


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation changed.

    ``deal_ids`` names the deals touched; ``all_deals`` says the whole table may have changed
    (a merge, an import, another file opened). ``lookups`` names the lists whose values changed.
    ``scorecards`` says assessments, the skill template or deal preparation sheets changed;
    ``customers`` says survey responses, touchpoints and their changes, competitor notes or the
    lost reason meaning "lost to a competitor" changed.
    """

    deal_ids: frozenset[int] = field(default_factory=frozenset)
    all_deals: bool = False
    lookups: frozenset[LookupKind] = field(default_factory=frozenset)
    settings: bool = False
    scorecards: bool = False
    customers: bool = False

    @classmethod
    def everything(cls) -> Changes:
        """The change set of opening another file."""
        return cls(all_deals=True, lookups=frozenset(LookupKind), settings=True, scorecards=True,
                   customers=True)

    @property
    def deals(self) -> bool:
        """True when any deal may have changed."""
        return self.all_deals or bool(self.deal_ids)
