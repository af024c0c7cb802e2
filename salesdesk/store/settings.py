"""The file's business settings (the ``settings`` table), typed through BusinessSettings, and
how the file was last shown (keys starting "view."), so each business opens as it was left."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.settings import BusinessSettings


def load_settings(db: Database) -> BusinessSettings:
    """Read the settings, falling back to defaults for keys never written."""
    stored = {row[0]: row[1] for row in db.execute("SELECT key, value FROM settings")}
    values: dict[str, Any] = {}
    for f in fields(BusinessSettings):
        if f.name in stored:
            value = json.loads(stored[f.name])
            values[f.name] = tuple(value) if isinstance(value, list) else value
    return BusinessSettings(**values)


def save_settings(db: Database, settings: BusinessSettings) -> None:
    """Write every setting in one transaction."""
    with db.atomic():
        db.conn.executemany(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [(key, json.dumps(value)) for key, value in asdict(settings).items()],
        )


_VIEW = "view."


def load_view_state(db: Database, name: str) -> str | None:
    """The view state saved as ``name``, or None when never saved."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [_VIEW + name]).fetchone()
    if row is None:
        return None
    value = json.loads(row[0])
    return value if isinstance(value, str) else None


def save_view_state(db: Database, name: str, value: str) -> None:
    """Keep ``value`` as the view state ``name``."""
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [_VIEW + name, json.dumps(value)])
