"""Deals as packed integer columns: what the store exports and the analytics cache is built from.

Moving a million deals out of SQLite costs mostly per value fetched, so small fields are packed
into a few 64-bit words per deal in SQL. A :class:`DealColumns` holds, one entry per deal,
in standard-library ``array``\\ s (neither the store nor domain needs numpy; the cache unpacks
the words with numpy):

* ``ids`` (``q``): deal ids; ``amount`` (``q``): minor units of the deal's currency, -1 when
  unknown.
* ``words``: packed words (``q``, never negative); ``layout`` says which bits of which word
  hold each field (:class:`Field`):

  - ``outcome``: 0 open, 1 won, 2 lost;
  - ``first_contact``, ``closed_on``: proleptic Gregorian ordinals (``date.toordinal()``),
    0 when empty;
  - ``currency``: index into ``currencies``;
  - one field per categorical dimension (stage included): a code, 0 for no value;
    ``names[dimension]`` maps codes to names. The store uses its lookup ids as codes;
    customer types are 1 new, 2 current.

* ``stage_order``: the stage codes in pipeline order.

A partial export (some deals) carries the names of the codes its deals use; a full export
carries every name of every list, so valid filter values can be read from it.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from salesdesk.domain.deals import CustomerType, Deal, LookupKind, Outcome
from salesdesk.domain.slices import CATEGORICAL, Dimension, deal_value

OUTCOME_CODES: dict[Outcome, int] = {Outcome.OPEN: 0, Outcome.WON: 1, Outcome.LOST: 2}
OUTCOMES: tuple[Outcome, ...] = (Outcome.OPEN, Outcome.WON, Outcome.LOST)
CUSTOMER_TYPE_CODES: dict[str, int] = {CustomerType.NEW.value: 1, CustomerType.CURRENT.value: 2}
NO_DATE = 0
NO_AMOUNT = -1
DATE_BITS = dt.date.max.toordinal().bit_length()  # 22
WORD_BITS = 63  # packed words stay non-negative in a signed 64-bit integer

OUTCOME = "outcome"
FIRST_CONTACT = "first_contact"
CLOSED_ON = "closed_on"
CURRENCY = "currency"
FIELD_NAMES: tuple[str, ...] = (OUTCOME, FIRST_CONTACT, CLOSED_ON, CURRENCY,
                                *(d.value for d in CATEGORICAL))


@dataclass(frozen=True, slots=True)
class Field:
    """Where a field lives: ``bits`` bits of packed word ``word``, from bit ``shift``."""

    name: str
    word: int
    shift: int
    bits: int

    def get(self, word: int) -> int:
        """The field's value in one packed word."""
        return (word >> self.shift) & ((1 << self.bits) - 1)


def plan_layout(widths: Mapping[str, int]) -> tuple[Field, ...]:
    """Pack fields of the given bit widths into as few 63-bit words as first-fit finds."""
    free: list[int] = []
    layout: list[Field] = []
    for name, bits in sorted(widths.items(), key=lambda item: (-item[1], item[0])):
        bits = max(1, bits)
        if bits > WORD_BITS:
            raise ValueError(f"{name} needs {bits} bits, more than a word holds")
        word = next((w for w, room in enumerate(free) if room >= bits), None)
        if word is None:
            word = len(free)
            free.append(WORD_BITS)
        layout.append(Field(name, word, WORD_BITS - free[word], bits))
        free[word] -= bits
    return tuple(layout)


def field_widths(currencies: int, max_codes: Mapping[Dimension, int]) -> dict[str, int]:
    """The bit widths of every field, given the number of currencies and the largest code of
    each categorical dimension."""
    widths = {OUTCOME: 2, FIRST_CONTACT: DATE_BITS, CLOSED_ON: DATE_BITS,
              CURRENCY: max(1, (currencies - 1).bit_length())}
    for dimension in CATEGORICAL:
        widths[dimension.value] = max(1, max_codes.get(dimension, 0).bit_length())
    return widths


def _empty(typecode: str) -> array[int]:
    return array(typecode)


@dataclass(slots=True)
class DealColumns:
    """Deals as packed integer words plus the names their codes stand for."""

    ids: array[int] = field(default_factory=lambda: _empty("q"))
    amount: array[int] = field(default_factory=lambda: _empty("q"))
    words: tuple[array[int], ...] = ()
    layout: tuple[Field, ...] = ()
    currencies: tuple[str, ...] = ()
    names: dict[Dimension, dict[int, str]] = field(
        default_factory=lambda: {d: {} for d in CATEGORICAL})
    stage_order: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.ids)

    def field(self, name: str) -> Field:
        """The layout entry of a field."""
        for entry in self.layout:
            if entry.name == name:
                return entry
        raise KeyError(name)

    def column(self, name: str) -> list[int]:
        """One field's values, unpacked in plain Python (slow; for tests and small exports)."""
        entry = self.field(name)
        return [entry.get(word) for word in self.words[entry.word]]

    @property
    def stage_names(self) -> tuple[str, ...]:
        """Stage names in pipeline order."""
        return tuple(self.names[Dimension.STAGE][code] for code in self.stage_order)

    def valid_values(self, dimension: Dimension) -> list[str]:
        """The names a filter on ``dimension`` may use (stages in pipeline order)."""
        if dimension is Dimension.STAGE:
            return list(self.stage_names)
        if dimension is Dimension.CUSTOMER_TYPE:
            return list(CUSTOMER_TYPE_CODES)
        return sorted(self.names[dimension].values(), key=lambda n: (n.casefold(), n))

    def check(self) -> None:
        """Raise ValueError when the arrays differ in length or the layout is incomplete."""
        n = len(self.ids)
        if len(self.amount) != n or any(len(w) != n for w in self.words):
            raise ValueError("deal columns of different lengths")
        if {f.name for f in self.layout} != set(FIELD_NAMES) and n:
            raise ValueError("deal columns without every field")

    def rows(self) -> Iterator[DealFacts]:
        """Decode row by row (slow; for tests and checks)."""
        if not len(self):
            return
        values = {name: self.column(name) for name in FIELD_NAMES}
        for i in range(len(self.ids)):
            yield DealFacts(
                id=self.ids[i],
                outcome=OUTCOMES[values[OUTCOME][i]],
                first_contact=_date(values[FIRST_CONTACT][i]),
                closed_on=_date(values[CLOSED_ON][i]),
                amount=None if self.amount[i] == NO_AMOUNT else self.amount[i],
                currency=self.currencies[values[CURRENCY][i]],
                values={d: (None if values[d.value][i] == 0
                            else self.names[d][values[d.value][i]]) for d in CATEGORICAL},
            )

    @classmethod
    def from_deals(cls, deals: Iterable[Deal], stages: Sequence[str],
                   ids: Iterable[int] | None = None,
                   codes: dict[Dimension, dict[str, int]] | None = None) -> DealColumns:
        """Encode Deal objects the way the store's export does.

        ``stages`` is the pipeline order; a deal without a stage is at the first stage. Ids
        come from ``ids``, else each deal's own id, else its position (from 1). ``codes``
        maps names to codes per dimension and is extended with new names: pass the same dict
        to several calls to keep codes stable between them, as the store's lookup ids are.
        """
        columns = cls()
        if codes is None:
            codes = {}
        for dimension in CATEGORICAL:
            codes.setdefault(dimension, {})
        for name in stages:
            table = codes[Dimension.STAGE]
            table.setdefault(name, max(table.values(), default=0) + 1)
        codes[Dimension.CUSTOMER_TYPE].update(CUSTOMER_TYPE_CODES)
        currencies: dict[str, int] = {}
        id_source = iter(ids) if ids is not None else None
        stage_tuple = tuple(stages)
        unpacked: list[dict[str, int]] = []
        for index, deal in enumerate(deals):
            deal_id = next(id_source) if id_source is not None else (
                deal.id if deal.id is not None else index + 1)
            columns.ids.append(deal_id)
            columns.amount.append(NO_AMOUNT if deal.amount is None else deal.amount)
            row = {OUTCOME: OUTCOME_CODES[deal.outcome],
                   FIRST_CONTACT: _ordinal(deal.first_contact),
                   CLOSED_ON: _ordinal(deal.closed_on),
                   CURRENCY: currencies.setdefault(deal.currency, len(currencies))}
            for dimension in CATEGORICAL:
                value = deal_value(deal, dimension, stage_tuple)
                table = codes[dimension]
                if value is not None and value not in table:
                    table[value] = max(table.values(), default=0) + 1
                row[dimension.value] = 0 if value is None else table[value]
            unpacked.append(row)
        for dimension in CATEGORICAL:
            columns.names[dimension] = {code: name for name, code in codes[dimension].items()}
        columns.stage_order = tuple(codes[Dimension.STAGE][name] for name in stage_tuple)
        columns.currencies = tuple(currencies)
        columns.layout = plan_layout(field_widths(
            len(currencies), {d: max(codes[d].values(), default=0) for d in CATEGORICAL}))
        words = [array("q", bytes(8 * len(unpacked)))
                 for _ in range(1 + max((f.word for f in columns.layout), default=-1))]
        for entry in columns.layout:
            target = words[entry.word]
            for i, row in enumerate(unpacked):
                target[i] |= row[entry.name] << entry.shift
        columns.words = tuple(words)
        return columns


@dataclass(frozen=True, slots=True)
class DealFacts:
    """One decoded row of DealColumns."""

    id: int
    outcome: Outcome
    first_contact: dt.date | None
    closed_on: dt.date | None
    amount: int | None
    currency: str
    values: Mapping[Dimension, str | None]

    def lookup(self, kind: LookupKind) -> str | None:
        """The value for a lookup list, like Deal.lookup."""
        return self.values[Dimension(kind.value)]


def _ordinal(day: dt.date | None) -> int:
    return NO_DATE if day is None else day.toordinal()


def _date(ordinal: int) -> dt.date | None:
    return None if ordinal == NO_DATE else dt.date.fromordinal(ordinal)
