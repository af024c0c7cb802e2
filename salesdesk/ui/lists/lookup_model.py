"""A table model over one lookup list: name, deal count, status, and clients' contacts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from salesdesk.domain.deals import LookupKind
from salesdesk.domain.lookups import LookupItem
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui import formatting

Index = QModelIndex | QPersistentModelIndex
_BASE_HEADERS = (QT_TRANSLATE_NOOP("LookupModel", "Name"),
                 QT_TRANSLATE_NOOP("LookupModel", "Deals"),
                 QT_TRANSLATE_NOOP("LookupModel", "Status"))
_CONTACT_HEADERS = (QT_TRANSLATE_NOOP("LookupModel", "Contact person"),
                    QT_TRANSLATE_NOOP("LookupModel", "Email"),
                    QT_TRANSLATE_NOOP("LookupModel", "Phone"))
_CONTACT_FIELDS = ("contact_person", "email", "phone")


class LookupModel(QAbstractTableModel):
    """The values of one list; edits are requested through signals, never written here.

    Signals:
        rename_requested(LookupItem, str): the user typed a new name.
        contact_requested(LookupItem, str, str, str): the user changed a client's contact.
    """

    rename_requested = Signal(object, str)
    contact_requested = Signal(object, str, str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind = LookupKind.CLIENT
        self._items: list[LookupItem] = []

    @property
    def kind(self) -> LookupKind:
        """The list shown."""
        return self._kind

    def set_items(self, kind: LookupKind, items: list[LookupItem]) -> None:
        """Show ``items`` of the list ``kind``."""
        self.beginResetModel()
        self._kind = kind
        self._items = items
        self.endResetModel()

    def item(self, row: int) -> LookupItem:
        """The value in ``row``."""
        return self._items[row]

    def items(self) -> list[LookupItem]:
        """Every value shown, in order."""
        return list(self._items)

    def _headers(self) -> tuple[str, ...]:
        if self._kind is LookupKind.CLIENT:
            return _BASE_HEADERS + _CONTACT_HEADERS
        return _BASE_HEADERS

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers())):
            return translate("LookupModel", self._headers()[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 or index.column() >= len(_BASE_HEADERS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return item.name
            if column == 1:
                if role == Qt.ItemDataRole.EditRole:
                    return item.deals
                return formatting.count(item.deals)
            if column == 2:
                return (translate("LookupModel", "Retired") if item.retired
                        else translate("LookupModel", "In use"))
            return getattr(item, _CONTACT_FIELDS[column - len(_BASE_HEADERS)])
        if role == Qt.ItemDataRole.ForegroundRole and item.retired:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item, column, text = self._items[index.row()], index.column(), str(value).strip()
        if column == 0:
            if text and text != item.name:
                self.rename_requested.emit(item, text)
            return False  # the store's change signal reloads the model
        if column >= len(_BASE_HEADERS):
            values = [item.contact_person, item.email, item.phone]
            values[column - len(_BASE_HEADERS)] = text
            if values != [item.contact_person, item.email, item.phone]:
                self.contact_requested.emit(item, *values)
        return False
