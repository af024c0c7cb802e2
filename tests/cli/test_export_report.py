"""``salesdesk export-report``: the meeting report as a PDF, headless and read-only."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

from salesdesk import launch
from salesdesk.cli import main
from salesdesk.launch import EXIT_FILE, EXIT_OK, EXIT_USAGE

# Figures and table, then the five charts a page each.
MIN_PAGES = 6


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.db"
    launch.write_demo(path, 300, dt.date.today())
    return path


def test_writes_a_pdf_of_the_slice_without_touching_the_file(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    out = tmp_path / "meeting.pdf"
    assert main(["export-report", "--db", str(demo), "--by", "channel",
                 "--where", "customer_type=new", "--out", str(out)]) == EXIT_OK
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert page_count(pdf) >= MIN_PAGES
    assert str(out) in capsys.readouterr().out
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meeting.pdf"]


@pytest.mark.parametrize(("args", "status", "message"), [
    (["--out", "report.png"], EXIT_USAGE, "PDF"),
    (["--by", "planet", "--out", "r.pdf"], EXIT_USAGE, "planet"),
    (["--where", "rep=Nobody", "--out", "r.pdf"], EXIT_USAGE, "Nobody"),
    (["--by", "rep,channel", "--out", "r.pdf"], EXIT_USAGE, "one dimension"),
])
def test_usage_errors(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      args: list[str], status: int, message: str) -> None:
    args = [a if not a.endswith((".pdf", ".png")) else str(tmp_path / a) for a in args]
    assert main(["export-report", "--db", str(demo), *args]) == status
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_database_is_a_file_problem(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-report", "--db", str(tmp_path / "none.db"),
                 "--out", str(tmp_path / "r.pdf")]) == EXIT_FILE
    assert "none.db" in capsys.readouterr().err


def test_an_unwritable_folder_is_reported_and_leaves_nothing(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing-folder" / "r.pdf"
    assert main(["export-report", "--db", str(demo), "--out", str(out)]) == EXIT_FILE
    assert "Could not save r.pdf" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
