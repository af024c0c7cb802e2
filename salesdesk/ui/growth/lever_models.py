"""Qt models of the Growth points tab's ranked levers and watch list, over the report's own
tuples (``domain.growth``): one row per lever or watched value, in the report's order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from salesdesk.domain.growth import (
    Factor,
    Lever,
    Metric,
    Reference,
    TrendPoint,
    WatchItem,
    WatchReason,
)
from salesdesk.domain.slice_spec import dimension_label, value_label
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.growth_report import factor_advice, lever_interval_text, percent

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`Lever` or :class:`WatchItem`."""
TREND_ROLE = Qt.ItemDataRole.UserRole + 2
"""In the trend column: (the trend's figures, None where a period has none; the reference)."""

FACTOR_NAMES: dict[Factor, str] = {
    Factor.STAFF: QT_TRANSLATE_NOOP("LeverModels", "Staff qualification"),
    Factor.TOUCHPOINTS: QT_TRANSLATE_NOOP("LeverModels", "Touchpoints"),
    Factor.PRODUCT: QT_TRANSLATE_NOOP("LeverModels", "Product"),
    Factor.TARGET_CUSTOMER: QT_TRANSLATE_NOOP("LeverModels", "Target customer"),
    Factor.PROCESS: QT_TRANSLATE_NOOP("LeverModels", "Business process"),
}
"""A factor's name in the tables' Factor column (English; translated where shown)."""


def factor_name(factor: Factor) -> str:
    """A factor's name as the tables show it ("Staff qualification"), translated."""
    return translate("LeverModels", FACTOR_NAMES[factor])


def figure_text(metric: Metric, value: float, locale: QLocale) -> str:
    """A conversion ("31 %") or an average length ("42.5 days") in the user's locale."""
    if metric is Metric.CONVERSION:
        return percent(value)
    return translate("LeverModels", "{days} days").format(days=locale.toString(value, "f", 1))


def interval_text(item: Lever | WatchItem, locale: QLocale) -> str:
    """The likely range or gap, its days in the user's locale ("+16,1 – +31,9 nap")."""
    def signed_days(days: float) -> str:
        sign = "+" if days > 0 else "−" if days < 0 else ""
        return f"{sign}{locale.toString(abs(days), 'f', 1)}"

    return lever_interval_text(item, signed_days)


def reference_text(item: Lever | WatchItem, locale: QLocale) -> str:
    """The reference figure and where it comes from ("48 % median")."""
    figure = figure_text(item.metric, item.reference_figure, locale)
    if item.reference is Reference.BEST and item.reference_value is not None:
        return f"{figure} ({value_label(item.dimension, item.reference_value)})"
    if item.reference is Reference.MEDIAN:
        return translate("LeverModels", "{figure} (median)").format(figure=figure)
    return translate("LeverModels", "{figure} (average)").format(figure=figure)


def trend_tooltip(trend: Sequence[TrendPoint], metric: Metric, locale: QLocale) -> str:
    """The trend's figures, one period a line, with n."""
    lines = [f"{p.label}: {'—' if p.value is None else figure_text(metric, p.value, locale)}"
             f" (n = {locale.toString(p.n)})" for p in trend]
    return "\n".join(lines)


class LeverModel(QAbstractTableModel):
    """The conversion levers (``Metric.CONVERSION``) or the deal-length levers, ranked."""

    CONVERSION_HEADERS = ("#", QT_TRANSLATE_NOOP("LeverModel", "Dimension"),
                          QT_TRANSLATE_NOOP("LeverModel", "Value"),
                          QT_TRANSLATE_NOOP("LeverModel", "Conversion"),
                          QT_TRANSLATE_NOOP("LeverModel", "Reference"), "n",
                          QT_TRANSLATE_NOOP("LeverModel", "Likely range"),
                          QT_TRANSLATE_NOOP("LeverModel", "Trend"),
                          QT_TRANSLATE_NOOP("LeverModel", "Won deals/month"),
                          QT_TRANSLATE_NOOP("LeverModel", "Value/month"),
                          QT_TRANSLATE_NOOP("LeverModel", "Factor"))
    LENGTH_HEADERS = ("#", QT_TRANSLATE_NOOP("LeverModel", "Dimension"),
                      QT_TRANSLATE_NOOP("LeverModel", "Value"),
                      QT_TRANSLATE_NOOP("LeverModel", "Average length"),
                      QT_TRANSLATE_NOOP("LeverModel", "Reference"),
                      QT_TRANSLATE_NOOP("LeverModel", "n closed"),
                      QT_TRANSLATE_NOOP("LeverModel", "Likely gap"),
                      QT_TRANSLATE_NOOP("LeverModel", "Trend"),
                      QT_TRANSLATE_NOOP("LeverModel", "Deal-days/month"),
                      QT_TRANSLATE_NOOP("LeverModel", "Factor"))
    TREND_COLUMN = 7

    def __init__(self, metric: Metric, parent: Any = None) -> None:
        super().__init__(parent)
        self.metric = metric
        self._headers = (self.CONVERSION_HEADERS if metric is Metric.CONVERSION
                         else self.LENGTH_HEADERS)
        self._factor = len(self._headers) - 1  # the last column, the only text after Value
        self._levers: tuple[Lever, ...] = ()
        self._texts: tuple[tuple[str | None, ...], ...] = ()  # written once per report
        self._locale = QLocale()

    def set_levers(self, levers: Sequence[Lever]) -> None:
        """Show ``levers`` (already ranked)."""
        self.beginResetModel()
        self._levers = tuple(levers)
        self._texts = tuple(self._row_texts(row, lever) for row, lever in enumerate(levers))
        self.endResetModel()

    def lever(self, row: int) -> Lever | None:
        """The lever in ``row``, if any."""
        return self._levers[row] if 0 <= row < len(self._levers) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._levers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == DISPLAY
                and 0 <= section < len(self._headers)):
            return translate("LeverModel", self._headers[section])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._levers):
            return None
        lever, column = self._levers[index.row()], index.column()
        if role == DISPLAY:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TREND_COLUMN:
                return trend_tooltip(lever.trend, lever.metric, self._locale)
            return f"{lever.explanation}\n\n{factor_advice(lever.factor)}"
        numeric = column == 0 or 3 <= column < self._factor
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return RIGHT
        if role == TREND_ROLE and column == self.TREND_COLUMN:
            return (tuple(p.value for p in lever.trend), lever.reference_figure)
        if role == ITEM_ROLE:
            return lever
        return None

    def _row_texts(self, row: int, lever: Lever) -> tuple[str | None, ...]:
        locale = self._locale
        texts: tuple[str | None, ...] = (
            str(row + 1),
            dimension_label(lever.dimension),
            value_label(lever.dimension, lever.value),
            figure_text(lever.metric, lever.slice_figure, locale),
            reference_text(lever, locale),
            locale.toString(lever.n),
            interval_text(lever, locale),
            None,  # the trend is drawn
        )
        if lever.metric is Metric.CONVERSION:
            texts += (locale.toString(lever.won_per_month or 0.0, "f", 1),
                      "—" if lever.monthly_value is None else
                      f"≈ {locale.toString(lever.monthly_value, 'f', 0)} {lever.unit}")
        else:
            texts += (locale.toString(lever.monthly_value or 0.0, "f", 0),)
        return (*texts, factor_name(lever.factor))


class WatchModel(QAbstractTableModel):
    """The values to watch: worse than their reference, without the evidence to rank."""

    HEADERS = (QT_TRANSLATE_NOOP("WatchModel", "Dimension"),
               QT_TRANSLATE_NOOP("WatchModel", "Value"),
               QT_TRANSLATE_NOOP("WatchModel", "Metric"),
               QT_TRANSLATE_NOOP("WatchModel", "Figure"),
               QT_TRANSLATE_NOOP("WatchModel", "Reference"), "n",
               QT_TRANSLATE_NOOP("WatchModel", "Likely range"),
               QT_TRANSLATE_NOOP("WatchModel", "Why not ranked"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: tuple[WatchItem, ...] = ()
        self._texts: tuple[tuple[str, ...], ...] = ()  # written once per report
        self._locale = QLocale()

    def set_items(self, items: Sequence[WatchItem]) -> None:
        """Show ``items`` (in the report's order)."""
        self.beginResetModel()
        self._items = tuple(items)
        self._texts = tuple(map(self._row_texts, items))
        self.endResetModel()

    def item(self, row: int) -> WatchItem | None:
        """The watched value in ``row``, if any."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == DISPLAY
                and 0 <= section < len(self.HEADERS)):
            return translate("WatchModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if role == DISPLAY:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.explanation
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 6:
            return RIGHT
        if role == ITEM_ROLE:
            return item
        return None

    def _row_texts(self, item: WatchItem) -> tuple[str, ...]:
        locale = self._locale
        return (
            dimension_label(item.dimension),
            value_label(item.dimension, item.value),
            translate("WatchModel", "Conversion") if item.metric is Metric.CONVERSION
            else translate("WatchModel", "Deal length"),
            figure_text(item.metric, item.slice_figure, locale),
            reference_text(item, locale),
            locale.toString(item.n),
            interval_text(item, locale),
            translate("WatchModel", "Too few deals") if item.reason is WatchReason.TOO_FEW
            else translate("WatchModel", "Interval includes the reference"),
        )
