"""Commands that keep data safe: ``backup``, ``restore``, ``check`` and ``erase-client``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli.common import (
    CommandError,
    add_db_argument,
    read_only_store,
    refuse_overwriting,
    writable_store,
)
from salesdesk.launch import EXIT_FILE, EXIT_LOCKED, EXIT_OK, EXIT_USAGE, database_path
from salesdesk.locking import FileLocked, WriterLock
from salesdesk.store import (
    FileRefused,
    FileTooNew,
    NotFound,
    StoreError,
    check_file,
    database_problems,
    open_store,
    recorded_checksum,
    restore_damaged,
    verify_backup,
)

if TYPE_CHECKING:
    from salesdesk.cli.common import Commands


def _backup(args: argparse.Namespace) -> int:
    """Back up the file: into its own backup folder under the writer's lock (the writer owns
    that folder's manifest and retention), or read-only into ``--to DIR``."""
    path = database_path(args)
    try:
        if args.to:
            folder = Path(args.to).expanduser()
            refuse_overwriting("--to", folder, path)
            with read_only_store(path) as store:
                info = store.backups.take(folder, reason="command line", prune=False)
        else:
            with writable_store(path) as store:
                info = store.backups.take(store.backups.folder(), reason="command line")
    except (StoreError, OSError) as exc:
        raise CommandError(f"No backup was taken: {exc}", EXIT_FILE) from exc
    print(f"Backed up {info.deals} deals to {info.path}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    """Restore the file from a backup under the writer's lock. A file that cannot be opened
    at all is moved aside (with its -wal and -shm) and the backup becomes the file."""
    path = database_path(args)
    backup = Path(args.backup).expanduser()
    expected = recorded_checksum(backup)
    if expected is None:
        print(f"salesdesk restore: warning: {backup.name} is not in a backup manifest, so it"
              " has no recorded checksum; only its integrity and schema are checked.",
              file=sys.stderr)
    lock = WriterLock(path)
    try:
        lock.acquire()
    except FileLocked as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from exc
    except OSError as exc:
        raise CommandError(f"Cannot use {path}: {exc}", EXIT_FILE) from exc
    try:
        try:  # before the live file is even opened: a refused backup leaves it byte for byte
            verify_backup(backup, expected)
        except (StoreError, OSError) as exc:
            raise CommandError(f"Nothing was restored: {exc}", EXIT_FILE) from exc
        try:
            store = open_store(path)
        except FileTooNew as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
        except FileRefused as exc:
            try:
                aside = restore_damaged(path, backup, expected)
            except (StoreError, OSError) as inner:
                raise CommandError(f"Nothing was restored: {inner}", EXIT_FILE) from inner
            print(f"{path.name} could not be opened ({exc}); it was moved to {aside}.")
            print(f"Restored {path} from {backup}.")
            return EXIT_OK
        try:
            restored = store.backups.restore(backup, store.backups.folder(),
                                             allow_unrecorded=True)
        except (StoreError, OSError) as exc:
            raise CommandError(f"Nothing was restored: {exc}", EXIT_FILE) from exc
        finally:
            store.close()
    finally:
        lock.release()
    if restored.damaged_copy is None:
        print(f"Restored {restored.deals} deals into {path} from {backup} (the data it replaced"
              " was backed up first).")
    else:
        print(f"Restored {restored.deals} deals into {path} from {backup}. The data it replaced"
              f" was damaged; it was kept as it was in {restored.damaged_copy}.")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    """integrity_check and foreign_key_check, read-only: exit 0 when healthy, 1 otherwise."""
    path = database_path(args)
    try:
        if check_file(path):
            raise CommandError(f"{path} does not exist or is empty.", EXIT_FILE)
    except FileRefused as exc:
        raise CommandError(str(exc), EXIT_FILE) from exc
    problems = database_problems(path)
    if problems:
        raise CommandError(f"{path.name} has problems:\n  " + "\n  ".join(problems),
                           EXIT_FILE)
    print(f"{path.name}: ok (integrity check and foreign key check found no problem)")
    return EXIT_OK


def _erase_client(args: argparse.Namespace) -> int:
    """Erase one client's personal data under the writer's lock (``--dry-run``: say what
    would change, read-only)."""
    path = database_path(args)
    with read_only_store(path) if args.dry_run else writable_store(path) as store:
        try:
            preview = store.erase_preview(args.name)
            if not args.dry_run:
                store.erase_client(preview.client)
        except NotFound as exc:
            raise CommandError(str(exc), EXIT_USAGE) from exc
        except (StoreError, OSError) as exc:
            raise CommandError(str(exc), EXIT_FILE) from exc
    places = (f"{preview.other_places} place{'' if preview.other_places == 1 else 's'} in other"
              " records")
    if args.dry_run:
        print(f"Erasing {preview.client!r} would empty the notes of its {preview.own_deals}"
              f" deals, replace its name and contact details in them and in {places}, and"
              f" call it {preview.label!r}. Nothing was changed.")
        return EXIT_OK
    print(f"Erased the client's personal data; the client is now called {preview.label!r}"
          f" ({places} changed too). Backups taken before now still hold it.")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the backup, restore, check and erase commands."""
    backup = commands.add_parser(
        "backup", help="back up the file (SQLite backup API, verified, with a checksum)",
        description="Write a verified backup into the file's backup folder (under the"
        " writer's lock; old backups are thinned out by the retention setting) or into --to"
        " DIR (read-only, nothing pruned).")
    add_db_argument(backup, "DB")
    backup.add_argument("--to", metavar="DIR", help="folder to write the backup to")
    backup.set_defaults(handler=_backup)

    restore = commands.add_parser(
        "restore", help="restore the file from a backup (the current data is backed up first)",
        description="Verify BACKUP (its recorded checksum, integrity and schema), back up the"
        " current data, then copy the backup into the file. A file that cannot be opened is"
        " moved aside with its -wal and -shm.")
    add_db_argument(restore, "DB")
    restore.add_argument("--from", dest="backup", required=True, metavar="BACKUP",
                         help="the backup file")
    restore.set_defaults(handler=_restore)

    check = commands.add_parser(
        "check", help="check the file's integrity (exit 0 when healthy, 1 otherwise)",
        description="Runs PRAGMA integrity_check and foreign_key_check, read-only.")
    add_db_argument(check, "DB")
    check.set_defaults(handler=_check)

    erase = commands.add_parser(
        "erase-client", help="erase a client's personal data (name, contacts, notes)",
        description="Replaces the client's name, contact person, e-mail and phone by a"
        " neutral label wherever they occur as whole words, in any case (deal titles, next"
        " steps and notes, preparation sheets, assessment notes; other clients' names and"
        " records are left alone), empties its contact details and its deals' notes, then"
        " compacts the file so no trace stays in its bytes. Figures stay the same. Backups"
        " taken before keep it.")
    add_db_argument(erase, "DB")
    erase.add_argument("name", metavar="NAME", help="the client's name")
    erase.add_argument("--dry-run", action="store_true",
                       help="say how many places would change, change nothing")
    erase.set_defaults(handler=_erase_client)
