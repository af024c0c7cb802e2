"""The Deals list's queries: filtered, searched and sorted in SQL, fetched a page at a time.

At a million deals no page may read or sort every deal, so the query shape is chosen here:

- Unfiltered, the sort order's index is walked: a column's own index, or for a lookup name
  (client, salesperson, product, stage) the lookup table in name order and each value's deals
  through the foreign-key index; deals without a value follow after. OFFSET skips entries of
  that index, and only the page's rows are read and joined to their names.
- A filter (outcome, search words, given ids) that few deals match (fewer than SMALL, from
  capped counts) finds them through its own index first; only those are sorted. One that many
  deals match is tested on each deal while the sort order is walked: a page fills quickly.
- Counts are taken from the indexes (FTS, foreign keys, outcome) without reading deals' rows
  where they can. ``count_up_to`` stops counting at a limit: when every condition matches
  many deals (a search of one or two letters matches most of a million), it tests deals in id
  order until the limit is reached instead of building the union of nearly every id.
- A search word matched both by names and by the deal's own text is tested on each walked
  deal's row: its names first, then, for a word of ASCII letters and digits and a deal whose
  text is ASCII, the word as the start of a token of that text (GLOB, exactly what the FTS
  index's unicode61 tokenizer does for ASCII); only other deals ask the FTS index, whose
  list of all matches of a one-letter prefix takes a hundred milliseconds or more to build.

SQLite's planner has no statistics here (the file is never ANALYZEd), so the plans are fixed
by the SQL: ``+`` before a column keeps SQLite from finding rows through that column's index,
and CROSS JOIN keeps the lookup table outside the deals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.deals import LookupKind, Outcome
from salesdesk.store.functions import SEARCH_FOLD, search_fold
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
# The sorts with an index of (outcome, column).
_OUTCOME_SORTS = frozenset({DealColumn.UPDATED_AT, DealColumn.CLOSED_ON})
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


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"*'


# A word the FTS index sees as one token when its text is ASCII: unicode61 makes tokens of
# ASCII letters and digits only (anything else separates them) and folds ASCII case.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_FTS_COLUMNS = ("d.title", "d.next_step", "d.notes")  # what deals_fts indexes
_ASCII_TEXT = " AND ".join(f"length({c}) = length(CAST({c} AS BLOB))" for c in _FTS_COLUMNS)


def _token_globs(word: str) -> tuple[str, str]:
    """GLOB patterns for a text with a token starting with ``word`` (ASCII letters and
    digits): at the start of the text, or after a character that is not a letter or digit."""
    letters = "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)
    return f"{letters}*", f"*[^A-Za-z0-9]{letters}*"


# Below this many matching deals a page is taken from the matches, found first through the
# FTS, foreign-key, outcome or id indexes and then sorted; from this many on, the sort
# order's index is walked and each deal tested, which stops as soon as the page is full.
# Either way a first page costs at most a few tens of thousands of cheap steps.
SMALL = 20_000

# A list name matches a search word when its folded form contains the folded word. An
# ASCII-only name (as many characters as bytes) folds to its lower case, which LIKE ignores
# anyway, so only the other names are passed through the Python fold function.
_NAME_MATCH = (
    "(CASE WHEN length(name) = length(CAST(name AS BLOB)) THEN name LIKE ? ESCAPE '\\'"
    f" ELSE {SEARCH_FOLD}(name) LIKE ? ESCAPE '\\' END)"
)
_FTS_IDS = "SELECT rowid AS id FROM deals_fts WHERE deals_fts MATCH ?"


@dataclass(frozen=True, slots=True)
class _Part:
    """Deals whose ``column`` is among the values ``sql`` selects (``id``: the deal's id)."""

    column: str
    sql: str
    params: tuple[Any, ...] = ()
    word: str | None = None  # an FTS part's one ASCII word, which a row's text can test

    @property
    def searches_text(self) -> bool:
        """Whether this part is a word's lookup in the FTS index."""
        return self.sql == _FTS_IDS

    @property
    def ids(self) -> str:
        """The matching deal ids, from an index alone (FTS or the column's index)."""
        if self.column == "id":
            return self.sql
        return f"SELECT id FROM deals WHERE {self.column} IN ({self.sql})"

    def test(self) -> tuple[str, list[Any]]:
        """Whether deal ``d`` matches, tested on its row (``+``: not used to find rows), with
        its parameters.

        An FTS word is tested on an ASCII row's text with GLOB (the same answer as the
        index, see _ASCII_WORD); only for other rows is the list of the index's matches built,
        once per statement, when the first such row is tested.
        """
        membership = f"+d.{self.column} IN ({self.sql})"
        if self.word is None:
            return membership, list(self.params)
        start, inner = _token_globs(self.word)
        globs = " OR ".join(f"{c} GLOB ? OR {c} GLOB ?" for c in _FTS_COLUMNS)
        sql = f"(CASE WHEN {_ASCII_TEXT} THEN ({globs}) ELSE {membership} END)"
        return sql, [start, inner] * len(_FTS_COLUMNS) + list(self.params)


@dataclass(frozen=True, slots=True)
class _Filter:
    """The deals a query shows: those with ``outcome`` (when given) matching every set.

    A set is a union of parts: the ids asked for, or one search word's matches (its text in
    the FTS index, then each list whose names contain it). Words that no name contains are
    looked up together in the FTS index, as one set.
    """

    outcome: str | None
    sets: tuple[tuple[_Part, ...], ...]

    @property
    def empty(self) -> bool:
        return self.outcome is None and not self.sets


def _filter(db: Database, query: DealListQuery) -> _Filter:
    sets: list[tuple[_Part, ...]] = []
    if query.deal_ids is not None:
        ids = ",".join(str(int(i)) for i in sorted(query.deal_ids)) or "NULL"
        sets.append((_Part("id", f"SELECT id FROM deals WHERE id IN ({ids})"),))
    text_only: list[str] = []
    for token in _TOKEN.findall(query.search):
        # Each word must appear in the deal's text or in one of its names.
        folded = str(search_fold(token))
        escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = (f"%{escaped}%",) * 2
        named: list[_Part] = []
        for kind in _SEARCHED_LOOKUPS:
            names = f"SELECT id FROM {LOOKUP_TABLES[kind]} WHERE {_NAME_MATCH}"
            if db.execute(f"SELECT EXISTS ({names})", pattern).fetchone()[0]:
                named.append(_Part(LOOKUP_COLUMNS[kind], names, pattern))
        if named:
            word = token if _ASCII_WORD.fullmatch(token) else None
            sets.append((_Part("id", _FTS_IDS, (_fts_phrase(token),), word), *named))
        else:
            text_only.append(_fts_phrase(token))
    if text_only:
        sets.append((_Part("id", _FTS_IDS, (" AND ".join(text_only),)),))
    return _Filter(query.outcome.value if query.outcome is not None else None, tuple(sets))


def _capped_count(db: Database, sql: str, params: Sequence[Any]) -> int:
    capped = f"SELECT COUNT(*) FROM ({sql} LIMIT {SMALL})"
    return int(db.execute(capped, list(params)).fetchone()[0])


_OUTCOME = -1


def _driver(db: Database, found: _Filter) -> int | None:
    """Which condition has fewer than SMALL deals (by capped counts), to find the matches
    through: ``_OUTCOME``, the index of a set, or None when every one has many."""
    if found.outcome is not None:
        outcome_count = _capped_count(db, "SELECT 1 FROM deals WHERE outcome = ?",
                                      [found.outcome])
        if outcome_count < SMALL:
            return _OUTCOME
    best: tuple[int, int] | None = None
    for index, parts in enumerate(found.sets):
        total = 0
        # Names first: a prefix's FTS matches are all gathered before the first is counted
        # (about 100 ms for a one-letter word), and a list's deals often reach SMALL alone.
        for part in sorted(parts, key=lambda p: p.searches_text):
            total += _capped_count(db, part.ids, part.params)
            if total >= SMALL:
                break
        if total < SMALL and (best is None or total < best[0]):
            best = (total, index)
    return None if best is None else best[1]


def _union(parts: tuple[_Part, ...], *, distinct: bool) -> tuple[str, list[Any]]:
    joiner = " UNION " if distinct else " UNION ALL "
    return joiner.join(part.ids for part in parts), [p for part in parts for p in part.params]


def _where(found: _Filter, driver: int | None, *,
           rows_read: bool) -> tuple[list[str], list[Any]]:
    """Conditions on ``d``. All but the ``driver`` are written as tests of each deal (``+``
    keeps SQLite from using their index), so SQLite finds the deals through the driver's
    index, or with no driver walks the sort order's index and tests each deal.

    With ``rows_read`` (each deal's row is read anyway) a search word is tested on the row:
    its lists' ids first, then its text in the FTS index. Otherwise a set is tested by
    membership of the id, which needs no row but builds the whole set first (all ids of
    every matching list: most of a million deals for a one-letter word).
    """
    where: list[str] = []
    params: list[Any] = []
    if found.outcome is not None:
        where.append(f"{'' if driver == _OUTCOME else '+'}d.outcome = ?")
        params.append(found.outcome)
    for index, parts in enumerate(found.sets):
        if driver == index or not rows_read or len(parts) == 1:
            sql, part_params = _union(parts, distinct=False)
            where.append(f"{'' if driver == index else '+'}d.id IN ({sql})")
            params += part_params
        else:
            tests = [part.test() for part in (*parts[1:], parts[0])]
            where.append("(" + " OR ".join(sql for sql, _ in tests) + ")")
            params += [p for _, part_params in tests for p in part_params]
    return where, params


def count(db: Database, query: DealListQuery) -> int:
    """How many deals the query shows."""
    found = _filter(db, query)
    driver = _driver(db, found) if found.sets and found.outcome is not None else None
    return _exact_count(db, found, driver)


def _exact_count(db: Database, found: _Filter, driver: int | None) -> int:
    """The count of ``found``; ``driver`` as _driver gives it (used with an outcome)."""
    if not found.sets:
        clause = "" if found.outcome is None else " WHERE outcome = ?"
        params = [] if found.outcome is None else [found.outcome]
        return int(db.execute(f"SELECT COUNT(*) FROM deals{clause}", params).fetchone()[0])
    if found.outcome is None:
        # From the indexes alone: each set's ids, intersected; no deal's row is read.
        selects: list[str] = []
        params = []
        for parts in found.sets:
            sql, part_params = _union(parts, distinct=True)
            selects.append(f"SELECT id FROM ({sql})")
            params += part_params
        sql = f"SELECT COUNT(*) FROM ({' INTERSECT '.join(selects)})"
        return int(db.execute(sql, params).fetchone()[0])
    # Few matches: find them and read their outcome; many: test each id of the outcome's
    # index (which holds the ids: no deal's row is read).
    if driver is None:
        where, params = _where(found, _OUTCOME, rows_read=False)
    else:
        where, params = _where(found, driver, rows_read=True)
    sql = f"SELECT COUNT(*) FROM deals AS d WHERE {' AND '.join(where)}"
    return int(db.execute(sql, params).fetchone()[0])


def count_up_to(db: Database, query: DealListQuery, limit: int) -> int:
    """How many deals the query shows, counted no further than ``limit``: the count when it
    is below ``limit``, else ``limit`` (the caller knows then only that there are at least
    that many).

    Without a search the first ``limit`` entries of the table or outcome index are counted.
    With one the count is exact and taken from the indexes when it is cheap: when a condition
    matches few deals, or when each search word is only looked up in the FTS index.
    Otherwise every condition matches many deals (typically one or two letters typed, which
    match most deals through their names): the deals are tested in id order and counting
    stops at ``limit``, a few thousand rows away, instead of building the union of almost a
    million ids (over 2 s for one letter at a million deals).
    """
    if limit <= 0:
        return 0
    found = _filter(db, query)
    if not found.sets:
        # Every deal or one outcome's: the first ``limit`` ids of the table or outcome index.
        clause = "" if found.outcome is None else " WHERE outcome = ?"
        params = [] if found.outcome is None else [found.outcome]
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM deals{clause} LIMIT ?)"
        return int(db.execute(sql, [*params, limit]).fetchone()[0])
    driver = _driver(db, found)
    if driver is not None or (
            found.outcome is None and all(len(parts) == 1 for parts in found.sets)):
        return min(limit, _exact_count(db, found, driver))
    where, params = _where(found, None, rows_read=True)
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM deals AS d WHERE {' AND '.join(where)} LIMIT ?)"
    return int(db.execute(sql, [*params, limit]).fetchone()[0])


def _select(sql: str, params: list[Any], db: Database) -> list[DealRow]:
    return [
        DealRow(r[0], r[1], r[2], r[3], r[4], r[5], Outcome(r[6]), r[7], r[8], r[9], r[10], r[11])
        for r in db.execute(sql, params)
    ]


def _order(query: DealListQuery, direction: str) -> str:
    """The list's order over ``deals AS d`` and _ROW_JOINS: deals without a client,
    salesperson or product come after the named ones in both directions."""
    kind = _LOOKUP_SORT.get(query.sort)
    if kind is None:
        return f"{_DIRECT_SORT[query.sort]} {direction}, d.id {direction}"
    alias = f"{kind.value}_t"
    if kind is LookupKind.STAGE:
        key = f"{alias}.position {direction}"
    else:
        key = f"d.{LOOKUP_COLUMNS[kind]} IS NULL, {alias}.name COLLATE NOCASE {direction}"
    return f"{key}, {alias}.id {direction}, d.id {direction}"


def _page(db: Database, query: DealListQuery, direction: str, ids_sql: str,
          params: list[Any], offset: int, limit: int) -> list[DealRow]:
    """The rows of the ids ``ids_sql`` picks (in list order) at ``offset``.

    Only the page's ids are picked with OFFSET: skipped deals are counted in the index
    walked, and only the page's rows are read and joined to their names.
    """
    sql = (f"{_ROW_SELECT}({ids_sql} LIMIT ? OFFSET ?) AS page JOIN deals AS d"
           f" ON d.id = page.id {_ROW_JOINS} ORDER BY {_order(query, direction)}")
    return _select(sql, [*params, limit, offset], db)


def fetch(db: Database, query: DealListQuery, offset: int, limit: int) -> list[DealRow]:
    """Rows ``offset`` .. ``offset + limit`` of the query's sorted result."""
    found = _filter(db, query)
    direction = "DESC" if query.descending else "ASC"
    kind = _LOOKUP_SORT.get(query.sort)
    driver = None if found.empty else _driver(db, found)
    if driver is not None:
        # Few matches: find them all through the driver's index, then sort them.
        where, params = _where(found, driver, rows_read=True)
        join = ""
        if kind is not None:
            alias = f"{kind.value}_t"
            join = (f" LEFT JOIN {LOOKUP_TABLES[kind]} AS {alias}"
                    f" ON {alias}.id = d.{LOOKUP_COLUMNS[kind]}")
        ids_sql = (f"SELECT d.id FROM deals AS d{join} WHERE {' AND '.join(where)}"
                   f" ORDER BY {_order(query, direction)}")
        return _page(db, query, direction, ids_sql, params, offset, limit)
    # Many matches (or none filtered out): walk the sort order's index, testing each deal.
    # Of one outcome, updated_at and closed_on are walked in the (outcome, updated_at) and
    # (outcome, closed_on) indexes: walking the close dates alone would pass every open deal
    # (all without a close date) before the first won one.
    by_outcome = query.sort in _OUTCOME_SORTS and found.outcome is not None
    where, params = _where(found, _OUTCOME if by_outcome else None, rows_read=True)
    if kind is None:
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        ids_sql = f"SELECT d.id FROM deals AS d{clause} ORDER BY {_order(query, direction)}"
        return _page(db, query, direction, ids_sql, params, offset, limit)
    return _fetch_by_lookup(db, query, kind, where, params, direction, offset, limit)


def _fetch_by_lookup(db: Database, query: DealListQuery, kind: LookupKind, where: list[str],
                     params: list[Any], direction: str, offset: int,
                     limit: int) -> list[DealRow]:
    table, column = LOOKUP_TABLES[kind], LOOKUP_COLUMNS[kind]
    key = "s.position" if kind is LookupKind.STAGE else "s.name COLLATE NOCASE"
    named_where = " AND ".join([f"d.{column} = s.id", *where])
    named_sql = (
        f"SELECT d.id FROM {table} AS s CROSS JOIN deals AS d WHERE {named_where}"
        f" ORDER BY {key} {direction}, s.id {direction}, d.id {direction}"
    )
    rows = _page(db, query, direction, named_sql, params, offset, limit)
    if len(rows) == limit or kind is LookupKind.STAGE:
        return rows
    # Deals without a value come after the named ones.
    if rows:
        named = offset + len(rows)
    else:
        named_where_count = " AND ".join([f"d.{column} IS NOT NULL", *where])
        named = int(db.execute(f"SELECT COUNT(*) FROM deals AS d WHERE {named_where_count}",
                               params).fetchone()[0])
    null_where = " AND ".join([f"d.{column} IS NULL", *where])
    null_sql = f"SELECT d.id FROM deals AS d WHERE {null_where} ORDER BY d.id {direction}"
    return rows + _page(db, query, direction, null_sql, params, max(0, offset - named),
                        limit - len(rows))


def position_of(db: Database, query: DealListQuery, deal_id: int, limit: int) -> int | None:
    """The row of ``deal_id`` among the first ``limit`` rows of the query, if it is there."""
    for index, row in enumerate(fetch(db, query, 0, limit)):
        if row.id == deal_id:
            return index
    return None
