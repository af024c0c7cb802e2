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
    parse_minor_units,
)
from salesdesk.i18n import translate

MAX_TITLE = 200
MAX_NAME = 200
MAX_TEXT = 20_000

# The fields the form shows (DealDraft's), with their labels (English, as imports match them:
# messages show them through translate("DealField", label), as DealField.caption does).
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
    lost_reason_note: str = ""


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


def read_name(value: str, label: str, errors: dict[str, str], key: str) -> str | None:
    """A lookup name with its spacing tidied (None when blank); an error under ``key`` when
    it is too long."""
    value = " ".join(value.split())
    if len(value) > MAX_NAME:
        errors[key] = _too_long(label, MAX_NAME)
    return value or None


def _too_long(label: str, limit: int) -> str:
    """The message for a field (its English ``label``) holding more than ``limit`` characters."""
    return translate("Validation", "{field} is too long (at most {limit} characters).").format(
        field=translate("DealField", label), limit=limit)


def read_title(text: str, errors: dict[str, str]) -> str:
    """The title with its spacing tidied; an error when it is blank or too long."""
    title = " ".join(text.split())
    if not title:
        errors["title"] = translate("Validation", "A deal needs a title.")
    elif len(title) > MAX_TITLE:
        errors["title"] = translate(
            "Validation", "The title is too long (at most {limit} characters).").format(
                limit=MAX_TITLE)
    return title


def read_text(key: str, text: str, errors: dict[str, str]) -> str:
    """A free-text field (next step, notes) stripped; an error when it is too long."""
    text = text.strip()
    if len(text) > MAX_TEXT:
        errors[key] = _too_long(FIELD_LABELS[key], MAX_TEXT)
    return text


def read_currency(text: str, rules: InputRules, errors: dict[str, str]) -> str:
    """A currency code (the base currency when blank); an error when it is unknown."""
    currency = text.strip().upper() or rules.base_currency
    if currency not in rules.currency_digits:
        errors["currency"] = translate(
            "Validation", "Unknown currency '{code}': use a three-letter code like EUR.").format(
                code=currency)
    return currency


def read_amount(text: str, currency: str, rules: InputRules, errors: dict[str, str],
                number_format: NumberFormat | None = None) -> int | None:
    """An amount in minor units of ``currency`` (None when blank: unknown, not zero), read
    with ``number_format`` (default: the rules'); an error when it cannot be read."""
    number_format = number_format or rules.number_format
    try:
        if "currency" in errors:  # still checked, for its own message
            parse_amount(text, number_format)
            return None
        return parse_minor_units(text, rules.currency_digits[currency], currency,
                                 number_format)
    except ParseError as exc:
        errors["amount"] = str(exc)
    return None


def checked_deal(values: dict[str, Any], errors: dict[str, str], warnings: dict[str, str], *,
                 undated_decided: bool = False) -> Deal | None:
    """The rules across fields of DESIGN.md §3, applied to typed values (the keyword
    arguments of :class:`Deal`): a won or lost deal needs both dates and never closes before
    its first contact, an open deal has no close date, only a lost deal has a lost reason (and
    lost-reason details).
    Messages go to ``errors`` (then None is returned) and ``warnings``.

    ``undated_decided``: a won or lost deal may lack its dates (imports: it counts in
    conversion, not in deal length), with a warning instead of an error.
    """
    outcome: Outcome = values["outcome"]
    first_contact, closed_on = values.get("first_contact"), values.get("closed_on")
    if outcome.is_closed and "outcome" not in errors:
        won = outcome is Outcome.WON
        if closed_on is None and "closed_on" not in errors:
            if undated_decided:
                warnings["closed_on"] = translate(
                    "Validation", "A won deal without a close date; it counts in conversion,"
                    " not in deal length.") if won else translate(
                    "Validation", "A lost deal without a close date; it counts in conversion,"
                    " not in deal length.")
            else:
                errors["closed_on"] = translate(
                    "Validation", "A won deal needs the date it closed.") if won else translate(
                    "Validation", "A lost deal needs the date it closed.")
        if first_contact is None and "first_contact" not in errors:
            if undated_decided:
                warnings["first_contact"] = translate(
                    "Validation", "A won deal without a first-contact date; it counts in"
                    " conversion, not in deal length.") if won else translate(
                    "Validation", "A lost deal without a first-contact date; it counts in"
                    " conversion, not in deal length.")
            else:
                errors["first_contact"] = translate(
                    "Validation", "A won deal needs its first-contact date.") if won else (
                    translate("Validation", "A lost deal needs its first-contact date."))
    elif closed_on is not None:
        errors["closed_on"] = translate(
            "Validation", "An open deal has no close date: set the outcome to won or lost, or"
            " clear the date.")
    if first_contact and closed_on and closed_on < first_contact:
        errors["closed_on"] = translate(
            "Validation", "The close date is before the first contact.")
    expected = values.get("expected_close")
    if first_contact and expected and expected < first_contact:
        errors["expected_close"] = translate(
            "Validation", "The expected close is before the first contact.")
    lost_reason = values.get("lost_reason")
    if outcome is Outcome.LOST and not lost_reason:
        warnings["lost_reason"] = translate(
            "Validation", "Why was it lost? The reason helps find what to improve.")
    if outcome is not Outcome.LOST and lost_reason:
        errors["lost_reason"] = translate("Validation", "Only a lost deal has a lost reason.")
    if outcome is not Outcome.LOST and values.get("lost_reason_note"):
        errors["lost_reason_note"] = translate(
            "Validation", "Only a lost deal has lost-reason details.")
    return None if errors else Deal(**values)


def validate_draft(draft: DealDraft, rules: InputRules, base: Deal | None = None) -> Validation:
    """Check every field of ``draft``; never raises for any text the user can type.

    ``base`` is the deal being edited: fields the form does not show (id, external id,
    timestamps, inferred flags) are carried over from it.
    """
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    for key in FIELD_LABELS:
        try:
            getattr(draft, key).encode("utf-8")
        except UnicodeEncodeError:
            errors[key] = translate(
                "Validation", "Contains characters that cannot be stored; retype the text.")
    if errors:
        return Validation(None, errors, warnings)

    title = read_title(draft.title, errors)
    # Keyword arguments of the Deal below, one per lookup field.
    names: dict[str, Any] = {key: read_name(getattr(draft, key), FIELD_LABELS[key], errors, key)
                             for key in _NAMES}

    try:
        outcome = Outcome(draft.outcome.strip().lower())
    except ValueError:
        errors["outcome"] = translate("Validation", "Choose open, won or lost.")
        outcome = Outcome.OPEN

    customer_type: CustomerType | None = None
    if draft.customer_type.strip():
        try:
            customer_type = CustomerType(draft.customer_type.strip().lower())
        except ValueError:
            errors["customer_type"] = translate("Validation", "Choose automatic, new or current.")

    dates: dict[str, dt.date | None] = {}
    for key in _DATES:
        try:
            dates[key] = parse_date(getattr(draft, key), rules.date_formats)
        except ParseError as exc:
            errors[key] = str(exc)
            dates[key] = None

    currency = read_currency(draft.currency, rules, errors)
    amount = read_amount(draft.amount, currency, rules, errors)
    texts = {key: read_text(key, getattr(draft, key), errors) for key in _TEXTS}
    values: dict[str, Any] = {
        "title": title, "outcome": outcome, "currency": currency,
        "customer_type": customer_type or CustomerType.NEW,
        "customer_type_set": customer_type is not None,
        **dates, "amount": amount,
        "first_contact_inferred": bool(base and base.first_contact_inferred
                                       and base.first_contact == dates["first_contact"]),
        **names, **texts,
        **({key: getattr(base, key) for key in _KEPT} if base else {}),
    }
    return Validation(checked_deal(values, errors, warnings), errors, warnings)
