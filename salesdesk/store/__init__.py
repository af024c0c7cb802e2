"""Everything that knows SQL: the schema, migrations and every read and write of a file."""

from salesdesk.store.database import Store, open_store
from salesdesk.store.deal_list import DealColumn, DealListQuery, DealRow
from salesdesk.store.errors import (
    SQLITE_ERRORS,
    BackupRefused,
    FileDamaged,
    FileRefused,
    FileTooNew,
    MigrationFailed,
    NameClash,
    NotFound,
    ReadOnly,
    StoreError,
)

__all__ = [
    "SQLITE_ERRORS",
    "BackupRefused",
    "DealColumn",
    "DealListQuery",
    "DealRow",
    "FileDamaged",
    "FileRefused",
    "FileTooNew",
    "MigrationFailed",
    "NameClash",
    "NotFound",
    "ReadOnly",
    "Store",
    "StoreError",
    "open_store",
]
