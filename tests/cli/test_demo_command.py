"""``salesdesk demo --out FILE``: writes a new sample business, never over an existing file."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesdesk.cli import main
from salesdesk.launch import EXIT_OK, EXIT_USAGE
from salesdesk.store import open_store


def deal_count(path: Path) -> int:
    store = open_store(path, read_only=True)
    try:
        return int(store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0])
    finally:
        store.close()


def test_demo_writes_a_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.db"
    assert main(["demo", "--out", str(path), "--deals", "300"]) == EXIT_OK
    assert "300" in capsys.readouterr().out
    assert deal_count(path) == 300


def test_demo_refuses_an_existing_file_and_leaves_it_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.db"
    assert main(["demo", "--out", str(path), "--deals", "300"]) == EXIT_OK
    before = path.read_bytes()
    capsys.readouterr()
    # A usage error, as every output path that would destroy data (test_output_paths.py).
    assert main(["demo", "--out", str(path), "--deals", "300"]) == EXIT_USAGE
    assert "exists already" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert deal_count(path) == 300


def test_demo_with_no_deals_writes_an_empty_business(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    assert main(["demo", "--out", str(path), "--deals", "0"]) == EXIT_OK
    assert deal_count(path) == 0


def test_demo_refuses_a_negative_count_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert main(["demo", "--out", str(path), "--deals", "-5"]) == EXIT_USAGE
    assert not path.exists()
