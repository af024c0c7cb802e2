"""Migration m003: a won or lost deal may have an unknown close date or first contact.

Imports bring decided deals from files that lack those dates (DESIGN.md §3, §4: they count in
conversion, not in deal length); the deal form still asks for both. SQLite cannot change a
CHECK constraint, so ``deals`` is rebuilt the documented way (sqlite.org/lang_altertable.html,
"Making Other Kinds Of Table Schema Changes"): a new table, the rows copied, the old one
dropped, the new one renamed, its indexes and full-text triggers made again exactly as m001
made them (and one more, on outcome and close date, for the Deals list), then
``PRAGMA foreign_key_check``. It runs inside the migration's transaction with
foreign keys off (``prepare`` turns them off around the migrations): with them on, dropping
the old table would delete every deal's stage history through ON DELETE CASCADE.

Frozen: written out in full, never built from code that may change later.
"""

from __future__ import annotations

from sqlite_utils import Database

DEALS = """
    CREATE TABLE deals_m003 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL CHECK (trim(title) <> ''),
        client_id INTEGER REFERENCES clients(id),
        rep_id INTEGER REFERENCES reps(id),
        product_id INTEGER REFERENCES products(id),
        channel_id INTEGER REFERENCES channels(id),
        region_id INTEGER REFERENCES regions(id),
        audience_id INTEGER REFERENCES audiences(id),
        lost_reason_id INTEGER REFERENCES lost_reasons(id),
        customer_type TEXT NOT NULL DEFAULT 'new' CHECK (customer_type IN ('new', 'current')),
        customer_type_set INTEGER NOT NULL DEFAULT 0,
        stage_id INTEGER NOT NULL REFERENCES stages(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('open', 'won', 'lost')),
        first_contact TEXT,
        first_contact_inferred INTEGER NOT NULL DEFAULT 0,
        closed_on TEXT,
        expected_close TEXT,
        next_step TEXT NOT NULL DEFAULT '',
        amount INTEGER CHECK (amount IS NULL OR amount >= 0),
        currency TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        external_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (outcome <> 'open' OR closed_on IS NULL),
        CHECK (closed_on IS NULL OR first_contact IS NULL OR closed_on >= first_contact)
    )"""
COLUMNS = ("id, title, client_id, rep_id, product_id, channel_id, region_id, audience_id,"
           " lost_reason_id, customer_type, customer_type_set, stage_id, outcome,"
           " first_contact, first_contact_inferred, closed_on, expected_close, next_step,"
           " amount, currency, notes, external_id, created_at, updated_at")
INDEXES = (
    "CREATE INDEX deals_client_id ON deals(client_id)",
    "CREATE INDEX deals_rep_id ON deals(rep_id)",
    "CREATE INDEX deals_product_id ON deals(product_id)",
    "CREATE INDEX deals_channel_id ON deals(channel_id)",
    "CREATE INDEX deals_region_id ON deals(region_id)",
    "CREATE INDEX deals_audience_id ON deals(audience_id)",
    "CREATE INDEX deals_stage_id ON deals(stage_id)",
    "CREATE INDEX deals_lost_reason_id ON deals(lost_reason_id)",
    "CREATE INDEX deals_first_contact ON deals(first_contact)",
    "CREATE INDEX deals_closed_on ON deals(closed_on)",
    "CREATE INDEX deals_amount ON deals(amount)",
    "CREATE INDEX deals_updated_at ON deals(updated_at)",
    "CREATE INDEX deals_external_id ON deals(external_id)",
    "CREATE INDEX deals_title ON deals(title COLLATE NOCASE)",
    "CREATE INDEX deals_outcome_updated_at ON deals(outcome, updated_at)",
    "CREATE INDEX deals_client_won ON deals(client_id, outcome, closed_on)",
    # New: the Deals list sorts one outcome's deals by close date through it. Won and lost
    # deals without a close date now share the close-date index's NULLs with every open deal.
    "CREATE INDEX deals_outcome_closed_on ON deals(outcome, closed_on)",
)
TRIGGERS = (
    """
        CREATE TRIGGER deals_fts_ai AFTER INSERT ON deals BEGIN
            INSERT INTO deals_fts(rowid, title, next_step, notes)
            VALUES (new.id, new.title, new.next_step, new.notes);
        END""",
    """
        CREATE TRIGGER deals_fts_ad AFTER DELETE ON deals BEGIN
            INSERT INTO deals_fts(deals_fts, rowid, title, next_step, notes)
            VALUES ('delete', old.id, old.title, old.next_step, old.notes);
        END""",
    """
        CREATE TRIGGER deals_fts_au AFTER UPDATE OF title, next_step, notes ON deals BEGIN
            INSERT INTO deals_fts(deals_fts, rowid, title, next_step, notes)
            VALUES ('delete', old.id, old.title, old.next_step, old.notes);
            INSERT INTO deals_fts(rowid, title, next_step, notes)
            VALUES (new.id, new.title, new.next_step, new.notes);
        END""",
)


def migrate(db: Database) -> None:
    """Rebuild ``deals`` with a CHECK that lets won and lost deals lack their dates."""
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("m003 must run with foreign keys off: dropping the old deals table"
                           " would delete the stage history through ON DELETE CASCADE")
    # References broken before (a file written with foreign keys off) are not this rebuild's
    # doing: only new ones stop it.
    broken = set(db.execute("PRAGMA foreign_key_check").fetchall())
    # The old table's sequence goes with it: kept, so ids of deleted deals are never reused.
    sequence = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'deals'").fetchone()
    db.execute(DEALS)
    db.execute(f"INSERT INTO deals_m003 ({COLUMNS}) SELECT {COLUMNS} FROM deals")
    db.execute("DROP TABLE deals")
    db.execute("ALTER TABLE deals_m003 RENAME TO deals")
    if sequence is not None:
        db.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'deals'",
                   [sequence[0]])
        db.execute("INSERT INTO sqlite_sequence (name, seq) SELECT 'deals', ? WHERE NOT EXISTS"
                   " (SELECT 1 FROM sqlite_sequence WHERE name = 'deals')", [sequence[0]])
    for sql in (*INDEXES, *TRIGGERS):
        db.execute(sql)
    problems = sorted(set(db.execute("PRAGMA foreign_key_check").fetchall()) - broken)
    if problems:
        raise RuntimeError(f"m003 left {len(problems)} broken references, e.g. {problems[0]}")
