"""Keeping a table's columns inside its window, from 1024 × 700 up (issue 15: at that size the
Deals list hid its dates behind a horizontal scroll bar)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFitter(QObject):
    """Sizes ``table``'s columns whenever its viewport changes size.

    ``fixed`` columns keep their width (short values that must show whole: dates, amounts,
    a stage); ``flexible`` ones, given as (natural width, minimum width, weight), share the
    rest: down to their minimum (then the table scrolls) when room is short, and the room
    beyond their natural widths goes to them by weight. Hidden columns take no room. Once the
    user drags a column's edge, the widths are theirs and the fitter stops.
    """

    def __init__(self, table: QTableView, fixed: Mapping[int, int],
                 flexible: Mapping[int, tuple[int, int, float]]) -> None:
        super().__init__(table)
        self._table = table
        self._fixed = dict(fixed)
        self._flexible = dict(flexible)
        self._fitting = False
        self.user_sized = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._on_section_resized)
        table.viewport().installEventFilter(self)
        self.fit()

    def widths(self, available: int, hidden: Collection[int] = ()) -> dict[int, int]:
        """The width of every shown column for a viewport ``available`` pixels wide."""
        widths = {c: w for c, w in self._fixed.items() if c not in hidden}
        flexible = {c: sizes for c, sizes in self._flexible.items() if c not in hidden}
        room = available - sum(widths.values())
        natural = sum(n for n, _, _ in flexible.values())
        if room >= natural:
            extra = room - natural
            weights = sum(w for _, _, w in flexible.values()) or 1.0
            for column, (width, _, weight) in flexible.items():
                widths[column] = width + int(extra * weight / weights)
            return widths
        # Short of room: shrink in proportion to the natural widths; a column that would go
        # below its minimum keeps the minimum and the others share what is left.
        shrinking = flexible
        left = max(0, room)
        while shrinking:
            scale = left / sum(n for n, _, _ in shrinking.values())
            floored = {c: m for c, (n, m, _) in shrinking.items() if n * scale < m}
            if not floored:
                widths.update({c: int(n * scale) for c, (n, _, _) in shrinking.items()})
                break
            widths.update(floored)
            left = max(0, left - sum(floored.values()))
            for column in floored:
                del shrinking[column]
        return widths

    def fit(self) -> None:
        """Size the columns to the viewport now (unless the user has sized them)."""
        if self.user_sized:
            return
        self._fitting = True
        try:
            hidden = [c for c in range(self._table.horizontalHeader().count())
                      if self._table.isColumnHidden(c)]
            for column, width in self.widths(self._table.viewport().width(), hidden).items():
                self._table.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A table being destroyed still resizes its viewport: leave it alone then.
        if event.type() == QEvent.Type.Resize and shiboken6.isValid(self._table):
            self.fit()
        return super().eventFilter(watched, event)

    def _on_section_resized(self, _index: int, old: int, new: int) -> None:
        # Hiding a column sizes it to 0 and showing it sizes it back: not the user's drag.
        if not self._fitting and old and new:
            self.user_sized = True
