"""Safe writes and spreadsheet-safe cells: the one place every export, backup and report uses.

A file is written to a temporary file in the destination's folder, fsynced, then renamed over
the destination, so a failure (full disk, unwritable folder, crash) leaves either the old file
or the complete new one, never a truncated one (DESIGN.md §7).

Text cells that start with = + - @ TAB or CR are neutralised with a leading apostrophe, so a
spreadsheet never runs them as formulas; an import removes that apostrophe only before those
characters.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

from salesdesk.i18n import translate

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A temporary file untouched this long was left by a writer that died (kill -9, power loss):
# one being written is touched as it grows.
STALE_TEMPORARY_S = 3600


def neutralise_cell(value: str) -> str:
    """``value`` as a spreadsheet will show it but never run it as a formula.

    A formula character gets an apostrophe in front; so does a text that already reads
    ``'=`` (any apostrophes, then a formula character), which ``restore_cell`` would
    otherwise take for a neutralised cell: every text comes back exactly.
    """
    return "'" + value if value.lstrip("'").startswith(FORMULA_START) else value


def restore_cell(value: str) -> str:
    """Undo ``neutralise_cell``: one apostrophe is removed, and only from a cell whose first
    character after its apostrophes is a formula character; other apostrophes survive."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_START):
        return value[1:]
    return value


def fsync_file(path: Path) -> None:
    """Flush ``path``'s bytes to the disk."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder's entry is flushed (POSIX).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """Delete the temporary files ``replacing`` named with ``prefix`` in ``folder`` that a
    writer killed mid-write left behind."""
    name = re.compile(re.escape(prefix) + r"[0-9a-f]{12}\.tmp")
    limit = time.time() - STALE_TEMPORARY_S
    for temp in folder.glob(f"{prefix}*.tmp"):
        try:
            if name.fullmatch(temp.name) and temp.stat().st_mtime < limit:
                temp.unlink()
        except OSError:
            continue


def _new_temporary(folder: Path, prefix: str) -> Path:
    # Not tempfile.mkstemp: its files are private (0600), and a saved export or backup should
    # get the permissions any new file of the user gets (0666 less the umask).
    for _ in range(100):
        temp = folder / f"{prefix}{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return temp
    raise FileExistsError(translate("Files", "No free temporary name in {folder}.").format(
        folder=folder))


@contextlib.contextmanager
def replacing(destination: Path, *, prefix: str = ".salesdesk-") -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; on success it replaces the destination.

    Write the whole file to the yielded path inside the ``with`` block. It is fsynced and
    renamed into place when the block ends; on any error it is removed and ``destination``
    keeps its old content (or stays absent).
    """
    destination = Path(destination)
    remove_stale_temporaries(destination.parent, prefix)
    temp = _new_temporary(destination.parent, prefix)
    try:
        yield temp
        fsync_file(temp)
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(destination.parent)


def write_bytes(destination: Path, data: bytes) -> None:
    """Write ``data`` to ``destination`` safely."""
    with replacing(destination) as temp:
        temp.write_bytes(data)


def write_text(destination: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``destination`` safely (UTF-8 by default, ``\\n`` line ends kept)."""
    write_bytes(destination, text.encode(encoding))
