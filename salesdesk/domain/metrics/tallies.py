"""The integers a slice reduces to (DESIGN.md §4): counts, sums of days, middle deal lengths
and money per currency in minor units; :mod:`salesdesk.domain.metrics.rates` turns them into
figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from salesdesk.domain.deals import Deal


@dataclass(frozen=True, slots=True)
class MoneyTally:
    """Amounts of some deals: how many had no amount, and per currency (sorted by code) the
    number of deals with an amount and the sum of their minor units."""

    unknown: int = 0
    by_currency: tuple[tuple[str, int, int], ...] = ()

    @classmethod
    def of(cls, amounts: Iterable[tuple[str, int | None]]) -> MoneyTally:
        """Tally (currency, amount in minor units or None) pairs."""
        unknown = 0
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for currency, amount in amounts:
            if amount is None:
                unknown += 1
            else:
                entry = sums[currency]
                entry[0] += 1
                entry[1] += amount
        return cls(unknown, tuple((c, n, s) for c, (n, s) in sorted(sums.items())))


@dataclass(frozen=True, slots=True)
class Tally:
    """The integers behind a slice's figures.

    ``open`` counts deals open at the period's end, ``won``/``lost`` those closed in it;
    ``won_days``/``lost_days`` sum their known deal lengths; ``middle_days`` holds the two
    middle known deal lengths in ascending order (the same value twice for an odd count; None
    without any); ``won_money`` tallies the won deals' amounts;
    ``won_length_unknown``/``lost_length_unknown`` count the won/lost deals whose length is
    unknown (close date or first contact missing).
    """

    open: int = 0
    won: int = 0
    lost: int = 0
    won_days: int = 0
    lost_days: int = 0
    middle_days: tuple[int, int] | None = None
    won_money: MoneyTally = field(default_factory=MoneyTally)
    won_length_unknown: int = 0
    lost_length_unknown: int = 0

    @property
    def decided(self) -> int:
        """Won plus lost deals."""
        return self.won + self.lost

    @property
    def deals(self) -> int:
        """Won, lost and open deals."""
        return self.won + self.lost + self.open

    @property
    def length_unknown(self) -> int:
        """Decided deals whose length is unknown (left out of deal length)."""
        return self.won_length_unknown + self.lost_length_unknown


def middle_pair(sorted_values: Sequence[int]) -> tuple[int, int] | None:
    """The two middle values of an ascending sequence (equal for an odd length); None if empty."""
    if not sorted_values:
        return None
    n = len(sorted_values)
    return sorted_values[(n - 1) // 2], sorted_values[n // 2]


def deal_length(first_contact: dt.date, closed_on: dt.date) -> int:
    """Days from first contact to close (closed on the day of first contact = 0)."""
    return (closed_on - first_contact).days


def known_length(deal: Deal) -> int | None:
    """A decided deal's length in days, None when its first contact or close is unknown."""
    if deal.first_contact is None or deal.closed_on is None:
        return None
    return deal_length(deal.first_contact, deal.closed_on)
