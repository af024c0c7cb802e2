"""Screen readers (issue 18): every input on every tab and page says what it is (its own
accessible name, or the label it is the buddy of)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salesdesk.ui.main_window import MainWindow

from .conftest import demo_copy, demo_database, shown_window

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView,
          QPlainTextEdit, QTextEdit)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("a11y-demo"), 300)


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        qtbot.waitUntil(lambda: main.cache.cache is not None, timeout=10000)
        yield main


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def unnamed_inputs(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName() or '(no objectName)'} in "
            f"{type(w.parentWidget()).__name__}"
            for w in root.findChildren(QWidget)
            if isinstance(w, INPUTS) and w.isVisible() and not accessible_name(w)
            and not _inner_part(w)]


def _inner_part(widget: QWidget) -> bool:
    """Parts Qt builds inside another input (a combo box's line edit, a spin box's)."""
    parent = widget.parentWidget()
    return (isinstance(parent, QComboBox | QAbstractSpinBox) or isinstance(widget, QHeaderView)
            or widget.objectName().startswith("qt_"))


def pages(window: MainWindow, qtbot: QtBot) -> Iterator[str]:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        qtbot.waitUntil(tab.isVisible)
        name = window.tabs.tabText(index).replace("&", "")
        yield name
        for inner in tab.findChildren(QTabWidget):
            if inner.isVisible():
                for page in range(inner.count()):
                    inner.setCurrentIndex(page)
                    yield f"{name} ▸ {inner.tabText(page).replace('&', '')}"


def test_every_input_on_every_tab_and_page_has_an_accessible_name(
        qtbot: QtBot, demo_window: MainWindow) -> None:
    found = {where: unnamed_inputs(demo_window) for where in pages(demo_window, qtbot)}
    assert len(found) > 10
    missing = {where: names for where, names in found.items() if names}
    assert not missing, "\n".join(f"{w}: {n}" for w, n in missing.items())
