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
    before ``today`` for a lead without one), the rule of domain.deals.derive_customer_type:
    that is, when the client's first won close is before it. Each client's first won close is
    read once (from the (client, outcome, close) index alone), not once per deal, and only the
    deals whose type changes are written. ``client_ids`` limits the work to those clients;
    None means every deal.
    """
    params: dict[str, Any] = {"today": today.isoformat()}
    scope = ""
    if client_ids is not None:
        ids = sorted(set(client_ids))
        if not ids:
            return
        scope = f" AND client_id IN ({','.join(str(int(i)) for i in ids)})"
    rule = ("CASE WHEN w.won_on < COALESCE(deals.first_contact, :today)"
            " THEN 'current' ELSE 'new' END")
    with db.atomic():
        db.execute("DROP TABLE IF EXISTS temp.first_wins")
        db.execute(
            "CREATE TEMP TABLE first_wins (client_id INTEGER PRIMARY KEY, won_on TEXT)")
        # Named: left to itself SQLite reads the won deals through the (outcome, close)
        # index and fetches each one's client from the table, ten times slower.
        db.execute(
            "INSERT INTO temp.first_wins SELECT client_id, MIN(closed_on) FROM deals"
            " INDEXED BY deals_client_won WHERE outcome = 'won' AND closed_on IS NOT NULL"
            f" AND client_id IS NOT NULL{scope} GROUP BY client_id")
        db.execute(
            f"UPDATE deals SET customer_type = {rule} FROM temp.first_wins AS w"
            " WHERE deals.client_id = w.client_id AND deals.customer_type_set = 0"
            f" AND deals.customer_type <> {rule}{scope.replace('client_id', 'deals.client_id')}",
            params)
        # Clients without a won deal: every deal of theirs is new.
        db.execute(
            "UPDATE deals SET customer_type = 'new' WHERE customer_type_set = 0"
            " AND customer_type = 'current' AND (client_id IS NULL OR client_id NOT IN"
            f" (SELECT client_id FROM temp.first_wins)){scope}")
        db.execute("DROP TABLE temp.first_wins")
