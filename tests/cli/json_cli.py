"""Running a command in-process and reading its JSON output, for the CLI tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from salesdesk import cli


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    """Run ``salesdesk ARGV``; its exit status, its standard output read as JSON (the text
    itself when it is not JSON) and its standard error."""
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    try:
        output: Any = json.loads(captured.out)
    except json.JSONDecodeError:
        output = captured.out
    return status, output, captured.err
