"""A hostile workbook cannot exhaust memory (issue 13): parts that unpack far past what any
spreadsheet program writes are refused from the zip's directory before openpyxl reads them, and
openpyxl parses with defusedxml, so entity expansion is refused too."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest

from salesdesk.store import UnreadableFile, open_source

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Title", "Client", "Status"])
    sheet.append(["Boiler", "Acme", "won"])
    workbook.save(path)


def _with_part(source: Path, target: Path, name: str, write: object) -> None:
    """A copy of ``source`` whose part ``name`` is written by ``write(handle)``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(
            target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            if info.filename != name:
                copy.writestr(info, original.read(info))
        assert name in original.namelist()
        part = zipfile.ZipInfo(name)
        part.compress_type = zipfile.ZIP_DEFLATED
        with copy.open(part, "w", force_zip64=True) as handle:
            write(handle)  # type: ignore[operator]


def _bomb(handle: object) -> None:
    write = handle.write  # type: ignore[attr-defined]
    write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
    block = b"A" * (1 << 20)
    for _ in range(300):  # 300 MB of one cell's text, packed to about 300 KB
        write(block)
    write(b"</t></is></c></row></sheetData></worksheet>")


CHILD = """
import sys
from pathlib import Path
from salesdesk.store import UnreadableFile, open_source
try:
    with open_source(Path(sys.argv[1])) as source:
        list(source.rows())
    print("read")
except UnreadableFile as exc:
    print("refused:", exc)
peak = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(int(peak) // 1024)
"""


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    plain, bomb = tmp_path / "plain.xlsx", tmp_path / "bomb.xlsx"
    _workbook(plain)
    _with_part(plain, bomb, SHEET, _bomb)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = subprocess.run([sys.executable, "-c", CHILD, str(bomb)], capture_output=True,
                            text=True, timeout=120, check=True)
    verdict, peak_mb = result.stdout.splitlines()
    assert verdict.startswith("refused:") and "cannot be read safely" in verdict
    assert "'xl/worksheets/sheet1.xml' would unpack to 300.0 MB" in verdict
    assert int(peak_mb) < 150  # the 300 MB string was never built
    with open_source(plain) as source:  # a workbook of the usual shape is read as before
        assert list(source.rows()) == [(2, ["Boiler", "Acme", "won"])]


def test_openpyxl_parses_with_defusedxml_so_entities_are_refused(tmp_path: Path) -> None:
    assert openpyxl.xml.DEFUSEDXML
    plain, laughs = tmp_path / "plain.xlsx", tmp_path / "laughs.xlsx"
    _workbook(plain)
    with zipfile.ZipFile(plain) as original:
        body = original.read(SHEET)
    # "Billion laughs": each entity ten of the one before, nine levels deep.
    entities = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
                + b"".join(b'<!ENTITY %c "%s">' % (ord("b") + i, (b"&%c;" % (ord("a") + i)) * 10)
                           for i in range(8))
                + b"]>")
    _with_part(plain, laughs, SHEET, lambda handle: handle.write(entities + body))
    with pytest.raises(UnreadableFile), open_source(laughs) as source:
        list(source.rows())
