"""Exporting deals to CSV and XLSX that import back as the same deals.

CSV columns are salesdesk's field names (the plain import preset maps them one to one), plus
the two flags that say whether the customer type was chosen by hand and whether the first
contact was inferred. An XLSX export is for people: its header row is the fields' labels, in
bold and frozen, over columns as wide as their contents need; the importer knows the labels
too, so it imports back the same. Text cells starting with = + - @ TAB or CR are neutralised
(salesdesk.files), numbers stay numbers (amounts in major units), dates stay dates. Files are
written through ``replacing``: a failure leaves the old file or none, never a truncated one.
Rows stream out of SQLite, so a million deals never sit in memory; the row loop breathes
(salesdesk.breathing), so an export in a worker leaves the window responsive.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from salesdesk.breathing import Breather
from salesdesk.domain.deals import Deal, LookupKind
from salesdesk.domain.fields import DEAL_FIELDS, FieldKind
from salesdesk.domain.parsing import format_minor_units
from salesdesk.files import neutralise_cell, replacing
from salesdesk.i18n import translate
from salesdesk.store.connection import file_id as file_id_of
from salesdesk.store.deals import SELECT_DEAL, deal_from_row
from salesdesk.store.errors import StoreError
from salesdesk.store.identity import ExportId
from salesdesk.store.schema import LOOKUP_COLUMNS, LOOKUP_TABLES

_EXPORTED = tuple(f for f in DEAL_FIELDS if f.exported)
EXPORT_COLUMNS: tuple[str, ...] = tuple(f.name for f in _EXPORTED)
# Column widths in characters by kind (the header's length when longer); texts are cut off
# on screen, not in the file.
_XLSX_WIDTHS = {FieldKind.TITLE: 40, FieldKind.TEXT: 30, FieldKind.LOOKUP: 18,
                FieldKind.DATE: 12, FieldKind.AMOUNT: 14, FieldKind.CURRENCY: 9,
                FieldKind.FLAG: 8, FieldKind.OUTCOME: 9, FieldKind.CUSTOMER_TYPE: 9}
FORMATS = ("csv", "xlsx")
NONE_VALUE = "(none)"
PROGRESS_EVERY = 1000
_FILTERABLE = {*(k.value for k in LookupKind), "customer_type", "outcome"}


class ExportCancelled(StoreError):
    """The user cancelled an export: no file was written (one already there is unchanged)."""


def export_format(path: Path) -> str:
    """"csv" or "xlsx" from the file name; raises StoreError for another suffix."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise StoreError(translate("Exporting", "{name}: export to a .csv or .xlsx file."
                                   ).format(name=path.name))
    return suffix


def _where(filters: Mapping[str, Sequence[str]], deal_ids: Iterable[int] | None
           ) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name, values in filters.items():
        if name not in _FILTERABLE:
            raise StoreError(f"Cannot filter an export by {name!r}.")
        named = [v for v in values if v != NONE_VALUE]
        if name in ("customer_type", "outcome"):
            alternatives = [f"d.{name} IN ({','.join('?' * len(named))})"] if named else []
            params.extend(named)
        else:
            kind = LookupKind(name)
            column, table = LOOKUP_COLUMNS[kind], LOOKUP_TABLES[kind]
            alternatives = [f"d.{column} IN (SELECT id FROM {table} WHERE name COLLATE NOCASE"
                            f" IN ({','.join('?' * len(named))}))"] if named else []
            params.extend(named)
            if len(named) < len(values):
                alternatives.append(f"d.{column} IS NULL")
        clauses.append("(" + " OR ".join(alternatives or ["0"]) + ")")
    if deal_ids is not None:
        ids = sorted({int(i) for i in deal_ids})
        clauses.append(f"d.id IN ({','.join(map(str, ids))})" if ids else "0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _deals(db: Database, where: str, params: list[Any]) -> Iterator[Deal]:
    cursor = db.conn.execute(f"{SELECT_DEAL}{where} ORDER BY d.id", params)
    names = [c[0] for c in cursor.description]
    for values in cursor:
        yield deal_from_row(dict(zip(names, values, strict=True)))


def _watched(deals: Iterator[Deal], total: int, progress: Callable[[int, int], None] | None,
             cancelled: Callable[[], bool] | None) -> Iterator[Deal]:
    """``deals``, reporting progress and stopping when cancelled every PROGRESS_EVERY deals
    (raised inside the writer, so ``replacing`` removes the partial file), and letting the
    GUI thread run now and then while the writer turns each deal into a row."""
    breathe = Breather()
    for count, deal in enumerate(deals, start=1):
        yield deal
        breathe()
        if count % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled(translate(
                    "Exporting", "The export was cancelled; no file was written."))
            if progress is not None:
                progress(count, total)


def _amount(deal: Deal, digits: Mapping[str, int]) -> Decimal | None:
    if deal.amount is None:
        return None
    return Decimal(format_minor_units(deal.amount, digits.get(deal.currency, 2)))


def _cells(deal: Deal, digits: Mapping[str, int], file_id: str | None) -> list[Any]:
    """A deal's cells in EXPORT_COLUMNS order: text, Decimal amounts, dates, yes/no flags;
    a deal without an external id carries its own (identity.ExportId)."""
    cells: list[Any] = []
    for exported in _EXPORTED:
        value = getattr(deal, exported.name)
        if exported.name == "external_id" and not value and file_id and deal.id is not None:
            value = str(ExportId(file_id, deal.id, deal.created_at or ""))
        elif exported.kind is FieldKind.AMOUNT:
            value = _amount(deal, digits)
        elif exported.kind is FieldKind.FLAG:
            value = "yes" if value else "no"
        elif exported.kind in (FieldKind.OUTCOME, FieldKind.CUSTOMER_TYPE):
            value = value.value
        cells.append(value)
    return cells


def export_deals(db: Database, destination: Path, currency_digits: Mapping[str, int], *,
                 filters: Mapping[str, Sequence[str]] | None = None,
                 deal_ids: Iterable[int] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> int:
    """Write the deals (all, those matching ``filters`` — field → values, OR'ed within a
    field, AND'ed across — or the given ids) to ``destination`` (.csv or .xlsx); return how
    many were written.

    ``progress(done, total)`` is called every thousand deals; when ``cancelled()`` returns
    True the export stops with ExportCancelled and no file is written.
    """
    kind = export_format(destination)
    where, params = _where(filters or {}, deal_ids)
    total = (db.conn.execute(f"SELECT COUNT(*) FROM deals d{where}", params).fetchone()[0]
             if progress is not None else 0)
    file_id = file_id_of(db)
    rows = (_cells(deal, currency_digits, file_id)
            for deal in _watched(_deals(db, where, params), total, progress, cancelled))
    with replacing(destination, prefix=".salesdesk-export-") as temp:
        if kind == "csv":
            return _write_csv(temp, rows)
        return _write_xlsx(temp, rows)


def _write_csv(path: Path, rows: Iterator[list[Any]]) -> int:
    count = 0
    # utf-8-sig: Excel reads the characters right; the importer skips the BOM.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EXPORT_COLUMNS)
        for cells in rows:
            writer.writerow([_csv_cell(v) for v in cells])
            count += 1
    return count


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return neutralise_cell(str(value))


def _write_xlsx(path: Path, rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Deals")
    # A write-only sheet takes its layout before its first row.
    sheet.freeze_panes = "A2"
    header: list[Any] = []
    for number, exported in enumerate(_EXPORTED, start=1):
        width = max(_XLSX_WIDTHS.get(exported.kind, 12), len(exported.label) + 2)
        sheet.column_dimensions[get_column_letter(number)].width = width
        cell = WriteOnlyCell(sheet, value=exported.label)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    try:
        count = _append_rows(sheet, rows)
    except BaseException:
        # Finish openpyxl's half-written sheet file (it removes it at exit); left open, its
        # writer would fail later, whenever it is garbage-collected.
        sheet.close()
        raise
    try:
        workbook.save(path)
    except ValueError as exc:
        # A full disk breaks openpyxl's zip writer; its clean-up then fails on the closed
        # file, and that ValueError hides the OSError that says why.
        cause = exc.__context__
        while cause is not None and not isinstance(cause, OSError):
            cause = cause.__context__
        if cause is None:
            raise
        raise cause from exc
    return count


def _append_rows(sheet: Any, rows: Iterator[list[Any]]) -> int:
    from openpyxl.cell import WriteOnlyCell

    count = 0
    for cells in rows:
        row: list[Any] = []
        for value in cells:
            if isinstance(value, dt.date):
                # openpyxl writes dates (its stubs name only datetime).
                cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
                cell.number_format = "yyyy-mm-dd"
                row.append(cell)
            elif isinstance(value, Decimal):
                row.append(int(value) if value == value.to_integral_value() else float(value))
            elif isinstance(value, str):
                # Neutralised text never starts with "=", so openpyxl never writes a formula.
                row.append(neutralise_cell(value))
            else:
                row.append(value)
        sheet.append(row)
        count += 1
    return count
