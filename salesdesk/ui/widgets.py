"""Small reusable widgets: a typed date field with a calendar, a name field with completion."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from salesdesk import paths
from salesdesk.domain.parsing import ParseError, parse_date
from salesdesk.i18n import translate
from salesdesk.ui.formatting import date_text
from salesdesk.ui.workspace import strptime_formats

EXAMPLE = dt.date(2026, 3, 31)


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with its first ``letter`` (in either case) underlined as its Alt+key:
    ``with_mnemonic("Client", "i")`` is "Cl&ient"."""
    index = text.casefold().find(letter.casefold())
    if index < 0:
        raise ValueError(f"{text!r} has no {letter!r}")
    return f"{text[:index]}&{text[index:]}"


class DateField(QWidget):
    """A date the user can type (ISO or the locale's short format) or pick from a calendar.

    Empty is allowed: dates are optional until the rules say otherwise. The text is validated
    by the domain; this widget only offers the calendar and shows dates in the locale format.

    Signals:
        edited(): the text changed by typing or picking.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit = QLineEdit(self)
        self._locale = QLocale()
        self._formats = strptime_formats(self._locale)
        self._edit.setPlaceholderText(translate("DateField", "e.g. {date} or 2026-03-31").format(
            date=date_text(EXAMPLE, self._locale)))
        self._edit.setClearButtonEnabled(True)
        self._button = QToolButton(self)
        # An icon, not an emoji: many desktop fonts have no calendar glyph.
        self._button.setIcon(QIcon(str(paths.resource("icons/calendar.svg"))))
        self._button.setToolTip(translate("DateField", "Pick a date (Alt+Down)"))
        self._button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar = QCalendarWidget()
        self._calendar.setGridVisible(False)
        menu = QMenu(self._button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self._calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self._button.setMenu(menu)
        self._calendar.clicked.connect(self._on_calendar_clicked)
        self._calendar.activated.connect(self._on_calendar_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._edit, 1)
        layout.addWidget(self._button)
        self.setFocusProxy(self._edit)
        self._edit.textEdited.connect(self.edited)
        self._edit.installEventFilter(self)

    @property
    def line_edit(self) -> QLineEdit:
        """The text field (for tab order and tests)."""
        return self._edit

    def text(self) -> str:
        """What the user typed."""
        return self._edit.text()

    def date(self) -> dt.date:
        """The date typed; ParseError (saying how to write it) when it cannot be read or is
        empty."""
        day = parse_date(self._edit.text(), self._formats)
        if day is None:
            raise ParseError(translate("DateField", "enter a date, e.g. {date} or 2026-03-31.")
                             .format(date=date_text(EXAMPLE, self._locale)))
        return day

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value`` as every screen writes dates (empty for None)."""
        self._edit.setText(date_text(value, self._locale))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._edit and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self._button.showMenu()
            return True
        return super().eventFilter(watched, event)

    def _on_menu_about_to_show(self) -> None:
        try:
            current = parse_date(self._edit.text(), self._formats)
        except ParseError:
            current = None
        day = current or dt.date.today()
        self._calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._calendar.setFocus()

    def _on_calendar_clicked(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        menu = self._button.menu()
        if menu is not None:
            menu.hide()
        self._edit.setFocus()
        self.edited.emit()


class NameField(QLineEdit):
    """A text field completing from a list of names (case-insensitive, anywhere in the name).

    New names are allowed: saving creates them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_names(self, names: list[str]) -> None:
        """The names offered while typing."""
        self._names.setStringList(names)
