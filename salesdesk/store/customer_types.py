"""The derived customer type (DESIGN.md §3): 'current' when the client has a won deal closed
before the deal's first contact, else 'new'; a type set by hand or by an imported column
stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database


def derive_customer_types(
    db: Database, today: dt.date, client_ids: Iterable[int] | None = None
) -> None:
    """Recompute customer_type of deals whose type was not set by hand.

    A deal is 'current' when its client has a won deal closed before its first contact (or
    before ``today`` for a lead without one), the rule of domain.deals.derive_customer_type.
    ``client_ids`` limits the work to those clients; None means every deal.
    """
    rule = (
        "CASE WHEN deals.client_id IS NOT NULL AND EXISTS (SELECT 1 FROM deals AS w"
        " WHERE w.client_id = deals.client_id AND w.outcome = 'won'"
        " AND w.closed_on < COALESCE(deals.first_contact, :today))"
        " THEN 'current' ELSE 'new' END"
    )
    params: dict[str, Any] = {"today": today.isoformat()}
    scope = ""
    if client_ids is not None:
        ids = sorted(set(client_ids))
        if not ids:
            return
        scope = f" AND client_id IN ({','.join(str(int(i)) for i in ids)})"
    with db.atomic():
        db.execute(
            f"UPDATE deals SET customer_type = {rule}"
            f" WHERE customer_type_set = 0 AND customer_type <> {rule}{scope}",
            params,
        )
