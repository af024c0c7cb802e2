"""The notes an import writes for the person importing, each knowing what it is about.

A note is a sentence in the language shown (``translate``), so a screen that picks some notes
out (the wizard's summary leaves out those about single rows; its values page asks about the
date columns whose order is ambiguous) reads their ``kind``, never their words. A :class:`Note`
is a ``str``: the CLI's JSON summary and everything else that only shows notes take it as
one.
"""

from __future__ import annotations

from enum import StrEnum


class NoteKind(StrEnum):
    """What a note is about."""

    GENERAL = "general"
    ROWS = "rows"
    """Single rows: a decided deal without dates, the rejected rows' reasons and their
    heading (the rejected-rows file and the Deals list show those rows)."""
    UNMAPPED = "unmapped"
    """The fields no column feeds, by their names (what ``--map FIELD=COLUMN`` takes)."""
    AMBIGUOUS_DATES = "ambiguous_dates"
    """A date column whose values fit both day-first and month-first; ``subject`` is its
    header."""


class Note(str):
    """A sentence of an import's notes with its ``kind`` and, for some kinds, the column it
    is about (``subject``)."""

    kind: NoteKind
    subject: str

    def __new__(cls, text: str, kind: NoteKind = NoteKind.GENERAL, subject: str = "") -> Note:
        note = super().__new__(cls, text)
        note.kind = kind
        note.subject = subject
        return note


def note_kind(note: str) -> NoteKind:
    """The kind of ``note`` (GENERAL for a plain string)."""
    return note.kind if isinstance(note, Note) else NoteKind.GENERAL
