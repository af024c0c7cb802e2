"""Editing the skill template (add, rename, reorder, retire items), the manipulation
checklist and the completeness from which a deal counts as prepared.

Every change is an undoable command applied at once; each template edit stores a new
template version, so assessments made before it keep reading with the texts they had.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.scorecards import (
    SkillItem,
    Template,
    TemplateError,
    add_item,
    move_item,
    rename_item,
    set_item_retired,
    template_text,
)
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui.scorecards.commands import (
    EditTemplateCommand,
    SetPreparedShareCommand,
    SetTacticsCommand,
    scorecards,
)
from salesdesk.ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex


class TemplateModel(QAbstractTableModel):
    """The template's items in sheet order, retired ones greyed."""

    HEADERS = (QT_TRANSLATE_NOOP("TemplateModel", "Section"),
               QT_TRANSLATE_NOOP("TemplateModel", "Item"),
               QT_TRANSLATE_NOOP("TemplateModel", "What good looks like"),
               QT_TRANSLATE_NOOP("TemplateModel", "Status"))

    def __init__(self) -> None:
        super().__init__()
        self.template: Template | None = None
        self.items: list[SkillItem] = []

    def set_template(self, template: Template) -> None:
        """Show ``template``."""
        self.beginResetModel()
        self.template = template
        self.items = template.ordered_items()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("TemplateModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.template is None:
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (template_text(self.template.section_title(item.section)),
                    template_text(item.text), template_text(item.good),
                    translate("TemplateModel", "retired") if item.retired
                    else translate("TemplateModel", "in use"))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return template_text(item.good)
        if role == Qt.ItemDataRole.FontRole and item.retired:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and item.retired:
            from PySide6.QtGui import QColor

            return QColor("#8a8f98")
        return None


class ItemDialog(QDialog):
    """Ask for an item's section (when adding), text and description.

    A default item's text and description are offered in the chosen language; :meth:`texts`
    gives back the stored ones for what was left as offered.
    """

    def __init__(self, template: Template, item: SkillItem | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ItemDialog", "Rename item") if item
                            else translate("ItemDialog", "Add item"))
        self._item = item
        self.section = QComboBox()
        for section in template.sections:
            self.section.addItem(template_text(section.title), section.key)
        self.text = QLineEdit(template_text(item.text) if item else "")
        self.text.setObjectName("item_text")
        self.good = QPlainTextEdit(template_text(item.good) if item else "")
        self.good.setObjectName("item_good")
        self.good.setTabChangesFocus(True)
        self.good.setPlaceholderText(translate("ItemDialog", "What a good score looks like"))
        form = QFormLayout()
        if item is None:
            form.addRow(translate("ItemDialog", "&Section:"), self.section)
        else:
            self.section.setCurrentIndex(self.section.findData(item.section))
        form.addRow(translate("ItemDialog", "&Item:"), self.text)
        form.addRow(translate("ItemDialog", "&Good looks like:"), self.good)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 260)

    def texts(self) -> tuple[str, str]:
        """The item's text and description as entered: a default one left as it was offered
        (translated) stays the stored text, so an untouched item is not renamed."""
        text, good = self.text.text(), self.good.toPlainText()
        if self._item is not None:
            if " ".join(text.split()) == " ".join(template_text(self._item.text).split()):
                text = self._item.text
            if good.strip() == template_text(self._item.good).strip():
                good = self._item.good
        return text, good


class TemplateDialog(QDialog):
    """The skill template, the manipulation checklist and the prepared threshold."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_dialog")
        self.setWindowTitle(translate("TemplateDialog", "Skill template"))
        self._workspace = workspace
        self.model = TemplateModel()
        self.table = QTableView()
        self.table.setObjectName("template_items")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.version = QLabel()
        self.add_button = QPushButton(translate("TemplateDialog", "&Add…"))
        self.rename_button = QPushButton(translate("TemplateDialog", "&Rename…"))
        self.up_button = QPushButton(translate("TemplateDialog", "Move &Up"))
        self.down_button = QPushButton(translate("TemplateDialog", "Move &Down"))
        self.retire_button = QPushButton(translate("TemplateDialog", "Re&tire"))
        buttons_row = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.up_button, self.down_button,
                       self.retire_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.version)
        items_page = QWidget()
        items_layout = QVBoxLayout(items_page)
        items_layout.addWidget(QLabel(translate(
            "TemplateDialog", "Each change is saved at once as a new version of the template "
            "(Edit ▸ Undo reverts it); assessments keep the version they were made with. "
            "Retired items leave new sheets but keep their history.")))
        items_layout.addWidget(self.table, 1)
        items_layout.addLayout(buttons_row)

        self.tactics = QPlainTextEdit()
        self.tactics.setObjectName("tactics_list")
        self.save_tactics = QPushButton(translate("TemplateDialog", "Save Checklist"))
        self.prepared = QSpinBox()
        self.prepared.setObjectName("prepared_threshold")
        self.prepared.setRange(1, 100)
        self.prepared.setSuffix(" %")
        self.save_prepared = QPushButton(translate("TemplateDialog", "Apply"))
        prep_page = QWidget()
        prep_layout = QVBoxLayout(prep_page)
        prep_layout.addWidget(QLabel(translate(
            "TemplateDialog", "Manipulation techniques offered on every preparation sheet, "
            "one per line:")))
        prep_layout.addWidget(self.tactics, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_tactics)
        prep_layout.addLayout(row)
        threshold = QHBoxLayout()
        threshold.addWidget(QLabel(translate(
            "TemplateDialog", "A deal counts as prepared when its sheet is at least")))
        threshold.addWidget(self.prepared)
        threshold.addWidget(QLabel(translate("TemplateDialog", "complete.")))
        threshold.addWidget(self.save_prepared)
        threshold.addStretch(1)
        prep_layout.addLayout(threshold)

        self.pages = QTabWidget()
        self.pages.addTab(items_page, translate("TemplateDialog", "Checklist items"))
        self.pages.addTab(prep_page, translate("TemplateDialog", "Preparation sheets"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(close)

        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.retire_button.clicked.connect(self.toggle_retired)
        self.save_tactics.clicked.connect(self._on_save_tactics)
        self.save_prepared.clicked.connect(self._on_save_prepared)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        workspace.changed.connect(self._on_changed)
        self._reload()
        self.resize(980, 560)

    # --- state ---------------------------------------------------------------------------

    def _reload(self, keep: int | None = None) -> None:
        cards = scorecards(self._workspace)
        template = cards.template()
        current = keep if keep is not None else self.current_item_id()
        self.model.set_template(template)
        self.version.setText(translate("TemplateDialog", "Version {version}").format(
            version=template.version))
        row = next((r for r, i in enumerate(self.model.items) if i.id == current), 0)
        self.table.setCurrentIndex(self.model.index(row, 1))
        self.tactics.setPlainText("\n".join(template_text(n) for n in cards.tactics()))
        self.prepared.setValue(round(cards.prepared_share() * 100))
        self._update_buttons()

    def current_item_id(self) -> int | None:
        """The id of the selected item."""
        row = self.table.currentIndex().row()
        return self.model.items[row].id if 0 <= row < len(self.model.items) else None

    def _update_buttons(self) -> None:
        writable = not self._workspace.read_only
        item = next((i for i in self.model.items if i.id == self.current_item_id()), None)
        for button in (self.rename_button, self.up_button, self.down_button,
                       self.retire_button):
            button.setEnabled(writable and item is not None)
        for button in (self.add_button, self.save_tactics, self.save_prepared):
            button.setEnabled(writable)
        self.retire_button.setText(translate("TemplateDialog", "Res&tore")
                                   if item and item.retired
                                   else translate("TemplateDialog", "Re&tire"))

    def _on_changed(self, changes: Changes) -> None:
        if changes.scorecards:
            self._reload()

    def _apply(self, edited: Template, text: str, keep: int | None = None) -> None:
        EditTemplateCommand(self._workspace, edited, text).run()
        self._reload(keep)

    # --- edits ---------------------------------------------------------------------------

    def add(self) -> None:
        """Ask for a new item and add it."""
        template = self.model.template
        assert template is not None
        dialog = ItemDialog(template, None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            edited = add_item(template, str(dialog.section.currentData()), dialog.text.text(),
                              dialog.good.toPlainText())
        except TemplateError as exc:
            self._workspace.error_raised.emit(str(exc))
            return
        self._apply(edited, translate("TemplateDialog", "Add checklist item {item}").format(
            item=edited.items[-1].text))
        self.table.setCurrentIndex(self.model.index(
            next((r for r, i in enumerate(self.model.items)
                  if i.text == edited.items[-1].text), 0), 1))

    def rename(self) -> None:
        """Rename the selected item (and change its description)."""
        template, item_id = self.model.template, self.current_item_id()
        if template is None or item_id is None:
            return
        item = template.item(item_id)
        dialog = ItemDialog(template, item, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            edited = rename_item(template, item_id, *dialog.texts())
        except TemplateError as exc:
            self._workspace.error_raised.emit(str(exc))
            return
        if edited != template:
            self._apply(edited, translate("TemplateDialog", "Rename checklist item {item}")
                        .format(item=dialog.text.text().strip()), item_id)

    def move_item(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1) within its section."""
        template, item_id = self.model.template, self.current_item_id()
        if template is None or item_id is None:
            return
        edited = move_item(template, item_id, step)
        if edited.ordered_items() != template.ordered_items():
            self._apply(edited, translate("TemplateDialog", "Reorder the checklist"), item_id)

    def toggle_retired(self) -> None:
        """Retire the selected item, or bring a retired one back."""
        template, item_id = self.model.template, self.current_item_id()
        if template is None or item_id is None:
            return
        item = template.item(item_id)
        assert item is not None
        edited = set_item_retired(template, item_id, not item.retired)
        text = (translate("TemplateDialog", "Restore checklist item {item}") if item.retired
                else translate("TemplateDialog", "Retire checklist item {item}"))
        self._apply(edited, text.format(item=template_text(item.text)), item_id)

    def _on_save_tactics(self) -> None:
        stored = scorecards(self._workspace).tactics()
        # A default technique left as shown (translated) keeps the name it is stored under.
        shown = {template_text(name): name for name in stored}
        names = [shown.get(line, line) for line in self.tactics.toPlainText().splitlines()
                 if line.strip()]
        if names != stored:
            SetTacticsCommand(self._workspace, names).run()

    def _on_save_prepared(self) -> None:
        share = self.prepared.value() / 100
        if share != scorecards(self._workspace).prepared_share():
            SetPreparedShareCommand(self._workspace, share).run()
