"""The built-in mappings: Pipedrive and HubSpot deal exports and plain spreadsheets.

A plain spreadsheet is recognised by salesdesk's own field names and labels and common
synonyms; every header is compared case-, underscore- and spacing-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from salesdesk.domain.fields import DEAL_FIELDS
from salesdesk.domain.importing.mapping import (
    IMPORT_FIELDS,
    REJECTED_COLUMN,
    ColumnMapping,
    Preset,
    normalise_header,
)

_PIPEDRIVE: Mapping[str, tuple[str, ...]] = {
    "external_id": ("Deal - ID",),
    "title": ("Deal - Title",),
    "client": ("Deal - Organization", "Deal - Organization name", "Organization - Name"),
    "rep": ("Deal - Owner", "Deal - Owner name"),
    "amount": ("Deal - Value",),
    "currency": ("Deal - Currency of Value", "Deal - Currency"),
    "stage": ("Deal - Stage",),
    "outcome": ("Deal - Status",),
    "closed_on": ("Deal - Deal closed on", "Deal - Won time", "Deal - Lost time",
                  "Deal - Close time"),
    "expected_close": ("Deal - Expected close date",),
    "lost_reason": ("Deal - Lost reason",),
    "channel": ("Deal - Source channel", "Deal - Channel", "Deal - Source origin"),
    "product": ("Deal - Product name", "Deal - Product"),
    "region": ("Deal - Region", "Organization - Region", "Organization - Country"),
    "audience": ("Deal - Audience", "Deal - Segment"),
    "next_step": ("Deal - Next activity subject", "Deal - Next step"),
    "notes": ("Deal - Notes", "Deal - Description"),
    "first_contact": ("Deal - First contact", "Deal - First contact date"),
}
_PIPEDRIVE_CREATED = ("Deal - Deal created", "Deal - Add time", "Deal - Created")
_HUBSPOT: Mapping[str, tuple[str, ...]] = {
    "external_id": ("Record ID", "Deal ID"),
    "title": ("Deal Name",),
    "client": ("Associated Company (Primary)", "Associated Company", "Company name"),
    "rep": ("Deal owner", "Deal Owner", "HubSpot Owner"),
    "amount": ("Amount", "Amount in company currency"),
    "currency": ("Currency", "Deal currency code"),
    "stage": ("Deal Stage",),
    "outcome": ("Deal Stage",),
    # Close Date is the close date of closed deals and the expected close of open ones.
    "closed_on": ("Close Date",),
    "expected_close": ("Close Date",),
    "customer_type": ("Deal Type",),
    "lost_reason": ("Closed Lost Reason", "Lost Reason"),
    "channel": ("Original Source Type", "Original Source", "Source"),
    "product": ("Product", "Products", "Deal product"),
    "region": ("Region", "Country/Region"),
    "next_step": ("Next step", "Next Step"),
    "notes": ("Deal Description", "Description"),
    "first_contact": ("First contact", "First Contact Date"),
}
_HUBSPOT_CREATED = ("Create Date", "Created Date")
# A plain spreadsheet names a field as salesdesk does, or by one of its synonyms.
_PLAIN: Mapping[str, tuple[str, ...]] = {
    f.name: (f.name, f.label, *f.synonyms) for f in DEAL_FIELDS if f.imported}
_PLAIN_CREATED = ("created", "create date", "created at", "created on", "date created",
                  "creation date", "deal created", "created date", "létrehozva",
                  "létrehozás dátuma")
_STAGE_ENTERED = re.compile(r'^date entered\s*["“”„\'](.+?)["“”\']\s*$', re.IGNORECASE)
_PIPELINE_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


def detect_preset(headers: Sequence[str]) -> Preset:
    """Which export the headers look like."""
    names = {normalise_header(h) for h in headers}
    if sum(1 for n in names if n.startswith("deal - ")) >= 2:
        return Preset.PIPEDRIVE
    if {"record id", "deal name"} <= names or {"deal name", "deal stage"} <= names:
        return Preset.HUBSPOT
    return Preset.PLAIN


def preset_mapping(preset: Preset, headers: Sequence[str]) -> ColumnMapping:
    """The mapping a built-in preset gives for these headers (columns it does not find stay
    unmapped)."""
    by_name: dict[str, str] = {}
    for header in headers:
        key = normalise_header(header)
        if header.strip() and key != REJECTED_COLUMN:
            by_name.setdefault(key, header)
    table, created_names = {
        Preset.PIPEDRIVE: (_PIPEDRIVE, _PIPEDRIVE_CREATED),
        Preset.HUBSPOT: (_HUBSPOT, _HUBSPOT_CREATED),
        Preset.PLAIN: (_PLAIN, _PLAIN_CREATED),
    }[preset]
    columns: dict[str, str] = {}
    fallbacks: dict[str, tuple[str, ...]] = {}
    for field_name in IMPORT_FIELDS:
        names = [normalise_header(n) for n in table.get(field_name, ())]
        found = list(dict.fromkeys(by_name[n] for n in names if n in by_name))
        if found:
            columns[field_name] = found[0]
            if len(found) > 1 and field_name == "closed_on":
                fallbacks[field_name] = tuple(found[1:])
    created = next((by_name[n] for n in map(normalise_header, created_names) if n in by_name),
                   None)
    stage_dates = []
    for header in headers:
        match = _STAGE_ENTERED.match(header.strip())
        if match:
            stage = _PIPELINE_SUFFIX.sub("", match.group(1)).strip() or match.group(1)
            stage_dates.append((header, stage))
    return ColumnMapping(columns=columns, fallbacks=fallbacks, created_column=created,
                         stage_dates=tuple(stage_dates), preset=preset.value)


def detect_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The mapping of the preset the headers look like."""
    return preset_mapping(detect_preset(headers), headers)
