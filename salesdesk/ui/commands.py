"""The undo-command base: every edit runs once before it is pushed, then undo/redo replay it.

Running the first write before pushing means a failed save (disk full, file gone) is reported
and never lands on the undo stack; a saved, undone or redone edit is announced for the status
bar (Workspace.done). A later undo or redo that fails marks the command obsolete,
so the stack drops it instead of pretending it happened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from salesdesk.domain.changes import Changes
from salesdesk.i18n import translate
from salesdesk.store import StoreError
from salesdesk.ui.workspace import Workspace

# Errors a store operation can raise that the user can act on.
WRITE_ERRORS = (StoreError, OSError, ValueError)


class StoreCommand(QUndoCommand):
    """An undoable edit of the open file; subclasses implement ``do`` and ``undo_it``."""

    def __init__(self, workspace: Workspace, text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self._pushed = False

    def do(self) -> Changes:
        """Apply the edit; return what changed."""
        raise NotImplementedError

    def undo_it(self) -> Changes:
        """Revert the edit; return what changed."""
        raise NotImplementedError

    def run(self) -> bool:
        """Apply the edit and push it on the undo stack; report a failure and return False."""
        try:
            changes = self.do()
        except WRITE_ERRORS as exc:
            self.workspace.error_raised.emit(translate(
                "StoreCommand", "{action} failed: {error}").format(action=self.text(),
                                                                    error=_message(exc)))
            return False
        self.workspace.undo_stack.push(self)
        self._pushed = True
        self.workspace.notify(changes)
        self.workspace.done.emit(translate("StoreCommand", "Saved: {action}.").format(
            action=self.text()))
        return True

    def redo(self) -> None:
        if not self._pushed:
            return  # run() has applied it already
        if self._replay(self.do):
            self.workspace.done.emit(translate("StoreCommand", "Redone: {action}.").format(
                action=self.text()))

    def undo(self) -> None:
        if self._replay(self.undo_it):
            self.workspace.done.emit(translate("StoreCommand", "Undone: {action}.").format(
                action=self.text()))

    def _replay(self, step: Callable[[], Changes]) -> bool:
        try:
            changes = step()
        except WRITE_ERRORS as exc:
            self.setObsolete(True)
            self.workspace.error_raised.emit(translate(
                "StoreCommand", "Could not replay {action}: {error}").format(
                    action=self.text(), error=_message(exc)))
            self.workspace.notify(Changes(all_deals=True))
            return False
        self.workspace.notify(changes)
        return True


def _message(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
