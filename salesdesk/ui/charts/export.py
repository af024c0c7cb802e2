"""Export one chart: PNG at the pixel size asked, SVG, PDF, or CSV of the figures it draws.

Pictures are painted with QPainter straight from the chart's scene onto a QImage,
QSvgGenerator or QPdfWriter, with a title, the slice, the formula and n stamped around it.
This sidesteps pyqtgraph's exporters and their traps (ecosystem_reliability.md): the
SVGExporter raises on PySide6 ≥ 6.11 (pyqtgraph #3495), the ImageExporter truncates the
height from the aspect ratio and returns False instead of raising, and its legend does not
scale. Here a PNG has exactly the width and height asked and is drawn at that size (crisp:
vector drawing scaled, never a bitmap enlarged), and every output is vector where the format
allows it.

The chart exported is a fresh, hidden widget drawn in the light style, so an export looks the
same from the GUI (any palette, any window size) and from ``salesdesk export-chart``. Every
file is painted into memory and written through ``ui.rendering.save_painted`` (a full disk
is an error, not a short file): a failure leaves no file (or the old one) and raises OSError
with a plain message.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from salesdesk.files import neutralise_cell, write_text
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui import formatting
from salesdesk.ui.charts import make_chart
from salesdesk.ui.charts.base import Cell, ChartKind, ChartWidget
from salesdesk.ui.charts.data import ChartFigures
from salesdesk.ui.charts.funnel_chart import FunnelChart
from salesdesk.ui.charts.style import ChartStyle
from salesdesk.ui.charts.svg import flatten_strokes
from salesdesk.ui.rendering import painted, save_painted

DEFAULT_WIDTH = 1920
DEFAULT_HEIGHT = 1080
MAX_PIXELS = 10_000  # per side: a 10,000² image already takes 400 MB
PAGE_WIDTH = 1200.0  # logical size a large picture is laid out at (and scaled up)
PAGE_HEIGHT = 675.0
SMALLEST_WIDTH = 800.0  # logical size a small picture is laid out at (and scaled down)
SMALLEST_HEIGHT = 450.0
MARGIN = 28.0


class ExportFormat(StrEnum):
    """The formats a chart is exported in, named by their file extension."""

    PNG = "png"
    SVG = "svg"
    PDF = "pdf"
    CSV = "csv"

    @property
    def description(self) -> str:
        """The name a file dialog shows, translated."""
        return translate("ExportFormat", _DESCRIPTIONS[self])

    @classmethod
    def of_path(cls, path: Path | str) -> ExportFormat:
        """The format a file name's extension asks for; ValueError for any other."""
        suffix = Path(path).suffix.lower().lstrip(".")
        try:
            return cls(suffix)
        except ValueError:
            raise ValueError(translate(
                "ExportFormat", "{name}: the file name must end in {suffixes}.").format(
                name=Path(path).name,
                suffixes=", ".join(f".{f.value}" for f in cls))) from None


_DESCRIPTIONS = {
    ExportFormat.PNG: QT_TRANSLATE_NOOP("ExportFormat", "PNG image"),
    ExportFormat.SVG: QT_TRANSLATE_NOOP("ExportFormat", "SVG drawing"),
    ExportFormat.PDF: QT_TRANSLATE_NOOP("ExportFormat", "PDF document"),
    ExportFormat.CSV: QT_TRANSLATE_NOOP("ExportFormat", "CSV figures"),
}


# --- the figures as CSV ----------------------------------------------------------------------


def _cell(value: Cell) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise_cell(value)
    return value


def figures_csv(chart: ChartWidget) -> str:
    """The chart's figures as CSV text: a header row and one row per bar, numbers unrounded,
    undefined figures empty, text cells neutralised against formula injection."""
    header, rows = chart.figures_table()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_cell(name) for name in header])
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return out.getvalue()


# --- painting a page -------------------------------------------------------------------------


def prepared_chart(chart: ChartWidget | ChartKind | str, figures: ChartFigures
                   ) -> ChartWidget:
    """A fresh hidden chart of the same kind (and funnel mode) drawing ``figures`` in the
    light export style. A chart widget is copied by its class, so charts of other tabs
    (the Scorecards tab's) export the same way."""
    fresh = type(chart)() if isinstance(chart, ChartWidget) else make_chart(ChartKind(chart))
    if isinstance(chart, FunnelChart) and isinstance(fresh, FunnelChart):
        fresh.set_by_amount(chart.by_amount)
    fresh.set_chart_style(ChartStyle.light())
    fresh.set_figures(figures)
    return fresh


def _layout_chart(chart: ChartWidget, width: float, height: float) -> None:
    """Lay the hidden chart out at ``width`` × ``height`` logical pixels.

    pyqtgraph widens axes to their labels only after a first paint, so the chart is painted
    once off the record and laid out again before the real painting.
    """
    size = QSize(max(1, round(width)), max(1, round(height)))
    chart.resize(size)
    chart.view.resize(size)
    # Never shown (no window flashes, no platform warnings), the view gets no resize event:
    # give its scene the size directly, as pyqtgraph's resizeEvent would.
    chart.view.setRange(QRectF(0, 0, size.width(), size.height()), padding=0,
                        disableAutoPixel=False)
    # The layout requests pyqtgraph posted, and nothing else: not an event loop of its own
    # (which would run timers and queued slots in the middle of an export).
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    scratch = QImage(chart.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(scratch)
    chart.view.scene().render(painter, QRectF(scratch.rect()), chart.view.sceneRect())
    painter.end()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _wrapped_height(painter: QPainter, width: float, text: str) -> float:
    metrics = QFontMetrics(painter.font())
    flags = int(Qt.TextFlag.TextWordWrap)
    return float(metrics.boundingRect(0, 0, round(width), 10_000, flags, text).height())


def paint_page(painter: QPainter, target: QRectF, chart: ChartWidget, *,
               layout_width: float = PAGE_WIDTH) -> None:
    """Paint ``chart`` with its title, slice description, formula and n into ``target``
    (device coordinates of ``painter``); see :func:`page_steps`."""
    for _ in page_steps(painter, target, chart, layout_width=layout_width):
        pass


def page_steps(painter: QPainter, target: QRectF, chart: ChartWidget, *,
               layout_width: float = PAGE_WIDTH) -> Iterator[None]:
    """:func:`paint_page` in two steps: the iteration pauses once the chart is laid out, before
    its scene is painted, so the GUI thread can turn its event loop between the two (each
    takes up to ~35 ms for a big trend chart).

    A target of ``layout_width`` × PAGE_HEIGHT or more is laid out at that size (at
    ``target``'s shape) and scaled up, so a large picture is the same picture, only crisper
    (a smaller ``layout_width`` makes the text larger). A smaller target down to
    SMALLEST_WIDTH × SMALLEST_HEIGHT is laid out at its own size, so its text stays as large
    as on screen instead of shrinking with it; below that, the layout keeps that size, which
    leaves the chart room beside its title and formula, and is scaled down.
    """
    scale = max(min(target.width() / layout_width, target.height() / PAGE_HEIGHT),
                min(1.0, target.width() / SMALLEST_WIDTH, target.height() / SMALLEST_HEIGHT))
    width, height = target.width() / scale, target.height() / scale
    figures = chart.figures
    style = chart.chart_style()
    painter.save()
    try:
        painter.translate(target.topLeft())
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, width, height), style.background)
        inner = width - 2 * MARGIN
        flags = int(Qt.TextFlag.TextWordWrap)

        painter.setPen(style.foreground)
        painter.setFont(style.font(1.7, bold=True))
        title_height = _wrapped_height(painter, inner, chart.title())
        painter.drawText(QRectF(MARGIN, MARGIN, inner, title_height), flags, chart.title())
        top = MARGIN + title_height + 4
        painter.setPen(style.subtle)
        painter.setFont(style.font(1.05))
        slice_text = figures.slice_text if figures else ""
        slice_height = _wrapped_height(painter, inner, slice_text)
        painter.drawText(QRectF(MARGIN, top, inner, slice_height), flags, slice_text)
        top += slice_height + 10

        painter.setFont(style.font(0.95))
        formula = chart.formula_text()
        formula_height = _wrapped_height(painter, inner, formula)
        bottom = height - MARGIN - formula_height
        painter.setPen(style.foreground)
        painter.drawText(QRectF(MARGIN, bottom, inner, formula_height), flags, formula)
        painter.setPen(QColor(style.muted))
        painter.drawLine(QRectF(MARGIN, bottom - 10, inner, 0).topLeft(),
                         QRectF(MARGIN, bottom - 10, inner, 0).topRight())

        area = QRectF(MARGIN / 2, top, width - MARGIN, max(1.0, bottom - 16 - top))
        _layout_chart(chart, area.width(), area.height())
        yield
        chart.view.scene().render(painter, area, chart.view.sceneRect())
    finally:
        painter.restore()


# --- writing files -----------------------------------------------------------------------------


def _picture_dpi() -> int:
    """The resolution pyqtgraph's cached drawings (QPicture: axes, bars) are recorded at.

    QPainter scales a QPicture by the target's resolution over this one, so every target is
    given this resolution: QSvgGenerator defaults to 72 dpi and QPdfWriter to 1200, which
    would shrink or blow up the axes and bars against the rest of the chart.
    """
    return QPicture().logicalDpiX()


def _paint_png(chart: ChartWidget, device: QIODevice, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    dots_per_metre = round(_picture_dpi() / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(chart.chart_style().background)
    painter = QPainter(image)
    paint_page(painter, QRectF(0, 0, width, height), chart)
    painter.end()
    if not QImageWriter(device, QByteArray(b"PNG")).write(image):
        raise OSError(translate("Export", "the image could not be written"))


def _paint_svg(chart: ChartWidget, device: QIODevice, width: int, height: int) -> None:
    def paint(buffer: QIODevice) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setResolution(_picture_dpi())
        generator.setTitle(chart.title())
        generator.setDescription(chart.formula_text())
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(translate("Export", "the drawing could not be written"))
        paint_page(painter, QRectF(0, 0, width, height), chart)
        painter.end()

    # Painted in memory first: the cosmetic pens QSvgGenerator writes as non-scaling strokes
    # are rewritten to plain strokes in pixels, which every viewer draws (see svg.py).
    if device.write(flatten_strokes(painted(paint))) < 0:
        raise OSError(translate("Export", "the drawing could not be written"))


def _paint_pdf(chart: ChartWidget, device: QIODevice) -> None:
    writer = QPdfWriter(device)
    writer.setTitle(chart.title())
    writer.setCreator("salesdesk")
    writer.setResolution(_picture_dpi())
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(translate("Export", "the PDF could not be written"))
    paint_page(painter, QRectF(painter.viewport()), chart)
    painter.end()


def export_chart(chart: ChartWidget | ChartKind | str, figures: ChartFigures, path: Path | str,
                 fmt: ExportFormat | str | None = None, width: int = DEFAULT_WIDTH,
                 height: int = DEFAULT_HEIGHT) -> Path:
    """Write a chart of ``figures`` to ``path`` and return the path.

    ``chart`` is a chart widget (its kind and funnel mode are used; the widget on screen is
    not touched) or a kind. ``fmt`` defaults to the path's extension; ``width`` × ``height``
    is the PNG's and SVG's size in pixels (a PDF is an A4 landscape page). Needs a
    QApplication (``headless.ensure_application`` makes an offscreen one). Raises ValueError
    for a bad format or size, OSError with a plain message when the file cannot be written
    (no partial file is left).
    """
    path = Path(path)
    form = ExportFormat.of_path(path) if fmt is None else ExportFormat(fmt)
    if not (1 <= width <= MAX_PIXELS and 1 <= height <= MAX_PIXELS):
        raise ValueError(translate(
            "Export", "The size must be between 1 and {most} pixels per side.").format(
            most=formatting.count(MAX_PIXELS)))
    fresh = prepared_chart(chart, figures)

    def paint(device: QIODevice) -> None:
        if form is ExportFormat.PNG:
            _paint_png(fresh, device, width, height)
        elif form is ExportFormat.SVG:
            _paint_svg(fresh, device, width, height)
        else:
            _paint_pdf(fresh, device)

    try:
        if form is ExportFormat.CSV:
            try:
                write_text(path, figures_csv(fresh))
            except OSError as exc:
                reason = exc.strerror or str(exc) or type(exc).__name__
                raise OSError(translate("Export", "Could not save {name} in {folder}: {reason}.")
                              .format(name=path.name, folder=path.parent, reason=reason)) from exc
            return path
        return save_painted(path, paint)
    finally:
        fresh.close()
        fresh.deleteLater()
