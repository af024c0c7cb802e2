"""The built-in mappings: Pipedrive and HubSpot deal exports and plain spreadsheets.

A plain spreadsheet is recognised by salesdesk's own field names and labels and common
synonyms (the column names of Zoho, Salesforce and Odoo exports, SQL-style names, German and
Hungarian ones); every header is compared as ``normalise_header`` does: without case or
separators, camelCase split. Its close-date column is the close date of won and lost deals
and the expected close of open ones, unless an expected-close column of its own is there
(Zoho's and Salesforce's "Closing Date"/"CloseDate" are both).
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
                  "creation date", "deal created", "created date", "created time",
                  "createdtime", "creation time", "erstellt", "erstellt am", "erstelldatum",
                  "létrehozva", "létrehozás dátuma", "létrehozás ideje")
# Salesforce's yes/no columns; a "Closed" column is one only beside a "Won" one (else it is
# the close date).
_WON_FLAGS = ("won", "is won")
_CLOSED_FLAGS = ("is closed",)
_CLOSED_BESIDE_WON = ("closed",)
_STAGE_ENTERED = re.compile(r'^date entered\s*["“”„\'](.+?)["“”\']\s*$', re.IGNORECASE)
_PIPELINE_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


def detect_preset(headers: Sequence[str]) -> Preset:
    """Which export the headers look like."""
    if sum(1 for h in headers if h.strip().casefold().startswith("deal - ")) >= 2:
        return Preset.PIPEDRIVE
    names = {normalise_header(h) for h in headers}
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
    won = closed = None
    if preset is Preset.PLAIN:
        won = _first(by_name, _WON_FLAGS)
        closed = _first(by_name, _CLOSED_FLAGS + (_CLOSED_BESIDE_WON if won else ()))
        if closed is not None and columns.get("closed_on") == closed:
            del columns["closed_on"]
            columns.update(_found(by_name, "closed_on", table, exclude=closed))
        if "closed_on" in columns and "expected_close" not in columns:
            columns["expected_close"] = columns["closed_on"]
    created = _first(by_name, created_names)
    stage_dates = []
    for header in headers:
        match = _STAGE_ENTERED.match(header.strip())
        if match:
            stage = _PIPELINE_SUFFIX.sub("", match.group(1)).strip() or match.group(1)
            stage_dates.append((header, stage))
    return ColumnMapping(columns=columns, fallbacks=fallbacks, created_column=created,
                         stage_dates=tuple(stage_dates), preset=preset.value, won_column=won,
                         closed_column=closed)


def _first(by_name: Mapping[str, str], names: Sequence[str]) -> str | None:
    """The header of the first of ``names`` the file has."""
    return next((by_name[n] for n in map(normalise_header, names) if n in by_name), None)


def _found(by_name: Mapping[str, str], field_name: str,
           table: Mapping[str, tuple[str, ...]], exclude: str) -> dict[str, str]:
    """``field_name`` → the first header of its names other than ``exclude`` (or nothing)."""
    for name in map(normalise_header, table.get(field_name, ())):
        header = by_name.get(name)
        if header is not None and header != exclude:
            return {field_name: header}
    return {}


def detect_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The mapping of the preset the headers look like."""
    return preset_mapping(detect_preset(headers), headers)
