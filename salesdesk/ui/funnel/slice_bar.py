"""The Funnel tab's selectors: a filter per dimension, the period, the group-by, the cohort
switch and the comparison, plus the active filters as removable chips."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.slice_spec import PeriodPreset, SliceSpec, dimension_label, value_label
from salesdesk.domain.slices import Dimension
from salesdesk.i18n import translate
from salesdesk.ui.formatting import date_pattern
from salesdesk.ui.funnel.filter_button import FilterButton

FILTERED: tuple[Dimension, ...] = (
    Dimension.CUSTOMER_TYPE, Dimension.CHANNEL, Dimension.PRODUCT, Dimension.AUDIENCE,
    Dimension.REGION, Dimension.REP,
)
GROUP_BY: tuple[Dimension | None, ...] = (
    Dimension.REP, Dimension.CUSTOMER_TYPE, Dimension.CHANNEL, Dimension.PRODUCT,
    Dimension.AUDIENCE, Dimension.REGION, Dimension.CLIENT, Dimension.STAGE,
    Dimension.LOST_REASON, Dimension.MONTH, Dimension.QUARTER, None,
)


def _qdate(day: dt.date | None, fallback: dt.date) -> QDate:
    chosen = day or fallback
    return QDate(chosen.year, chosen.month, chosen.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SliceBar(QWidget):
    """Edits a :class:`SliceSpec`; every change is announced once through ``changed``.

    Signals:
        changed(SliceSpec): the selection after the user changed it.
    """

    changed = Signal(object)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._spec = SliceSpec()
        self.filters: dict[Dimension, FilterButton] = {}
        filter_row = QHBoxLayout()
        filter_row.setSpacing(4)
        for dimension in FILTERED:
            button = FilterButton(dimension)
            button.setObjectName(f"filter_{dimension.value}")
            button.changed.connect(lambda values, d=dimension: self._on_filter(d, values))
            self.filters[dimension] = button
            filter_row.addWidget(button)
        filter_row.addStretch(1)

        self.period = QComboBox()
        self.period.setObjectName("period")
        for preset in PeriodPreset:
            self.period.addItem(preset.label, preset)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())
            edit.dateChanged.connect(self._on_custom_dates)
        self.group_by = QComboBox()
        self.group_by.setObjectName("group_by")
        for grouping in GROUP_BY:
            self.group_by.addItem(dimension_label(grouping) if grouping
                                  else translate("SliceBar", "(no grouping)"), grouping)
        self.cohort = QComboBox()
        self.cohort.setObjectName("cohort")
        self.cohort.addItem(translate("SliceBar", "Deals closed in the period"), False)
        self.cohort.addItem(translate("SliceBar", "Deals started in the period"), True)
        self.cohort.setToolTip(translate(
            "SliceBar",
            "Deals closed in the period: won, lost, conversion and deal length count the deals"
            " closed in it; open deals are those still open at its end.\n"
            "Deals started in the period: the deals first contacted in it (a cohort), each"
            " with its outcome today."))
        self.compare = QCheckBox(translate("SliceBar", "Compare with previous period"))
        self.compare.setObjectName("compare")
        period_label = QLabel(translate("SliceBar", "&Period"))
        period_label.setBuddy(self.period)
        group_label = QLabel(translate("SliceBar", "Group &by"))
        group_label.setBuddy(self.group_by)
        option_row = QHBoxLayout()
        option_row.addWidget(period_label)
        option_row.addWidget(self.period)
        option_row.addWidget(self.start)
        option_row.addWidget(self.end)
        option_row.addSpacing(12)
        option_row.addWidget(group_label)
        option_row.addWidget(self.group_by)
        option_row.addSpacing(12)
        option_row.addWidget(self.cohort)
        option_row.addWidget(self.compare)
        option_row.addStretch(1)

        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        chip_row = QWidget()
        chip_row.setObjectName("chips")
        chip_row.setLayout(self.chips)
        self._chip_row = chip_row

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(filter_row)
        layout.addLayout(option_row)
        layout.addWidget(chip_row)

        self.period.currentIndexChanged.connect(self._on_options)
        self.group_by.currentIndexChanged.connect(self._on_options)
        self.cohort.currentIndexChanged.connect(self._on_options)
        self.compare.toggled.connect(self._on_options)
        self._show(self._spec)

    @property
    def spec(self) -> SliceSpec:
        """The current selection."""
        return self._spec

    def set_values(self, values: Callable[[Dimension], list[str]]) -> None:
        """Offer each filter the values ``values(dimension)`` lists."""
        for dimension, button in self.filters.items():
            button.set_values(values(dimension),
                              include_none=dimension is not Dimension.CUSTOMER_TYPE)

    def set_spec(self, spec: SliceSpec, *, emit: bool = False) -> None:
        """Show ``spec`` in the selectors."""
        self._spec = spec
        self._show(spec)
        if emit:
            self.changed.emit(spec)

    def _show(self, spec: SliceSpec) -> None:
        widgets = (self.period, self.group_by, self.cohort, self.compare, self.start, self.end)
        for widget in widgets:
            widget.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(spec.preset))
        self.group_by.setCurrentIndex(max(0, self.group_by.findData(spec.by)))
        self.cohort.setCurrentIndex(1 if spec.cohort else 0)
        self.compare.setChecked(spec.compare)
        today = self._today()
        start, end = spec.period_range(today)
        self.start.setDate(_qdate(start, today.replace(month=1, day=1)))
        self.end.setDate(_qdate(end, today))
        custom = spec.preset is PeriodPreset.CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        self.start.setVisible(custom or start is not None)
        self.end.setVisible(custom or end is not None)
        for widget in widgets:
            widget.blockSignals(False)
        for dimension, button in self.filters.items():
            button.set_chosen(tuple(spec.filters.get(dimension, ())))
        self._show_chips(spec)

    def _show_chips(self, spec: SliceSpec) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from the bar now, not at the next event loop
                widget.deleteLater()
        for dimension, values in spec.filters.items():
            for value in values:
                chip = QToolButton()
                chip.setObjectName("chip")
                chip.setText(translate("SliceBar", "{dimension}: {value}  ✕").format(
                    dimension=dimension_label(dimension), value=value_label(dimension, value)))
                chip.setToolTip(translate("SliceBar", "Remove this filter"))
                chip.setAutoRaise(False)
                chip.clicked.connect(
                    lambda checked=False, d=dimension, v=value: self._remove(d, v))
                self.chips.addWidget(chip)
        if spec.filters:
            clear = QToolButton()
            clear.setObjectName("clear_filters")
            clear.setText(translate("SliceBar", "Clear all filters"))
            clear.setAutoRaise(True)
            clear.clicked.connect(self.clear_filters)
            self.chips.addWidget(clear)
        self.chips.addStretch(1)
        self._chip_row.setVisible(bool(spec.filters))

    def _remove(self, dimension: Dimension, value: str | None) -> None:
        remaining = tuple(v for v in self._spec.filters.get(dimension, ()) if v != value)
        self.set_spec(self._spec.with_filter(dimension, remaining), emit=True)

    def clear_filters(self) -> None:
        """Remove every filter, keeping the period and grouping."""
        self.set_spec(SliceSpec(preset=self._spec.preset, custom=self._spec.custom,
                                by=self._spec.by, cohort=self._spec.cohort,
                                compare=self._spec.compare), emit=True)

    def _on_filter(self, dimension: Dimension, values: tuple[str | None, ...]) -> None:
        self._spec = self._spec.with_filter(dimension, values)
        self._show_chips(self._spec)
        self.changed.emit(self._spec)

    def _on_custom_dates(self) -> None:
        if self._spec.preset is not PeriodPreset.CUSTOM:
            return
        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        self.set_spec(replace(self._spec, custom=(start, end)), emit=True)

    def _on_options(self) -> None:
        preset = PeriodPreset(self.period.currentData())
        spec = self._spec
        custom = spec.custom
        if preset is PeriodPreset.CUSTOM and spec.preset is not PeriodPreset.CUSTOM:
            # Start the custom range from what was shown, so switching loses nothing.
            custom = spec.period_range(self._today())
            if custom == (None, None):
                today = self._today()
                custom = (today.replace(month=1, day=1), today)
        by = self.group_by.currentData()  # Qt hands an enum back as its plain string
        self.set_spec(replace(spec, preset=preset, custom=custom,
                              by=Dimension(by) if by else None,
                              cohort=bool(self.cohort.currentData()),
                              compare=self.compare.isChecked()), emit=True)

