"""The file's business settings (the ``settings`` table), typed through BusinessSettings."""

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
