"""Migration m001: deals, their lookup lists, stage history, settings and meta.

Frozen: written out in full, never built from code that may change later (a migration must
do the same to a file whichever salesdesk runs it).
"""

from __future__ import annotations

from sqlite_utils import Database

LOOKUP_TABLES = ("clients", "reps", "products", "channels", "regions", "audiences", "stages",
                 "lost_reasons")
DEAL_REFERENCES = (("client_id", "clients"), ("rep_id", "reps"), ("product_id", "products"),
                   ("channel_id", "channels"), ("region_id", "regions"),
                   ("audience_id", "audiences"), ("lost_reason_id", "lost_reasons"))
STAGES = ("Lead", "Contacted", "Proposal", "Negotiation")
LOST_REASONS = ("Price", "Competitor", "No budget", "No decision", "Timing")


def migrate(db: Database) -> None:
    """Create the first schema and its default stages and lost reasons."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for table in LOOKUP_TABLES:
        extra = ""
        if table == "clients":
            extra = (", contact_person TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',"
                     " phone TEXT NOT NULL DEFAULT ''")
        elif table == "stages":
            extra = ", position INTEGER NOT NULL"
        db.execute(
            f"CREATE TABLE {table} (id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),"
            f" retired INTEGER NOT NULL DEFAULT 0{extra})"
        )
    references = ",\n            ".join(f"{column} INTEGER REFERENCES {table}(id)"
                                       for column, table in DEAL_REFERENCES)
    db.execute(f"""
        CREATE TABLE deals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            {references},
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
            CHECK ((outcome = 'open' AND closed_on IS NULL)
                   OR (outcome <> 'open' AND closed_on IS NOT NULL
                       AND first_contact IS NOT NULL AND closed_on >= first_contact))
        )""")
    db.execute("""
        CREATE TABLE stage_events (
            id INTEGER PRIMARY KEY,
            deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
            stage_id INTEGER NOT NULL REFERENCES stages(id),
            entered_on TEXT NOT NULL
        )""")
    indexed = ("client_id", "rep_id", "product_id", "channel_id", "region_id", "audience_id",
               "stage_id", "lost_reason_id", "first_contact", "closed_on", "amount",
               "updated_at", "external_id")
    for column in indexed:
        db.execute(f"CREATE INDEX deals_{column} ON deals({column})")
    # The Deals list sorts titles as SQLite's NOCASE does: an index in that collation lets it
    # walk a million deals in title order instead of sorting them all.
    db.execute("CREATE INDEX deals_title ON deals(title COLLATE NOCASE)")
    # Counts by outcome, and the list's default view of one outcome (last updated first):
    # open deals are the recently updated ones, so walking updated_at alone and skipping the
    # other outcomes would pass most deals first.
    db.execute("CREATE INDEX deals_outcome_updated_at ON deals(outcome, updated_at)")
    db.execute("CREATE INDEX deals_client_won ON deals(client_id, outcome, closed_on)")
    db.execute("CREATE INDEX stage_events_deal ON stage_events(deal_id)")
    db.execute("CREATE INDEX stages_position ON stages(position)")
    for table in LOOKUP_TABLES:
        db.execute(f"CREATE INDEX {table}_name ON {table}(name COLLATE NOCASE)")
    # The quick search over the deal's own text; names of lookups are searched in their tables.
    db.execute("""
        CREATE VIRTUAL TABLE deals_fts USING fts5(
            title, next_step, notes, content='deals', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2')""")
    db.execute("""
        CREATE TRIGGER deals_fts_ai AFTER INSERT ON deals BEGIN
            INSERT INTO deals_fts(rowid, title, next_step, notes)
            VALUES (new.id, new.title, new.next_step, new.notes);
        END""")
    db.execute("""
        CREATE TRIGGER deals_fts_ad AFTER DELETE ON deals BEGIN
            INSERT INTO deals_fts(deals_fts, rowid, title, next_step, notes)
            VALUES ('delete', old.id, old.title, old.next_step, old.notes);
        END""")
    db.execute("""
        CREATE TRIGGER deals_fts_au AFTER UPDATE OF title, next_step, notes ON deals BEGIN
            INSERT INTO deals_fts(deals_fts, rowid, title, next_step, notes)
            VALUES ('delete', old.id, old.title, old.next_step, old.notes);
            INSERT INTO deals_fts(rowid, title, next_step, notes)
            VALUES (new.id, new.title, new.next_step, new.notes);
        END""")
    db.conn.executemany("INSERT INTO stages (name, position) VALUES (?, ?)",
                        [(name, position) for position, name in enumerate(STAGES)])
    db.conn.executemany("INSERT INTO lost_reasons (name) VALUES (?)",
                        [(name,) for name in LOST_REASONS])
