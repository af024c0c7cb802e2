"""Turning rows of another CRM's export or a spreadsheet into deals (pure logic, no files).

The store reads the file and writes the deals; what a column means, how its dates and numbers
are written and whether a row can become a valid deal is decided here:

- ``detect_mapping`` recognises Pipedrive and HubSpot deal exports and plain spreadsheets
  (salesdesk's own field names and common synonyms, case-insensitive).
- ``DateGuess`` / ``NumberGuess`` infer a column's date order (d.m.Y vs m/d/Y) and decimal
  separator from all its values until they are unambiguous.
- ``RowConverter`` makes a DealDraft of each row and validates it with
  ``validation.validate_draft``: the same rules as the deal form (DESIGN.md §3).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from salesdesk.domain.deals import Deal, Outcome, StageEvent, title_from
from salesdesk.domain.parsing import (
    COMMA_DECIMAL,
    POINT_DECIMAL,
    NumberFormat,
    ParseError,
    readable_number_formats,
)
from salesdesk.domain.validation import FIELD_LABELS, DealDraft, InputRules, validate_draft

# The deal fields a column can feed, in the order the wizard lists them. The last two are
# flags salesdesk's own export writes, so that importing an export gives the same deals back.
IMPORT_FIELDS: tuple[str, ...] = (
    "title", "client", "rep", "product", "channel", "region", "audience", "customer_type",
    "stage", "outcome", "first_contact", "closed_on", "expected_close", "next_step", "amount",
    "currency", "lost_reason", "notes", "external_id", "customer_type_set",
    "first_contact_inferred",
)
DATE_FIELDS = ("first_contact", "closed_on", "expected_close")
FLAG_FIELDS = ("customer_type_set", "first_contact_inferred")
FIELD_NAMES: Mapping[str, str] = {
    **FIELD_LABELS,
    "external_id": "External id",
    "customer_type_set": "Customer type set by hand",
    "first_contact_inferred": "First contact inferred",
}
# The column salesdesk adds to a rejected-rows file; never mapped when that file comes back.
REJECTED_COLUMN = "rejected because"

SKIP = "skip"
"""A value mapping that skips the row (Pipedrive's deleted deals)."""


class Preset(StrEnum):
    """The built-in mappings."""

    PIPEDRIVE = "pipedrive"
    HUBSPOT = "hubspot"
    PLAIN = "plain"


def normalise_header(text: str) -> str:
    """A header as compared with known names: case, underscores, dashes and spacing ignored."""
    text = text.replace("\ufeff", "").replace("_", " ").casefold()
    return " ".join(text.split())


def normalise_value(text: str) -> str:
    """A cell value as compared with known values (outcome synonyms, flags)."""
    return " ".join(text.replace("_", " ").casefold().split())


# --- value synonyms ---------------------------------------------------------------------------

OUTCOME_SYNONYMS: Mapping[str, str] = {
    **dict.fromkeys(("won", "win", "closed won", "closedwon", "closed - won", "gewonnen",
                     "megnyert", "nyert", "elnyert", "sikeres", "lezárt - nyert",
                     "lezárt nyert", "lezárva - nyert"), Outcome.WON.value),
    **dict.fromkeys(("lost", "loss", "closed lost", "closedlost", "closed - lost", "verloren",
                     "elveszett", "elvesztett", "vesztett", "sikertelen", "lezárt - vesztett",
                     "lezárt vesztett", "lezárva - elveszett"), Outcome.LOST.value),
    **dict.fromkeys(("open", "opened", "in progress", "offen", "nyitott", "nyitva",
                     "folyamatban"), Outcome.OPEN.value),
    "deleted": SKIP,
    "törölt": SKIP,
}
CUSTOMER_TYPE_SYNONYMS: Mapping[str, str] = {
    **dict.fromkeys(("new", "new business", "newbusiness", "new customer", "neukunde", "új",
                     "uj", "új ügyfél", "új üzlet"), "new"),
    **dict.fromkeys(("current", "existing", "existing business", "existingbusiness",
                     "existing customer", "returning", "repeat", "bestandskunde", "meglévő",
                     "meglevo", "visszatérő", "meglévő ügyfél"), "current"),
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
    """

    columns: Mapping[str, str] = field(default_factory=dict)
    fallbacks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    created_column: str | None = None
    stage_dates: tuple[tuple[str, str], ...] = ()
    outcome_values: Mapping[str, str] = field(default_factory=lambda: dict(OUTCOME_SYNONYMS))
    preset: str = Preset.PLAIN.value

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

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for saved presets."""
        return {
            "columns": dict(self.columns),
            "fallbacks": {k: list(v) for k, v in self.fallbacks.items()},
            "created_column": self.created_column,
            "stage_dates": [list(pair) for pair in self.stage_dates],
            "outcome_values": {k: v for k, v in self.outcome_values.items()
                               if OUTCOME_SYNONYMS.get(k) != v},
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
            )
            return mapping.with_outcome_values(
                {str(k): str(v) for k, v in dict(data.get("outcome_values", {})).items()})
        except (TypeError, AttributeError) as exc:
            raise ValueError(f"not a salesdesk import preset ({exc})") from exc

    def used_headers(self) -> set[str]:
        """Every header the mapping reads."""
        used = set(self.columns.values())
        for headers in self.fallbacks.values():
            used.update(headers)
        if self.created_column:
            used.add(self.created_column)
        used.update(header for header, _ in self.stage_dates)
        return used


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
_PLAIN: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "deal", "deal name", "deal title", "name", "subject", "opportunity",
              "opportunity name", "titel", "cím", "megnevezés", "üzlet"),
    "client": ("client", "company", "customer", "organization", "organisation", "account",
               "client name", "company name", "customer name", "kunde", "firma", "ügyfél", "cég",
               "partner"),
    "rep": ("rep", "salesperson", "sales person", "sales rep", "owner", "deal owner", "seller",
            "sales manager", "verkäufer", "vertriebler", "értékesítő", "üzletkötő"),
    "product": ("product", "product name", "item", "service", "produkt", "termék",
                "szolgáltatás"),
    "channel": ("channel", "source", "lead source", "source channel", "csatorna", "forrás"),
    "region": ("region", "area", "territory", "country", "régió", "terület"),
    "audience": ("audience", "target audience", "segment", "célcsoport"),
    "customer_type": ("customer type", "deal type", "client type", "ügyféltípus"),
    "stage": ("stage", "deal stage", "pipeline stage", "phase", "szakasz", "fázis"),
    "outcome": ("outcome", "status", "result", "state", "won/lost", "eredmény", "státusz",
                "állapot"),
    "first_contact": ("first contact", "first contact date", "first contacted", "start date",
                      "started", "opened", "erstkontakt", "erster kontakt", "első kapcsolat",
                      "első kapcsolatfelvétel"),
    "closed_on": ("closed on", "close date", "closed", "closed date", "closing date",
                  "date closed", "abgeschlossen am", "abschlussdatum", "lezárva", "lezárás",
                  "lezárás dátuma"),
    "expected_close": ("expected close", "expected close date", "expected closing date",
                       "várható lezárás"),
    "next_step": ("next step", "next action", "next activity", "következő lépés"),
    "amount": ("amount", "value", "deal value", "sum", "price", "revenue", "betrag", "wert",
               "összeg", "érték"),
    "currency": ("currency", "currency code", "pénznem", "deviza"),
    "lost_reason": ("lost reason", "reason lost", "loss reason", "closed lost reason",
                    "elvesztés oka"),
    "notes": ("notes", "note", "comments", "comment", "description", "megjegyzés"),
    "external_id": ("external id", "id", "record id", "deal id", "crm id", "azonosító"),
    "customer_type_set": ("customer type set", "customer type set by hand"),
    "first_contact_inferred": ("first contact inferred",),
}
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
        names = [field_name, normalise_header(FIELD_NAMES[field_name])] if (
            preset is Preset.PLAIN) else []
        names += [normalise_header(n) for n in table.get(field_name, ())]
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


# --- dates ------------------------------------------------------------------------------------

class DateOrder(StrEnum):
    """How a column writes its dates: year first (ISO), day first or month first."""

    YMD = "Y-m-d"
    DMY = "d.m.Y"
    MDY = "m/d/Y"


_DATE = re.compile(
    r"^(\d{1,4})\s*([./-])\s*(\d{1,2})\s*[./-]\s*(\d{1,4})\.?(?:(?:\s+|T)\S.*)?$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (20_000, 80_000)  # 1954..2119: a plain number in a date column is a serial
# A column whose first this many values are all unambiguous (ISO dates, plain integers) is
# taken to be written that way throughout: the file need not be read twice to the end.
SETTLED_AFTER = 1000


def _date_parts(text: str) -> tuple[str, str, str] | None:
    match = _DATE.match(text)
    if match is None:
        return None
    return match.group(1), match.group(3), match.group(4)


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        year += 2000 if year < 69 else 1900
    return year


def excel_serial_date(number: float) -> dt.date:
    """The date of an Excel serial day number (1900 date system, as every current Excel)."""
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


def parse_import_date(text: str, order: DateOrder | None,
                      strptime_format: str | None = None) -> dt.date | None:
    """Read a date cell: ISO or ``order``'s numbers (times ignored), an Excel serial day, or
    the user's ``strptime_format``. Blank gives None; raises ParseError."""
    text = text.strip()
    if not text:
        return None
    if len(text) >= 10 and text[4] == "-" and (len(text) == 10 or text[10] in " T"):
        # ISO, with or without a time, whatever the column's format (as parsing.parse_date
        # does): workbook date cells arrive so. The common case, without the regex.
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    try:
        if strptime_format:
            for candidate in (text, text.split("T")[0], text.split()[0]):
                try:
                    return dt.datetime.strptime(candidate, strptime_format).date()
                except ValueError:
                    continue
            example = dt.date(2026, 3, 31).strftime(strptime_format)
            raise ParseError(f"Not a date in the format {strptime_format} (like {example}).")
        if _SERIAL.match(text):
            number = float(text)
            if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
                return excel_serial_date(number)
        parts = _date_parts(text)
        if parts is None:
            raise ParseError("Not a date: write it like 2026-03-31 or 31.03.2026.")
        a, b, c = parts
        if len(a) >= 3:
            return dt.date(int(a), int(b), int(c))
        if len(c) == 3:
            raise ParseError("Not a date: the year has 3 digits.")
        if order is DateOrder.MDY:
            return dt.date(_year(c), int(a), int(b))
        return dt.date(_year(c), int(b), int(a))
    except ValueError as exc:
        if isinstance(exc, ParseError):
            raise
        raise ParseError(f"Impossible date {text!r}.") from exc


@dataclass(slots=True)
class DateGuess:
    """Infers a date column's day/month order from its values.

    Every value that is neither ISO nor a serial is checked against day-first and month-first;
    the order is known once only one of them fits every value seen.
    """

    day_first_fits: int = 0
    month_first_fits: int = 0
    ambiguous_values: int = 0
    day_month_values: int = 0
    plain_values: int = 0
    example: str = ""

    def add(self, text: str) -> None:
        """Look at one cell."""
        parts = _date_parts(text.strip())
        if parts is None or len(parts[0]) >= 3:
            self.plain_values += parts is not None or bool(_SERIAL.match(text.strip()))
            return
        a, b = int(parts[0]), int(parts[1])
        self.day_month_values += 1
        day_first = 1 <= a <= 31 and 1 <= b <= 12
        month_first = 1 <= a <= 12 and 1 <= b <= 31
        self.day_first_fits += day_first
        self.month_first_fits += month_first
        if day_first and month_first:
            self.ambiguous_values += 1
            self.example = self.example or text.strip()

    @property
    def resolved(self) -> bool:
        """True when more values cannot change the answer."""
        return self.day_month_values > 0 and (
            self.day_first_fits < self.day_month_values
            or self.month_first_fits < self.day_month_values)

    @property
    def settled(self) -> bool:
        """True when the answer is known, or the column's first values are all ISO dates or
        serials (see SETTLED_AFTER)."""
        return self.resolved or (self.day_month_values == 0
                                 and self.plain_values >= SETTLED_AFTER)

    @property
    def ambiguous(self) -> bool:
        """True when every day/month value fits both orders (01.02.2026 and the like)."""
        return self.day_month_values > 0 and not self.resolved

    def order(self, default: DateOrder = DateOrder.DMY) -> DateOrder:
        """The order that fits most values (``default`` when ambiguous or all ISO)."""
        if not self.day_month_values or self.ambiguous:
            return default
        return DateOrder.DMY if self.day_first_fits >= self.month_first_fits else DateOrder.MDY


# --- numbers ----------------------------------------------------------------------------------

_CURRENCY_MARKS = re.compile(r"^[^\d\-+.,]*|[^\d.,]*$")


def strip_currency(text: str) -> str:
    """An amount without a currency symbol or code around it ("€ 1.234,50", "1234 EUR")."""
    text = text.strip()
    if text[:1].isdigit() and text[-1:].isdigit():
        return text  # nothing around the number
    if text.startswith("-"):
        stripped = "-" + _CURRENCY_MARKS.sub("", text[1:])
    else:
        stripped = _CURRENCY_MARKS.sub("", text)
    # Text without digits is left whole, so that validation reports it instead of reading
    # it as a blank (unknown) amount.
    return stripped if any(c.isdigit() for c in stripped) else text


@dataclass(slots=True)
class NumberGuess:
    """Infers an amount column's decimal separator from its values."""

    point: int = 0
    comma: int = 0
    values: int = 0
    plain_values: int = 0

    def add(self, text: str) -> None:
        """Look at one cell."""
        compact = strip_currency(text)
        formats = readable_number_formats(compact)
        if not formats:
            return
        if compact.isdigit():  # no separator: reads the same either way
            self.plain_values += 1
            return
        self.values += 1
        self.point += POINT_DECIMAL in formats
        self.comma += COMMA_DECIMAL in formats

    @property
    def resolved(self) -> bool:
        """True when some value fits only one separator."""
        return self.point < self.values or self.comma < self.values

    @property
    def settled(self) -> bool:
        """True when the answer is known, or the first values are plain integers."""
        return self.resolved or (self.values == 0 and self.plain_values >= SETTLED_AFTER)

    def number_format(self, default: NumberFormat = POINT_DECIMAL) -> NumberFormat:
        """The separator that fits most values (``default`` when every value fits both)."""
        if self.point == self.comma:
            return default
        return POINT_DECIMAL if self.point > self.comma else COMMA_DECIMAL


def describe_number_format(number_format: NumberFormat) -> str:
    """How the wizard and the CLI name a separator choice."""
    return "1,234.50" if number_format == POINT_DECIMAL else "1.234,50"


# --- rows -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReadRules:
    """How the values of a file are read: a date order per date column (header → order), a
    strptime format that overrides them, and the amount column's separators."""

    date_orders: Mapping[str, DateOrder] = field(default_factory=dict)
    date_format: str | None = None
    number_format: NumberFormat = POINT_DECIMAL


@dataclass(frozen=True, slots=True)
class Converted:
    """A row that became a deal, with the stage history the file gives (may be empty)."""

    deal: Deal
    history: tuple[StageEvent, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row left out on purpose (a deleted Pipedrive deal, a blank line)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that cannot become a valid deal: (column or field, message) pairs."""

    problems: tuple[tuple[str, str], ...]

    def reason(self) -> str:
        """All problems in one line."""
        return "; ".join(f"{column}: {message}" if column else message
                         for column, message in self.problems)


RowResult = Converted | Skipped | Rejected


_DATE_MEMO = 100_000


class RowConverter:
    """Converts rows (lists of cell texts in header order) into deals.

    Built once per import: every column index and reading rule is looked up here, so each
    row costs only its own values.
    """

    def __init__(self, headers: Sequence[str], mapping: ColumnMapping, rules: ReadRules,
                 input_rules: InputRules) -> None:
        self.headers = list(headers)
        self.mapping = mapping
        self.rules = rules
        # Amounts are read with the column's separators; dates are handed over as ISO.
        self.input_rules = replace(input_rules, number_format=rules.number_format,
                                   date_formats=())
        index = {h: i for i, h in reversed(list(enumerate(self.headers)))}
        missing = sorted(h for h in mapping.used_headers() if h not in index)
        if missing:
            raise ValueError("The file has no column " + ", ".join(map(repr, missing)) + ".")
        self._columns = {f: index[h] for f, h in mapping.columns.items()}
        self._reads = [(f, index[h], tuple(index[o] for o in mapping.fallbacks.get(f, ())))
                       for f, h in mapping.columns.items()]
        # Dates repeat (a few thousand days across a million rows): each text is read once.
        self._dates: dict[tuple[str, str], dt.date | None] = {}
        self._created = index[mapping.created_column] if (
            mapping.created_column and "first_contact" not in mapping.columns) else None
        self._stage_dates = [(index[h], h, stage) for h, stage in mapping.stage_dates]
        self._split_close = (mapping.columns.get("closed_on") is not None
                             and mapping.columns.get("closed_on")
                             == mapping.columns.get("expected_close"))
        self._outcomes = dict(mapping.outcome_values)

    def _read(self, cells: Sequence[str]) -> tuple[dict[str, str], Mapping[str, str]]:
        """Each mapped field's value, and the header each value comes from: the mapped
        column, or the first of its fallback columns that is not blank."""
        count = len(cells)
        values: dict[str, str] = {}
        sources: Mapping[str, str] = self.mapping.columns
        for name, position, fallbacks in self._reads:
            text = cells[position].strip() if position < count else ""
            if not text:
                for other in fallbacks:
                    if other < count and cells[other].strip():
                        text = cells[other].strip()
                        sources = {**sources, name: self.headers[other]}
                        break
            values[name] = text
        return values, sources

    def column_of(self, field_name: str) -> str:
        """The header a field is read from, for messages."""
        return self.mapping.columns.get(field_name) or FIELD_NAMES.get(field_name, field_name)

    def _date(self, header: str, text: str) -> dt.date | None:
        key = (header, text)
        try:
            return self._dates[key]
        except KeyError:
            pass
        day = parse_import_date(text, self.rules.date_orders.get(header), self.rules.date_format)
        if len(self._dates) >= _DATE_MEMO:  # texts with times can all differ: bound the memo
            self._dates.clear()
        self._dates[key] = day
        return day

    def convert(self, cells: Sequence[str]) -> RowResult:
        """The deal a row describes, why it is skipped, or why it is rejected. Never raises."""
        if not "".join(cells).strip():
            return Skipped("blank row")
        if len(cells) > len(self.headers) and any(c.strip() for c in cells[len(self.headers):]):
            return Rejected((("", f"The row has {len(cells)} cells but the header only"
                                  f" {len(self.headers)}: a delimiter or quote is misplaced."),))
        problems: list[tuple[str, str]] = []
        value, sources = self._read(cells)

        outcome = Outcome.OPEN.value
        named = self._outcomes.get(normalise_value(value.get("outcome", "")))
        if named == SKIP:
            return Skipped(f"{value['outcome'].strip()} in {self.column_of('outcome')}")
        if named in (Outcome.WON.value, Outcome.LOST.value):
            outcome = named
        stage = value.get("stage", "")
        stage_outcome = self._outcomes.get(normalise_value(stage))
        if stage_outcome is not None:
            stage = ""  # won and lost are outcomes, not stages
            if stage_outcome == SKIP:
                return Skipped(f"{value['stage'].strip()} in {self.column_of('stage')}")
            if outcome == Outcome.OPEN.value and stage_outcome != Outcome.OPEN.value:
                outcome = stage_outcome

        dates: dict[str, dt.date | None] = {}
        date_columns: dict[str, str] = {}
        for name in DATE_FIELDS:
            header, text = sources.get(name, ""), value.get(name, "")
            date_columns[name] = header or self.column_of(name)
            try:
                dates[name] = self._date(header, text)
            except ParseError as exc:
                problems.append((date_columns[name], str(exc)))
                dates[name] = None
        inferred = False
        if dates["first_contact"] is None and self._created is not None and (
                "first_contact" not in self._columns):
            created = cells[self._created] if self._created < len(cells) else ""
            try:
                dates["first_contact"] = self._date(self.headers[self._created], created)
                inferred = dates["first_contact"] is not None
            except ParseError as exc:
                problems.append((self.headers[self._created], str(exc)))
        if self._split_close:
            if outcome == Outcome.OPEN.value:
                dates["closed_on"] = None
            else:
                dates["expected_close"] = None

        history: list[StageEvent] = []
        for position, header, stage_name in self._stage_dates:
            text = cells[position] if position < len(cells) else ""
            try:
                entered = self._date(header, text)
            except ParseError as exc:
                problems.append((header, str(exc)))
                continue
            if entered is not None and self._outcomes.get(normalise_value(stage_name)) is None:
                history.append(StageEvent(stage_name, entered))
        history.sort(key=lambda e: e.entered_on)
        if not stage and history:
            stage = history[-1].stage

        customer_type = value.get("customer_type", "")
        if customer_type:
            customer_type = CUSTOMER_TYPE_SYNONYMS.get(normalise_value(customer_type),
                                                       customer_type)
        flags: dict[str, bool] = {}
        for name in FLAG_FIELDS:
            if name in self._columns:
                text = normalise_value(value[name])
                if text in TRUE_VALUES or text in FALSE_VALUES:
                    flags[name] = text in TRUE_VALUES
                else:
                    problems.append((self.column_of(name), "Write yes or no."))

        title = value.get("title", "")
        if not title:  # no title column, or a blank title: DESIGN.md §3 makes one
            title = title_from(value.get("client") or None, value.get("product") or None)
        draft = DealDraft(
            title=title,
            client=value.get("client", ""),
            rep=value.get("rep", ""),
            product=value.get("product", ""),
            channel=value.get("channel", ""),
            region=value.get("region", ""),
            audience=value.get("audience", ""),
            customer_type=customer_type,
            stage=stage,
            outcome=outcome,
            first_contact=_iso(dates["first_contact"]),
            closed_on=_iso(dates["closed_on"]),
            expected_close=_iso(dates["expected_close"]),
            next_step=value.get("next_step", ""),
            amount=strip_currency(value.get("amount", "")),
            currency=value.get("currency", ""),
            lost_reason=value.get("lost_reason", ""),
            notes=value.get("notes", ""),
        )
        external_id = value.get("external_id") or None
        inferred = inferred or flags.get("first_contact_inferred", False)
        # The base carries what the form never shows: validation keeps it on the deal.
        base = Deal(title, external_id=external_id, first_contact=dates["first_contact"],
                    first_contact_inferred=inferred) if external_id or inferred else None
        result = validate_draft(draft, self.input_rules, base)
        unreadable = {column for column, _ in problems}
        for name, message in result.errors.items():
            column = date_columns.get(name) or self.column_of(name)
            if name == "first_contact" and inferred and self.mapping.created_column:
                column = self.mapping.created_column
            if name in DATE_FIELDS and column in unreadable:
                continue  # already reported as unreadable
            problems.append((column, message))
        if problems or result.deal is None:
            return Rejected(tuple(problems))
        deal = result.deal
        if "customer_type_set" in flags and not flags["customer_type_set"]:
            deal = replace(deal, customer_type_set=False)
        return Converted(deal, tuple(history))


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# --- inference over a whole file --------------------------------------------------------------

@dataclass(slots=True)
class Inference:
    """What the values of a file say about how to read them; fed row by row."""

    date_columns: dict[str, tuple[int, DateGuess]]
    amount_column: tuple[int, NumberGuess] | None

    @classmethod
    def for_mapping(cls, headers: Sequence[str], mapping: ColumnMapping) -> Inference:
        """Watch the columns the mapping reads dates and amounts from."""
        index = {h: i for i, h in reversed(list(enumerate(headers)))}
        date_headers = [mapping.columns.get(f) for f in DATE_FIELDS]
        date_headers += [h for f in DATE_FIELDS for h in mapping.fallbacks.get(f, ())]
        date_headers += [mapping.created_column] + [h for h, _ in mapping.stage_dates]
        dates = {h: (index[h], DateGuess()) for h in date_headers if h and h in index}
        amount = mapping.columns.get("amount")
        return cls(dates, (index[amount], NumberGuess()) if amount in index else None)

    def add(self, cells: Sequence[str]) -> None:
        """Look at one row."""
        for position, guess in self.date_columns.values():
            if position < len(cells) and not guess.settled:
                guess.add(cells[position])
        if self.amount_column is not None and not self.amount_column[1].settled:
            position, numbers = self.amount_column
            if position < len(cells):
                numbers.add(cells[position])

    @property
    def settled(self) -> bool:
        """True when further rows would not change any choice."""
        return all(g.settled for _, g in self.date_columns.values()) and (
            self.amount_column is None or self.amount_column[1].settled)

    def rules(self, *, comma_likely: bool = False, date_format: str | None = None
              ) -> tuple[ReadRules, list[str]]:
        """The reading rules and notes saying what was inferred or assumed.

        An ambiguous date column follows the other date columns of the file when one of them
        is decided, else day-first; an ambiguous amount column is read with a decimal comma
        when ``comma_likely`` (a semicolon-separated file), else a decimal point.
        """
        notes: list[str] = []
        decided = [g.order() for _, g in self.date_columns.values() if g.resolved]
        default = decided[0] if decided else DateOrder.DMY
        orders: dict[str, DateOrder] = {}
        for header, (_, guess) in self.date_columns.items():
            orders[header] = guess.order(default)
            if date_format:
                continue
            if guess.ambiguous:
                notes.append(f"Dates in {header!r} fit both day-first and month-first (e.g."
                             f" {guess.example}); read as {orders[header].value}."
                             " Use --date-format to choose.")
            elif guess.day_month_values:
                notes.append(f"Dates in {header!r} read as {orders[header].value}.")
        number_format = POINT_DECIMAL
        if self.amount_column is not None:
            guess_n = self.amount_column[1]
            number_format = guess_n.number_format(COMMA_DECIMAL if comma_likely
                                                  else POINT_DECIMAL)
            if guess_n.values:
                fits = "fit both separators; " if not guess_n.resolved else ""
                notes.append(f"Amounts {fits}read like {describe_number_format(number_format)}.")
        return ReadRules(orders, date_format, number_format), notes


def mapping_notes(mapping: ColumnMapping) -> list[str]:
    """Sentences about the fallbacks a mapping uses, for the summary and the wizard."""
    notes = [f"Detected a {mapping.preset} file."] if mapping.preset != Preset.PLAIN else []
    if "first_contact" not in mapping.columns and mapping.created_column:
        notes.append(f"No first-contact column: {mapping.created_column!r} (the created date)"
                     " is used instead and those deals are marked as inferred.")
    if "title" not in mapping.columns:
        notes.append("No title column: titles are made from client and product.")
    for name, headers in mapping.fallbacks.items():
        notes.append(f"{FIELD_NAMES[name]}: {mapping.columns.get(name)!r}, or when blank "
                     + ", ".join(map(repr, headers)) + ".")
    close = mapping.columns.get("closed_on")
    if close and close == mapping.columns.get("expected_close"):
        notes.append(f"{close!r} is the close date of closed deals and the expected close of"
                     " open ones.")
    if mapping.stage_dates:
        notes.append(f"Stage history from {len(mapping.stage_dates)} 'Date entered' columns.")
    return notes


def unmapped_headers(headers: Iterable[str], mapping: ColumnMapping) -> list[str]:
    """Columns no field reads (shown so the user sees what is left out)."""
    used = mapping.used_headers()
    return [h for h in headers if h.strip() and h not in used
            and normalise_header(h) != REJECTED_COLUMN]


def outcome_of(mapping: ColumnMapping, value: str) -> str:
    """What a value of the outcome column means under ``mapping``: won, lost, open or skip."""
    return mapping.outcome_values.get(normalise_value(value), Outcome.OPEN.value)

