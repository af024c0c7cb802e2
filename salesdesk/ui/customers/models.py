"""Qt models of the Customers tab.

Most tables are read-only lists of domain records: :class:`RecordsModel` shows them through a
tuple of :class:`Column` s (text, sort key, alignment, tooltip), and sorting is a proxy's job
(its sort role is the column's sort key). The comments list is filtered by
:class:`CommentsFilter` with the domain's own rule (``domain.nps.matches``). The competitor
table is editable: an edit is handed out as a request (:attr:`StepsModel.edit_requested`), so
it becomes an undo command instead of changing the model directly.

Column headers and header tooltips are English, marked ``QT_TRANSLATE_NOOP("RecordsModel", …)``
where the tables are written; :class:`RecordsModel` translates them when it shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from salesdesk.domain.competitors import CompetitorNotes
from salesdesk.domain.nps import Response, ScoreGroup, matches
from salesdesk.i18n import translate

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """One column: its header, the text of a record, the key it sorts by (default: the
    text), right-aligned numbers, a tooltip per record and one for the header. ``header`` and
    ``header_tip`` are English (translated in the "RecordsModel" context when shown); the
    texts and tooltips per record are computed when shown, in the language shown."""

    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    right: bool = False
    tooltip: Callable[[T], str] | None = None
    header_tip: str = ""


def none_last(value: float | None) -> tuple[int, float]:
    """A sort key putting undefined figures after every number."""
    return (1, 0.0) if value is None else (0, value)


class RecordsModel(QAbstractTableModel, Generic[T]):
    """A read-only table of records, one per row."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Iterable[T]) -> None:
        """Show ``rows`` (a real reload: the model is reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_header(self, section: int, header: str) -> None:
        """Rename a column's header (English, or text already in the language shown)."""
        self._columns = tuple(replace(c, header=header) if i == section else c
                              for i, c in enumerate(self._columns))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)

    @property
    def rows(self) -> list[T]:
        """The records shown, in model order."""
        return list(self._rows)

    def record(self, row: int) -> T | None:
        """The record of a model row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == DISPLAY:
            return translate("RecordsModel", self._columns[section].header)
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].header_tip:
            return translate("RecordsModel", self._columns[section].header_tip)
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == DISPLAY:
            return column.text(record)
        if role == SORT_ROLE:
            return (column.sort or column.text)(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        return None


class SortedProxy(QSortFilterProxyModel):
    """Sorts by the records' sort keys (so numbers sort as numbers, "—" last)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class CommentsFilter(SortedProxy):
    """The comments list: responses whose comment, client or product hold every typed word,
    in the chosen score groups (all when none is chosen)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._groups: frozenset[ScoreGroup] | None = None

    def set_text(self, text: str) -> None:
        """Filter by words."""
        self.beginFilterChange()
        self._text = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_groups(self, groups: Iterable[ScoreGroup] | None) -> None:
        """Filter by score group (None: every group)."""
        self.beginFilterChange()
        self._groups = None if groups is None else frozenset(groups)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RecordsModel)
        record = model.record(source_row)
        if not isinstance(record, Response):
            return False
        return matches(record, self._text, self._groups)


class StepsModel(QAbstractTableModel):
    """A competitor's steps: the step, what we do, what they do. Editing a cell (or typing in
    the empty last row, which adds a step) emits ``edit_requested(row, column, text)``; the
    view turns it into an undo command and the model is reloaded from the store.

    Signals:
        edit_requested(int, int, str): a cell's new text (row == len(steps): a new step).
    """

    edit_requested = Signal(int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notes = CompetitorNotes("")
        self.headers = (translate("StepsModel", "Step"), translate("StepsModel", "We"),
                        translate("StepsModel", "They"))

    def set_notes(self, notes: CompetitorNotes) -> None:
        """Show ``notes``."""
        self.beginResetModel()
        self.notes = notes
        name = notes.competitor or translate("StepsModel", "Competitor")
        self.headers = (translate("StepsModel", "Step"), translate("StepsModel", "We"), name)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.notes.competitor else len(self.notes.steps) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return "+" if section == len(self.notes.steps) else str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        steps = self.notes.steps
        if index.row() == len(steps):
            if role == DISPLAY and index.column() == 0:
                return ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("StepsModel", "Type here to add a step")
            return None
        step = steps[index.row()]
        value = (step.step, step.ours, step.theirs)[index.column()]
        if role in (DISPLAY, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value)
        steps = self.notes.steps
        if index.row() < len(steps):
            step = steps[index.row()]
            if text.strip() == (step.step, step.ours, step.theirs)[index.column()]:
                return False
        elif not text.strip():
            return False
        self.edit_requested.emit(index.row(), index.column(), text)
        return True
