"""``salesdesk --selftest``: the whole app's machinery once, in a temporary folder.

Run against the installed package by the tests and against the frozen build by
``packaging/build.sh``: it creates a database, adds 100 deals, computes a report, exports
the charts as PNG, SVG and PDF and the deals as CSV and XLSX, backs up and restores, and checks
the file, printing what each step did as JSON. Nothing outside the temporary folder is read or
written (the user's database, settings and backups are left alone).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from salesdesk import __version__
from salesdesk.launch import EXIT_FILE, EXIT_OK

Step = Callable[[], dict[str, Any]]


def _steps(folder: Path) -> tuple[list[tuple[str, Step]], Callable[[], None]]:
    """The steps, each returning what it found (raising when something is wrong), and what
    closes the database they opened."""
    from salesdesk.analytics import AnalyticsCache
    from salesdesk.currencies import currency_digits
    from salesdesk.domain.demo import generate_demo
    from salesdesk.domain.metrics import MoneyRules
    from salesdesk.domain.slices import Dimension, Query, Slice
    from salesdesk.reports.slice_report import Request, report_dict
    from salesdesk.store import open_store
    from salesdesk.ui.charts import ChartKind, chart_figures, describe_slice
    from salesdesk.ui.charts.export import export_chart
    from salesdesk.ui.charts.headless import ensure_application

    today = dt.date.today()
    database = folder / "selftest.db"
    state: dict[str, Any] = {}

    def create() -> dict[str, Any]:
        business = generate_demo(100, today)
        store = open_store(database, base_currency=business.base_currency)
        state["store"] = store
        added = store.add_deals(business.deals, today, business.histories)
        if added != 100:
            raise AssertionError(f"{added} deals were added, not 100")
        return {"deals": added, "file": str(database)}

    def report() -> dict[str, Any]:
        store = state["store"]
        settings = store.settings()
        cache = AnalyticsCache.build(store.deal_columns())
        query = Query(Slice(), (Dimension.REP,))
        money = MoneyRules.of(settings, currency_digits())
        document = report_dict(cache.result(query), Request(by=(Dimension.REP,)), {},
                               settings, money)
        if document["overall"]["deals"] != 100:
            raise AssertionError(f"the report counts {document['overall']['deals']} deals")
        state["figures"] = chart_figures(cache, query, settings=settings, money=money,
                                         slice_text=describe_slice(query.slice))
        return {"decided": document["overall"]["decided"],
                "conversion": document["overall"]["conversion"]}

    def charts() -> dict[str, Any]:
        ensure_application()
        written = {}
        for suffix in ("png", "svg", "pdf"):
            path = export_chart(ChartKind.CONVERSION, state["figures"], folder / f"chart.{suffix}")
            size = path.stat().st_size
            if not size:
                raise AssertionError(f"{path.name} is empty")
            written[suffix] = size
        return {"bytes": written}

    def deals() -> dict[str, Any]:
        written = {}
        for suffix in ("csv", "xlsx"):
            count = state["store"].export_deals(folder / f"deals.{suffix}", currency_digits())
            if count != 100:
                raise AssertionError(f"{count} deals were exported to {suffix}, not 100")
            written[suffix] = count
        return {"exported": written}

    def backup_and_restore() -> dict[str, Any]:
        store = state["store"]
        copies = folder / "backups"
        taken = store.backups.take(copies, reason="self-test", prune=False)
        store.add_deal(generate_demo(1, today).deals[0], today)
        restored = store.backups.restore(taken.path, copies)
        if restored.deals != 100:
            raise AssertionError(f"the restore brought back {restored.deals} deals, not 100")
        return {"backup": taken.path.name, "restored": restored.deals}

    def check() -> dict[str, Any]:
        problems = state["store"].check()
        if problems:
            raise AssertionError("; ".join(problems))
        return {"problems": 0}

    def close() -> None:
        if "store" in state:
            state.pop("store").close()

    return [("create", create), ("report", report), ("charts", charts), ("export", deals),
            ("backup and restore", backup_and_restore), ("check", check)], close


def run() -> int:
    """Run every step in a fresh temporary folder; print a JSON summary; exit 0 when all
    passed, 1 at the first that failed (its error and traceback in the summary)."""
    summary: dict[str, Any] = {"salesdesk": __version__, "python": sys.version.split()[0],
                               "steps": []}
    status = EXIT_OK
    with tempfile.TemporaryDirectory(prefix="salesdesk-selftest-") as name:
        steps, close = _steps(Path(name))
        for step_name, step in steps:
            started = time.perf_counter()
            entry: dict[str, Any] = {"step": step_name}
            try:
                entry.update(step())
            except Exception as exc:  # noqa: BLE001 - reported in the summary, exit 1
                entry.update(ok=False, error=f"{type(exc).__name__}: {exc}",
                             traceback=traceback.format_exc())
                summary["steps"].append(entry)
                status = EXIT_FILE
                break
            entry.update(ok=True, ms=round((time.perf_counter() - started) * 1000))
            summary["steps"].append(entry)
        close()
    summary["ok"] = status == EXIT_OK
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return status
