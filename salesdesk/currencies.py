"""Currency facts from Babel (ISO codes and their decimal places), handed to domain as data."""

from __future__ import annotations

from functools import cache

from babel.numbers import get_currency_precision, list_currencies


@cache
def currency_digits() -> dict[str, int]:
    """Every ISO 4217 code Babel knows, with the number of decimal places of its minor unit."""
    return {code: get_currency_precision(code) for code in sorted(list_currencies())}
