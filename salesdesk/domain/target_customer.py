"""The target customer (DESIGN.md §6, issue 17): conversion, deal length and won amount by
audience and by customer type side by side, pointing out the audiences that take the most
time for the fewest wins.

Definitions:

* Figures per group are those of DESIGN.md §4 over the period (decided deals closed in it).
* Deal-days per win = average deal length ÷ conversion — the days all closed deals of the
  group took ÷ its won deals when every length is known: the selling time one win costs, lost
  deals included. Undefined without a won deal (shown as "no win").
* An audience is pointed out when it has at least the "too few to judge" threshold of
  decided deals and costs more deal-days per win than the business as a whole (or has no win
  at all); the costliest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from salesdesk.domain.metrics import DEFAULT_TOO_FEW, Figures, MoneyRules, Tally, figures
from salesdesk.i18n import translate


def days_per_win(counts: Tally) -> float | None:
    """Average deal length ÷ conversion (the deal-days of all closed deals ÷ won deals when
    every length is known); None without a win or without a known length."""
    known = counts.decided - counts.won_length_unknown - counts.lost_length_unknown
    if counts.won == 0 or known <= 0:
        return None
    return (counts.won_days + counts.lost_days) / known * counts.decided / counts.won


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One audience or customer type: its figures, deal-days per win and whether it is
    pointed out as costly."""

    value: str | None
    figures: Figures
    days_per_win: float | None
    costly: bool = False


@dataclass(frozen=True, slots=True)
class TargetView:
    """Rows by audience and by customer type, the whole business, and the sentences that
    point out the costly audiences (costliest first)."""

    audiences: tuple[TargetRow, ...]
    customer_types: tuple[TargetRow, ...]
    overall: Figures
    overall_days_per_win: float | None
    costly: tuple[str, ...]
    threshold: int


def _name(value: str | None) -> str:
    return translate("TargetCustomer", "(none)") if value is None else value


def _sentence(row: TargetRow, business: float | None) -> str:
    """The sentence pointing out a costly audience, in the language shown."""
    f = row.figures
    conversion = "—" if f.conversion is None else f"{f.conversion * 100:.0f} %"
    length = "—" if f.avg_deal_length_days is None else translate(
        "TargetCustomer", "{days} days").format(days=f"{f.avg_deal_length_days:.0f}")
    if row.days_per_win is None:
        return translate("TargetCustomer", "{name}: no win from {decided} decided deals"
                                           " ({length} per deal on average).").format(
            name=_name(row.value), decided=f.decided, length=length)
    if not business:
        return translate("TargetCustomer", "{name} takes {days} deal-days per win (conversion"
                                           " {conversion}, {length} per deal, n = {n}).").format(
            name=_name(row.value), days=f"{row.days_per_win:.0f}", conversion=conversion,
            length=length, n=f.decided)
    return translate("TargetCustomer", "{name} takes {days} deal-days per win, {ratio}× the"
                                       " business's {business} (conversion {conversion},"
                                       " {length} per deal, n = {n}).").format(
        name=_name(row.value), days=f"{row.days_per_win:.0f}",
        ratio=f"{row.days_per_win / business:.1f}", business=f"{business:.0f}",
        conversion=conversion, length=length, n=f.decided)


def target_view(audiences: Iterable[tuple[str | None, Tally]],
                customer_types: Iterable[tuple[str | None, Tally]], overall: Tally, *,
                threshold: int = DEFAULT_TOO_FEW, money: MoneyRules | None = None
                ) -> TargetView:
    """The side-by-side view from the tallies per audience and per customer type (in the
    order to list them) and the whole business's tally."""
    business = days_per_win(overall)

    def rows(groups: Iterable[tuple[str | None, Tally]], judge: bool) -> list[TargetRow]:
        result = []
        for value, counts in groups:
            per_win = days_per_win(counts)
            costly = judge and counts.decided >= threshold and counts.decided > 0 and (
                per_win is None or (business is not None and per_win > business))
            result.append(TargetRow(value, figures(counts, threshold=threshold, money=money),
                                    per_win, costly))
        return result

    audience_rows = rows(audiences, True)
    flagged: Sequence[TargetRow] = sorted(
        (r for r in audience_rows if r.costly),
        key=lambda r: (r.days_per_win is not None, -(r.days_per_win or 0.0)))
    return TargetView(tuple(audience_rows), tuple(rows(customer_types, False)),
                      figures(overall, threshold=threshold, money=money), business,
                      tuple(_sentence(r, business) for r in flagged), threshold)
