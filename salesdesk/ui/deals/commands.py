"""Undo commands for deals: save a form, delete, change stage."""

from __future__ import annotations

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal, DealSnapshot, LookupKind
from salesdesk.i18n import translate
from salesdesk.ui.commands import StoreCommand
from salesdesk.ui.workspace import Workspace


def _lookup_kinds(created: list[tuple[LookupKind, str]]) -> frozenset[LookupKind]:
    return frozenset(kind for kind, _ in created)


class AddDealCommand(StoreCommand):
    """Save a new deal; undo deletes it (and list values it created), redo restores it."""

    def __init__(self, workspace: Workspace, deal: Deal) -> None:
        super().__init__(workspace, translate("AddDealCommand", "Add deal {title}").format(
            title=deal.title))
        self.deal = deal
        self.deal_id: int | None = None
        self._created: list[tuple[LookupKind, str]] = []
        self._saved: DealSnapshot | None = None

    def do(self) -> Changes:
        store, today = self.workspace.store, self.workspace.today()
        if self._saved is None:
            self.deal_id, self._created = store.add_deal(self.deal, today)
            self._saved = store.snapshot(self.deal_id)
        else:
            store.restore_deal(self._saved, today)
        assert self.deal_id is not None
        return Changes(deal_ids=frozenset({self.deal_id}), lookups=_lookup_kinds(self._created))

    def undo_it(self) -> Changes:
        assert self.deal_id is not None
        store = self.workspace.store
        store.delete_deal(self.deal_id, self.workspace.today())
        store.delete_unused_lookups(self._created)
        return Changes(deal_ids=frozenset({self.deal_id}), lookups=_lookup_kinds(self._created))


class _ReplaceDealCommand(StoreCommand):
    """An edit that turns one snapshot of a deal into another."""

    def __init__(self, workspace: Workspace, deal_id: int, text: str) -> None:
        super().__init__(workspace, text)
        self.deal_id = deal_id
        self._before = workspace.store.snapshot(deal_id)
        self._after: DealSnapshot | None = None
        self._created: list[tuple[LookupKind, str]] = []

    def first_write(self) -> None:
        """Apply the edit the first time."""
        raise NotImplementedError

    def do(self) -> Changes:
        store = self.workspace.store
        if self._after is None:
            self.first_write()
            self._after = store.snapshot(self.deal_id)
        else:
            store.restore_deal(self._after, self.workspace.today())
        return Changes(deal_ids=frozenset({self.deal_id}), lookups=_lookup_kinds(self._created))

    def undo_it(self) -> Changes:
        store = self.workspace.store
        store.restore_deal(self._before, self.workspace.today())
        store.delete_unused_lookups(self._created)
        return Changes(deal_ids=frozenset({self.deal_id}), lookups=_lookup_kinds(self._created))


class EditDealCommand(_ReplaceDealCommand):
    """Save the form of an existing deal."""

    def __init__(self, workspace: Workspace, deal_id: int, deal: Deal) -> None:
        super().__init__(workspace, deal_id, translate(
            "EditDealCommand", "Edit deal {title}").format(title=deal.title))
        self.deal = deal

    def first_write(self) -> None:
        self._created = self.workspace.store.update_deal(self.deal_id, self.deal,
                                                         self.workspace.today())


class SetStageCommand(_ReplaceDealCommand):
    """Move a deal to another pipeline stage (recorded in its stage history)."""

    def __init__(self, workspace: Workspace, deal_id: int, stage: str) -> None:
        title = workspace.store.deal(deal_id).title
        super().__init__(workspace, deal_id, translate(
            "SetStageCommand", "Move deal {title} to {stage}").format(title=title, stage=stage))
        self.stage = stage

    def first_write(self) -> None:
        self.workspace.store.set_stage(self.deal_id, self.stage, self.workspace.today())


class DeleteDealsCommand(StoreCommand):
    """Delete deals; undo puts them back with the same ids and stage histories."""

    def __init__(self, workspace: Workspace, deal_ids: list[int]) -> None:
        self._before = [workspace.store.snapshot(deal_id) for deal_id in deal_ids]
        text = (translate("DeleteDealsCommand", "Delete deal {title}").format(
                    title=self._before[0].deal.title) if len(deal_ids) == 1
                else translate("DeleteDealsCommand", "Delete {count} deals").format(
                    count=len(deal_ids)))
        super().__init__(workspace, text)
        self.deal_ids = frozenset(deal_ids)

    def do(self) -> Changes:
        self.workspace.store.delete_deals(sorted(self.deal_ids), self.workspace.today())
        return Changes(deal_ids=self.deal_ids)

    def undo_it(self) -> Changes:
        self.workspace.store.restore_deals(self._before, self.workspace.today())
        return Changes(deal_ids=self.deal_ids)
