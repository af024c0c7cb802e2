"""What the GUI (app.py) and the command line (cli/) share to start: exit statuses, the
database a run works on, and the sample business."""

from __future__ import annotations

import argparse
import datetime as dt
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


def database_path(args: argparse.Namespace) -> Path:
    """The file a run works on: ``--db`` or the default database."""
    return Path(args.db).expanduser() if args.db else paths.default_database()


def write_demo(path: Path, count: int, today: dt.date) -> int:
    """Create ``path`` holding the generated sample business; return the number of deals."""
    business = generate_demo(count, today)
    store = open_store(path, base_currency=business.base_currency)
    try:
        added = store.add_deals(business.deals, today, business.histories)
        store.scorecards.add_demo(today)  # assessments and preparation sheets
        return added
    finally:
        store.close()
