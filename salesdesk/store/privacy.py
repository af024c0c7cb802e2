"""Erasing a client's personal data wherever the file holds it, keeping the figures right.

The client's row stays (deals still count under it) but is renamed to a neutral label and
loses its contact details. Its name, its contact person, e-mail and phone are replaced in
every free text of the file: deal titles, next steps, notes and lost-reason details,
preparation sheets and assessment notes, NPS survey comments, touchpoint change descriptions
and competitor notes (matched as whole words, case folded for every script; another client's
name that contains the erased one is left alone, as is every other client's own row). The
notes of the client's deals, the rapport notes of their preparation sheets and the comments of
their own survey responses are emptied (their scores stay: the figures are anonymous). The
search index is rebuilt and the file vacuumed and checkpointed, so the old bytes are gone from
the database file and its ``-wal`` too (not from backups taken before).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.redaction import Redaction, redaction_of
from salesdesk.i18n import translate
from salesdesk.store.deals import now_stamp
from salesdesk.store.errors import NotFound, StoreError
from salesdesk.store.functions import CASEFOLD

ERASED_LABEL = "Erased client"
log = logging.getLogger(__name__)

_DEAL_TEXTS = ("title", "next_step", "notes", "lost_reason_note")
# Free texts of other tables that may name a client: (table, key column, text columns).
_OTHER_TEXTS = (("touchpoint_changes", "id", ("description",)),
                ("competitor_notes", "id", ("competitor", "step", "ours", "theirs")))


@dataclass(frozen=True, slots=True)
class ErasePreview:
    """What erasing a client changes: its own deals, and the places in other records (texts
    of other clients' deals, preparation sheets, assessment notes) where its name or contact
    details are replaced."""

    client: str
    label: str
    own_deals: int
    other_places: int


@dataclass(frozen=True, slots=True)
class _Client:
    id: int
    name: str
    redaction: Redaction


@dataclass(frozen=True, slots=True)
class _Change:
    table: str
    key: Any
    values: dict[str, Any]
    texts: int  # how many of the row's texts change
    own: bool  # part of the erased client's own records


def _free_label(db: Database) -> str:
    taken = {row[0].casefold() for row in db.execute(
        "SELECT name FROM clients WHERE name LIKE ?", [f"{ERASED_LABEL} %"])}
    number = len(taken) + 1
    while f"{ERASED_LABEL} {number}".casefold() in taken:
        number += 1
    return f"{ERASED_LABEL} {number}"


def _client(db: Database, name: str, label: str) -> _Client:
    """The client called ``name`` (its exact name first, else ignoring case for every script)
    and the redaction of its name and contact details."""
    rows = db.execute("SELECT id, name, contact_person, email, phone FROM clients").fetchall()
    wanted = name.strip()
    match = (next((r for r in rows if r[1] == wanted), None)
             or next((r for r in rows if r[1].casefold() == wanted.casefold()), None))
    if match is None:
        raise NotFound(translate("Privacy", "There is no client called {name}.").format(
            name=repr(name)))
    client_id, stored, person, email, phone = match
    redaction = redaction_of(
        [(stored, label), (person, f"{label} contact"), (email, f"{label} e-mail"),
         (phone, f"{label} phone")],
        (r[1] for r in rows if r[0] != client_id))
    return _Client(client_id, stored, redaction)


def _mentioning(column: str, terms: int) -> str:
    return " OR ".join([f"instr({CASEFOLD}({column}), ?)"] * terms)


def _deal_texts(db: Database) -> tuple[str, ...]:
    """The deals' free-text columns this file has (lost-reason details came with m004)."""
    columns = db["deals"].columns_dict
    return tuple(column for column in _DEAL_TEXTS if column in columns)


def _changes(db: Database, client: _Client) -> Iterator[_Change]:
    """Every row whose text changes, with its new values."""
    redaction = client.redaction
    folded = [term.casefold() for term, _ in redaction.replacements]
    deal_texts = _deal_texts(db)
    where = " OR ".join(_mentioning(column, len(folded)) for column in deal_texts)
    rows = db.execute(f"SELECT id, client_id = ?, {', '.join(deal_texts)} FROM deals"
                      f" WHERE client_id = ? OR {where}",
                      [client.id, client.id, *folded * len(deal_texts)]).fetchall()
    for deal_id, own, *texts in rows:
        old = dict(zip(deal_texts, texts, strict=True))
        new = {column: redaction.apply(text) for column, text in old.items()}
        if own:
            new["notes"] = ""
        changed = sum(new[column] != old[column] for column in deal_texts)
        if changed:
            yield _Change("deals", deal_id, new, changed, bool(own))
    if db["nps_responses"].exists():  # the client's own answers are emptied, others scrubbed
        for response_id, own, comment in db.execute(
                "SELECT id, client_id IS ?, comment FROM nps_responses WHERE client_id IS ?"
                " OR " + _mentioning("comment", len(folded)),
                [client.id, client.id, *folded]).fetchall():
            scrubbed = "" if own else redaction.apply(comment)
            if scrubbed != comment:
                yield _Change("nps_responses", response_id, {"comment": scrubbed}, 1, bool(own))
    for table, key, columns in _OTHER_TEXTS:
        if not db[table].exists():
            continue
        where = " OR ".join(_mentioning(column, len(folded)) for column in columns)
        for row_key, *texts in db.execute(
                f"SELECT {key}, {', '.join(columns)} FROM {table} WHERE {where}",
                folded * len(columns)).fetchall():
            old = dict(zip(columns, texts, strict=True))
            new = {column: redaction.apply(text) for column, text in old.items()}
            changed = sum(new[column] != old[column] for column in columns)
            if changed:
                yield _Change(table, row_key, new, changed, False)
    if db["deal_prep"].exists():
        own_deals = {row[0] for row in db.execute("SELECT id FROM deals WHERE client_id = ?",
                                                  [client.id])}
        for deal_id, text in db.execute("SELECT deal_id, sheet FROM deal_prep").fetchall():
            sheet = json.loads(text)
            if deal_id in own_deals and isinstance(sheet, dict):
                sheet["rapport"] = ""  # drawn from the client's private profile
            scrubbed = json.dumps(_scrub(sheet, redaction), ensure_ascii=False)
            if scrubbed != text:
                yield _Change("deal_prep", deal_id, {"sheet": scrubbed}, 1,
                              deal_id in own_deals)
    if db["assessment_scores"].exists():  # a manager's note may name a client
        for rowid, note in db.execute(
                "SELECT rowid, note FROM assessment_scores WHERE "
                + _mentioning("note", len(folded)), folded).fetchall():
            scrubbed = redaction.apply(note)
            if scrubbed != note:
                yield _Change("assessment_scores", rowid, {"note": scrubbed}, 1, False)


def _scrub(value: Any, redaction: Redaction) -> Any:
    if isinstance(value, str):
        return redaction.apply(value)
    if isinstance(value, list):
        return [_scrub(v, redaction) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, redaction) for k, v in value.items()}
    return value


def preview_erase(db: Database, name: str) -> ErasePreview:
    """What :func:`erase_client` would change, read only; NotFound for an unknown client."""
    label = _free_label(db)
    client = _client(db, name, label)
    own_deals = db.execute("SELECT COUNT(*) FROM deals WHERE client_id = ?",
                           [client.id]).fetchone()[0]
    other = sum(change.texts for change in _changes(db, client) if not change.own)
    return ErasePreview(client.name, label, int(own_deals), other)


def erase_client(db: Database, name: str) -> str:
    """Erase the personal data of the client called ``name``; return its neutral label.

    Raises NotFound for an unknown client, StoreError when the file could not be compacted
    afterwards (the erasure itself is then saved, but old bytes may remain until it is).
    """
    label = _free_label(db)
    client = _client(db, name, label)
    stamp = now_stamp()
    with db.atomic():
        for change in list(_changes(db, client)):
            values = dict(change.values)
            if change.table == "deals":
                values["updated_at"] = stamp
            key = {"deal_prep": "deal_id", "assessment_scores": "rowid"}.get(change.table, "id")
            assignments = ", ".join(f"{column} = ?" for column in values)
            db.execute(f"UPDATE {change.table} SET {assignments} WHERE {key} = ?",
                       [*values.values(), change.key])
        db.execute("UPDATE clients SET name = ?, contact_person = '', email = '', phone = ''"
                   " WHERE id = ?", [label, client.id])
        # An external-content FTS5 index keeps deleted terms in old segments: rebuild it.
        db.execute("INSERT INTO deals_fts(deals_fts) VALUES ('rebuild')")
    log.info("Erased the personal data of a client, now called %s.", label)
    try:
        db.execute("VACUUM")
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error as exc:  # a full disk: VACUUM needs room for a second copy
        raise StoreError(translate(
            "Privacy", "The client was erased as {label}, but the file could not be compacted"
            " ({error}); old bytes may remain until it is. Free some space and erase {label}"
            " again.").format(label=label, error=exc)) from exc
    if busy:
        raise StoreError(translate(
            "Privacy", "The client was erased as {label}, but another program is reading the"
            " file, so old bytes remain in its journal. Close it and erase {label} again."
        ).format(label=label))
    return label
