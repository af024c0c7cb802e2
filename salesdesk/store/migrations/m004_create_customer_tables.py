"""Migration m004: the Customers tab's tables — NPS survey responses, touchpoints (seeded with
the handbook's list of DESIGN.md §6) and their dated changes, competitor notes — the details
of a deal's lost reason ("other" + text, or the competitor it was lost to), and the lost
reason "Other".

Frozen: its SQL and seed rows are written out here, never read from live code, so a file
upgraded by any later salesdesk gets exactly these (a changed default needs a migration of
its own).
"""

from __future__ import annotations

from sqlite_utils import Database

TOUCHPOINTS = ("Price tags", "Seller uniforms", "Promotion sign-up", "Counters", "Logo",
               "Presentations", "Website")
OTHER_REASON = "Other"


def migrate(db: Database) -> None:
    """Create the customer tables, add the lost-reason details, seed the touchpoints."""
    # deal_id has no foreign key: a deleted deal's responses stay, so undoing the delete
    # (which puts the deal back under its id, never reused) links them again.
    db.execute("""
        CREATE TABLE nps_responses (
            id INTEGER PRIMARY KEY,
            answered_on TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            segment TEXT NOT NULL CHECK (segment IN ('b2c', 'b2b')),
            product_id INTEGER REFERENCES products(id),
            client_id INTEGER REFERENCES clients(id),
            deal_id INTEGER,
            comment TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX nps_responses_answered_on ON nps_responses(answered_on)")
    db.execute("CREATE INDEX nps_responses_product ON nps_responses(product_id)")
    db.execute("CREATE INDEX nps_responses_client ON nps_responses(client_id)")
    db.execute("CREATE INDEX nps_responses_deal ON nps_responses(deal_id)")
    db.execute("""
        CREATE TABLE touchpoints (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0
        )""")
    # The scope names a value of a deal dimension (channel, product, region, audience,
    # salesperson, customer type) as text: the windows filter the deals by it.
    db.execute("""
        CREATE TABLE touchpoint_changes (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id),
            changed_on TEXT NOT NULL,
            description TEXT NOT NULL CHECK (trim(description) <> ''),
            scope_dimension TEXT,
            scope_value TEXT,
            created_at TEXT NOT NULL,
            CHECK ((scope_dimension IS NULL) = (scope_value IS NULL))
        )""")
    db.execute("CREATE INDEX touchpoint_changes_on ON touchpoint_changes(changed_on)")
    db.execute("CREATE INDEX touchpoint_changes_touchpoint"
               " ON touchpoint_changes(touchpoint_id)")
    db.execute("""
        CREATE TABLE competitor_notes (
            id INTEGER PRIMARY KEY,
            competitor TEXT NOT NULL COLLATE NOCASE CHECK (trim(competitor) <> ''),
            position INTEGER NOT NULL,
            step TEXT NOT NULL,
            ours TEXT NOT NULL DEFAULT '',
            theirs TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX competitor_notes_competitor ON competitor_notes(competitor,"
               " position)")
    db.execute("ALTER TABLE deals ADD COLUMN lost_reason_note TEXT NOT NULL DEFAULT ''")
    db.conn.executemany("INSERT INTO touchpoints (name, position) VALUES (?, ?)",
                        [(name, position) for position, name in enumerate(TOUCHPOINTS)])
    db.execute("INSERT OR IGNORE INTO lost_reasons (name) VALUES (?)", [OTHER_REASON])
