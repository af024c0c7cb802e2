"""The Deals tab: search, outcome filter, the lazily loaded list and the selected deal's details."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind, Outcome
from salesdesk.i18n import translate
from salesdesk.store import DealColumn, DealListQuery, NotFound
from salesdesk.ui.deals.commands import (
    AddDealCommand,
    DeleteDealsCommand,
    EditDealCommand,
    SetStageCommand,
)
from salesdesk.ui.deals.deal_form import DealDialog
from salesdesk.ui.deals.deal_table import DealTable
from salesdesk.ui.deals.details import DealDetails
from salesdesk.ui.deals.list_model import DealListModel
from salesdesk.ui.formatting import date_text
from salesdesk.ui.workspace import Workspace

SEARCH_DELAY_MS = 200
# The outcome filter's choices: every outcome (None), then each one.
_OUTCOME_FILTERS = (None, Outcome.OPEN, Outcome.WON, Outcome.LOST)


class DealsTab(QWidget):
    """List, search and edit deals.

    Signals:
        selection_changed(): the selected deals changed (the window updates its actions).
        prep_requested(int): the deal form asked for the deal's preparation sheet (the main
            window routes it to the Scorecards feature).
    """

    selection_changed = Signal()
    prep_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.model = DealListModel(workspace.store, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect_signals()
        self._update_state()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("deal_search")
        self.search.setPlaceholderText(
            translate("DealsTab", "Search title, client, salesperson, product, notes…"))
        self.search.setAccessibleName(translate("DealsTab", "Search the deals"))
        self.search.setClearButtonEnabled(True)
        self.outcome_filter = QComboBox()
        self.outcome_filter.setObjectName("outcome_filter")
        self.outcome_filter.setAccessibleName(translate("DealsTab", "Show deals by outcome"))
        for outcome in _OUTCOME_FILTERS:
            # Qt hands a StrEnum back as a plain str: store the value, rebuild the Outcome.
            self.outcome_filter.addItem(_all_outcomes() if outcome is None else outcome.label,
                                        outcome.value if outcome else None)
        self.count_label = QLabel()
        self.new_button = QPushButton(translate("DealsTab", "New Deal"))
        self.new_button.setToolTip(translate("DealsTab", "Record a new deal (Ctrl+N)"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.outcome_filter)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)

        self.table = DealTable(
            self.model, self._workspace.store.names(LookupKind.STAGE, include_retired=True))

        self.empty = QLabel()
        self.empty.setObjectName("deals_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.start_buttons = QWidget()
        self.start_buttons.setObjectName("start_buttons")
        self._start_row = QHBoxLayout(self.start_buttons)
        self._start_row.addStretch(1)
        self._start_row.addStretch(1)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.start_buttons)
        empty_layout.addStretch(2)
        self._empty_page = empty_page
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_page)

        self.details = DealDetails()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("deals_splitter")
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.details)
        # The list takes what the window gains; the details keep a readable column.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1000, 180])

        self.drill_label = QLabel()
        self.drill_label.setObjectName("drill_down")
        self.drill_label.setWordWrap(True)
        self.drill_clear = QPushButton(translate("DealsTab", "Show All Deals"))
        self.drill_clear.setObjectName("drill_clear")
        self.drill_bar = QWidget()
        drill = QHBoxLayout(self.drill_bar)
        drill.setContentsMargins(0, 0, 0, 0)
        drill.addWidget(self.drill_label, 1)
        drill.addWidget(self.drill_clear)
        self.drill_bar.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.drill_bar)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_query)
        self._search_timer.timeout.connect(self._apply_query)
        self.outcome_filter.currentIndexChanged.connect(self._apply_query)
        self.new_button.clicked.connect(self.new_deal)
        self.drill_clear.clicked.connect(lambda: self.show_ids(None, ""))
        self.table.activated.connect(self._on_table_activated)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.count_changed.connect(self._update_state)
        self._workspace.changed.connect(self._on_workspace_changed)
        self._workspace.file_replaced.connect(self._on_file_replaced)

    # --- queries -------------------------------------------------------------------------

    def _apply_query(self) -> None:
        self._search_timer.stop()
        query = self.model.query
        chosen = self.outcome_filter.currentData()
        self.model.set_query(DealListQuery(self.search.text().strip(),
                                           Outcome(chosen) if chosen else None, query.sort,
                                           query.descending, query.deal_ids))

    def show_ids(self, ids: frozenset[int] | None, words: str,
                 as_of: dt.date | None = None) -> None:
        """List only the deals ``ids`` (the deals behind a figure, described by ``words``),
        their outcomes as at the end of ``as_of`` when the figures counted them so; None
        lists every deal again, with today's outcomes."""
        query = self.model.query
        self.model.set_as_of(None if ids is None else as_of)
        self.model.set_query(DealListQuery(query.search, query.outcome, query.sort,
                                           query.descending, ids))
        if ids is None:
            self.drill_bar.hide()
            return
        locale = QLocale()
        text = (translate("DealsTab", "Showing the {count} deals behind the figures of: {what}")
                if as_of is None else
                translate("DealsTab", "Showing the {count} deals behind the figures of: {what}."
                          " Outcomes as on {day}, the period's end: a deal decided later shows"
                          " as open, in italics"))
        self.drill_label.setText(text.format(count=locale.toString(len(ids)), what=words,
                                             day=date_text(as_of, locale)))
        self.drill_bar.show()

    def focus_search(self) -> None:
        """Put the cursor in the search field (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    def _update_state(self) -> None:
        total = self.model.total
        locale = QLocale()
        query = self.model.query
        filtered = (bool(query.search) or query.outcome is not None
                    or query.deal_ids is not None)
        self.count_label.setText(count_text(total, self.model.counted, self.model.cap, locale))
        self.details.setVisible(bool(total) or filtered)
        if total:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty.setText(self._empty_text(filtered))
            self.start_buttons.setVisible(not filtered)
            self.stack.setCurrentWidget(self._empty_page)
        self.new_button.setEnabled(not self._workspace.read_only)
        self._show_details()

    def set_start_actions(self, actions: Iterable[QAction]) -> None:
        """Offer ``actions`` as buttons while the file has no deals (New Deal, Import
        Deals…, the sample business): a button follows its action's text and state."""
        for action in actions:
            button = QPushButton(action.text())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)

            def follow(b: QPushButton = button, a: QAction = action) -> None:
                b.setText(a.text())
                b.setEnabled(a.isEnabled())

            action.changed.connect(follow)
            follow()
            self._start_row.insertWidget(self._start_row.count() - 1, button)

    def _empty_text(self, filtered: bool) -> str:
        big = "<p style='font-size:14pt'>{}</p>"
        if filtered:
            choose = translate("DealsTab", "Clear the search or choose {all_outcomes}.").format(
                all_outcomes=f"<i>{html.escape(_all_outcomes())}</i>")
            return (big.format(html.escape(translate("DealsTab", "No deals match this search.")))
                    + f"<p>{choose}</p>")
        if self._workspace.read_only:
            return big.format(html.escape(translate("DealsTab", "This file has no deals yet.")))
        return (big.format(html.escape(translate("DealsTab", "No deals yet.")))
                + "<p>{}</p>".format(html.escape(translate(
                    "DealsTab", "Record your first deal, bring your deals from a spreadsheet or"
                    " another CRM, or look around a made-up firm first."))))

    # --- selection and details -----------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the selected deals, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.deal_id(row) for row in rows]

    def current_id(self) -> int | None:
        """The deal under the cursor, if any."""
        index = self.table.currentIndex()
        return self.model.deal_id(index.row()) if index.isValid() else None

    def select_deal(self, deal_id: int) -> None:
        """Select ``deal_id`` when it is among the loaded rows."""
        row = self.model.row_of(deal_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _on_selection_changed(self) -> None:
        self._show_details()
        self.selection_changed.emit()

    def _show_details(self) -> None:
        self.details.show_deals(self._workspace.store, self.selected_ids(), self.model.badges)

    # --- edits ---------------------------------------------------------------------------

    def new_deal(self) -> None:
        """Open an empty form; a saved form becomes one undoable command."""
        if self._workspace.read_only:
            return
        dialog = DealDialog(self._workspace, None, self)
        accepted = dialog.exec() == DealDialog.DialogCode.Accepted
        dialog.deleteLater()  # a form is built anew each time
        if accepted and dialog.deal is not None:
            command = AddDealCommand(self._workspace, dialog.deal)
            if command.run() and command.deal_id is not None:
                self.select_deal(command.deal_id)
                self.table.setFocus()  # so Enter opens the new deal, as the details say

    def open_deal(self, deal_id: int | None = None) -> None:
        """Open the form of ``deal_id`` (default: the current deal)."""
        deal_id = deal_id if deal_id is not None else self.current_id()
        if deal_id is None:
            return
        try:
            deal = self._workspace.store.deal(deal_id)
        except NotFound as exc:
            self._workspace.error_raised.emit(str(exc))
            return
        dialog = DealDialog(self._workspace, deal, self)
        dialog.prep_requested.connect(self.prep_requested)
        if self._workspace.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Save).setEnabled(False)
            dialog.setWindowTitle(translate("DealsTab", "{title} (read-only)").format(
                title=dialog.windowTitle()))
        accepted = dialog.exec() == DealDialog.DialogCode.Accepted
        dialog.deleteLater()
        if (accepted and dialog.deal is not None and not self._workspace.read_only
                and dialog.deal != deal):
            EditDealCommand(self._workspace, deal_id, dialog.deal).run()

    def delete_selected(self) -> None:
        """Delete the selected deals after confirmation (undoable)."""
        ids = self.selected_ids()
        if not ids or self._workspace.read_only:
            return
        question = (translate("DealsTab", "Delete the deal “{title}”? You can undo this with"
                              " Ctrl+Z.").format(title=self._workspace.store.deal(ids[0]).title)
                    if len(ids) == 1 else
                    translate("DealsTab", "Delete {count} deals? You can undo this with Ctrl+Z.")
                    .format(count=QLocale().toString(len(ids))))
        answer = QMessageBox.question(
            self, translate("DealsTab", "Delete deals"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            DeleteDealsCommand(self._workspace, ids).run()

    def move_to_stage(self, stage: str, deal_id: int | None = None) -> None:
        """Move a deal (default: the current one) to ``stage``."""
        deal_id = deal_id if deal_id is not None else self.current_id()
        if deal_id is None or self._workspace.read_only:
            return
        SetStageCommand(self._workspace, deal_id, stage).run()

    def move_to_next_stage(self) -> None:
        """Move the current deal one stage on in the pipeline."""
        deal_id = self.current_id()
        if deal_id is None:
            return
        stages = self._workspace.store.names(LookupKind.STAGE)
        current = self._workspace.store.deal(deal_id).stage
        position = stages.index(current) if current in stages else -1
        if position + 1 < len(stages):
            self.move_to_stage(stages[position + 1], deal_id)
        else:
            self._workspace.error_raised.emit(
                translate("DealsTab", "This deal is at the last stage already."))

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_deal(self.model.deal_id(index.row()))

    # --- columns -------------------------------------------------------------------------

    def hidden_columns(self) -> list[DealColumn]:
        """The columns the user has hidden (right-click the header to choose)."""
        return self.table.hidden_columns()

    def set_hidden_columns(self, columns: Iterable[DealColumn]) -> None:
        """Show every column but ``columns`` (the title always shows)."""
        self.table.set_hidden_columns(columns)

    def restore_hidden(self, names: list[str] | None) -> None:
        """Hide the columns saved by name (None: never chosen, so the defaults); names of
        columns this version does not have are passed over."""
        self.table.restore_hidden(names)

    def _on_context_menu(self, position: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(translate("DealsTab", "Open…"), self.open_deal)
        writable = not self._workspace.read_only
        stages = menu.addMenu(translate("DealsTab", "Move to Stage"))
        stages.setEnabled(writable and len(ids) == 1)
        for stage in self._workspace.store.names(LookupKind.STAGE):
            stages.addAction(stage, lambda s=stage: self.move_to_stage(s))
        delete = menu.addAction(translate("DealsTab", "Delete…"), self.delete_selected)
        delete.setEnabled(writable)
        menu.exec(self.table.viewport().mapToGlobal(position))

    # --- reacting to changes -------------------------------------------------------------

    def _on_workspace_changed(self, changes: Changes) -> None:
        if changes.deals or changes.lookups:
            selected = self.selected_ids()
            self.model.reload()
            for deal_id in selected[:1]:
                self.select_deal(deal_id)
            self._update_state()
        elif changes.settings:
            self._show_details()  # its amount follows the currency display

    def _on_file_replaced(self) -> None:
        self.model.set_store(self._workspace.store)
        self.show_ids(None, "")  # ids of the previous file mean nothing here


def count_text(total: int, counted: bool, cap: int, locale: QLocale) -> str:
    """The list's count label: "1,234 deals", or "more than 1,000 deals" while the list has
    not been counted to its end (the model stops counting at ``cap``)."""
    if not counted:
        return translate("DealsTab", "more than {count} deals").format(count=locale.toString(cap))
    return (translate("DealsTab", "{count} deal") if total == 1 else
            translate("DealsTab", "{count} deals")).format(count=locale.toString(total))


def _all_outcomes() -> str:
    """The outcome filter's first choice, which shows every outcome."""
    return translate("DealsTab", "All outcomes")
