"""Safe writes never leave a truncated file; formula cells are neutralised and restored."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from salesdesk.files import (
    FORMULA_START,
    neutralise_cell,
    replacing,
    restore_cell,
    write_text,
)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "figures.csv"
    target.write_text("old complete content")
    with pytest.raises(OSError, match="disk full"), replacing(target) as temp:
        temp.write_text("half of the new")
        raise OSError(28, "disk full")
    assert target.read_text() == "old complete content"
    assert [p.name for p in tmp_path.iterdir()] == ["figures.csv"]


def test_a_successful_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    write_text(target, "név,érték\n")
    assert target.read_text(encoding="utf-8") == "név,érték\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_new_file_gets_the_users_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "shared.csv", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "shared.csv").stat().st_mode) == 0o644


def test_an_unwritable_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_text(tmp_path / "missing" / "out.csv", "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("start", FORMULA_START)
def test_formula_starts_are_neutralised(start: str) -> None:
    assert neutralise_cell(start + "cmd") == "'" + start + "cmd"


@pytest.mark.parametrize("text", ["plain", "100%", "a|b", "'quoted", "", " =x"])
def test_other_text_is_left_alone(text: str) -> None:
    assert neutralise_cell(text) == text


@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", " "]))
       | st.text())
@example("'=already quoted")
@example("''=twice")
def test_neutralised_cells_never_start_a_formula_and_restore(text: str) -> None:
    cell = neutralise_cell(text)
    assert not cell.startswith(FORMULA_START)
    assert restore_cell(cell) == text


@pytest.mark.parametrize(("cell", "text"), [("'=1", "=1"), ("''=1", "'=1"), ("'x", "'x"),
                                            ("''x", "''x"), ("'", "'")])
def test_restore_removes_only_a_neutralising_apostrophe(cell: str, text: str) -> None:
    assert restore_cell(cell) == text
