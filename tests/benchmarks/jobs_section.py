"""Section "jobs": the window's slow jobs at N deals, and the longest event-loop stall of each.

The issue (12): "restore/erase/export/planning at 100k deals never stall the event loop over
100 ms (add them to the benchmark's stall measurement)".

Each job is driven through the real MainWindow (or import wizard) offscreen, on a copy of the
N-deal file opened for writing, with its dialogs answered by stand-ins (a file name, Yes, the
newest backup): Back Up Now, Check Database, Restore from Backup, Erase Client, Export Deals
as CSV and as XLSX, Save a Copy, Export Report, and the import wizard's planning of an N-row
CSV whose amounts are written like "12.500" (a dot that may be a decimal point or a thousands
separator, so the whole column is read: the slow case; an unambiguous file settles after a few
hundred rows). A 5 ms QTimer notes the gaps between its ticks from the action until the job's
result has been shown and, for a job that changes the data, until the analytics cache has been
rebuilt and the views refreshed (the window's task runner idle: the Growth points tab's ranking,
which starts when the cache is ready, has been shown too, so that it does not spill into the
next job); the longest gap minus the tick is the longest stall. Each job
runs RUNS times (they take seconds; --repeat does not apply): the table gives the first run's,
the median and the p95 of the longest stalls, the note the median time the job took. The
automatic-backup timer is stopped so that no backup starts in the middle; settings and backups
go to --workdir.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import Context, Measurement
from import_section import GENERATOR_VERSION, HEADERS, generate_csv

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

TARGET_STALL_MS = 100.0
TICK_MS = 5
RUNS = 3  # each job is slow, and one scheduler hiccup of a loaded machine must not decide
PLAN_GENERATOR_VERSION = 1


class Stalls:
    """The gaps between the ticks of a TICK_MS timer while a job runs."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self._gaps.append((now - self._last) * 1000 - TICK_MS)
        self._last = now

    def _once(self, start: Callable[[], object], finished: Callable[[], bool]
              ) -> tuple[float, float, int]:
        """The longest stall, the time taken (ms) and the ticks of one run of a job."""
        self._gaps = []
        self._last = time.perf_counter()
        self._timer.start()
        started = time.perf_counter()
        start()
        while not finished():
            self._app.processEvents()
            time.sleep(0.001)
        took = (time.perf_counter() - started) * 1000
        self._timer.stop()
        return max(self._gaps, default=took), took, len(self._gaps)

    def measure(self, name: str, start: Callable[[], object], finished: Callable[[], bool],
                note: str = "") -> Measurement:
        """Run the job RUNS times; the row of its longest stalls (first run, median, p95)."""
        runs = [self._once(start, finished) for _ in range(RUNS)]
        stalls = [stall for stall, _, _ in runs]
        took = statistics.median(took for _, took, _ in runs)
        ticks = statistics.median(ticks for _, _, ticks in runs)
        text = f"job {took / 1000:.1f} s, {ticks:.0f} ticks (medians of {RUNS} runs)"
        row = Measurement(f"{name}: longest stall", stalls[0], stalls, target_ms=TARGET_STALL_MS,
                          note=f"{text}{'; ' + note if note else ''}")
        print(f"  . {name}: longest stall median {row.median:.1f} ms, max {max(stalls):.1f} ms"
              f" ({text}) {row.verdict}", flush=True)
        return row


def planning_csv(workdir: Path, rows: int) -> Path:
    """The import section's N-row CSV with amounts written like "12.500" (cached)."""
    path = workdir / f"plan-{rows}-g{PLAN_GENERATOR_VERSION}.csv"
    if path.exists():
        return path
    source = workdir / f"import-{rows}-g{GENERATOR_VERSION}.csv"
    if not source.exists():
        generate_csv(source, rows)
    rng = random.Random(20261204)
    amount = HEADERS.index("Amount")
    temp = path.with_suffix(".tmp")
    with source.open(encoding="utf-8", newline="") as inp, \
            temp.open("w", encoding="utf-8", newline="") as out:
        reader, writer = csv.reader(inp), csv.writer(out)
        writer.writerow(next(reader))
        for row in reader:
            if row[amount]:
                row[amount] = f"{rng.randrange(1, 999)}.{rng.randrange(1000):03d}"
            writer.writerow(row)
    temp.replace(path)
    return path


def _answer_dialogs(answers: dict[str, Any]) -> None:
    """Stand-ins for the dialogs the jobs open: Yes to every question, and the file name or
    list item in ``answers``."""
    for name in ("warning", "information", "critical", "question"):
        setattr(QMessageBox, name,
                staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (str(answers["save"]), ""))
    QInputDialog.getItem = staticmethod(lambda *args, **kwargs: (answers["item"], True))


def run(ctx: Context) -> list[Measurement]:
    """The longest stall of each job at ``ctx.deals`` deals."""
    scratch = ctx.workdir / "jobs-scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")  # the backups
    app = QApplication.instance() or QApplication(["bench"])
    assert isinstance(app, QApplication)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(scratch / "settings"))

    from salesdesk.app import STORE_CACHE, AppFileOpener
    from salesdesk.domain.deals import LookupKind
    from salesdesk.ui.actions import ActionId
    from salesdesk.ui.importing.wizard import ImportWizard
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.safety.dialogs import RestoreDialog
    from salesdesk.ui.ui_settings import UiSettings
    from salesdesk.ui.workspace import Workspace

    path = scratch / "deals.db"
    shutil.copyfile(ctx.dataset(), path)
    plan_source = planning_csv(ctx.workdir, ctx.deals)
    answers: dict[str, Any] = {}
    _answer_dialogs(answers)
    # Restore from Backup: the dialog's own accept() picks the newest backup, without exec.
    RestoreDialog.exec = lambda self: (self.accept(), self.result())[1]

    workspace = Workspace(AppFileOpener().open(path))
    window = MainWindow(workspace, AppFileOpener(), UiSettings(), STORE_CACHE)
    window.safety.timer.stop()
    window.show()
    stalls = Stalls(app)
    rows: list[Measurement] = []

    def settled() -> bool:
        # The cache rebuilt and the views refreshed from it: the Growth points tab ranks in
        # the background after the cache is ready, and its result is shown on the GUI thread.
        return (window.cache.cache is not None and not window.cache.is_building
                and window.tasks.idle)

    def status(text: str) -> Callable[[], bool]:
        return lambda: text in window.statusBar().currentMessage()

    def action(name: ActionId) -> Callable[[], None]:
        return lambda: window.registry[name].trigger()

    def job(name: str, start: Callable[[], object], finished: Callable[[], bool],
            note: str = "") -> None:
        def started() -> None:
            window.statusBar().clearMessage()  # each job's own message says it is done
            start()

        if ctx.wanted(name):
            rows.append(stalls.measure(name, started,
                                       lambda: finished() and window.tasks.idle, note))

    try:
        while not settled():
            app.processEvents()
            time.sleep(0.001)
        store = workspace.store
        job("back up now", action(ActionId.BACKUP_NOW), status("Backed up"))
        job("check database", action(ActionId.CHECK_DATABASE),
            lambda: not window.tasks.busy)
        if ctx.wanted("restore from backup") and not ctx.wanted("back up now"):
            store.backups.take(store.backups.folder())  # something to restore (not timed)
        job("restore from backup", action(ActionId.RESTORE_BACKUP),
            lambda: status("Restored")() and settled(), "until the figures are rebuilt")

        # The clients to erase are chosen before the timer starts: the choice is the
        # benchmark's work, not the app's.
        clients = iter([name for name in store.names(LookupKind.CLIENT)
                        if not name.startswith("Erased client")])

        def erase() -> None:
            answers["item"] = next(clients)
            window.registry[ActionId.ERASE_CLIENT].trigger()

        job("erase client", erase, lambda: status("personal data was erased")() and settled(),
            "VACUUM included; until the figures are rebuilt")
        for suffix in ("csv", "xlsx"):
            answers["save"] = scratch / f"deals.{suffix}"
            job(f"export deals ({suffix.upper()})", action(ActionId.EXPORT_DEALS),
                status("Exported"), f"{ctx.deals:,} deals")
        answers["save"] = scratch / "copy.db"
        job("save a copy", action(ActionId.SAVE_COPY), status("Saved a copy"))
        answers["save"] = scratch / "report.pdf"
        window.tabs.setCurrentWidget(window.funnel_tab)
        job("export report (PDF)", action(ActionId.EXPORT_REPORT), status("Saved the report"),
            "5 charts painted on the GUI thread in 15 turns, the PDF in a worker")
        if ctx.wanted("import planning"):
            wizard = ImportWizard(workspace, UiSettings(), window)
            wizard.show()
            wizard.file_page.path_edit.setText(str(plan_source))
            for page in (wizard.source_page, wizard.mapping_page):
                wizard.next()
                while wizard.currentPage() is not page or wizard.tasks.busy:
                    app.processEvents()
                    time.sleep(0.001)

            def plan() -> None:
                if wizard.currentPage() is wizard.values_page:
                    wizard.back()
                wizard.next()

            job("import planning", plan, wizard.values_page.isComplete,
                f"{ctx.deals:,}-row CSV, amounts read whole: {plan_source.name}")
            wizard.close()
    finally:
        window.close()
        workspace.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return rows
