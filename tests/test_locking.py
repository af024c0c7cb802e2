"""One writer per file: the lock, its stale recovery, and the CLI's exit status 3."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from salesdesk import cli, launch
from salesdesk.locking import FileLocked, WriterLock, lock_path

HOLDER = """
import sys, time
from pathlib import Path
from salesdesk.locking import WriterLock
lock = WriterLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(120)
"""


@contextmanager
def _hold_lock(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the writer's lock on ``database`` until the block ends."""
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(database)],
                          stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        try:
            yield process
        finally:
            process.kill()


def test_second_writer_is_refused_at_once_and_told_who_holds_it(tmp_path: Path) -> None:
    database = tmp_path / "deals.db"
    with _hold_lock(database) as holder:
        started = time.monotonic()
        with pytest.raises(FileLocked) as refused:
            WriterLock(database).acquire()
        assert time.monotonic() - started < 1.0
        assert f"process {holder.pid}" in str(refused.value)
        assert "read-only" in str(refused.value)


def test_lock_left_by_a_killed_process_is_recovered(tmp_path: Path) -> None:
    database = tmp_path / "deals.db"
    with _hold_lock(database) as holder:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    assert lock_path(database).exists()  # the dead process could not clean up
    with WriterLock(database):
        pass


def test_a_live_lock_does_not_go_stale_with_age(tmp_path: Path) -> None:
    database = tmp_path / "deals.db"
    with _hold_lock(database):
        old = time.time() - 3600
        os.utime(lock_path(database), (old, old))  # an hour-old lock of a running writer
        with pytest.raises(FileLocked):
            WriterLock(database).acquire()


def test_cli_write_command_exits_3_under_the_lock(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "demo.db"
    with _hold_lock(database):
        assert cli.main(["demo", "--out", str(database), "--deals", "10"]) == launch.EXIT_LOCKED
    assert "already open for writing" in capsys.readouterr().err
    assert not database.exists()
