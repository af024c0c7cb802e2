"""Starting salesdesk: --version, --smoke-test, the default database and refused files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from salesdesk import __version__, cli, launch, paths


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "salesdesk", *args], capture_output=True,
                          text=True, env=environment, timeout=60, check=False)


def test_version() -> None:
    result = _run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"salesdesk {__version__}")


def test_smoke_test_creates_the_default_database_where_the_cli_looks(tmp_path: Path) -> None:
    data_home = tmp_path / "xdg"
    result = _run("--smoke-test", env={"XDG_DATA_HOME": str(data_home)})
    assert result.returncode == 0, result.stderr
    expected = data_home / "salesdesk" / "salesdesk.db"
    assert expected.is_file()
    # The CLI resolves the same default (paths.default_database) in this process too.
    os.environ["XDG_DATA_HOME"] = str(data_home)
    parsed = cli.build_parser().parse_args([])
    assert launch.database_path(parsed) == paths.default_database() == expected


def test_smoke_test_on_a_given_file(tmp_path: Path) -> None:
    database = tmp_path / "shop.db"
    result = _run("--smoke-test", "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the offscreen platform's size-hint notice is filtered out
    assert database.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_foreign_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database", encoding="utf-8")
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    result = _run("--smoke-test", "--db", str(foreign))
    assert result.returncode == launch.EXIT_FILE
    assert "not a salesdesk database" in result.stderr
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before


def test_the_refusal_speaks_the_chosen_language(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database", encoding="utf-8")
    result = _run("--lang", "hu", "--smoke-test", "--db", str(foreign))
    assert result.returncode == launch.EXIT_FILE
    assert "nem salesdesk-adatbázis" in result.stderr


def test_the_demo_starts_on_a_high_dpi_screen(tmp_path: Path) -> None:
    # Twice the pixels per point, as on a 4K laptop: layouts, icons and charts scale.
    result = _run("--demo", "--smoke-test", "--db", str(tmp_path / "demo.db"),
                  env={"QT_SCALE_FACTOR": "2"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
