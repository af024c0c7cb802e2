"""Backups of a database file: taken, kept, listed, verified and restored (DESIGN.md §7).

A backup is taken with SQLite's online backup API (never a file copy of a live database, whose
latest commits may still be in the ``-wal`` file) into a temporary file in the backup folder;
the copy is fsynced, checked with ``PRAGMA integrity_check``, recorded with its SHA-256, deal
count and date in the folder's ``manifest.json`` (written safely), and only then renamed into
place. A restore checks the backup the same way and copies it into the live database through
the backup API too: renaming a file under open connections, or beside a leftover ``-wal`` that
SQLite would replay over it, could undo the restore.

Where backups go and the manifest are :mod:`~salesdesk.store.backup_manifest`; when they are
due and which are kept, :mod:`~salesdesk.store.backup_retention`.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from salesdesk.files import fsync_file, replacing
from salesdesk.i18n import translate
from salesdesk.store.backup_manifest import (
    BackupInfo,
    backup_folder,
    backup_folders_of,
    file_sha256,
    list_backups,
    ours,
    read_manifest,
    recorded_checksum,
    source_of,
    write_manifest,
)
from salesdesk.store.backup_retention import Retention, prune
from salesdesk.store.connection import (
    check_file,
    database_problems,
    prepare,
    read_only_connection,
)
from salesdesk.store.errors import (
    BackupRefused,
    FileRefused,
    MigrationFailed,
    StoreError,
    translates_errors,
)
from salesdesk.store.facade import Facade
from salesdesk.store.settings import load_settings

TEMPORARY_PREFIX = ".backup-"


# --- taking -----------------------------------------------------------------------------------


def _free_name(folder: Path, taken_at: dt.datetime) -> str:
    stamp = taken_at.astimezone(dt.UTC).strftime("%Y-%m-%d_%H%M%S")
    name = f"backup-{stamp}.db"
    number = 1
    while (folder / name).exists():
        number += 1
        name = f"backup-{stamp}-{number}.db"
    return name


def take_backup(source: sqlite3.Connection, database: Path, folder: Path, *,
                reason: str = "", retention: Retention | None = None,
                now: dt.datetime | None = None) -> BackupInfo:
    """Back up ``database``, read through its connection ``source``, into ``folder``; return
    the new backup, recorded in the manifest as a backup of ``database``.

    ``source`` may be any connection to the file, read-only included; it must have no write
    transaction open. With ``retention``, older backups of the same database are then pruned.
    Raises OSError when the folder cannot be written (full disk, no permission) and
    BackupRefused when the copy fails its integrity check; either way no partial file is left.
    """
    taken_at = now or dt.datetime.now(dt.UTC)
    folder.mkdir(parents=True, exist_ok=True)
    destination = folder / _free_name(folder, taken_at)
    with replacing(destination, prefix=TEMPORARY_PREFIX) as temp:
        try:
            copy_database(source, temp)
        except sqlite3.Error as exc:  # the backup folder's disk is full, for one
            raise BackupRefused(translate("Backups", "The backup could not be written: {error}."
                                          ).format(error=exc)) from exc
        deals = _checked_deal_count(temp)
        info = BackupInfo(destination, taken_at, deals, file_sha256(temp), reason,
                          source_of(database))
        # Recorded before the rename: a crash in between leaves an entry without a file,
        # which list_backups skips, never a file with a wrong checksum. Entries the app did
        # not write stay as they are (never acted on).
        entries = [e for e in read_manifest(folder)
                   if not ours(folder, e) or (folder / str(e["file"])).exists()]
        entries.append({"file": destination.name, "taken_at": taken_at.isoformat(),
                        "deals": deals, "sha256": info.sha256, "reason": reason,
                        "size": temp.stat().st_size, "source": info.source})
        write_manifest(folder, entries)
    if retention is not None:
        prune(folder, retention, database)
    return info


def copy_database(source: sqlite3.Connection, path: Path) -> None:
    """Copy the database behind ``source`` into the new file ``path`` through the backup API,
    as one self-contained, fsynced file; a failed copy leaves no journal beside ``path``."""
    target = sqlite3.connect(path)
    try:
        # One step (pages=-1): a consistent snapshot even while another connection writes.
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.close()
        Path(f"{path}-journal").unlink(missing_ok=True)  # a full disk stops it mid-copy
        raise
    target.close()
    fsync_file(path)


def _damaged_name(database: Path, now: dt.datetime | None) -> Path:
    """Where damaged data of ``database`` is kept: ``<name>.damaged-<time>`` beside it."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return database.with_name(f"{database.name}.damaged-{stamp}")


def _unreadable(path: Path, error: Exception) -> BackupRefused:
    return BackupRefused(translate("Backups", "{name} cannot be read: {error}.").format(
        name=path.name, error=error))


def _checked_deal_count(path: Path) -> int:
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            raise BackupRefused(translate("Backups", "{name} failed its integrity check: {problems}"
                                          ).format(name=path.name, problems="; ".join(result)))
        return int(conn.execute("SELECT COUNT(*) FROM deals").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()


# --- verifying and restoring ------------------------------------------------------------------


def verify_backup(backup: Path, expected_sha256: str | None) -> int:
    """Check a file before it replaces a database; return its deal count.

    The recorded checksum (when given) catches any changed byte, even inside a text value where
    ``integrity_check`` sees nothing wrong; then the file must be salesdesk's, not from a newer
    salesdesk, and pass ``integrity_check``. Raises BackupRefused, reading the file only.
    """
    name = backup.name
    if not backup.is_file():
        raise BackupRefused(translate("Backups", "{name} does not exist.").format(name=name))
    if expected_sha256 is not None and file_sha256(backup) != expected_sha256:
        raise BackupRefused(translate(
            "Backups", "{name} has changed since it was written (its checksum differs from the"
            " one recorded): it is damaged.").format(name=name))
    try:
        if check_file(backup):
            raise BackupRefused(translate("Backups", "{name} is empty.").format(name=name))
    except FileRefused as exc:
        raise BackupRefused(str(exc)) from exc
    return _checked_deal_count(backup)


def _page_size(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA page_size").fetchone()[0])


def restore_into(live: sqlite3.Connection, backup: Path) -> None:
    """Copy ``backup`` into the database behind ``live`` through the backup API.

    The copy runs as one write transaction of ``live``, so other connections see the old or
    the restored data and the file's ``-wal`` holds the new pages (never stale ones replayed
    later). Verify the backup first.
    """
    source = read_only_connection(backup)
    try:
        size = _page_size(source)
        if size != _page_size(live):
            # The backup API cannot change the page size of a WAL database: leave WAL for the
            # copy, which needs the file to itself.
            mode = live.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if mode == "wal":
                raise BackupRefused(translate(
                    "Backups", "{name} was written with another page size ({size} bytes),"
                    " which salesdesk can copy in only while no other window or program has"
                    " this file open. Close them and restore again.").format(
                        name=backup.name, size=f"{size:,}"))
        source.backup(live)
    finally:
        source.close()
    live.execute("PRAGMA journal_mode = WAL")


def keep_damaged_copy(source: sqlite3.Connection, database: Path,
                      now: dt.datetime | None = None) -> Path:
    """Copy the damaged data behind ``source`` (a file that opens but fails its integrity
    check) beside ``database`` as ``<name>.damaged-<time>``, unchecked and out of the
    manifest: what a restore replaces is kept, though it cannot be a backup."""
    aside = _damaged_name(database, now)
    with replacing(aside, prefix=".salesdesk-damaged-") as temp:
        copy_database(source, temp)
    return aside


def restore_damaged(database: Path, backup: Path, expected_sha256: str | None,
                    now: dt.datetime | None = None) -> Path:
    """Replace a database that cannot be opened at all by a verified backup.

    The damaged file is moved aside together with its ``-wal`` and ``-shm`` (a leftover
    ``-wal`` would otherwise be replayed over the backup); the backup is copied into a new file
    through the backup API. Hold the file's writer lock. Returns where the damaged file went.
    """
    verify_backup(backup, expected_sha256)
    aside = _damaged_name(database, now)
    for suffix in ("", "-wal", "-shm"):
        old = Path(f"{database}{suffix}")
        if old.exists():
            os.replace(old, Path(f"{aside}{suffix}"))
    with replacing(database, prefix=".salesdesk-restore-") as temp:
        target = sqlite3.connect(temp)
        try:
            restore_into(target, backup)
        finally:
            target.close()
    return aside


# --- the open file's backups ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did: the deals restored, and where the damaged data it replaced was
    kept when it could not be backed up (None: it was backed up as usual)."""

    deals: int
    damaged_copy: Path | None = None


@translates_errors
class Backups(Facade):
    """The backups of an open file (``Store.backups``)."""

    def folder(self, data_dir: Path | None = None) -> Path:
        """This file's backup folder: the one in its settings, else one under the data folder
        (``data_dir``, default the platform's) named after the file."""
        return backup_folder(self.path, load_settings(self.db), data_dir)

    def take(self, folder: Path, *, reason: str = "", prune: bool = True) -> BackupInfo:
        """Back up this file into ``folder`` (see :func:`take_backup`); with ``prune``, thin
        out old backups by the file's retention setting."""
        retention = Retention.of(load_settings(self.db)) if prune else None
        return take_backup(self.db.conn, self.path, folder, reason=reason,
                           retention=retention)

    def needs_sole_connection(self, backup: Path) -> bool:
        """True when ``backup`` has another page size than this file: copying it in leaves
        WAL for a moment, which only the file's one open connection may do (restore_into),
        so it must be restored on this store's connection, not a worker's second one."""
        try:
            source = read_only_connection(backup)
            try:
                return _page_size(source) != _page_size(self.db.conn)
            finally:
                source.close()
        except sqlite3.Error:
            return False  # not a database at all: the restore's own checks say so

    def restore(self, backup: Path, folder: Path, *, allow_unrecorded: bool = False
                ) -> Restored:
        """Replace this file's data by ``backup``.

        The backup is verified (its recorded checksum, or for a file the manifest does not
        list, when ``allow_unrecorded``, only integrity and schema), the current data is
        backed up into ``folder`` -- or, when it is damaged and so fails the backup's check,
        copied beside the file as it is -- then the backup is copied in through the backup
        API and, when it is from an older salesdesk, migrated; a failed migration puts the
        data back (MigrationFailed). Raises BackupRefused before anything is written when
        the backup fails a check.
        """
        db = self._writable()
        expected = recorded_checksum(backup)
        if expected is None and not allow_unrecorded:
            raise BackupRefused(translate(
                "Backups", "{name} has no recorded checksum, so salesdesk cannot tell whether"
                " it changed since it was written.").format(name=backup.name))
        count = verify_backup(backup, expected)
        damaged: Path | None = None
        try:
            # Pruned only afterwards: thinning out could otherwise delete the backup restored.
            before = self.take(folder, reason="before restore", prune=False).path
        except BackupRefused:
            if not database_problems(self.path):
                raise  # the copy failed for another reason (a full disk): restore nothing
            before = damaged = keep_damaged_copy(db.conn, self.path)
        try:
            restore_into(db.conn, backup)
        except sqlite3.Error as exc:
            raise StoreError(translate(
                "Backups", "{name} could not be restored ({error}); the data was left as it"
                " was.").format(name=backup.name, error=exc)) from exc
        try:
            prepare(db)
        except Exception as exc:  # whatever a migration raises, the copy taken before undoes it
            if db.conn.in_transaction:
                db.conn.rollback()
            restore_into(db.conn, before)
            raise MigrationFailed(translate(
                "Backups", "{name} was restored but could not be upgraded ({error}); the data"
                " was put back as it was before the restore from {before}.").format(
                    name=backup.name, error=exc, before=before)) from exc
        prune(folder, Retention.of(load_settings(self.db)), self.path)
        return Restored(count, damaged)


def newest_good_backup(database: Path, data_dir: Path | None = None) -> BackupInfo | None:
    """The newest backup of ``database`` (which may be damaged) that passes its checksum and
    integrity check, from the folder its settings name (when they can still be read) or the
    default one; None when there is none."""
    found = [info for folder in backup_folders_of(database, data_dir)
             for info in list_backups(folder)]
    for info in sorted(found, key=lambda b: b.taken_at, reverse=True):
        if not info.recorded:
            continue
        try:
            verify_backup(info.path, info.sha256)
        except BackupRefused:
            continue
        return info
    return None
