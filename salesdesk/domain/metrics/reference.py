"""The reference (DESIGN.md §4): slices of plain Deal objects reduced to their integers deal by
deal, slow and written to be obviously right; the analytics cache must equal it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.metrics.tallies import MoneyTally, Tally, known_length, middle_pair
from salesdesk.domain.periods import Period, bucket_number, bucket_range
from salesdesk.domain.slices import (
    Dimension,
    GroupKey,
    Query,
    Slice,
    deal_value,
    ordered,
    time_number,
    time_value,
)


def counted_as(deal: Deal, period: Period, cohort: bool) -> Outcome | None:
    """How a deal counts in a period: won or lost (closed in it), open (open at its end), or
    not at all. With ``cohort``: by its outcome today when first contacted in the period. A
    decided deal without a close date counts under all time only."""
    if cohort:
        return deal.outcome if period.holds_first_contact(deal.first_contact) else None
    if deal.outcome.is_closed and deal.closed_on is None:
        return deal.outcome if period.is_all_time else None
    if deal.outcome.is_closed and deal.closed_on in period:
        return deal.outcome
    if period.open_at_end(deal.first_contact, deal.closed_on):
        return Outcome.OPEN
    return None


def tally(deals: Iterable[Deal], period: Period = Period(), cohort: bool = False) -> Tally:
    """Reduce deals to the integers of their figures over ``period``."""
    counts = {Outcome.OPEN: 0, Outcome.WON: 0, Outcome.LOST: 0}
    days = {Outcome.WON: 0, Outcome.LOST: 0}
    unknown = {Outcome.WON: 0, Outcome.LOST: 0}
    lengths: list[int] = []
    won_amounts: list[tuple[str, int | None]] = []
    for deal in deals:
        outcome = counted_as(deal, period, cohort)
        if outcome is None:
            continue
        counts[outcome] += 1
        if outcome is Outcome.OPEN:
            continue
        length = known_length(deal)
        if length is None:
            unknown[outcome] += 1
        else:
            days[outcome] += length
            lengths.append(length)
        if outcome is Outcome.WON:
            won_amounts.append((deal.currency, deal.amount))
    return Tally(
        open=counts[Outcome.OPEN],
        won=counts[Outcome.WON],
        lost=counts[Outcome.LOST],
        won_days=days[Outcome.WON],
        lost_days=days[Outcome.LOST],
        middle_days=middle_pair(sorted(lengths)),
        won_money=MoneyTally.of(won_amounts),
        won_length_unknown=unknown[Outcome.WON],
        lost_length_unknown=unknown[Outcome.LOST],
    )


@dataclass(frozen=True, slots=True)
class SliceResult:
    """A query's answer: the whole slice and its groups in report order."""

    by: tuple[Dimension, ...]
    overall: Tally
    groups: tuple[tuple[GroupKey, Tally], ...] = ()


def candidate_buckets(deals: Iterable[Deal], dimension: Dimension, period: Period) -> list[int]:
    """The months/quarters a closes-in-period report lists: from the earliest to the latest
    first-contact or close date of the deals, those that overlap the period."""
    bucket = dimension.bucket
    assert bucket is not None
    dates = [d for deal in deals for d in (deal.first_contact, deal.closed_on) if d is not None]
    if not dates:
        return []
    first, last = bucket_number(bucket, min(dates)), bucket_number(bucket, max(dates))
    return [n for n in range(first, last + 1)
            if not period.intersect(Period.between(*bucket_range(bucket, n))).is_empty]


def reference_result(deals: Iterable[Deal], query: Query, stages: Sequence[str] = ()
                     ) -> SliceResult:
    """Answer ``query`` over ``deals`` deal by deal; ``stages`` is the pipeline order (a deal
    without a stage is at the first one).

    Groups with no deal counted are not listed. Grouped by month or quarter, each group counts
    over the period's part in that month (closes in it, open at its end); with the cohort
    switch, by the month of first contact (None for deals without one).
    """
    stage_names = tuple(stages)
    sl = query.slice
    chosen = [deal for deal in deals if sl.matches(deal, stage_names)]
    overall = tally(chosen, sl.period, sl.cohort)
    if not query.by:
        return SliceResult((), overall)
    time_dim = query.time_dimension

    def key_of(deal: Deal, time_label: str | None) -> GroupKey:
        return tuple(time_label if d.is_time else deal_value(deal, d, stage_names)
                     for d in query.by)

    members: dict[GroupKey, list[Deal]] = defaultdict(list)
    periods: dict[GroupKey, Period] = {}
    if time_dim is None:
        for deal in chosen:
            members[key_of(deal, None)].append(deal)
    elif sl.cohort:
        for deal in chosen:
            if sl.period.holds_first_contact(deal.first_contact):
                first = deal.first_contact
                label = None if first is None else time_value(time_dim, time_number(time_dim,
                                                                                    first))
                members[key_of(deal, label)].append(deal)
    else:
        bucket = time_dim.bucket
        assert bucket is not None
        for number in candidate_buckets(chosen, time_dim, sl.period):
            part = sl.period.intersect(Period.between(*bucket_range(bucket, number)))
            label = time_value(time_dim, number)
            for deal in chosen:
                key = key_of(deal, label)
                members[key].append(deal)
                periods[key] = part
    tallies = {key: tally(group, periods.get(key, sl.period), sl.cohort)
               for key, group in members.items()}
    kept = [(key, t) for key, t in tallies.items() if t.deals > 0]
    order = ordered(query.by, ((key, t.decided) for key, t in kept))
    return SliceResult(query.by, overall, tuple((key, tallies[key]) for key in order))


def reference_length_histogram(deals: Iterable[Deal], sl: Slice, stages: Sequence[str] = ()
                               ) -> dict[int, int]:
    """Deal length in days → number of closed deals a slice counts, deal by deal.

    The deals are those whose won/lost counts the slice's figures hold (closed in the period;
    with the cohort switch, first contacted in it and closed by now) and whose length is
    known, so the histogram sums to the slice's decided deals minus ``length_unknown``. Lengths
    are listed in ascending order; absent lengths are left out.
    """
    stage_names = tuple(stages)
    counts: dict[int, int] = defaultdict(int)
    for deal in deals:
        if not sl.matches(deal, stage_names):
            continue
        outcome = counted_as(deal, sl.period, sl.cohort)
        length = known_length(deal)
        if outcome is None or outcome is Outcome.OPEN or length is None:
            continue
        counts[length] += 1
    return dict(sorted(counts.items()))
