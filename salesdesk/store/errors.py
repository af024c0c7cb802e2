"""Errors the store raises; each message is written for the user."""

from __future__ import annotations

import sqlite3

# What SQLite itself raises on a failed write (a full disk, a folder turned read-only, an I/O
# error): callers outside store/ report these without importing sqlite3.
SQLITE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)


class StoreError(Exception):
    """Base class of the store's errors."""


class FileRefused(StoreError):
    """The file is not one salesdesk may open (not SQLite, foreign, newer, damaged).

    Raised before anything is written, so the file's bytes are unchanged.
    """


class NotFound(StoreError):
    """A deal or list value that no longer exists."""


class NameClash(StoreError):
    """A list value with that name exists already."""


class ReadOnly(StoreError):
    """A write was attempted on a file opened read-only."""


class FileDamaged(FileRefused):
    """The file is salesdesk's but SQLite reports it damaged; nothing is written to it."""


class FileTooNew(FileRefused):
    """The file was written by a newer salesdesk; it is left exactly as it is."""


class BackupRefused(StoreError):
    """A backup (or another file offered for a restore) failed its checks; nothing changed."""


class MigrationFailed(FileRefused):
    """Upgrading the file failed; it was put back as it was before the upgrade."""
