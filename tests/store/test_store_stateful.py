"""A stateful test of the store (issue 6): random sequences of add, edit, delete, stage change,
undo/redo, import, export and re-import, backup and restore, checked after every step against
an in-memory model, with the funnel's totals, foreign keys and integrity."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from salesdesk.analytics import AnalyticsCache
from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.domain.slices import Slice
from salesdesk.domain.validation import InputRules
from salesdesk.store import open_store
from salesdesk.store.backup_manifest import BackupInfo
from salesdesk.store.importing import plan_import

TODAY = dt.date(2026, 3, 31)
STAGES = ["Lead", "Contacted", "Proposal", "Negotiation"]
CLIENTS = [None, "Acme", "Bolt", "Café Ünal"]
Key = tuple[str, str, str, str | None, int | None]


def _deal(title: str, outcome: Outcome, stage: str, client: str | None,
          amount: int | None) -> Deal:
    closed = dt.date(2026, 2, 1) if outcome is not Outcome.OPEN else None
    return Deal(title=title, outcome=outcome, stage=stage, client=client, amount=amount,
                first_contact=dt.date(2026, 1, 5), closed_on=closed)


def _key(deal: Deal) -> Key:
    return (deal.title, deal.outcome.value, deal.stage or STAGES[0], deal.client, deal.amount)


# Titles as validation stores them: trimmed, inner whitespace collapsed to one space.
deals = st.builds(_deal, st.text("abcxyz =+-'é", min_size=1, max_size=8)
                  .map(lambda t: " ".join(t.split())).filter(bool),
                  st.sampled_from(list(Outcome)), st.sampled_from(STAGES),
                  st.sampled_from(CLIENTS), st.one_of(st.none(), st.integers(0, 10**9)))


class StoreMachine(RuleBasedStateMachine):
    """The store against a dict of id → deal key, with an undo stack of (undo, redo) pairs."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="salesdesk-stateful-"))
        self.store = open_store(self.folder / "deals.db", base_currency="EUR")
        self.model: dict[int, Key] = {}
        self.undo: list[tuple[Any, Any]] = []
        self.redo: list[tuple[Any, Any]] = []
        self.backup: tuple[BackupInfo, dict[int, Key]] | None = None
        self.counter = 0

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stored(self) -> dict[int, Key]:
        ids = [r[0] for r in self.store.db.execute("SELECT id FROM deals")]
        return {i: _key(self.store.deal(i)) for i in ids}

    def _push(self, undo: Any, redo: Any) -> None:
        self.undo.append((undo, redo))
        self.redo.clear()

    # --- edits --------------------------------------------------------------------------

    @rule(deal=deals)
    def add(self, deal: Deal) -> None:
        deal_id, _ = self.store.add_deal(deal, TODAY)
        self.model[deal_id] = _key(deal)
        snapshot = self.store.snapshot(deal_id)

        def undo() -> None:
            self.store.delete_deals([deal_id], TODAY)
            del self.model[deal_id]

        def redo() -> None:
            self.store.restore_deal(snapshot, TODAY)
            self.model[deal_id] = _key(deal)
        self._push(undo, redo)

    @precondition(lambda self: self.model)
    @rule(data=st.data(), deal=deals)
    def edit(self, data: st.DataObject, deal: Deal) -> None:
        deal_id = data.draw(st.sampled_from(sorted(self.model)))
        before, old = self.store.snapshot(deal_id), self.model[deal_id]
        self.store.update_deal(deal_id, deal, TODAY)
        after, new = self.store.snapshot(deal_id), _key(deal)
        self.model[deal_id] = new

        def undo() -> None:
            self.store.restore_deal(before, TODAY)
            self.model[deal_id] = old

        def redo() -> None:
            self.store.restore_deal(after, TODAY)
            self.model[deal_id] = new
        self._push(undo, redo)

    @precondition(lambda self: self.model)
    @rule(data=st.data(), stage=st.sampled_from(STAGES))
    def move_stage(self, data: st.DataObject, stage: str) -> None:
        deal_id = data.draw(st.sampled_from(sorted(self.model)))
        self.store.set_stage(deal_id, stage, TODAY)
        title, outcome, _, client, amount = self.model[deal_id]
        self.model[deal_id] = (title, outcome, stage, client, amount)
        self.undo.clear()  # not modelled as undoable here: keeps the stack honest
        self.redo.clear()

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        deal_id = data.draw(st.sampled_from(sorted(self.model)))
        [snapshot] = self.store.delete_deals([deal_id], TODAY)
        old = self.model.pop(deal_id)

        def undo() -> None:
            self.store.restore_deal(snapshot, TODAY)
            self.model[deal_id] = old

        def redo() -> None:
            self.store.delete_deals([deal_id], TODAY)
            del self.model[deal_id]
        self._push(undo, redo)

    @precondition(lambda self: self.undo)
    @rule()
    def undo_last(self) -> None:
        undo, redo = self.undo.pop()
        undo()
        self.redo.append((undo, redo))

    @precondition(lambda self: self.redo)
    @rule()
    def redo_last(self) -> None:
        undo, redo = self.redo.pop()
        redo()
        self.undo.append((undo, redo))

    # --- whole-file operations (each clears the undo history, as the app does) ------------

    def _clear_history(self) -> None:
        self.undo.clear()
        self.redo.clear()

    @rule(new=st.lists(deals, max_size=5))
    def import_file(self, new: list[Deal]) -> None:
        lines = ["title,outcome,stage,client,first_contact,closed_on,amount"]
        for deal in new:
            self.counter += 1
            deal = Deal(**{**{f: getattr(deal, f) for f in ("outcome", "stage", "client",
                                                           "amount", "first_contact",
                                                           "closed_on")},
                           "title": f"Imported {self.counter}"})
            lines.append(",".join([
                deal.title, deal.outcome.value, deal.stage or "", deal.client or "",
                "2026-01-05", deal.closed_on.isoformat() if deal.closed_on else "",
                "" if deal.amount is None else f"{deal.amount / 100:.2f}"]))
        source = self.folder / "import.csv"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        summary = self.store.import_deals(plan_import(source),
                                          InputRules(currency_digits(), "EUR"), TODAY)
        assert summary.imported == len(new)
        self.model = self._stored_after_import(len(new))
        self._clear_history()

    def _stored_after_import(self, added: int) -> dict[int, Key]:
        stored = self._stored()
        assert set(self.model) <= set(stored) and len(stored) == len(self.model) + added
        for deal_id, key in self.model.items():
            assert stored[deal_id] == key
        return stored

    @rule()
    def export_and_reimport(self) -> None:
        exported = self.folder / "export.csv"
        assert self.store.export_deals(exported, currency_digits()) == len(self.model)
        summary = self.store.import_deals(plan_import(exported),
                                          InputRules(currency_digits(), "EUR"), TODAY)
        assert summary.imported == 0  # every row is already there
        self._clear_history()

    @rule()
    def backup(self) -> None:
        info = self.store.backups.take(self.folder / "backups", prune=False)
        assert info.deals == len(self.model)
        self.backup = (info, dict(self.model))

    @precondition(lambda self: self.backup is not None)
    @rule()
    def restore(self) -> None:
        assert self.backup is not None
        info, model = self.backup
        assert self.store.backups.restore(info.path, self.folder / "backups").deals == len(model)
        self.model = dict(model)
        self._clear_history()

    # --- invariants ---------------------------------------------------------------------

    @invariant()
    def store_equals_model(self) -> None:
        assert self._stored() == self.model

    @invariant()
    def funnel_totals_match(self) -> None:
        # The app's own funnel (the analytics cache over the store's column export) against
        # the model: a deal at stage k has passed stages 1..k, a won one every stage
        # (DESIGN.md §4).
        cache = AnalyticsCache.build(self.store.deal_columns())
        order = {name: i for i, name in enumerate(cache.stage_names)}
        reached = [0] * len(order)
        for _, outcome, stage, _, _ in self.model.values():
            top = len(order) - 1 if outcome == Outcome.WON.value else order[stage]
            for k in range(top + 1):
                reached[k] += 1
        funnel = cache.funnel(Slice())
        assert list(funnel.reached) == reached
        assert funnel.won == sum(key[1] == Outcome.WON.value for key in self.model.values())
        outcomes = Counter(key[1] for key in self.model.values())
        assert dict(self.store.db.execute("SELECT outcome, COUNT(*) FROM deals GROUP BY outcome"
                                          ).fetchall()) == dict(outcomes)

    @invariant()
    def file_is_sound(self) -> None:
        assert self.store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert self.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

StoreMachine.TestCase.settings = settings(max_examples=15, stateful_step_count=15,
                                          deadline=None)
TestStore = StoreMachine.TestCase
