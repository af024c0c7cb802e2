"""Erasing a client's personal data wherever the file holds it, keeping the figures right.

The client's row stays (deals still count under it) but is renamed to a neutral label and
loses its contact details; the name is replaced by that label in every deal's text (titles
made from client + product, other deals' notes, prep sheets and assessment notes included;
as a whole word, so "Art" leaves "Smart" alone); the notes of the client's deals and the
rapport notes of their prep sheets are emptied. (NPS comments join this list when the
Customers tab's tables exist.) The search index is rebuilt and the file vacuumed and
checkpointed, so the old bytes are gone from the database file and its ``-wal`` too (not
from backups taken before).
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from typing import Any

from sqlite_utils import Database

from salesdesk.store.deals import now_stamp
from salesdesk.store.errors import NotFound, StoreError

ERASED_LABEL = "Erased client"
log = logging.getLogger(__name__)


def _free_label(db: Database) -> str:
    taken = {row[0].casefold() for row in db.execute(
        "SELECT name FROM clients WHERE name LIKE ?", [f"{ERASED_LABEL} %"])}
    number = len(taken) + 1
    while f"{ERASED_LABEL} {number}".casefold() in taken:
        number += 1
    return f"{ERASED_LABEL} {number}"


def _scrub(value: Any, pattern: re.Pattern[str], label: str) -> Any:
    if isinstance(value, str):
        return pattern.sub(label, value)
    if isinstance(value, list):
        return [_scrub(v, pattern, label) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, pattern, label) for k, v in value.items()}
    return value


def _erase_from_prep_sheets(db: Database, client_id: int, pattern: re.Pattern[str],
                            label: str) -> None:
    """Prep sheets (JSON): the client's deals lose their rapport notes (drawn from the client's
    private profile); the name is replaced in every text of every sheet."""
    own = {row[0] for row in db.execute("SELECT id FROM deals WHERE client_id = ?",
                                        [client_id])}
    for deal_id, text in db.execute("SELECT deal_id, sheet FROM deal_prep").fetchall():
        sheet = json.loads(text)
        if deal_id in own and isinstance(sheet, dict):
            sheet["rapport"] = ""
        scrubbed = json.dumps(_scrub(sheet, pattern, label), ensure_ascii=False)
        if scrubbed != text:
            db.execute("UPDATE deal_prep SET sheet = ? WHERE deal_id = ?", [scrubbed, deal_id])


def erase_client(db: Database, name: str) -> str:
    """Erase the personal data of the client called ``name``; return its neutral label.

    Raises NotFound for an unknown client, StoreError when the file could not be compacted
    afterwards (the erasure itself is then saved, but old bytes may remain until it is).
    """
    row = db.execute("SELECT id, name FROM clients WHERE name = ?", [name]).fetchone()
    if row is None:
        raise NotFound(f"There is no client called {name!r}.")
    client_id, stored_name = row
    label = _free_label(db)
    # A whole word: erasing "Art" must not turn "Smart" into "SmErased client 1".
    pattern = re.compile(rf"(?<!\w){re.escape(stored_name)}(?!\w)", re.IGNORECASE)
    stamp = now_stamp()
    with db.atomic():
        mentions = db.execute(
            "SELECT id, title, next_step, notes, client_id = ? FROM deals WHERE client_id = ?"
            " OR instr(lower(title), lower(?)) OR instr(lower(next_step), lower(?))"
            " OR instr(lower(notes), lower(?))",
            [client_id, client_id, stored_name, stored_name, stored_name]).fetchall()
        for deal_id, title, next_step, notes, own in mentions:
            db.execute(
                "UPDATE deals SET title = ?, next_step = ?, notes = ?, updated_at = ?"
                " WHERE id = ?",
                [pattern.sub(label, title), pattern.sub(label, next_step),
                 "" if own else pattern.sub(label, notes), stamp, deal_id])
        db.execute("UPDATE clients SET name = ?, contact_person = '', email = '', phone = ''"
                   " WHERE id = ?", [label, client_id])
        if db["deal_prep"].exists():
            _erase_from_prep_sheets(db, client_id, pattern, label)
        if db["assessment_scores"].exists():  # a manager's note may name a client
            for rowid, note in db.execute(
                    "SELECT rowid, note FROM assessment_scores WHERE instr(lower(note),"
                    " lower(?))", [stored_name]).fetchall():
                db.execute("UPDATE assessment_scores SET note = ? WHERE rowid = ?",
                           [pattern.sub(label, note), rowid])
        # An external-content FTS5 index keeps deleted terms in old segments: rebuild it.
        db.execute("INSERT INTO deals_fts(deals_fts) VALUES ('rebuild')")
    log.info("Erased the personal data of a client, now called %s.", label)
    try:
        db.execute("VACUUM")
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error as exc:  # a full disk: VACUUM needs room for a second copy
        raise StoreError(f"The client was erased as {label}, but the file could not be"
                         f" compacted ({exc}); old bytes may remain until it is. Free some"
                         f" space and erase {label} again.") from exc
    if busy:
        raise StoreError(f"The client was erased as {label}, but another program is reading"
                         " the file, so old bytes remain in its journal. Close it and erase"
                         f" {label} again.")
    return label
