"""``salesdesk --selftest`` runs every part once in a temporary folder (issue 18); the
packaging script runs the same against the frozen build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk.cli import selftest
from salesdesk.ui.charts import export


def test_the_selftest_passes_and_leaves_the_users_folders_alone(isolated_dirs: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "salesdesk", "--selftest"],
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    assert summary["ok"] and [s["step"] for s in summary["steps"]] == [
        "create", "report", "charts", "export", "backup and restore", "check"]
    assert all(s["ok"] for s in summary["steps"])
    assert summary["steps"][0]["deals"] == 100
    assert set(summary["steps"][2]["bytes"]) == {"png", "svg", "pdf"}
    assert summary["steps"][3]["exported"] == {"csv": 100, "xlsx": 100}
    assert summary["steps"][4]["restored"] == 100
    assert not list(isolated_dirs.rglob("*.db"))  # no database outside its temporary folder


def test_a_failing_step_stops_the_selftest_with_exit_1(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> Path:
        raise OSError("the disk is full")

    monkeypatch.setattr(export, "export_chart", broken)
    assert selftest.run() == 1
    summary = json.loads(capsys.readouterr().out)
    assert not summary["ok"]
    assert [s["step"] for s in summary["steps"]] == ["create", "report", "charts"]
    assert summary["steps"][-1]["error"] == "OSError: the disk is full"
