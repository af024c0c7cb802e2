"""Numbers group their thousands in the GUI, in the headless exports and in the headline's
changes, even where the system locale is C (servers, containers, CI)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from salesdesk import cli, launch
from salesdesk.domain.metrics import Figures, MoneyRules, MoneyTally, Tally, figures
from salesdesk.ui.charts.headless import ensure_application
from salesdesk.ui.formatting import CurrencyDisplay, set_currency_display
from salesdesk.ui.funnel import report_pdf
from salesdesk.ui.funnel.headline import Headline, headlines

MONEY = MoneyRules("EUR", {}, {"EUR": 2})
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def c_locale() -> Iterator[None]:
    """The C locale as the default (it omits thousands separators), restored afterwards."""
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        yield
    finally:
        QLocale.setDefault(previous)


def slice_figures(won: int, lost: int, open_: int, won_amount_cents: int) -> Figures:
    """Figures of a slice with ``won`` deals worth ``won_amount_cents`` in total."""
    return figures(Tally(open=open_, won=won, lost=lost, won_days=30 * won, lost_days=20 * lost,
                         middle_days=(25, 25),
                         won_money=MoneyTally(0, (("EUR", won, won_amount_cents),))),
                   money=MONEY)


def by_key(shown: list[Headline]) -> dict[str, Headline]:
    return {headline.key: headline for headline in shown}


def test_changes_group_thousands_as_the_locale_does() -> None:
    now = slice_figures(won=700, lost=603, open_=2_400, won_amount_cents=401_775_000)
    before = slice_figures(won=650, lost=500, open_=1_100, won_amount_cents=391_564_000)
    shown = by_key(headlines(now, before, "EUR", ENGLISH))
    assert shown["won_amount"].value == "4,017,750 EUR"
    assert shown["won_amount"].change == "+102,110 EUR vs previous period"
    assert shown["open"].change == "+1,300 vs previous period"
    german = by_key(headlines(now, before, "EUR",
                              QLocale(QLocale.Language.German, QLocale.Country.Germany)))
    assert german["won_amount"].change == "+102.110 EUR vs previous period"


@pytest.fixture
def currency_symbols() -> Iterator[None]:
    set_currency_display(CurrencyDisplay.SYMBOL)
    yield
    set_currency_display(CurrencyDisplay.CODE)


def test_the_won_amount_follows_the_currency_display(currency_symbols: None) -> None:
    now = slice_figures(won=700, lost=603, open_=2_400, won_amount_cents=401_775_000)
    before = slice_figures(won=650, lost=500, open_=1_100, won_amount_cents=391_564_000)
    shown = by_key(headlines(now, before, "EUR", ENGLISH))
    assert shown["won_amount"].value == "€4,017,750"
    assert shown["won_amount"].change == "+€102,110 vs previous period"


def test_ensure_application_groups_thousands_under_the_c_locale(c_locale: None) -> None:
    assert QLocale().toString(1303) == "1303"  # the C locale's own format
    ensure_application()
    assert QLocale().toString(1303) == "1,303"
    now = slice_figures(won=700, lost=603, open_=12, won_amount_cents=401_775_000)
    shown = by_key(headlines(now, None, "EUR"))
    assert shown["won_amount"].value == "4,017,750 EUR"
    assert "n = 1,303 decided deals" in shown["conversion"].detail


def test_the_headless_report_prints_grouped_numbers(c_locale: None, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    demo = tmp_path / "demo.db"
    launch.write_demo(demo, 300, dt.date.today())
    printed: list[Headline] = []

    def recorded(now: Figures, before: Figures | None, currency: str,
                 locale: QLocale | None = None) -> list[Headline]:
        shown = headlines(now, before, currency, locale)
        printed.extend(shown)
        return shown

    monkeypatch.setattr(report_pdf, "headlines", recorded)
    out = tmp_path / "meeting.pdf"
    assert cli.main(["export-report", "--db", str(demo), "--out", str(out)]) == launch.EXIT_OK
    won_amount = by_key(printed)["won_amount"].value
    assert re.fullmatch(r"\d{1,3}(,\d{3})+ EUR", won_amount), won_amount
