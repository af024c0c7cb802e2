"""A drop-down filter for one dimension: checkable values with type-to-search."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from salesdesk.domain.slice_spec import dimension_label, value_label
from salesdesk.domain.slices import Dimension
from salesdesk.i18n import translate

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class FilterButton(QToolButton):
    """Shows "Channel: all" or "Channel: Web +1" for its dimension; its menu lists the values
    to tick.

    Signals:
        changed(tuple): the chosen values (None for deals without a value) after a tick.
    """

    changed = Signal(tuple)

    def __init__(self, dimension: Dimension, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dimension = dimension
        self._label = dimension_label(dimension)
        self._chosen: tuple[str | None, ...] = ()
        # True while the values are filled or ticked in code: those ticks are not the user's.
        # (Blocking the model's signals instead left the list's proxy and view empty.)
        self._filling = False
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("FilterButton", "Type to search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setMinimumWidth(220)
        clear = QPushButton(translate("FilterButton", "Clear"))
        clear.clicked.connect(lambda: self.set_chosen((), emit=True))
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(clear)
        layout.addLayout(row)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(panel)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._on_about_to_show)
        self.setMenu(menu)
        self.model.itemChanged.connect(self._on_item_changed)
        self._update_text()

    def set_values(self, values: Sequence[str], *, include_none: bool = True) -> None:
        """The values offered (the chosen ones stay ticked)."""
        self._filling = True
        self.model.clear()
        offered: list[str | None] = [*values, None] if include_none else list(values)
        for value in (*offered, *[v for v in self._chosen if v not in offered]):
            item = QStandardItem(value_label(self._dimension, value))
            item.setData(value, VALUE_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if value in self._chosen
                               else Qt.CheckState.Unchecked)
            self.model.appendRow(item)
        self._filling = False

    @property
    def chosen(self) -> tuple[str | None, ...]:
        """The ticked values."""
        return self._chosen

    def set_chosen(self, values: tuple[str | None, ...], *, emit: bool = False) -> None:
        """Tick exactly ``values``."""
        self._chosen = tuple(values)
        self._filling = True
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(VALUE_ROLE) in self._chosen
                               else Qt.CheckState.Unchecked)
        self._filling = False
        self._update_text()
        if emit:
            self.changed.emit(self._chosen)

    def _on_about_to_show(self) -> None:
        self.search.clear()
        self.search.setFocus()

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        value = item.data(VALUE_ROLE)
        chosen = [v for v in self._chosen if v != value]
        if item.checkState() == Qt.CheckState.Checked:
            chosen.append(value)
        self._chosen = tuple(chosen)
        self._update_text()
        self.changed.emit(self._chosen)

    def _update_text(self) -> None:
        if not self._chosen:
            self.setText(translate("FilterButton", "{dimension}: all").format(
                dimension=self._label))
            self.setToolTip(translate("FilterButton", "Filter by {dimension}").format(
                dimension=self._label.lower()))
            return
        first = value_label(self._dimension, self._chosen[0])
        if len(self._chosen) > 1:
            self.setText(translate("FilterButton", "{dimension}: {value} +{more}").format(
                dimension=self._label, value=first, more=len(self._chosen) - 1))
        else:
            self.setText(translate("FilterButton", "{dimension}: {value}").format(
                dimension=self._label, value=first))
        self.setToolTip(", ".join(value_label(self._dimension, v) for v in self._chosen))
