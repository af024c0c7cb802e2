"""What ``plan_import`` decides before an import writes a row (see ``importing``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from salesdesk.domain.importing import ColumnMapping, DateOrder, ReadRules, RowConverter
from salesdesk.domain.validation import InputRules
from salesdesk.store.import_files import SourceInfo, SourceOptions


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Everything decided before rows are written: the file, its mapping and reading rules.

    ``headerless``: the first row looks like data, not column names (read again with
    ``SourceOptions(no_header=True)``). ``missing``: the essential fields that were not
    found when none was (see ``domain.importing.missing_essentials``); ``unmapped``: every
    field no column feeds. ``source_notes``: those of ``notes`` that say what the planning's
    reading found in the file's lines (a line's encoding, a stray byte-order mark, a quote
    left open); the import reads every line and says them again, complete.
    """

    path: Path
    info: SourceInfo
    source_options: SourceOptions
    headers: tuple[str, ...]
    mapping: ColumnMapping
    rules: ReadRules
    notes: tuple[str, ...] = ()
    headerless: bool = False
    missing: tuple[str, ...] = ()
    unmapped: tuple[str, ...] = ()
    source_notes: tuple[str, ...] = ()

    def converter(self, input_rules: InputRules,
                  date_order_of: Callable[[str], DateOrder] | None = None) -> RowConverter:
        """The row converter for this plan."""
        return RowConverter(self.headers, self.mapping, self.rules, input_rules,
                            date_order_of)
