"""``salesdesk export-chart``: each chart of a slice as a file, read-only, with clear exit
statuses; it draws without a display."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from salesdesk.cli import main
from salesdesk.launch import EXIT_FILE, EXIT_OK, EXIT_USAGE
from salesdesk.locking import lock_path

KINDS = ("funnel", "conversion", "deal-length", "trend", "distribution")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample business of 300 deals, written once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["demo", "--out", str(path), "--deals", "300"]) == EXIT_OK
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(demo_file: Path, *args: str) -> int:
    return main(["export-chart", "--db", str(demo_file), *args])


@pytest.mark.parametrize("kind", KINDS)
def test_each_chart_exports_a_png_and_leaves_the_file_alone(
        demo_file: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(demo_file)
    out = tmp_path / f"{kind}.png"
    assert export(demo_file, "--chart", kind, "--out", str(out), "--width", "640",
                  "--height", "360") == EXIT_OK
    assert str(out) in capsys.readouterr().out
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 360)
    assert digest(demo_file) == before
    assert not lock_path(demo_file).exists()  # a reader takes no writer's lock


def test_default_size_and_the_other_formats(demo_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "trend.png"
    assert export(demo_file, "--chart", "trend", "--out", str(png)) == EXIT_OK
    assert QImage(str(png)).size().toTuple() == (1920, 1080)
    svg, pdf = tmp_path / "funnel.svg", tmp_path / "funnel.pdf"
    assert export(demo_file, "--chart", "funnel", "--out", str(svg)) == EXIT_OK
    assert "Stage funnel" in svg.read_text(encoding="utf-8")
    assert export(demo_file, "--chart", "funnel", "--out", str(pdf)) == EXIT_OK
    assert pdf.read_bytes().startswith(b"%PDF")


def test_conversion_csv_is_by_salesperson_unless_told(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "conversion.csv"
    assert export(demo_file, "--chart", "conversion", "--out", str(out)) == EXIT_OK
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][0] == "Salesperson" and rows[1][0] == "All deals"
    assert export(demo_file, "--chart", "conversion", "--by", "channel", "--from", "2020-01-01",
                  "--out", str(out)) == EXIT_OK
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][0] == "Channel"


def test_a_filtered_slice(demo_file: Path, tmp_path: Path) -> None:
    everything, filtered = tmp_path / "all.csv", tmp_path / "one.csv"
    assert export(demo_file, "--chart", "distribution", "--out", str(everything)) == EXIT_OK
    assert export(demo_file, "--chart", "distribution", "--where", "customer_type=new",
                  "--cohort", "--out", str(filtered)) == EXIT_OK

    def closed(path: Path) -> int:
        return sum(int(row["closed_deals"]) for row in
                   csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))

    assert 0 < closed(filtered) < closed(everything)


@pytest.mark.parametrize("args, message", [
    (["--chart", "pie"], "valid charts"),
    (["--chart", "conversion", "--by", "colour"], "valid dimensions"),
    (["--chart", "conversion", "--by", "rep,channel"], "one dimension"),
    (["--chart", "funnel", "--by", "rep"], "not grouped"),
    (["--chart", "trend", "--by", "rep"], "by month"),
    (["--chart", "conversion", "--where", "rep=Nobody"], "unknown rep"),
    (["--chart", "conversion", "--from", "2026-13-01"], "YYYY-MM-DD"),
    (["--chart", "funnel", "--width", "0"], "1 pixel"),
])
def test_usage_problems_exit_2(demo_file: Path, tmp_path: Path, args: list[str], message: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.png"
    assert export(demo_file, *args, "--out", str(out)) == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_an_unknown_extension_exits_2(demo_file: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert export(demo_file, "--chart", "funnel", "--out", str(tmp_path / "c.gif")) \
        == EXIT_USAGE
    assert ".png" in capsys.readouterr().err


def test_file_problems_exit_1(demo_file: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.png"
    assert main(["export-chart", "--db", str(tmp_path / "missing.db"), "--chart", "funnel",
                 "--out", str(out)]) == EXIT_FILE
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database")
    assert main(["export-chart", "--db", str(foreign), "--chart", "funnel",
                 "--out", str(out)]) == EXIT_FILE
    assert foreign.read_text() == "not a database"
    capsys.readouterr()
    unwritable = tmp_path / "no folder" / "chart.png"
    assert export(demo_file, "--chart", "funnel", "--out", str(unwritable)) == EXIT_FILE
    assert "Could not save chart.png" in capsys.readouterr().err
    assert not out.exists() and not unwritable.parent.exists()


def test_works_without_a_display(demo_file: Path, tmp_path: Path) -> None:
    """A server or CI machine: no DISPLAY, no Qt platform chosen; the command picks
    offscreen itself."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "chart.png"
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "export-chart", "--db", str(demo_file),
         "--chart", "conversion", "--out", str(out), "--width", "800", "--height", "450"],
        env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stderr == ""
    assert QImage(str(out)).size().toTuple() == (800, 450)
