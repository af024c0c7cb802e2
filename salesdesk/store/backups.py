"""Backups of a database file: taken, kept, listed, verified and restored (DESIGN.md §7).

A backup is taken with SQLite's online backup API (never a file copy of a live database, whose
latest commits may still be in the ``-wal`` file) into a temporary file in the backup folder;
the copy is fsynced, checked with ``PRAGMA integrity_check``, recorded with its SHA-256, deal
count and date in the folder's ``manifest.json`` (written safely), and only then renamed into
place. A restore checks the backup the same way and copies it into the live database through
the backup API too: renaming a file under open connections, or beside a leftover ``-wal`` that
SQLite would replay over it, could undo the restore.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from salesdesk import paths
from salesdesk.domain.settings import BusinessSettings
from salesdesk.files import fsync_file, replacing, write_text
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

MANIFEST_NAME = "manifest.json"
# The names take_backup gives; pruning deletes nothing else, wherever a manifest points.
BACKUP_NAME = re.compile(r"backup-\d{4}-\d{2}-\d{2}_\d{6}(-\d+)?\.db")
log = logging.getLogger(__name__)
MIN_INTERVAL = dt.timedelta(minutes=30)
TEMPORARY_PREFIX = ".backup-"


@dataclass(frozen=True, slots=True)
class Retention:
    """How many daily, weekly and monthly backups are kept (the newest always is)."""

    daily: int = 12
    weekly: int = 10
    monthly: int = 9

    @classmethod
    def of(cls, settings: BusinessSettings) -> Retention:
        """The retention stored in a file's settings."""
        daily, weekly, monthly = settings.backup_retention
        return cls(daily, weekly, monthly)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file; ``sha256`` is None for a file the manifest does not list (a copy
    brought from elsewhere), whose ``deals`` are then unknown until it is verified."""

    path: Path
    taken_at: dt.datetime
    deals: int | None
    sha256: str | None
    reason: str = ""
    source: str | None = None  # the database it is a backup of (resolved path), when recorded

    @property
    def recorded(self) -> bool:
        """True when the manifest holds this file's checksum."""
        return self.sha256 is not None


# --- where backups go -------------------------------------------------------------------------


def default_backup_folder(database: Path, data_dir: Path | None = None) -> Path:
    """The backup folder of ``database`` under the data folder, named after the file.

    A short hash of the full path keeps two files of the same name apart.
    """
    resolved = database.resolve()
    tag = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    return (data_dir or paths.data_dir()) / "backups" / f"{resolved.stem}-{tag}"


def backup_folder(database: Path, settings: BusinessSettings,
                  data_dir: Path | None = None) -> Path:
    """The folder chosen in the file's settings, else the default one."""
    if settings.backup_folder:
        return Path(settings.backup_folder).expanduser()
    return default_backup_folder(database, data_dir)


def backup_folders_of(database: Path, data_dir: Path | None = None) -> list[Path]:
    """The folders the backups of ``database`` can be in: the one its settings name, when
    they can still be read (the file may be damaged), then the default one."""
    default = default_backup_folder(database, data_dir)
    try:
        conn = read_only_connection(database)
        try:
            settings = load_settings(Database(conn))
        finally:
            conn.close()
    except (sqlite3.Error, StoreError, OSError, ValueError, TypeError):
        return [default]  # too damaged to tell
    chosen = backup_folder(database, settings, data_dir)
    return [default] if chosen == default else [chosen, default]


def backup_due(last: dt.datetime | None, now: dt.datetime, changed: bool) -> bool:
    """True when the data changed and at least 30 minutes passed since the last backup."""
    return changed and (last is None or now - last >= MIN_INTERVAL)


# --- the manifest -----------------------------------------------------------------------------


def _read_manifest(folder: Path) -> list[dict[str, object]]:
    # An unreadable manifest must not stop a backup: its files then count as unrecorded.
    try:
        document = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        entries = document["backups"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("file"), str)]


def is_backup_folder(folder: Path) -> bool:
    """True when ``folder`` holds a backup manifest: it is some database's backup folder,
    whichever file's settings chose it, and only salesdesk's backups may write there."""
    try:
        document = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and isinstance(document.get("backups"), list)


def _write_manifest(folder: Path, entries: list[dict[str, object]]) -> None:
    document = {"format": 1, "backups": entries}
    write_text(folder / MANIFEST_NAME,
               json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def _ours(folder: Path, entry: dict[str, object]) -> bool:
    """True when ``entry`` names a plain file directly in ``folder`` under a name
    take_backup gives; anything else in a manifest is never read as a backup or deleted."""
    name = str(entry["file"])
    path = folder / name
    return (BACKUP_NAME.fullmatch(name) is not None and not path.is_symlink()
            and path.parent == folder)


def _info(folder: Path, entry: dict[str, object]) -> BackupInfo | None:
    if not _ours(folder, entry):
        return None
    try:
        taken = dt.datetime.fromisoformat(str(entry["taken_at"]))
        deals = int(str(entry["deals"]))
        digest = str(entry["sha256"])
    except (KeyError, ValueError):
        return None
    source = entry.get("source")
    return BackupInfo(folder / str(entry["file"]), taken, deals, digest,
                      str(entry.get("reason", "")), source if isinstance(source, str) else None)


def source_of(database: Path) -> str:
    """How a manifest names the database a backup was taken of."""
    return os.path.realpath(database)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first: the manifest's entries whose files exist, then
    any other ``.db`` file there as unrecorded (dated by its modification time)."""
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    listed: set[str] = set()
    for entry in _read_manifest(folder):
        info = _info(folder, entry)
        if info is not None and info.path.is_file():
            found.append(info)
            listed.add(info.path.name)
    for path in folder.glob("*.db"):
        if path.name not in listed and not path.name.startswith("."):
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
            found.append(BackupInfo(path, modified, None, None))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def recorded_checksum(backup: Path) -> str | None:
    """The SHA-256 the manifest beside ``backup`` records for it, if any."""
    for entry in _read_manifest(backup.parent):
        if entry.get("file") == backup.name and isinstance(entry.get("sha256"), str):
            return str(entry["sha256"])
    return None


# --- taking -----------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
            raise BackupRefused(f"The backup could not be written: {exc}.") from exc
        deals = _checked_deal_count(temp)
        info = BackupInfo(destination, taken_at, deals, file_sha256(temp), reason,
                          source_of(database))
        # Recorded before the rename: a crash in between leaves an entry without a file,
        # which list_backups skips, never a file with a wrong checksum. Entries the app did
        # not write stay as they are (never acted on).
        entries = [e for e in _read_manifest(folder)
                   if not _ours(folder, e) or (folder / str(e["file"])).exists()]
        entries.append({"file": destination.name, "taken_at": taken_at.isoformat(),
                        "deals": deals, "sha256": info.sha256, "reason": reason,
                        "size": temp.stat().st_size, "source": info.source})
        _write_manifest(folder, entries)
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


def _checked_deal_count(path: Path) -> int:
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise BackupRefused(f"{path.name} cannot be read: {exc}.") from exc
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            raise BackupRefused(f"{path.name} failed its integrity check: " + "; ".join(result))
        return int(conn.execute("SELECT COUNT(*) FROM deals").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(f"{path.name} cannot be read: {exc}.") from exc
    finally:
        conn.close()


# --- keeping ----------------------------------------------------------------------------------


def retained(taken: Sequence[dt.datetime], retention: Retention) -> set[int]:
    """Indices of the backups (taken at ``taken``) to keep.

    Every backup of the newest backup's day is kept (so a restore never loses the backup it
    restored nor the copy taken just before it); that day counts as one daily. Older ones,
    newest first: kept when its day holds no kept backup yet and fewer than ``daily`` days are
    kept; else when its ISO week holds none and fewer than ``weekly`` weeks are kept; else
    likewise by month. So older days thin out to at most daily + weekly + monthly backups.
    """
    order = sorted(range(len(taken)), key=lambda i: taken[i], reverse=True)
    keep: set[int] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    daily = weekly = monthly = 0
    for index in order:
        local = taken[index].astimezone()
        day = local.date()
        week = tuple(local.isocalendar())[:2]
        month = (local.year, local.month)
        if not keep:
            daily += 1
        elif day in days and local.date() == taken[order[0]].astimezone().date():
            pass  # the newest backup's day: all kept
        elif day not in days and daily < retention.daily:
            daily += 1
        elif week not in weeks and weekly < retention.weekly:
            weekly += 1
        elif month not in months and monthly < retention.monthly:
            monthly += 1
        else:
            continue
        keep.add(index)
        days.add(day)
        weeks.add((week[0], week[1]))
        months.add(month)
    return keep


def _newest_good(backups: Sequence[BackupInfo]) -> int | None:
    """The index of the newest backup whose bytes still match its checksum."""
    for index in sorted(range(len(backups)), key=lambda i: backups[i].taken_at, reverse=True):
        try:
            if file_sha256(backups[index].path) == backups[index].sha256:
                return index
        except OSError:
            continue
    return None


def prune(folder: Path, retention: Retention, database: Path) -> list[Path]:
    """Delete the backups of ``database`` in ``folder`` that ``retained`` does not keep;
    return them.

    Only backups the manifest records as ``database``'s count (a folder shared by two files
    thins out each file's own; entries from before sources were recorded count as its own
    only while no other file's are there), the newest one that still matches its checksum is
    always kept, and only files take_backup named, directly in the folder, are ever deleted:
    anything else a manifest names is left alone and reported in the log. Files the manifest
    does not list (the user's own copies) are never deleted.
    """
    entries = _read_manifest(folder)
    for entry in entries:
        if not _ours(folder, entry):
            log.warning("The backup manifest in %s names %r, which is not a backup salesdesk"
                        " wrote there; it was left alone.", folder, entry["file"])
    recorded = [b for b in list_backups(folder) if b.recorded]
    mine = source_of(database)
    shared = any(b.source not in (None, mine) for b in recorded)
    backups = [b for b in recorded if b.source == mine or (b.source is None and not shared)]
    keep = retained([b.taken_at for b in backups], retention)
    good = _newest_good(backups)
    if good is not None:
        keep.add(good)
    removed = [b.path for i, b in enumerate(backups) if i not in keep]
    if not removed:
        return []
    names = {p.name for p in removed}
    # The manifest forgets them first: a crash halfway leaves unlisted files, not dangling
    # entries with checksums of files that are gone.
    _write_manifest(folder, [e for e in entries if not (_ours(folder, e)
                                                        and e["file"] in names)])
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# --- verifying and restoring ------------------------------------------------------------------


def verify_backup(backup: Path, expected_sha256: str | None) -> int:
    """Check a file before it replaces a database; return its deal count.

    The recorded checksum (when given) catches any changed byte, even inside a text value where
    ``integrity_check`` sees nothing wrong; then the file must be salesdesk's, not from a newer
    salesdesk, and pass ``integrity_check``. Raises BackupRefused, reading the file only.
    """
    name = backup.name
    if not backup.is_file():
        raise BackupRefused(f"{name} does not exist.")
    if expected_sha256 is not None and file_sha256(backup) != expected_sha256:
        raise BackupRefused(f"{name} has changed since it was written (its checksum differs"
                            " from the one recorded): it is damaged.")
    try:
        if check_file(backup):
            raise BackupRefused(f"{name} is empty.")
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
                raise BackupRefused(
                    f"{backup.name} was written with another page size ({size:,} bytes), which"
                    " salesdesk can copy in only while no other window or program has this"
                    " file open. Close them and restore again.")
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
            raise BackupRefused(f"{backup.name} has no recorded checksum, so salesdesk cannot"
                                " tell whether it changed since it was written.")
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
            raise StoreError(f"{backup.name} could not be restored ({exc}); the data was"
                             " left as it was.") from exc
        try:
            prepare(db)
        except Exception as exc:  # whatever a migration raises, the copy taken before undoes it
            if db.conn.in_transaction:
                db.conn.rollback()
            restore_into(db.conn, before)
            raise MigrationFailed(
                f"{backup.name} was restored but could not be upgraded ({exc}); the data was"
                f" put back as it was before the restore from {before}.") from exc
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
