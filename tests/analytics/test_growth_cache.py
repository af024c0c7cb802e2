"""Growth points from the analytics cache equal the domain reference, deal for deal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.analytics import AnalyticsCache
from salesdesk.analytics import growth as growth_module
from salesdesk.analytics.growth import growth_report, growth_tallies
from salesdesk.domain.columns import DealColumns
from salesdesk.domain.deals import DEFAULT_STAGES, CustomerType, Deal, Outcome
from salesdesk.domain.demo import generate_demo
from salesdesk.domain.growth import (
    Basis,
    GrowthOptions,
    GrowthReport,
    Metric,
    Reference,
    reference_growth,
    reference_growth_tallies,
)
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.periods import Bucket, Period, bucket_number, bucket_range
from salesdesk.domain.slices import Dimension

D = dt.date
BASE = D(2025, 11, 20)  # dates run across a year boundary and several quarters
# EUR is the base, USD has a rate, JPY has decimals but no rate (left out of money figures).
MONEY = MoneyRules("EUR", {"USD": 0.8}, {"EUR": 2, "USD": 2, "JPY": 0})


def check(deals: Sequence[Deal], today: dt.date, options: GrowthOptions) -> GrowthReport:
    """The cache's tallies and report equal the reference's exactly; returns the report."""
    numbered = [replace(deal, id=n) for n, deal in enumerate(deals, start=1)]
    cache = AnalyticsCache.build(DealColumns.from_deals(numbered, DEFAULT_STAGES))
    assert growth_tallies(cache, today, options) == reference_growth_tallies(
        numbered, today, options)
    report = growth_report(cache, today, options, MONEY)
    assert report == reference_growth(numbered, today, options, MONEY)
    return report


# --- random businesses --------------------------------------------------------------------------

BOUNDARIES = sorted({d for n in range(bucket_number(Bucket.MONTH, BASE),
                                      bucket_number(Bucket.MONTH, BASE) + 8)
                     for d in bucket_range(Bucket.MONTH, n)})
days = st.one_of(st.sampled_from(BOUNDARIES),
                 st.integers(0, 200).map(lambda d: BASE + dt.timedelta(days=d)))
POOLS: dict[Dimension, tuple[str, ...]] = {
    Dimension.REP: ("Anna", "ben", "Zoë Ångström"),
    Dimension.PRODUCT: ("Pro", "Basic", "Add-on"),
    Dimension.CHANNEL: ("Web", "Fair"),
    Dimension.REGION: ("North", "South"),
    Dimension.AUDIENCE: ("SMB",),
}


@st.composite
def deals_strategy(draw: st.DrawFn) -> Deal:
    values = {d: draw(st.one_of(st.none(), st.sampled_from(pool))) for d, pool in POOLS.items()}
    slow = values[Dimension.REP] == "ben"  # ben loses more and takes longer: levers of both kinds
    outcome = draw(st.sampled_from([Outcome.OPEN, Outcome.WON, Outcome.LOST]
                                   + [Outcome.LOST] * (2 if slow else 0)))
    first = None if draw(st.integers(0, 9)) == 0 else draw(days)
    closed = None
    if outcome is not Outcome.OPEN and draw(st.integers(0, 9)) > 0:  # else: length unknown
        length = draw(st.integers(40, 150) if slow else st.one_of(
            st.sampled_from([0, 1, 30]), st.integers(0, 60)))
        closed = (first or BASE) + dt.timedelta(days=length)
    return Deal(
        title="deal", outcome=outcome, first_contact=first, closed_on=closed,
        amount=draw(st.one_of(st.none(), st.integers(0, 10**6), st.just(10**15))),
        currency=draw(st.sampled_from(["EUR", "EUR", "USD", "JPY"])),
        customer_type=draw(st.sampled_from(list(CustomerType))),
        **{d.value: v for d, v in values.items()})  # type: ignore[arg-type]


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(["all", "all", "between", "months", "quarters"]))
    if kind == "all":
        return Period()
    if kind == "between":  # may be empty (start after end)
        return Period.between(draw(st.one_of(st.none(), days)), draw(st.one_of(st.none(), days)))
    bucket = Bucket.MONTH if kind == "months" else Bucket.QUARTER
    return Period.of_buckets(bucket, draw(st.lists(days.map(lambda d: bucket_number(bucket, d)),
                                                   min_size=1, max_size=3)))


@st.composite
def options_strategy(draw: st.DrawFn) -> GrowthOptions:
    return GrowthOptions(
        period=draw(periods()), reference=draw(st.sampled_from(list(Reference))),
        threshold=draw(st.integers(1, 6)), drag_factor=draw(st.sampled_from([0.5, 1, 1.5, 2.5])),
        trend_bucket=draw(st.sampled_from(list(Bucket))), trend_periods=draw(st.integers(1, 6)))


today_strategy = st.integers(-30, 300).map(lambda d: BASE + dt.timedelta(days=d))
# Sizes drawn evenly (plain st.lists favours a few deals, too few for a slice to be judged).
deal_lists = st.integers(0, 60).flatmap(
    lambda n: st.lists(deals_strategy(), min_size=n, max_size=n))


@settings(max_examples=100)
@given(deal_lists, today_strategy, options_strategy())
def test_cache_equals_reference(deals: list[Deal], today: dt.date,
                                options: GrowthOptions) -> None:
    check(deals, today, options)


@settings(max_examples=60)
@given(deal_lists, today_strategy, options_strategy(),
       st.sampled_from([0, 40, 400]))
def test_cache_equals_reference_on_the_paths_for_big_tables(
        monkeypatch: pytest.MonkeyPatch, deals: list[Deal], today: dt.date,
        options: GrowthOptions, cells: int) -> None:
    """Weighted sums instead of one table per dimension, per-group sums and histograms (or
    sorting) instead of one (salesperson, product, length) table for the dragging deals."""
    monkeypatch.setattr(growth_module, "_CELLS", cells)
    check(deals, today, options)


def test_the_random_businesses_have_levers_of_every_kind() -> None:
    """The generator above reaches what it should compare (else the equality proves little)."""
    found = {"levers": 0, "time_levers": 0, "watch": 0, "dragging": 0}

    @settings(max_examples=40, database=None, derandomize=True)
    @given(deal_lists, today_strategy, options_strategy())
    def count(deals: list[Deal], today: dt.date, options: GrowthOptions) -> None:
        report = reference_growth(deals, today, options, MONEY)
        for name in found:
            found[name] += bool(len(getattr(report, name)))

    count()
    assert all(found.values()), found


def won(first: dt.date | None, days_: int, **kw: object) -> Deal:
    return Deal(title="w", outcome=Outcome.WON, first_contact=first,
                closed_on=(first or BASE) + dt.timedelta(days=days_), **kw)  # type: ignore[arg-type]


def lost(first: dt.date | None, days_: int | None, **kw: object) -> Deal:
    closed = None if days_ is None else (first or BASE) + dt.timedelta(days=days_)
    return Deal(title="l", outcome=Outcome.LOST, first_contact=first, closed_on=closed,
                **kw)  # type: ignore[arg-type]


EDGES = [won(D(2026, 1, 5), 0, rep="Anna", amount=100, product="Pro"),  # same-day close
         lost(D(2026, 1, 5), 0, rep="Anna", product="Pro"),
         won(D(2026, 1, 5), 9, rep="Anna", product="Pro", amount=300, currency="USD"),
         lost(D(2025, 12, 31), 31, rep="Anna", product="Pro"),  # closes on a month's last day
         won(D(2025, 10, 1), 90, rep="Anna", product="Pro"),  # as long as an open deal is old
         won(None, 12, rep="ben", amount=None, product="Pro"),  # first contact unknown
         lost(D(2026, 1, 2), None, rep="ben", product="Basic"),  # close date unknown
         lost(D(2025, 12, 1), 60, rep="ben", product="Basic", channel="Web"),
         won(D(2026, 2, 1), 40, rep=None, product=None, amount=10**15),  # no values
         Deal(title="o", rep="Anna", product="Pro", first_contact=D(2025, 12, 1)),  # 90 days
         Deal(title="o", rep="ben", product="Basic", first_contact=D(2025, 11, 20)),
         Deal(title="o", rep=None, product=None, first_contact=D(2025, 10, 1)),
         Deal(title="o", rep="Anna", product="Pro")]  # open, no first contact


@pytest.mark.parametrize("cells", [growth_module._CELLS, 0])
@pytest.mark.parametrize("period", [
    Period(),
    Period.between(None, D(2026, 1, 31)),  # open start: no close date is not in it
    Period.between(D(2026, 1, 1), None),
    Period.between(D(2026, 1, 5), D(2026, 1, 5)),
    Period.of_buckets(Bucket.MONTH, [2025 * 12 + 11, 2026 * 12 + 1]),
    Period.between(D(2030, 1, 1), None),  # after every date
    Period.between(D(2026, 2, 1), D(2026, 1, 1)),  # empty
])
@pytest.mark.parametrize("threshold", [1, 2, 3])
def test_named_cases(monkeypatch: pytest.MonkeyPatch, cells: int, period: Period,
                     threshold: int) -> None:
    monkeypatch.setattr(growth_module, "_CELLS", cells)
    for reference in Reference:
        for bucket in Bucket:
            check(EDGES, D(2026, 3, 1), GrowthOptions(period, reference, threshold, 1.0, bucket))
    check([], D(2026, 3, 1), GrowthOptions(period, threshold=threshold))


def test_columns_are_read_only_views() -> None:
    cache = AnalyticsCache.build(DealColumns.from_deals(
        [Deal(title="a", rep="Anna", amount=5)], DEFAULT_STAGES))
    columns = cache.columns()
    assert columns.names[Dimension.REP] == (None, "Anna")
    assert columns.codes[Dimension.REP].tolist() == [1] and columns.amount.tolist() == [5]
    with pytest.raises(ValueError, match="read-only"):
        columns.amount[0] = 7


def test_a_columns_snapshot_keeps_answering_for_its_moment() -> None:
    """The Growth points tab ranks a snapshot in a worker while edits refresh the cache on
    the GUI thread: edits replace the cache's arrays, so the snapshot's report stays that of
    the deals it was taken from."""
    today = D(2026, 3, 15)
    deals = [replace(deal, id=n) for n, deal in
             enumerate(generate_demo(400, today).deals, start=1)]
    cache = AnalyticsCache.build(DealColumns.from_deals(deals, DEFAULT_STAGES))
    snapshot = cache.columns()
    # Every open deal among the first 150 lost today; deals 200-259 deleted. (The export holds
    # every deal so that its list codes are those of the first, as the store's would be.)
    edited = [replace(deal, outcome=Outcome.LOST, closed_on=today, amount=None)
              if deal.id is not None and deal.id <= 150 and deal.outcome is Outcome.OPEN
              else deal for deal in deals]
    cache.upsert(DealColumns.from_deals(edited, DEFAULT_STAGES))
    cache.remove(range(200, 260))
    options = GrowthOptions()
    before = growth_report(snapshot, today, options, MONEY)
    assert before == reference_growth(deals, today, options, MONEY)
    now = [deal for deal in edited if not 200 <= (deal.id or 0) < 260]
    after = growth_report(cache, today, options, MONEY)
    assert after == reference_growth(now, today, options, MONEY)
    assert after != before


# --- the cases issue 16 names, through the cache -------------------------------------------------

PERIOD = Period.between(D(2025, 1, 1), D(2025, 10, 31))  # ten months
TODAY = D(2025, 11, 15)
EUR = MoneyRules("EUR", {}, {"EUR": 2})


def decided(rep: str | None, won: bool, n: int, length: int = 10, product: str = "Boiler",
            channel: str | None = None) -> Deal:
    closed = D(2025, 1, 1) + dt.timedelta(days=n % 300)
    return Deal(title="d", outcome=Outcome.WON if won else Outcome.LOST, rep=rep,
                first_contact=closed - dt.timedelta(days=length), closed_on=closed,
                amount=100_000, product=product, channel=channel)


def cached_report(deals: list[Deal], options: GrowthOptions) -> GrowthReport:
    cache = AnalyticsCache.build(DealColumns.from_deals(deals, DEFAULT_STAGES))
    report = growth_report(cache, TODAY, options, EUR)
    assert report == reference_growth(deals, TODAY, options, EUR)
    return report


def test_a_weaker_salesperson_over_hundreds_of_deals_comes_first() -> None:
    deals = []
    for i, (rep, won) in enumerate([("Anna", 100), ("Ben", 100), ("Cleo", 100), ("Dora", 50)]):
        deals += [decided(rep, k < won, 1000 * i + k) for k in range(200)]
    deals += [decided("Finn", False, 9000 + k) for k in range(3)]
    report = cached_report(deals, GrowthOptions(PERIOD))
    # (50 % - 25 %) x 200 decided / 10 months x 1,000 EUR = 5,000 EUR a month.
    [dora] = report.levers
    assert dora.value == "Dora"
    assert dora.won_per_month == pytest.approx(5)
    assert dora.monthly_value == pytest.approx(5000)
    assert [(w.value, w.metric) for w in report.watch] == [("Finn", Metric.CONVERSION)]


def test_long_lost_deals_are_a_deal_length_lever() -> None:
    deals = []
    for i, rep in enumerate(["Anna", "Ben", "Cleo"]):
        deals += [decided(rep, True, 1000 * i + k) for k in range(50)]
        deals += [decided(rep, False, 1000 * i + 500 + k,
                          length=(55 if k % 2 else 65) if rep == "Cleo" else 10)
                  for k in range(50)]
    report = cached_report(deals, GrowthOptions(PERIOD))
    # Cleo averages 35 days against 10; 10 closed deals a month: 250 deal-days a month.
    [cleo] = report.time_levers
    assert (cleo.value, report.levers) == ("Cleo", ())
    assert cleo.monthly_value == pytest.approx(250)


def test_equal_slices_give_nothing_to_rank_or_watch() -> None:
    deals = [decided(rep, k % 3 == 0, 100 * i + k, length=k % 9, channel=channel)
             for i, (rep, channel) in enumerate((r, c) for r in ("A", "B", "C")
                                                for c in ("Web", "Fair"))
             for k in range(30)]
    report = cached_report(deals, GrowthOptions(PERIOD, Reference.AVERAGE))
    assert (report.levers, report.time_levers, report.watch) == ((), (), ())


def test_an_old_open_deal_is_listed_with_the_win_share_at_its_age() -> None:
    deals = [decided("Anna", False, k) for k in range(12)]
    deals += [decided("Anna", k < 6, 20 + k, length=45) for k in range(8)]
    deals += [Deal(title="old", rep="Anna", product="Boiler",
                   first_contact=TODAY - dt.timedelta(45), id=77)]
    deals = [replace(deal, id=deal.id or n) for n, deal in enumerate(deals, start=1)]
    [old] = cached_report(deals, GrowthOptions()).dragging
    # Average (12 x 10 + 8 x 45) / 20 = 24 days, limit 36; the 8 closed deals lasting 45 days
    # were still open at 45, 6 of them won.
    assert (old.deal_id, old.basis, old.limit_days, old.at_age, old.win_share) == (
        77, Basis.REP_PRODUCT, 36.0, 8, 0.75)


def test_the_demo_business_ranks_its_weak_spots() -> None:
    """The demo's generator gives Bence Tóth the lowest conversion (25 %) and Emma Fischer the
    longest deals; heat pumps and cold calls are its weak products and channels."""
    today = D(2026, 3, 15)
    deals = generate_demo(1500, today).deals
    report = check(deals, today, GrowthOptions())
    levers = [(lv.dimension, lv.value) for lv in report.levers]
    reps = [value for dimension, value in levers if dimension is Dimension.REP]
    assert reps[0] == "Bence Tóth"
    assert not {"Anna Kovács", "Clara Weber", "Emma Fischer"} & set(reps)
    assert {(Dimension.PRODUCT, "Heat pump installation"),
            (Dimension.CHANNEL, "Cold call")} <= set(levers)
    assert (Dimension.CHANNEL, "Referral") not in levers
    slow = [lv.value for lv in report.time_levers if lv.dimension is Dimension.REP]
    assert slow[0] == "Emma Fischer" and "Clara Weber" not in slow
    assert (Dimension.AUDIENCE, "Public sector") in {
        (lv.dimension, lv.value) for lv in report.time_levers}
    # The stalled pipeline: old open deals, listed per salesperson.
    assert len(report.dragging.by_rep()) == 6
    assert all(deal.age_days > deal.limit_days for deal in report.dragging)


def test_many_salespeople_and_products_take_the_per_group_path(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """72 x 132 (salesperson, product) codes x 98 lengths x won/lost is about 1.9 million
    cells: under a budget of one million the dragging deals are measured per group."""
    monkeypatch.setattr(growth_module, "_CELLS", 1_000_000)
    deals = []
    for k in range(3000):
        # One big pair, then every pair at most once (71 and 131 are coprime).
        rep, product = (("rep 00", "product 000") if k < 1000
                        else (f"rep {k % 71:02d}", f"product {k % 131:03d}"))
        if k % 7 == 0:
            deals.append(Deal(title="o", rep=rep, product=product,
                              first_contact=TODAY - dt.timedelta(days=k % 400)))
        else:
            deals.append(decided(rep, k % 3 == 0, k, length=k % 97, product=product))
    deals += [Deal(title="no product", rep="rep 00", first_contact=TODAY - dt.timedelta(days=90))]
    report = check(deals, TODAY, GrowthOptions(threshold=5))
    assert {deal.basis for deal in report.dragging} == set(Basis)
