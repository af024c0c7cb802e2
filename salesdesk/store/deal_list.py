"""The Deals list's queries: filtered, searched and sorted in SQL, fetched a page at a time.

Sorting by a lookup name (client, salesperson, product, stage) walks the lookup table in name
order and each value's deals through the foreign-key index, so the first page of a million
deals comes back without sorting them all; deals without a value follow after.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.deals import LookupKind, Outcome
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES


class DealColumn(StrEnum):
    """The Deals list's columns, in display order."""

    TITLE = "title"
    CLIENT = "client"
    REP = "rep"
    PRODUCT = "product"
    STAGE = "stage"
    OUTCOME = "outcome"
    AMOUNT = "amount"
    FIRST_CONTACT = "first_contact"
    CLOSED_ON = "closed_on"
    UPDATED_AT = "updated_at"


_LOOKUP_SORT = {
    DealColumn.CLIENT: LookupKind.CLIENT,
    DealColumn.REP: LookupKind.REP,
    DealColumn.PRODUCT: LookupKind.PRODUCT,
    DealColumn.STAGE: LookupKind.STAGE,
}
_DIRECT_SORT = {
    DealColumn.TITLE: "d.title COLLATE NOCASE",
    DealColumn.OUTCOME: "d.outcome",
    DealColumn.AMOUNT: "d.amount",
    DealColumn.FIRST_CONTACT: "d.first_contact",
    DealColumn.CLOSED_ON: "d.closed_on",
    DealColumn.UPDATED_AT: "d.updated_at",
}
_SEARCHED_LOOKUPS = (LookupKind.CLIENT, LookupKind.REP, LookupKind.PRODUCT, LookupKind.CHANNEL,
                     LookupKind.REGION, LookupKind.AUDIENCE, LookupKind.LOST_REASON)
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DealListQuery:
    """What the Deals list shows: a quick search, an outcome filter and a sort order.

    ``deal_ids`` restricts the list to given deals (drill-down from a figure).
    """

    search: str = ""
    outcome: Outcome | None = None
    sort: DealColumn = DealColumn.UPDATED_AT
    descending: bool = True
    deal_ids: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class DealRow:
    """One line of the Deals list."""

    id: int
    title: str
    client: str | None
    rep: str | None
    product: str | None
    stage: str | None
    outcome: Outcome
    amount: int | None
    currency: str
    first_contact: str | None
    closed_on: str | None
    updated_at: str

    def value(self, column: DealColumn) -> Any:
        """The raw value shown in ``column``."""
        return getattr(self, column.value)


_ROW_SELECT = (
    "SELECT d.id, d.title, client_t.name, rep_t.name, product_t.name, stage_t.name, d.outcome,"
    " d.amount, d.currency, d.first_contact, d.closed_on, d.updated_at FROM "
)
_ROW_JOINS = " ".join(
    f"LEFT JOIN {LOOKUP_TABLES[kind]} AS {kind.value}_t ON {kind.value}_t.id = d.{column}"
    for kind, column in LOOKUP_COLUMNS.items()
    if kind in (LookupKind.CLIENT, LookupKind.REP, LookupKind.PRODUCT, LookupKind.STAGE)
)


SEARCH_FOLD = "salesdesk_fold"


def search_fold(value: object) -> object:
    """Text as the quick search compares list names: without case or accents, like the FTS
    index does for the deal's own text (SQLite's LIKE folds ASCII letters only). Registered on
    every connection as ``salesdesk_fold``."""
    if not isinstance(value, str):
        return value
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"*'


def _filters(query: DealListQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.outcome is not None:
        where.append("d.outcome = ?")
        params.append(query.outcome.value)
    if query.deal_ids is not None:
        where.append(f"d.id IN ({','.join(str(int(i)) for i in sorted(query.deal_ids)) or 'NULL'})")
    for token in _TOKEN.findall(query.search):
        # Each word must appear in the deal's text or in one of its names.
        alternatives = ["d.id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ?)"]
        params.append(_fts_phrase(token))
        for kind in _SEARCHED_LOOKUPS:
            alternatives.append(
                f"d.{LOOKUP_COLUMNS[kind]} IN (SELECT id FROM {LOOKUP_TABLES[kind]}"
                f" WHERE {SEARCH_FOLD}(name) LIKE ? ESCAPE '\\')"
            )
            folded = str(search_fold(token))
            escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        where.append("(" + " OR ".join(alternatives) + ")")
    return where, params


def count(db: Database, query: DealListQuery) -> int:
    """How many deals the query shows."""
    where, params = _filters(query)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return int(db.execute(f"SELECT COUNT(*) FROM deals AS d{clause}", params).fetchone()[0])


def _select(sql: str, params: list[Any], db: Database) -> list[DealRow]:
    return [
        DealRow(r[0], r[1], r[2], r[3], r[4], r[5], Outcome(r[6]), r[7], r[8], r[9], r[10], r[11])
        for r in db.execute(sql, params)
    ]


def fetch(db: Database, query: DealListQuery, offset: int, limit: int) -> list[DealRow]:
    """Rows ``offset`` .. ``offset + limit`` of the query's sorted result."""
    where, params = _filters(query)
    direction = "DESC" if query.descending else "ASC"
    kind = _LOOKUP_SORT.get(query.sort)
    if kind is None:
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        order = f"{_DIRECT_SORT[query.sort]} {direction}, d.id {direction}"
        sql = f"{_ROW_SELECT}deals AS d {_ROW_JOINS}{clause} ORDER BY {order} LIMIT ? OFFSET ?"
        return _select(sql, [*params, limit, offset], db)
    return _fetch_by_lookup(db, kind, where, params, direction, offset, limit)


def _fetch_by_lookup(db: Database, kind: LookupKind, where: list[str], params: list[Any],
                     direction: str, offset: int, limit: int) -> list[DealRow]:
    table, column = LOOKUP_TABLES[kind], LOOKUP_COLUMNS[kind]
    key = "s.position" if kind is LookupKind.STAGE else "s.name COLLATE NOCASE"
    named_where = " AND ".join([f"d.{column} = s.id", *where])
    named_sql = (
        f"{_ROW_SELECT}{table} AS s CROSS JOIN deals AS d {_ROW_JOINS} WHERE {named_where}"
        f" ORDER BY {key} {direction}, s.id {direction}, d.id {direction} LIMIT ? OFFSET ?"
    )
    rows = _select(named_sql, [*params, limit, offset], db)
    if len(rows) == limit or kind is LookupKind.STAGE:
        return rows
    # Deals without a value come after the named ones.
    named_where_count = " AND ".join([f"d.{column} IS NOT NULL", *where])
    named = int(db.execute(f"SELECT COUNT(*) FROM deals AS d WHERE {named_where_count}",
                           params).fetchone()[0])
    null_where = " AND ".join([f"d.{column} IS NULL", *where])
    null_sql = (f"{_ROW_SELECT}deals AS d {_ROW_JOINS} WHERE {null_where}"
                f" ORDER BY d.id {direction} LIMIT ? OFFSET ?")
    return rows + _select(null_sql, [*params, limit - len(rows), max(0, offset - named)], db)


def position_of(db: Database, query: DealListQuery, deal_id: int, limit: int) -> int | None:
    """The row of ``deal_id`` among the first ``limit`` rows of the query, if it is there."""
    for index, row in enumerate(fetch(db, query, 0, limit)):
        if row.id == deal_id:
            return index
    return None
