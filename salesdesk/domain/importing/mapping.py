"""What a file's columns mean: which column feeds which deal field, and what its values say.

A :class:`ColumnMapping` is made by a preset (``presets``), changed by the user in the wizard
or with ``--map``, and saved as JSON; the sentences describing it for the summary are here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from salesdesk.domain.deals import CustomerType, Outcome
from salesdesk.domain.fields import DEAL_FIELDS, FIELDS, FieldKind
from salesdesk.domain.importing.notes import Note
from salesdesk.i18n import translate

# The deal fields a column can feed, in the order the wizard lists them. The flags come last:
# salesdesk's own export writes them so that importing an export gives the same deals back,
# and a user seldom maps them.
IMPORT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in sorted(DEAL_FIELDS, key=lambda f: f.kind is FieldKind.FLAG) if f.imported)
DATE_FIELDS: tuple[str, ...] = tuple(f.name for f in DEAL_FIELDS
                                     if f.imported and f.kind is FieldKind.DATE)
FLAG_FIELDS: tuple[str, ...] = tuple(f.name for f in DEAL_FIELDS
                                     if f.imported and f.kind is FieldKind.FLAG)
# The column salesdesk adds to a rejected-rows file; never mapped when that file comes back.
REJECTED_COLUMN = "rejected because"

SKIP = "skip"
"""A value mapping that skips the row (Pipedrive's deleted deals)."""


class Preset(StrEnum):
    """The built-in mappings."""

    PIPEDRIVE = "pipedrive"
    HUBSPOT = "hubspot"
    PLAIN = "plain"


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SEPARATORS = re.compile(r"[\s_\-.:/]+")


def normalise_header(text: str) -> str:
    """A header as compared with known names: case, separators (space, underscore, dash, dot,
    colon, slash) and spacing ignored, camelCase split into words ("StageName", "stage_name"
    and "Stage Name" are all "stage name")."""
    text = _CAMEL.sub(" ", text.replace("\ufeff", ""))
    return " ".join(_SEPARATORS.sub(" ", text).casefold().split())


def normalise_value(text: str) -> str:
    """A cell value as compared with known values (outcome synonyms, flags)."""
    return " ".join(text.replace("_", " ").casefold().split())


NULL_VALUES = frozenset(("\\N", "NULL", "null", "Null", "-None-"))
"""Cells that database dumps (and Zoho's "-None-") write for "no value": read as empty."""


# --- value synonyms ---------------------------------------------------------------------------

OUTCOME_SYNONYMS: Mapping[str, str] = {
    **dict.fromkeys(("won", "win", "closed won", "closedwon", "closed - won", "gewonnen",
                     "geschlossen und gewonnen", "abgeschlossen - gewonnen",
                     "megnyert", "nyert", "elnyert", "sikeres", "lezárt - nyert",
                     "lezárt nyert", "lezárva - nyert", "lezárt/nyert"), Outcome.WON.value),
    **dict.fromkeys(("lost", "loss", "closed lost", "closedlost", "closed - lost",
                     "closed lost to competition", "verloren", "geschlossen und verloren",
                     "abgeschlossen - verloren", "elveszett", "elvesztett", "vesztett",
                     "sikertelen", "lezárt - vesztett", "lezárt vesztett",
                     "lezárva - elveszett", "lezárt/vesztett"), Outcome.LOST.value),
    **dict.fromkeys(("open", "opened", "in progress", "offen", "nyitott", "nyitva",
                     "folyamatban"), Outcome.OPEN.value),
    "deleted": SKIP,
    "törölt": SKIP,
}
CUSTOMER_TYPE_SYNONYMS: Mapping[str, str] = {
    **dict.fromkeys(("new", "new business", "newbusiness", "new customer", "neukunde",
                     "neugeschäft", "új", "uj", "új ügyfél", "új üzlet"), "new"),
    **dict.fromkeys(("current", "existing", "existing business", "existingbusiness",
                     "existing business - upgrade", "existing business - replacement",
                     "existing business - downgrade", "existing customer",
                     "existing customer - upgrade", "existing customer - replacement",
                     "existing customer - downgrade", "renewal", "upsell", "returning",
                     "repeat", "bestandskunde", "bestandsgeschäft", "verlängerung", "meglévő",
                     "meglevo", "visszatérő", "meglévő ügyfél", "megújítás"), "current"),
}
TRUE_VALUES = frozenset(("1", "true", "yes", "y", "x", "igen", "ja", "wahr"))
FALSE_VALUES = frozenset(("", "0", "false", "no", "n", "nem", "nein", "falsch"))


# --- mapping ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which column feeds which deal field, and the rules of the preset that made it.

    ``columns``: field → header (one header may feed several fields). ``fallbacks``: field →
    further headers read when the mapped one is blank (Pipedrive's won/lost times for the close
    date). ``created_column`` is the created-date column used as the first contact when no
    first-contact column is mapped; such deals are marked ``first_contact_inferred``.
    ``stage_dates`` pairs a header with the stage whose entry date it holds (HubSpot's
    ``Date entered "<stage>"``). ``outcome_values`` maps a normalised value of the outcome or
    stage column to "won", "lost", "open" or "skip"; unlisted values are open.
    ``customer_type_values`` maps a normalised value of the customer-type column to "new" or
    "current"; unlisted values are rejected. ``won_column`` / ``closed_column`` are
    Salesforce's yes/no columns: won when Won says yes, lost when Closed says yes and Won no
    (read when the outcome column says neither won nor lost).
    """

    columns: Mapping[str, str] = field(default_factory=dict)
    fallbacks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    created_column: str | None = None
    stage_dates: tuple[tuple[str, str], ...] = ()
    outcome_values: Mapping[str, str] = field(default_factory=lambda: dict(OUTCOME_SYNONYMS))
    preset: str = Preset.PLAIN.value
    customer_type_values: Mapping[str, str] = field(
        default_factory=lambda: dict(CUSTOMER_TYPE_SYNONYMS))
    won_column: str | None = None
    closed_column: str | None = None

    def with_column(self, field_name: str, header: str | None) -> ColumnMapping:
        """The mapping with ``field_name`` fed by ``header`` (None: by no column). A field the
        user chose drops the preset's fallbacks for it."""
        if field_name not in IMPORT_FIELDS:
            raise ValueError(f"Unknown field {field_name!r}: choose one of "
                             + ", ".join(IMPORT_FIELDS) + ".")
        columns = {k: v for k, v in self.columns.items() if k != field_name}
        if header:
            columns[field_name] = header
        fallbacks = {k: v for k, v in self.fallbacks.items() if k != field_name}
        return replace(self, columns=columns, fallbacks=fallbacks)

    def with_outcome_values(self, values: Mapping[str, str]) -> ColumnMapping:
        """The mapping with these value → outcome choices added (they win over synonyms)."""
        merged = dict(self.outcome_values)
        for value, outcome in values.items():
            if outcome not in (*(o.value for o in Outcome), SKIP):
                raise ValueError(f"{outcome!r} is not won, lost, open or skip.")
            merged[normalise_value(value)] = outcome
        return replace(self, outcome_values=merged)

    def with_customer_type_values(self, values: Mapping[str, str]) -> ColumnMapping:
        """The mapping with these value → customer type choices added (they win over
        synonyms)."""
        merged = dict(self.customer_type_values)
        for value, customer_type in values.items():
            if customer_type not in (t.value for t in CustomerType):
                raise ValueError(f"{customer_type!r} is not new or current.")
            merged[normalise_value(value)] = customer_type
        return replace(self, customer_type_values=merged)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for saved presets."""
        return {
            "columns": dict(self.columns),
            "fallbacks": {k: list(v) for k, v in self.fallbacks.items()},
            "created_column": self.created_column,
            "stage_dates": [list(pair) for pair in self.stage_dates],
            "outcome_values": {k: v for k, v in self.outcome_values.items()
                               if OUTCOME_SYNONYMS.get(k) != v},
            "customer_type_values": {k: v for k, v in self.customer_type_values.items()
                                     if CUSTOMER_TYPE_SYNONYMS.get(k) != v},
            "won_column": self.won_column,
            "closed_column": self.closed_column,
            "preset": self.preset,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMapping:
        """Read a saved preset; raises ValueError with a message when it is malformed."""
        try:
            columns = {str(k): str(v) for k, v in dict(data.get("columns", {})).items()}
            unknown = set(columns) - set(IMPORT_FIELDS)
            if unknown:
                raise ValueError("unknown fields " + ", ".join(sorted(unknown)))
            mapping = cls(
                columns=columns,
                fallbacks={str(k): tuple(str(h) for h in v)
                           for k, v in dict(data.get("fallbacks", {})).items()},
                created_column=(str(data["created_column"]) if data.get("created_column")
                                else None),
                stage_dates=tuple((str(h), str(s)) for h, s in data.get("stage_dates", [])),
                preset=str(data.get("preset", Preset.PLAIN.value)),
                won_column=str(data["won_column"]) if data.get("won_column") else None,
                closed_column=(str(data["closed_column"]) if data.get("closed_column")
                               else None),
            )
            return mapping.with_outcome_values(
                {str(k): str(v) for k, v in dict(data.get("outcome_values", {})).items()}
            ).with_customer_type_values(
                {str(k): str(v)
                 for k, v in dict(data.get("customer_type_values", {})).items()})
        except (TypeError, AttributeError) as exc:
            raise ValueError(f"not a salesdesk import preset ({exc})") from exc

    def used_headers(self) -> set[str]:
        """Every header the mapping reads."""
        used = set(self.columns.values())
        for headers in self.fallbacks.values():
            used.update(headers)
        used.update(h for h in (self.created_column, self.won_column, self.closed_column) if h)
        used.update(header for header, _ in self.stage_dates)
        return used

    @property
    def reads_anything(self) -> bool:
        """True when some column feeds the deals (else every row would be an untitled open
        deal)."""
        return bool(self.used_headers())


# --- describing a mapping ---------------------------------------------------------------------

def mapping_notes(mapping: ColumnMapping) -> list[Note]:
    """Sentences about the fallbacks a mapping uses, for the summary and the wizard."""
    notes: list[str] = []
    if mapping.preset != Preset.PLAIN:
        notes.append(translate("ImportMapping", "Detected a {preset} file.").format(
            preset=mapping.preset))
    if "first_contact" not in mapping.columns and mapping.created_column:
        notes.append(translate(
            "ImportMapping", "No first-contact column: {column} (the created date) is used"
            " instead and those deals are marked as inferred.").format(
                column=repr(mapping.created_column)))
    if "title" not in mapping.columns:
        notes.append(translate("ImportMapping",
                               "No title column: titles are made from client and product."))
    for name, headers in mapping.fallbacks.items():
        notes.append(translate("ImportMapping", "{field}: {column}, or when blank {columns}."
                               ).format(field=FIELDS[name].caption,
                                        column=repr(mapping.columns.get(name)),
                                        columns=", ".join(map(repr, headers))))
    close = mapping.columns.get("closed_on")
    if close and close == mapping.columns.get("expected_close"):
        notes.append(translate(
            "ImportMapping", "{column} is the close date of won and lost deals and the expected"
            " close of open ones.").format(column=repr(close)))
    flags = [repr(h) for h in (mapping.won_column, mapping.closed_column) if h]
    if len(flags) > 1:
        notes.append(translate(
            "ImportMapping", "Outcome from the yes/no columns {first} and {second} where no"
            " outcome column says won or lost.").format(first=flags[0], second=flags[1]))
    elif flags:
        notes.append(translate(
            "ImportMapping", "Outcome from the yes/no column {column} where no outcome column"
            " says won or lost.").format(column=flags[0]))
    if len(mapping.stage_dates) == 1:
        notes.append(translate("ImportMapping", "Stage history from 1 'Date entered' column."))
    elif mapping.stage_dates:
        notes.append(translate(
            "ImportMapping", "Stage history from {count} 'Date entered' columns.").format(
                count=len(mapping.stage_dates)))
    return [Note(note) for note in notes]


def unmapped_headers(headers: Iterable[str], mapping: ColumnMapping) -> list[str]:
    """Columns no field reads (shown so the user sees what is left out)."""
    used = mapping.used_headers()
    return [h for h in headers if h.strip() and h not in used
            and normalise_header(h) != REJECTED_COLUMN]


ESSENTIAL_FIELDS: tuple[str, ...] = ("outcome", "stage", "first_contact", "closed_on")
"""What a file must say for its deals to be more than open deals without dates: one of
these (or a created-date, stage-history or Won/Closed column)."""


def missing_essentials(mapping: ColumnMapping) -> list[str]:
    """The essential fields the mapping does not feed, when it feeds none of them (empty when
    it has an outcome, a stage or a date): then every row would import as an open deal
    without dates, and the user must map them or say that is meant."""
    fed = set(mapping.columns) | set(mapping.fallbacks)
    if (fed & {"outcome", "stage", *DATE_FIELDS} or mapping.created_column
            or mapping.stage_dates or mapping.won_column or mapping.closed_column):
        return []
    return list(ESSENTIAL_FIELDS)


def unmapped_fields(mapping: ColumnMapping) -> list[str]:
    """The fields no column feeds (the first contact is fed by a created-date column, the
    outcome by a stage or Won/Closed column); the flags, seldom in a file, are left out."""
    fed = set(mapping.columns) | set(mapping.fallbacks)
    if mapping.created_column:
        fed.add("first_contact")
    if "stage" in fed or mapping.won_column or mapping.closed_column:
        fed.add("outcome")
    if mapping.stage_dates:
        fed.add("stage")
    return [name for name in IMPORT_FIELDS if name not in fed and name not in FLAG_FIELDS]


def outcome_of(mapping: ColumnMapping, value: str) -> str:
    """What a value of the outcome column means under ``mapping``: won, lost, open or skip."""
    return mapping.outcome_values.get(normalise_value(value), Outcome.OPEN.value)

