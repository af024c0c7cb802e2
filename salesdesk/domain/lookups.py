"""Values of the lookup lists (clients, salespeople, stages, ...) as the Lists dialog shows them,
and how a typed name compares with them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
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


def name_key(name: str) -> str:
    """How two names of a list compare: spacing tidied, case folded ("Web  Shop" is
    "web shop"), as the store matches them."""
    return " ".join(name.split()).casefold()


def is_new_name(typed: str, names: Iterable[str]) -> bool:
    """True when ``typed`` is a name none of ``names`` already is (saving would add it)."""
    key = name_key(typed)
    return bool(key) and all(name_key(name) != key for name in names)


def closest_name(typed: str, names: Iterable[str]) -> str | None:
    """The existing name a new one most likely meant: one that begins with it or that it
    begins with ("Web" → "Website"), else the most similar by spelling ("Webiste" →
    "Website"); None when nothing is close or fewer than three letters were typed."""
    key = name_key(typed)
    if len(key) < 3:  # a letter or two begins too many names to mean one
        return None
    by_key = {name_key(name): name for name in names}
    prefixed = sorted((k for k in by_key if k.startswith(key) or key.startswith(k)),
                      key=lambda k: (abs(len(k) - len(key)), k))
    if prefixed:
        return by_key[prefixed[0]]
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return by_key[close[0]] if close else None
