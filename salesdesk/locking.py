"""One writer per database file: a QLockFile beside it, honoured by the GUI and the CLI.

Readers never take the lock. A lock left by a process that died (kill -9, power loss) is
recognised as stale and taken over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from salesdesk.i18n import translate


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a lock: process id, host and application, when Qt can tell."""

    pid: int
    hostname: str
    appname: str

    def describe(self) -> str:
        """A phrase for messages: "process 1234 on host"."""
        if not self.pid:
            return translate("LockHolder", "another program")
        if self.hostname:
            return translate("LockHolder", "process {pid} on {host}").format(
                pid=self.pid, host=self.hostname)
        return translate("LockHolder", "process {pid}").format(pid=self.pid)


class FileLocked(Exception):
    """Another writer holds the file's lock."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        super().__init__(translate(
            "FileLocked", "{name} is already open for writing by {holder}. Close it there, or"
            " open it read-only.").format(name=path.name, holder=holder.describe()))
        self.path = path
        self.holder = holder


def lock_path(database: Path) -> Path:
    """The lock file that guards ``database``: named after the file itself (symlinks
    resolved), so every path that leads to one file finds the same lock."""
    real = Path(os.path.realpath(database))
    return real.with_name(real.name + ".lock")


class WriterLock:
    """The writer's lock on one database file; release it when done (or use ``with``)."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self._lock = QLockFile(str(lock_path(database)))
        # A writer may keep a file open for days: never treat a live lock as stale by age.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        """Take the lock at once or raise FileLocked; a stale lock is recovered. Raises
        OSError saying why when the lock file cannot be written (a full disk, a read-only
        folder)."""
        if self._lock.tryLock(0):
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            raise FileLocked(self.database, self._holder())
        raise self._why_not_writable()

    def _why_not_writable(self) -> OSError:
        # QLockFile says only that it failed; writing a file of our own there says why.
        probe = lock_path(self.database).with_name(f".{self.database.name}.probe-{os.getpid()}")
        try:
            probe.write_bytes(b"salesdesk")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return OSError(translate("WriterLock", "The lock file beside {name} cannot be"
                                     " written: {reason}.").format(name=self.database.name,
                                                                   reason=reason))
        finally:
            probe.unlink(missing_ok=True)
        return PermissionError(translate(
            "WriterLock", "Cannot create the lock file beside {name}.").format(
                name=self.database.name))

    def _holder(self) -> LockHolder:
        # PySide returns (pid, hostname, appname), or a false value when the file is unreadable.
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and len(info) == 3:
            pid, hostname, appname = info
            return LockHolder(int(pid), str(hostname), str(appname))
        return LockHolder(0, "", "")

    def release(self) -> None:
        """Give the lock up."""
        self._lock.unlock()

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
