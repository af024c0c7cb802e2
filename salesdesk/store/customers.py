"""NPS survey responses, touchpoints and their dated changes, competitor notes: the facade.

:class:`Customers` is the facade an open :class:`~salesdesk.store.database.Store` hands out
(``store.customers``); like the Store, every write runs in one ``db.atomic()`` transaction and
a read-only store refuses it. The SQL is in :mod:`~salesdesk.store.nps_responses`,
:mod:`~salesdesk.store.touchpoints` and :mod:`~salesdesk.store.competitors`, the only code that
knows the customer tables of migration m004. A file opened read-only before it was upgraded
has no such tables: reads then answer empty (:attr:`Customers.available` says so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlite_utils import Database

from salesdesk.domain.competitors import CompetitorNotes
from salesdesk.domain.nps import Response
from salesdesk.domain.periods import Period
from salesdesk.domain.touchpoints import Touchpoint, TouchpointChange
from salesdesk.store.competitors import (
    competitor_losses,
    competitor_notes,
    competitor_reason,
    delete_competitor,
    lost_to,
    lost_to_any_competitor,
    save_competitor_notes,
    set_competitor_reason,
)
from salesdesk.store.customer_tables import available
from salesdesk.store.errors import translates_errors
from salesdesk.store.facade import Facade
from salesdesk.store.nps_import import NpsImportPlan, NpsImportSummary
from salesdesk.store.nps_import import run_nps_import as _run_nps_import
from salesdesk.store.nps_responses import (
    Created,
    DealChoice,
    add_responses,
    client_deals,
    delete_responses,
    response,
    responses,
    update_response,
)
from salesdesk.store.touchpoints import (
    add_change,
    add_touchpoint,
    changes,
    delete_change,
    delete_touchpoint,
    rename_touchpoint,
    set_touchpoint_retired,
    touchpoints,
    update_change,
)


@translates_errors
class Customers(Facade):
    """The Customers tab's operations on an open file (``Store.customers``); writes are
    refused when it is open read-only."""

    @property
    def available(self) -> bool:
        """True when the file has the customer tables (False only for a file opened
        read-only before it was upgraded)."""
        return available(self.db)

    # NPS
    def responses(self, period: Period | None = None) -> list[Response]:
        """Survey responses (answered in ``period``, or all), oldest first."""
        return responses(self.db, period)

    def response(self, response_id: int) -> Response:
        """One response."""
        return response(self.db, response_id)

    def client_deals(self, client: str) -> list[DealChoice]:
        """The client's decided deals a response can be linked to, newest first."""
        return client_deals(self.db, client)

    def add_responses(self, items: Sequence[Response]) -> tuple[list[int], Created]:
        """Store responses; return their ids and the list values created."""
        return add_responses(self._writable(), items)

    def update_response(self, item: Response) -> Created:
        """Save an edited response; return the list values created."""
        return update_response(self._writable(), item)

    def delete_responses(self, ids: Iterable[int]) -> None:
        """Delete responses."""
        delete_responses(self._writable(), ids)

    def import_nps(self, plan: NpsImportPlan, today: dt.date, *,
                   rejected_path: Path | None = None, dry_run: bool = False
                   ) -> NpsImportSummary:
        """Import every valid row in one transaction; invalid rows, with their reasons, go
        to a rejected-rows file (see nps_import.run_nps_import)."""
        return _run_nps_import(self._writable(), plan, today=today,
                               rejected_path=rejected_path, dry_run=dry_run)

    # touchpoints
    def touchpoints(self, *, include_retired: bool = True) -> list[Touchpoint]:
        """The touchpoints in their order."""
        return touchpoints(self.db, include_retired=include_retired)

    def add_touchpoint(self, name: str, touchpoint_id: int | None = None) -> int:
        """Add a touchpoint; return its id."""
        return add_touchpoint(self._writable(), name, touchpoint_id)

    def rename_touchpoint(self, touchpoint_id: int, name: str) -> str:
        """Rename a touchpoint; return the old name."""
        return rename_touchpoint(self._writable(), touchpoint_id, name)

    def set_touchpoint_retired(self, touchpoint_id: int, retired: bool) -> None:
        """Retire a touchpoint or bring it back."""
        set_touchpoint_retired(self._writable(), touchpoint_id, retired)

    def delete_touchpoint(self, touchpoint_id: int) -> None:
        """Remove a touchpoint that has no changes."""
        delete_touchpoint(self._writable(), touchpoint_id)

    def changes(self, touchpoint: str | None = None) -> list[TouchpointChange]:
        """Logged changes, in date order."""
        return changes(self.db, touchpoint)

    def add_change(self, change: TouchpointChange) -> int:
        """Log a change; return its id."""
        return add_change(self._writable(), change)

    def update_change(self, change: TouchpointChange) -> None:
        """Save an edited change."""
        update_change(self._writable(), change)

    def delete_change(self, change_id: int) -> None:
        """Remove a logged change."""
        delete_change(self._writable(), change_id)

    # competitors
    def competitor_reason(self) -> str | None:
        """The lost reason meaning "lost to a competitor"."""
        return competitor_reason(self.db) if self.available else None

    def set_competitor_reason(self, name: str | None) -> None:
        """Choose the lost reason meaning "lost to a competitor"."""
        set_competitor_reason(self._writable(), name)

    def competitor_losses(self) -> list[tuple[str, int]]:
        """Competitors with the number of deals lost to each."""
        return competitor_losses(self.db)

    def lost_to(self, competitor: str) -> list[int]:
        """The deals lost to ``competitor``."""
        return lost_to(self.db, competitor) if self.available else []

    def lost_to_any_competitor(self) -> int:
        """Deals lost for the competitor reason."""
        return lost_to_any_competitor(self.db) if self.available else 0

    def competitor_notes(self, competitor: str) -> CompetitorNotes:
        """A competitor's steps."""
        return competitor_notes(self.db, competitor)

    def save_competitor_notes(self, notes: CompetitorNotes,
                              previous_name: str | None = None) -> CompetitorNotes:
        """Replace a competitor's steps (renaming it from ``previous_name``)."""
        return save_competitor_notes(self._writable(), notes, previous_name)

    def delete_competitor(self, competitor: str) -> None:
        """Remove a competitor's notes."""
        delete_competitor(self._writable(), competitor)

    def add_demo(self, today: dt.date) -> None:
        """Add the sample business's survey responses, touchpoint changes and competitor
        notes (after its deals)."""
        add_demo(self._writable(), today)


# --- the sample business ------------------------------------------------------------------------


def add_demo(db: Database, today: dt.date) -> None:
    """Add the sample business's customer data (see domain.customers_demo)."""
    from salesdesk.domain.customers_demo import (
        DemoDeal,
        demo_changes,
        demo_competitor_notes,
        demo_responses,
    )

    deals = [DemoDeal(int(i), client, product, audience, outcome,
                      dt.date.fromisoformat(closed) if closed else None)
             for i, client, product, audience, outcome, closed in db.execute(
                 "SELECT d.id, c.name, p.name, a.name, d.outcome, d.closed_on FROM deals d"
                 " LEFT JOIN clients c ON c.id = d.client_id"
                 " LEFT JOIN products p ON p.id = d.product_id"
                 " LEFT JOIN audiences a ON a.id = d.audience_id ORDER BY d.id")]
    with db.atomic():
        add_responses(db, demo_responses(deals, today))
        for change in demo_changes(today):
            add_change(db, change)
        for notes in demo_competitor_notes():
            save_competitor_notes(db, notes)
