"""Numbers as the user's locale writes them, for charts, tables and reports alike.

Everything here formats through a QLocale (by default the application's, which
``locale_setup.group_thousands`` makes group thousands), so a chart label, the figures table
beside it and an exported report all say "1.234" in Germany and "1,234" in the US. An
undefined figure is "—", never 0. Files and the CLI's machine output keep plain ISO numbers
and do not use these.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

UNDEFINED = "—"
LIKELY_RANGE_TIP = (
    "Likely range: with this many decided deals, the true conversion lies between these"
    " values with 95 % certainty (a Wilson interval). The fewer the deals, the wider it is.")


def count(value: int, locale: QLocale | None = None) -> str:
    """A whole number with the locale's thousands separators ("1,234" / "1.234")."""
    return (locale or QLocale()).toString(value)


def number(value: float | None, decimals: int, locale: QLocale | None = None) -> str:
    """``value`` with ``decimals`` decimals in the locale's digits ("4.5" / "4,5")."""
    return UNDEFINED if value is None else (locale or QLocale()).toString(value, "f", decimals)


def percent(value: float | None, decimals: int = 0, locale: QLocale | None = None) -> str:
    """A fraction (0–1) as a percentage ("47 %", "47,3 %")."""
    return UNDEFINED if value is None else f"{number(value * 100, decimals, locale)} %"


def days(value: float | None, locale: QLocale | None = None) -> str:
    """A number of days, short: one decimal below ten ("4.5 d", "34 d")."""
    if value is None:
        return UNDEFINED
    return f"{number(value, 1 if value < 10 else 0, locale)} d"


def money(amount: float, currency: str, locale: QLocale | None = None) -> str:
    """An amount in whole units of ``currency`` with its code ("12,500 EUR")."""
    return f"{number(amount, 0, locale)} {currency}"
