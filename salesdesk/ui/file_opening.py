"""Opening a file without freezing the window (DESIGN.md §7): the writer's lock on the GUI
thread, the read-only checks (and creating or upgrading the file) in a worker, then the store
on the GUI thread. A file another program writes, or that may not be written here, is offered
read-only, a damaged one its newest good backup. Used by the window and, before there is one,
at start-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from salesdesk.i18n import translate
from salesdesk.locking import FileLocked
from salesdesk.store import BackupInfo, FileReadOnly, FileRefused
from salesdesk.ui.safety.damaged import backup_to_offer, offer_backup
from salesdesk.ui.tasks import USER_ERRORS, TaskContext, TaskRunner
from salesdesk.ui.workspace import FileOpener, OpenedFile, PendingFile

# Why a file may not open: another writer has it, or a store or file error, each with a message
# for the user.
OPEN_ERRORS: tuple[type[Exception], ...] = (FileLocked, *USER_ERRORS)


@dataclass(frozen=True, slots=True)
class _Checked:
    """What the worker found: nothing (the file is ready) or why it was refused, with the
    backup to offer instead."""

    refused: FileRefused | None = None
    backup: BackupInfo | None = None


class FileOpening:
    """Opens files with the checks in a worker of ``tasks``.

    ``report(text)`` tells the user why a file was not opened. With ``ask`` False (the smoke
    test, which must never wait for a click) nothing is asked: a locked or damaged file is
    reported as such.
    """

    def __init__(self, tasks: TaskRunner, opener: FileOpener, parent: QWidget | None,
                 report: Callable[[str], None], *, ask: bool = True) -> None:
        self._tasks = tasks
        self._opener = opener
        self._parent = parent
        self._report = report
        self._ask = ask

    def open(self, path: Path, on_opened: Callable[[OpenedFile], None],
             on_failed: Callable[[], None] = lambda: None, *, read_only: bool = False) -> None:
        """Open ``path``; ``on_opened(opened)`` runs when it is open, ``on_failed()`` when it
        was not (the user has been told why, or declined)."""
        try:
            pending = self._opener.start_open(path, read_only=read_only)
        except (FileLocked, FileReadOnly) as exc:  # a healthy file: offer to read it
            if not self._ask:
                self._fail(str(exc), on_failed)
                return
            title = (translate("FileOpening", "File in use") if isinstance(exc, FileLocked)
                     else translate("FileOpening", "Read-only file"))
            answer = QMessageBox.question(
                self._parent, title,
                translate("FileOpening", "{error}\n\nOpen it read-only?").format(error=exc),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Open:
                self.open(path, on_opened, on_failed, read_only=True)
            else:
                on_failed()
            return
        except USER_ERRORS as exc:
            self._fail(str(exc), on_failed)
            return
        ask = self._ask

        def check(ctx: TaskContext) -> _Checked:
            try:
                pending.prepare()
            except FileRefused as exc:
                # Looked for here: verifying a backup reads it whole.
                return _Checked(exc, backup_to_offer(path, exc) if ask else None)
            return _Checked()

        def checked(result: _Checked) -> None:
            if result.refused is None:
                self._finish(pending, "{error}", on_opened, on_failed)
                return
            pending.abandon()
            if not ask:
                self._fail(str(result.refused), on_failed)
            elif offer_backup(self._parent, path, result.refused, result.backup):
                assert result.backup is not None
                self._restore(path, result.backup, on_opened, on_failed)
            else:
                on_failed()

        def failed(error: Exception) -> None:
            pending.abandon()
            self._fail(str(error), on_failed)

        self._tasks.run(check, checked,
                        label=translate("FileOpening", "Checking {name}…").format(name=path.name),
                        parent=self._parent, on_error=failed)

    def open_sample(self, on_opened: Callable[[OpenedFile], None],
                    on_failed: Callable[[], None] = lambda: None) -> None:
        """Make the sample business in a worker and open it."""
        pending = self._opener.start_demo()

        def failed(error: Exception) -> None:
            pending.abandon()
            self._fail(translate("FileOpening", "The sample business was not made: {error}").format(
                error=error), on_failed)

        self._tasks.run(lambda ctx: pending.prepare(),
                        lambda _: self._finish(pending, "{error}", on_opened, on_failed),
                        label=translate("FileOpening", "Making the sample business…"),
                        parent=self._parent,
                        on_error=failed)

    def _restore(self, path: Path, backup: BackupInfo, on_opened: Callable[[OpenedFile], None],
                 on_failed: Callable[[], None]) -> None:
        """Put ``backup`` in place of the damaged ``path`` (moved aside) and open it."""
        message = translate("FileOpening", "The backup was not restored: {error}")
        try:
            pending = self._opener.start_restore(path, backup)
        except OPEN_ERRORS as exc:
            self._fail(message.format(error=exc), on_failed)
            return

        def failed(error: Exception) -> None:
            pending.abandon()
            self._fail(message.format(error=error), on_failed)

        self._tasks.run(lambda ctx: pending.prepare(),
                        lambda _: self._finish(pending, message, on_opened, on_failed),
                        label=translate("FileOpening", "Restoring {name} from its backup…").format(
                            name=path.name),
                        parent=self._parent, on_error=failed)

    def _finish(self, pending: PendingFile, message: str,
                on_opened: Callable[[OpenedFile], None], on_failed: Callable[[], None]) -> None:
        """Open the prepared file; a failure is reported as ``message`` with its ``{error}``
        filled in."""
        try:
            opened = pending.finish()
        except USER_ERRORS as exc:
            self._fail(message.format(error=exc), on_failed)
            return
        on_opened(opened)

    def _fail(self, text: str, on_failed: Callable[[], None]) -> None:
        self._report(text)
        on_failed()
