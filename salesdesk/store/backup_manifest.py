"""Where a file's backups go, and what the ``manifest.json`` in a backup folder records of them.

The manifest lists each backup salesdesk wrote there with its SHA-256, deal count, date,
reason and the database it is a backup of; only files named as :func:`take_backup
<salesdesk.store.backups.take_backup>` names them, directly in the folder, are ever read as
backups or deleted. ``.db`` files the manifest does not list are the user's own copies,
listed as unrecorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from salesdesk import paths
from salesdesk.domain.settings import BusinessSettings
from salesdesk.files import write_text
from salesdesk.store.connection import read_only_connection
from salesdesk.store.errors import StoreError
from salesdesk.store.settings import load_settings

MANIFEST_NAME = "manifest.json"
# The names take_backup gives; pruning deletes nothing else, wherever a manifest points.
BACKUP_NAME = re.compile(r"backup-\d{4}-\d{2}-\d{2}_\d{6}(-\d+)?\.db")


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


# --- the manifest -----------------------------------------------------------------------------


def read_manifest(folder: Path) -> list[dict[str, object]]:
    """The manifest's entries that name a file (none when it is missing or unreadable)."""
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


def write_manifest(folder: Path, entries: list[dict[str, object]]) -> None:
    """Write the folder's manifest with ``entries`` (safely: all or nothing)."""
    document = {"format": 1, "backups": entries}
    write_text(folder / MANIFEST_NAME,
               json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def ours(folder: Path, entry: dict[str, object]) -> bool:
    """True when ``entry`` names a plain file directly in ``folder`` under a name
    take_backup gives; anything else in a manifest is never read as a backup or deleted."""
    name = str(entry["file"])
    path = folder / name
    return (BACKUP_NAME.fullmatch(name) is not None and not path.is_symlink()
            and path.parent == folder)


def _info(folder: Path, entry: dict[str, object]) -> BackupInfo | None:
    if not ours(folder, entry):
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
    for entry in read_manifest(folder):
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
    for entry in read_manifest(backup.parent):
        if entry.get("file") == backup.name and isinstance(entry.get("sha256"), str):
            return str(entry["sha256"])
    return None


# --- checksums --------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
