"""Numbers as the user's locale writes them, for charts, tables and reports alike.

Everything here formats through a QLocale (by default the application's, which
``locale_setup.group_thousands`` makes group thousands), so a chart label, the figures table
beside it and an exported report all say "1.234" in Germany and "1,234" in the US. An
undefined figure is "—", never 0. Dates have one format on every screen, chart and report
(:func:`date_text`), the one the date fields read back. Files and the CLI's machine output keep
plain ISO numbers and dates and do not use these.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from PySide6.QtCore import QDate, QLocale, QTime

from salesdesk.currencies import currency_symbol
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

UNDEFINED = "—"
# English, marked for translation: show it as likely_range_tip() (or translate("Formatting",
# LIKELY_RANGE_TIP)).
LIKELY_RANGE_TIP = QT_TRANSLATE_NOOP(
    "Formatting",
    "Likely range: with this many decided deals, the true conversion lies between these"
    " values with 95 % certainty (a Wilson interval). The fewer the deals, the wider it is.")


def likely_range_tip() -> str:
    """The tooltip of a likely range (a Wilson interval), in the chosen language."""
    return translate("Formatting", LIKELY_RANGE_TIP)


def count(value: int, locale: QLocale | None = None) -> str:
    """A whole number with the locale's thousands separators ("1,234" / "1.234")."""
    return (locale or QLocale()).toString(value)


def number(value: float | None, decimals: int, locale: QLocale | None = None) -> str:
    """``value`` with ``decimals`` decimals in the locale's digits ("4.5" / "4,5")."""
    if value is None:
        return UNDEFINED
    return (locale or QLocale()).toString(float(value), "f", decimals)


def percent(value: float | None, decimals: int = 0, locale: QLocale | None = None) -> str:
    """A fraction (0–1) as a percentage ("47 %", "47,3 %")."""
    return UNDEFINED if value is None else f"{number(value * 100, decimals, locale)} %"


def days(value: float | None, locale: QLocale | None = None) -> str:
    """A number of days, short: one decimal below ten ("4.5 d", "34 d")."""
    if value is None:
        return UNDEFINED
    return translate("Formatting", "{value} d").format(
        value=number(value, 1 if value < 10 else 0, locale))


def date_pattern(locale: QLocale | None = None) -> str:
    """The one date format of the screens, as a Qt pattern: the locale's short date with a
    four-digit year ("04.12.2026", "12/4/2026", "2026. 12. 04."), numbers only so it can be
    typed back; where the locale writes a month's name (the C locale of servers and CI),
    day.month.year."""
    short = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat).strip()
    runs = re.findall(r"y+|M+|d+", short)
    if len(runs) != 3 or any(run not in ("yy", "yyyy", "M", "MM", "d", "dd") for run in runs):
        return "dd.MM.yyyy"
    return re.sub(r"y+", "yyyy", short)


def date_text(day: dt.date | str | None, locale: QLocale | None = None) -> str:
    """A date (or an ISO date's text) as every screen writes it; "" for none."""
    if not day:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    loc = locale or QLocale()
    return loc.toString(QDate(day.year, day.month, day.day), date_pattern(loc))


def date_range_text(start: dt.date | None, end: dt.date | None,
                    locale: QLocale | None = None) -> str:
    """A period as the screens write it ("01.07.2026 – 30.09.2026"; "…" for an open end)."""
    return f"{date_text(start, locale) or '…'} – {date_text(end, locale) or '…'}"


def moment_text(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """A point in time, in local time: the screens' date and the locale's short time."""
    local = moment.astimezone()
    loc = locale or QLocale()
    return (f"{date_text(local.date(), loc)} "
            f"{loc.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)}")


class CurrencyDisplay(StrEnum):
    """How the screens write a currency beside an amount (Preferences)."""

    CODE = "code"  # "12,500 EUR": unambiguous, the default
    SYMBOL = "symbol"  # "€12,500", "12 500 Ft": placed as the locale places it


_currency_display = CurrencyDisplay.CODE


def set_currency_display(display: CurrencyDisplay) -> None:
    """Write amounts with the currency's code or its symbol from now on."""
    global _currency_display
    _currency_display = display


def amount_text(amount: float, currency: str, decimals: int, locale: QLocale | None = None,
                display: CurrencyDisplay | None = None) -> str:
    """``amount`` of ``currency`` with ``decimals`` decimals, its currency written as
    ``display`` (default: as Preferences say) has it: "12,500.00 EUR" or "€12,500.00"."""
    loc = locale or QLocale()
    if (display or _currency_display) is CurrencyDisplay.SYMBOL:
        return loc.toCurrencyString(float(amount), currency_symbol(currency, loc.name()),
                                    decimals)
    return f"{number(amount, decimals, loc)} {currency}"


def money(amount: float, currency: str, locale: QLocale | None = None) -> str:
    """An amount in whole units of ``currency`` ("12,500 EUR" or "€12,500")."""
    return amount_text(amount, currency, 0, locale)
