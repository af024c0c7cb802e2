"""One look for every chart: colours that follow the light or dark palette, fonts, pens.

Charts draw with a :class:`ChartStyle`. On screen it follows the application's palette (the
window colour decides light or dark); exports always use :meth:`ChartStyle.light`, so a chart
pasted into slides or printed has dark text on white whatever the screen shows. The series
colours are a colour-blind-safe pair (blue/orange, after Okabe & Ito) with green for won,
each in a lighter variant for dark backgrounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QApplication

BASE_PIXELS = 13
"""Text size of labels in the chart's own pixels (exports scale the whole picture)."""


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """Colours and fonts of a chart.

    ``primary`` draws the main bars and lines, ``secondary`` the second series (lost deals,
    deal length), ``positive`` the won step, ``muted`` groups too few to judge; ``subtle`` is
    for grid lines and secondary text.
    """

    background: QColor
    foreground: QColor
    subtle: QColor
    primary: QColor
    secondary: QColor
    positive: QColor
    muted: QColor
    dark: bool

    @classmethod
    def light(cls) -> ChartStyle:
        """Dark text on white: exports, and light palettes."""
        return cls(background=QColor("#ffffff"), foreground=QColor("#1f2328"),
                   subtle=QColor("#6b7280"), primary=QColor("#2f6db5"),
                   secondary=QColor("#d9772b"), positive=QColor("#2e8b57"),
                   muted=QColor("#c3c8cf"), dark=False)

    @classmethod
    def dark_theme(cls) -> ChartStyle:
        """Light text on a dark background, for dark palettes."""
        return cls(background=QColor("#1e1f22"), foreground=QColor("#e6e8eb"),
                   subtle=QColor("#9aa1ab"), primary=QColor("#6fa8e8"),
                   secondary=QColor("#f0a35e"), positive=QColor("#5cc08a"),
                   muted=QColor("#555b63"), dark=True)

    @classmethod
    def from_palette(cls, palette: QPalette | None = None) -> ChartStyle:
        """The style matching ``palette`` (default: the application's), with its window colour
        as background so the chart sits flush in the tab."""
        if palette is None:
            palette = QApplication.palette()
        window = palette.color(QPalette.ColorRole.Base)
        base = cls.dark_theme() if window.lightness() < 128 else cls.light()
        return cls(background=window, foreground=palette.color(QPalette.ColorRole.Text),
                   subtle=base.subtle, primary=base.primary, secondary=base.secondary,
                   positive=base.positive, muted=base.muted, dark=base.dark)

    # --- derived pens, brushes and fonts ---------------------------------------------------

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QFont:
        """The chart font at ``scale`` times the base size (pixel-sized, so it does not
        depend on the screen's DPI)."""
        font = QFont(QApplication.font())
        font.setPixelSize(max(1, round(BASE_PIXELS * scale)))
        font.setBold(bold)
        return font

    def pen(self, color: QColor, width: float = 1.0, *, dashed: bool = False) -> QPen:
        """A cosmetic pen (its width in pixels whatever the zoom)."""
        pen = QPen(color)
        pen.setWidthF(width)
        pen.setCosmetic(True)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def brush(self, color: QColor, alpha: int = 255) -> QBrush:
        """A solid brush of ``color`` with ``alpha`` (0–255)."""
        shade = QColor(color)
        shade.setAlpha(alpha)
        return QBrush(shade)

    def css(self, color: QColor) -> str:
        """``color`` as #rrggbb for rich-text labels."""
        return color.name(QColor.NameFormat.HexRgb)
