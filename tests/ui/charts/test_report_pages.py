"""The meeting report's charts use the page: each fills a landscape A4 page, with text large
enough to read in a meeting (checked on the pages as poppler renders them); the window paints
them a step per turn of its event loop, and the steps give the same pictures."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from salesdesk.ui.charts import ChartFigures
from salesdesk.ui.charts.export import page_steps, paint_page, prepared_chart
from salesdesk.ui.funnel.report_pdf import CHART_ORDER, paint_charts, write_report

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


def _blank(size: tuple[int, int] = (1400, 950)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image


def test_a_page_painted_in_steps_is_the_page_painted_at_once(
        qtbot: QtBot, demo_figures: ChartFigures) -> None:
    at_once, in_steps = _blank(), _blank()
    for kind in CHART_ORDER:
        painter = QPainter(at_once)
        paint_page(painter, QRectF(at_once.rect()), prepared_chart(kind, demo_figures))
        painter.end()
        painter = QPainter(in_steps)
        steps = page_steps(painter, QRectF(in_steps.rect()), prepared_chart(kind, demo_figures))
        next(steps)
        laid_out = in_steps.copy()  # the page's text is painted, the chart not yet
        assert list(steps) == []
        painter.end()
        assert laid_out != in_steps, kind
        assert in_steps == at_once, kind


def test_the_report_charts_are_painted_a_step_per_turn(
        qtbot: QtBot, demo_figures: ChartFigures) -> None:
    charts: list[QImage] = []
    steps = paint_charts(demo_figures, charts)
    for number in range(len(CHART_ORDER)):
        next(steps)  # drawn, not yet painted
        assert len(charts) == number
        next(steps)  # laid out on the page
        assert len(charts) == number
        next(steps)
        assert len(charts) == number + 1
    assert list(steps) == []
    assert all(not chart.isNull() and chart.width() > chart.height() for chart in charts)
