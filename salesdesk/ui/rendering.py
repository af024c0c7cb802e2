"""Writing what Qt paints (PDF, PNG, SVG) so that a full disk is an error, never a short file.

Qt's writers do not report a failed write: QPdfWriter finishes a PDF the disk cut short and
says nothing. So the file is painted into memory first, then written through
:func:`salesdesk.files.write_bytes` (a temporary file, checked, fsynced, renamed), whose
Python I/O raises on a full disk; nothing partial is left.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice

from salesdesk.files import write_bytes
from salesdesk.i18n import translate


def painted(paint: Callable[[QBuffer], None]) -> bytes:
    """The bytes ``paint`` writes to an in-memory device it is given (open for writing)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        paint(buffer)
    finally:
        buffer.close()
    return bytes(buffer.data().data())


def save_painted(path: Path, paint: Callable[[QBuffer], None]) -> Path:
    """Write what ``paint`` produces to ``path`` safely; return the path.

    Raises OSError with a plain message naming the file when nothing was painted or the file
    cannot be written (no partial file is left).
    """
    try:
        data = painted(paint)
        if not data:
            raise OSError(translate("Rendering", "nothing was drawn"))
        write_bytes(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise OSError(translate("Rendering", "Could not save {name} in {folder}: {reason}.").format(
            name=path.name, folder=path.parent, reason=reason)) from exc
    return path
