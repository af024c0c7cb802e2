"""Reading the files an import starts from: CSV in any common dialect and encoding, and XLSX.

A source yields its header and then each data row as a list of cell texts with its row number
(the header is row 1, as a spreadsheet shows it; without a header row the first data row is
row 1 and the columns are "column 1" … "column n"), streaming: a file is never loaded whole.
Everything that makes a file unreadable as a whole (empty, binary, undecodable, a damaged
workbook) raises UnreadableFile with a message for the user before any row is read.

What is wrong with single lines of a CSV is found while reading it and said in ``notes``: a
file that is UTF-8 except for some Windows-1252 lines is read line by line in the encoding
each line is in (``MIXED_ENCODING``), a byte-order mark inside the file (two files joined) is
removed, and a row whose field runs over the following lines (a quote not closed) is listed
in ``broken`` with the reason it must be rejected rather than imported with the swallowed
rows in one of its fields.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from salesdesk.domain.importing import numbered_headers
from salesdesk.files import restore_cell
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store.csv_text import (
    MIXED_ENCODING,
    SAMPLE_BYTES,
    ZIP_MAGIC,
    detect_encoding,
    looks_binary,
    mixed_lines,
    open_text,
    sniff_delimiter,
)
from salesdesk.store.errors import UnreadableFile

# A field that runs over more lines than this is a quote left open, not a long note; so is
# one whose lines after the first hold a row's worth of delimiters.
MAX_FIELD_LINES = 50
_LISTED = 10  # row or line numbers a note lists before "…"
# How the summary names a delimiter; shown through translate("ImportFiles", name).
DELIMITER_NAMES = {",": QT_TRANSLATE_NOOP("ImportFiles", "comma"),
                   ";": QT_TRANSLATE_NOOP("ImportFiles", "semicolon"),
                   "\t": QT_TRANSLATE_NOOP("ImportFiles", "tab"),
                   "|": QT_TRANSLATE_NOOP("ImportFiles", "bar")}
_WIDTH_ROWS = 100  # the rows a headerless file's number of columns is taken from
# A workbook part that unpacks to more than this many times its packed size, past a size no
# real spreadsheet part needs to compress that well, is a zip bomb: a 1.5 MB file whose sheet
# unpacks to 1.5 GB once took openpyxl 1.6 GB of memory. Spreadsheet XML packs 5-30 times.
_MAX_RATIO = 100
_RATIO_FROM_BYTES = 50 * 1024 * 1024
_MAX_UNPACKED_BYTES = 4 * 1024**3


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """Choices that override detection: encoding, delimiter, sheet (None: detect), and
    ``no_header``: the first row is data, the columns are "column 1" … "column n"."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    no_header: bool = False


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What was detected or chosen about a file."""

    kind: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()

    def describe(self) -> str:
        """A phrase for the summary: "CSV, UTF-8, delimiter ';'" or "XLSX, sheet 'Deals'"."""
        if self.kind == "xlsx":
            return translate("ImportFiles", "XLSX, sheet {sheet}").format(sheet=repr(self.sheet))
        delimiter = self.delimiter or ","
        name = DELIMITER_NAMES.get(delimiter)
        return f"CSV, {self.encoding}, {translate('ImportFiles', name) if name else delimiter}"


class Source:
    """An open file to import from; use as a context manager (it holds a file handle).

    After (or while) ``rows`` reads the file, ``broken`` maps the row numbers that must be
    rejected to the reason, and ``notes()`` says what was found in the lines read.
    """

    def __init__(self, path: Path, info: SourceInfo, headers: list[str], *,
                 no_header: bool = False) -> None:
        self.path = path
        self.info = info
        self.headers = headers
        self.no_header = no_header
        self.broken: dict[int, str] = {}
        self._handle: IO[Any] | None = None
        self._workbook: Any = None
        self._size = max(1, path.stat().st_size)
        self._bom_lines: list[int] = []
        self._other_encoding_lines: list[int] = []
        self._apostrophe = False  # a line read since the last row holds one

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Each data row with its row number (the header, when there is one, is row 1)."""
        self.close()
        # Cleared, not replaced: a reader may hold on to them.
        self.broken.clear()
        self._bom_lines.clear()
        self._other_encoding_lines.clear()
        if self.info.kind == "xlsx":
            yield from self._xlsx_rows()
        else:
            yield from self._csv_rows()

    def notes(self) -> list[str]:
        """What the lines read so far hold that the summary should say."""
        notes = []
        if self._other_encoding_lines:
            lines = self._other_encoding_lines
            notes.append((translate(
                "ImportFiles", "Lines {lines} of {name} are not UTF-8 like the rest of the file:"
                " read as Windows-1252. Check their accented letters.") if len(lines) > 1 else
                translate("ImportFiles", "Line {lines} of {name} is not UTF-8 like the rest of"
                          " the file: read as Windows-1252. Check its accented letters.")
            ).format(lines=_numbers(lines), name=self.path.name))
        if self._bom_lines:
            notes.append((translate(
                "ImportFiles", "A byte-order mark inside the file (lines {lines}) was removed:"
                " were two files joined into one?") if len(self._bom_lines) > 1 else translate(
                "ImportFiles", "A byte-order mark inside the file (line {lines}) was removed:"
                " were two files joined into one?")).format(lines=_numbers(self._bom_lines)))
        if self.broken:
            notes.append((translate(
                "ImportFiles", "A quote is not closed in rows {rows}: the field runs over the"
                " following lines, which were not imported as rows; the row is in the"
                " rejected-rows file. Close the quote and import those lines again.")
                if len(self.broken) > 1 else translate(
                "ImportFiles", "A quote is not closed in row {rows}: the field runs over the"
                " following lines, which were not imported as rows; the row is in the"
                " rejected-rows file. Close the quote and import those lines again.")
            ).format(rows=_numbers(sorted(self.broken))))
        return notes

    def fraction(self, row_number: int) -> float:
        """How far the reading is, 0..1 (by bytes for CSV, by rows for XLSX)."""
        if self._handle is not None:
            handle: IO[bytes] = getattr(self._handle, "buffer", self._handle)
            try:
                return min(1.0, handle.tell() / self._size)
            except (ValueError, OSError):
                return 0.0
        if self._workbook is not None:
            total = self._workbook_rows
            return min(1.0, row_number / total) if total else 0.0
        return 0.0

    def _lines(self) -> Iterator[str]:
        """The file's lines as text, a byte-order mark inside the file removed (and noted);
        a mixed file's lines each in its own encoding."""
        assert self.info.encoding is not None
        if self.info.encoding == MIXED_ENCODING:
            self._handle = self.path.open("rb")
            lines: Iterator[str] = mixed_lines(self._handle, self._other_encoding_lines)
        else:
            self._handle = open_text(self.path, self.info.encoding)
            lines = iter(self._handle)
        for number, line in enumerate(lines, start=1):
            if "'" in line:
                self._apostrophe = True
            if "\ufeff" in line:
                if number > 1 or not line.startswith("\ufeff"):
                    self._bom_lines.append(number)
                line = line.replace("\ufeff", "")
            yield line

    def _csv_rows(self) -> Iterator[tuple[int, list[str]]]:
        assert self.info.delimiter is not None
        reader = csv.reader(self._lines(), delimiter=self.info.delimiter, quotechar='"',
                            doublequote=True, strict=False)
        number = 0 if self.no_header else 1
        line = 0
        try:
            if not self.no_header:
                next(reader, None)
                line = reader.line_num
            for row in reader:
                number += 1
                if reader.line_num > line + 1:  # a field holds line breaks
                    self._check_swallowed(number, row)
                line = reader.line_num
                # Most rows have no neutralised cell: their lines hold no apostrophe.
                if self._apostrophe:
                    self._apostrophe = False
                    if any(c[:1] == "'" for c in row):
                        row = [restore_cell(c) for c in row]
                yield number, row
        except (UnicodeDecodeError, csv.Error) as exc:
            raise UnreadableFile(translate(
                "Source", "{name} cannot be read after row {row}: {error}. Nothing was"
                " imported; choose another encoding or check the file.").format(
                    name=self.path.name, row=number, error=exc)) from exc
        finally:
            self.close()

    def _check_swallowed(self, number: int, row: list[str]) -> None:
        """Mark the row broken when one of its fields ran over lines that look like rows of
        the file, or over more lines than a note has."""
        delimiter = self.info.delimiter or ","
        enough = max(2, len(self.headers) - 1)
        for cell in row:
            lines = cell.splitlines()
            if len(lines) > MAX_FIELD_LINES or any(
                    line.count(delimiter) >= enough for line in lines[1:]):
                if len(lines) > 2:
                    reason = translate(
                        "Source", "A quote is not closed: a field runs over {count} more lines,"
                        " which look like rows of the file; close the quote and import them"
                        " again.")
                else:
                    reason = translate(
                        "Source", "A quote is not closed: a field runs over {count} more line,"
                        " which look like rows of the file; close the quote and import them"
                        " again.")
                self.broken[number] = reason.format(count=len(lines) - 1)
                return

    def _xlsx_rows(self) -> Iterator[tuple[int, list[str]]]:
        workbook, sheet = _open_sheet(self.path, self.info.sheet)
        self._workbook = workbook
        self._workbook_rows = sheet.max_row or 0
        try:
            rows = sheet.iter_rows(values_only=True)
            if not self.no_header:
                next(rows, None)
            for number, values in enumerate(rows, start=1 if self.no_header else 2):
                yield number, [cell_text(v) for v in _trim(values)]
        except UnreadableFile:
            raise
        except Exception as exc:
            raise UnreadableFile(translate("Source", "{name} is a damaged workbook: {error}."
                                           ).format(name=self.path.name, error=exc)) from exc
        finally:
            self.close()

    def close(self) -> None:
        """Release the file."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:_LISTED]))
    if len(numbers) <= _LISTED:
        return shown
    return translate("ImportFiles", "{numbers} and {count} more").format(
        numbers=shown, count=len(numbers) - _LISTED)


def _trim(values: tuple[Any, ...]) -> tuple[Any, ...]:
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return values[:end]


def cell_text(value: Any) -> str:
    """A workbook cell as the text the importer reads: dates as ISO (times dropped), numbers
    without float noise, text with a neutralising apostrophe removed."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.10f}".rstrip("0").rstrip(".")
    return restore_cell(str(value))


def _size(count: int) -> str:
    return f"{count / 1024**3:.1f} GB" if count >= 1024**3 else f"{count / 1024**2:.1f} MB"


def check_workbook_sizes(path: Path) -> None:
    """Refuse (UnreadableFile) a workbook whose parts would unpack to sizes no spreadsheet
    program writes, reading only the zip's directory, before openpyxl unpacks anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise _not_a_workbook(path, exc) from exc
    total = sum(part.file_size for part in parts)
    for part in parts:
        if (part.file_size > _RATIO_FROM_BYTES
                and part.file_size > _MAX_RATIO * max(1, part.compress_size)):
            raise UnreadableFile(translate(
                "ImportFiles", "{name} cannot be read safely: its part {part} would unpack to"
                " {size} from {packed}, which no spreadsheet program writes (the file is"
                " damaged or made to exhaust memory). Nothing was imported.").format(
                    name=path.name, part=repr(part.filename), size=_size(part.file_size),
                    packed=_size(part.compress_size)))
    if total > _MAX_UNPACKED_BYTES:
        raise UnreadableFile(translate(
            "ImportFiles", "{name} would unpack to {size}, more than salesdesk reads from one"
            " workbook. Nothing was imported; save the deals as CSV instead.").format(
                name=path.name, size=_size(total)))


def _not_a_workbook(path: Path, error: Exception) -> UnreadableFile:
    return UnreadableFile(translate(
        "ImportFiles", "{name} is not a readable XLSX workbook: {error}.").format(
            name=path.name, error=error))


def _open_sheet(path: Path, sheet: str | None) -> tuple[Any, Any]:
    import openpyxl

    check_workbook_sizes(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise _not_a_workbook(path, exc) from exc
    try:
        if sheet is None:
            return workbook, workbook.worksheets[0]
        if sheet not in workbook.sheetnames:
            raise UnreadableFile(translate(
                "ImportFiles", "{name} has no sheet {sheet}; it has {sheets}.").format(
                    name=path.name, sheet=repr(sheet),
                    sheets=", ".join(map(repr, workbook.sheetnames))))
        return workbook, workbook[sheet]
    except BaseException:
        workbook.close()
        raise


def _is_workbook(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == ZIP_MAGIC


def open_source(path: Path, options: SourceOptions = SourceOptions()) -> Source:
    """Open ``path`` for import: detect CSV or XLSX, its encoding, delimiter or sheet (unless
    given in ``options``) and read the header. Raises UnreadableFile."""
    try:
        if not path.is_file():
            raise UnreadableFile(translate("ImportFiles", "{path} is not a file.").format(
                path=path))
        if path.stat().st_size == 0:
            raise _empty(path)
        if _is_workbook(path):
            return _open_xlsx(path, options)
        return _open_csv(path, options)
    except OSError as exc:
        raise UnreadableFile(translate("ImportFiles", "{name} cannot be read: {error}.").format(
            name=path.name, error=exc.strerror or exc)) from exc


def _empty(path: Path) -> UnreadableFile:
    return UnreadableFile(translate(
        "ImportFiles", "{name} is empty: there is nothing to import.").format(name=path.name))


def _open_xlsx(path: Path, options: SourceOptions) -> Source:
    workbook, sheet = _open_sheet(path, options.sheet)
    try:
        names = tuple(workbook.sheetnames)
        first = next(sheet.iter_rows(values_only=True), None)
        width = sheet.max_column or 0
    except Exception as exc:
        raise UnreadableFile(translate("ImportFiles", "{name} is a damaged workbook: {error}."
                                       ).format(name=path.name, error=exc)) from exc
    finally:
        workbook.close()
    headers = [cell_text(v).strip() for v in _trim(first or ())]
    if not any(headers):
        raise UnreadableFile(translate("ImportFiles", "The sheet {sheet} of {name} is empty."
                                       ).format(sheet=repr(sheet.title), name=path.name))
    if options.no_header:
        headers = numbered_headers(max(width, len(headers)))
    return Source(path, SourceInfo("xlsx", sheet=sheet.title, sheets=names), headers,
                  no_header=options.no_header)


def _open_csv(path: Path, options: SourceOptions) -> Source:
    encoding = options.encoding or detect_encoding(path)
    try:
        if encoding == MIXED_ENCODING:
            with path.open("rb") as binary:
                head = io.BytesIO(binary.read(SAMPLE_BYTES))
            sample = "".join(mixed_lines(head, []))
        else:
            codecs.lookup(encoding)
            with open_text(path, encoding) as handle:
                sample = handle.read(SAMPLE_BYTES)
    except LookupError as exc:
        raise UnreadableFile(translate("ImportFiles", "Unknown encoding {encoding}.").format(
            encoding=repr(encoding))) from exc
    except UnicodeDecodeError as exc:
        raise UnreadableFile(translate("ImportFiles", "{name} is not {encoding} text: {error}."
                                       ).format(name=path.name, encoding=encoding,
                                                error=exc)) from exc
    sample = sample.lstrip("\ufeff")
    if not sample.strip():
        raise _empty(path)
    if looks_binary(sample):
        raise UnreadableFile(translate("ImportFiles", "{name} is a binary file, not CSV text."
                                       ).format(name=path.name))
    delimiter = options.delimiter or sniff_delimiter(sample)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        first = list(itertools.islice(csv.reader(io.StringIO(sample), delimiter=delimiter,
                                                 quotechar='"'), _WIDTH_ROWS))
    except csv.Error as exc:
        raise UnreadableFile(translate("ImportFiles", "{name} has no readable header line:"
                                       " {error}.").format(name=path.name, error=exc)) from exc
    info = SourceInfo("csv", encoding=encoding, delimiter=delimiter)
    if options.no_header:
        width = max((len(row) for row in first), default=0)
        return Source(path, info, numbered_headers(width), no_header=True)
    headers = [restore_cell(h).lstrip("\ufeff").strip() for h in (first[0] if first else [])]
    if not any(headers):
        raise UnreadableFile(translate("ImportFiles", "{name} has no header line naming its"
                                       " columns.").format(name=path.name))
    return Source(path, info, headers)
