"""The base of the store's facades: one open file, its connection, and whether it may be
written."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from salesdesk.i18n import translate
from salesdesk.store.errors import ReadOnly


class Facade:
    """Operations on one open file (Store, and the objects it hands out).

    Writes go through :meth:`_writable`, which refuses them on a read-only open.
    """

    def __init__(self, path: Path, db: Database, *, read_only: bool) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only

    def _writable(self) -> Database:
        if self.read_only:
            raise ReadOnly(translate("Facade", "{name} is open read-only.").format(
                name=self.path.name))
        return self.db
