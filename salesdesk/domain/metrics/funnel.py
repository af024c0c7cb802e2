"""The funnel (DESIGN.md §4): the deals that reached each stage, then won, and the step
conversions by count and by amount."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.metrics.rates import MoneyRules, to_base
from salesdesk.domain.metrics.reference import counted_as
from salesdesk.domain.metrics.tallies import MoneyTally
from salesdesk.domain.slices import Slice


@dataclass(frozen=True, slots=True)
class FunnelTally:
    """The integers behind a funnel: per stage (pipeline order) the deals that reached it and
    their amounts, then the won deals."""

    stages: tuple[str, ...] = ()
    reached: tuple[int, ...] = ()
    reached_money: tuple[MoneyTally, ...] = ()
    won: int = 0
    won_money: MoneyTally = field(default_factory=MoneyTally)


def stage_position(deal: Deal, stages: Sequence[str], status: Outcome | None = None) -> int:
    """How far a deal got: its stage's index; the first stage when it has no known stage;
    the last when it was won (winning passes every stage). ``status`` is how the deal counts
    in the period (see :func:`counted_as`; default its outcome today): a deal won after the
    period's end was open at that end, and stands at its stage."""
    if (deal.outcome if status is None else status) is Outcome.WON:
        return len(stages) - 1
    if deal.stage is None:
        return 0
    folded = [s.casefold() for s in stages]
    key = deal.stage.casefold()
    return folded.index(key) if key in folded else 0


def counted_deals(deals: Iterable[Deal], sl: Slice, stages: Sequence[str]) -> list[Deal]:
    """The deals behind a slice's figures: those passing its filters that count in its period
    (closed in it, or open at its end; with the cohort switch, first contacted in it)."""
    stage_names = tuple(stages)
    return [deal for deal in deals if sl.matches(deal, stage_names)
            and counted_as(deal, sl.period, sl.cohort) is not None]


def reference_funnel(deals: Iterable[Deal], sl: Slice, stages: Sequence[str]) -> FunnelTally:
    """The funnel of a slice's deals, deal by deal, each with the status it counts with in
    the period (:func:`counted_as`): by close date, a deal won after the period's end was
    open at that end and is not among its won, as in the headline figures."""
    stage_names = tuple(stages)
    counted = [(deal, status) for deal in deals if sl.matches(deal, stage_names)
               and (status := counted_as(deal, sl.period, sl.cohort)) is not None]
    reached: list[int] = []
    money: list[MoneyTally] = []
    for k in range(len(stage_names)):
        passed = [deal for deal, status in counted
                  if stage_position(deal, stage_names, status) >= k]
        reached.append(len(passed))
        money.append(MoneyTally.of((deal.currency, deal.amount) for deal in passed))
    won = [deal for deal, status in counted if status is Outcome.WON]
    return FunnelTally(stage_names, tuple(reached), tuple(money), len(won),
                       MoneyTally.of((deal.currency, deal.amount) for deal in won))


@dataclass(frozen=True, slots=True)
class FunnelStep:
    """One step of the funnel: a stage (or "won", the last step).

    ``conversion`` is this step's deals ÷ the previous step's (None for the first step or after
    an empty step); ``amount_conversion`` the same by base-currency amount.
    """

    name: str
    deals: int
    amount: float
    amount_unknown: int
    amount_left_out: int
    conversion: float | None
    amount_conversion: float | None
    is_won: bool = False


def funnel_figures(funnel: FunnelTally, money: MoneyRules | None = None) -> list[FunnelStep]:
    """The funnel's steps: each stage, then won."""
    rules = money or MoneyRules()
    raw = [*zip(funnel.stages, funnel.reached, funnel.reached_money, strict=True),
           ("won", funnel.won, funnel.won_money)]
    steps: list[FunnelStep] = []
    previous: tuple[int, float] | None = None
    for index, (name, count, tally_) in enumerate(raw):
        amount = to_base(tally_, rules)
        steps.append(FunnelStep(
            name=name,
            deals=count,
            amount=amount.amount,
            amount_unknown=amount.unknown,
            amount_left_out=amount.left_out,
            conversion=None if previous is None or previous[0] == 0 else count / previous[0],
            amount_conversion=(None if previous is None or previous[1] == 0
                               else amount.amount / previous[1]),
            is_won=index == len(raw) - 1,
        ))
        previous = (count, amount.amount)
    return steps
