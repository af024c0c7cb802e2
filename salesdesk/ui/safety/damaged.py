"""A file that cannot be opened: say why and, when a good backup exists, offer it
(DESIGN.md §7). The file itself is never written to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from salesdesk.i18n import translate
from salesdesk.store import (
    BackupInfo,
    FileReadOnly,
    FileRefused,
    FileTooNew,
    MigrationFailed,
    newest_good_backup,
)
from salesdesk.ui.formatting import moment_text


def backup_to_offer(path: Path, error: FileRefused) -> BackupInfo | None:
    """The newest good backup of ``path``, refused with ``error``; None when there is none or
    when a backup is not the answer. Verifying backups reads them whole: call it in a worker."""
    # A newer file needs a newer salesdesk, not a backup; a failed upgrade was already put
    # back; a read-only file is healthy.
    if isinstance(error, FileTooNew | MigrationFailed | FileReadOnly):
        return None
    return newest_good_backup(path)


def offer_backup(parent: QWidget | None, path: Path, error: FileRefused,
                 backup: BackupInfo | None) -> bool:
    """Tell the user why ``path`` cannot be opened and offer ``backup`` (from
    :func:`backup_to_offer`) when there is one; True when the user wants it restored."""
    if backup is None:
        QMessageBox.critical(parent, "salesdesk", translate(
            "Damaged", "{error}\n\nThe file was not changed.").format(error=error))
        return False
    when = moment_text(backup.taken_at)
    answer = QMessageBox.warning(
        parent, translate("Damaged", "File cannot be opened"),
        translate("Damaged", "{error}\n\nThe file was not changed. The newest good backup is"
                  " from {when} with {count} deals. Restore it? The damaged file is kept beside"
                  " it (renamed …damaged-DATE) with its journal files.").format(
                      error=error, when=when, count=backup.deals),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
