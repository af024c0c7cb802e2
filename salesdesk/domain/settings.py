"""Business settings that figures depend on; they live in the database file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class BusinessSettings:
    """Settings shared by the GUI and the CLI for one business.

    ``exchange_rates`` maps a currency code to how many units of the base currency one unit of
    it is worth. ``too_few_threshold`` is the number of decided deals under which a slice is
    "too few to judge". Retention counts are daily, weekly and monthly backups kept.
    """

    base_currency: str = "EUR"
    exchange_rates: dict[str, float] = field(default_factory=dict)
    fiscal_year_start: int = 1
    too_few_threshold: int = 20
    backup_folder: str = ""
    backup_retention: tuple[int, int, int] = (12, 10, 9)
