"""A small line chart of a lever's trend, drawn in its table cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from salesdesk.ui.growth.lever_models import TREND_ROLE

Index = QModelIndex | QPersistentModelIndex
WIDTH = 96
MARGIN = 4
DOT = 2.0


class SparklineDelegate(QStyledItemDelegate):
    """Draws the model's ``TREND_ROLE`` (figures, reference): the figures as a line with a dot
    per period (a gap where a period has none, the last one larger) over a dotted line at
    the reference. The cell's tooltip lists the figures."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        trend = index.data(TREND_ROLE)
        if not trend:
            return
        values, reference = trend
        known = [v for v in values if v is not None]
        if not known:
            return
        low, high = min(*known, reference), max(*known, reference)
        spread = high - low or 1.0
        rect = option.rect.adjusted(MARGIN, MARGIN + 1, -MARGIN, -MARGIN - 1)
        step = rect.width() / max(1, len(values) - 1)

        def point(i: int, value: float) -> QPointF:
            return QPointF(rect.left() + i * step,
                           rect.bottom() - (value - low) / spread * rect.height())

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        ink = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        faint = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                     else QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
        level = point(0, reference).y()
        painter.drawLine(QPointF(rect.left(), level), QPointF(rect.right(), level))
        path = QPainterPath()
        drawing = False
        for i, value in enumerate(values):
            if value is None:
                drawing = False
                continue
            if drawing:
                path.lineTo(point(i, value))
            else:
                path.moveTo(point(i, value))
                drawing = True
        painter.setPen(QPen(ink, 1.5))
        painter.drawPath(path)
        painter.setBrush(ink)
        painter.setPen(Qt.PenStyle.NoPen)
        last = max(i for i, v in enumerate(values) if v is not None)
        for i, value in enumerate(values):
            if value is not None:
                radius = DOT * 1.5 if i == last else DOT
                painter.drawEllipse(point(i, value), radius, radius)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(WIDTH, super().sizeHint(option, index).height())
