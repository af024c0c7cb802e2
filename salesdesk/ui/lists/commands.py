"""Undo commands for the lookup lists."""

from __future__ import annotations

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.lookups import LookupItem, MergeRecord
from salesdesk.i18n import translate
from salesdesk.ui.commands import StoreCommand
from salesdesk.ui.workspace import Workspace


def _changes(kind: LookupKind, deals: bool = True) -> Changes:
    return Changes(all_deals=deals, lookups=frozenset({kind}))


class AddLookupCommand(StoreCommand):
    """Add a value to a list."""

    def __init__(self, workspace: Workspace, kind: LookupKind, name: str) -> None:
        super().__init__(workspace, translate("AddLookupCommand", "Add {kind} {name}").format(
            kind=kind.singular, name=name))
        self.kind, self.name = kind, name
        self.item_id: int | None = None

    def do(self) -> Changes:
        self.item_id = self.workspace.store.add_lookup(self.kind, self.name)
        return _changes(self.kind, deals=False)

    def undo_it(self) -> Changes:
        assert self.item_id is not None
        self.workspace.store.delete_lookup(self.kind, self.item_id)
        return _changes(self.kind, deals=False)


class RenameLookupCommand(StoreCommand):
    """Rename a value; every deal shows the new name."""

    def __init__(self, workspace: Workspace, item: LookupItem, new_name: str) -> None:
        super().__init__(workspace, translate(
            "RenameLookupCommand", "Rename {kind} {name} to {new_name}").format(
                kind=item.kind.singular, name=item.name, new_name=new_name))
        self.item, self.new_name = item, new_name

    def do(self) -> Changes:
        self.workspace.store.rename_lookup(self.item.kind, self.item.id, self.new_name)
        return _changes(self.item.kind)

    def undo_it(self) -> Changes:
        self.workspace.store.rename_lookup(self.item.kind, self.item.id, self.item.name)
        return _changes(self.item.kind)


class SetRetiredCommand(StoreCommand):
    """Retire a value (hidden from pickers, history kept) or bring it back."""

    def __init__(self, workspace: Workspace, item: LookupItem, retired: bool) -> None:
        text = (translate("SetRetiredCommand", "Retire {kind} {name}") if retired
                else translate("SetRetiredCommand", "Restore {kind} {name}"))
        super().__init__(workspace, text.format(kind=item.kind.singular, name=item.name))
        self.item, self.retired = item, retired

    def do(self) -> Changes:
        self.workspace.store.set_lookup_retired(self.item.kind, self.item.id, self.retired)
        return _changes(self.item.kind, deals=False)

    def undo_it(self) -> Changes:
        self.workspace.store.set_lookup_retired(self.item.kind, self.item.id, not self.retired)
        return _changes(self.item.kind, deals=False)


class MergeLookupCommand(StoreCommand):
    """Move every deal of one value to another and remove the first."""

    def __init__(self, workspace: Workspace, source: LookupItem, target: LookupItem) -> None:
        super().__init__(workspace, translate(
            "MergeLookupCommand", "Merge {kind} {name} into {target}").format(
                kind=source.kind.singular, name=source.name, target=target.name))
        self.source, self.target = source, target
        self._record: MergeRecord | None = None

    def do(self) -> Changes:
        self._record = self.workspace.store.merge_lookup(self.source.kind, self.source.id,
                                                         self.target.id)
        return _changes(self.source.kind)

    def undo_it(self) -> Changes:
        assert self._record is not None
        self.workspace.store.unmerge_lookup(self._record)
        return _changes(self.source.kind)


class SetContactCommand(StoreCommand):
    """Change a client's contact person, email and phone."""

    def __init__(self, workspace: Workspace, item: LookupItem, person: str, email: str,
                 phone: str) -> None:
        super().__init__(workspace, translate("SetContactCommand", "Edit contact of {name}").format(
            name=item.name))
        self.item = item
        self.values = (person, email, phone)

    def do(self) -> Changes:
        self.workspace.store.set_client_contact(self.item.id, *self.values)
        return _changes(LookupKind.CLIENT, deals=False)

    def undo_it(self) -> Changes:
        item = self.item
        self.workspace.store.set_client_contact(item.id, item.contact_person, item.email,
                                                item.phone)
        return _changes(LookupKind.CLIENT, deals=False)


class ReorderStagesCommand(StoreCommand):
    """Change the order of the pipeline stages."""

    def __init__(self, workspace: Workspace, new_order: list[int]) -> None:
        super().__init__(workspace, translate("ReorderStagesCommand", "Reorder stages"))
        self.before = workspace.store.stage_order()
        self.after = new_order

    def do(self) -> Changes:
        self.workspace.store.set_stage_order(self.after)
        return _changes(LookupKind.STAGE)

    def undo_it(self) -> Changes:
        self.workspace.store.set_stage_order(self.before)
        return _changes(LookupKind.STAGE)
