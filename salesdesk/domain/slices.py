"""Slices of the deals: filters per dimension, a period, and up to two group-by dimensions.

DESIGN.md §4: values within one dimension are OR'ed, dimensions are AND'ed; figures are
grouped by one dimension (or month/quarter) or two; a deal without a value for a group-by
dimension is grouped under None ("(none)" on screen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from salesdesk.domain.deals import Deal, LookupKind
from salesdesk.domain.periods import Bucket, Period, bucket_label, bucket_number


class Dimension(StrEnum):
    """What figures can be filtered and grouped by, in the order the report lists them."""

    CUSTOMER_TYPE = "customer_type"
    CHANNEL = "channel"
    PRODUCT = "product"
    AUDIENCE = "audience"
    REGION = "region"
    REP = "rep"
    CLIENT = "client"
    STAGE = "stage"
    LOST_REASON = "lost_reason"
    MONTH = "month"
    QUARTER = "quarter"

    @property
    def bucket(self) -> Bucket | None:
        """The calendar bucket of month and quarter; None for the other dimensions."""
        if self is Dimension.MONTH:
            return Bucket.MONTH
        if self is Dimension.QUARTER:
            return Bucket.QUARTER
        return None

    @property
    def is_time(self) -> bool:
        """True for month and quarter."""
        return self.bucket is not None


CATEGORICAL: tuple[Dimension, ...] = tuple(d for d in Dimension if not d.is_time)
CUSTOMER_TYPES: tuple[str, ...] = ("new", "current")

GroupValue = str | None
GroupKey = tuple[GroupValue, ...]


def deal_value(deal: Deal, dimension: Dimension, stages: tuple[str, ...] = ()) -> GroupValue:
    """A deal's value for a categorical dimension (its stage defaults to the first stage)."""
    if dimension is Dimension.CUSTOMER_TYPE:
        return deal.customer_type.value
    if dimension.is_time:
        raise ValueError(f"{dimension} depends on the period, not on the deal alone")
    value = deal.lookup(LookupKind(dimension.value))
    if dimension is Dimension.STAGE and value is None and stages:
        return stages[0]
    return value


def time_value(dimension: Dimension, number: int) -> str:
    """The label of a month or quarter number."""
    assert dimension.bucket is not None
    return bucket_label(dimension.bucket, number)


def time_number(dimension: Dimension, day: dt.date) -> int:
    """The month or quarter number of a date."""
    assert dimension.bucket is not None
    return bucket_number(dimension.bucket, day)


@dataclass(frozen=True, slots=True)
class Slice:
    """Which deals figures count.

    ``filters`` maps a categorical dimension to the values allowed (OR'ed; None selects deals
    without a value); dimensions not named are not filtered. ``period`` is where closes are
    counted (or, with ``cohort``, first contacts); month and quarter filters are folded into it.
    """

    filters: Mapping[Dimension, frozenset[GroupValue]] = field(default_factory=dict)
    period: Period = field(default_factory=Period)
    cohort: bool = False

    def __post_init__(self) -> None:
        for dimension in self.filters:
            if dimension.is_time:
                raise ValueError("Month and quarter filters belong in the period.")

    def matches(self, deal: Deal, stages: tuple[str, ...] = ()) -> bool:
        """True when the deal passes every dimension filter (the period is not checked)."""
        return all(deal_value(deal, dimension, stages) in allowed
                   for dimension, allowed in self.filters.items())


@dataclass(frozen=True, slots=True)
class Query:
    """A slice grouped by up to two different dimensions, at most one of them month/quarter."""

    slice: Slice = field(default_factory=Slice)
    by: tuple[Dimension, ...] = ()

    def __post_init__(self) -> None:
        if len(self.by) > 2:
            raise ValueError("Group by one or two dimensions.")
        if len(set(self.by)) != len(self.by):
            raise ValueError("Group by two different dimensions.")
        if sum(d.is_time for d in self.by) > 1:
            raise ValueError("Group by month or quarter, not both.")

    @property
    def time_dimension(self) -> Dimension | None:
        """The month/quarter dimension grouped by, if any."""
        return next((d for d in self.by if d.is_time), None)


def split_values(text: str) -> list[str]:
    """Split a comma-separated list of values; ``\\,`` is a literal comma, ``\\\\`` a backslash.

    Any other backslash stays as typed. Values are stripped of surrounding spaces.
    """
    values: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ",\\":
            current.append(text[i + 1])
            i += 2
            continue
        if char == ",":
            values.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        i += 1
    values.append("".join(current).strip())
    return values


_NONE_LAST = (1, ("", ""))


def _value_part(value: GroupValue) -> tuple[int, tuple[str, str]]:
    return _NONE_LAST if value is None else (0, (value.casefold(), value))


def group_order_key(by: tuple[Dimension, ...], key: GroupKey, decided: int
                    ) -> tuple[object, ...]:
    """The order of groups: month/quarter in date order first, then decided deals (most
    first), then the values (case-insensitively); groups without a value come last."""
    time_part = [_value_part(v) for d, v in zip(by, key, strict=True) if d.is_time]
    value_part = [_value_part(v) for d, v in zip(by, key, strict=True) if not d.is_time]
    return (*time_part, -decided, *value_part)


def ordered(by: tuple[Dimension, ...], groups: Iterable[tuple[GroupKey, int]]
            ) -> list[GroupKey]:
    """Group keys in report order, from (key, decided deals) pairs (see group_order_key)."""
    time_index = [i for i, d in enumerate(by) if d.is_time]
    value_index = [i for i, d in enumerate(by) if not d.is_time]
    parts: dict[GroupValue, tuple[int, tuple[str, str]]] = {}

    def part(value: GroupValue) -> tuple[int, tuple[str, str]]:
        found = parts.get(value)
        if found is None:
            found = parts[value] = _value_part(value)
        return found

    def sort_key(group: tuple[GroupKey, int]) -> tuple[object, ...]:
        key, decided = group
        return (*[part(key[i]) for i in time_index], -decided,
                *[part(key[i]) for i in value_index])

    return [key for key, _ in sorted(groups, key=sort_key)]
