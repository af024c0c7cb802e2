"""The deal model's reference rules: customer type derivation, outcomes, generated titles."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.deals import (
    CustomerType,
    Deal,
    LookupKind,
    Outcome,
    derive_customer_type,
    title_from,
)

D = dt.date
TODAY = D(2026, 6, 15)


@pytest.mark.parametrize(
    ("first_contact", "won_closed", "expected"),
    [
        # No earlier purchase: a new customer.
        (D(2026, 3, 1), [], CustomerType.NEW),
        # A won deal closed the day before this first contact: a current customer.
        (D(2026, 3, 1), [D(2026, 2, 28)], CustomerType.CURRENT),
        # Closed on the same day as this first contact: not *before* it, still new.
        (D(2026, 3, 1), [D(2026, 3, 1)], CustomerType.NEW),
        # Closed after this deal started: it does not make this deal a repeat purchase.
        (D(2026, 3, 1), [D(2026, 3, 2), D(2027, 1, 1)], CustomerType.NEW),
        # Any one earlier win is enough, wherever it is in the list.
        (D(2026, 3, 1), [D(2026, 5, 1), D(2020, 1, 1), D(2026, 3, 1)], CustomerType.CURRENT),
        # A lead without a first contact is compared with today.
        (None, [D(2026, 6, 14)], CustomerType.CURRENT),
        (None, [TODAY], CustomerType.NEW),
        (None, [D(2026, 6, 16)], CustomerType.NEW),
        (None, [], CustomerType.NEW),
        # Year boundaries compare as dates.
        (D(2026, 1, 1), [D(2025, 12, 31)], CustomerType.CURRENT),
    ],
)
def test_derive_customer_type(first_contact: dt.date | None, won_closed: list[dt.date],
                              expected: CustomerType) -> None:
    assert derive_customer_type(first_contact, won_closed, TODAY) is expected


def test_derive_customer_type_does_not_look_at_today_when_the_first_contact_is_known() -> None:
    wins = [D(2026, 6, 1)]
    assert derive_customer_type(D(2026, 5, 1), wins, D(2030, 1, 1)) is CustomerType.NEW
    assert derive_customer_type(D(2026, 7, 1), wins, D(2000, 1, 1)) is CustomerType.CURRENT


def test_only_won_and_lost_are_closed() -> None:
    assert [o for o in Outcome if o.is_closed] == [Outcome.WON, Outcome.LOST]
    assert Outcome("open") is Outcome.OPEN


def test_deal_lookup_reads_the_field_named_by_the_kind() -> None:
    deal = Deal(title="t", client="Acme", rep="Anna", product="Pro", channel="Web",
                region="North", audience="SMB", stage="Lead", lost_reason="Price")
    assert {kind: deal.lookup(kind) for kind in LookupKind} == {
        LookupKind.CLIENT: "Acme", LookupKind.REP: "Anna", LookupKind.PRODUCT: "Pro",
        LookupKind.CHANNEL: "Web", LookupKind.REGION: "North", LookupKind.AUDIENCE: "SMB",
        LookupKind.STAGE: "Lead", LookupKind.LOST_REASON: "Price",
    }
    assert all(kind.label and kind.singular for kind in LookupKind)


@pytest.mark.parametrize(
    ("client", "product", "title"),
    [("Acme", "Pro plan", "Acme Pro plan"), ("Acme", None, "Acme"), (None, "Pro", "Pro"),
     (None, None, "Untitled deal"), ("", "", "Untitled deal")],
)
def test_title_from(client: str | None, product: str | None, title: str) -> None:
    assert title_from(client, product) == title
