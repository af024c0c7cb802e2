"""Turning rows of another CRM's export or a spreadsheet into deals (pure logic, no files).

The store reads the file and writes the deals; what a column means, how its dates and numbers
are written and whether a row can become a valid deal is decided here:

- ``mapping``: which column feeds which deal field (``ColumnMapping``), value synonyms, and
  the sentences that describe a mapping.
- ``presets``: ``detect_mapping`` recognises Pipedrive and HubSpot deal exports and plain
  spreadsheets (salesdesk's own field names and common synonyms, case-insensitive).
- ``reading``: dates (month names, times after them) and amounts (a currency symbol or code
  around them); ``DateGuess`` / ``NumberGuess`` infer a column's date order (d.m.Y vs m/d/Y)
  and decimal separator from all its values until they are unambiguous.
- ``guessing``: files without a header row: ``looks_headerless`` tells one,
  ``guess_mapping`` reads what its columns hold from their values.
- ``notes``: the sentences an import writes for the user, each with its ``NoteKind``.
- ``rows``: ``RowConverter`` reads each row with the deal form's validation helpers and the
  same rules across fields (DESIGN.md §3); decided deals may lack dates (with a warning).
- ``batch``: ``BatchConverter`` reads a batch of rows column by column with a converter's
  readers (a big import's fast path), leaving the rows it cannot settle to the converter.

The names the wizard, the CLI and the store's import engine use are importable from here.
"""

from salesdesk.domain.importing.batch import WRITTEN_FIELDS, Batch, BatchConverter
from salesdesk.domain.importing.guessing import (
    SAMPLE_ROWS,
    guess_mapping,
    looks_headerless,
    numbered_headers,
)
from salesdesk.domain.importing.mapping import (
    IMPORT_FIELDS,
    REJECTED_COLUMN,
    SKIP,
    ColumnMapping,
    Preset,
    mapping_notes,
    missing_essentials,
    normalise_value,
    outcome_of,
    unmapped_fields,
    unmapped_headers,
)
from salesdesk.domain.importing.notes import Note, NoteKind, note_kind
from salesdesk.domain.importing.presets import detect_mapping, detect_preset, preset_mapping
from salesdesk.domain.importing.reading import (
    DateGuess,
    DateOrder,
    Inference,
    NumberGuess,
    ReadRules,
    describe_number_format,
    parse_import_date,
    split_amount,
)
from salesdesk.domain.importing.rows import (
    Converted,
    Problem,
    Rejected,
    RowConverter,
    RowResult,
    Skipped,
)

__all__ = [
    "IMPORT_FIELDS",
    "REJECTED_COLUMN",
    "SAMPLE_ROWS",
    "SKIP",
    "WRITTEN_FIELDS",
    "Batch",
    "BatchConverter",
    "ColumnMapping",
    "Converted",
    "DateGuess",
    "DateOrder",
    "Inference",
    "Note",
    "NoteKind",
    "NumberGuess",
    "Preset",
    "Problem",
    "ReadRules",
    "Rejected",
    "RowConverter",
    "RowResult",
    "Skipped",
    "describe_number_format",
    "detect_mapping",
    "detect_preset",
    "guess_mapping",
    "looks_headerless",
    "mapping_notes",
    "missing_essentials",
    "normalise_value",
    "note_kind",
    "numbered_headers",
    "outcome_of",
    "parse_import_date",
    "preset_mapping",
    "split_amount",
    "unmapped_fields",
    "unmapped_headers",
]
