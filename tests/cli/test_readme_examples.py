"""The README's command-line examples run as written, in order, on the sample business the first
one writes (issue 15: they once failed on it, naming a channel the demo does not have)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_examples() -> list[str]:
    """The command lines of the code block in the README's "Command line" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "the Command line section has no sh block"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert all(line.startswith("salesdesk ") for line in lines), lines
    return lines


def test_every_readme_example_runs_on_the_sample_business(tmp_path: Path) -> None:
    # `salesdesk` on the PATH is this checkout's, whichever Python runs the tests.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "salesdesk"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m salesdesk "$@"\n',
                       encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "QT_QPA_PLATFORM": "offscreen"}
    outputs = []
    for line in readme_examples():
        done = subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True,
                              text=True, timeout=300, check=False)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        outputs.append(done.stdout)
    report = json.loads(outputs[1])
    assert report["filters"]["channel"] == ["Website"] and report["groups"]
    assert (work / "conversion.png").stat().st_size and (work / "meeting.pdf").stat().st_size
    assert json.loads(outputs[5])["imported"] == json.loads(outputs[6])["updated"] > 0
    assert "would empty the notes of its" in outputs[10]
    assert json.loads(outputs[11])["salespeople"][0]["rep"] == "Bence Tóth"
    assert "Conversion levers" in outputs[12] and "Bence Tóth" in outputs[12]
    nps = json.loads(outputs[13])
    assert nps["overall"]["n"] == sum(group["n"] for group in nps["groups"]) > 0
