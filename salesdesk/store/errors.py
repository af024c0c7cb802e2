"""Errors the store raises; each message is written for the user.

SQLite's own errors never leave the store for causes the user's machine explains (a busy,
read-only, full, unreadable or damaged file): :func:`translated` turns them into the
:class:`StoreError` subclasses below, and :func:`translates_errors` applies that to every
public method of a facade class (Store, Scorecards, Backups). Any other SQLite error is a
bug in salesdesk and is raised as it is, so it reaches the error handler instead of being
shown as if the user could fix it.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from salesdesk.i18n import translate

P = ParamSpec("P")
R = TypeVar("R")
C = TypeVar("C", bound=type)


class StoreError(Exception):
    """Base class of the store's errors."""


class UnreadableFile(StoreError):
    """A file to import cannot be read at all; nothing was imported."""


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


class FileReadOnly(FileRefused):
    """The file, or its folder, may be read but not written: it is healthy, and is opened
    read-only or not at all (never offered a restore)."""


class FileTooNew(FileRefused):
    """The file was written by a newer salesdesk; it is left exactly as it is."""


class BackupRefused(StoreError):
    """A backup (or another file offered for a restore) failed its checks; nothing changed."""


class MigrationFailed(FileRefused):
    """Upgrading the file failed; it was put back as it was before the upgrade."""


class FileBusy(StoreError):
    """Another program kept the file locked longer than salesdesk waits."""


class CannotWrite(StoreError):
    """The file, or the folder it is in, may not be written (read-only or no permission)."""


class DiskFull(StoreError):
    """The disk holding the file is full; the transaction that failed was rolled back."""


class FileUnavailable(StoreError):
    """The operating system could not read or write the file (an I/O error, a vanished
    folder, a file that cannot be opened)."""


# SQLite's primary result codes (the low byte of an extended code) that the machine explains.
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_READONLY = {3, 8}  # SQLITE_PERM, SQLITE_READONLY
_FULL = {13}  # SQLITE_FULL
_UNAVAILABLE = {10, 14}  # SQLITE_IOERR, SQLITE_CANTOPEN
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def translated(error: sqlite3.Error, path: Path) -> StoreError | None:
    """The store error that explains ``error`` on the file ``path`` to the user, or None when
    the machine does not explain it (a bug: let it propagate)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    name = path.name or str(path)
    if primary in _BUSY:
        return FileBusy(translate(
            "Errors", "{name} is busy: another program is using it. Nothing was changed; try"
            " again in a moment.").format(name=name))
    if primary in _READONLY:
        return CannotWrite(translate(
            "Errors", "{name} cannot be changed here: the file or its folder is read-only."
            " Nothing was changed.").format(name=name))
    if primary in _FULL:
        return DiskFull(translate(
            "Errors", "The disk holding {name} is full. Nothing was changed; free some space"
            " and try again.").format(name=name))
    if primary in _UNAVAILABLE:
        return FileUnavailable(translate(
            "Errors", "{name} could not be read or written ({error}). Check that the disk or"
            " folder is still there.").format(name=name, error=error))
    if primary in _DAMAGED:
        return FileDamaged(translate(
            "Errors", "{name} is damaged ({error}). Use File ▸ Restore from Backup (or"
            " salesdesk restore) to go back to a healthy copy.").format(name=name, error=error))
    return None


@contextlib.contextmanager
def translating(path: Path) -> Iterator[None]:
    """Raise SQLite errors the machine explains as store errors naming ``path``."""
    try:
        yield
    except sqlite3.Error as exc:
        error = translated(exc, path)
        if error is None:
            raise
        raise error from exc


class _HasPath(Protocol):
    """An object of a facade class: it names its file."""

    @property
    def path(self) -> Path: ...


S = TypeVar("S", bound=_HasPath)


def _translating_method(method: Callable[Concatenate[S, P], R]
                        ) -> Callable[Concatenate[S, P], R]:
    @functools.wraps(method)
    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with translating(self.path):
            return method(self, *args, **kwargs)
    return wrapper


def translates_errors(cls: C) -> C:
    """Class decorator: every public method of ``cls`` (whose instances have a ``path``)
    raises the SQLite errors the machine explains as store errors."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, property) and member.fget is not None:
            setattr(cls, name, property(_translating_method(member.fget), member.fset,
                                        member.fdel, member.__doc__))
        elif callable(member) and not isinstance(member, (staticmethod, classmethod, type)):
            setattr(cls, name, _translating_method(member))
    return cls

