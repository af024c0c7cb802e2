"""What an import did (``ImportSummary``): the counts, the rejected rows' reasons grouped with
their first row numbers, and the notes it ends with -- the CLI's JSON summary and the wizard's
last page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesdesk.domain.deals import LookupKind
from salesdesk.domain.importing import Note, NoteKind, Problem, RowConverter
from salesdesk.i18n import translate

# Per-row notes (decided deals without dates) listed before a count of the rest.
LISTED_NOTES = 100
# Row numbers a group of rejected rows lists.
LISTED_ROWS = 5


@dataclass(slots=True)
class RejectedGroup:
    """Rejected rows of one kind (column and message): how many, and the first row numbers."""

    column: str
    message: str
    count: int = 0
    rows: list[int] = field(default_factory=list)

    def describe(self) -> str:
        """A line for the summary: "Amount: Not an amount … — 3 rows (5, 9, 12)"."""
        reason = f"{self.column}: {self.message}" if self.column else self.message
        listed = ", ".join(map(str, self.rows)) + (", …" if self.count > len(self.rows) else "")
        if self.count == 1:
            text = translate("Importing", "{reason} — 1 row ({rows})")
        else:
            text = translate("Importing", "{reason} — {count} rows ({rows})")
        return text.format(reason=reason, count=self.count, rows=listed)


@dataclass(slots=True)
class ImportSummary:
    """What an import did; ``to_dict`` is the CLI's JSON summary."""

    imported: int = 0
    updated: int = 0
    duplicates: int = 0
    ambiguous: int = 0
    skipped: int = 0
    rejected: int = 0
    rejected_file: Path | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    rejected_groups: dict[tuple[str, str], RejectedGroup] = field(default_factory=dict)
    undated: int = 0
    dry_run: bool = False
    deal_ids: list[int] = field(default_factory=list)

    def reject(self, number: int, problems: Sequence[Problem]) -> None:
        """Count a rejected row under each kind of problem it has."""
        self.rejected += 1
        for problem in problems:
            group = self.rejected_groups.setdefault(
                (problem.column, problem.message), RejectedGroup(problem.column,
                                                                 problem.message))
            group.count += 1
            if len(group.rows) < LISTED_ROWS:
                group.rows.append(number)

    def rejected_reasons(self) -> list[str]:
        """The rejected rows' reasons grouped, most frequent first."""
        groups = sorted(self.rejected_groups.values(), key=lambda g: (-g.count, g.rows))
        return [group.describe() for group in groups]

    def to_dict(self) -> dict[str, Any]:
        """The JSON summary of ``salesdesk import``."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "ambiguous": self.ambiguous,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "rejected_file": str(self.rejected_file) if self.rejected_file else None,
            "mapping": dict(self.mapping),
            "unmapped": list(self.unmapped),
            "rejected_reasons": [
                {"column": g.column, "reason": g.message, "rows": g.count,
                 "first_rows": list(g.rows)}
                for g in sorted(self.rejected_groups.values(),
                                key=lambda g: (-g.count, g.rows))],
            "notes": list(self.notes),
        }

    def note_undated(self, number: int, warnings: Sequence[str]) -> None:
        """Count row ``number``, a won or lost deal imported without its dates; its warnings
        are a note for the first LISTED_NOTES such rows."""
        self.undated += 1
        if self.undated <= LISTED_NOTES:
            self.notes.append(Note(translate("Importing", "Row {number}: {warnings}").format(
                number=number, warnings=" ".join(warnings)), NoteKind.ROWS))

    def finish_notes(self, converter: RowConverter, created: set[LookupKind]) -> None:
        """End the notes with what ``converter`` noted and counted, the rows skipped, left
        alone and rejected, the fields not mapped, and the lists ``created`` added to."""
        notes = self.notes
        notes += converter.notes
        if self.undated > LISTED_NOTES:
            notes.append(Note(translate("Importing", "… and {count} more rows like these.").format(
                count=self.undated - LISTED_NOTES), NoteKind.ROWS))
        if self.undated == 1:
            notes.append(translate(
                "Importing", "1 won or lost deal without a close date or first contact was"
                " imported: it counts in conversion, not in deal length (salesdesk report:"
                " length_unknown)."))
        elif self.undated:
            notes.append(translate(
                "Importing", "{count} won or lost deals without a close date or first contact were"
                " imported: they count in conversion, not in deal length (salesdesk report:"
                " length_unknown).").format(count=self.undated))
        if converter.currencies_from_amounts:
            notes.append(translate("Importing", "Currency from the amount's symbol or code:"
                                   " {currencies}.").format(currencies=", ".join(
                (translate("Importing", "{currency} 1 row") if count == 1 else
                 translate("Importing", "{currency} {count} rows")).format(currency=code,
                                                                           count=count)
                for code, count in converter.currencies_from_amounts.most_common())))
        if converter.lost_by_reason == 1:
            notes.append(translate("Importing", "1 row with a lost reason and no won or lost"
                                   " outcome was imported as lost."))
        elif converter.lost_by_reason:
            notes.append(translate("Importing", "{count} rows with a lost reason and no won or lost"
                                   " outcome were imported as lost.").format(
                                       count=converter.lost_by_reason))
        for reason, count in self.skip_reasons.most_common():
            notes.append((translate("Importing", "Skipped 1 row: {reason}.") if count == 1 else
                          translate("Importing", "Skipped {count} rows: {reason}.")).format(
                              count=count, reason=reason))
        if self.ambiguous:
            notes.append((translate(
                "Importing", "Left 1 row alone that matched more than one deal (or shared its deal"
                " with another row): nothing was guessed; it is in the rejected-rows file with the"
                " reason.") if self.ambiguous == 1 else translate(
                "Importing", "Left {count} rows alone that matched more than one deal (or shared"
                " their deal with another row): nothing was guessed; they are in the rejected-rows"
                " file with the reason.")).format(count=self.ambiguous))
        if self.rejected:
            notes.append(Note(self._rejected_heading(), NoteKind.ROWS))
            notes += [Note(f"  {reason}", NoteKind.ROWS) for reason in self.rejected_reasons()]
        if self.unmapped:
            notes.append(Note(translate(
                "Importing", "Not mapped (no column found): {fields}.").format(
                    fields=", ".join(self.unmapped)), NoteKind.UNMAPPED))
        if self.dry_run:
            notes.append(translate("Importing", "Dry run: nothing was written."))
        if created:
            notes.append(translate("Importing", "New list values were added to: {lists}.").format(
                lists=", ".join(sorted(k.label for k in created))))

    def _rejected_heading(self) -> str:
        """The line before the rejected rows' reasons."""
        if self.rejected_file:
            text = (translate("Importing", "Rejected 1 row that cannot become a valid deal; written"
                              " to {file}:") if self.rejected == 1 else
                    translate("Importing", "Rejected {count} rows that cannot become a valid deal;"
                              " written to {file}:"))
        else:
            text = (translate("Importing", "Rejected 1 row that cannot become a valid deal:")
                    if self.rejected == 1 else translate(
                        "Importing", "Rejected {count} rows that cannot become a valid deal:"))
        return text.format(count=self.rejected, file=self.rejected_file)
