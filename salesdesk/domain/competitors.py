"""Competitor notes (issue 17): our process step by step next to a named competitor's, linked
to the deals lost to that competitor.

A deal counts as lost to a competitor when its lost reason is the one the business marks as
"lost to a competitor" (by default the reason called "Competitor") and its lost-reason details
name the competitor (ignoring case and surrounding spaces).
"""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.i18n import translate

DEFAULT_COMPETITOR_REASON = "Competitor"
MAX_TEXT = 1_000


@dataclass(frozen=True, slots=True)
class StepNote:
    """One step: what we do and what the competitor does."""

    step: str
    ours: str = ""
    theirs: str = ""


@dataclass(frozen=True, slots=True)
class CompetitorNotes:
    """A competitor's table of steps, in order."""

    competitor: str
    steps: tuple[StepNote, ...] = ()


def same_competitor(a: str, b: str) -> bool:
    """True when two spellings name the same competitor (case and spaces ignored)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check_notes(notes: CompetitorNotes) -> tuple[CompetitorNotes | None, str]:
    """The notes cleaned (blank steps dropped, spaces trimmed), or an error message."""
    name = " ".join(notes.competitor.split())
    if not name:
        return None, translate("Competitors", "Name the competitor.")
    if len(name) > 200:
        return None, translate("Competitors",
                               "The competitor's name is too long (at most 200 characters).")
    steps = []
    for note in notes.steps:
        step, ours, theirs = (" ".join(note.step.split()), note.ours.strip(),
                              note.theirs.strip())
        if not (step or ours or theirs):
            continue
        if any(len(text) > MAX_TEXT for text in (step, ours, theirs)):
            return None, translate("Competitors", "A step's text is too long (at most {limit}"
                                                  " characters).").format(limit=MAX_TEXT)
        steps.append(StepNote(step or translate("Competitors", "(unnamed step)"), ours, theirs))
    return CompetitorNotes(name, tuple(steps)), ""
