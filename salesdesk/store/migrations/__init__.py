"""The database schema, created and changed only through numbered migrations.

Each migration is a module ``mNNN_<verb>_<noun>`` with a ``migrate(db)`` function, frozen once
released: its SQL and seed rows are written out in it. The number of known migrations is the
schema version recorded in ``meta``; a file recording a higher version, or a migration name
this build does not know, comes from a newer salesdesk and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from salesdesk.store.migrations import (
    m001_create_tables,
    m002_create_scorecards,
    m003_allow_undated_decided_deals,
    m004_create_customer_tables,
)

MIGRATIONS_NAME = "salesdesk"
STEPS = (m001_create_tables, m002_create_scorecards, m003_allow_undated_decided_deals,
         m004_create_customer_tables)

migrations = Migrations(MIGRATIONS_NAME)
for _step in STEPS:
    migrations(name=_step.__name__.rpartition(".")[2])(_step.migrate)


def known_migration_names() -> list[str]:
    """Names of the migrations this build knows, in order."""
    return [m.name for m in migrations.pending(Database(memory=True))]


SCHEMA_VERSION = len(known_migration_names())
