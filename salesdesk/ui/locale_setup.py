"""The number format every window, report and headless export shares."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def group_thousands() -> None:
    """Make the default QLocale group thousands ("1,500,000 EUR", "n = 1,303").

    The C/POSIX locale (servers, fresh containers, CI) omits thousands separators, which makes
    "1500000 EUR" hard to read; real locales group them already, so in effect only the C
    locale changes. The GUI and the headless exports both call this, so a report reads the same
    whichever of them wrote it.
    """
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    QLocale.setDefault(locale)
