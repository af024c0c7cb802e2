"""Turning a form's typed values into a valid Deal, or into messages per field.

The rules are those of DESIGN.md §3: title and outcome are required; a closed deal needs both
dates and never closes before its first contact; an open deal has no close date; amounts are
not negative; a lost deal without a reason is accepted with a reminder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from salesdesk.domain.deals import CustomerType, Deal, Outcome
from salesdesk.domain.fields import DEAL_FIELDS, FieldKind
from salesdesk.domain.parsing import (
    NumberFormat,
    ParseError,
    parse_amount,
    parse_date,
    to_minor_units,
)

MAX_TITLE = 200
MAX_NAME = 200
MAX_TEXT = 20_000

# The fields the form shows (DealDraft's), with their labels.
FIELD_LABELS: Mapping[str, str] = {f.name: f.label for f in DEAL_FIELDS if f.form}
_NAMES = tuple(f.name for f in DEAL_FIELDS if f.form and f.kind is FieldKind.LOOKUP)
_DATES = tuple(f.name for f in DEAL_FIELDS if f.form and f.kind is FieldKind.DATE)
_TEXTS = tuple(f.name for f in DEAL_FIELDS if f.form and f.kind is FieldKind.TEXT)
# What the form does not show is the edited deal's (the flags follow the fields they describe).
_KEPT = tuple(f.name for f in DEAL_FIELDS if not f.form and f.kind is not FieldKind.FLAG)


@dataclass(frozen=True, slots=True)
class DealDraft:
    """What the form holds: every field as the user typed it.

    ``customer_type`` is "" for automatic, else "new" or "current".
    """

    title: str = ""
    client: str = ""
    rep: str = ""
    product: str = ""
    channel: str = ""
    region: str = ""
    audience: str = ""
    customer_type: str = ""
    stage: str = ""
    outcome: str = "open"
    first_contact: str = ""
    closed_on: str = ""
    expected_close: str = ""
    next_step: str = ""
    amount: str = ""
    currency: str = ""
    lost_reason: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class InputRules:
    """How typed values are read: the user's date formats and separators, and the currencies
    known with their number of decimal places (from a currency library, passed in as data)."""

    currency_digits: Mapping[str, int]
    base_currency: str
    date_formats: tuple[str, ...] = ()
    number_format: NumberFormat = field(default_factory=NumberFormat)


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of validating a draft: a deal, or errors keyed by field name.

    Warnings never block saving (a lost deal without a reason).
    """

    deal: Deal | None
    errors: Mapping[str, str]
    warnings: Mapping[str, str]

    @property
    def ok(self) -> bool:
        """True when the draft can be saved."""
        return self.deal is not None


def _name(value: str, label: str, errors: dict[str, str], key: str) -> str | None:
    value = " ".join(value.split())
    if len(value) > MAX_NAME:
        errors[key] = f"{label} is too long (at most {MAX_NAME} characters)."
    return value or None


def validate_draft(draft: DealDraft, rules: InputRules, base: Deal | None = None) -> Validation:
    """Check every field of ``draft``; never raises for any text the user can type.

    ``base`` is the deal being edited: fields the form does not show (id, external id,
    timestamps, inferred flags) are carried over from it.
    """
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    try:  # one check for the whole draft (imports validate a million); per field only on failure
        "".join([getattr(draft, key) for key in FIELD_LABELS]).encode("utf-8")
    except UnicodeEncodeError:
        for key in FIELD_LABELS:
            try:
                getattr(draft, key).encode("utf-8")
            except UnicodeEncodeError:
                errors[key] = "Contains characters that cannot be stored; retype the text."
        return Validation(None, errors, warnings)

    title = " ".join(draft.title.split())
    if not title:
        errors["title"] = "A deal needs a title."
    elif len(title) > MAX_TITLE:
        errors["title"] = f"The title is too long (at most {MAX_TITLE} characters)."

    # Keyword arguments of the Deal below, one per lookup field.
    names: dict[str, Any] = {key: _name(getattr(draft, key), FIELD_LABELS[key], errors, key)
                             for key in _NAMES}

    try:
        outcome = Outcome(draft.outcome.strip().lower())
    except ValueError:
        errors["outcome"] = "Choose open, won or lost."
        outcome = Outcome.OPEN

    customer_type: CustomerType | None = None
    if draft.customer_type.strip():
        try:
            customer_type = CustomerType(draft.customer_type.strip().lower())
        except ValueError:
            errors["customer_type"] = "Choose automatic, new or current."

    dates: dict[str, dt.date | None] = {}
    for key in _DATES:
        try:
            dates[key] = parse_date(getattr(draft, key), rules.date_formats)
        except ParseError as exc:
            errors[key] = str(exc)
            dates[key] = None
    first_contact, closed_on = dates["first_contact"], dates["closed_on"]

    if outcome.is_closed and "outcome" not in errors:
        if closed_on is None and "closed_on" not in errors:
            errors["closed_on"] = f"A {outcome.value} deal needs the date it closed."
        if first_contact is None and "first_contact" not in errors:
            errors["first_contact"] = f"A {outcome.value} deal needs its first-contact date."
    elif closed_on is not None:
        errors["closed_on"] = ("An open deal has no close date: set the outcome to won or lost,"
                               " or clear the date.")
    if first_contact and closed_on and closed_on < first_contact:
        errors["closed_on"] = "The close date is before the first contact."
    expected = dates["expected_close"]
    if first_contact and expected and expected < first_contact:
        errors["expected_close"] = "The expected close is before the first contact."

    currency = draft.currency.strip().upper() or rules.base_currency
    if currency not in rules.currency_digits:
        errors["currency"] = f"Unknown currency {currency!r}: use a three-letter code like EUR."
    amount: int | None = None
    try:
        value = parse_amount(draft.amount, rules.number_format)
        if value is not None and "currency" not in errors:
            amount = to_minor_units(value, rules.currency_digits[currency], currency)
    except ParseError as exc:
        errors["amount"] = str(exc)

    texts = {key: getattr(draft, key).strip() for key in _TEXTS}
    for key, text in texts.items():
        if len(text) > MAX_TEXT:
            errors[key] = f"{FIELD_LABELS[key]} is too long (at most {MAX_TEXT} characters)."

    if outcome is Outcome.LOST and not names["lost_reason"]:
        warnings["lost_reason"] = "Why was it lost? The reason helps find what to improve."
    if outcome is not Outcome.LOST and names["lost_reason"]:
        errors["lost_reason"] = "Only a lost deal has a lost reason."

    if errors:
        return Validation(None, errors, warnings)
    deal = Deal(
        title=title,
        outcome=outcome,
        currency=currency,
        customer_type=customer_type or CustomerType.NEW,
        customer_type_set=customer_type is not None,
        first_contact=first_contact,
        closed_on=closed_on,
        expected_close=expected,
        amount=amount,
        first_contact_inferred=bool(base and base.first_contact_inferred
                                    and base.first_contact == first_contact),
        **names,
        **texts,
        **({key: getattr(base, key) for key in _KEPT} if base else {}),
    )
    return Validation(deal, errors, warnings)
