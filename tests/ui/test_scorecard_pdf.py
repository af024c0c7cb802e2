"""The one-page preparation brief stays one readable page however much is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSizeF
from pytestqt.qtbot import QtBot

from salesdesk.domain.deal_prep import InterestArea, PrepSheet, Variable
from salesdesk.ui.scorecards import pdf

A4_DOTS = QSizeF(2197, 3366)  # A4 less the 12 mm margins, at 300 dpi
TEXT = "The client wants a longer warranty and a staged payment plan with quarterly reviews. "


def _full_sheet(repeat: int) -> PrepSheet:
    long = TEXT * repeat
    return PrepSheet(
        areas=tuple(InterestArea(f"Area {n} {long}", tuple(Variable(long, long)
                                                           for _ in range(4)))
                    for n in range(10)),
        rapport=long * 10, spin=tuple(long * 5 for _ in range(4)),
        price_arguments=long * 8, counter_arguments=long * 8,
        tactics=("Good cop, bad cop",), tactics_reviewed=True)


def _html(sheet: PrepSheet) -> str:
    return pdf.brief_html(sheet, deal="Boiler for Oak Ltd", details="Anna",
                          today=dt.date(2026, 1, 3), tactics=["Good cop, bad cop"],
                          prepared_from=0.5)


def test_a_short_brief_prints_at_full_size(qtbot: QtBot) -> None:
    document, scale = pdf.fit_one_page(_html(PrepSheet()), A4_DOTS)
    assert document.textWidth() == pdf.LAYOUT_WIDTH
    assert scale == A4_DOTS.width() / pdf.LAYOUT_WIDTH


def test_a_full_brief_fills_the_page_and_stays_legible(qtbot: QtBot, tmp_path: Path) -> None:
    nominal = A4_DOTS.width() / pdf.LAYOUT_WIDTH
    for repeat in (3, 50):  # long texts, and texts far past the brief's limits
        document, scale = pdf.fit_one_page(_html(_full_sheet(repeat)), A4_DOTS)
        width, height = document.textWidth() * scale, document.size().height() * scale
        assert width <= A4_DOTS.width() + 1 and height <= A4_DOTS.height() + 1
        assert width >= 0.95 * A4_DOTS.width()  # the page's width is used, not a column
        assert scale >= 0.45 * nominal, scale / nominal  # 8 pt text prints at >= 4.7 pt
    path = pdf.write_brief(tmp_path / "brief.pdf", _full_sheet(50), deal="Boiler",
                           details="Anna", today=dt.date(2026, 1, 3),
                           tactics=["Good cop, bad cop"], prepared_from=0.5)
    data = path.read_bytes()
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 1
