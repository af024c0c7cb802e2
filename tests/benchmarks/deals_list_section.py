"""Section "deals_list": the Deals tab's store queries at N deals, against plain SQLite.

The issue: "with 1,000,000 deals, time opening the Deals tab, sorting by a column and a quick
search, against a plain SQLite query for the same rows in the same run. Target: each <= 200 ms
median on a 2-core machine."

Every operation is what the list's model does when it (re)loads: the count up to its cap
(``list_count_up_to(query, cap + 1)``: the exact count when at most the cap match -- 1,000
with a search, 100,000 without -- else "more than" the cap, which the model makes exact by
fetching to the last page) + the first page (``list_rows``: 200 rows and one more, which
tells whether another page follows). Its baseline is the most direct plain-sqlite3 query for
the same capped count (``SELECT COUNT(*) FROM (... LIMIT cap + 1)``) and the same rows
(``ORDER BY <column> LIMIT 201``
with the joins it needs), run on its own connection in the same process; the counts and the
200 rows shown are compared, so the table also says when the store and plain SQL disagree.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dataset import SEARCHES
from harness import Context, Measurement

from salesdesk.domain.deals import Outcome
from salesdesk.store import DealColumn, DealListQuery, Store, open_store

TARGET_MS = 200.0
PAGE = 200
DEEP_OFFSET = 100_000
# salesdesk.ui.deals.list_model's caps (not imported: no Qt needed here)
COUNT_CAP = 1_000
PLAIN_COUNT_CAP = 100_000


def counted(query: DealListQuery) -> int:
    """What the model asks list_count_up_to for (list_model.count_cap + 1)."""
    return (COUNT_CAP if query.search else PLAIN_COUNT_CAP) + 1


@dataclass(frozen=True)
class Op:
    name: str
    query: DealListQuery
    offset: int = 0


def operations() -> list[Op]:
    """What the user does on the Deals tab, from opening it to paging far down."""
    ops = [Op("open (default: updated desc)", DealListQuery())]
    for column in DealColumn:
        for descending in (False, True):
            ops.append(Op(f"sort {column} {'desc' if descending else 'asc'}",
                          DealListQuery(sort=column, descending=descending)))
    for outcome in Outcome:
        ops.append(Op(f"filter {outcome}", DealListQuery(outcome=outcome)))
    for column in DealColumn:
        ops.append(Op(f"filter open + sort {column} asc",
                      DealListQuery(outcome=Outcome.OPEN, sort=column, descending=False)))
    for column in (DealColumn.CLIENT, DealColumn.REP, DealColumn.STAGE, DealColumn.TITLE,
                   DealColumn.AMOUNT):
        ops.append(Op(f"filter won + sort {column} desc",
                      DealListQuery(outcome=Outcome.WON, sort=column, descending=True)))
    searches = {
        "client fragment": SEARCHES.client_fragment,
        "title word": SEARCHES.title_word,
        "common word": SEARCHES.common_word,
        "rare word": SEARCHES.rare_word,
        "two words": SEARCHES.two_words,
        "two letters": SEARCHES.two_letters,
        "one letter": SEARCHES.one_letter,
    }
    for label, text in searches.items():
        ops.append(Op(f"search {label} '{text}'", DealListQuery(search=text)))
    for label, text in searches.items():
        for column in (DealColumn.CLIENT, DealColumn.TITLE, DealColumn.AMOUNT, DealColumn.STAGE):
            ops.append(Op(f"search {label} + sort {column} asc",
                          DealListQuery(search=text, sort=column, descending=False)))
    ops.append(Op("search title word + filter open",
                  DealListQuery(search=SEARCHES.title_word, outcome=Outcome.OPEN)))
    ops.append(Op("search client fragment + filter won + sort client",
                  DealListQuery(search=SEARCHES.client_fragment, outcome=Outcome.WON,
                                sort=DealColumn.CLIENT, descending=False)))
    for column, descending in ((DealColumn.UPDATED_AT, True), (DealColumn.TITLE, False),
                               (DealColumn.CLIENT, False), (DealColumn.CLIENT, True),
                               (DealColumn.STAGE, False), (DealColumn.AMOUNT, True)):
        ops.append(Op(f"page @{DEEP_OFFSET:,} sort {column} {'desc' if descending else 'asc'}",
                      DealListQuery(sort=column, descending=descending), DEEP_OFFSET))
    ops.append(Op(f"page @{DEEP_OFFSET:,} search common word",
                  DealListQuery(search=SEARCHES.common_word), DEEP_OFFSET))
    return ops


# --- the baseline: plain SQL written directly, not the store's ------------------------------

_COLUMNS = ("d.id, d.title, c.name, r.name, p.name, s.name, d.outcome, d.amount, d.currency,"
            " d.first_contact, d.closed_on, d.updated_at")
_SHOWN_JOINS = ("LEFT JOIN clients c ON c.id = d.client_id LEFT JOIN reps r ON r.id = d.rep_id"
                " LEFT JOIN products p ON p.id = d.product_id"
                " LEFT JOIN stages s ON s.id = d.stage_id")
_SEARCH_JOINS = ("LEFT JOIN channels ch ON ch.id = d.channel_id"
                 " LEFT JOIN regions rg ON rg.id = d.region_id"
                 " LEFT JOIN audiences au ON au.id = d.audience_id"
                 " LEFT JOIN lost_reasons lr ON lr.id = d.lost_reason_id")
_NAMED = {DealColumn.CLIENT: "c", DealColumn.REP: "r", DealColumn.PRODUCT: "p"}
_PLAIN = {DealColumn.TITLE: "d.title COLLATE NOCASE", DealColumn.OUTCOME: "d.outcome",
          DealColumn.AMOUNT: "d.amount", DealColumn.FIRST_CONTACT: "d.first_contact",
          DealColumn.CLOSED_ON: "d.closed_on", DealColumn.UPDATED_AT: "d.updated_at"}


def plain_sql(query: DealListQuery, offset: int) -> tuple[str, str, list[Any]]:
    """The direct count (up to ``counted(query)``) and page (one row more than PAGE) queries for
    ``query`` (names searched with LIKE on joins)."""
    where: list[str] = []
    params: list[Any] = []
    if query.outcome is not None:
        where.append("d.outcome = ?")
        params.append(query.outcome.value)
    for word in re.findall(r"\w+", query.search):
        names = " OR ".join(f"{t}.name LIKE ?" for t in ("c", "r", "p", "ch", "rg", "au", "lr"))
        where.append(f"(d.id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ?) OR {names})")
        params += [f'"{word}"*', *[f"%{word}%"] * 7]
    joins = _SHOWN_JOINS + (" " + _SEARCH_JOINS if query.search else "")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    way = "DESC" if query.descending else "ASC"
    if query.sort in _NAMED:
        t = _NAMED[query.sort]
        order = f"{t}.name IS NULL, {t}.name COLLATE NOCASE {way}, d.id {way}"
    elif query.sort is DealColumn.STAGE:
        order = f"s.position {way}, s.id {way}, d.id {way}"
    else:
        order = f"{_PLAIN[query.sort]} {way}, d.id {way}"
    count_joins = joins if query.search else ""
    count = (f"SELECT COUNT(*) FROM (SELECT 1 FROM deals d {count_joins}{clause}"
             f" LIMIT {counted(query)})")
    page = (f"SELECT {_COLUMNS} FROM deals d {joins}{clause} ORDER BY {order}"
            f" LIMIT {PAGE + 1} OFFSET {offset}")
    return count, page, params


def _check(result: tuple[int, list[int]], base: tuple[int, list[int]]) -> str:
    if result[0] != base[0]:
        return f"COUNT DIFFERS {result[0]} vs {base[0]}"
    if result[1] != base[1]:
        return "ROWS DIFFER from plain SQL"
    return ""


def run(ctx: Context) -> list[Measurement]:
    path = ctx.dataset()
    store = open_store(path)
    plain = sqlite3.connect(path)
    ctx.guard(store.db.conn)
    ctx.guard(plain)
    results: list[Measurement] = []
    try:
        for op in operations():
            if not ctx.wanted(op.name):
                continue
            results.append(_measure(ctx, store, plain, op))
        results += qt_model(ctx, store, plain)
    finally:
        plain.close()
        store.close()
    return results


def _measure(ctx: Context, store: Store, plain: sqlite3.Connection, op: Op) -> Measurement:
    query, offset = op.query, op.offset

    def through_store() -> tuple[int, list[int]]:
        total = store.list_count_up_to(query, counted(query))
        return total, [row.id for row in store.list_rows(query, offset, PAGE + 1)][:PAGE]

    count_sql, page_sql, params = plain_sql(query, offset)

    def baseline() -> tuple[int, list[int]]:
        total = plain.execute(count_sql, params).fetchone()[0]
        return total, [row[0] for row in plain.execute(page_sql, params).fetchall()][:PAGE]

    m = ctx.measure(op.name, through_store, baseline, target_ms=TARGET_MS, check=_check)
    if m.result is not None:
        rows = (f"more than {counted(query) - 1:,} rows" if m.result[0] >= counted(query)
                else f"{m.result[0]:,} rows")
        m.note = rows + (f"; {m.note}" if m.note else "")
    return m


# --- Qt model hook ---------------------------------------------------------------------------
# The Deals tab's model (salesdesk/ui/deals/list_model.py, DealListModel(store)) loads the count
# up to its cap and the first page when built and when its query changes: all the user waits
# for (past the cap the exact count comes with the last page). Its timings are the store's plus
# the model's own work; the baseline is the plain query of the same rows, as above.

_APP: Any = None  # the offscreen application, kept alive for the whole run


def qt_model(ctx: Context, store: Store, plain: sqlite3.Connection) -> list[Measurement]:
    names = ("qt model: open (build + paint first page)",
             "qt model: sort by client (click + paint)",
             "qt model: search title word (type + paint)",
             "qt model: search one/two letters (type + paint)")
    if not any(ctx.wanted(n) for n in names):
        return []
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        from salesdesk.ui.deals.list_model import COUNT_CAP as MODEL_CAP
        from salesdesk.ui.deals.list_model import PLAIN_COUNT_CAP as MODEL_PLAIN_CAP
        from salesdesk.ui.deals.list_model import DealListModel
    except ImportError as exc:
        print(f"  (qt model skipped: {exc})")
        return []
    assert (MODEL_CAP, MODEL_PLAIN_CAP) == (COUNT_CAP, PLAIN_COUNT_CAP), \
        "update the caps here to the model's"
    global _APP
    _APP = QGuiApplication.instance() or QGuiApplication([])

    def paint(model: Any) -> int:
        # Every cell's display text of the first page (a view asks only for the visible
        # rows, ~30: this is the upper bound).
        shown = 0
        for row in range(min(model.rowCount(), PAGE)):
            for column in range(model.columnCount()):
                if model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) is not None:
                    shown += 1
        return shown

    def baseline_for(query: DealListQuery) -> Callable[[], Any]:
        count_sql, page_sql, params = plain_sql(query, 0)
        return lambda: (plain.execute(count_sql, params).fetchone()[0],
                        plain.execute(page_sql, params).fetchall())

    results = []
    if ctx.wanted(names[0]):
        results.append(ctx.measure(names[0], lambda: paint(DealListModel(store)),
                                   baseline_for(DealListQuery()), target_ms=TARGET_MS))
    model = DealListModel(store)
    client_column = list(DealColumn).index(DealColumn.CLIENT)

    # Each timed run changes the query once, as a click or a keystroke does: the sort flips
    # between ascending and descending, the search between the word and the word minus its
    # last letter (what typing and deleting a letter does).
    flip = {"sort": False, "search": False}

    def sort_client() -> int:
        flip["sort"] = not flip["sort"]
        order = Qt.SortOrder.AscendingOrder if flip["sort"] else Qt.SortOrder.DescendingOrder
        model.sort(client_column, order)
        return paint(model)

    if ctx.wanted(names[1]):
        results.append(ctx.measure(names[1], sort_client,
                                   baseline_for(DealListQuery(sort=DealColumn.CLIENT,
                                                              descending=False)),
                                   target_ms=TARGET_MS))
        results[-1].note = "alternately asc and desc"

    def search() -> int:
        flip["search"] = not flip["search"]
        word = SEARCHES.title_word if flip["search"] else SEARCHES.title_word[:-1]
        model.set_query(DealListQuery(search=word))
        return paint(model)

    if ctx.wanted(names[2]):
        results.append(ctx.measure(names[2], search,
                                   baseline_for(DealListQuery(search=SEARCHES.title_word)),
                                   target_ms=TARGET_MS))
        results[-1].note = f"alternately '{SEARCHES.title_word}' and '{SEARCHES.title_word[:-1]}'"

    # The first keystrokes of a search: one letter, then two (most deals match both).
    short = {"search": False}

    def search_letters() -> int:
        short["search"] = not short["search"]
        word = SEARCHES.one_letter if short["search"] else SEARCHES.two_letters
        model.set_query(DealListQuery(search=word))
        return paint(model)

    if ctx.wanted(names[3]):
        results.append(ctx.measure(names[3], search_letters,
                                   baseline_for(DealListQuery(search=SEARCHES.one_letter)),
                                   target_ms=TARGET_MS))
        results[-1].note = (f"alternately '{SEARCHES.one_letter}' and '{SEARCHES.two_letters}';"
                            f" count capped at {COUNT_CAP:,}")
    return results
