"""Why deals are lost, by slice (issue 17): which reasons dominate for which channel, product,
salesperson, … .

Counts are lost deals closed in the period (DESIGN.md §4), per value of the chosen dimension
and per lost reason; a lost deal without a reason counts under None ("no reason given"). The
table lists the values with the most lost deals first, and the reasons most given first
(None last); values beyond ``max_values`` are summed into one "other values" row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from salesdesk.domain.slices import Dimension
from salesdesk.i18n import QT_TRANSLATE_NOOP

NO_REASON = QT_TRANSLATE_NOOP("LostReasons", "(no reason given)")
"""How a lost deal without a reason is named (``translate("LostReasons", NO_REASON)`` on
screen)."""
OTHER_VALUES = QT_TRANSLATE_NOOP("LostReasons", "(other values)")
"""The value of the row summing the values beyond ``max_values`` (translated likewise on
screen)."""
DEFAULT_MAX_VALUES = 12


@dataclass(frozen=True, slots=True)
class LostReasonTable:
    """Lost deals per value (rows) and reason (columns)."""

    dimension: Dimension
    values: tuple[str | None, ...]
    reasons: tuple[str | None, ...]
    counts: tuple[tuple[int, ...], ...]
    values_total: int = 0

    def total(self, row: int) -> int:
        """Lost deals of one value."""
        return sum(self.counts[row])

    def reason_total(self, column: int) -> int:
        """Lost deals of one reason over every value."""
        return sum(row[column] for row in self.counts)

    @property
    def lost(self) -> int:
        """Every lost deal counted."""
        return sum(map(sum, self.counts))

    def dominant(self, row: int) -> tuple[str | None, float] | None:
        """The reason given most for a value with its share of that value's lost deals (ties:
        the reason listed first); None for a value without lost deals."""
        total = self.total(row)
        if not total:
            return None
        best = max(range(len(self.reasons)), key=lambda c: (self.counts[row][c], -c))
        return self.reasons[best], self.counts[row][best] / total


def _key(value: str | None, count: int) -> tuple[int, int, str, str]:
    if value is None:
        return (1, 0, "", "")
    return (0, -count, value.casefold(), value)


def lost_reason_table(groups: Iterable[tuple[str | None, str | None, int]],
                      dimension: Dimension, max_values: int = DEFAULT_MAX_VALUES
                      ) -> LostReasonTable:
    """The table from (value, reason, lost deals) triples (repeats are added up)."""
    cells: dict[tuple[str | None, str | None], int] = defaultdict(int)
    by_value: dict[str | None, int] = defaultdict(int)
    by_reason: dict[str | None, int] = defaultdict(int)
    for value, reason, lost in groups:
        if lost <= 0:
            continue
        cells[value, reason] += lost
        by_value[value] += lost
        by_reason[reason] += lost
    values: list[str | None] = sorted(by_value, key=lambda v: _key(v, by_value[v]))
    reasons = tuple(sorted(by_reason, key=lambda r: _key(r, by_reason[r])))
    shown, rest = values[:max_values], values[max_values:]
    if len(rest) == 1:  # an "other values" row of one value would only hide its name
        shown, rest = values, []
    counts = [tuple(cells.get((value, reason), 0) for reason in reasons) for value in shown]
    labels: list[str | None] = list(shown)
    if rest:
        counts.append(tuple(sum(cells.get((value, reason), 0) for value in rest)
                            for reason in reasons))
        labels.append(OTHER_VALUES)
    return LostReasonTable(dimension, tuple(labels), reasons, tuple(counts), len(values))
