"""The Deals list's table: its columns sized to the window, and chosen from the header's menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QMenu, QStyle, QTableView, QWidget

from salesdesk.domain.deals import Outcome
from salesdesk.i18n import translate
from salesdesk.store import DealColumn
from salesdesk.ui.column_fit import ColumnFitter
from salesdesk.ui.deals.list_model import COLUMNS, DealListModel, format_amount, header_text
from salesdesk.ui.formatting import CurrencyDisplay, date_text

# When it was last changed matters less than what and whose: shown on request, it leaves the
# room a 1024-pixel window needs for the rest.
DEFAULT_HIDDEN = (DealColumn.UPDATED_AT,)


class DealTable(QTableView):
    """The deals of ``model``, newest change first, a row per deal.

    Short values (dates, amounts, the outcome and the ``stages`` of the file) show whole; the
    title and the names share the rest of the width. Right-clicking the header chooses the
    columns shown (the title always shows); right-clicking a row is the tab's to handle
    (``customContextMenuRequested``).
    """

    def __init__(self, model: DealListModel, stages: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deal_table")
        self.setAccessibleName(translate("DealTable", "Deals list"))
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(COLUMNS.index(DealColumn.UPDATED_AT), Qt.SortOrder.DescendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows walk its rows
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(char * 6)
        titles = QFontMetrics(header.font())

        def flexible(column: DealColumn, chars: int, least: int, weight: float
                     ) -> tuple[int, tuple[int, int, float]]:
            # Never narrower than its header: a clipped header leaves the column unnamed.
            least_width = max(char * least, titles.horizontalAdvance(header_text(column)) + 12)
            return COLUMNS.index(column), (char * chars, least_width, weight)

        self.columns = ColumnFitter(self, self._fixed_widths(stages), dict((
            flexible(DealColumn.TITLE, 32, 10, 3.0), flexible(DealColumn.CLIENT, 22, 9, 1.0),
            flexible(DealColumn.REP, 16, 8, 0.5), flexible(DealColumn.PRODUCT, 20, 9, 1.0))))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        self.set_hidden_columns(DEFAULT_HIDDEN)

    def _fixed_widths(self, stages: Sequence[str]) -> dict[int, int]:
        """Columns whose values must show whole: their widest value, or their header with room
        for the sort arrow (dates and amounts as the list writes them, stages of this file)."""
        metrics = self.fontMetrics()
        header = QFontMetrics(self.horizontalHeader().font())
        style = self.style()
        arrow = (2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
                 + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 4)
        cell = 2 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8

        def widest(column: DealColumn, samples: Iterable[str]) -> int:
            return max(header.horizontalAdvance(header_text(column)) + arrow,
                       *(metrics.horizontalAdvance(text) + cell for text in samples))

        dates = [date_text(dt.date(2026, 9, 30))]
        # The currency written either way Preferences offer: the choice can change later.
        amounts = [format_amount(88_888_800, "EUR", QLocale(), display)
                   for display in CurrencyDisplay]
        return {
            COLUMNS.index(DealColumn.STAGE): widest(DealColumn.STAGE, stages),
            COLUMNS.index(DealColumn.OUTCOME): widest(
                DealColumn.OUTCOME, [o.label for o in Outcome]),
            COLUMNS.index(DealColumn.AMOUNT): widest(DealColumn.AMOUNT, amounts),
            **{COLUMNS.index(c): widest(c, dates) for c in (
                DealColumn.FIRST_CONTACT, DealColumn.CLOSED_ON, DealColumn.UPDATED_AT)},
        }

    def hidden_columns(self) -> list[DealColumn]:
        """The columns the user has hidden (right-click the header to choose)."""
        return [c for i, c in enumerate(COLUMNS) if self.isColumnHidden(i)]

    def set_hidden_columns(self, columns: Iterable[DealColumn]) -> None:
        """Show every column but ``columns`` (the title always shows)."""
        hidden = set(columns) - {DealColumn.TITLE}
        for index, column in enumerate(COLUMNS):
            self.setColumnHidden(index, column in hidden)
        self.columns.fit()

    def restore_hidden(self, names: list[str] | None) -> None:
        """Hide the columns saved by name (None: never chosen, so the defaults); names of
        columns this version does not have are passed over."""
        if names is not None:
            self.set_hidden_columns(c for c in DealColumn if c.value in names)

    def _on_header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        hidden = set(self.hidden_columns())
        for column in (c for c in COLUMNS if c is not DealColumn.TITLE):
            action = menu.addAction(header_text(column))
            action.setCheckable(True)
            action.setChecked(column not in hidden)
            action.toggled.connect(
                lambda shown, c=column: self.set_hidden_columns(
                    set(self.hidden_columns()) - {c} if shown
                    else {*self.hidden_columns(), c}))
        menu.exec(self.horizontalHeader().mapToGlobal(position))
