"""The deals dragging on: a tree of salespeople and their open deals past the limit, and the
badges the Deals list shows on them.

A million-deal business can have a hundred thousand dragging deals, so neither holds a row
object per deal: the tree reads :class:`DraggingDeals`' columns, loads a salesperson's deals
a page at a time when the row is expanded (with their titles, read from the store for that
page), and a badge's text is written when the list asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from salesdesk.domain.growth import DraggingDeal, DraggingDeals
from salesdesk.domain.slice_spec import none_label
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.growth_report import basis_text, percent

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
PAGE_SIZE = 200
NO_REP = QT_TRANSLATE_NOOP("DraggingModel", "(no salesperson)")
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""A deal row's deal id (None on a salesperson's row)."""

TitleReader = Callable[[Sequence[int]], Mapping[int, str]]


def badge_text(deal: DraggingDeal) -> str:
    """What the Deals list says about a deal dragging on."""
    return translate("DraggingModel", "Dragging on: {explanation}").format(
        explanation=deal.explanation)


class DraggingBadges(Mapping[int, str]):
    """Deal id → badge text of the deals dragging on; ``positions`` maps each id to its place
    in ``deals`` (built off the GUI thread with the report)."""

    def __init__(self, deals: DraggingDeals, positions: Mapping[int, int]) -> None:
        self._deals = deals
        self._positions = positions

    @classmethod
    def of(cls, deals: DraggingDeals) -> DraggingBadges:
        """The badges of ``deals``, indexed by deal id."""
        return cls(deals, {deal_id: i for i, deal_id in enumerate(deals.deal_ids)})

    def __getitem__(self, deal_id: int) -> str:
        return badge_text(self._deals[self._positions[deal_id]])

    def __contains__(self, deal_id: object) -> bool:
        return deal_id in self._positions

    def __iter__(self) -> Iterator[int]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)


class DraggingModel(QAbstractItemModel):
    """Salespeople (top-level rows, in the report's order) and their deals dragging on,
    oldest first, loaded a page at a time (``canFetchMore``/``fetchMore``) when expanded."""

    HEADERS = (QT_TRANSLATE_NOOP("DraggingModel", "Salesperson / deal"),
               QT_TRANSLATE_NOOP("DraggingModel", "Product"),
               QT_TRANSLATE_NOOP("DraggingModel", "Age"),
               QT_TRANSLATE_NOOP("DraggingModel", "Usual length"),
               QT_TRANSLATE_NOOP("DraggingModel", "Limit"),
               QT_TRANSLATE_NOOP("DraggingModel", "Measured against"),
               QT_TRANSLATE_NOOP("DraggingModel", "Won at this age"))
    """The columns' English titles (:meth:`header` gives them translated)."""

    @classmethod
    def header(cls, section: int) -> str:
        """The title of column ``section``, translated."""
        return translate("DraggingModel", cls.HEADERS[section])

    def __init__(self, titles: TitleReader, parent: Any = None) -> None:
        super().__init__(parent)
        self._titles_of = titles
        self._reps: list[str | None] = []
        self._deals: list[DraggingDeals] = []
        self._loaded: list[int] = []
        self._titles: dict[int, str] = {}
        self._locale = QLocale()

    def set_deals(self, runs: Mapping[str | None, DraggingDeals]) -> None:
        """Show the deals dragging on per salesperson (``DraggingDeals.by_rep``), in order."""
        self.beginResetModel()
        self._reps = list(runs)
        self._deals = list(runs.values())
        self._loaded = [0] * len(runs)
        self._titles = {}
        self.endResetModel()

    def deal_ids(self, index: Index) -> frozenset[int]:
        """The deals of a row: a deal's own id, or every one of a salesperson's."""
        if not index.isValid():
            return frozenset()
        if index.internalId() == 0:
            return frozenset(self._deals[index.row()].deal_ids)
        return frozenset({self._deals[index.internalId() - 1].deal_ids[index.row()]})

    def rep(self, index: Index) -> str | None:
        """The salesperson of a row (None: none, or no row)."""
        if not index.isValid():
            return None
        group = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._reps[group]

    # --- Qt model interface --------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    @overload
    def parent(self, /) -> QObject: ...
    @overload
    def parent(self, child: Index, /) -> QModelIndex: ...

    def parent(self, child: Index | None = None, /) -> QObject | QModelIndex:
        # Without an index this is QObject.parent(), the model's owner, as in Qt.
        if child is None:
            return super().parent()
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._reps)
        if parent.internalId() == 0 and parent.column() == 0:
            return self._loaded[parent.row()]
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._reps)
        return parent.internalId() == 0 and parent.column() == 0

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        if not parent.isValid() or parent.internalId() != 0 or parent.column() != 0:
            return False
        return self._loaded[parent.row()] < len(self._deals[parent.row()])

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        group = parent.row()
        start = self._loaded[group]
        end = min(start + PAGE_SIZE, len(self._deals[group]))
        ids = self._deals[group].deal_ids[start:end]
        self._titles.update(self._titles_of(ids.tolist()))
        self.beginInsertRows(parent, start, end - 1)
        self._loaded[group] = end
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == DISPLAY
                and 0 <= section < len(self.HEADERS)):
            return self.header(section)
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._rep_data(index, role)
        deal = self._deals[index.internalId() - 1][index.row()]
        if role == DISPLAY:
            return self._deal_text(deal, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            title = self._titles.get(deal.deal_id)
            return f"{title}\n\n{deal.explanation}" if title else deal.explanation
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.column() <= 4:
            return RIGHT
        if role == DEAL_ID_ROLE:
            return deal.deal_id
        return None

    def _rep_data(self, index: Index, role: int) -> Any:
        if role != DISPLAY or index.column() != 0:
            return None
        rep, count = self._reps[index.row()], len(self._deals[index.row()])
        if count == 1:
            text = translate("DraggingModel", "{rep} — {count} deal dragging on")
        else:
            text = translate("DraggingModel", "{rep} — {count} deals dragging on")
        return text.format(rep=rep or translate("DraggingModel", NO_REP),
                           count=self._locale.toString(count))

    def _deal_text(self, deal: DraggingDeal, column: int) -> str | None:
        locale = self._locale
        if column == 0:
            title = self._titles.get(deal.deal_id)
            return (f"#{deal.deal_id} {title}" if title
                    else translate("DraggingModel", "Deal #{id}").format(id=deal.deal_id))
        in_days = translate("DraggingModel", "{days} days")
        if column == 1:
            return deal.product or none_label()
        if column == 2:
            return in_days.format(days=locale.toString(deal.age_days))
        if column == 3:
            return translate("DraggingModel", "{days} days (n = {count})").format(
                days=f"{deal.average_days:.0f}", count=locale.toString(deal.basis_closed))
        if column == 4:
            return in_days.format(days=f"{deal.limit_days:.0f}")
        if column == 5:
            return basis_text(deal.basis).capitalize()
        if column == 6:
            if deal.win_share is None:
                return translate("DraggingModel", "— (none that late)")
            return translate("DraggingModel", "{share} ({won} of {count})").format(
                share=percent(deal.win_share), won=deal.won_at_age, count=deal.at_age)
        return None
