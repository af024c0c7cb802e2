"""Data safety in the window (issue 6): automatic backups, Restore from Backup, Check Database,
Erase Client, a damaged file offered its newest good backup, and a full disk in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.app import STORE_CACHE, AppFileOpener
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal, LookupKind
from salesdesk.store import FileReadOnly, newest_good_backup, open_store
from salesdesk.store.backup_manifest import list_backups
from salesdesk.store.backup_retention import MIN_INTERVAL
from salesdesk.ui.actions import ActionId
from salesdesk.ui.deals.commands import AddDealCommand
from salesdesk.ui.formatting import moment_text
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.safety import damaged
from salesdesk.ui.safety.dialogs import RestoreDialog
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

from .conftest import run_with_modal

UTC = dt.UTC


class Boxes:
    """Message boxes answered automatically; their texts are kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
                 = QMessageBox.StandardButton.Yes) -> None:
        self.texts: list[str] = []
        for name in ("warning", "information", "critical", "question"):
            monkeypatch.setattr(QMessageBox, name, self._box(answer))

    def _box(self, answer: QMessageBox.StandardButton) -> Any:
        def box(parent: QWidget | None, title: str, text: str, *args: object
                ) -> QMessageBox.StandardButton:
            self.texts.append(text)
            return answer
        return box


def _add(window: MainWindow, *titles: str, client: str | None = None) -> None:
    for title in titles:
        assert AddDealCommand(window.workspace, Deal(title=title, client=client)).run()


def _titles(window: MainWindow) -> list[str]:
    return [r[0] for r in window.workspace.store.db.execute(
        "SELECT title FROM deals ORDER BY id")]


def test_automatic_backups_are_taken_when_due_in_a_worker(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    keeper = window.safety
    folder = window.workspace.store.backups.folder()
    now = dt.datetime.now(UTC)
    assert not keeper.backup_if_due(now)  # nothing changed yet
    _add(window, "First")
    with qtbot.waitSignal(keeper.backup_taken, timeout=10_000) as taken:
        assert keeper.backup_if_due(now)
    assert taken.args[0].deals == 1
    _add(window, "Second")
    assert not keeper.backup_if_due(now + MIN_INTERVAL / 2)  # too soon
    with qtbot.waitSignal(keeper.backup_taken, timeout=10_000):
        assert keeper.backup_if_due(now + MIN_INTERVAL * 2)
    assert [b.deals for b in list_backups(folder)] == [2, 1]
    assert not keeper.backup_if_due(now + MIN_INTERVAL * 5)  # no change since


def test_a_backup_is_taken_on_close_when_due(qtbot: QtBot, opener: AppFileOpener,
                                             tmp_path: Path) -> None:
    opened = opener.create(tmp_path / "close.db", "EUR")
    workspace = Workspace(opened)
    main = MainWindow(workspace, opener, UiSettings(), STORE_CACHE)
    qtbot.addWidget(main)
    _add(main, "Unsaved by backups")
    folder = workspace.store.backups.folder()
    main.close()
    workspace.close()
    assert [b.deals for b in list_backups(folder)] == [1]


def test_the_demo_file_gets_no_backups(qtbot: QtBot, opener: AppFileOpener,
                                       isolated_dirs: Path) -> None:
    opened = opener.open_demo()
    workspace = Workspace(opened)
    main = MainWindow(workspace, opener, UiSettings(), STORE_CACHE)
    qtbot.addWidget(main)
    try:
        workspace.notify(Changes(all_deals=True))
        assert not main.safety.backup_if_due()
    finally:
        main.close()
        workspace.close()
    assert not (isolated_dirs / "data" / "salesdesk" / "backups").exists()


def test_restore_from_backup_lists_backups_restores_and_clears_undo(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _add(window, "Kept")
    with qtbot.waitSignal(window.safety.backup_taken):
        window.safety.backup_now()
    _add(window, "Lost by the restore")
    assert window.workspace.undo_stack.count() == 2
    boxes = Boxes(monkeypatch)
    seen: list[tuple[str, str, str]] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        model = dialog.model
        seen.append(tuple(model.index(0, c).data() for c in range(3)))  # type: ignore[arg-type]
        dialog.restore_button.click()

    newest = list_backups(window.workspace.store.backups.folder())[0]
    with qtbot.waitSignal(window.workspace.changed):
        run_with_modal(qtbot, window.registry[ActionId.RESTORE_BACKUP].trigger, choose)
    date, deals, checksum = seen[0]
    assert date == moment_text(newest.taken_at)  # the screens' date and time
    assert deals == "1" and checksum == "recorded"
    assert _titles(window) == ["Kept"]
    assert window.workspace.undo_stack.count() == 0
    assert "undo history was cleared" in boxes.texts[-1]
    assert "undo history was cleared" in window.statusBar().currentMessage()
    assert window.deals_tab.model.total == 1


def test_a_copy_with_another_page_size_is_restored_on_the_window_s_own_connection(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "copy.db"
    copy = open_store(other)
    copy.add_deal(Deal(title="From the copy"), dt.date.today())
    copy.close()
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")
    conn.close()
    _add(window, "Replaced")
    # As before, it works while no other connection is open: not even the cache's builder.
    qtbot.waitUntil(lambda: window.cache.cache is not None and not window.cache.is_building)
    boxes = Boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    # Restored on the GUI thread (the copy must be made on the file's only connection): the
    # action has finished when trigger() returns.
    run_with_modal(qtbot, window.registry[ActionId.RESTORE_BACKUP].trigger,
                   lambda dialog: dialog.other.click())  # type: ignore[attr-defined]
    assert "not in the backup manifest" in boxes.texts[0]
    assert "Restored 1 deals" in boxes.texts[-1]
    assert _titles(window) == ["From the copy"]
    assert window.workspace.store.db.execute("PRAGMA page_size").fetchone()[0] == 8192


def test_check_database_shows_the_result(qtbot: QtBot, window: MainWindow,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    boxes = Boxes(monkeypatch)
    window.registry[ActionId.CHECK_DATABASE].trigger()
    qtbot.waitUntil(lambda: len(boxes.texts) == 1)
    assert "is healthy" in boxes.texts[-1]
    monkeypatch.setattr(type(window.workspace.store), "check",
                        lambda self: ["row 3 missing from index deals_title"])
    window.registry[ActionId.CHECK_DATABASE].trigger()
    qtbot.waitUntil(lambda: len(boxes.texts) == 2)
    assert "deals_title" in boxes.texts[-1] and "Restore from Backup" in boxes.texts[-1]


def test_erase_client_is_confirmed_and_clears_undo(qtbot: QtBot, window: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _add(window, "Zyxwolff Bakery Boiler", client="Zyxwolff Bakery")
    assert AddDealCommand(window.workspace, Deal(title="Heat pump", client="Acme",
                                                 notes="Zyxwolff Bakery sent them")).run()
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *args, **kwargs: ("Zyxwolff Bakery", True))
    declined = Boxes(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.registry[ActionId.ERASE_CLIENT].trigger()
    qtbot.waitUntil(lambda: bool(declined.texts))  # the preview is read in a worker
    # Before anything changes, the user sees what will: its deal, one place elsewhere.
    assert "in its 1 deal (whose notes are emptied) and in 1 place in other records" in (
        declined.texts[0])
    assert "“Erased client 1”" in declined.texts[0] and "cannot be undone" in declined.texts[0]
    assert window.workspace.store.names(LookupKind.CLIENT) == ["Acme", "Zyxwolff Bakery"]
    boxes = Boxes(monkeypatch)
    window.registry[ActionId.ERASE_CLIENT].trigger()
    qtbot.waitUntil(lambda: len(boxes.texts) == 2)  # the confirmation, then the result
    assert window.workspace.store.names(LookupKind.CLIENT) == ["Acme", "Erased client 1"]
    assert _titles(window) == ["Erased client 1 Boiler", "Heat pump"]
    assert window.workspace.undo_stack.count() == 0
    assert "undo history was cleared" in boxes.texts[-1]


def test_the_write_actions_are_off_for_a_read_only_file(window: MainWindow) -> None:
    window.registry.set_writable(False)
    for action in (ActionId.RESTORE_BACKUP, ActionId.ERASE_CLIENT, ActionId.BACKUP_NOW):
        assert not window.registry[action].isEnabled()
    assert window.registry[ActionId.CHECK_DATABASE].isEnabled()


@pytest.fixture
def damaged_with_backup(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "damaged.db"
    store = open_store(path)
    store.add_deal(Deal(title="In the backup"), dt.date.today())
    store.backups.take(store.backups.folder())
    store.close()
    data = bytearray(path.read_bytes())
    last = len(data) // 4096 - 1
    data[4096 * last:] = b"\xa5" * 4096  # the last page overwritten: readable header, bad data
    path.write_bytes(bytes(data))
    yield path


def test_a_damaged_file_is_not_written_and_its_newest_good_backup_is_offered(
        qtbot: QtBot, window: MainWindow, damaged_with_backup: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = damaged_with_backup
    damaged = path.read_bytes()
    declined = Boxes(monkeypatch, QMessageBox.StandardButton.No)
    window.files.open_path(path)
    qtbot.waitUntil(lambda: bool(declined.texts))
    assert "newest good backup" in declined.texts[0]
    assert path.read_bytes() == damaged
    assert window.workspace.store.path.name == "deals.db"
    accepted = Boxes(monkeypatch)
    with qtbot.waitSignal(window.workspace.file_replaced, timeout=10_000):
        window.files.open_path(path)
    assert "newest good backup" in accepted.texts[0]
    assert _titles(window) == ["In the backup"]
    assert [p.read_bytes() for p in path.parent.glob("damaged.db.damaged-*")
            if not p.name.endswith(("-wal", "-shm"))] == [damaged]


def test_a_full_disk_during_a_save_is_a_plain_message(qtbot: QtBot, window: MainWindow,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    boxes = Boxes(monkeypatch)
    store = window.workspace.store
    _add(window, "Before")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with qtbot.waitSignal(window.workspace.error_raised) as raised:
        assert not AddDealCommand(window.workspace,
                                  Deal(title="Too much", notes="n" * 20_000)).run()
    assert "The disk holding deals.db is full" in raised.args[0]
    assert "deals.db is full" in boxes.texts[-1] and "Traceback" not in boxes.texts[-1]
    assert _titles(window) == ["Before"]
    store.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    _add(window, "After")
    assert _titles(window) == ["Before", "After"]


def test_restore_dialog_without_backups(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RestoreDialog(tmp_path / "none")
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert dialog.model.rowCount() == 0
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Deals"


def test_a_read_only_backup_folder_is_a_plain_message_and_the_app_keeps_working(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from salesdesk import files as safe_files

    folder = tmp_path / "locked-folder"
    folder.mkdir()
    if os.geteuid() == 0:
        # root writes through chmod: refuse the write as a read-only folder would.
        def refuse(folder: Path, prefix: str) -> Path:
            raise PermissionError(13, "Permission denied", str(folder))
        monkeypatch.setattr(safe_files, "_new_temporary", refuse)
    else:
        folder.chmod(0o500)
    store = window.workspace.store
    store.save_settings(replace(store.settings(), backup_folder=str(folder)))
    boxes = Boxes(monkeypatch)
    _add(window, "Still saved")
    window.safety.backup_now()
    qtbot.waitUntil(lambda: bool(boxes.texts))
    assert "may not write there" in boxes.texts[-1]
    assert list(folder.iterdir()) == []
    _add(window, "And this one")
    assert _titles(window) == ["Still saved", "And this one"]
    folder.chmod(0o700)


def test_a_failed_upgrade_is_reported_without_offering_a_backup(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from salesdesk.store import MigrationFailed

    class Failing:
        def start_open(self, path: Path, *, read_only: bool = False) -> Any:
            return self

        def prepare(self) -> None:
            raise MigrationFailed("Upgrading x.db failed; it was put back.")

        def abandon(self) -> None:
            pass

        def start_restore(self, path: Path, backup: object) -> Any:
            raise AssertionError("nothing is restored")

    monkeypatch.setattr(window.files._opening, "_opener", Failing())
    monkeypatch.setattr(damaged, "newest_good_backup",
                        lambda path: pytest.fail("no backup is offered"))
    boxes = Boxes(monkeypatch)
    window.files.open_path(tmp_path / "x.db")
    qtbot.waitUntil(lambda: bool(boxes.texts))
    assert "put back" in boxes.texts[-1]
    assert window.workspace.store.path.name == "deals.db"


def test_a_read_only_file_is_offered_read_only_never_a_restore(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened_read_only: list[Path] = []
    real = AppFileOpener()

    class ReadOnlyPlace:
        def start_open(self, path: Path, *, read_only: bool = False) -> Any:
            if not read_only:
                raise FileReadOnly(f"{path.name} is read-only: changes cannot be saved here.")
            opened_read_only.append(path)
            return real.start_open(path, read_only=True)

        def start_restore(self, path: Path, backup: object) -> Any:
            raise AssertionError("a healthy file is never restored over")

    shop = tmp_path / "shop.db"
    store = open_store(shop)
    store.add_deal(Deal(title="Healthy"), dt.date.today())
    store.close()
    monkeypatch.setattr(window.files._opening, "_opener", ReadOnlyPlace())
    monkeypatch.setattr(damaged, "newest_good_backup",
                        lambda path: pytest.fail("no backup is offered"))
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Open)
    window.files.open_path(shop)
    qtbot.waitUntil(lambda: window.workspace.store.path == shop)
    assert "read-only: changes cannot be saved here" in boxes.texts[0]
    assert "Open it read-only?" in boxes.texts[0] and opened_read_only == [shop]
    assert window.workspace.read_only and _titles(window) == ["Healthy"]


def test_a_damaged_file_s_backups_are_looked_for_in_the_folder_it_names(tmp_path: Path) -> None:
    from dataclasses import replace

    from salesdesk.store.backup_manifest import backup_folders_of, default_backup_folder

    path = tmp_path / "deals.db"
    chosen = tmp_path / "usb-stick"
    store = open_store(path)
    store.save_settings(replace(store.settings(), backup_folder=str(chosen)))
    store.add_deal(Deal(title="In the backup"), dt.date.today())
    taken = store.backups.take(store.backups.folder())
    store.close()
    assert taken.path.parent == chosen
    assert backup_folders_of(path) == [chosen, default_backup_folder(path)]
    found = newest_good_backup(path)
    assert found is not None and found.path == taken.path
    path.write_bytes(b"not a database any more" * 200)
    assert backup_folders_of(path) == [default_backup_folder(path)]
