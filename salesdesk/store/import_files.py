"""Reading the files an import starts from: CSV in any common dialect and encoding, and XLSX.

A source yields its header and then each data row as a list of cell texts with its row number
(the header is row 1, as a spreadsheet shows it), streaming: a file is never loaded whole.
Everything that makes a file unreadable as a whole (empty, binary, undecodable, a damaged
workbook) raises UnreadableFile with a message for the user before any row is read.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

from salesdesk.files import restore_cell
from salesdesk.store.errors import StoreError

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1250", "latin-1")
DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_BYTES = 64 * 1024
_CHUNK = 1 << 20
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
# A workbook part that unpacks to more than this many times its packed size, past a size no
# real spreadsheet part needs to compress that well, is a zip bomb: a 1.5 MB file whose sheet
# unpacks to 1.5 GB once took openpyxl 1.6 GB of memory. Spreadsheet XML packs 5-30 times.
_MAX_RATIO = 100
_RATIO_FROM_BYTES = 50 * 1024 * 1024
_MAX_UNPACKED_BYTES = 4 * 1024**3


class UnreadableFile(StoreError):
    """The file cannot be read at all; nothing was imported."""


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """Choices that override detection: encoding, delimiter, sheet (None: detect)."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


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
            return f"XLSX, sheet {self.sheet!r}"
        names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
        return f"CSV, {self.encoding}, {names.get(self.delimiter or ',', self.delimiter)}"


class Source:
    """An open file to import from; use as a context manager (it holds a file handle)."""

    def __init__(self, path: Path, info: SourceInfo, headers: list[str]) -> None:
        self.path = path
        self.info = info
        self.headers = headers
        self._handle: TextIO | None = None
        self._workbook: Any = None
        self._size = max(1, path.stat().st_size)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Each data row after the header, with its row number (the header is row 1)."""
        self.close()
        if self.info.kind == "xlsx":
            yield from self._xlsx_rows()
        else:
            yield from self._csv_rows()

    def fraction(self, row_number: int) -> float:
        """How far the reading is, 0..1 (by bytes for CSV, by rows for XLSX)."""
        if self._handle is not None:
            try:
                return min(1.0, self._handle.buffer.tell() / self._size)
            except (AttributeError, ValueError, OSError):
                return 0.0
        if self._workbook is not None:
            total = self._workbook_rows
            return min(1.0, row_number / total) if total else 0.0
        return 0.0

    def _csv_rows(self) -> Iterator[tuple[int, list[str]]]:
        assert self.info.encoding is not None and self.info.delimiter is not None
        self._handle = open_text(self.path, self.info.encoding)
        reader = csv.reader(self._handle, delimiter=self.info.delimiter, quotechar='"',
                            doublequote=True, strict=False)
        number = 1
        try:
            next(reader, None)
            for row in reader:
                number += 1
                # Most rows have no neutralised cell: test cheaply before restoring each.
                if any(c[:1] == "'" for c in row):
                    row = [restore_cell(c) for c in row]
                yield number, row
        except (UnicodeDecodeError, csv.Error) as exc:
            raise UnreadableFile(
                f"{self.path.name} cannot be read after row {number}: {exc}. Nothing was"
                " imported; choose another encoding or check the file.") from exc
        finally:
            self.close()

    def _xlsx_rows(self) -> Iterator[tuple[int, list[str]]]:
        workbook, sheet = _open_sheet(self.path, self.info.sheet)
        self._workbook = workbook
        self._workbook_rows = sheet.max_row or 0
        try:
            rows = sheet.iter_rows(values_only=True)
            next(rows, None)
            for number, values in enumerate(rows, start=2):
                yield number, [cell_text(v) for v in _trim(values)]
        except UnreadableFile:
            raise
        except Exception as exc:
            raise UnreadableFile(f"{self.path.name} is a damaged workbook: {exc}.") from exc
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


def open_text(path: Path, encoding: str) -> TextIO:
    """``path`` as text in ``encoding``, universal newlines left to the csv module."""
    return path.open("r", encoding=encoding, errors="strict", newline="")


def _size(count: int) -> str:
    return f"{count / 1024**3:.1f} GB" if count >= 1024**3 else f"{count / 1024**2:.1f} MB"


def check_workbook_sizes(path: Path) -> None:
    """Refuse (UnreadableFile) a workbook whose parts would unpack to sizes no spreadsheet
    program writes, reading only the zip's directory, before openpyxl unpacks anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise UnreadableFile(f"{path.name} is not a readable XLSX workbook: {exc}.") from exc
    total = sum(part.file_size for part in parts)
    for part in parts:
        if (part.file_size > _RATIO_FROM_BYTES
                and part.file_size > _MAX_RATIO * max(1, part.compress_size)):
            raise UnreadableFile(
                f"{path.name} cannot be read safely: its part {part.filename!r} would unpack"
                f" to {_size(part.file_size)} from {_size(part.compress_size)}, which no"
                " spreadsheet program writes (the file is damaged or made to exhaust"
                " memory). Nothing was imported.")
    if total > _MAX_UNPACKED_BYTES:
        raise UnreadableFile(f"{path.name} would unpack to {_size(total)}, more than salesdesk"
                             " reads from one workbook. Nothing was imported; save the deals"
                             " as CSV instead.")


def _open_sheet(path: Path, sheet: str | None) -> tuple[Any, Any]:
    import openpyxl

    check_workbook_sizes(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise UnreadableFile(f"{path.name} is not a readable XLSX workbook: {exc}.") from exc
    try:
        if sheet is None:
            return workbook, workbook.worksheets[0]
        if sheet not in workbook.sheetnames:
            raise UnreadableFile(f"{path.name} has no sheet {sheet!r}; it has "
                                 + ", ".join(map(repr, workbook.sheetnames)) + ".")
        return workbook, workbook[sheet]
    except BaseException:
        workbook.close()
        raise


def detect_encoding(path: Path) -> str:
    """The encoding of a text file: a BOM, else UTF-16 by its zero bytes, else UTF-8 when the
    whole file decodes as such, else Windows-1252 (Excel's default), else a detector's guess.

    Raises UnreadableFile for an empty or binary file.
    """
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE_BYTES)
        if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
            raise UnreadableFile(f"{path.name} is empty: there is nothing to import.")
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        even, odd = head[0::2], head[1::2]
        if len(head) >= 4 and odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if len(head) >= 4 and even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
        if b"\x00" in head or head.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
            raise UnreadableFile(f"{path.name} is a binary file, not CSV text.")
        handle.seek(0)
        if _decodes(handle, "utf-8"):
            return "utf-8"
        for encoding in ("cp1252",):
            handle.seek(0)
            if _decodes(handle, encoding):
                return encoding
    from charset_normalizer import from_path

    best = from_path(path).best()
    if best is None:
        raise UnreadableFile(f"{path.name} is not text in any encoding salesdesk knows.")
    return str(best.encoding)


def _decodes(handle: IO[bytes], encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV sample: the candidate that splits the header into the most
    columns while the following lines have as many (quotes and quoted newlines respected)."""
    best, best_score = ",", (0, 0)
    lines = sample if sample.endswith(("\n", "\r")) else sample.rsplit("\n", 1)[0]
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(lines), delimiter=delimiter, quotechar='"'))[:50]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        consistent = sum(1 for row in rows[1:] if len(row) == width or not any(row))
        score = (consistent + 1 if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _is_workbook(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == _ZIP_MAGIC


def open_source(path: Path, options: SourceOptions = SourceOptions()) -> Source:
    """Open ``path`` for import: detect CSV or XLSX, its encoding, delimiter or sheet (unless
    given in ``options``) and read the header. Raises UnreadableFile."""
    try:
        if not path.is_file():
            raise UnreadableFile(f"{path} is not a file.")
        if path.stat().st_size == 0:
            raise UnreadableFile(f"{path.name} is empty: there is nothing to import.")
        if _is_workbook(path):
            return _open_xlsx(path, options)
        return _open_csv(path, options)
    except OSError as exc:
        raise UnreadableFile(f"{path.name} cannot be read: {exc.strerror or exc}.") from exc


def _open_xlsx(path: Path, options: SourceOptions) -> Source:
    workbook, sheet = _open_sheet(path, options.sheet)
    try:
        names = tuple(workbook.sheetnames)
        first = next(sheet.iter_rows(values_only=True), None)
    except Exception as exc:
        raise UnreadableFile(f"{path.name} is a damaged workbook: {exc}.") from exc
    finally:
        workbook.close()
    headers = [cell_text(v).strip() for v in _trim(first or ())]
    if not any(headers):
        raise UnreadableFile(f"The sheet {sheet.title!r} of {path.name} is empty.")
    return Source(path, SourceInfo("xlsx", sheet=sheet.title, sheets=names), headers)


def _open_csv(path: Path, options: SourceOptions) -> Source:
    encoding = options.encoding or detect_encoding(path)
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise UnreadableFile(f"Unknown encoding {encoding!r}.") from exc
    try:
        with open_text(path, encoding) as handle:
            sample = handle.read(_SAMPLE_BYTES)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{path.name} is not {encoding} text: {exc}.") from exc
    sample = sample.lstrip("\ufeff")
    if not sample.strip():
        raise UnreadableFile(f"{path.name} is empty: there is nothing to import.")
    if _looks_binary(sample):
        raise UnreadableFile(f"{path.name} is a binary file, not CSV text.")
    delimiter = options.delimiter or sniff_delimiter(sample)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        header = next(csv.reader(io.StringIO(sample), delimiter=delimiter, quotechar='"'), [])
    except csv.Error as exc:
        raise UnreadableFile(f"{path.name} has no readable header line: {exc}.") from exc
    headers = [restore_cell(h).lstrip("\ufeff").strip() for h in header]
    if not any(headers):
        raise UnreadableFile(f"{path.name} has no header line naming its columns.")
    return Source(path, SourceInfo("csv", encoding=encoding, delimiter=delimiter), headers)


def _looks_binary(sample: str) -> bool:
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\r\n\f")
    return "\x00" in sample or controls > max(2, len(sample) // 100)

