"""The meeting report's charts use the page: each fills a landscape A4 page, with text large
enough to read in a meeting (checked on the pages as poppler renders them)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from salesdesk.ui.charts import ChartFigures
from salesdesk.ui.funnel.report_pdf import CHART_ORDER, write_report

from .conftest import TODAY, first_line_height, ink

DPI = 72
MM_PER_PIXEL = 25.4 / DPI


@pytest.mark.skipif(shutil.which("pdftoppm") is None,
                    reason="pdftoppm (Debian: poppler-utils) is not installed")
def test_each_chart_fills_a_landscape_page_with_legible_text(
        qtbot: QtBot, tmp_path: Path, demo_figures: ChartFigures) -> None:
    pdf = write_report(tmp_path / "meeting.pdf", demo_figures, title="Sales meeting",
                       today=TODAY)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 1 + len(CHART_ORDER)  # the figures, then a page per chart
    first = ink(pages[0])
    assert first.shape[0] > first.shape[1]  # the figures' page stays portrait
    for page in pages[1:]:
        drawn = ink(page)
        height, width = drawn.shape
        assert width > height, page.name
        rows, columns = np.flatnonzero(drawn.any(axis=1)), np.flatnonzero(drawn.any(axis=0))
        # A4 landscape less 15 mm margins is 90 % × 86 % of the page; the chart fills it.
        assert columns[-1] - columns[0] >= 0.8 * width, page.name
        assert rows[-1] - rows[0] >= 0.7 * height, page.name
        # The title is over 4.5 mm from its letters' tops to their descenders (about 16 pt;
        # the chart's other text is in proportion, about 10 pt).
        title = drawn[rows[0]:, columns[0]:]
        assert first_line_height(title) * MM_PER_PIXEL >= 4.5, page.name
