"""Reading NPS survey responses from a file's rows (pure logic; the store reads the file).

Fields: date, score, segment, product, client, comment. A column is recognised by its header
(the field's name or a synonym, ignoring case); ``--map FIELD=COLUMN`` overrides that. A row
becomes a :class:`~salesdesk.domain.nps.Response` or is rejected with its reasons (a score
outside 0–10, no date, a segment that is neither B2C nor B2B, …); blank rows are skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from salesdesk.domain.importing import DateOrder, Problem, Rejected, Skipped, parse_import_date
from salesdesk.domain.nps import Response, ResponseDraft, check_response
from salesdesk.domain.parsing import ParseError
from salesdesk.i18n import translate

NPS_FIELDS = ("date", "score", "segment", "product", "client", "comment")
REQUIRED_FIELDS = ("date", "score", "segment")
SYNONYMS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "date": ("answered on", "answered", "survey date", "response date", "date answered",
             "submitted", "submitted at", "datum", "dátum"),
    "score": ("nps", "nps score", "rating", "recommend", "likelihood to recommend",
              "how likely", "pont", "pontszám", "bewertung"),
    "segment": ("b2b/b2c", "b2c/b2b", "customer segment", "market", "szegmens"),
    "product": ("product name", "item", "service", "produkt", "termék"),
    "client": ("customer", "company", "client name", "customer name", "account", "kunde",
               "ügyfél", "cég"),
    "comment": ("comments", "feedback", "answer", "remark", "remarks", "earn a 10",
                "what should we do next time to earn a 10?", "what should we do next time",
                "note", "notes", "megjegyzés", "kommentar"),
})


def _normal(text: str) -> str:
    return " ".join(text.replace("_", " ").casefold().split())


def detect_nps_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Field → column for the columns whose headers name a field (its name first, then a
    synonym); each column feeds one field at most."""
    by_name = {_normal(h): h for h in reversed(headers) if h.strip()}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field in NPS_FIELDS:
        for name in (field, *SYNONYMS[field]):
            header = by_name.get(_normal(name))
            if header is not None and header not in used:
                mapping[field] = header
                used.add(header)
                break
    return mapping


def apply_maps(mapping: Mapping[str, str], items: Iterable[str], headers: Sequence[str]
               ) -> dict[str, str]:
    """``mapping`` with ``FIELD=COLUMN`` items applied (``FIELD=`` unmaps it); ValueError naming
    the wrong item. A column given to a field no longer feeds the field it was detected for
    (a survey's "Note" column mapped to the score is not also the comment); fields the items
    name keep the columns they give."""
    result = dict(mapping)
    chosen: set[str] = set()
    for item in items:
        field, equals, column = item.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not equals:
            raise ValueError(f"--map {item!r}: write it as FIELD=COLUMN.")
        if field not in NPS_FIELDS:
            raise ValueError(f"--map {item!r}: unknown field {field!r}; NPS fields are "
                             + ", ".join(NPS_FIELDS) + ".")
        chosen.add(field)
        if not column:
            result.pop(field, None)
            continue
        if column not in headers:
            raise ValueError(f"--map {item!r}: the file has no column {column!r}; its columns"
                             " are " + ", ".join(map(repr, headers)) + ".")
        result = {other: used for other, used in result.items()
                  if used != column or other in chosen}
        result[field] = column
    return result


def missing_fields(mapping: Mapping[str, str]) -> list[str]:
    """The required fields no column feeds."""
    return [f for f in REQUIRED_FIELDS if f not in mapping]


class NpsRowConverter:
    """Turns rows (cell texts in header order) into responses."""

    def __init__(self, headers: Sequence[str], mapping: Mapping[str, str],
                 date_order: DateOrder | None = None, date_format: str | None = None,
                 today: dt.date | None = None) -> None:
        self._index = {field: headers.index(column) for field, column in mapping.items()}
        self._columns = dict(mapping)
        self._order = date_order
        self._format = date_format
        self._today = today

    def _cell(self, cells: Sequence[str], field: str) -> str:
        index = self._index.get(field)
        if index is None or index >= len(cells):
            return ""
        return cells[index]

    def convert(self, cells: Sequence[str]) -> Response | Rejected | Skipped:
        """A response, the reasons the row is rejected, or a blank row skipped."""
        if not any(cell.strip() for cell in cells):
            return Skipped(translate("NpsImport", "blank row"))
        problems: list[Problem] = []
        answered_on: dt.date | None = None
        try:
            answered_on = parse_import_date(self._cell(cells, "date"), self._order,
                                            self._format)
        except ParseError as exc:
            problems.append(Problem(self._columns.get("date", "date"), str(exc)))
        draft = ResponseDraft(**{field: self._cell(cells, field) for field in NPS_FIELDS
                                 if field != "date"}, answered_on="")
        response, errors = check_response(draft, answered_on, today=self._today)
        if problems:
            errors.pop("date", None)
        for field, message in errors.items():
            problems.append(Problem(self._columns.get(field, field), message))
        if problems or response is None:
            return Rejected(tuple(problems))
        return response
