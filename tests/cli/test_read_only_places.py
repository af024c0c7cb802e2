"""A healthy file on a read-only disk or folder is read, and called read-only, never damaged
(issue 13). The read-only places are real: a bind mount made read-only in a private mount
namespace (unshare), skipped where the machine does not allow one."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk.domain.deals import Deal, Outcome
from salesdesk.store import open_store

TODAY = dt.date(2026, 3, 31)
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
READ_ONLY = "read-only: changes cannot be saved here"

# Runs inside the namespace: each salesdesk command in a child process, as a user runs it.
CHILD = """
import json, subprocess, sys
results = {}
for name, argv in json.loads(sys.argv[1]).items():
    done = subprocess.run([sys.executable, "-m", "salesdesk", *argv], capture_output=True,
                          text=True, timeout=60)
    results[name] = [done.returncode, done.stdout + done.stderr]
print(json.dumps(results))
"""


def _shop(path: Path) -> None:
    store = open_store(path)
    store.add_deals([Deal(title=f"Deal {i}", outcome=Outcome.WON, client="Acme",
                          first_contact=dt.date(2026, 1, 2), closed_on=dt.date(2026, 1, 9))
                     for i in range(8)], TODAY)
    store.close()


def _run_read_only(mounted: Path, commands: dict[str, list[str]]) -> dict[str, list[object]]:
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to make a read-only mount privately")
    script = (f'mount --bind "{mounted}" "{mounted}" &&'
              f' mount -o remount,bind,ro "{mounted}" "{mounted}" &&'
              f' exec "{sys.executable}" -c "$0" "$1"')
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script, CHILD, json.dumps(commands)],
                            capture_output=True, text=True, env=ENV, timeout=300, check=False)
    if result.returncode != 0 and not result.stdout:
        pytest.skip(f"this machine does not allow a read-only mount: {result.stderr.strip()}")
    found: dict[str, list[object]] = json.loads(result.stdout)
    return found


def test_a_file_in_a_read_only_folder_is_read_and_never_called_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    shop = folder / "shop.db"
    _shop(shop)
    out = tmp_path / "out"
    out.mkdir()
    found = _run_read_only(folder, {
        "check": ["check", "--db", str(shop)],
        "report": ["report", "--db", str(shop), "--format", "json"],
        "export": ["export", "--db", str(shop), "--out", str(out / "deals.csv")],
        "backup to": ["backup", "--db", str(shop), "--to", str(out / "copies")],
        "backup": ["backup", "--db", str(shop)],
        "erase": ["erase-client", "--db", str(shop), "Acme"],
        "window": ["--smoke-test", "--db", str(shop)],
    })
    for name in ("check", "report", "export", "backup to"):
        assert found[name][0] == 0, (name, found[name])
    assert json.loads(str(found["report"][1]))["overall"]["won"] == 8
    assert (out / "deals.csv").read_text(encoding="utf-8").count("Deal ") == 8
    for name in ("backup", "erase", "window"):
        status, text = found[name]
        assert status == 1 and READ_ONLY in str(text) and "damaged" not in str(text), name


def test_unread_changes_in_a_read_only_folder_are_explained(tmp_path: Path) -> None:
    source, folder = tmp_path / "live", tmp_path / "readonly"
    source.mkdir()
    folder.mkdir()
    store = open_store(source / "shop.db")
    try:
        _shop(folder / "unused.db")
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        store.add_deal(Deal(title="Only in the journal"), TODAY)
        for name in ("shop.db", "shop.db-wal"):  # copied while the writer has it open
            shutil.copyfile(source / name, folder / name)
    finally:
        store.close()
    found = _run_read_only(folder, {"check": ["check", "--db", str(folder / "shop.db")]})
    status, text = found["check"]
    assert status == 1 and "holds changes that cannot be read there" in str(text)
    assert "damaged" not in str(text)


def test_a_read_only_file_in_a_writable_folder_is_read_only_not_damaged(tmp_path: Path) -> None:
    shop = tmp_path / "shop.db"
    _shop(shop)
    sheet = tmp_path / "deals.csv"
    sheet.write_text("Title,Status\nBoiler,open\n", encoding="utf-8")
    found = _run_read_only(shop, {
        "window": ["--smoke-test", "--db", str(shop)],
        "import": ["import", str(sheet), "--db", str(shop)],
        "check": ["check", "--db", str(shop)],
    })
    assert found["check"][0] == 0
    for name in ("window", "import"):
        status, text = found[name]
        assert status == 1 and READ_ONLY in str(text) and "prepared" not in str(text), name
