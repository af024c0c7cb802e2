"""What the GUI (app.py) and the command line (cli/) share to start: exit statuses, the
database a run works on, and the sample business."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path

from salesdesk import paths
from salesdesk.domain.demo import generate_demo
from salesdesk.store import open_store

# DESIGN.md §7.
EXIT_OK = 0
EXIT_FILE = 1  # a file problem: unreadable, damaged, foreign, newer
EXIT_USAGE = 2
EXIT_LOCKED = 3  # another writer holds the file

DEMO_DEALS = 1500
DEMO_BUILD_PREFIX = ".salesdesk-demo-"
STALE_BUILD_S = 3600


def database_path(args: argparse.Namespace) -> Path:
    """The file a run works on: ``--db`` or the default database."""
    return Path(args.db).expanduser() if args.db else paths.default_database()


def write_demo(path: Path, count: int, today: dt.date) -> int:
    """Create ``path`` holding the generated sample business; return the number of deals.

    The file is built in a hidden folder beside ``path`` and renamed into place when it is
    complete, so an interrupted run (a full disk, kill -9) never leaves a half-built file
    behind (a later run removes such a build's leftovers).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(path.parent)
    build = Path(tempfile.mkdtemp(prefix=DEMO_BUILD_PREFIX, dir=path.parent))
    try:
        temp = build / path.name
        business = generate_demo(count, today)
        store = open_store(temp, base_currency=business.base_currency)
        try:
            added = store.add_deals(business.deals, today, business.histories)
            store.scorecards.add_demo(today)  # assessments and preparation sheets
            store.customers.add_demo(today)  # survey responses, touchpoint changes, rivals
            store.checkpoint()  # everything in the file itself: only it is moved
        finally:
            store.close()
        os.replace(temp, path)
        return added
    finally:
        shutil.rmtree(build, ignore_errors=True)


def _remove_stale_builds(folder: Path) -> None:
    limit = time.time() - STALE_BUILD_S
    for build in folder.glob(f"{DEMO_BUILD_PREFIX}*"):
        try:
            if build.is_dir() and build.stat().st_mtime < limit:
                shutil.rmtree(build, ignore_errors=True)
        except OSError:
            continue
