"""Turning rows of another CRM's export or a spreadsheet into deals (pure logic, no files).

The store reads the file and writes the deals; what a column means, how its dates and numbers
are written and whether a row can become a valid deal is decided here:

- ``mapping``: which column feeds which deal field (``ColumnMapping``), value synonyms, and
  the sentences that describe a mapping.
- ``presets``: ``detect_mapping`` recognises Pipedrive and HubSpot deal exports and plain
  spreadsheets (salesdesk's own field names and common synonyms, case-insensitive).
- ``reading``: ``DateGuess`` / ``NumberGuess`` infer a column's date order (d.m.Y vs m/d/Y)
  and decimal separator from all its values until they are unambiguous.
- ``rows``: ``RowConverter`` makes a DealDraft of each row and validates it with
  ``validation.validate_draft``: the same rules as the deal form (DESIGN.md §3).

The names the wizard, the CLI and the store's import engine use are importable from here.
"""

from salesdesk.domain.importing.mapping import (
    IMPORT_FIELDS,
    REJECTED_COLUMN,
    SKIP,
    ColumnMapping,
    Preset,
    mapping_notes,
    normalise_value,
    outcome_of,
    unmapped_headers,
)
from salesdesk.domain.importing.presets import detect_mapping, detect_preset, preset_mapping
from salesdesk.domain.importing.reading import (
    DateGuess,
    DateOrder,
    Inference,
    NumberGuess,
    ReadRules,
    describe_number_format,
    parse_import_date,
    strip_currency,
)
from salesdesk.domain.importing.rows import (
    Converted,
    Rejected,
    RowConverter,
    RowResult,
    Skipped,
)

__all__ = [
    "IMPORT_FIELDS",
    "REJECTED_COLUMN",
    "SKIP",
    "ColumnMapping",
    "Converted",
    "DateGuess",
    "DateOrder",
    "Inference",
    "NumberGuess",
    "Preset",
    "ReadRules",
    "Rejected",
    "RowConverter",
    "RowResult",
    "Skipped",
    "describe_number_format",
    "detect_mapping",
    "detect_preset",
    "mapping_notes",
    "normalise_value",
    "outcome_of",
    "parse_import_date",
    "preset_mapping",
    "strip_currency",
    "unmapped_headers",
]
