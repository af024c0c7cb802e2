"""A deal's identity in an export, so that importing the file again finds exactly the deals it
came from.

A deal without an external id of its own is exported with ``salesdesk:<file>:<id>:<created>``
in that column: the id of the file (shared by its backups and copies), the deal's id there and
when it was created. Importing the file into the same file matches the deal by id and creation
time, never by its title (two deals may share a title, client and first contact). It is never
stored as an external id: into another file the row is matched as one without an id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

_PATTERN = re.compile(r"salesdesk:([0-9a-f]{32}):(\d+):(\S+)")


@dataclass(frozen=True, slots=True)
class ExportId:
    """Where an exported deal came from."""

    PREFIX: ClassVar[str] = "salesdesk:"
    """How every such id begins."""
    file_id: str
    deal_id: int
    created_at: str

    def __str__(self) -> str:
        return f"{self.PREFIX}{self.file_id}:{self.deal_id}:{self.created_at}"

    @classmethod
    def parse(cls, text: str | None) -> ExportId | None:
        """The id written by :meth:`__str__`, or None for any other text."""
        if not text or not text.startswith(cls.PREFIX):  # the common case, without the regex
            return None
        found = _PATTERN.fullmatch(text)
        if found is None:
            return None
        return cls(found[1], int(found[2]), found[3])
