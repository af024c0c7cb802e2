"""The Deals list's model: rows come from the store a page at a time, sorted and searched in SQL.

Nothing here holds all deals: with a million of them the model knows the count and the pages
fetched so far; the view asks for more as the user scrolls (canFetchMore/fetchMore).

The count of a search is taken only up to COUNT_CAP: counting every match of a one-letter
search would union nearly a million ids (seconds), while the user waits only for the first
page. Without a search the count walks an index, so it goes up to PLAIN_COUNT_CAP (a small
business always sees its exact count). Past the cap the model says "more than" the cap
(``counted`` is False) and keeps fetching pages until one comes back short, which gives the
exact count. Each fetch asks for one row more than
it keeps, so the last page is recognised even when it is full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFont, QIcon

from salesdesk import paths
from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import Outcome
from salesdesk.domain.fields import FIELDS
from salesdesk.domain.parsing import format_minor_units
from salesdesk.i18n import translate
from salesdesk.store import DealColumn, DealListQuery, DealRow, Store
from salesdesk.ui.formatting import CurrencyDisplay, amount_text, date_text

PAGE_SIZE = 200
# Counting stops here: below it the count is exact, above it the list says "more than".
# Where every condition matches many deals, counting to the cap tests about COUNT_CAP ÷ (the
# share of deals matching) rows, so a small cap keeps even a 2 % match cheap.
COUNT_CAP = 1_000
# Without a search: 100,000 index entries take ~2 ms warm, ~25 ms cold at a million deals.
PLAIN_COUNT_CAP = 100_000
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# Every column of the list, in DealColumn's order, headed as its field declares (in English:
# header_text gives a header in the language shown).
HEADERS: dict[DealColumn, str] = {
    column: header for column in DealColumn
    if (header := FIELDS[column.value].list_header) is not None}
COLUMNS = list(HEADERS)
_RIGHT = {DealColumn.AMOUNT}
_DATES = {DealColumn.FIRST_CONTACT, DealColumn.CLOSED_ON}

Index = QModelIndex | QPersistentModelIndex


def count_cap(query: DealListQuery) -> int:
    """How far a query's matches are counted: COUNT_CAP with a search, else PLAIN_COUNT_CAP."""
    return COUNT_CAP if query.search else PLAIN_COUNT_CAP


def header_text(column: DealColumn) -> str:
    """The header of ``column`` in the language shown."""
    return FIELDS[column.value].header_caption or HEADERS[column]


def format_amount(amount: int | None, currency: str, locale: QLocale,
                  display: CurrencyDisplay | None = None) -> str:
    """Minor units as the user's locale writes money, the currency written as ``display``
    (default: as Preferences say) has it: "1,234.50 EUR" or "€1,234.50"; empty when unknown."""
    if amount is None:
        return ""
    digits = currency_digits().get(currency, 2)
    value = float(format_minor_units(amount, digits))
    return amount_text(value, currency, digits, locale, display)


class DealListModel(QAbstractTableModel):
    """A lazily fetched, SQL-sorted table of deals for the Deals tab.

    Signals:
        count_changed(): ``total`` or ``counted`` changed without a reset or new rows (the
            last page came back empty).
    """

    count_changed = Signal()

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = DealListQuery()
        self._rows: list[DealRow] = []
        self._total = 0
        self._counted = True
        self._locale = QLocale()
        self._badges: Mapping[int, str] = {}
        self._badge_icon: QIcon | None = None
        self._as_of: dt.date | None = None
        self._load(PAGE_SIZE)

    # --- state ---------------------------------------------------------------------------

    @property
    def query(self) -> DealListQuery:
        """The search, filter and sort in force."""
        return self._query

    @property
    def total(self) -> int:
        """How many deals match, fetched or not, when ``counted``; otherwise a lower bound
        (more than ``cap`` match, and at least the rows loaded)."""
        return self._total

    @property
    def counted(self) -> bool:
        """Whether ``total`` is the exact count (False: more than ``cap``, the end not
        fetched yet)."""
        return self._counted

    @property
    def cap(self) -> int:
        """How far the query in force is counted."""
        return count_cap(self._query)

    @property
    def as_of(self) -> dt.date | None:
        """The day outcomes are shown as at (None: today's outcomes)."""
        return self._as_of

    def set_as_of(self, day: dt.date | None) -> None:
        """Show each deal's outcome as it was at the end of ``day``, as figures counted by
        close date count it: a deal closed later shows as open (None: as today)."""
        if day != self._as_of:
            self._as_of = day
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def _closed_later(self, row: DealRow) -> bool:
        return (self._as_of is not None and row.outcome.is_closed and row.closed_on is not None
                and dt.date.fromisoformat(row.closed_on) > self._as_of)

    def set_store(self, store: Store) -> None:
        """Show another file's deals."""
        self._store = store
        self.reload()

    def set_query(self, query: DealListQuery) -> None:
        """Show the deals of ``query`` from the top."""
        if query != self._query:
            self._query = query
            self.beginResetModel()
            self._load(PAGE_SIZE)
            self.endResetModel()

    def reload(self) -> None:
        """Fetch again after the data changed, keeping as many rows as were loaded."""
        self.beginResetModel()
        self._load(max(PAGE_SIZE, len(self._rows)))
        self.endResetModel()

    def _load(self, count: int) -> None:
        cap = self.cap
        found = self._store.list_count_up_to(self._query, cap + 1)
        rows = self._store.list_rows(self._query, 0, count + 1) if found else []
        self._rows = rows[:count]
        if found <= cap:
            self._total, self._counted = found, True
        elif len(rows) <= count:  # no row beyond those kept: every match is loaded
            self._total, self._counted = len(rows), True
        else:
            self._total, self._counted = max(found, count + 1), False

    @property
    def badges(self) -> Mapping[int, str]:
        """Deal id → the note of a deal that needs attention (the deals dragging on)."""
        return self._badges

    def set_badges(self, badges: Mapping[int, str]) -> None:
        """Mark the deals ``badges`` names with an icon and their note in the tooltip (the
        main window hands over the Growth points' deals dragging on)."""
        self._badges = badges
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.DecorationRole,
                                   Qt.ItemDataRole.ToolTipRole])

    def deal_id(self, row: int) -> int:
        """The id of the deal shown in ``row``."""
        return self._rows[row].id

    def row_of(self, deal_id: int) -> int | None:
        """The row showing ``deal_id`` among the loaded rows, if any."""
        for row, deal in enumerate(self._rows):
            if deal.id == deal_id:
                return row
        return None

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        if parent.isValid():
            return False
        return not self._counted or len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        page = self._store.list_rows(self._query, len(self._rows), PAGE_SIZE + 1)
        more, page = len(page) > PAGE_SIZE, page[:PAGE_SIZE]
        loaded = len(self._rows) + len(page)
        if not more:
            # The last page (or the data changed since the count): now the count is known.
            self._total, self._counted = loaded, True
        else:
            self._total = max(self._total, loaded + 1)
        if not page:
            self.count_changed.emit()
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), loaded - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if column is DealColumn.TITLE and row.id in self._badges:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon()
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{row.title}\n\n{self._badges[row.id]}"
        if role == Qt.ItemDataRole.ToolTipRole and column is DealColumn.TITLE:
            return row.title
        if column is DealColumn.OUTCOME and self._closed_later(row):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                assert self._as_of is not None and row.closed_on is not None
                return (translate("DealListModel", "Open on {day}, the end of the period the"
                                  " figures count; won on {closed}")
                        if row.outcome is Outcome.WON else
                        translate("DealListModel", "Open on {day}, the end of the period the"
                                  " figures count; lost on {closed}")).format(
                    day=date_text(self._as_of, self._locale),
                    closed=date_text(row.closed_on, self._locale))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DEAL_ID_ROLE:
            return row.id
        return None

    def _icon(self) -> QIcon:
        if self._badge_icon is None:  # made on first use: a QIcon needs the application
            self._badge_icon = QIcon(str(paths.resource("icons/dragging.svg")))
        return self._badge_icon

    def _display(self, row: DealRow, column: DealColumn) -> str:
        if column is DealColumn.AMOUNT:
            return format_amount(row.amount, row.currency, self._locale)
        if column is DealColumn.OUTCOME:
            return (Outcome.OPEN if self._closed_later(row) else row.outcome).label
        if column in _DATES:
            return date_text(row.value(column), self._locale)
        if column is DealColumn.UPDATED_AT:
            return self._updated(row.updated_at)
        value = row.value(column)
        return "" if value is None else str(value)

    def _updated(self, stamp: str) -> str:
        moment = dt.datetime.fromisoformat(stamp).astimezone()
        if moment.date() == dt.date.today():
            return self._locale.toString(QTime(moment.hour, moment.minute),
                                         QLocale.FormatType.ShortFormat)
        return date_text(moment.date(), self._locale)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("DealListModel",
                             "Click to sort; right-click to choose the columns shown")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            query = self._query
            self.set_query(DealListQuery(query.search, query.outcome, COLUMNS[column],
                                         descending, query.deal_ids))
