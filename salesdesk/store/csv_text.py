"""What a CSV file is written in: its encoding (also a file that is UTF-8 but for some
Windows-1252 lines, read line by line) and its delimiter."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TextIO

from salesdesk.i18n import translate
from salesdesk.store.errors import UnreadableFile

MIXED_ENCODING = "utf-8, else cp1252 per line"
"""The encoding of a file that is UTF-8 except for some Windows-1252 lines."""
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1250", "latin-1", MIXED_ENCODING)
DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 64 * 1024
"""How much of a file its encoding and delimiter are told from."""
ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_CHUNK = 1 << 20


def open_text(path: Path, encoding: str) -> TextIO:
    """``path`` as text in ``encoding``, universal newlines left to the csv module."""
    return path.open("r", encoding=encoding, errors="strict", newline="")


def mixed_lines(handle: IO[bytes], other: list[int]) -> Iterator[str]:
    """Each line decoded as UTF-8 when it is, else as Windows-1252 (its number added to
    ``other``)."""
    for number, raw in enumerate(handle, start=1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
            try:
                yield raw.decode("cp1252")
            except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
                yield raw.decode("latin-1")


def detect_encoding(path: Path) -> str:
    """The encoding of a text file: a BOM, else UTF-16 by its zero bytes, else UTF-8 when the
    whole file decodes as such, else Windows-1252 (Excel's default), else a detector's guess.

    Raises UnreadableFile for an empty or binary file.
    """
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
        if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
            raise UnreadableFile(translate(
                "CsvText", "{name} is empty: there is nothing to import.").format(name=path.name))
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        even, odd = head[0::2], head[1::2]
        if len(head) >= 4 and odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if len(head) >= 4 and even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
        if b"\x00" in head or head.startswith((ZIP_MAGIC, _OLE_MAGIC)):
            raise UnreadableFile(translate(
                "CsvText", "{name} is a binary file, not CSV text.").format(name=path.name))
        handle.seek(0)
        if _decodes(handle, "utf-8"):
            return "utf-8"
        handle.seek(0)
        if _mixed(handle):
            return MIXED_ENCODING
        handle.seek(0)
        if _decodes(handle, "cp1252"):
            return "cp1252"
    from charset_normalizer import from_path

    best = from_path(path).best()
    if best is None:
        raise UnreadableFile(translate(
            "CsvText", "{name} is not text in any encoding salesdesk knows."
        ).format(name=path.name))
    return str(best.encoding)


def _mixed(handle: IO[bytes]) -> bool:
    """True when some lines are UTF-8 with letters beyond ASCII and others are not UTF-8 (a
    file stitched together from two sources): each line is then read in its own encoding."""
    utf8 = other = False
    for raw in handle:
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            other = True
        if utf8 and other:
            return True
    return False


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


def looks_binary(sample: str) -> bool:
    """True when decoded text holds NULs or more control characters than text has."""
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\r\n\f")
    return "\x00" in sample or controls > max(2, len(sample) // 100)
