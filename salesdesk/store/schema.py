"""The database schema, created and changed only through numbered migrations.

Migration names are ``mNNN_<verb>_<noun>``; the number of known migrations is the schema
version recorded in ``meta``. A file recording a higher version, or a migration name this
build does not know, comes from a newer salesdesk and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from salesdesk.domain.deals import DEFAULT_LOST_REASONS, DEFAULT_STAGES, LookupKind

APPLICATION_ID = 0x53444B31  # "SDK1": marks a file as salesdesk's in the SQLite header.
MIGRATIONS_NAME = "salesdesk"

# The table behind each lookup list and the deals column that refers to it.
LOOKUP_TABLES: dict[LookupKind, str] = {
    LookupKind.CLIENT: "clients",
    LookupKind.REP: "reps",
    LookupKind.PRODUCT: "products",
    LookupKind.CHANNEL: "channels",
    LookupKind.REGION: "regions",
    LookupKind.AUDIENCE: "audiences",
    LookupKind.STAGE: "stages",
    LookupKind.LOST_REASON: "lost_reasons",
}
LOOKUP_COLUMNS: dict[LookupKind, str] = {kind: f"{kind.value}_id" for kind in LookupKind}

migrations = Migrations(MIGRATIONS_NAME)


@migrations()
def m001_create_tables(db: Database) -> None:
    """The first schema: deals, their lookup lists, stage history, settings and meta."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for kind, table in LOOKUP_TABLES.items():
        extra = ""
        if kind is LookupKind.CLIENT:
            extra = (", contact_person TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',"
                     " phone TEXT NOT NULL DEFAULT ''")
        elif kind is LookupKind.STAGE:
            extra = ", position INTEGER NOT NULL"
        db.execute(
            f"CREATE TABLE {table} (id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),"
            f" retired INTEGER NOT NULL DEFAULT 0{extra})"
        )
    refs = ",\n".join(
        f"{column} INTEGER REFERENCES {LOOKUP_TABLES[kind]}(id)"
        for kind, column in LOOKUP_COLUMNS.items()
        if kind is not LookupKind.STAGE
    )
    db.execute(f"""
        CREATE TABLE deals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            {refs},
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
    for column in (*LOOKUP_COLUMNS.values(), "first_contact", "closed_on", "amount",
                   "updated_at", "external_id"):
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
    for table in LOOKUP_TABLES.values():
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
    db.conn.executemany(
        "INSERT INTO stages (name, position) VALUES (?, ?)",
        [(name, i) for i, name in enumerate(DEFAULT_STAGES)],
    )
    db.conn.executemany("INSERT INTO lost_reasons (name) VALUES (?)", [(n,) for n in DEFAULT_LOST_REASONS])


@migrations()
def m002_create_scorecards(db: Database) -> None:
    """Skill templates (versioned), assessments with their scores, deal preparation sheets
    and the manipulation checklist; the default template and checklist come from resources/."""
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
    from salesdesk.store.scorecards import seed_defaults  # it reads this schema's tables

    seed_defaults(db)


def known_migration_names() -> list[str]:
    """Names of the migrations this build knows, in order."""
    return [m.name for m in migrations.pending(Database(memory=True))]


SCHEMA_VERSION = len(known_migration_names())
