"""What every command shares: its error, opening the file for reading or writing, the options
naming a file and a slice, and printing UTF-8."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from salesdesk.launch import EXIT_FILE, EXIT_LOCKED, EXIT_USAGE
from salesdesk.locking import FileLocked, WriterLock, lock_path
from salesdesk.store import (
    FileRefused,
    Store,
    StoreError,
    backup_folders_of,
    check_writable,
    default_backup_folder,
    is_backup_folder,
    open_store,
)

if TYPE_CHECKING:
    # What argparse's add_subparsers returns; argparse names no public type for it.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A command failed in a way the user can act on; carries the exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@contextmanager
def writable_store(path: Path) -> Iterator[Store]:
    """Hold the writer's lock and open the store for a command that writes."""
    from salesdesk.currencies import default_currency

    lock = WriterLock(path)
    try:
        check_writable(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except FileRefused as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    except FileLocked as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from exc
    except OSError as exc:
        raise CommandError(f"Cannot use {path}: {exc}", EXIT_FILE) from exc
    try:
        try:
            store = open_store(path, base_currency=default_currency())  # for a new file
        except FileRefused as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
        try:
            yield store
        finally:
            store.close()
    finally:
        lock.release()


@contextmanager
def read_only_store(path: Path) -> Iterator[Store]:
    """Open ``path`` read-only (no lock, never written) for a command that reads; exit 1
    when it cannot be opened."""
    try:
        store = open_store(path, read_only=True)
    except (StoreError, OSError) as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    try:
        yield store
    finally:
        store.close()


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _same_file(a: Path, b: Path) -> bool:
    if _real(a) == _real(b):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)  # hard links too
    except OSError:
        return False


# The files SQLite keeps beside a database while it is open (and after a crash).
JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
LOCK_SUFFIX = ".lock"


def refuse_overwriting(option: str, out: Path, database: Path, *,
                       inputs: Sequence[Path] = ()) -> None:
    """Exit 2, before anything is opened or written, when ``out`` (the value of ``option``)
    would destroy data: the database, its journal or lock files, an input file, or a file in
    the database's backup folder. Paths are compared as the files they are (symlinks
    resolved, hard links followed)."""
    sidecars = [Path(f"{database}{suffix}") for suffix in JOURNAL_SUFFIXES]
    guarded = [(database, "the database itself"),
               *((side, f"the database's {side.name.rsplit('-', 1)[1]} file")
                 for side in sidecars),
               (lock_path(database), "the database's lock file"),
               *((source, "the file being read") for source in inputs)]
    for path, what in guarded:
        if _same_file(out, path):
            raise CommandError(f"{option} {out}: that is {what} ({_real(path)}); writing there"
                               " would destroy it. Choose another file.", EXIT_USAGE)
    for folder in backup_folders_of(database):
        if _real(out).is_relative_to(_real(folder)):
            raise CommandError(f"{option} {out}: that is inside the backup folder"
                               f" {_real(folder)}, which only salesdesk's backups may use."
                               " Choose another place.", EXIT_USAGE)


def refuse_new_database(option: str, out: Path) -> None:
    """Exit 2, before anything is written, when a new database file at ``out`` (the value of
    ``option``) would destroy data: any file already there (a database is never replaced by
    a new one); the journal or lock file of a database beside it, which SQLite or the
    writer's lock would then read as that database's own; a place inside a backup folder
    (every file's default one is under the data folder; one chosen in a file's settings is
    known by its manifest); or a path beside which a journal of an earlier file of that name
    waits, which SQLite would replay into the new file."""
    def refused(why: str) -> CommandError:
        return CommandError(f"{option} {out}: {why}. Choose another file name.", EXIT_USAGE)

    if os.path.lexists(out):  # a dangling symlink too: replacing it would lose where it led
        raise refused("that file exists already; writing a new database there would destroy"
                      " it")
    name = out.name
    for suffix in (*JOURNAL_SUFFIXES, LOCK_SUFFIX):
        stem = name.removesuffix(suffix)
        owner = out.with_name(stem) if stem and stem != name else None
        if owner is not None and owner.is_file():
            kind = "lock" if suffix == LOCK_SUFFIX else suffix.removeprefix("-")
            raise refused(f"that is the {kind} file of the database {_real(owner)}; writing"
                          " there would destroy it")
    real = _real(out)
    backups = default_backup_folder(out).parent  # where every file's default folder is
    if real.is_relative_to(_real(backups)) or any(is_backup_folder(folder)
                                                  for folder in real.parents):
        raise refused("that is inside a backup folder, which only salesdesk's backups may"
                      " use")
    for suffix in ("-wal", "-journal"):
        leftover = Path(f"{out}{suffix}")
        if os.path.lexists(leftover):
            raise refused(f"{leftover.name} is there, left by an earlier database of that name;"
                          " SQLite would replay it into the new file and destroy what it holds")


def add_db_argument(command: argparse.ArgumentParser, metavar: str, note: str = "") -> None:
    """A command's --db option; left out of the namespace when not given, so the top-level
    --db (or the default database) applies."""
    command.add_argument("--db", metavar=metavar, default=argparse.SUPPRESS,
                         help=f"database file ({note}default: the default database)")


def add_slice_arguments(command: argparse.ArgumentParser, *, two_by: bool = True) -> None:
    """The options naming a slice: --db, --by (one or, with ``two_by``, two dimensions),
    --where, --from, --to, --cohort."""
    add_db_argument(command, "FILE")
    if two_by:
        command.add_argument("--by", metavar="DIM[,DIM2]", help="group by one or two dimensions")
    else:
        command.add_argument("--by", metavar="DIM", help="group by this dimension")
    command.add_argument("--where", metavar="DIM=VALUE[,VALUE...]", action="append",
                         default=[], help="keep deals with one of these values (repeatable; a"
                                          r" comma inside a value is written \,)")
    command.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                         help="first day of the period (inclusive)")
    command.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                         help="last day of the period (inclusive)")
    command.add_argument("--cohort", action="store_true",
                         help="count the deals first contacted in the period, by outcome today")


def write_utf8(text: str) -> None:
    """Print ``text`` as UTF-8 whatever the terminal's encoding says."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    buffer = getattr(stream, "buffer", None)
    if encoding == "utf8" or buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def write_json(document: object) -> None:
    """Print ``document`` as indented UTF-8 JSON (names not ASCII-escaped)."""
    import json

    write_utf8(json.dumps(document, ensure_ascii=False, indent=2) + "\n")

