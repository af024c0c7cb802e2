"""Section "startup": how long ``salesdesk --smoke-test`` takes to show the window on an empty
database, against bare ``import PySide6.QtWidgets, pyqtgraph, sqlite_utils`` in the same run.

Issue 18: "Cold start of ``salesdesk --smoke-test`` on an empty database ≤ 2.2 × the time of
bare ``import PySide6.QtWidgets, pyqtgraph, sqlite_utils`` measured in the same benchmark run."
Both are whole processes (interpreter start included), run alternately, offscreen, with the
data and settings folders in a scratch folder. "new file" creates the database each run (the
first start of a new user); "existing file" opens one made before.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import Context, Measurement

TARGET_RATIO = 2.2
BARE = "import PySide6.QtWidgets, pyqtgraph, sqlite_utils"


def _run(argv: list[str], env: dict[str, str]) -> None:
    subprocess.run([sys.executable, *argv], env=env, check=True, capture_output=True,
                   timeout=120)


def run(ctx: Context) -> list[Measurement]:
    rows: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="salesdesk-startup-") as name:
        folder = Path(name)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_CACHE_HOME": str(folder / "cache")}
        new = folder / "new.db"

        def fresh_start() -> None:
            for side in ("", "-wal", "-shm"):
                Path(f"{new}{side}").unlink(missing_ok=True)
            _run(["-m", "salesdesk", "--smoke-test", "--db", str(new)], env)

        existing = folder / "existing.db"
        _run(["-m", "salesdesk", "--smoke-test", "--db", str(existing)], env)
        cases = {
            "smoke test, new file": fresh_start,
            "smoke test, existing empty file": lambda: _run(
                ["-m", "salesdesk", "--smoke-test", "--db", str(existing)], env),
        }
        for operation, start in cases.items():
            if not ctx.wanted(operation):
                continue
            m = ctx.measure(operation, start, lambda: _run(["-c", BARE], env))
            if m.baseline_median:
                m.target_ms = TARGET_RATIO * m.baseline_median
                m.note = (f"target {TARGET_RATIO} x bare imports"
                          + (f"; {m.note}" if m.note else ""))
            rows.append(m)
    return rows
