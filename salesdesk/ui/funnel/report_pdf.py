"""The meeting report: one PDF with the slice, the headline figures (formula and n) and the
figures table on A4 portrait pages, then the five charts, each filling an A4 landscape page
with text as large as a slide's. Used by File ▸ Export Report and by
``salesdesk export-report``.

The charts are pyqtgraph scenes, which may be painted on the GUI thread only: the window paints
them first (:func:`paint_charts`, a step per turn of the event loop) and writes the PDF in a
worker; QPdfWriter and QImage painting are fine there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from salesdesk.breathing import Breather
from salesdesk.domain.metrics import Figures
from salesdesk.i18n import translate
from salesdesk.ui.charts import ChartFigures, ChartKind, ChartWidget
from salesdesk.ui.charts.export import page_steps, prepared_chart
from salesdesk.ui.formatting import date_text
from salesdesk.ui.funnel.figures_model import FiguresModel
from salesdesk.ui.funnel.headline import headlines
from salesdesk.ui.rendering import save_painted

CHART_ORDER = (ChartKind.FUNNEL, ChartKind.CONVERSION, ChartKind.DEAL_LENGTH, ChartKind.TREND,
               ChartKind.DISTRIBUTION)
RESOLUTION = 300  # dots per inch of the PDF's coordinate system
CHART_DPI = 200  # charts are pictures of this resolution on the page: sharp when printed
# A chart page is laid out this many logical pixels across: about 10 pt text on A4 landscape.
CHART_LAYOUT_WIDTH = 1000.0
CHART_PAUSE_S = 0.005  # the worker's pause between two chart pages (see _write)
PAGE_LAYOUT = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                          QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
CHART_PAGE_LAYOUT = QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                QPageLayout.Orientation.Landscape, QMarginsF(15, 15, 15, 15),
                                QPageLayout.Unit.Millimeter)


class _Pages:
    """Writes text top-down on A4 pages, starting a new page when one is full.

    Written in a worker, each piece breathes first (:class:`Breather`): PySide6 holds the GIL
    through QPainter calls, and the GUI thread must get its turns in between.
    """

    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.painter = painter
        self.writer = writer
        self.area = QRectF(painter.viewport())
        self.top = self.area.top()
        self.base = QFont("DejaVu Sans")
        self.base.setPointSizeF(10)
        self.breathe = Breather()

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont(self.base)
        font.setPointSizeF(self.base.pointSizeF() * scale)
        font.setBold(bold)
        return font

    def new_page(self) -> None:
        self.writer.newPage()
        self.top = self.area.top()

    def text(self, text: str, font: QFont, *, color: QColor | None = None,
             gap: float = 0.4) -> None:
        self.breathe()
        metrics = QFontMetricsF(font, self.writer)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(QRectF(0, 0, self.area.width(), 1e6), flags, text).height()
        if self.top + height > self.area.bottom():
            self.new_page()
        self.painter.setFont(font)
        self.painter.setPen(color or QColor("#202020"))
        self.painter.drawText(QRectF(self.area.left(), self.top, self.area.width(), height),
                              flags, text)
        self.top += height + metrics.height() * gap

    def table(self, rows: Sequence[Sequence[str]], font: QFont) -> None:
        """A table across the page whose first row is a header (wrapped when long)."""
        metrics = QFontMetricsF(font, self.writer)
        pad = metrics.height() / 2
        columns = len(rows[0])
        widths = [max([metrics.horizontalAdvance(row[c]) for row in rows[1:]]
                      + [metrics.horizontalAdvance(word) for word in rows[0][c].split()])
                  + pad for c in range(columns)]
        widths = [w * self.area.width() / sum(widths) for w in widths]  # fill the width
        line = metrics.height() * 1.35
        wrap = int(Qt.TextFlag.TextWordWrap)
        self.painter.setFont(font)
        for number, row in enumerate(rows):
            self.breathe()
            height = line * 3 if number == 0 else line
            if self.top + height > self.area.bottom():
                self.new_page()
                self.painter.setFont(font)
            if number % 2 == 1:
                self.painter.fillRect(QRectF(self.area.left(), self.top, self.area.width(),
                                             height), QColor("#f1f3f5"))
            x = self.area.left()
            for column, cell in enumerate(row):
                align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                self.painter.setPen(QColor("#5f6368" if number == 0 else "#202020"))
                rect = QRectF(x + pad / 2, self.top, widths[column] - pad, height)
                if number == 0:
                    flags = int(align | Qt.AlignmentFlag.AlignBottom) | wrap
                    self.painter.drawText(rect, flags, cell)
                else:
                    text = metrics.elidedText(cell, Qt.TextElideMode.ElideRight, rect.width())
                    self.painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
                x += widths[column]
            self.top += height


def write_report(path: Path, figures: ChartFigures, *, title: str, today: dt.date,
                 before: Figures | None = None, charts: Sequence[QImage] | None = None
                 ) -> Path:
    """Write the meeting report of ``figures`` to ``path`` (safely: no partial file).

    ``charts`` are the chart pictures from :func:`paint_charts`; without them they are
    painted here, which only the GUI thread may do.
    """
    if charts is None:
        charts = [_chart_image(kind, figures) for kind in CHART_ORDER]
    model = FiguresModel()
    model.set_figures(figures.by_label or translate("ReportPdf", "Group"), figures.overall,
                      figures.groups, figures.currency)

    def paint(device: QIODevice) -> None:
        writer = QPdfWriter(device)
        writer.setTitle(title)
        writer.setCreator("salesdesk")
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(PAGE_LAYOUT)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError("the PDF could not be started")
        try:
            _write(painter, writer, figures, model, title, today, before, charts)
        finally:
            painter.end()

    return save_painted(path, paint)


def _write(painter: QPainter, writer: QPdfWriter, figures: ChartFigures, model: FiguresModel,
           title: str, today: dt.date, before: Figures | None,
           charts: Sequence[QImage]) -> None:
    pages = _Pages(painter, writer)
    grey = QColor("#5f6368")
    pages.text(title, pages.font(1.8, bold=True), gap=0.2)
    prepared = translate("ReportPdf", "Prepared {date} with salesdesk.").format(
        date=date_text(today))
    pages.text(f"{figures.slice_text}\n{prepared}", pages.font(1.0), color=grey, gap=1.0)
    for headline in headlines(figures.overall, before, figures.currency):
        pages.text(translate("ReportPdf", "{title}: {value}").format(
            title=headline.title, value=headline.value), pages.font(1.3, bold=True), gap=0.1)
        detail = headline.detail.replace("\n", " · ")
        if headline.change:
            detail += f" · {headline.change}"
        pages.text(detail, pages.font(0.95), color=grey, gap=0.1)
        pages.text(headline.formula, pages.font(0.9), gap=0.9)
    heading = (translate("ReportPdf", "Figures by {dimension}").format(
        dimension=figures.by_label.lower()) if figures.by_label
        else translate("ReportPdf", "Figures"))
    pages.text(heading, pages.font(1.3, bold=True), gap=0.3)
    pages.table(model.rows(), pages.font(0.75))
    # Charts are wide: each gets a landscape page of its own (set before the page starts).
    # Embedding a chart's picture (compressing 3 megapixels) takes ~35 ms with the GIL held:
    # before each the GUI thread gets a pause long enough to catch up, whatever it waits in.
    writer.setPageLayout(CHART_PAGE_LAYOUT)
    breathe = Breather(every_s=0.0, pause_s=CHART_PAUSE_S)
    for chart in charts:
        breathe()
        writer.newPage()
        painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), chart)


def paint_charts(figures: ChartFigures, into: list[QImage]) -> Iterator[None]:
    """Paint the report's charts into ``into`` on the GUI thread, a chart in three steps of
    the iteration (drawing it, laying its page out, painting the page), so the event loop
    turns between."""
    for kind in CHART_ORDER:
        chart = prepared_chart(kind, figures)
        try:
            yield
            yield from _page_image(chart, into)
        finally:
            _discard(chart)
        yield


def _chart_image(kind: ChartKind, figures: ChartFigures) -> QImage:
    """The chart page of ``kind`` painted at once (see :func:`_page_image`)."""
    chart = prepared_chart(kind, figures)
    images: list[QImage] = []
    try:
        for _ in _page_image(chart, images):
            pass
    finally:
        _discard(chart)
    return images[0]


def _page_image(chart: ChartWidget, into: list[QImage]) -> Iterator[None]:
    """Paint the chart's page at print resolution, the size of a landscape page's printable
    area, and add it to ``into`` (in steps: :func:`page_steps`). Painted on an image first:
    pyqtgraph's text items are laid out for screen resolution and land misplaced when its
    scene is rendered straight onto a 300 dpi PDF device."""
    image = QImage(CHART_PAGE_LAYOUT.paintRectPixels(CHART_DPI).size(),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image_painter = QPainter(image)
    try:
        yield from page_steps(image_painter, QRectF(image.rect()), chart,
                              layout_width=CHART_LAYOUT_WIDTH)
    finally:
        image_painter.end()
    into.append(image)


def _discard(chart: ChartWidget) -> None:
    chart.close()
    chart.deleteLater()
