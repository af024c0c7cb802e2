"""Currency facts from Babel (ISO codes and their decimal places), handed to domain as data,
and the system locale's currency."""

from __future__ import annotations

from functools import cache

from babel.numbers import get_currency_precision, list_currencies


@cache
def currency_digits() -> dict[str, int]:
    """Every ISO 4217 code Babel knows, with the number of decimal places of its minor unit."""
    return {code: get_currency_precision(code) for code in sorted(list_currencies())}


def default_currency() -> str:
    """The system locale's currency (what a new file records as its base currency), or EUR
    when the locale has none Babel knows. The GUI and the CLI both ask here."""
    from PySide6.QtCore import QLocale  # QtCore only: works without a QApplication

    code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code if code in currency_digits() else "EUR"
