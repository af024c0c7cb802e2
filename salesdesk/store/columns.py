"""The deals as packed integer columns (domain.columns.DealColumns), for the analytics cache.

Read-only: one SELECT over ``deals`` that packs the small fields into a few 64-bit words in
SQL, streamed in chunks straight into typed arrays, so a million deals never exist as Python
objects at once. Lookup ids are the dimension codes; dates become ordinals in SQL.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable

from sqlite_utils import Database

from salesdesk.domain.columns import (
    CLOSED_ON,
    CURRENCY,
    CUSTOMER_TYPE_CODES,
    FIRST_CONTACT,
    NO_AMOUNT,
    NO_DATE,
    OUTCOME,
    DealColumns,
    field_widths,
    plan_layout,
)
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.slices import CATEGORICAL, Dimension
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

CHUNK = 10_000  # rows per fetch: a worker holds the GIL for ~10 ms per chunk, not 50
# julianday('0001-01-01') is 1721425.5 and date(1, 1, 1).toordinal() is 1.
_ORDINAL_OFFSET = 1721424.5
_LOOKUP_DIMENSIONS = [d for d in CATEGORICAL if d is not Dimension.CUSTOMER_TYPE]


def _ordinal(column: str) -> str:
    return f"COALESCE(CAST(julianday({column}) - {_ORDINAL_OFFSET} AS INTEGER), {NO_DATE})"


def _expressions(currencies: int) -> dict[str, str]:
    cases = " ".join(f"WHEN '{name}' THEN {code}" for name, code in CUSTOMER_TYPE_CODES.items())
    currency = ("CASE currency " + " ".join(f"WHEN :c{i} THEN {i}" for i in range(currencies))
                + " ELSE 0 END") if currencies else "0"
    expressions = {
        OUTCOME: "CASE outcome WHEN 'open' THEN 0 WHEN 'won' THEN 1 ELSE 2 END",
        FIRST_CONTACT: _ordinal("first_contact"),
        CLOSED_ON: _ordinal("closed_on"),
        CURRENCY: currency,
        Dimension.CUSTOMER_TYPE.value: f"CASE customer_type {cases} ELSE 0 END",
    }
    for dimension in _LOOKUP_DIMENSIONS:
        expressions[dimension.value] = (
            f"COALESCE({LOOKUP_COLUMNS[LookupKind(dimension.value)]}, 0)")
    return expressions


def deal_columns(db: Database, deal_ids: Iterable[int] | None = None,
                 client_ids: Iterable[int] = ()) -> DealColumns:
    """Every deal (``deal_ids`` None), or the given ones that still exist together with every
    deal of their clients and of ``client_ids``, ordered by id.

    A change to one deal can change the derived customer type of its client's other deals,
    which is why a partial export takes them along; ``client_ids`` names the clients the
    changed deals had before (a deleted deal's client is no longer in the file).
    A full export names every value of every list; a partial one the values its deals use.
    """
    where: str = ""
    params: dict[str, str] = {}
    if deal_ids is not None:
        where = (" WHERE id IN (SELECT value FROM json_each(:ids))"
                 " OR client_id IN (SELECT client_id FROM deals"
                 " WHERE id IN (SELECT value FROM json_each(:ids)) AND client_id IS NOT NULL)"
                 " OR client_id IN (SELECT value FROM json_each(:clients))")
        params = {"ids": json.dumps(sorted({int(i) for i in deal_ids})),
                  "clients": json.dumps(sorted({int(i) for i in client_ids}))}
    currencies = tuple(row[0] for row in db.execute(
        f"SELECT DISTINCT currency FROM deals{where} ORDER BY currency", params))
    max_codes: dict[Dimension, int] = {d: int(db.execute(
        f"SELECT COALESCE(MAX(id), 0) FROM {LOOKUP_TABLES[LookupKind(d.value)]}").fetchone()[0])
        for d in _LOOKUP_DIMENSIONS}
    max_codes[Dimension.CUSTOMER_TYPE] = max(CUSTOMER_TYPE_CODES.values())
    layout = plan_layout(field_widths(len(currencies), max_codes))
    expressions = _expressions(len(currencies))
    word_count = 1 + max(f.word for f in layout)
    words_sql = [" | ".join(f"(({expressions[f.name]}) << {f.shift})"
                            for f in layout if f.word == w) for w in range(word_count)]
    sql = (f"SELECT id, COALESCE(amount, {NO_AMOUNT}), {', '.join(words_sql)}"
           f" FROM deals{where} ORDER BY id")
    columns = DealColumns(currencies=currencies, layout=layout,
                          words=tuple(array("q") for _ in range(word_count)))
    targets = [columns.ids, columns.amount, *columns.words]
    cursor = db.conn.execute(
        sql, {**{f"c{i}": c for i, c in enumerate(currencies)}, **params})
    while True:
        chunk = cursor.fetchmany(CHUNK)
        if not chunk:
            break
        for target, values in zip(targets, zip(*chunk, strict=True), strict=True):
            target.extend(values)
    columns.names[Dimension.CUSTOMER_TYPE] = {c: n for n, c in CUSTOMER_TYPE_CODES.items()}
    for dimension in _LOOKUP_DIMENSIONS:
        table = LOOKUP_TABLES[LookupKind(dimension.value)]
        if deal_ids is None or dimension is Dimension.STAGE:
            rows = db.execute(f"SELECT id, name FROM {table}")
        else:
            entry = next(f for f in layout if f.name == dimension.value)
            used = sorted({entry.get(word) for word in columns.words[entry.word]} - {0})
            rows = db.execute(f"SELECT id, name FROM {table} WHERE id IN"
                              " (SELECT value FROM json_each(?))", [json.dumps(used)])
        columns.names[dimension] = dict(rows.fetchall())
    columns.stage_order = tuple(
        row[0] for row in db.execute("SELECT id FROM stages ORDER BY position, id"))
    return columns
