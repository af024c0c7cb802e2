"""The metric definitions of DESIGN.md §4, in plain Python: the reference the cache must equal.

Figures are computed in two steps. First the deals of a slice are reduced to integers — a
:class:`Tally` (counts, sums of days, the middle deal lengths, money per currency in minor
units) or a :class:`FunnelTally`. Then :func:`figures` and :func:`funnel_figures` turn those
integers into rates, averages, intervals and base-currency amounts. The analytics cache
produces the same integers with numpy and calls the same second step, so cache and reference
agree exactly; the reference here is slow and written to be obviously right.

Definitions:

* Conversion = won ÷ (won + lost); open deals have not decided and are left out. With no
  decided deal it is undefined (None), never 0. It comes with n (decided deals), a 95 % Wilson
  interval and a "too few to judge" flag under the file's threshold (default 20 decided).
* Deal length of a closed (won or lost) deal = closed_on − first_contact in days (same day = 0).
  Average = sum of those days ÷ number of closed deals (20, 30, 40 → 30); also the median and
  the won-only / lost-only averages. A decided deal whose close date or first contact is
  unknown (imported from a file that lacks it) counts in conversion but not in deal length:
  ``length_unknown`` counts those, and the lengths are over the others.
* Periods: won, lost, conversion and deal length count the deals closed in the period; the
  open count is the deals open at its end (first contact on or before it, or none yet, and not
  closed by then); deals = won + lost + open. A decided deal without a close date belongs to
  no period by close date: it counts under all time only (and is never open). The cohort
  switch counts instead the deals first contacted in the period, by their outcome today (a
  deal without a first contact belongs to the all-time cohort only).
* Money: amounts are integer minor units of each deal's currency; figures are in major units
  of the base currency, over the deals whose amount is known (``amount_unknown`` counts the
  others) and whose currency has an exchange rate (``amount_left_out`` counts the others).
* Funnel: the deals that reached each stage — a deal at stage k has passed stages 1..k (a
  skipped stage counts as passed), one without a known stage counts at the first stage only,
  and a won deal has passed every stage — then won as the last step; step conversion =
  reached(k+1) ÷ reached(k), by count and by amount. The funnel counts the slice's deals
  (closed in the period or open at its end; with the cohort switch, first contacted in it).

The package is split along those steps: :mod:`~salesdesk.domain.metrics.tallies` (the integers),
:mod:`~salesdesk.domain.metrics.rates` (integers into figures),
:mod:`~salesdesk.domain.metrics.reference` (plain deals reduced deal by deal) and
:mod:`~salesdesk.domain.metrics.funnel`; this module names their API.
"""

from salesdesk.domain.metrics.funnel import (
    FunnelStep,
    FunnelTally,
    counted_deals,
    funnel_figures,
    reference_funnel,
    stage_position,
)
from salesdesk.domain.metrics.rates import (
    DEFAULT_TOO_FEW,
    Z_95,
    Figures,
    Money,
    MoneyRules,
    average,
    conversion,
    figures,
    to_base,
    wilson_interval,
)
from salesdesk.domain.metrics.reference import (
    SliceResult,
    candidate_buckets,
    counted_as,
    reference_length_histogram,
    reference_result,
    tally,
)
from salesdesk.domain.metrics.tallies import (
    MoneyTally,
    Tally,
    deal_length,
    known_length,
    middle_pair,
)

__all__ = [
    "DEFAULT_TOO_FEW",
    "Z_95",
    "Figures",
    "FunnelStep",
    "FunnelTally",
    "Money",
    "MoneyRules",
    "MoneyTally",
    "SliceResult",
    "Tally",
    "average",
    "candidate_buckets",
    "conversion",
    "counted_as",
    "counted_deals",
    "deal_length",
    "figures",
    "funnel_figures",
    "known_length",
    "middle_pair",
    "reference_funnel",
    "reference_length_histogram",
    "reference_result",
    "stage_position",
    "tally",
    "to_base",
    "wilson_interval",
]
