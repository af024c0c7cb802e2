"""The deal: its fields, outcomes, customer types and the lookup lists it refers to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from salesdesk.i18n import QT_TRANSLATE_NOOP, translate


class Outcome(StrEnum):
    """Whether the customer decided: open deals have not."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"

    @property
    def is_closed(self) -> bool:
        """True for won and lost deals, which need a close date."""
        return self is not Outcome.OPEN

    @property
    def label(self) -> str:
        """The outcome as the screens name it ("Won"), in the language shown."""
        return translate("Deal", _OUTCOME_LABELS[self])


class CustomerType(StrEnum):
    """New customers versus current ones (a won deal closed before this one started)."""

    NEW = "new"
    CURRENT = "current"

    @property
    def label(self) -> str:
        """The customer type as the screens name it ("New customer"), in the language shown."""
        return translate("Deal", _CUSTOMER_TYPE_LABELS[self])


class LookupKind(StrEnum):
    """The lookup lists a deal refers to by name; the value is the deal field's name."""

    CLIENT = "client"
    REP = "rep"
    PRODUCT = "product"
    CHANNEL = "channel"
    REGION = "region"
    AUDIENCE = "audience"
    STAGE = "stage"
    LOST_REASON = "lost_reason"

    @property
    def label(self) -> str:
        """Plural name shown in the Lists dialog (in the language shown)."""
        return translate("LookupKind", _LOOKUP_LABELS[self])

    @property
    def singular(self) -> str:
        """Singular name used in messages ("Merge salesperson Anna into ..."), in the language
        shown."""
        return translate("LookupKind", _LOOKUP_SINGULAR[self])


# What the screens call the values (stored values stay the enums' English ones), marked here and
# translated when shown.
_OUTCOME_LABELS = {
    Outcome.OPEN: QT_TRANSLATE_NOOP("Deal", "Open"),
    Outcome.WON: QT_TRANSLATE_NOOP("Deal", "Won"),
    Outcome.LOST: QT_TRANSLATE_NOOP("Deal", "Lost"),
}
_CUSTOMER_TYPE_LABELS = {
    CustomerType.NEW: QT_TRANSLATE_NOOP("Deal", "New customer"),
    CustomerType.CURRENT: QT_TRANSLATE_NOOP("Deal", "Current customer"),
}
_LOOKUP_LABELS = {
    LookupKind.CLIENT: QT_TRANSLATE_NOOP("LookupKind", "Clients"),
    LookupKind.REP: QT_TRANSLATE_NOOP("LookupKind", "Salespeople"),
    LookupKind.PRODUCT: QT_TRANSLATE_NOOP("LookupKind", "Products"),
    LookupKind.CHANNEL: QT_TRANSLATE_NOOP("LookupKind", "Channels"),
    LookupKind.REGION: QT_TRANSLATE_NOOP("LookupKind", "Regions"),
    LookupKind.AUDIENCE: QT_TRANSLATE_NOOP("LookupKind", "Target audiences"),
    LookupKind.STAGE: QT_TRANSLATE_NOOP("LookupKind", "Stages"),
    LookupKind.LOST_REASON: QT_TRANSLATE_NOOP("LookupKind", "Lost reasons"),
}
_LOOKUP_SINGULAR = {
    LookupKind.CLIENT: QT_TRANSLATE_NOOP("LookupKind", "client"),
    LookupKind.REP: QT_TRANSLATE_NOOP("LookupKind", "salesperson"),
    LookupKind.PRODUCT: QT_TRANSLATE_NOOP("LookupKind", "product"),
    LookupKind.CHANNEL: QT_TRANSLATE_NOOP("LookupKind", "channel"),
    LookupKind.REGION: QT_TRANSLATE_NOOP("LookupKind", "region"),
    LookupKind.AUDIENCE: QT_TRANSLATE_NOOP("LookupKind", "target audience"),
    LookupKind.STAGE: QT_TRANSLATE_NOOP("LookupKind", "stage"),
    LookupKind.LOST_REASON: QT_TRANSLATE_NOOP("LookupKind", "lost reason"),
}

DEFAULT_STAGES = ("Lead", "Contacted", "Proposal", "Negotiation")
DEFAULT_LOST_REASONS = ("Price", "Competitor", "No budget", "No decision", "Timing")
OTHER_LOST_REASON = "Other"
"""The lost reason whose details say what it was (added to every file by migration m004)."""


@dataclass(frozen=True, slots=True)
class Deal:
    """A validated deal as stored; lookups are referred to by name.

    ``customer_type`` is the value in force; ``customer_type_set`` says the user (or an imported
    column) chose it, so derivation leaves it alone. ``stage`` None means the first stage.
    ``amount`` is in minor units of ``currency``; None means unknown, not zero.
    ``lost_reason_note`` details a lost deal's reason: the text of "Other", or the competitor
    it was lost to.
    """

    title: str
    outcome: Outcome = Outcome.OPEN
    currency: str = "EUR"
    client: str | None = None
    rep: str | None = None
    product: str | None = None
    channel: str | None = None
    region: str | None = None
    audience: str | None = None
    customer_type: CustomerType = CustomerType.NEW
    customer_type_set: bool = False
    stage: str | None = None
    first_contact: dt.date | None = None
    first_contact_inferred: bool = False
    closed_on: dt.date | None = None
    expected_close: dt.date | None = None
    next_step: str = ""
    amount: int | None = None
    lost_reason: str | None = None
    lost_reason_note: str = ""
    notes: str = ""
    external_id: str | None = None
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None

    def lookup(self, kind: LookupKind) -> str | None:
        """The name this deal refers to in the lookup list ``kind``."""
        value: str | None = getattr(self, kind.value)
        return value


@dataclass(frozen=True, slots=True)
class StageEvent:
    """A deal reached ``stage`` on ``entered_on``."""

    stage: str
    entered_on: dt.date


@dataclass(frozen=True, slots=True)
class DealSnapshot:
    """Everything needed to put a deal back exactly as it was (used by undo)."""

    deal: Deal
    stage_events: tuple[StageEvent, ...] = field(default=())


def derive_customer_type(
    first_contact: dt.date | None, won_close_dates: list[dt.date], today: dt.date
) -> CustomerType:
    """Reference rule: current when the client has a won deal closed before this first contact.

    A lead without a first contact yet is compared with ``today``.
    """
    start = first_contact or today
    return CustomerType.CURRENT if any(d < start for d in won_close_dates) else CustomerType.NEW


def title_from(client: str | None, product: str | None) -> str:
    """A title for a deal that has none (imports): client and product, or a neutral word."""
    parts = [p for p in (client, product) if p]
    return " ".join(parts) if parts else "Untitled deal"
