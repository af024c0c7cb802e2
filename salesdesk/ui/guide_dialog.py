"""Help ▸ User Guide: the README (or its translation), offline, with its screenshots."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from salesdesk import paths
from salesdesk.i18n import translate
from salesdesk.ui.language import showing_language


class GuideDialog(QDialog):
    """The README shown as formatted text; links to web pages open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(translate("GuideDialog", "salesdesk User Guide"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(translate("GuideDialog", "User guide"))
        self.browser.setOpenExternalLinks(True)
        guide = paths.user_guide(showing_language().value)
        self.browser.setSearchPaths([str(guide.parent), str(paths.resources_parent())])
        try:
            text = guide.read_text(encoding="utf-8")
        except OSError as exc:
            text = translate(
                "GuideDialog", "The user guide could not be read: {reason} ({path})."
            ).format(reason=exc.strerror or exc, path=guide)
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)
