"""Undo commands of the Customers tab: survey responses, touchpoints and their changes,
competitor notes and the lost reason meaning "lost to a competitor".

Each takes what it needs to undo when it is built (or when it first runs), writes through
``store.customers`` in one transaction and announces ``Changes(customers=True)`` (with the
lookup lists a response may have added to).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from salesdesk.domain.changes import Changes
from salesdesk.domain.competitors import CompetitorNotes
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.nps import Response
from salesdesk.domain.touchpoints import TouchpointChange
from salesdesk.i18n import translate
from salesdesk.store import Customers
from salesdesk.ui.commands import StoreCommand
from salesdesk.ui.workspace import Workspace

CHANGED = Changes(customers=True)
_LISTS = frozenset({LookupKind.PRODUCT, LookupKind.CLIENT})


def customers(workspace: Workspace) -> Customers:
    """The customer operations of the workspace's open file."""
    return workspace.store.customers


def _with_lists(created: Sequence[tuple[LookupKind, str]]) -> Changes:
    return Changes(customers=True, lookups=_LISTS) if created else CHANGED


class AddResponsesCommand(StoreCommand):
    """Save a batch of survey responses (the quick-entry form's); undo deletes them and the
    products or clients they created, redo puts them back under the same ids."""

    def __init__(self, workspace: Workspace, responses: Sequence[Response]) -> None:
        count = len(responses)
        super().__init__(workspace, translate("AddResponsesCommand", "Add a survey response")
                         if count == 1 else
                         translate("AddResponsesCommand", "Add {count} survey responses").format(
                             count=count))
        self.responses = list(responses)
        self._created: list[tuple[LookupKind, str]] = []

    def do(self) -> Changes:
        ids, self._created = customers(self.workspace).add_responses(self.responses)
        self.responses = [replace(r, id=i) for r, i in zip(self.responses, ids, strict=True)]
        return _with_lists(self._created)

    def undo_it(self) -> Changes:
        customers(self.workspace).delete_responses(r.id for r in self.responses if r.id)
        self.workspace.store.delete_unused_lookups(self._created)
        return _with_lists(self._created)


class EditResponseCommand(StoreCommand):
    """Save an edited response; undo restores it as it was."""

    def __init__(self, workspace: Workspace, before: Response, after: Response) -> None:
        super().__init__(workspace, translate("EditResponseCommand", "Edit the survey response"
                                                                     " of {date}").format(
            date=before.answered_on))
        self.before, self.after = before, replace(after, id=before.id)
        self._created: list[tuple[LookupKind, str]] = []

    def do(self) -> Changes:
        self._created = customers(self.workspace).update_response(self.after)
        return _with_lists(self._created)

    def undo_it(self) -> Changes:
        customers(self.workspace).update_response(self.before)
        self.workspace.store.delete_unused_lookups(self._created)
        return _with_lists(self._created)


class DeleteResponsesCommand(StoreCommand):
    """Delete survey responses; undo puts them back with their ids."""

    def __init__(self, workspace: Workspace, responses: Sequence[Response]) -> None:
        count = len(responses)
        super().__init__(workspace, translate("DeleteResponsesCommand", "Delete a survey"
                                                                        " response")
                         if count == 1 else
                         translate("DeleteResponsesCommand", "Delete {count} survey responses")
                         .format(count=count))
        self.responses = list(responses)

    def do(self) -> Changes:
        customers(self.workspace).delete_responses(r.id for r in self.responses if r.id)
        return CHANGED

    def undo_it(self) -> Changes:
        customers(self.workspace).add_responses(self.responses)
        return CHANGED


class AddTouchpointCommand(StoreCommand):
    """Add a touchpoint to the list; undo removes it again."""

    def __init__(self, workspace: Workspace, name: str) -> None:
        super().__init__(workspace, translate("AddTouchpointCommand", "Add the touchpoint"
                                                                      " {name}").format(
            name=" ".join(name.split())))
        self.name = name
        self.touchpoint_id: int | None = None

    def do(self) -> Changes:
        self.touchpoint_id = customers(self.workspace).add_touchpoint(self.name,
                                                                      self.touchpoint_id)
        return CHANGED

    def undo_it(self) -> Changes:
        assert self.touchpoint_id is not None
        customers(self.workspace).delete_touchpoint(self.touchpoint_id)
        return CHANGED


class RenameTouchpointCommand(StoreCommand):
    """Rename a touchpoint; undo gives it its old name back."""

    def __init__(self, workspace: Workspace, touchpoint_id: int, old: str, new: str) -> None:
        super().__init__(workspace, translate("RenameTouchpointCommand",
                                              "Rename the touchpoint {name}").format(name=old))
        self.touchpoint_id, self.old, self.new = touchpoint_id, old, new

    def do(self) -> Changes:
        customers(self.workspace).rename_touchpoint(self.touchpoint_id, self.new)
        return CHANGED

    def undo_it(self) -> Changes:
        customers(self.workspace).rename_touchpoint(self.touchpoint_id, self.old)
        return CHANGED


class RetireTouchpointCommand(StoreCommand):
    """Retire a touchpoint (hidden from the change form) or bring it back."""

    def __init__(self, workspace: Workspace, touchpoint_id: int, name: str,
                 retired: bool) -> None:
        super().__init__(workspace, translate("RetireTouchpointCommand",
                                              "Retire the touchpoint {name}").format(name=name)
                         if retired else
                         translate("RetireTouchpointCommand",
                                   "Bring back the touchpoint {name}").format(name=name))
        self.touchpoint_id, self.retired = touchpoint_id, retired

    def do(self) -> Changes:
        customers(self.workspace).set_touchpoint_retired(self.touchpoint_id, self.retired)
        return CHANGED

    def undo_it(self) -> Changes:
        customers(self.workspace).set_touchpoint_retired(self.touchpoint_id, not self.retired)
        return CHANGED


class AddChangeCommand(StoreCommand):
    """Log a touchpoint change; undo removes it, redo logs it again under the same id."""

    def __init__(self, workspace: Workspace, change: TouchpointChange) -> None:
        super().__init__(workspace, translate("AddChangeCommand", "Log the change \"{change}\"")
                         .format(change=change.description))
        self.change = change

    def do(self) -> Changes:
        new_id = customers(self.workspace).add_change(self.change)
        self.change = replace(self.change, id=new_id)
        return CHANGED

    def undo_it(self) -> Changes:
        assert self.change.id is not None
        customers(self.workspace).delete_change(self.change.id)
        return CHANGED


class EditChangeCommand(StoreCommand):
    """Save an edited touchpoint change; undo restores it."""

    def __init__(self, workspace: Workspace, before: TouchpointChange,
                 after: TouchpointChange) -> None:
        super().__init__(workspace, translate("EditChangeCommand", "Edit the change"
                                                                   " \"{change}\"").format(
            change=before.description))
        self.before, self.after = before, replace(after, id=before.id)

    def do(self) -> Changes:
        customers(self.workspace).update_change(self.after)
        return CHANGED

    def undo_it(self) -> Changes:
        customers(self.workspace).update_change(self.before)
        return CHANGED


class DeleteChangeCommand(StoreCommand):
    """Remove a logged change; undo logs it again with its id."""

    def __init__(self, workspace: Workspace, change: TouchpointChange) -> None:
        super().__init__(workspace, translate("DeleteChangeCommand", "Delete the change"
                                                                     " \"{change}\"").format(
            change=change.description))
        assert change.id is not None
        self.change = change

    def do(self) -> Changes:
        assert self.change.id is not None
        customers(self.workspace).delete_change(self.change.id)
        return CHANGED

    def undo_it(self) -> Changes:
        customers(self.workspace).add_change(self.change)
        return CHANGED


class SaveCompetitorCommand(StoreCommand):
    """Replace a competitor's notes (a cell edited, a step added or removed, a rename, or a
    new competitor); undo restores the notes as they were."""

    def __init__(self, workspace: Workspace, before: CompetitorNotes | None,
                 after: CompetitorNotes, text: str) -> None:
        super().__init__(workspace, text)
        self.before, self.after = before, after

    def do(self) -> Changes:
        previous = self.before.competitor if self.before else None
        self.after = customers(self.workspace).save_competitor_notes(self.after, previous)
        return CHANGED

    def undo_it(self) -> Changes:
        store = customers(self.workspace)
        if self.before is None or not self.before.steps:
            store.delete_competitor(self.after.competitor)
        else:
            store.save_competitor_notes(self.before, self.after.competitor)
        return CHANGED


class DeleteCompetitorCommand(StoreCommand):
    """Remove a competitor's notes; undo puts them back."""

    def __init__(self, workspace: Workspace, notes: CompetitorNotes) -> None:
        super().__init__(workspace, translate("DeleteCompetitorCommand",
                                              "Delete the notes on {name}").format(
            name=notes.competitor))
        self.notes = notes

    def do(self) -> Changes:
        customers(self.workspace).delete_competitor(self.notes.competitor)
        return CHANGED

    def undo_it(self) -> Changes:
        customers(self.workspace).save_competitor_notes(self.notes)
        return CHANGED


class SetCompetitorReasonCommand(StoreCommand):
    """Choose the lost reason meaning "lost to a competitor"; undo restores the old choice."""

    def __init__(self, workspace: Workspace, reason: str | None) -> None:
        super().__init__(workspace, translate("SetCompetitorReasonCommand",
                                              "Choose the lost reason for competitors"))
        self.before = customers(workspace).competitor_reason()
        self.after = reason

    def do(self) -> Changes:
        customers(self.workspace).set_competitor_reason(self.after)
        return CHANGED

    def undo_it(self) -> Changes:
        customers(self.workspace).set_competitor_reason(self.before)
        return CHANGED
