"""The deal form's lost reason: a reason from the editable list, and its details — what it was
for "Other", which competitor for the reason meaning "lost to a competitor" (DESIGN.md §3:
asked for, never forced)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QInputDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.deals import OTHER_LOST_REASON
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate

NEW_REASON = "\x00new"  # the item that adds a reason to the list
ASK = QT_TRANSLATE_NOOP("LostReasonField", "Why was it lost? Choose…")  # shown translated


class LostReasonField(QWidget):
    """A reason picker with a details field under it.

    The reasons are the list's (Edit ▸ Lists edits it); "Other" comes last and asks what it
    was; "New reason…" adds one to the list (saving the deal creates it). The details field
    asks which competitor for the competitor reason, offering the competitors named before.

    Signals:
        edited(): the reason or the details changed.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("lost_reason")
        self.combo.setPlaceholderText(translate("LostReasonField", ASK))
        self.details = QLineEdit()
        self.details.setObjectName("lost_reason_note")
        self.details.setAccessibleName(translate("LostReasonField", "Lost reason details"))
        self._competitors = QStringListModel(self)
        completer = QCompleter(self._competitors, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.details.setCompleter(completer)
        self._competitor_reason: str | None = None
        layout = QVBoxLayout(self)  # one above the other: the form's column is narrow
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.combo)
        layout.addWidget(self.details)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._on_activated)
        self.combo.currentIndexChanged.connect(self._on_reason_changed)
        self.details.textEdited.connect(self.edited)
        self._on_reason_changed()

    def set_reasons(self, names: Sequence[str], competitor_reason: str | None = None,
                    competitors: Sequence[str] = ()) -> None:
        """Offer ``names`` ("Other" last); ``competitor_reason`` is the reason whose details
        name a competitor, ``competitors`` the names offered for them."""
        current = self.reason()
        others = [n for n in names if n.casefold() == OTHER_LOST_REASON.casefold()]
        self.combo.blockSignals(True)
        self.combo.clear()
        for name in [n for n in names if n not in others] + others:
            label = (translate("LostReasonField", "{reason} (say what)").format(reason=name)
                     if name in others else name)
            self.combo.addItem(label, name)
        self.combo.addItem(translate("LostReasonField", "New reason…"), NEW_REASON)
        self.combo.blockSignals(False)
        self._competitor_reason = competitor_reason
        self._competitors.setStringList(list(competitors))
        self.set_reason(current)

    def reason(self) -> str:
        """The reason chosen ("" when none)."""
        data = self.combo.currentData()
        return "" if data in (None, NEW_REASON) else str(data)

    def note(self) -> str:
        """The details typed."""
        return self.details.text()

    def set_reason(self, name: str | None) -> None:
        """Choose ``name`` (added to the choices when the list does not offer it, e.g. a
        retired reason); None or "" chooses nothing."""
        if not name:
            self.combo.setCurrentIndex(-1)
            return
        index = self.combo.findData(name)
        if index < 0:
            index = next((i for i in range(self.combo.count())
                          if str(self.combo.itemData(i)).casefold() == name.casefold()), -1)
        if index < 0:
            self.combo.insertItem(max(0, self.combo.count() - 1), name, name)
            index = self.combo.findData(name)
        self.combo.setCurrentIndex(index)

    def set_note(self, text: str) -> None:
        """Fill in the details."""
        self.details.setText(text)

    def _on_activated(self, index: int) -> None:
        if self.combo.itemData(index) != NEW_REASON:
            return
        name, ok = QInputDialog.getText(
            self, translate("LostReasonField", "New lost reason"),
            translate("LostReasonField", "Add a reason to the list (saving the deal adds it):"))
        name = " ".join(name.split())
        self.set_reason(name if ok and name else None)

    def _on_reason_changed(self) -> None:
        reason = self.reason()
        if self._competitor_reason and reason.casefold() == self._competitor_reason.casefold():
            self.details.setPlaceholderText(
                translate("LostReasonField", "Which competitor won it?"))
        elif reason.casefold() == OTHER_LOST_REASON.casefold():
            self.details.setPlaceholderText(translate("LostReasonField", "What was it?"))
        else:
            self.details.setPlaceholderText(translate("LostReasonField", "Details (optional)"))
        self.edited.emit()
