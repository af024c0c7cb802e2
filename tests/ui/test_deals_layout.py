"""The Deals list laid out from 1024 × 700 up: no sideways scrolling, short values whole
(issue 15), and the columns a user hides stay hidden."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QTableView
from pytestqt.qtbot import QtBot

from salesdesk.app import AppFileOpener
from salesdesk.store import DealColumn
from salesdesk.ui.column_fit import ColumnFitter
from salesdesk.ui.deals.list_model import COLUMNS, HEADERS
from salesdesk.ui.main_window import MainWindow

from .conftest import demo_copy, shown_window

WHOLE = (DealColumn.STAGE, DealColumn.OUTCOME, DealColumn.AMOUNT, DealColumn.FIRST_CONTACT,
         DealColumn.CLOSED_ON)


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        yield main


def _sized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> QTableView:
    window.resize(width, height)
    table = window.deals_tab.table
    qtbot.waitUntil(lambda: window.width() == width and table.model().rowCount() > 0)
    QApplication.processEvents()
    return table


def _shows_whole(table: QTableView, column: int, text: str, metrics: QFontMetrics,
                 margin: int) -> bool:
    room = table.columnWidth(column) - margin
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) == text


def _clipped(table: QTableView) -> list[str]:
    """The texts of WHOLE columns (cells and headers) the table elides."""
    cell_margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    header_margin = (2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
                     + table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize))
    cells = table.fontMetrics()
    titles = QFontMetrics(table.horizontalHeader().font())
    model = table.model()
    clipped = []
    for column in WHOLE:
        index = COLUMNS.index(column)
        if not _shows_whole(table, index, HEADERS[column], titles, header_margin):
            clipped.append(HEADERS[column])
        for row in range(model.rowCount()):
            text = model.index(row, index).data() or ""
            if not _shows_whole(table, index, text, cells, cell_margin):
                clipped.append(text)
    return clipped


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1280, 800), (1600, 1000)])
def test_every_column_fits_and_short_values_show_whole(
        qtbot: QtBot, demo_window: MainWindow, width: int, height: int) -> None:
    table = _sized(qtbot, demo_window, width, height)

    assert table.horizontalScrollBar().maximum() == 0
    assert _clipped(table) == []
    shown = sum(table.columnWidth(c) for c in range(len(COLUMNS)) if not table.isColumnHidden(c))
    assert shown <= table.viewport().width()
    # The room left goes to the names and the title, not to a gap at the right.
    assert shown >= table.viewport().width() - len(COLUMNS)


def test_a_column_the_user_sizes_keeps_its_width(qtbot: QtBot, demo_window: MainWindow
                                                 ) -> None:
    table = _sized(qtbot, demo_window, 1280, 800)
    title = COLUMNS.index(DealColumn.TITLE)
    table.setColumnWidth(title, 90)  # as a drag on the header's edge does

    _sized(qtbot, demo_window, 1400, 800)

    assert table.columnWidth(title) == 90


def test_hidden_columns_are_chosen_from_the_header_and_kept(
        qtbot: QtBot, demo_file: Path, tmp_path: Path) -> None:
    updated = COLUMNS.index(DealColumn.UPDATED_AT)
    product = COLUMNS.index(DealColumn.PRODUCT)
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        table = _sized(qtbot, main, 1280, 800)
        assert table.isColumnHidden(updated)  # hidden until asked for

        def toggle(menu: QMenu, header: str) -> None:
            action = next(a for a in menu.actions() if a.text() == header)
            action.trigger()
            menu.close()

        for header in (HEADERS[DealColumn.UPDATED_AT], HEADERS[DealColumn.PRODUCT]):
            _with_header_menu(main, lambda menu, h=header: toggle(menu, h))
        assert not table.isColumnHidden(updated)
        assert table.isColumnHidden(product)
        assert table.horizontalScrollBar().maximum() == 0
        assert HEADERS[DealColumn.TITLE] not in _header_menu_texts(main)

    opened = AppFileOpener().open(tmp_path / "demo.db")
    with shown_window(qtbot, opened) as again:
        table = again.deals_tab.table
        assert not table.isColumnHidden(updated)
        assert table.isColumnHidden(product)


def _with_header_menu(window: MainWindow, act: Callable[[QMenu], None]) -> None:
    """Right-click the list's header and hand the menu to ``act`` once it shows."""
    def drive() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, drive)
            return
        act(menu)

    QTimer.singleShot(0, drive)
    window.deals_tab.table.horizontalHeader().customContextMenuRequested.emit(QPoint(10, 5))


def _header_menu_texts(window: MainWindow) -> list[str]:
    texts: list[str] = []

    def read(menu: QMenu) -> None:
        texts.extend(a.text() for a in menu.actions())
        menu.close()

    _with_header_menu(window, read)
    return texts


def test_fitter_shares_room_by_weight_and_shrinks_to_minimums(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    fitter = ColumnFitter(table, {0: 100}, {1: (200, 80, 3.0), 2: (100, 60, 1.0)})

    assert fitter.widths(500) == {0: 100, 1: 275, 2: 125}  # 100 beyond natural, 3 : 1
    assert fitter.widths(250) == {0: 100, 1: 90, 2: 60}  # column 2 floored, 1 takes the rest
    assert fitter.widths(100) == {0: 100, 1: 80, 2: 60}  # no room: minimums, then it scrolls
    assert fitter.widths(300, hidden=[0]) == {1: 200, 2: 100}
