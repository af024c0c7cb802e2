"""Growth points (DESIGN.md §5, issue 16): where conversion and deal length can grow.

The reference maths, slow and obviously right. As in :mod:`salesdesk.domain.metrics`, figures
are computed in two steps. First the deals are reduced to integers — a :class:`GrowthTallies`
holding per dimension value a :class:`GroupTally` (won, lost, won money, and the count, sum and
sum of squares of the known deal lengths, overall and per trend period) and, for the open deals
that drag on, a :class:`DragTally`. :func:`reference_growth_tallies` does it deal by deal; the
analytics cache does it with numpy. Then :func:`rank_growth` turns those integers into the
ranked :class:`GrowthReport`, so both paths agree exactly.

Definitions (where the issue left room, the choice is stated here):

* Dimensions: customer type, channel, product, audience, region, salesperson. A deal without a
  value for a dimension counts in the business figures but is no value of that dimension: it
  is neither ranked nor a sibling.
* Deals counted: the decided (won or lost) deals closed in the period. A decided deal whose
  close date is unknown counts under all time only; one whose first contact or close date is
  unknown (``length_unknown``) counts for conversion, not for deal length.
* Months the period spans: calendar months touched by the period, an unbounded start taken as
  the earliest close date counted, an unbounded end as ``today`` (at least one month).
* Siblings: the other values of the same dimension with at least ``threshold`` decided deals
  (for deal length, closed deals with a known length); smaller ones are too noisy to set a
  standard. Reference: the median of the siblings' figures (default), the best sibling
  (highest conversion, shortest average length), or the business average. A value without a
  sibling to compare with has no reference and is not judged.
* Conversion lever: a value with at least ``threshold`` decided deals whose conversion is below
  the reference and whose 95 % Wilson interval lies entirely below it. Won deals a month it
  would add = (reference − conversion) × decided deals a month; its monthly value = that ×
  its average won amount (the business average when fewer than 5 of its won deals have an
  amount in the base currency).
* Deal-length lever: a value with at least ``threshold`` closed deals of known length whose
  average length is above the reference, and whose 95 % Welch interval for the difference of
  mean lengths between it and its comparison group lies entirely above 0. The comparison group
  is where the reference comes from: the siblings combined (median), the best sibling (best),
  or every other deal of the business (average). Deal-days a month it would free =
  (average − reference) × its closed deals a month.
* Watch: values whose figure is worse than the reference but whose evidence does not hold (too
  few deals, or an interval that includes the reference). Values at or better than the
  reference are neither levers nor watched: equal slices produce nothing.
* Trend: the value's figure in each of the last ``trend_periods`` quarters (or months) the
  period spans, with n.
* Deals dragging on: open deals (today) whose age (today − first contact) exceeds ``factor`` ×
  the average length of the closed deals counted in their basis: the same salesperson and
  product, else the product, else the whole business, taking the first with at least
  ``threshold`` closed deals of known length (a missing salesperson or product skips that
  level). History: of those closed deals, the ones still open at that age (length ≥ age) and
  how many of them were won.
* Suggested factor (DESIGN.md §6): salesperson → staff qualification (the scorecard); customer
  type and audience → target customer; product → product; channel → touchpoints; region →
  business process.
"""
from salesdesk.domain.growth.ranking import (
    GrowthReport,
    Lever,
    TrendPoint,
    WatchItem,
    rank_growth,
    reference_growth,
)
from salesdesk.domain.growth.tallies import (
    DEFAULT_DRAG_FACTOR,
    FACTORS,
    GROWTH_DIMENSIONS,
    Basis,
    DraggingDeal,
    DraggingDeals,
    Factor,
    GroupTally,
    GrowthOptions,
    GrowthTallies,
    Metric,
    Reference,
    TrendTally,
    WatchReason,
    growth_span,
    reference_growth_tallies,
    value_order,
)

__all__ = [
    "DEFAULT_DRAG_FACTOR",
    "FACTORS",
    "GROWTH_DIMENSIONS",
    "Basis",
    "DraggingDeal",
    "DraggingDeals",
    "Factor",
    "GroupTally",
    "GrowthOptions",
    "GrowthReport",
    "GrowthTallies",
    "Lever",
    "Metric",
    "Reference",
    "TrendPoint",
    "TrendTally",
    "WatchItem",
    "WatchReason",
    "growth_span",
    "rank_growth",
    "reference_growth",
    "reference_growth_tallies",
    "value_order",
]
