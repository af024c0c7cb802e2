"""The growth report's rendering: sparklines, the table's sections and limits, titles."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.growth import GrowthOptions, Metric, TrendPoint, reference_growth
from salesdesk.domain.periods import Period
from salesdesk.reports import growth_report
from salesdesk.reports.growth_report import (
    deal_titles,
    render,
    render_table,
    report_dict,
    sparkline,
    trend_text,
)
from salesdesk.store import Store

TODAY = dt.date(2026, 6, 1)


def test_sparkline_scales_between_the_lowest_and_highest_value() -> None:
    assert sparkline([0.0, None, 1.0, 0.6]) == "▁·█▅"
    assert sparkline([0.4, 0.4]) == "▄▄"
    assert sparkline([None, None]) == "··"
    assert sparkline([]) == ""


def test_trend_text_gives_the_first_and_last_known_figures() -> None:
    points = (TrendPoint("2026-Q1", 0, None), TrendPoint("2026-Q2", 10, 0.25),
              TrendPoint("2026-Q3", 12, 0.5))
    assert trend_text(points, Metric.CONVERSION) == "·▁█ 25→50 %"
    days = (TrendPoint("2026-Q2", 10, 30.4), TrendPoint("2026-Q3", 12, 41.6))
    assert trend_text(days, Metric.DEAL_LENGTH) == "▁█ 30→42 days"


def _old_open_deals(rep: str, count: int) -> list[Deal]:
    history = [Deal(f"{rep} closed {i}", Outcome.WON, rep=rep, product="Pro",
                    first_contact=TODAY - dt.timedelta(days=100), closed_on=TODAY
                    - dt.timedelta(days=90)) for i in range(20)]
    return history + [Deal(f"{rep} open {i}", Outcome.OPEN, rep=rep, product="Pro",
                           first_contact=TODAY - dt.timedelta(days=50 + i))
                      for i in range(count)]


def test_an_empty_business_renders_empty_sections() -> None:
    options = GrowthOptions(period=Period.between(dt.date(2026, 1, 1), None))
    report = reference_growth([], TODAY, options)
    document = json.loads(render(report, options, "EUR", {}, "json"))
    assert document["period"] == {"from": "2026-01-01", "to": None}
    assert [document[k] for k in ("levers", "time_levers", "watch", "dragging")] == [[]] * 4
    table = render(report, options, "EUR", {}, "table")
    assert "Growth points over 2026-01-01 to …" in table
    assert table.count("(none") == 4


def test_the_table_lists_the_oldest_dragging_deals_of_each_salesperson() -> None:
    deals = _old_open_deals("Anna", 12) + _old_open_deals("Ben", 1)
    deals = [Deal(**{**{f: getattr(d, f) for f in Deal.__dataclass_fields__}, "id": n})
             for n, d in enumerate(deals, start=1)]
    options = GrowthOptions()
    report = reference_growth(deals, TODAY, options)
    titles = {d.id: d.title for d in deals if d.id is not None}
    table = render_table(report, options, "EUR", titles)
    assert "Anna: 12 deals dragging on" in table and "Ben: 1 deal dragging on" in table
    assert "Anna open 11" in table  # the oldest first
    assert "Anna open 0" not in table and "Anna open 1 " not in table
    assert "… and 2 more (--format json lists every one)" in table
    document = report_dict(report, options, "EUR", titles)
    assert [d["title"] for d in document["dragging"]][:2] == ["Anna open 11", "Anna open 10"]
    assert len(document["dragging"]) == 13


def test_titles_are_read_in_batches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(growth_report, "TITLE_BATCH", 2)
    store.add_deals([Deal(f"deal {i}", Outcome.OPEN) for i in range(5)], TODAY)
    assert deal_titles(store, [5, 1, 3, 4, 2, 99]) == {i: f"deal {i - 1}" for i in range(1, 6)}
