"""Migration m002: skill templates (versioned), assessments with their scores, deal
preparation sheets and the manipulation checklist, seeded with the default negotiation
preparation checklist of DESIGN.md §6.

Frozen: its seed rows are written out here, never read from resources or built by live code,
so a file upgraded by any later salesdesk gets exactly these rows (a changed default needs a
migration of its own).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database

TEMPLATE_NAME = "Negotiation preparation"
# (key, title, items); each item is (key, text, what doing it well looks like).
SECTIONS: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ('interests', 'Interests and bargaining variables', (
        ('interests.ten_areas',
         "10 areas of the client's interest prepared",
         'Before every important meeting the sheet lists ten concrete areas the client cares '
         'about (price, terms, delivery, risk, status, …), written from what the client said, '
         'not guessed.'),
        ('interests.four_variables',
         '4 bargaining variables for each area',
         'Each area has four variables: what we can concede and what we ask in return, with '
         'the cost of each concession known.'),
        ('interests.trade_not_give',
         'Concessions traded, never given',
         'In the meeting every concession is exchanged for something from the list; nothing is '
         "given away to 'help close'."),
    )),
    ('rapport', 'Small talk and rapport', (
        ('rapport.public_profile',
         "Client's public profile researched",
         "Company site, news and the contact's public profiles read before the call; two or "
         'three facts noted on the sheet.'),
        ('rapport.interests_hobbies',
         'Small talk prepared from interests and hobbies',
         "Opens with a natural topic from the client's interests; the client talks more than "
         'the salesperson in the first minutes.'),
    )),
    ('spin', 'SPIN questions', (
        ('spin.situation_problem',
         'Situation and problem questions prepared',
         'Short list of situation questions (only what research could not answer) and problem '
         'questions aimed at the interests found beforehand.'),
        ('spin.implication_need',
         'Implication and need-payoff questions prepared',
         'Questions that make the client state the cost of the problem and the value of '
         "solving it, in the client's own words."),
        ('spin.confirms_interests',
         'Questions confirm the interests identified beforehand',
         'By the end of the meeting each prepared interest is confirmed or struck out; the '
         'sheet is updated afterwards.'),
    )),
    ('price', 'Price arguments', (
        ('price.arguments',
         'Arguments for the price prepared',
         "Three or more arguments linking the price to the client's interests (value, total "
         'cost, risk), ready before the meeting.'),
        ('price.counter_arguments',
         'Counter-arguments to price objections prepared',
         "The usual objections ('too expensive', 'the competitor is cheaper', 'no budget') "
         'each have a prepared answer; the price is held without an unplanned discount.'),
    )),
    ('manipulation', 'Manipulation techniques', (
        ('manipulation.recognises',
         "Recognises the client's manipulation techniques",
         'Names the tactic in use (good cop/bad cop, false deadline, nibbling, flinch, higher '
         'authority, …) during or right after the meeting.'),
        ('manipulation.responds',
         'Responds calmly with a prepared move',
         'Answers a tactic with the prepared response instead of an unplanned concession; '
         'returns the talk to interests.'),
    )),
    ('process', 'Sales regulations and process', (
        ('process.regulations',
         'Knows the sales regulations',
         'Knows the discount limits, approval steps, contract terms and what may be promised; '
         'never needs to take back a promise.'),
        ('process.pipeline',
         'Follows the sales process and keeps the pipeline current',
         'Every deal has its stage, next step and expected close up to date; no deal stalls '
         'unnoticed.'),
    )),
)
TACTICS = (
    'Good cop / bad cop',
    'False deadline',
    'Higher authority ("my boss won\'t approve")',
    'Nibbling (small extras after agreement)',
    'Flinch at the price',
    "Competitor's lower offer (real or invented)",
    'Salami (concessions asked one slice at a time)',
    'Silence and waiting',
    'Feigned indifference',
    'Take it or leave it',
    'Reopening settled points',
    'Flattery before a demand',
)


def migrate(db: Database) -> None:
    """Create the scorecard tables and seed template version 1 and the checklist."""
    db.execute("""
        CREATE TABLE skill_sections (
            key TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            position INTEGER NOT NULL
        )""")
    db.execute("""
        CREATE TABLE skill_items (
            id INTEGER PRIMARY KEY,
            section TEXT NOT NULL REFERENCES skill_sections(key),
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            good TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            key TEXT NOT NULL DEFAULT ''
        )""")
    # Each version is the whole template as JSON, so an assessment reads with the item texts
    # it was filled in with, whatever was renamed or retired since.
    db.execute("""
        CREATE TABLE skill_template_versions (
            version INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            template TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            rep_id INTEGER NOT NULL REFERENCES reps(id),
            assessor TEXT NOT NULL DEFAULT '',
            assessed_on TEXT NOT NULL,
            template_version INTEGER NOT NULL REFERENCES skill_template_versions(version),
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE assessment_scores (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES skill_items(id),
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (assessment_id, item_id)
        )""")
    # No foreign key to deals: a deleted deal's sheet stays, so undoing the delete (which puts
    # the deal back under its id, never reused) brings the sheet back too.
    db.execute("""
        CREATE TABLE deal_prep (
            deal_id INTEGER PRIMARY KEY,
            sheet TEXT NOT NULL,
            completeness REAL NOT NULL CHECK (completeness BETWEEN 0 AND 1),
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE prep_tactics (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
            position INTEGER NOT NULL
        )""")
    db.execute("CREATE INDEX assessments_rep ON assessments(rep_id, assessed_on)")
    db.execute("CREATE INDEX assessment_scores_item ON assessment_scores(item_id)")
    _seed(db)


def _seed(db: Database) -> None:
    sections = [{"key": key, "title": title} for key, title, _ in SECTIONS]
    items = [{"id": number, "section": section, "text": text, "good": good,
              "position": position, "retired": False, "key": key}
             for number, (section, position, key, text, good) in enumerate(
                 ((section, position, *item) for section, _, section_items in SECTIONS
                  for position, item in enumerate(section_items)), start=1)]
    db.conn.executemany("INSERT INTO skill_sections (key, title, position) VALUES (?, ?, ?)",
                        [(s["key"], s["title"], p) for p, s in enumerate(sections)])
    db.conn.executemany(
        "INSERT INTO skill_items (id, section, text, good, position, retired, key)"
        " VALUES (:id, :section, :text, :good, :position, :retired, :key)", items)
    template = json.dumps({"name": TEMPLATE_NAME, "sections": sections, "items": items},
                          ensure_ascii=False)
    created_at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    db.execute("INSERT INTO skill_template_versions (version, created_at, template)"
               " VALUES (1, ?, ?)", [created_at, template])
    db.conn.executemany("INSERT INTO prep_tactics (name, position) VALUES (?, ?)",
                        [(name, position) for position, name in enumerate(TACTICS)])
