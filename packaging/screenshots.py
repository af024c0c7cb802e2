"""Regenerate the README's screenshots: each tab of the sample business at 1024 × 700.

    QT_QPA_PLATFORM=offscreen python packaging/screenshots.py [--out resources/screenshots]
    QT_QPA_PLATFORM=offscreen python packaging/screenshots.py --lang hu \
        --out resources/screenshots/hu

The window is drawn offscreen (no desktop needed) on a generated sample business dated to a
fixed day, so the pictures change only when the screens do. Run it after changing a screen
and commit the PNGs with the change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from salesdesk import launch
from salesdesk.app import STORE_CACHE, AppFileOpener
from salesdesk.ui.language import Language, install_language
from salesdesk.ui.locale_setup import group_thousands
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.theme import Theme, apply_theme
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

SIZE = (1024, 700)
DEALS = 1500
TODAY = dt.date(2026, 12, 4)
OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
TABS = ("deals", "funnel", "growth", "scorecards", "customers")


def _settle(app: QCoreApplication, until: Callable[[], bool], rounds: int = 2000) -> None:
    """Let the window lay out and the background jobs deliver (at most ``rounds`` passes)."""
    for _ in range(rounds):
        app.processEvents()
        if until():
            break
    for _ in range(20):
        app.processEvents()


def take(out: Path, deals: int = DEALS, language: Language = Language.ENGLISH) -> list[Path]:
    """Write one PNG per tab into ``out``, the screens in ``language``; return their paths."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    shown = install_language(language)  # kept: its translator lives as long as this object
    group_thousands()
    apply_theme(app, Theme.LIGHT)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.db"
        launch.write_demo(path, deals, TODAY)
        workspace = Workspace(AppFileOpener().open(path))
        # Settings of its own: the shots never depend on, or change, the user's.
        settings = UiSettings(QSettings(str(Path(folder) / "ui.ini"),
                                        QSettings.Format.IniFormat))
        window = MainWindow(workspace, AppFileOpener(), settings, STORE_CACHE)
        window.resize(*SIZE)
        window.show()
        _settle(app, lambda: window.cache.cache is not None)
        written = []
        for name, tab in zip(TABS, (window.deals_tab, window.funnel_tab, window.growth_tab,
                                    window.scorecards_tab, window.customers_tab), strict=True):
            window.tabs.setCurrentWidget(tab)
            _settle(app, lambda: not window.tasks.busy)
            target = out / f"{name}.png"
            if not window.grab().save(str(target)):
                raise OSError(f"could not write {target}")
            written.append(target)
        window.close()
        workspace.close()
    shown.uninstall()
    return written


def main(argv: list[str] | None = None) -> int:
    """Regenerate the screenshots (``--out`` another folder, ``--deals`` a smaller sample)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--deals", type=int, default=DEALS)
    parser.add_argument("--lang", choices=[lang.value for lang in Language
                                           if lang is not Language.SYSTEM], default="en")
    args = parser.parse_args(argv)
    for path in take(args.out, args.deals, Language(args.lang)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
