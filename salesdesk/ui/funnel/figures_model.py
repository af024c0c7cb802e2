"""The figures table beside the charts: one row for the whole slice, one per group."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from salesdesk.domain.metrics import Figures
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui import formatting

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_LABEL = QT_TRANSLATE_NOOP("FiguresModel", "All deals in the slice")


def percent(value: float | None, locale: QLocale | None = None) -> str:
    """A fraction as the table shows it, to a tenth of a percent ("42.5 %"), or "—"."""
    return formatting.percent(value, 1, locale)


def days(value: float | None, locale: QLocale | None = None) -> str:
    """Days as the table shows them, with one decimal, or "—"."""
    return formatting.number(value, 1, locale)


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    text: Callable[[Figures, QLocale, str], str]
    key: Callable[[Figures], float | int | None]
    tip: str


COLUMNS: tuple[_Column, ...] = (
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Deals"),
            lambda f, loc, c: formatting.count(f.deals, loc), lambda f: f.deals,
            QT_TRANSLATE_NOOP("FiguresModel", "won + lost + open deals counted in the period")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Open"),
            lambda f, loc, c: formatting.count(f.open, loc), lambda f: f.open,
            QT_TRANSLATE_NOOP("FiguresModel", "deals open at the end of the period")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Won"),
            lambda f, loc, c: formatting.count(f.won, loc), lambda f: f.won,
            QT_TRANSLATE_NOOP("FiguresModel", "won deals")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Lost"),
            lambda f, loc, c: formatting.count(f.lost, loc), lambda f: f.lost,
            QT_TRANSLATE_NOOP("FiguresModel", "lost deals")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Conversion"),
            lambda f, loc, c: percent(f.conversion, loc)
            + (translate("FiguresModel", " (too few)") if f.too_few and f.conversion is not None
               else ""),
            lambda f: f.conversion,
            QT_TRANSLATE_NOOP("FiguresModel", "won ÷ (won + lost); open deals are not counted")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Likely range"),
            lambda f, loc, c: "—" if f.conversion_low is None else
            f"{f.conversion_low * 100:.0f}–{(f.conversion_high or 0) * 100:.0f} %",
            lambda f: f.conversion_low, formatting.LIKELY_RANGE_TIP),  # context "Formatting"
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Avg length (days)"),
            lambda f, loc, c: days(f.avg_deal_length_days, loc),
            lambda f: f.avg_deal_length_days,
            QT_TRANSLATE_NOOP("FiguresModel",
                              "mean days from first contact to close over won and lost deals")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Median (days)"),
            lambda f, loc, c: days(f.median_deal_length_days, loc),
            lambda f: f.median_deal_length_days,
            QT_TRANSLATE_NOOP("FiguresModel", "median deal length of closed deals")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Won avg"),
            lambda f, loc, c: days(f.avg_deal_length_won_days, loc),
            lambda f: f.avg_deal_length_won_days,
            QT_TRANSLATE_NOOP("FiguresModel", "average length of won deals")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Lost avg"),
            lambda f, loc, c: days(f.avg_deal_length_lost_days, loc),
            lambda f: f.avg_deal_length_lost_days,
            QT_TRANSLATE_NOOP("FiguresModel", "average length of lost deals")),
    _Column(QT_TRANSLATE_NOOP("FiguresModel", "Won amount"),
            lambda f, loc, c: formatting.money(f.won_amount, c, loc), lambda f: f.won_amount,
            QT_TRANSLATE_NOOP("FiguresModel",
                              "sum of won deals with a known amount, in the base currency")),
)
"""The table's columns: English titles and tooltips, translated where shown."""


class FiguresModel(QAbstractTableModel):
    """A sortable table of figures; row 0 (the whole slice) stays on top."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._by_label = translate("FiguresModel", "Group")
        self._overall: Figures | None = None
        self._groups: list[tuple[str, Figures]] = []
        self._report_order: tuple[tuple[str, Figures], ...] = ()
        self._currency = ""
        self._locale = QLocale()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_figures(self, by_label: str, overall: Figures,
                    groups: Sequence[tuple[str, Figures]], currency: str) -> None:
        """Show a slice's figures (groups in report order until the user sorts)."""
        self.beginResetModel()
        self._by_label = by_label
        self._overall = overall
        self._report_order = tuple(groups)
        self._groups = list(groups)
        self._currency = currency
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def label(self, row: int) -> str | None:
        """The group label of ``row``; None for the whole-slice row."""
        return None if row == 0 else self._groups[row - 1][0]

    def figures_at(self, row: int) -> Figures | None:
        """The figures shown in ``row``."""
        if row == 0:
            return self._overall
        return self._groups[row - 1][1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self._overall is None:
            return 0
        return 1 + len(self._groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row, column = index.row(), index.column()
        figures = self.figures_at(row)
        assert figures is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return (translate("FiguresModel", ALL_LABEL) if row == 0
                        else self._groups[row - 1][0])
            return COLUMNS[column - 1].text(figures, self._locale, self._currency)
        if role == SORT_ROLE:
            return self.label(row) if column == 0 else COLUMNS[column - 1].key(figures)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and figures.too_few and row > 0:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            if figures.too_few:
                return translate("FiguresModel",
                                 "n = {count} decided deals — too few to judge").format(
                    count=figures.decided)
            return translate("FiguresModel", "n = {count} decided deals").format(
                count=figures.decided)
        if role == Qt.ItemDataRole.FontRole and row == 0:
            font = QApplication.font()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._by_label if section == 0
                    else translate("FiguresModel", COLUMNS[section - 1].title))
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            tip = COLUMNS[section - 1].tip
            if tip == formatting.LIKELY_RANGE_TIP:
                return translate("Formatting", tip)
            return translate("FiguresModel", tip)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the groups by ``column``; -1 puts them back in report order."""
        if column > len(COLUMNS):
            return
        self._sort = (column, order) if column >= 0 else None
        self.beginResetModel()  # a handful of rows: a reset is simpler than moving persistents
        if self._sort is None:
            self._groups = list(self._report_order)
        else:
            self._apply_sort(column, order)
        self.endResetModel()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        def key(group: tuple[str, Figures]) -> tuple[int, Any]:
            value: Any = group[0].casefold() if column == 0 else COLUMNS[column - 1].key(group[1])
            # Undefined figures ("—") sort last either way.
            return (1, 0) if value is None else (0, value)

        defined = [g for g in self._groups if key(g)[0] == 0]
        undefined = [g for g in self._groups if key(g)[0] == 1]
        defined.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._groups = defined + undefined

    def rows(self, rows: Sequence[int] | None = None) -> list[list[str]]:
        """The header and the table's text (or some rows'), as shown."""
        chosen = range(self.rowCount()) if rows is None else sorted(rows)
        columns = range(self.columnCount())
        header = [str(self.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        return [header, *([str(self.index(r, c).data()) for c in columns] for r in chosen)]

    def as_tsv(self, rows: Sequence[int] | None = None) -> str:
        """The table (or some rows) as tab-separated text with a header line."""
        return "".join("\t".join(cells) + "\n" for cells in self.rows(rows))
