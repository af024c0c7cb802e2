"""What the Funnel tab's selectors ask for, as data: filters, a period preset, a group-by, the
cohort switch and the comparison period.

A :class:`SliceSpec` turns into the metrics engine's :class:`Query` for a given day and survives
a restart as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from salesdesk.domain.deals import CustomerType
from salesdesk.domain.periods import Bucket, Period, bucket_number, bucket_range, fiscal_year
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

NONE_LABEL = QT_TRANSLATE_NOOP("SliceSpec", "(none)")
"""The English label of deals without a value; :func:`none_label` is the one shown."""

DIMENSION_LABELS: dict[Dimension, str] = {
    Dimension.CUSTOMER_TYPE: QT_TRANSLATE_NOOP("SliceSpec", "Customer type"),
    Dimension.CHANNEL: QT_TRANSLATE_NOOP("SliceSpec", "Channel"),
    Dimension.PRODUCT: QT_TRANSLATE_NOOP("SliceSpec", "Product"),
    Dimension.AUDIENCE: QT_TRANSLATE_NOOP("SliceSpec", "Audience"),
    Dimension.REGION: QT_TRANSLATE_NOOP("SliceSpec", "Region"),
    Dimension.REP: QT_TRANSLATE_NOOP("SliceSpec", "Salesperson"),
    Dimension.CLIENT: QT_TRANSLATE_NOOP("SliceSpec", "Client"),
    Dimension.STAGE: QT_TRANSLATE_NOOP("SliceSpec", "Stage"),
    Dimension.LOST_REASON: QT_TRANSLATE_NOOP("SliceSpec", "Lost reason"),
    Dimension.MONTH: QT_TRANSLATE_NOOP("SliceSpec", "Month"),
    Dimension.QUARTER: QT_TRANSLATE_NOOP("SliceSpec", "Quarter"),
}
"""The dimensions' English names; :func:`dimension_label` is the one shown."""

_CUSTOMER_TYPE_LABELS: dict[str, str] = {
    CustomerType.NEW.value: QT_TRANSLATE_NOOP("SliceSpec", "new"),
    CustomerType.CURRENT.value: QT_TRANSLATE_NOOP("SliceSpec", "current"),
}


def dimension_label(dimension: Dimension) -> str:
    """A dimension's name as the screens show it ("Salesperson"), translated."""
    return translate("SliceSpec", DIMENSION_LABELS[dimension])


def none_label() -> str:
    """The label shown for deals without a value ("(none)"), translated."""
    return translate("SliceSpec", NONE_LABEL)


def value_label(dimension: Dimension | None, value: str | None) -> str:
    """A dimension's value as the screens show it: "(none)" for None, a customer type in
    words ("new", "current"), anything else as it is; translated."""
    if value is None:
        return none_label()
    if dimension is Dimension.CUSTOMER_TYPE and value in _CUSTOMER_TYPE_LABELS:
        return translate("SliceSpec", _CUSTOMER_TYPE_LABELS[value])
    return value


def value_of_label(dimension: Dimension | None, label: str) -> str | None:
    """The value :func:`value_label` shows as ``label`` (None for "(none)")."""
    if label == none_label():
        return None
    if dimension is Dimension.CUSTOMER_TYPE:
        for value in _CUSTOMER_TYPE_LABELS:
            if value_label(dimension, value) == label:
                return value
    return label


class PeriodPreset(StrEnum):
    """The period picker's choices."""

    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    THIS_YEAR = "this_year"
    LAST_12_MONTHS = "last_12_months"
    ALL_TIME = "all_time"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        """How the picker names it, translated."""
        return translate("SliceSpec", _PRESET_LABELS[self])


_PRESET_LABELS = {
    PeriodPreset.THIS_MONTH: QT_TRANSLATE_NOOP("SliceSpec", "This month"),
    PeriodPreset.LAST_MONTH: QT_TRANSLATE_NOOP("SliceSpec", "Last month"),
    PeriodPreset.THIS_QUARTER: QT_TRANSLATE_NOOP("SliceSpec", "This quarter"),
    PeriodPreset.LAST_QUARTER: QT_TRANSLATE_NOOP("SliceSpec", "Last quarter"),
    PeriodPreset.THIS_YEAR: QT_TRANSLATE_NOOP("SliceSpec", "This year"),
    PeriodPreset.LAST_12_MONTHS: QT_TRANSLATE_NOOP("SliceSpec", "Last 12 months"),
    PeriodPreset.ALL_TIME: QT_TRANSLATE_NOOP("SliceSpec", "All time"),
    PeriodPreset.CUSTOM: QT_TRANSLATE_NOOP("SliceSpec", "Custom range"),
}

DateRange = tuple[dt.date | None, dt.date | None]


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, 1)


def preset_range(preset: PeriodPreset, today: dt.date, fiscal_first_month: int = 1,
                 custom: DateRange = (None, None)) -> DateRange:
    """The inclusive dates of a preset on ``today`` (None: open-ended)."""
    if preset is PeriodPreset.ALL_TIME:
        return None, None
    if preset is PeriodPreset.CUSTOM:
        return custom
    if preset in (PeriodPreset.THIS_MONTH, PeriodPreset.LAST_MONTH):
        number = bucket_number(Bucket.MONTH, today) - (preset is PeriodPreset.LAST_MONTH)
        return bucket_range(Bucket.MONTH, number)
    if preset in (PeriodPreset.THIS_QUARTER, PeriodPreset.LAST_QUARTER):
        number = bucket_number(Bucket.QUARTER, today) - (preset is PeriodPreset.LAST_QUARTER)
        return bucket_range(Bucket.QUARTER, number)
    if preset is PeriodPreset.THIS_YEAR:
        return fiscal_year(today, fiscal_first_month)
    # The last 12 months: the current month and the eleven before it.
    return _add_months(today, -11), _add_months(today, 1) - dt.timedelta(days=1)


def previous_range(preset: PeriodPreset, start: dt.date | None, end: dt.date | None
                   ) -> DateRange | None:
    """The period a range is compared with: the one just before it, of the same length in
    months for month-based presets, in days for a custom range. None when there is none (all
    time, or an open-ended range)."""
    if start is None or end is None or start > end:
        return None
    if preset is PeriodPreset.CUSTOM:
        days = (end - start).days + 1
        return start - dt.timedelta(days=days), start - dt.timedelta(days=1)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return _add_months(start, -months), start - dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class SliceSpec:
    """The Funnel tab's selection.

    ``filters`` maps a categorical dimension to the values chosen (None: deals without a
    value); values of one dimension are OR'ed, dimensions AND'ed.
    """

    filters: Mapping[Dimension, tuple[str | None, ...]] = field(default_factory=dict)
    preset: PeriodPreset = PeriodPreset.ALL_TIME
    custom: DateRange = (None, None)
    by: Dimension | None = Dimension.REP
    cohort: bool = False
    compare: bool = False

    def with_filter(self, dimension: Dimension, values: tuple[str | None, ...]) -> SliceSpec:
        """This spec with ``dimension`` filtered to ``values`` (none: the filter removed)."""
        filters = dict(self.filters)
        if values:
            filters[dimension] = tuple(dict.fromkeys(values))
        else:
            filters.pop(dimension, None)
        return replace(self, filters=filters)

    def adding(self, dimension: Dimension, value: str | None) -> SliceSpec:
        """This spec with one more value allowed for ``dimension`` (a drill-down click)."""
        return self.with_filter(dimension, (*self.filters.get(dimension, ()), value))

    def period_range(self, today: dt.date, fiscal_first_month: int = 1) -> DateRange:
        """The inclusive dates of the chosen period on ``today``."""
        return preset_range(self.preset, today, fiscal_first_month, self.custom)

    def _slice(self, dates: DateRange) -> Slice:
        filters = {d: frozenset(v) for d, v in self.filters.items() if not d.is_time}
        return Slice(filters, Period.between(*dates), self.cohort)

    def query(self, today: dt.date, fiscal_first_month: int = 1) -> Query:
        """The metrics engine's question for this selection on ``today``."""
        return Query(self._slice(self.period_range(today, fiscal_first_month)),
                     (self.by,) if self.by else ())

    def comparison_query(self, today: dt.date, fiscal_first_month: int = 1) -> Query | None:
        """The same question over the previous period, when comparing and there is one."""
        if not self.compare:
            return None
        before = previous_range(self.preset, *self.period_range(today, fiscal_first_month))
        if before is None:
            return None
        return Query(self._slice(before), (self.by,) if self.by else ())

    # --- persistence -----------------------------------------------------------------------

    def to_json(self) -> str:
        """The spec as JSON text (for per-machine settings)."""
        return json.dumps({
            "filters": {d.value: list(v) for d, v in self.filters.items()},
            "preset": self.preset.value,
            "custom": [d.isoformat() if d else None for d in self.custom],
            "by": self.by.value if self.by else None,
            "cohort": self.cohort,
            "compare": self.compare,
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> SliceSpec:
        """Read :meth:`to_json`'s text; anything unreadable falls back to the defaults, so a
        damaged or older setting never stops the tab from opening."""
        try:
            data: dict[str, Any] = json.loads(text)
            filters = {
                Dimension(name): tuple(v if v is None else str(v) for v in values)
                for name, values in data.get("filters", {}).items()
                if not Dimension(name).is_time and values
            }
            custom = tuple(dt.date.fromisoformat(d) if d else None
                           for d in data.get("custom", [None, None]))
            if len(custom) != 2:
                raise ValueError("custom range needs two dates")
            by = data.get("by")
            return cls(filters=filters, preset=PeriodPreset(data.get("preset", "all_time")),
                       custom=(custom[0], custom[1]),
                       by=Dimension(by) if by else None,
                       cohort=bool(data.get("cohort", False)),
                       compare=bool(data.get("compare", False)))
        except (ValueError, TypeError, AttributeError, KeyError):
            return cls()
