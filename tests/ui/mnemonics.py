"""Which Alt+letter keys a window offers at once, to find two controls sharing one.

Qt gives a mnemonic ("&File") only to widgets that are visible, so what clashes depends on the
tab and page shown: callers show each state and ask again.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter ``text`` underlines ("&File" → "f"), None when it has none."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def offered(window: QWidget) -> dict[str, list[str]]:
    """Every mnemonic the visible controls of ``window`` answer to, with their texts: menu
    titles, tabs of visible tab bars, buttons, labels with a buddy and group boxes."""
    keys: dict[str, list[str]] = defaultdict(list)
    texts: list[str] = []
    for widget in (window, *window.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        if isinstance(widget, QMenuBar):
            texts += [action.text() for action in widget.actions() if action.isVisible()]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractButton) or (
                isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    for text in texts:
        letter = mnemonic(text)
        if letter:
            keys[letter].append(text)
    return dict(keys)


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The mnemonics two or more visible controls of ``window`` share."""
    return {letter: texts for letter, texts in offered(window).items() if len(texts) > 1}


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    """The mnemonics two or more items of one menu share (each submenu is asked apart)."""
    keys: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        letter = mnemonic(action.text())
        if letter and action.isVisible():
            keys[letter].append(action.text())
    return {letter: texts for letter, texts in keys.items() if len(texts) > 1}
