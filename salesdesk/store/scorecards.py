"""Skill templates, assessments, deal preparation sheets and the manipulation checklist.

The only code that knows the scorecard tables of migration m002. :class:`Scorecards` is the
facade an open :class:`~salesdesk.store.database.Store` hands out (``store.scorecards``); like the
Store, every write runs in one ``db.atomic()`` transaction and a read-only store refuses it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlite_utils import Database

from salesdesk.domain.deal_prep import DEFAULT_PREPARED_SHARE, PrepSheet
from salesdesk.domain.deals import LookupKind, Outcome
from salesdesk.domain.scorecards import (
    Assessment,
    Score,
    Section,
    SkillItem,
    Template,
    TemplateError,
)
from salesdesk.i18n import translate
from salesdesk.store import lookups
from salesdesk.store.errors import NotFound, StoreError, translates_errors
from salesdesk.store.facade import Facade

PREPARED_SHARE_KEY = "scorecard_prepared_share"


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# --- templates --------------------------------------------------------------------------------


def _write_items(db: Database, items: Iterable[SkillItem]) -> None:
    """Insert or update items by id (id 0: a new item, given the next id)."""
    for item in items:
        values = [item.section, item.text, item.good, item.position, int(item.retired), item.key]
        if item.id:
            db.execute("INSERT INTO skill_items (id, section, text, good, position, retired,"
                       " key) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                       " section = excluded.section, text = excluded.text, good = excluded.good,"
                       " position = excluded.position, retired = excluded.retired,"
                       " key = excluded.key", [item.id, *values])
        else:
            db.execute("INSERT INTO skill_items (section, text, good, position, retired, key)"
                       " VALUES (?, ?, ?, ?, ?, ?)", values)


def _current_items(db: Database) -> Template:
    """The items table as a template (version 0: not yet recorded)."""
    sections = tuple(Section(k, t) for k, t in db.execute(
        "SELECT key, title FROM skill_sections ORDER BY position"))
    items = tuple(SkillItem(id=r[0], section=r[1], text=r[2], good=r[3], position=r[4],
                            retired=bool(r[5]), key=r[6]) for r in db.execute(
        "SELECT id, section, text, good, position, retired, key FROM skill_items ORDER BY id"))
    name = "Negotiation preparation"
    row = db.execute("SELECT template FROM skill_template_versions ORDER BY version DESC"
                     " LIMIT 1").fetchone()
    if row is not None:
        name = json.loads(row[0]).get("name", name)
    return Template(0, sections, items, name)


def _append_version(db: Database, template: Template, version: int) -> Template:
    recorded = replace(template, version=version)
    db.execute("INSERT INTO skill_template_versions (version, created_at, template)"
               " VALUES (?, ?, ?)", [version, _now(), recorded.to_json()])
    return recorded


def latest_version(db: Database) -> int:
    """The newest template version number."""
    return int(db.execute("SELECT MAX(version) FROM skill_template_versions").fetchone()[0])


def template(db: Database, version: int | None = None) -> Template:
    """A template version (the newest when None); NotFound for an unknown version."""
    if version is None:
        version = latest_version(db)
    row = db.execute("SELECT template FROM skill_template_versions WHERE version = ?",
                     [version]).fetchone()
    if row is None:
        raise NotFound(translate("Scorecards", "Template version {version} does not exist."
                                 ).format(version=version))
    return Template.from_json(version, row[0])


def save_template(db: Database, edited: Template) -> Template:
    """Store an edited template as a new version; return it with its ids assigned."""
    sections = {k for (k,) in db.execute("SELECT key FROM skill_sections")}
    if any(i.section not in sections for i in edited.items):
        raise TemplateError(translate(
            "Scorecards", "Every item must belong to one of the template's sections."))
    with db.atomic():
        _write_items(db, edited.items)
        return _append_version(db, replace(_current_items(db), name=edited.name),
                               latest_version(db) + 1)


def restore_template(db: Database, target: Template) -> None:
    """Make ``target`` the newest version again, exactly (undo and redo of template edits).

    Later versions are dropped and items ``target`` does not have are deleted, unless an
    assessment was filled in on them (StoreError: undo that assessment first).
    """
    with db.atomic():
        used = db.execute("SELECT 1 FROM assessments WHERE template_version > ? LIMIT 1",
                          [target.version]).fetchone()
        if used:
            raise StoreError(translate(
                "Scorecards", "An assessment was filled in on a later version of the template."))
        db.execute("DELETE FROM skill_template_versions WHERE version > ?", [target.version])
        keep = [i.id for i in target.items]
        db.execute(f"DELETE FROM skill_items WHERE id NOT IN ({','.join('?' * len(keep))})",
                   keep)
        _write_items(db, target.items)
        exists = db.execute("SELECT 1 FROM skill_template_versions WHERE version = ?",
                            [target.version]).fetchone()
        if not exists:
            db.execute("INSERT INTO skill_template_versions (version, created_at, template)"
                       " VALUES (?, ?, ?)", [target.version, _now(), target.to_json()])


# --- assessments ------------------------------------------------------------------------------


def _rep_id(db: Database, rep: str) -> int:
    rep_id = lookups.find(db, LookupKind.REP, rep)
    if rep_id is None:
        raise NotFound(translate("Scorecards", "There is no salesperson called {name}.").format(
            name=repr(rep)))
    return rep_id


def add_assessment(db: Database, assessment: Assessment) -> int:
    """Store an assessment (under its own id when it has one: redo); return its id."""
    rep_id = _rep_id(db, assessment.rep)
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO assessments (id, rep_id, assessor, assessed_on, template_version,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [assessment.id, rep_id, assessment.assessor.strip(),
             assessment.assessed_on.isoformat(), assessment.template_version, _now()])
        new_id = int(cursor.lastrowid or 0) if assessment.id is None else assessment.id
        db.conn.executemany(
            "INSERT INTO assessment_scores (assessment_id, item_id, score, note)"
            " VALUES (?, ?, ?, ?)",
            [(new_id, s.item_id, s.score, s.note.strip()) for s in assessment.scores])
    return new_id


def delete_assessment(db: Database, assessment_id: int) -> None:
    """Delete an assessment and its scores."""
    with db.atomic():
        db.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])


def assessments(db: Database, rep: str | None = None) -> list[Assessment]:
    """Assessments (of one salesperson, or all), oldest first."""
    where, args = "", []
    if rep is not None:
        where, args = "WHERE r.name = ? COLLATE NOCASE", [" ".join(rep.split())]
    rows = db.execute(
        "SELECT a.id, r.name, a.assessor, a.assessed_on, a.template_version FROM assessments a"
        f" JOIN reps r ON r.id = a.rep_id {where} ORDER BY a.assessed_on, a.id", args).fetchall()
    scores: dict[int, list[Score]] = {row[0]: [] for row in rows}
    if rows:
        ids = list(scores)
        for a_id, item_id, score, note in db.execute(
                "SELECT assessment_id, item_id, score, note FROM assessment_scores"
                f" WHERE assessment_id IN ({','.join('?' * len(ids))}) ORDER BY item_id", ids):
            scores[a_id].append(Score(item_id, score, note))
    return [Assessment(rep=name, assessor=assessor, assessed_on=dt.date.fromisoformat(day),
                       template_version=version, scores=tuple(scores[a_id]), id=a_id)
            for a_id, name, assessor, day, version in rows]


def assessors(db: Database) -> list[str]:
    """Names of assessors used before, for the sheet's suggestions."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT assessor FROM assessments WHERE assessor <> '' ORDER BY assessor")]


def rep_names(db: Database) -> list[str]:
    """Every salesperson a scorecard lists: those in use, and retired ones with assessments."""
    return [r[0] for r in db.execute(
        "SELECT name FROM reps WHERE retired = 0 OR id IN (SELECT rep_id FROM assessments)"
        " ORDER BY name COLLATE NOCASE")]


# --- deal preparation ---------------------------------------------------------------------------


def deal_prep(db: Database, deal_id: int) -> PrepSheet | None:
    """A deal's preparation sheet, or None when it has none."""
    row = db.execute("SELECT sheet FROM deal_prep WHERE deal_id = ?", [deal_id]).fetchone()
    return None if row is None else PrepSheet.from_json(row[0])


def save_deal_prep(db: Database, deal_id: int, sheet: PrepSheet | None) -> None:
    """Store a deal's sheet (None, or an empty sheet, removes it)."""
    with db.atomic():
        if sheet is None or sheet.is_empty():
            db.execute("DELETE FROM deal_prep WHERE deal_id = ?", [deal_id])
            return
        db.execute("INSERT OR REPLACE INTO deal_prep (deal_id, sheet, completeness, updated_at)"
                   " VALUES (?, ?, ?, ?)",
                   [deal_id, sheet.to_json(), sheet.completeness(), _now()])


@dataclass(frozen=True, slots=True)
class DecidedDeal:
    """A won or lost deal with its salesperson and its sheet's completeness (None: none)."""

    deal_id: int
    rep: str | None
    outcome: Outcome
    completeness: float | None


def decided_deals(db: Database, start: dt.date | None, end: dt.date | None,
                  rep: str | None = None, *, with_sheets: bool = False) -> list[DecidedDeal]:
    """Deals closed (won or lost) from ``start`` to ``end`` (inclusive; None: open-ended),
    of one salesperson or all, with their preparation; ``with_sheets``: only those with a
    preparation sheet (read from the sheets, so fast however many deals the file holds)."""
    clauses = ["d.outcome IN ('won', 'lost')"]
    args: list[object] = []
    if start is not None:
        clauses.append("d.closed_on >= ?")
        args.append(start.isoformat())
    if end is not None:
        clauses.append("d.closed_on <= ?")
        args.append(end.isoformat())
    if rep is not None:
        clauses.append("r.name = ? COLLATE NOCASE")
        args.append(" ".join(rep.split()))
    # CROSS JOIN keeps SQLite from driving the sheets-only query from the deals' index.
    source = ("deal_prep p CROSS JOIN deals d ON d.id = p.deal_id" if with_sheets
              else "deals d LEFT JOIN deal_prep p ON p.deal_id = d.id")
    rows = db.execute(
        f"SELECT d.id, r.name, d.outcome, p.completeness FROM {source}"
        f" LEFT JOIN reps r ON r.id = d.rep_id WHERE {' AND '.join(clauses)}", args)
    return [DecidedDeal(i, name, Outcome(outcome), completeness)
            for i, name, outcome, completeness in rows]


def tactics(db: Database) -> list[str]:
    """The manipulation checklist, in order."""
    return [r[0] for r in db.execute("SELECT name FROM prep_tactics ORDER BY position, id")]


def set_tactics(db: Database, names: Sequence[str]) -> None:
    """Replace the checklist (blank and repeated names dropped)."""
    cleaned: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(name)
    with db.atomic():
        db.execute("DELETE FROM prep_tactics")
        db.conn.executemany("INSERT INTO prep_tactics (name, position) VALUES (?, ?)",
                            [(n, p) for p, n in enumerate(cleaned)])


def prepared_share(db: Database) -> float:
    """The completeness from which a deal counts as prepared (default 0.5)."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [PREPARED_SHARE_KEY]).fetchone()
    if row is None:
        return DEFAULT_PREPARED_SHARE
    value = json.loads(row[0])
    return float(value) if isinstance(value, int | float) and 0 < value <= 1 else \
        DEFAULT_PREPARED_SHARE


def set_prepared_share(db: Database, share: float) -> None:
    """Change the completeness from which a deal counts as prepared (0 < share ≤ 1)."""
    if not 0 < share <= 1:
        raise ValueError(translate(
            "Scorecards", "The prepared threshold must be above 0 % and at most 100 %."))
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [PREPARED_SHARE_KEY, json.dumps(share)])


# --- the facade -----------------------------------------------------------------------------------


@translates_errors
class Scorecards(Facade):
    """The scorecard operations on an open file (``Store.scorecards``); writes are refused
    when it is open read-only."""

    def template(self, version: int | None = None) -> Template:
        """A template version (the newest when None)."""
        return template(self.db, version)

    def save_template(self, edited: Template) -> Template:
        """Store an edited template as a new version."""
        return save_template(self._writable(), edited)

    def restore_template(self, target: Template) -> None:
        """Make ``target`` the newest version again (undo/redo of a template edit)."""
        restore_template(self._writable(), target)

    def assessments(self, rep: str | None = None) -> list[Assessment]:
        """Assessments of one salesperson (or all), oldest first."""
        return assessments(self.db, rep)

    def add_assessment(self, assessment: Assessment) -> int:
        """Store an assessment; return its id."""
        return add_assessment(self._writable(), assessment)

    def delete_assessment(self, assessment_id: int) -> None:
        """Delete an assessment."""
        delete_assessment(self._writable(), assessment_id)

    def assessors(self) -> list[str]:
        """Assessors named before."""
        return assessors(self.db)

    def rep_names(self) -> list[str]:
        """Every salesperson a scorecard lists."""
        return rep_names(self.db)

    def deal_prep(self, deal_id: int) -> PrepSheet | None:
        """A deal's preparation sheet."""
        return deal_prep(self.db, deal_id)

    def save_deal_prep(self, deal_id: int, sheet: PrepSheet | None) -> None:
        """Store (or, with None, remove) a deal's preparation sheet."""
        save_deal_prep(self._writable(), deal_id, sheet)

    def decided_deals(self, start: dt.date | None, end: dt.date | None,
                      rep: str | None = None, *, with_sheets: bool = False
                      ) -> list[DecidedDeal]:
        """Deals won or lost in a period, with their preparation (``with_sheets``: only
        those with a sheet)."""
        return decided_deals(self.db, start, end, rep, with_sheets=with_sheets)

    def tactics(self) -> list[str]:
        """The manipulation checklist."""
        return tactics(self.db)

    def set_tactics(self, names: Sequence[str]) -> None:
        """Replace the manipulation checklist."""
        set_tactics(self._writable(), names)

    def prepared_share(self) -> float:
        """The completeness from which a deal counts as prepared."""
        return prepared_share(self.db)

    def set_prepared_share(self, share: float) -> None:
        """Change the completeness from which a deal counts as prepared."""
        set_prepared_share(self._writable(), share)

    def add_demo(self, today: dt.date) -> None:
        """Add the sample business's assessments and preparation sheets."""
        add_demo(self._writable(), today)


# --- the sample business ------------------------------------------------------------------------


def add_demo(db: Database, today: dt.date) -> None:
    """Add the sample business's assessments and preparation sheets (after its deals)."""
    from salesdesk.domain.scorecard_demo import DemoDeal, demo_assessments, demo_prep_sheets

    reps = [r[0] for r in db.execute("SELECT name FROM reps ORDER BY name")]
    deals = [DemoDeal(i, rep, Outcome(outcome), dt.date.fromisoformat(first) if first else None)
             for i, rep, outcome, first in db.execute(
                 "SELECT d.id, r.name, d.outcome, d.first_contact FROM deals d"
                 " LEFT JOIN reps r ON r.id = d.rep_id ORDER BY d.id")]
    with db.atomic():
        for assessment in demo_assessments(reps, template(db), today):
            add_assessment(db, assessment)
        for deal_id, sheet in demo_prep_sheets(deals, today).items():
            save_deal_prep(db, deal_id, sheet)
