"""What the customer tables of migration m004 share: whether a file has them, and the time
stamp a new row is created with. A file opened read-only before it was upgraded has no such
tables; the reads of :mod:`~salesdesk.store.nps_responses`, :mod:`~salesdesk.store.touchpoints`
and :mod:`~salesdesk.store.competitors` then answer empty.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database


def now() -> str:
    """The current time as the customer tables record it (UTC, whole seconds)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def available(db: Database) -> bool:
    """True when the file has the customer tables (it was upgraded to m004)."""
    return bool(db["nps_responses"].exists())
