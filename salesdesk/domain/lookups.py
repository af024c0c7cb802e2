"""Values of the lookup lists (clients, salespeople, stages, ...) as the Lists dialog shows them."""

from __future__ import annotations

from dataclasses import dataclass, field

from salesdesk.domain.deals import LookupKind


@dataclass(frozen=True, slots=True)
class LookupItem:
    """One value of a lookup list with the number of deals referring to it.

    Retired values are hidden from pickers but keep their history. ``position`` orders stages;
    the contact fields are used by clients only.
    """

    kind: LookupKind
    id: int
    name: str
    retired: bool = False
    deals: int = 0
    position: int | None = None
    contact_person: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What a merge changed, so it can be undone exactly."""

    kind: LookupKind
    source: LookupItem
    target_id: int
    moved_deal_ids: tuple[int, ...] = field(default=())
    moved_event_ids: tuple[int, ...] = field(default=())
    moved_assessment_ids: tuple[int, ...] = field(default=())
    moved_response_ids: tuple[int, ...] = field(default=())
