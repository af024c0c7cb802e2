"""Opening database files: the read-only check first, then one connection policy for all.

Every connection has foreign keys on, WAL journaling, ``synchronous=FULL`` and a busy timeout;
a file is checked read-only before anything is written to it, so a file salesdesk refuses
keeps identical bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import uuid
from pathlib import Path

from sqlite_utils import Database

from salesdesk import __version__
from salesdesk.i18n import translate
from salesdesk.store import functions
from salesdesk.store.errors import FileDamaged, FileReadOnly, FileRefused, FileTooNew
from salesdesk.store.migrations import (
    MIGRATIONS_NAME,
    SCHEMA_VERSION,
    known_migration_names,
    migrations,
)
from salesdesk.store.schema import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SQLITE_CANTOPEN = 14


def _named(path: Path) -> str:
    """How messages name a file: by its name, or by its whole path when it has none ("." or
    "/" name no file, and an empty name would leave the message without a subject)."""
    return path.name or str(path.resolve())


def _damaged(path: Path, error: Exception) -> str:
    return translate("Connection", "{name} is damaged and cannot be read: {error}.").format(
        name=_named(path), error=error)


def _cannot_open(path: Path, error: Exception) -> str:
    return translate("Connection", "{name} cannot be opened: {error}.").format(
        name=_named(path), error=error)


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except OSError as exc:
        raise FileRefused(translate("Connection", "{name} cannot be read: {error}.").format(
            name=_named(path), error=exc.strerror or exc)) from exc


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path``.

    SQLite reads a WAL database through a shared-memory file beside it, which it cannot create
    in a folder salesdesk may not write to ("unable to open database file"). The file is then
    read as immutable, which needs no such file, unless its ``-wal`` holds changes (only a
    writable folder can read them back): that is refused with FileReadOnly, not called damage.
    """
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if exc.sqlite_errorcode != SQLITE_CANTOPEN or os.access(path.parent, os.W_OK):
            raise
    except BaseException:
        conn.close()
        raise
    else:
        return conn
    journal = Path(f"{path}-wal")
    if journal.exists() and journal.stat().st_size:
        raise FileReadOnly(translate(
            "Connection", "{name} is in a folder that is read-only, and its journal"
            " ({journal}) holds changes that cannot be read there. Copy the folder to a place"
            " where you may write, then open it.").format(name=_named(path), journal=journal.name))
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def check_writable(path: Path) -> None:
    """Raise FileReadOnly when ``path`` (or, for a new file, its folder) may not be written:
    a healthy file on a read-only disk or without write permission is opened read-only or
    not at all, never taken for damaged."""
    folder = path.parent if path.parent.exists() else next(
        (p for p in path.parents if p.exists()), path.parent)
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
        raise FileReadOnly(translate(
            "Connection", "{name} is read-only: changes cannot be saved here. Open it read-only,"
            " or copy it to a folder where you may write.").format(name=_named(path)))


def check_file(path: Path) -> bool:
    """Check ``path`` without writing to it; return True when it is new or empty.

    Raises FileRefused when the file is not SQLite, not a salesdesk database, damaged, or from
    a newer salesdesk.
    """
    # Checked first: a folder's size is not 0 on most file systems, so it would otherwise
    # reach the header read and fail there with a bare "Is a directory".
    if path.is_dir():
        raise FileRefused(translate("Connection", "{name} is a folder, not a salesdesk file."
                                    ).format(name=path if path.name else path.resolve()))
    if not path.exists() or path.stat().st_size == 0:
        return True
    header = _header(path)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise FileRefused(translate(
            "Connection", "{name} is not a salesdesk database (it is not an SQLite file)."
        ).format(name=_named(path)))
    try:
        conn = read_only_connection(path)
    except sqlite3.DatabaseError as exc:
        raise FileDamaged(_damaged(path, exc)) from exc
    except sqlite3.Error as exc:
        raise FileRefused(_cannot_open(path, exc)) from exc
    try:
        # Asked through SQLite, not read from the header bytes: a live writer's recent
        # changes (a new file's application id included) may still be only in the -wal file.
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if application_id != APPLICATION_ID:
            if application_id == 0 and not tables:
                return True
            raise FileRefused(translate(
                "Connection", "{name} is an SQLite database of another program, not a"
                " salesdesk file.").format(name=_named(path)))
        _check_version(conn, path, tables)
    except sqlite3.DatabaseError as exc:
        raise FileDamaged(_damaged(path, exc)) from exc
    finally:
        conn.close()
    return False


def _check_version(conn: sqlite3.Connection, path: Path, tables: set[str]) -> None:
    known = set(known_migration_names())
    applied: set[str] = set()
    if "_sqlite_migrations" in tables:
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATIONS_NAME]
            )
        }
    version = 0
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row and str(row[0]).isdigit() else 0
    if applied - known or version > SCHEMA_VERSION:
        row = None
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key = 'app_version'").fetchone()
        if row:
            text = translate(
                "Connection", "{name} was written by a newer salesdesk {writer} (schema"
                " {version}; this is salesdesk {app_version}, schema {schema}). Update"
                " salesdesk to open it; the file was not changed.")
        else:
            text = translate(
                "Connection", "{name} was written by a newer salesdesk (schema {version};"
                " this is salesdesk {app_version}, schema {schema}). Update salesdesk to open"
                " it; the file was not changed.")
        raise FileTooNew(text.format(name=_named(path), writer=row[0] if row else "",
                                     version=version, app_version=__version__,
                                     schema=SCHEMA_VERSION))


def quick_check(path: Path) -> None:
    """Run ``PRAGMA quick_check`` on a read-only connection; raise FileDamaged on a problem.

    Read-only, so a damaged file is never written to; it takes a thread of its own for a large
    file (the GUI runs it in a worker).
    """
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise FileDamaged(_cannot_open(path, exc)) from exc
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        raise FileDamaged(_damaged(path, exc)) from exc
    finally:
        conn.close()
    if problems != ["ok"]:
        raise FileDamaged(translate("Connection", "{name} is damaged: {problems}.").format(
            name=_named(path), problems="; ".join(problems)))


def database_problems(path: Path) -> list[str]:
    """Every problem ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` find, read-only;
    an empty list for a healthy file (Tools ▸ Check Database, ``salesdesk check``)."""
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        return [f"{_named(path)} cannot be opened: {exc}."]
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(100)")]
        problems = [] if problems == ["ok"] else problems
        problems += [
            f"{table} row {rowid} refers to a missing {parent} row"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
    except sqlite3.DatabaseError as exc:
        problems = [f"{_named(path)} is damaged and cannot be read: {exc}."]
    finally:
        conn.close()
    return problems


def connect(path: Path, *, read_only: bool = False) -> Database:
    """Open a connection with the project's pragmas (no schema changes)."""
    conn = read_only_connection(path) if read_only else sqlite3.connect(str(path))
    functions.register(conn)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return Database(conn)


def file_id(db: Database) -> str | None:
    """The id that tells this file's deals from other files' in an export (None for a file
    not opened for writing since ids were given)."""
    if not db["meta"].exists():
        return None
    row = db.execute("SELECT value FROM meta WHERE key = 'file_id'").fetchone()
    return None if row is None else str(row[0])


def needs_migration(db: Database) -> bool:
    """True when the file behind ``db`` lacks migrations this build knows."""
    return bool(migrations.pending(db))


def prepare(db: Database) -> None:
    """Create or migrate the schema and record who wrote the file."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    # Off while migrating, as SQLite's recipe for rebuilding a table says (m003): dropping
    # a parent table would otherwise delete its children through ON DELETE CASCADE. A
    # migration that rebuilds a table checks the references it leaves (foreign_key_check).
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        migrations.apply(db)
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with db.atomic():
        db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', ?)", [now])
        # Tells this file (and its backups and copies) from others in an export's deal ids.
        db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('file_id', ?)",
                   [uuid.uuid4().hex])
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            [str(SCHEMA_VERSION)],
        )
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('app_version', ?)", [__version__]
        )
