"""The SQL functions salesdesk registers on every connection (connection.py) and its queries
call by name (deal_list.py)."""

from __future__ import annotations

import sqlite3
import unicodedata

SEARCH_FOLD = "salesdesk_fold"


def search_fold(value: object) -> object:
    """Text as the quick search compares list names: without case or accents, like the FTS
    index does for the deal's own text (SQLite's LIKE folds ASCII letters only). Registered on
    every connection as ``salesdesk_fold``."""
    if not isinstance(value, str):
        return value
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def register(conn: sqlite3.Connection) -> None:
    """Make the functions above callable from SQL on ``conn``."""
    conn.create_function(SEARCH_FOLD, 1, search_fold, deterministic=True)
