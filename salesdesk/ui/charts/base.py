"""The common frame of the five charts: a pyqtgraph scene, its style, an empty-slice message,
and clicks on bars that stand for a group value.

A chart is a function of :class:`ChartFigures`: :meth:`ChartWidget.set_figures` clears the
scene and draws it again (the figures of a slice are a few dozen bars, so redrawing is cheaper
and simpler than patching items). Pan, zoom and pyqtgraph's own context menu are switched
off: a chart here is read, not explored, and exports go through our dialog (which reports
errors, unlike pyqtgraph's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui.charts.data import ChartFigures
from salesdesk.ui.charts.style import ChartStyle

# The charts' numbers, re-exported for the chart modules: the same locale-aware formats as the
# tables beside them (1.234 in Germany, 1,234 in the US).
from salesdesk.ui.formatting import count as count
from salesdesk.ui.formatting import days as days
from salesdesk.ui.formatting import percent as percent

NO_CLOSED_DEALS = QT_TRANSLATE_NOOP("ChartWidget", "No closed deals in this slice")
NO_DEALS = QT_TRANSLATE_NOOP("ChartWidget", "No deals in this slice")
MAX_LABEL = 28  # characters of a group label on an axis before it is shortened with "…"
LABEL_GAP = 6.0  # pixels between a bar (or its whisker) and its value label

Cell = str | int | float | None
"""A cell of a chart's figures table (None: undefined, an empty CSV cell)."""


class ChartKind(StrEnum):
    """The five charts of the Funnel tab, by the names the CLI's ``--chart`` takes."""

    FUNNEL = "funnel"
    CONVERSION = "conversion"
    DEAL_LENGTH = "deal-length"
    TREND = "trend"
    DISTRIBUTION = "distribution"


def shortened(label: str, limit: int = MAX_LABEL) -> str:
    """``label`` cut to ``limit`` characters with "…" (the full text is in the CSV)."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def wrapped(text: str, font: QFont, width: float) -> str:
    """``text`` broken into lines of at most ``width`` pixels in ``font``, between words or
    after a hyphen inside one ("counter-" / "arguments"); a piece longer than ``width`` keeps
    a line of its own."""
    metrics = QFontMetrics(font)
    lines: list[str] = []
    for space, piece in re.findall(r"(\s*)(\S+?-(?=\S)|\S+)", text):
        joined = f"{lines[-1]}{' ' if space else ''}{piece}" if lines else piece
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(piece)
    return "\n".join(lines)


MAX_DESCRIBED_ROWS = 30

# The figures tables' column names and yes/no cells as a screen reader says them (the CSV
# keeps the names as they are: they match ``salesdesk report``'s): the name with spaces for
# underscores, translated when it is listed here.
_SPOKEN: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ChartWidget", "group"),
    QT_TRANSLATE_NOOP("ChartWidget", "step"),
    QT_TRANSLATE_NOOP("ChartWidget", "deals"),
    QT_TRANSLATE_NOOP("ChartWidget", "step conversion"),
    QT_TRANSLATE_NOOP("ChartWidget", "amount"),
    QT_TRANSLATE_NOOP("ChartWidget", "amount step conversion"),
    QT_TRANSLATE_NOOP("ChartWidget", "amount unknown"),
    QT_TRANSLATE_NOOP("ChartWidget", "amount left out"),
    QT_TRANSLATE_NOOP("ChartWidget", "month"),
    QT_TRANSLATE_NOOP("ChartWidget", "decided"),
    QT_TRANSLATE_NOOP("ChartWidget", "closed"),
    QT_TRANSLATE_NOOP("ChartWidget", "won"),
    QT_TRANSLATE_NOOP("ChartWidget", "lost"),
    QT_TRANSLATE_NOOP("ChartWidget", "open"),
    QT_TRANSLATE_NOOP("ChartWidget", "conversion"),
    QT_TRANSLATE_NOOP("ChartWidget", "conversion low"),
    QT_TRANSLATE_NOOP("ChartWidget", "conversion high"),
    QT_TRANSLATE_NOOP("ChartWidget", "too few"),
    QT_TRANSLATE_NOOP("ChartWidget", "avg deal length days"),
    QT_TRANSLATE_NOOP("ChartWidget", "median deal length days"),
    QT_TRANSLATE_NOOP("ChartWidget", "avg deal length won days"),
    QT_TRANSLATE_NOOP("ChartWidget", "avg deal length lost days"),
    QT_TRANSLATE_NOOP("ChartWidget", "touchpoint changes"),
    QT_TRANSLATE_NOOP("ChartWidget", "deal length days"),
    QT_TRANSLATE_NOOP("ChartWidget", "closed deals"),
    QT_TRANSLATE_NOOP("ChartWidget", "yes"),
    QT_TRANSLATE_NOOP("ChartWidget", "no"),
)


def _spoken_name(name: str) -> str:
    """A figures-table column name as words ("step_conversion" → "step conversion")."""
    words = name.replace("_", " ")
    return translate("ChartWidget", words) if words in _SPOKEN else words


def _spoken(cell: Cell) -> str:
    """A figures-table cell as words: undefined is "none", fractions keep three digits."""
    if cell is None:
        return translate("ChartWidget", "none")
    if isinstance(cell, float):
        return f"{cell:.3g}"
    if cell in ("yes", "no"):
        return translate("ChartWidget", str(cell))
    return str(cell)


class ChartWidget(QWidget):
    """A chart of one slice's figures.

    Subclasses set :attr:`chart_id`, draw in :meth:`_draw`, say when there is nothing to draw
    in :meth:`_empty_message`, and map a click on their main plot to a value in
    :meth:`_value_at`.

    Signals:
        value_clicked(str): a bar standing for a group value (or, in the funnel, a stage) was
            clicked; the string is the value as shown, "(none)" for deals without one.
    """

    value_clicked = Signal(str)
    chart_id: StrEnum
    """The chart's name in exports: a :class:`ChartKind` for the Funnel tab's charts, the
    Scorecards' and Customers' own kinds for theirs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures: ChartFigures | None = None
        self._style = ChartStyle.from_palette()
        self._follow_palette = True
        self._clickable: list[pg.PlotItem] = []  # plots whose clicks _value_at maps
        self._hoverable: list[pg.PlotItem] = []  # plots whose bars _tooltip_at explains
        self._placers: dict[pg.ViewBox, Callable[[], None]] = {}  # see _when_resized
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setAntialiasing(True)
        self.view.ci.setContentsMargins(8, 8, 16, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.view.scene().sigMouseMoved.connect(self._on_scene_moved)
        self._redraw()

    # --- public API --------------------------------------------------------------------------

    def title(self) -> str:
        """The chart's title, e.g. "Conversion by salesperson"."""
        raise NotImplementedError

    def formula_text(self) -> str:
        """How the figures are computed (DESIGN.md §4, in words) and their n."""
        raise NotImplementedError

    def figures_table(self) -> tuple[list[str], list[list[Cell]]]:
        """The figures the chart draws, as a header and rows (for CSV export)."""
        raise NotImplementedError

    @property
    def figures(self) -> ChartFigures | None:
        """The figures drawn (None before :meth:`set_figures`)."""
        return self._figures

    def set_figures(self, figures: ChartFigures) -> None:
        """Draw ``figures``."""
        self._figures = figures
        self._redraw()

    def chart_style(self) -> ChartStyle:
        """The colours and fonts in use."""
        return self._style

    def set_chart_style(self, style: ChartStyle | None) -> None:
        """Draw with ``style``; None follows the application's palette again."""
        self._follow_palette = style is None
        self._style = ChartStyle.from_palette() if style is None else style
        self._redraw()

    def message(self) -> str | None:
        """The message shown instead of the chart (None when the chart is drawn)."""
        return None if self._figures is None else self._empty_message(self._figures)

    # --- drawing -----------------------------------------------------------------------------

    def _empty_message(self, figures: ChartFigures) -> str | None:
        return (translate("ChartWidget", NO_CLOSED_DEALS) if figures.overall.decided == 0
                else None)

    def _draw(self, figures: ChartFigures) -> None:
        raise NotImplementedError

    def _redraw(self) -> None:
        self.view.clear()
        self._clickable = []
        self._hoverable = []
        self._placers = {}
        self.view.setBackground(self._style.background)
        figures = self._figures
        if figures is None:
            return
        self.setAccessibleName(self.title())
        text = self._empty_message(figures)
        if text is not None:
            self.setAccessibleDescription(text)
            self.view.addLabel(text, color=self._style.subtle,
                               size=f"{self._style.font(1.4).pixelSize()}px")
            return
        self._draw(figures)
        self.setAccessibleDescription(self.figures_description())

    def figures_description(self, limit: int = MAX_DESCRIBED_ROWS) -> str:
        """The figures drawn, in words, for a screen reader: each row of the figures table
        as "first cell: column value, …" (the first ``limit`` rows), then how they are
        computed."""
        header, rows = self.figures_table()
        lines = [f"{_spoken(row[0])}: " + ", ".join(
                     translate("ChartWidget", "{name} {value}").format(
                         name=_spoken_name(name), value=_spoken(cell))
                     for name, cell in zip(header[1:], row[1:], strict=False))
                 for row in rows[:limit]]
        if len(rows) > limit:
            lines.append(translate("ChartWidget", "and {count} rows more (Export Chart… writes"
                                   " them all).").format(count=len(rows) - limit))
        return "\n".join([*lines, self.formula_text()])

    def _add_plot(self, row: int = 0, *, left: str = "", bottom: str = "") -> pg.PlotItem:
        """A plot styled for this chart: no mouse pan/zoom, no menu, no auto-range button."""
        style = self._style
        plot: pg.PlotItem = self.view.addPlot(row=row, col=0)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.vb.setDefaultPadding(0.02)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(style.pen(style.subtle))
            axis.setTextPen(style.pen(style.foreground))
            axis.setStyle(tickFont=style.font(), tickTextOffset=6, maxTickLevel=0)
            axis.label.setFont(style.font())
        label_style = {"color": style.css(style.foreground),
                       "font-size": f"{style.font().pixelSize()}px"}
        if left:
            plot.setLabel("left", left, **label_style)
        if bottom:
            plot.setLabel("bottom", bottom, **label_style)
        return plot

    def _text(self, plot: pg.PlotItem, text: str, x: float, y: float, *,
              anchor: tuple[float, float] = (0, 0.5), color: Any = None,
              scale: float = 0.95, bold: bool = False) -> pg.TextItem:
        """A label at data position (x, y), in pixels so it stays readable at any size."""
        item = pg.TextItem(text, color=color or self._style.foreground, anchor=anchor)
        item.setFont(self._style.font(scale, bold=bold))
        item.setPos(x, y)
        plot.addItem(item)
        return item

    def _when_resized(self, plot: pg.PlotItem, place: Callable[[], None]) -> None:
        """Call ``place`` now and whenever ``plot`` changes size.

        Labels are sized in pixels and bars in data units, so where a label fits (and how
        much axis its bar needs) is only known for a plot of a given pixel size: on screen
        and in every export size alike.
        """
        place()
        self._placers[plot.vb] = place
        # A bound method, never a closure: the signal would hold the closure, the closure
        # this chart and the chart its plot, a cycle through C++ that Python cannot collect
        # (and that crashed the interpreter's exit when torn down out of order).
        plot.vb.sigResized.connect(self._on_view_resized)

    def _on_view_resized(self, view: pg.ViewBox) -> None:
        place = self._placers.get(view)
        if place is not None:
            place()

    @staticmethod
    def _data_per_pixel(plot: pg.PlotItem) -> float | None:
        """The x axis' data units per pixel of ``plot`` (None before it is laid out)."""
        (low, high), _ = plot.vb.viewRange()
        width = plot.vb.width()
        return (high - low) / width if width > 1 else None

    def _fit_labels_right(self, plot: pg.PlotItem, left: float, right: float,
                          labels: Sequence[tuple[pg.TextItem, float, float]]) -> None:
        """Show ``left``..``right`` on ``plot``'s x axis, widened on the right just enough for
        each label, which starts LABEL_GAP pixels right of its data point (x, y): the bars
        take the rest of the width instead of leaving it empty."""

        def place() -> None:
            pixels = plot.vb.width()
            end = right
            for item, x, _ in labels:
                # x sits at (x - left) / (end - left) of the width; its label must end inside.
                room = pixels - LABEL_GAP - item.textItem.boundingRect().width()
                if room > 0:
                    end = max(end, left + (x - left) * pixels / room)
            plot.setXRange(left, end, padding=0)
            per_pixel = self._data_per_pixel(plot) or 0.0
            for item, x, y in labels:
                item.setAnchor((0, 0.5))
                item.setPos(x + LABEL_GAP * per_pixel, y)

        self._when_resized(plot, place)

    def _category_ticks(self, plot: pg.PlotItem, axis: str, labels: Sequence[str], *,
                        wrap: float | None = None) -> None:
        """Name the integer positions 0..n-1 of ``axis`` (one tick per label, no minor ones):
        shortened with "…" past MAX_LABEL characters, or with ``wrap``, whole and broken into
        lines of at most that many pixels.

        A left axis is widened to its longest line and a bottom one heightened to its most
        lines up front: pyqtgraph drops labels that do not fit the axis and only resizes it
        after a first paint, which an export never gets.
        """
        item = plot.getAxis(axis)
        font = item.style["tickFont"] or self._style.font()
        shown = [shortened(label) if wrap is None else wrapped(label, font, wrap)
                 for label in labels]
        item.setTicks([list(enumerate(shown)), []])
        metrics = QFontMetrics(font)
        lines = [line for text in shown for line in text.split("\n")]
        if axis == "left":
            item.setWidth(max((metrics.horizontalAdvance(line) for line in lines), default=0)
                          + 24)
        elif wrap is not None:
            most = max((text.count("\n") + 1 for text in shown), default=1)
            item.setHeight(most * metrics.lineSpacing() + 12)

    # --- clicks ------------------------------------------------------------------------------

    def _value_at(self, point: QPointF) -> str | None:
        """The group value of the bar at ``point`` (data coordinates of a clickable plot)."""
        return None

    def _tooltip_at(self, point: QPointF) -> str | None:
        """The figures behind the bar or point at ``point`` in words (None: nothing there)."""
        return None

    def _on_scene_moved(self, scene_pos: QPointF) -> None:
        """Explain the bar under the mouse, and show a pointing hand where a click filters."""
        for plot in self._hoverable:
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                point = plot.vb.mapSceneToView(scene_pos)
                text = self._tooltip_at(point)
                clickable = plot in self._clickable and self._value_at(point) is not None
                self.view.setCursor(Qt.CursorShape.PointingHandCursor if clickable
                                    else Qt.CursorShape.ArrowCursor)
                if text:
                    QToolTip.showText(QCursor.pos(), text, self.view)
                else:
                    QToolTip.hideText()
                return
        self.view.setCursor(Qt.CursorShape.ArrowCursor)
        QToolTip.hideText()

    def _on_scene_clicked(self, event: Any) -> None:
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton:
            return
        for plot in self._clickable:
            if plot.vb.sceneBoundingRect().contains(event.scenePos()):
                value = self._value_at(plot.vb.mapSceneToView(event.scenePos()))
                if value is not None:
                    self.value_clicked.emit(value)
                return

    def changeEvent(self, event: QEvent) -> None:
        """Follow a palette switch (light/dark) when drawing with the palette's colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._follow_palette:
            self._style = ChartStyle.from_palette(self.palette())
            self._redraw()
