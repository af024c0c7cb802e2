"""The SQL functions salesdesk registers on every connection (connection.py) and its queries
call by name (deal_list.py)."""

from __future__ import annotations

import sqlite3
import unicodedata

# What SQLite hands a Python function and takes back from it.
SQLValue = str | bytes | int | float | None

SEARCH_FOLD = "salesdesk_fold"
CASEFOLD = "salesdesk_casefold"


def search_fold(value: SQLValue) -> SQLValue:
    """Text as the quick search compares list names: without case or accents, like the FTS
    index does for the deal's own text (SQLite's LIKE folds ASCII letters only). Registered on
    every connection as ``salesdesk_fold``."""
    if not isinstance(value, str):
        return value
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def casefold(value: SQLValue) -> SQLValue:
    """Text without case for every script (SQLite's lower() folds ASCII letters only, so
    ``lower('Ä')`` stays 'Ä'); accents are kept. Registered as ``salesdesk_casefold``."""
    return value.casefold() if isinstance(value, str) else value


def register(conn: sqlite3.Connection) -> None:
    """Make the functions above callable from SQL on ``conn``."""
    conn.create_function(SEARCH_FOLD, 1, search_fold, deterministic=True)
    conn.create_function(CASEFOLD, 1, casefold, deterministic=True)
