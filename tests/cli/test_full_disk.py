"""Commands on a full disk (issue 13): every export, the backup, the import and the demo say so
in a sentence and exit 1, and leave nothing partial behind: no short PDF, no temporary file,
no journal. The disk is a real tmpfs, filled up to its last 8 KiB, in a private mount namespace
(unshare), skipped
where the machine does not allow one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk import cli, launch

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

CHILD = """
import json, os, subprocess, sys
from pathlib import Path
small = Path(sys.argv[2])
filler = small / ".filler"
results = {}
for name, argv in json.loads(sys.argv[1]).items():
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk, then leave 8 KiB: room for a lock file, not for the output
        while True:
            os.write(fd, b"x" * 4096)
    except OSError:
        pass
    os.close(fd)
    os.truncate(filler, filler.stat().st_size - 8192)
    done = subprocess.run([sys.executable, "-m", "salesdesk", *argv], capture_output=True,
                          text=True, timeout=120)
    left = sorted(str(p.relative_to(small)) for p in small.rglob("*") if p != filler)
    results[name] = [done.returncode, done.stdout + done.stderr, left]
    for path in sorted(small.rglob("*"), reverse=True):  # the next command starts afresh
        path.rmdir() if path.is_dir() else path.unlink()
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("full")
    path = folder / "shop.db"
    assert cli.main(["demo", "--out", str(path), "--deals", "300"]) == launch.EXIT_OK
    assert cli.main(["export", "--db", str(path), "--out", str(folder / "deals.csv")]) == 0
    return path


def _on_a_full_disk(small: Path, commands: dict[str, list[str]]) -> dict[str, list[object]]:
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to mount a small filesystem privately")
    small.mkdir()
    script = (f'mount -t tmpfs -o size=1m tmpfs "{small}" &&'
              f' exec "{sys.executable}" -c "$0" "$1" "{small}"')
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script, CHILD, json.dumps(commands)],
                            capture_output=True, text=True, env=ENV, timeout=600, check=False)
    if result.returncode != 0 and not result.stdout:
        pytest.skip(f"this machine does not allow a small filesystem: {result.stderr.strip()}")
    found: dict[str, list[object]] = json.loads(result.stdout)
    return found


def test_commands_on_a_full_disk_say_so_and_leave_nothing(shop: Path, tmp_path: Path) -> None:
    small = tmp_path / "small"
    db = str(shop)
    found = _on_a_full_disk(small, {
        "report pdf": ["export-report", "--db", db, "--out", str(small / "meeting.pdf")],
        "chart pdf": ["export-chart", "--db", db, "--chart", "conversion",
                      "--out", str(small / "chart.pdf")],
        "chart png": ["export-chart", "--db", db, "--chart", "trend",
                      "--out", str(small / "chart.png")],
        "xlsx": ["export", "--db", db, "--out", str(small / "deals.xlsx")],
        "csv": ["export", "--db", db, "--out", str(small / "deals.csv")],
        "backup": ["backup", "--db", db, "--to", str(small / "copies")],
        "import": ["import", str(shop.parent / "deals.csv"), "--db", str(small / "new.db")],
        "demo": ["demo", "--out", str(small / "demo.db"), "--deals", "2000"],
    })
    for name, (status, text, left) in found.items():
        assert status == launch.EXIT_FILE, (name, text)
        assert "Traceback" not in str(text), (name, text)
        assert "No space left on device" in str(text) or "is full" in str(text), (name, text)
        assert "wrote" not in str(text).lower(), (name, text)
        # Nothing partial: no output, no temporary file, no journal (an empty folder the
        # command made may stay; the lock of a new database may too).
        assert [p for p in left if not p.endswith((".lock", "copies"))] == [], (name, left)


def test_stale_temporary_files_of_a_killed_export_are_cleaned_up(
        shop: Path, tmp_path: Path) -> None:
    stale = tmp_path / ".salesdesk-export-0123456789ab.tmp"
    fresh = tmp_path / ".salesdesk-export-ba9876543210.tmp"
    stale.write_bytes(b"")
    fresh.write_bytes(b"")
    os.utime(stale, (1, 1))  # left by a run killed long ago
    assert cli.main(["export", "--db", str(shop), "--out", str(tmp_path / "d.csv")]) == 0
    assert not stale.exists()
    assert fresh.exists()  # may belong to an export running now


def test_a_demo_killed_halfway_leaves_no_file_and_runs_again(tmp_path: Path) -> None:
    out = tmp_path / "sample.db"
    process = subprocess.Popen([sys.executable, "-m", "salesdesk", "demo", "--out", str(out),
                                "--deals", "60000"], env=ENV)
    try:
        while not any(p.stat().st_size for p in tmp_path.glob(".salesdesk-demo-*/*.db*")):
            assert process.poll() is None, "the demo finished before it could be killed"
        process.kill()  # SIGKILL while it writes the database
    finally:
        process.wait()
    assert not out.exists()
    assert cli.main(["demo", "--out", str(out), "--deals", "50"]) == launch.EXIT_OK
    assert cli.main(["check", "--db", str(out)]) == launch.EXIT_OK


def test_a_delimiter_of_two_characters_is_a_usage_error(shop: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["import", str(shop.parent / "deals.csv"), "--db", str(tmp_path / "x.db"),
                  "--delimiter", ";;"])
    assert exited.value.code == launch.EXIT_USAGE
    assert not (tmp_path / "x.db").exists()


def test_export_of_an_unknown_value_is_a_usage_error_like_report(
        shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.csv"
    assert cli.main(["export", "--db", str(shop), "--out", str(out),
                     "--where", "channel=Web"]) == launch.EXIT_USAGE
    assert "unknown channel 'Web'; valid values:" in capsys.readouterr().err
    assert not out.exists()
    assert cli.main(["export", "--db", str(shop), "--out", str(out),
                     "--where", "channel=website"]) == launch.EXIT_OK  # any case
