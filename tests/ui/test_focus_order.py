"""Keyboard (issue 18): on every tab and page, Tab reaches every input and comes back round;
no list or table keeps the focus to itself (Tab in a read-only table would otherwise walk its
cells one by one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from salesdesk.ui.main_window import MainWindow

from .conftest import demo_copy, demo_database, shown_window
from .test_accessibility import INPUTS, _inner_part


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("focus-demo"), 300)


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        qtbot.waitUntil(lambda: main.cache.cache is not None, timeout=10000)
        main.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
        yield main


def tab_stops(root: QWidget) -> list[QWidget]:
    """The visible, enabled inputs of ``root`` that Tab should stop at."""
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, INPUTS) and w.isVisible() and w.isEnabled() and not _inner_part(w)
            and not isinstance(w.parentWidget(), QTabBar)  # its scroll arrows take no focus
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus]


def walk(qtbot: QtBot, start: QWidget, limit: int) -> list[QWidget]:
    """The widgets Tab focuses, from ``start`` until it comes back to it (or ``limit``)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            break
        visited.append(focused)
    return visited


def pages(window: MainWindow, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        qtbot.waitUntil(tab.isVisible)
        name = window.tabs.tabText(index).replace("&", "")
        inner = [t for t in tab.findChildren(QTabWidget) if t.isVisible()]
        if not inner:
            yield name, tab
        for pages_widget in inner:
            for page in range(pages_widget.count()):
                pages_widget.setCurrentIndex(page)
                qtbot.wait(20)
                yield f"{name} ▸ {pages_widget.tabText(page).replace('&', '')}", tab


def test_tab_reaches_every_input_of_every_tab_and_page_and_comes_back(
        qtbot: QtBot, demo_window: MainWindow) -> None:
    problems = {}
    walked = 0
    for where, tab in pages(demo_window, qtbot):
        stops = tab_stops(tab)
        if not stops:
            continue
        walked += 1
        visited = walk(qtbot, stops[0], limit=3 * len(tab_stops(demo_window)) + 10)
        closed = len(visited) < 3 * len(tab_stops(demo_window)) + 10
        unreached = [w.objectName() or type(w).__name__ for w in stops if w not in visited]
        if unreached or not closed:
            problems[where] = (unreached, "" if closed else
                               f"Tab never came back; stuck in {visited[-1].objectName()}")
    assert walked > 10
    assert problems == {}
