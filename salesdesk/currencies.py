"""Currency facts from Babel (ISO codes, their decimal places and symbols), handed to domain as
data, and the system locale's currency."""

from __future__ import annotations

from functools import cache

from babel.core import UnknownLocaleError
from babel.numbers import get_currency_precision, get_currency_symbol, list_currencies


@cache
def currency_digits() -> dict[str, int]:
    """Every ISO 4217 code Babel knows, with the number of decimal places of its minor unit."""
    return {code: get_currency_precision(code) for code in sorted(list_currencies())}


@cache
def currency_symbol(code: str, locale_name: str) -> str:
    """How ``locale_name`` (such as "hu_HU") writes the currency ``code`` for short: "€",
    "Ft", "$"; the code itself where the locale has no symbol of its own for it."""
    try:
        return get_currency_symbol(code, locale=locale_name)
    except (UnknownLocaleError, ValueError):
        return code


def default_currency() -> str:
    """The system locale's currency (what a new file records as its base currency), or EUR
    when the locale has none Babel knows. The GUI and the CLI both ask here."""
    from PySide6.QtCore import QLocale  # QtCore only: works without a QApplication

    code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code if code in currency_digits() else "EUR"
