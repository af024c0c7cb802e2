"""A QApplication for drawing charts without a window: ``salesdesk export-chart``,
``salesdesk export-report`` and tests."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication

from salesdesk.ui.locale_setup import group_thousands
from salesdesk.ui.qt_messages import quiet_harmless_messages


def ensure_application() -> QApplication:
    """The running QApplication, or a new one; without a display (no DISPLAY or
    WAYLAND_DISPLAY, e.g. a server or CI) Qt's offscreen platform is forced first.

    Either way numbers group their thousands as in the GUI: a headless run is the one most
    likely to have the C locale, which would print "4017750 EUR" in a report.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
        quiet_harmless_messages()
        app = QApplication(["salesdesk"])
    group_thousands()
    return app
