"""Converting rows a batch at a time, column by column: the fast path of a big import.

``RowConverter.convert`` turns one row into a validated ``Deal``. ``BatchConverter`` reads a
batch of rows a column at a time instead: each distinct text of a column is read once, with
the converter's own readers (a date, a name, an outcome mean here what they mean there); the
rules across fields (DESIGN.md §3) are checked on the values; and the rows come out as columns
of the values the store writes, without a ``Deal`` per row. A row it cannot settle plainly (a
blank or ragged row, text that cannot be stored, a cell that cannot be read, a decided deal
without its dates, a skipped outcome, a broken rule) is left whole to ``RowConverter.convert``,
so every row's result is the converter's: the tests compare the two row for row. (One
difference: when a date column's order is read again, the note quotes the first value of the
batch that needed it in the fast path's reading order, columns one after another.)

A mapping with fallback columns (Pipedrive's won and lost times) or stage-date columns
(HubSpot's) is converted row by row (``BatchConverter.supported`` False).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any

from salesdesk.domain.deals import CustomerType, Deal, Outcome, title_from
from salesdesk.domain.fields import DEAL_FIELDS, FieldKind
from salesdesk.domain.importing.mapping import (
    DATE_FIELDS,
    FALSE_VALUES,
    FLAG_FIELDS,
    NULL_VALUES,
    TRUE_VALUES,
    normalise_value,
)
from salesdesk.domain.importing.reading import split_amount
from salesdesk.domain.importing.rows import Converted, RowConverter, RowResult, Skipped
from salesdesk.domain.parsing import ParseError, parse_minor_units, plain_minor_units
from salesdesk.domain.validation import MAX_NAME, MAX_TEXT, MAX_TITLE

WRITTEN_FIELDS: tuple[str, ...] = tuple(f.name for f in DEAL_FIELDS
                                        if f.kind is not FieldKind.RECORD)
"""The fields of ``Batch.columns``: every field a deal stores, in DEAL_FIELDS order."""

_LOOKUPS = tuple(f.name for f in DEAL_FIELDS
                 if f.kind is FieldKind.LOOKUP and f.name != "stage")
_TEXTS = tuple(f.name for f in DEAL_FIELDS if f.imported and f.kind is FieldKind.TEXT)
_KEPT = frozenset(f.name for f in DEAL_FIELDS if f.kind is FieldKind.TEXT and not f.form)
_CREATED, _WON_FLAG, _CLOSED_FLAG = "created date", "won flag", "closed flag"
_FAIL: Any = object()  # a cell (or row) the fast path leaves to RowConverter
_MEMO = 100_000  # distinct texts remembered per column
# A column whose cells were nearly all new to its memo over this many rows is read cell by
# cell from then on: remembering texts that seldom come again costs more than reading them.
_WIDE_AFTER = 10_000
_WIDE_SHARE = 0.9
_FEW_FAILED = 16  # rows of a batch deleted from its columns one by one
_WON, _LOST, _OPEN = Outcome.WON.value, Outcome.LOST.value, Outcome.OPEN.value
_DECODE: dict[FieldKind, Callable[[Any], Any]] = {
    FieldKind.OUTCOME: Outcome, FieldKind.CUSTOMER_TYPE: CustomerType,
    FieldKind.DATE: lambda text: None if text is None else dt.date.fromisoformat(text),
}
_DECODES = tuple((f.name, _DECODE.get(f.kind)) for f in DEAL_FIELDS
                 if f.kind is not FieldKind.RECORD)


def _cell(text: str) -> str:
    """A cell as the converter reads it: stripped, a database's NULL blank."""
    text = text.strip()
    return "" if text in NULL_VALUES else text


def _stores(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(slots=True)
class Batch:
    """A batch of rows converted. ``positions``: the rows the fast path settled, by their
    place in the batch; ``columns``: for each of WRITTEN_FIELDS those rows' values as the
    store writes them (lookups by name, outcome and customer type as their values, dates as
    ISO text, amounts in minor units); ``others``: every other row's place and result."""

    size: int
    positions: list[int]
    columns: dict[str, list[Any]]
    others: list[tuple[int, RowResult]]

    def results(self) -> list[RowResult]:
        """Every row's result in order, those of the fast path as Converted deals."""
        results: list[RowResult | None] = [None] * self.size
        for place, result in self.others:
            results[place] = result
        decoded = [values if decode is None else list(map(decode, values))
                   for (name, decode), values in zip(
                       _DECODES, (self.columns[n] for n in WRITTEN_FIELDS), strict=True)]
        for place, values in zip(self.positions, zip(*decoded, strict=True), strict=True):
            results[place] = Converted(Deal(**dict(zip(WRITTEN_FIELDS, values, strict=True))),
                                       ())
        return [r for r in results if r is not None]


class BatchConverter:
    """Converts batches of rows with ``converter``'s readers, memos and counters."""

    def __init__(self, converter: RowConverter) -> None:
        self.converter = converter
        # The columns read, by field; a created-date column and Salesforce's won and closed
        # flags under names of their own.
        self._positions = {**converter.positions, **{
            name: position for name, position in (
                (_CREATED, converter.created_position), (_WON_FLAG, converter.won_position),
                (_CLOSED_FLAG, converter.closed_position)) if position is not None}}
        rules = converter.input_rules
        self._digits = rules.currency_digits
        self._base = rules.base_currency
        self._number_format = converter.rules.number_format or rules.number_format
        self._memos: dict[str, dict[str, Any]] = {}
        self._wide: set[str] = set()
        self._seen: Counter[str] = Counter()
        self._missed: Counter[str] = Counter()
        self._failing: set[str] = set()  # the columns whose memo holds a cell not read
        self._failed: set[int] = set()  # the rows of this batch with a cell not read

    @property
    def supported(self) -> bool:
        """False when the mapping needs the row-by-row reading."""
        mapping = self.converter.mapping
        return not (mapping.fallbacks or mapping.stage_dates)

    def convert(self, rows: Sequence[Sequence[str]]) -> Batch:
        """Convert ``rows`` (lists of cell texts in header order)."""
        width = self.converter.width
        plain: list[int] = []
        others: list[int] = []
        for place, cells in enumerate(rows):
            joined = "".join(cells) if len(cells) == width else ""
            if joined and not joined.isspace() and (joined.isascii() or _stores(joined)):
                plain.append(place)
            else:
                others.append(place)
        settled = rows if len(plain) == len(rows) else [rows[p] for p in plain]
        columns, failed = self._convert(list(zip(*settled, strict=True)), len(plain)) if (
            plain) else ({name: [] for name in WRITTEN_FIELDS}, set())
        if failed:
            others = sorted([*others, *(plain[i] for i in failed)])
            if len(failed) <= _FEW_FAILED:  # deleting a few rows moves less than copying
                for values in (*columns.values(), plain):
                    for i in sorted(failed, reverse=True):
                        del values[i]
            else:
                kept = [i not in failed for i in range(len(plain))]
                columns = {name: list(compress(values, kept))
                           for name, values in columns.items()}
                plain = list(compress(plain, kept))
        convert = self.converter.convert
        return Batch(len(rows), plain, columns,
                     [(place, convert(rows[place])) for place in others])

    def _column(self, name: str, table: list[tuple[str, ...]], count: int,
                read: Callable[[str], Any], default: Any, unread: Sequence[int] = ()
                ) -> list[Any]:
        """The values of field ``name`` for every row (``default`` when no column feeds
        it), each distinct cell read once by ``read``; the rows ``unread`` as blank. The rows
        with a cell ``read`` could not read are added to ``_failed``."""
        position = self._positions.get(name)
        if position is None:
            return [default] * count
        cells: Sequence[str] = table[position]
        if unread:
            cells = list(cells)
            for i in unread:
                cells[i] = ""
        if name in self._wide:
            return self._failures(_read_all(read, cells))
        memo = self._memos.setdefault(name, {})
        try:  # most batches bring no text new to a column's memo
            values = list(map(memo.__getitem__, cells))
        except KeyError:
            pass
        else:
            self._seen[name] += count
            return self._failures(values) if name in self._failing else values
        # In the rows' order: a date that makes the converter read its column's order again
        # is the one RowConverter would meet first.
        distinct = dict.fromkeys(cells)
        new = [text for text in distinct if text not in memo]
        seen = self._seen[name] = self._seen[name] + count
        missed = self._missed[name] = self._missed[name] + len(new)
        if seen >= _WIDE_AFTER and missed > seen * _WIDE_SHARE:  # ids, amounts
            self._wide.add(name)
            del self._memos[name]
            return self._failures(_read_all(read, cells))
        if len(memo) + len(new) > _MEMO:  # bound the memo
            memo.clear()
            new = list(distinct)
        for text in new:
            memo[text] = value = read(text)
            if value is _FAIL:
                self._failing.add(name)
        values = list(map(memo.__getitem__, cells))
        return self._failures(values) if name in self._failing else values

    def _failures(self, values: list[Any]) -> list[Any]:
        """``values``, the rows of those not read added to ``_failed``."""
        if _FAIL in values:
            self._failed.update(i for i, value in enumerate(values) if value is _FAIL)
        return values

    def _convert(self, table: list[tuple[str, ...]], count: int
                 ) -> tuple[dict[str, list[Any]], set[int]]:
        """The columns of the rows whose cells are ``table``'s columns, and the indexes of the
        rows the fast path cannot settle."""
        converter = self.converter
        self._failed = set()
        columns: dict[str, list[Any]] = {}
        for name in _LOOKUPS:
            columns[name] = self._column(name, table, count, _read_name, None)
        for name in _TEXTS:
            kept = name in _KEPT
            columns[name] = self._column(name, table, count, _read_kept if kept else _read_text,
                                         None if kept else "")
        for name in FLAG_FIELDS:
            columns[name] = self._column(name, table, count, _read_flag, None)
        stated = self._column("outcome", table, count, _cell, "")
        stages = self._column("stage", table, count, _cell, "")
        reads = list(map(converter.read_outcome, stated, stages))
        # RowConverter reads no date of a skipped row (one could change a column's order).
        skipped = [i for i, read in enumerate(reads) if isinstance(read, Skipped)]
        for name in DATE_FIELDS:
            header = converter.mapping.columns.get(name, "")
            columns[name] = self._column(name, table, count, self._date_reader(header), None,
                                         skipped)
        inferred = columns["first_contact_inferred"]
        if _CREATED in self._positions:  # the created date, when no first contact is mapped
            header = converter.headers[self._positions[_CREATED]]
            created = self._column(_CREATED, table, count, self._date_reader(header), None,
                                   skipped)
            columns["first_contact"] = created
            inferred[:] = [flag or (day is not None and day is not _FAIL)
                           for flag, day in zip(inferred, created, strict=True)]
        won_flags = self._column(_WON_FLAG, table, count, _read_yes, False)
        closed_flags = self._column(_CLOSED_FLAG, table, count, _read_yes, False)
        flagged = _WON_FLAG in self._positions or _CLOSED_FLAG in self._positions
        customer_types = self._column("customer_type", table, count,
                                      self._read_customer_type, None)
        amounts, currencies, marks, unread = self._amounts(
            self._column("amount", table, count, _cell, ""),
            self._column("currency", table, count, _cell, ""))
        titles = self._column("title", table, count, _read_title, "")
        if not all(titles):  # a deal without a title is named after its client and product
            columns["title"] = self._failures([
                title or _title_from(client, product) for title, client, product in zip(
                    titles, columns["client"], columns["product"], strict=True)])
        else:
            columns["title"] = titles
        bad = unread | self._failed
        outcomes: list[str] = []
        stage_names: list[Any] = []
        stage_names_read: dict[str, Any] = {}
        by_reason: list[int] = []
        split_close = converter.split_close
        closes, expected = columns["closed_on"], columns["expected_close"]
        for i, read, first, closed, expect, lost_reason, detail, won, closed_flag in zip(
                range(count), reads, columns["first_contact"], closes, expected,
                columns["lost_reason"], columns["lost_reason_note"], won_flags, closed_flags,
                strict=True):
            if i in bad or isinstance(read, Skipped):  # left to RowConverter
                bad.add(i)
                outcomes.append(_OPEN)
                stage_names.append(None)
                continue
            outcome, stage = read
            if flagged and outcome == _OPEN:
                outcome = _WON if won else _LOST if closed_flag else _OPEN
            if split_close:  # by the stated outcome, as RowConverter
                if outcome == _OPEN:
                    closes[i] = closed = None
                else:
                    expected[i] = expect = None
            if outcome == _OPEN and lost_reason:
                outcome = _LOST  # as RowConverter: a lost reason says the deal was lost
                by_reason.append(i)
            stage_name = stage_names_read.get(stage, _FAIL)
            if stage_name is _FAIL:
                stage_name = stage_names_read[stage] = _read_name(stage)
            if outcome == _OPEN:
                wrong = closed is not None
            else:  # a decided deal without its dates is imported with a warning
                wrong = closed is None or first is None or (
                    outcome == _WON and lost_reason is not None)
            if (wrong or stage_name is _FAIL
                    or (first is not None and closed is not None and closed < first)
                    or (first is not None and expect is not None and expect < first)
                    or (outcome != _LOST and detail)):
                bad.add(i)
            outcomes.append(outcome)
            stage_names.append(stage_name)
        # Counted for the rows settled here; RowConverter counts the others itself.
        converter.lost_by_reason += sum(1 for i in by_reason if i not in bad)
        if marks.count(None) < count:
            for i, mark in enumerate(marks):
                if mark is not None and i not in bad:
                    converter.currencies_from_amounts[mark] += 1
        columns["outcome"] = outcomes
        columns["stage"] = stage_names
        columns["amount"] = amounts
        columns["currency"] = currencies
        new = CustomerType.NEW.value
        columns["customer_type"] = [t or new for t in customer_types]
        set_flags = columns["customer_type_set"]
        columns["customer_type_set"] = [t is not None and (f is None or f)
                                        for t, f in zip(customer_types, set_flags, strict=True)]
        columns["first_contact_inferred"] = [bool(f) for f in inferred]
        return {name: columns[name] for name in WRITTEN_FIELDS}, bad

    def _date_reader(self, header: str) -> Callable[[str], Any]:
        read_date = self.converter.read_date

        def read(text: str) -> Any:
            text = _cell(text)
            if not text:
                return None
            try:
                day = read_date(header, text)
            except ParseError:
                return _FAIL
            return None if day is None else day.isoformat()
        return read

    def _read_customer_type(self, text: str) -> Any:
        text = _cell(text)
        if not text:
            return None
        chosen = self.converter.mapping.customer_type_values.get(normalise_value(text))
        return _FAIL if chosen is None else chosen

    def _amounts(self, amounts: list[str], currencies: list[str]
                 ) -> tuple[list[int | None], list[str], list[str | None], set[int]]:
        """Each row's amount in minor units, currency and the currency its amount's symbol
        named (see ``_amount``), and the rows whose amount cannot be read. A plain number is
        read without looking for a currency in it (most amounts of a big file are)."""
        point = self._number_format.decimal_point
        currency_of: dict[str, tuple[str, int | None]] = {}  # a currency cell's code, digits
        values: list[int | None] = []
        codes: list[str] = []
        marks: list[str | None] = [None] * len(amounts)
        failed: set[int] = set()
        for i, (text, currency_text) in enumerate(zip(amounts, currencies, strict=True)):
            if text[:1].isdigit() and text[-1:].isdigit():
                found = currency_of.get(currency_text)
                if found is None:
                    code = currency_text.upper() or self._base
                    found = currency_of[currency_text] = (code, self._digits.get(code))
                code, digits = found
                if digits is not None:
                    value = plain_minor_units(text, digits, point)
                    if value is not None:
                        values.append(value)
                        codes.append(code)
                        continue
            read = self._amount(text, currency_text)
            if read is _FAIL:
                failed.add(i)
                read = (None, self._base, None)
            values.append(read[0])
            codes.append(read[1])
            marks[i] = read[2]
        return values, codes, marks, failed

    def _amount(self, amount_text: str, currency_text: str) -> Any:
        """(amount, currency, the currency the amount's symbol named) or _FAIL."""
        mark = None
        if amount_text:
            split = split_amount(amount_text)
            if split is None:
                return _FAIL
            amount_text, mark = split
            if mark is not None:
                if currency_text and currency_text.upper() != mark:
                    return _FAIL
                currency_text = mark
        currency = currency_text.upper() or self._base
        digits = self._digits.get(currency)
        if digits is None:
            return _FAIL
        if not amount_text:
            return None, currency, mark
        try:
            return parse_minor_units(amount_text, digits, currency, self._number_format), \
                currency, mark
        except ParseError:
            return _FAIL


def _read_all(read: Callable[[str], Any], cells: Sequence[str]) -> list[Any]:
    """``read`` of every cell; a column of plainly written cells without reading them."""
    kept = _KEEPS.get(read)
    if kept is not None and _as_written(cells, kept[0]):
        return [cell or None for cell in cells] if kept[1] else list(cells)
    return list(map(read, cells))


def _as_written(cells: Sequence[str], longest: int) -> bool:
    """True when every cell is ASCII, without whitespace but single spaces between words,
    no database NULL and at most ``longest`` long: a cell the readers of _KEEPS keep as it
    is (its whitespace normalised, its NULL blanked, its length checked)."""
    joined = "|".join(cells)
    return (joined.isascii() and "  " not in joined and " |" not in joined
            and "| " not in joined and joined[:1] != " " and joined[-1:] != " "
            and not any(space in joined for space in _OTHER_SPACES)
            and max(map(len, cells), default=0) <= longest and NULL_VALUES.isdisjoint(cells))


def _title_from(client: Any, product: Any) -> Any:
    if client is _FAIL or product is _FAIL:
        return _FAIL
    title = title_from(client, product)
    return _FAIL if len(title) > MAX_TITLE else title


def _read_name(text: str) -> Any:
    name = " ".join(text.split())
    if len(name) > MAX_NAME:
        return _FAIL
    return name if name and name not in NULL_VALUES else None


def _read_title(text: str) -> Any:
    if text.strip() in NULL_VALUES:
        return None
    title = " ".join(text.split())
    return _FAIL if len(title) > MAX_TITLE else title


def _read_text(text: str) -> Any:
    text = _cell(text)
    return _FAIL if len(text) > MAX_TEXT else text


def _read_kept(text: str) -> str | None:
    return _cell(text) or None


def _read_yes(text: str) -> bool:
    return normalise_value(text) in TRUE_VALUES


def _read_flag(text: str) -> Any:
    flag = normalise_value(_cell(text))
    if flag in TRUE_VALUES:
        return True
    return False if flag in FALSE_VALUES else _FAIL


# ASCII characters that str.split splits at, besides the space.
_OTHER_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
# The readers that keep a plainly written cell (see _as_written): the longest cell each
# accepts, and whether it reads a blank cell as None.
_KEEPS: dict[Callable[[str], Any], tuple[int, bool]] = {
    _read_title: (MAX_TITLE, False), _read_text: (MAX_TEXT, False),
    _read_kept: (sys.maxsize, True), _read_name: (MAX_NAME, True), _cell: (sys.maxsize, False)}
