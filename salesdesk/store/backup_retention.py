"""When a backup is due, and which backups are kept: daily, weekly and monthly ones thin out
older backups (:func:`retained`), and :func:`prune` deletes the rest of a file's backups.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from salesdesk.domain.settings import BusinessSettings
from salesdesk.store.backup_manifest import (
    BackupInfo,
    file_sha256,
    list_backups,
    ours,
    read_manifest,
    source_of,
    write_manifest,
)

log = logging.getLogger(__name__)
MIN_INTERVAL = dt.timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Retention:
    """How many daily, weekly and monthly backups are kept (the newest always is)."""

    daily: int = 12
    weekly: int = 10
    monthly: int = 9

    @classmethod
    def of(cls, settings: BusinessSettings) -> Retention:
        """The retention stored in a file's settings."""
        daily, weekly, monthly = settings.backup_retention
        return cls(daily, weekly, monthly)


def backup_due(last: dt.datetime | None, now: dt.datetime, changed: bool) -> bool:
    """True when the data changed and at least 30 minutes passed since the last backup."""
    return changed and (last is None or now - last >= MIN_INTERVAL)


# --- keeping ----------------------------------------------------------------------------------


def retained(taken: Sequence[dt.datetime], retention: Retention) -> set[int]:
    """Indices of the backups (taken at ``taken``) to keep.

    Every backup of the newest backup's day is kept (so a restore never loses the backup it
    restored nor the copy taken just before it); that day counts as one daily. Older ones,
    newest first: kept when its day holds no kept backup yet and fewer than ``daily`` days are
    kept; else when its ISO week holds none and fewer than ``weekly`` weeks are kept; else
    likewise by month. So older days thin out to at most daily + weekly + monthly backups.
    """
    order = sorted(range(len(taken)), key=lambda i: taken[i], reverse=True)
    keep: set[int] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    daily = weekly = monthly = 0
    for index in order:
        local = taken[index].astimezone()
        day = local.date()
        week = tuple(local.isocalendar())[:2]
        month = (local.year, local.month)
        if not keep:
            daily += 1
        elif day in days and local.date() == taken[order[0]].astimezone().date():
            pass  # the newest backup's day: all kept
        elif day not in days and daily < retention.daily:
            daily += 1
        elif week not in weeks and weekly < retention.weekly:
            weekly += 1
        elif month not in months and monthly < retention.monthly:
            monthly += 1
        else:
            continue
        keep.add(index)
        days.add(day)
        weeks.add((week[0], week[1]))
        months.add(month)
    return keep


def _newest_good(backups: Sequence[BackupInfo]) -> int | None:
    """The index of the newest backup whose bytes still match its checksum."""
    for index in sorted(range(len(backups)), key=lambda i: backups[i].taken_at, reverse=True):
        try:
            if file_sha256(backups[index].path) == backups[index].sha256:
                return index
        except OSError:
            continue
    return None


def prune(folder: Path, retention: Retention, database: Path) -> list[Path]:
    """Delete the backups of ``database`` in ``folder`` that ``retained`` does not keep;
    return them.

    Only backups the manifest records as ``database``'s count (a folder shared by two files
    thins out each file's own; entries from before sources were recorded count as its own
    only while no other file's are there), the newest one that still matches its checksum is
    always kept, and only files take_backup named, directly in the folder, are ever deleted:
    anything else a manifest names is left alone and reported in the log. Files the manifest
    does not list (the user's own copies) are never deleted.
    """
    entries = read_manifest(folder)
    for entry in entries:
        if not ours(folder, entry):
            log.warning("The backup manifest in %s names %r, which is not a backup salesdesk"
                        " wrote there; it was left alone.", folder, entry["file"])
    recorded = [b for b in list_backups(folder) if b.recorded]
    mine = source_of(database)
    shared = any(b.source not in (None, mine) for b in recorded)
    backups = [b for b in recorded if b.source == mine or (b.source is None and not shared)]
    keep = retained([b.taken_at for b in backups], retention)
    good = _newest_good(backups)
    if good is not None:
        keep.add(good)
    removed = [b.path for i, b in enumerate(backups) if i not in keep]
    if not removed:
        return []
    names = {p.name for p in removed}
    # The manifest forgets them first: a crash halfway leaves unlisted files, not dangling
    # entries with checksums of files that are gone.
    write_manifest(folder, [e for e in entries if not (ours(folder, e)
                                                       and e["file"] in names)])
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
