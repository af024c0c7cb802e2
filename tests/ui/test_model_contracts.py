"""Every table model of the window passes Qt's model tester with real data in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salesdesk.domain.deal_prep import PrepSheet
from salesdesk.store.backup_manifest import BackupInfo
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.safety.dialogs import BackupListModel
from salesdesk.ui.scorecards.models import SheetModel
from salesdesk.ui.scorecards.prep_dialog import PrepGridModel
from salesdesk.ui.scorecards.template_dialog import TemplateModel

from .conftest import demo_copy, shown_window


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        qtbot.waitUntil(lambda: main.funnel_tab.figures is not None, timeout=10000)
        main.tabs.setCurrentWidget(main.scorecards_tab)
        qtbot.waitUntil(lambda: main.scorecards_tab.report is not None, timeout=10000)
        yield main


def test_the_tabs_models(qtmodeltester: ModelTester, demo_window: MainWindow) -> None:
    tab = demo_window.scorecards_tab
    models = [demo_window.funnel_tab.model, tab.history_model, tab.scores_model,
              tab.weak_model]
    assert all(model.rowCount() > 0 for model in models)
    for model in models:
        qtmodeltester.check(model, force_py=True)


def test_the_dialogs_models(qtmodeltester: ModelTester, demo_window: MainWindow) -> None:
    cards = demo_window.workspace.store.scorecards
    template = cards.template()
    sheet = PrepSheet().with_cell(0, 0, concede="free delivery", ask="a longer contract")
    template_model = TemplateModel()
    template_model.set_template(template)
    backups = BackupListModel([
        BackupInfo(Path("a.db"), dt.datetime(2026, 1, 2, 3, 4), 120, "ab" * 32, "daily"),
        BackupInfo(Path("usb.db"), dt.datetime(2026, 1, 1), None, None)])
    for model in (SheetModel(template), PrepGridModel(sheet), template_model, backups):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
