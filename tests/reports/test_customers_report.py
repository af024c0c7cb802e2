"""NPS beside conversion per client (reports.customers_report): each client's NPS next to the
conversion and repeat-purchase share of its own deals closed in the period, counted here
deal by deal without the analytics cache."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.columns import DealColumns
from salesdesk.domain.deals import CustomerType, Deal, Outcome
from salesdesk.domain.nps import NpsTally, Response, Segment
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import Dimension
from salesdesk.reports.customers_report import NpsBeside, nps_beside_conversion

D = dt.date
START, END = D(2026, 1, 1), D(2026, 5, 31)
NEW, CURRENT = CustomerType.NEW, CustomerType.CURRENT


def _deal(client: str, outcome: Outcome, closed: D | None, kind: CustomerType = NEW,
          product: str = "Boiler service") -> Deal:
    return Deal(f"{client} {outcome.value} {closed}", outcome, client=client, product=product,
                customer_type=kind, customer_type_set=True, first_contact=D(2025, 10, 1),
                closed_on=closed)


DEALS = [
    _deal("Ács Kft", Outcome.WON, D(2026, 1, 20)),
    _deal("Ács Kft", Outcome.WON, D(2026, 2, 1), CURRENT),
    _deal("Ács Kft", Outcome.WON, D(2026, 3, 1), CURRENT, "Heat pump installation"),
    _deal("Ács Kft", Outcome.LOST, D(2026, 4, 1)),
    _deal("Ács Kft", Outcome.WON, D(2025, 11, 1), CURRENT),  # closed before the period
    _deal("Ács Kft", Outcome.OPEN, None),
    _deal("Beta Bt.", Outcome.LOST, D(2026, 2, 10)),
    _deal("Beta Bt.", Outcome.LOST, D(2026, 6, 2)),  # closed after the period
    _deal("Delta Zrt.", Outcome.WON, D(2026, 2, 2), CURRENT),  # no survey: not listed
]
RESPONSES = [
    Response(D(2026, 2, 5), 10, Segment.B2B, "Boiler service", "Ács Kft"),
    Response(D(2026, 3, 5), 9, Segment.B2B, "Heat pump installation", "Ács Kft"),
    Response(D(2026, 4, 5), 3, Segment.B2B, "Boiler service", "Ács Kft"),
    Response(D(2026, 2, 12), 6, Segment.B2B, "Boiler service", "beta bt."),  # typed otherwise
    Response(D(2026, 2, 13), 8, Segment.B2B, "Boiler service", "beta bt."),
    Response(D(2026, 3, 1), 9, Segment.B2C, "Boiler service", "Gamma"),  # no deals at all
    Response(D(2026, 3, 2), 10, Segment.B2C, "Boiler service"),  # anonymous: no client
]


def _by_hand(client: str, period: Period) -> tuple[int, int, int]:
    """Won, lost and won-by-current-customers of the client's deals closed in ``period``."""
    mine = [d for d in DEALS if d.client is not None and d.client.casefold() == client.casefold()
            and d.closed_on in period]
    won = [d for d in mine if d.outcome is Outcome.WON]
    lost = [d for d in mine if d.outcome is Outcome.LOST]
    return len(won), len(lost), sum(d.customer_type is CURRENT for d in won)


@pytest.fixture(scope="module")
def cache() -> AnalyticsCache:
    return AnalyticsCache.build(DealColumns.from_deals(DEALS, ("Lead", "Quote")))


@pytest.mark.parametrize("period", [Period(), Period.between(START, END)],
                         ids=["all time", "January to May"])
def test_per_client_nps_beside_conversion_is_the_client_s_own_deals(
        cache: AnalyticsCache, period: Period) -> None:
    rows = nps_beside_conversion(RESPONSES, cache, Dimension.CLIENT, period, threshold=2)
    # Most responses first; the anonymous survey and the client without surveys are left out.
    assert [row.value for row in rows] == ["Ács Kft", "beta bt.", "Gamma"]
    for row in rows:
        scores = [r.score for r in RESPONSES if r.client == row.value]
        assert row.nps == NpsTally.of(scores)
        won, lost, repeat = _by_hand(row.value, period)
        assert (row.figures.won, row.figures.lost, row.figures.decided) == (won, lost,
                                                                            won + lost)
        assert row.figures.conversion == (won / (won + lost) if won + lost else None)
        assert (row.won, row.repeat_won) == (won, repeat)
        assert row.repeat_share == (repeat / won if won else None)
        assert row.figures.too_few == (won + lost < 2)


def test_the_per_client_figures_are_the_expected_numbers(cache: AnalyticsCache) -> None:
    rows = {row.value: row for row in nps_beside_conversion(
        RESPONSES, cache, Dimension.CLIENT, Period.between(START, END))}
    acs, beta, gamma = rows["Ács Kft"], rows["beta bt."], rows["Gamma"]
    assert (acs.nps.nps, acs.nps.n) == (pytest.approx(100 / 3), 3)
    assert (acs.figures.conversion, acs.repeat_share) == (0.75, pytest.approx(2 / 3))
    assert (beta.nps.nps, beta.figures.conversion, beta.repeat_share) == (-50.0, 0.0, None)
    assert (gamma.figures.decided, gamma.figures.conversion) == (0, None)


def test_per_client_and_per_product_count_different_deals(cache: AnalyticsCache) -> None:
    clients = nps_beside_conversion(RESPONSES, cache, Dimension.CLIENT)
    products = nps_beside_conversion(RESPONSES, cache, Dimension.PRODUCT)
    boiler = next(row for row in products if row.value == "Boiler service")
    acs = next(row for row in clients if row.value == "Ács Kft")
    # Every deal of the product, whoever the client; every product of the client.
    assert boiler.figures.decided == sum(d.product == "Boiler service" and d.outcome
                                         is not Outcome.OPEN for d in DEALS)
    assert acs.figures.decided == sum(d.client == "Ács Kft" and d.outcome is not Outcome.OPEN
                                      for d in DEALS)
    assert isinstance(acs, NpsBeside) and acs.figures.decided != boiler.figures.decided


def test_beside_conversion_takes_only_product_or_client(cache: AnalyticsCache) -> None:
    with pytest.raises(ValueError, match="per product or per client"):
        nps_beside_conversion(RESPONSES, cache, Dimension.REP)
    assert nps_beside_conversion([], cache, Dimension.CLIENT) == []
