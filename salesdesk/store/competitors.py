"""Competitors: the lost reason that means "lost to a competitor", the deals lost to each
competitor (named in a lost deal's details), and the step-by-step notes on how each works."""

from __future__ import annotations

import json

from sqlite_utils import Database

from salesdesk.domain.competitors import (
    DEFAULT_COMPETITOR_REASON,
    CompetitorNotes,
    StepNote,
    check_notes,
    same_competitor,
)
from salesdesk.domain.deals import LookupKind
from salesdesk.i18n import translate
from salesdesk.store import lookups
from salesdesk.store.customer_tables import available
from salesdesk.store.errors import NotFound

COMPETITOR_REASON_KEY = "competitor_lost_reason"


def competitor_reason(db: Database) -> str | None:
    """The lost reason meaning "lost to a competitor": the one chosen, else the reason called
    "Competitor"; None when there is none."""
    row = db.execute("SELECT value FROM settings WHERE key = ?",
                     [COMPETITOR_REASON_KEY]).fetchone()
    if row is not None:
        chosen = json.loads(row[0])
        if chosen is None:
            return None
        found = db.execute("SELECT name FROM lost_reasons WHERE id = ?", [chosen]).fetchone()
        if found is not None:
            return str(found[0])
    found = db.execute("SELECT name FROM lost_reasons WHERE name = ? COLLATE NOCASE",
                       [DEFAULT_COMPETITOR_REASON]).fetchone()
    return None if found is None else str(found[0])


def set_competitor_reason(db: Database, name: str | None) -> None:
    """Choose the lost reason meaning "lost to a competitor" (None: no reason means it)."""
    reason_id = None
    if name is not None:
        reason_id = lookups.find(db, LookupKind.LOST_REASON, name)
        if reason_id is None:
            raise NotFound(translate("Competitors", "There is no lost reason called {name}."
                                     ).format(name=repr(name)))
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [COMPETITOR_REASON_KEY, json.dumps(reason_id)])


def _lost_to_competitors(db: Database) -> list[tuple[int, str]]:
    """(deal id, details) of the deals lost for the competitor reason."""
    reason = competitor_reason(db)
    if reason is None:
        return []
    reason_id = lookups.find(db, LookupKind.LOST_REASON, reason)
    return [(int(i), str(note)) for i, note in db.execute(
        "SELECT id, lost_reason_note FROM deals WHERE lost_reason_id = ? AND outcome = 'lost'",
        [reason_id])]


def competitor_losses(db: Database) -> list[tuple[str, int]]:
    """Every competitor named in the notes or in a lost deal's details, with the number of
    deals lost to it; most losses first, then by name."""
    if not available(db):
        return []
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for (name,) in db.execute("SELECT DISTINCT competitor FROM competitor_notes"):
        key = " ".join(str(name).split()).casefold()
        names.setdefault(key, " ".join(str(name).split()))
        counts.setdefault(key, 0)
    for _, note in _lost_to_competitors(db):
        cleaned = " ".join(note.split())
        if not cleaned:
            continue
        key = cleaned.casefold()
        names.setdefault(key, cleaned)
        counts[key] = counts.get(key, 0) + 1
    return sorted(((names[k], counts[k]) for k in names),
                  key=lambda item: (-item[1], item[0].casefold()))


def lost_to(db: Database, competitor: str) -> list[int]:
    """The ids of the deals lost to ``competitor`` (see domain.competitors)."""
    return sorted(i for i, note in _lost_to_competitors(db) if same_competitor(note, competitor))


def lost_to_any_competitor(db: Database) -> int:
    """How many deals were lost for the competitor reason."""
    return len(_lost_to_competitors(db))


def competitor_notes(db: Database, competitor: str) -> CompetitorNotes:
    """A competitor's steps (none when it has no notes yet)."""
    if not available(db):
        return CompetitorNotes(competitor)
    rows = db.execute("SELECT competitor, step, ours, theirs FROM competitor_notes"
                      " WHERE competitor = ? ORDER BY position, id",
                      [" ".join(competitor.split())]).fetchall()
    name = str(rows[0][0]) if rows else " ".join(competitor.split())
    return CompetitorNotes(name, tuple(StepNote(str(s), str(o), str(t)) for _, s, o, t in rows))


def save_competitor_notes(db: Database, notes: CompetitorNotes,
                          previous_name: str | None = None) -> CompetitorNotes:
    """Replace a competitor's steps (renaming it from ``previous_name``); return what was
    stored. ValueError for notes that cannot be stored."""
    cleaned, problem = check_notes(notes)
    if cleaned is None:
        raise ValueError(problem)
    with db.atomic():
        for name in {" ".join((previous_name or cleaned.competitor).split()),
                     cleaned.competitor}:
            db.execute("DELETE FROM competitor_notes WHERE competitor = ?", [name])
        db.conn.executemany(
            "INSERT INTO competitor_notes (competitor, position, step, ours, theirs)"
            " VALUES (?, ?, ?, ?, ?)",
            [(cleaned.competitor, position, s.step, s.ours, s.theirs)
             for position, s in enumerate(cleaned.steps)])
    return cleaned


def delete_competitor(db: Database, competitor: str) -> None:
    """Remove a competitor's notes."""
    with db.atomic():
        db.execute("DELETE FROM competitor_notes WHERE competitor = ?",
                   [" ".join(competitor.split())])
