"""The analytics cache's numpy building blocks: array types, month numbers of date columns,
exact per-key sums, period masks and the dictionary encoding of a dimension's values.

Shared by :mod:`~salesdesk.analytics.cache` and the modules that count over its columns
(:mod:`~salesdesk.analytics.tallies`, :mod:`~salesdesk.analytics.time_slots`,
:mod:`~salesdesk.analytics.growth`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from salesdesk.domain.columns import NO_DATE
from salesdesk.domain.periods import Period

IntArray = npt.NDArray[np.int64]
Array = npt.NDArray[Any]
BoolArray = npt.NDArray[np.bool_]

_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_MONTH_1970 = 1970 * 12
NEVER = np.iinfo(np.int32).max
"""The ``closed`` column's value for an open deal: after every date."""
_EXACT = 2**53  # float64 sums of integers are exact below this
_LOOKUP_LIMIT = 1 << 24  # external codes below this are mapped through a lookup table


def month_numbers(ordinals: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    """year * 12 + month - 1 of each ordinal; -1 where there is no date."""
    days = (ordinals.astype(np.int64) - _EPOCH_ORDINAL).astype("datetime64[D]")
    months = days.astype("datetime64[M]").astype(np.int64) + _MONTH_1970
    return np.where(ordinals == NO_DATE, -1, months).astype(np.int32)


def exact_sums(keys: IntArray, values: IntArray, size: int) -> Array:
    """Per-key sums of non-negative integers, exact at any magnitude: int64 while the float
    sums are exact and fit, else Python ints (object array)."""
    if values.size == 0:
        return np.zeros(size, np.int64)
    if int(values.max()) * values.size < _EXACT:
        return np.rint(np.bincount(keys, weights=values, minlength=size)).astype(np.int64)
    low = np.rint(np.bincount(keys, weights=values & 0xFFFFFF, minlength=size))
    high = np.rint(np.bincount(keys, weights=values >> 24, minlength=size))
    return np.array([int(h) * 2**24 + int(lo) for h, lo in zip(high, low, strict=True)],
                    dtype=object)


def in_ranges(column: npt.NDArray[np.int32], period: Period) -> BoolArray:
    """Rows whose date (an ordinal) lies in the period; empty dates (0) only if unbounded."""
    result: BoolArray | None = None
    for start, end in period.ranges:
        part = np.ones(column.shape, dtype=bool)
        if start is not None:
            part &= column >= start.toordinal()
        if end is not None:
            part &= column <= end.toordinal()
        result = part if result is None else result | part
    return np.zeros(column.shape, dtype=bool) if result is None else result


class Dictionary:
    """Dense codes of one dimension: code 0 is "no value"; external codes are the export's."""

    def __init__(self) -> None:
        self.names: list[str | None] = [None]
        self.dense: dict[int, int] = {0: 0}
        self.external: list[int] = [0]

    def encode(self, external: IntArray, names: Mapping[int, str]) -> Array:
        """Dense codes for external codes (new ones get the next codes and their names)."""
        if external.size == 0:
            return np.empty(0, np.int16)
        top = int(external.max())
        if top < _LOOKUP_LIMIT:
            present = np.flatnonzero(np.bincount(external, minlength=top + 1))
        else:
            present = np.unique(external)
        lookup = {code: self._dense_code(code, names) for code in present.tolist()}
        dtype = np.int16 if len(self.names) <= np.iinfo(np.int16).max else np.int32
        if top < _LOOKUP_LIMIT:
            table = np.zeros(top + 1, dtype)
            table[present] = [lookup[c] for c in present.tolist()]
            return table[external]
        positions = np.searchsorted(present, external)
        return np.array([lookup[c] for c in present.tolist()], dtype)[positions]

    def _dense_code(self, code: int, names: Mapping[int, str]) -> int:
        dense = self.dense.get(code)
        if dense is None:
            dense = self.dense[code] = len(self.names)
            self.names.append(names[code])
            self.external.append(code)
        elif code != 0 and code in names:
            self.names[dense] = names[code]
        return dense

    def ensure(self, code: int, name: str) -> None:
        if code not in self.dense:
            self.dense[code] = len(self.names)
            self.names.append(name)
            self.external.append(code)

    def update_names(self, names: Mapping[int, str]) -> None:
        for code, name in names.items():
            dense = self.dense.get(code)
            if dense is not None:
                self.names[dense] = name

    def codes_named(self, allowed: Iterable[str | None]) -> npt.NDArray[np.bool_]:
        wanted = set(allowed)
        return np.array([name in wanted for name in self.names], dtype=bool)
