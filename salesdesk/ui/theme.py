"""Light and dark themes on the Fusion style, or the system's colour scheme.

Fusion draws the same on every platform, so one palette per theme is all a theme is. Charts
restyle themselves when the palette changes (ChartWidget follows PaletteChange events), and
"Follow the system" tracks the colour scheme the desktop reports (Qt 6.5+ style hints),
live.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from salesdesk.i18n import translate

_FOLLOWING = "_salesdesk_follows_scheme"


class Theme(StrEnum):
    """The themes Preferences offers."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        """The name Preferences shows."""
        if self is Theme.LIGHT:
            return translate("Theme", "Light")
        if self is Theme.DARK:
            return translate("Theme", "Dark")
        return translate("Theme", "Follow the system")


def dark_palette() -> QPalette:
    """A dark palette for Fusion with readable contrast (text on window ≈ 13:1)."""
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#202124", QPalette.ColorRole.AlternateBase: "#2f3134",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#3a3c40",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#3a3c40", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d7dd8", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.LinkVisited: "#c58af9",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6", QPalette.ColorRole.Light: "#4a4c50",
        QPalette.ColorRole.Midlight: "#3f4145", QPalette.ColorRole.Mid: "#33353a",
        QPalette.ColorRole.Dark: "#1b1c1e", QPalette.ColorRole.Shadow: "#000000",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return palette


def is_dark(theme: Theme, scheme: Qt.ColorScheme | None = None) -> bool:
    """Whether ``theme`` draws dark (for SYSTEM: in ``scheme``, by default the one the
    desktop reports now)."""
    if theme is Theme.SYSTEM:
        if scheme is None:
            scheme = QGuiApplication.styleHints().colorScheme()
        return scheme == Qt.ColorScheme.Dark
    return theme is Theme.DARK


def apply_theme(app: QApplication, theme: Theme, scheme: Qt.ColorScheme | None = None) -> None:
    """Draw ``app`` in ``theme``; with SYSTEM, follow later changes of the desktop's scheme
    (``scheme``: the one just reported)."""
    app.setStyle("Fusion")
    style = app.style()
    app.setPalette(dark_palette() if is_dark(theme, scheme) else style.standardPalette())
    hints = QGuiApplication.styleHints()
    following = bool(app.property(_FOLLOWING))
    if theme is Theme.SYSTEM and not following:
        hints.colorSchemeChanged.connect(_on_scheme_changed)
    elif theme is not Theme.SYSTEM and following:
        hints.colorSchemeChanged.disconnect(_on_scheme_changed)
    app.setProperty(_FOLLOWING, theme is Theme.SYSTEM)


def _on_scheme_changed(scheme: Qt.ColorScheme) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, Theme.SYSTEM, scheme)
