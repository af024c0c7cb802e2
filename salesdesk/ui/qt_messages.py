"""Qt's own messages on stderr, minus one the offscreen platform prints for every window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

# The offscreen platform (CI, headless exports, --smoke-test) cannot resize to size hints and
# says so each time a window is shown; it is noise for a user reading a command's output.
HARMLESS = ("This plugin does not support propagateSizeHints()",)


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in HARMLESS:
        return
    print(message, file=sys.stderr)


def quiet_harmless_messages() -> None:
    """Print Qt's messages to stderr as Qt would, except the known harmless ones."""
    qInstallMessageHandler(_handler)
