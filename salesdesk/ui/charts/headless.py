"""A QApplication for drawing charts without a window: ``salesdesk export-chart`` and tests."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication

from salesdesk.ui.qt_messages import quiet_harmless_messages


def ensure_application() -> QApplication:
    """The running QApplication, or a new one; without a display (no DISPLAY or
    WAYLAND_DISPLAY, e.g. a server or CI) Qt's offscreen platform is forced first."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    quiet_harmless_messages()
    return QApplication(["salesdesk"])
