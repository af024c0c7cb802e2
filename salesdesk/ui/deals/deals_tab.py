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
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal, LookupKind, Outcome, StageEvent
from salesdesk.store import DealColumn, DealListQuery, NotFound
from salesdesk.ui.column_fit import ColumnFitter
from salesdesk.ui.deals.commands import (
    AddDealCommand,
    DeleteDealsCommand,
    EditDealCommand,
    SetStageCommand,
)
from salesdesk.ui.deals.deal_form import DealDialog
from salesdesk.ui.deals.list_model import (
    COLUMNS,
    HEADERS,
    DealListModel,
    format_amount,
)
from salesdesk.ui.formatting import date_text
from salesdesk.ui.workspace import Workspace

SEARCH_DELAY_MS = 200
# When it was last changed matters less than what and whose: shown on request, it leaves the
# room a 1024-pixel window needs for the rest.
DEFAULT_HIDDEN = (DealColumn.UPDATED_AT,)
_OUTCOME_FILTERS = (("All outcomes", None), ("Open", Outcome.OPEN), ("Won", Outcome.WON),
                    ("Lost", Outcome.LOST))


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
        self.search.setPlaceholderText("Search title, client, salesperson, product, notes…")
        self.search.setClearButtonEnabled(True)
        self.outcome_filter = QComboBox()
        self.outcome_filter.setObjectName("outcome_filter")
        for text, outcome in _OUTCOME_FILTERS:
            # Qt hands a StrEnum back as a plain str: store the value, rebuild the Outcome.
            self.outcome_filter.addItem(text, outcome.value if outcome else None)
        self.count_label = QLabel()
        self.new_button = QPushButton("New Deal")
        self.new_button.setToolTip("Record a new deal (Ctrl+N)")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.outcome_filter)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setObjectName("deal_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index(DealColumn.UPDATED_AT),
                                Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        char = self.table.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(char * 6)
        titles = QFontMetrics(header.font())

        def flexible(column: DealColumn, chars: int, least: int, weight: float
                     ) -> tuple[int, tuple[int, int, float]]:
            # Never narrower than its header: a clipped header leaves the column unnamed.
            least_width = max(char * least, titles.horizontalAdvance(HEADERS[column]) + 12)
            return COLUMNS.index(column), (char * chars, least_width, weight)

        self.columns = ColumnFitter(self.table, self._fixed_widths(), dict((
            flexible(DealColumn.TITLE, 32, 10, 3.0), flexible(DealColumn.CLIENT, 22, 9, 1.0),
            flexible(DealColumn.REP, 16, 8, 0.5), flexible(DealColumn.PRODUCT, 20, 9, 1.0))))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.set_hidden_columns(DEFAULT_HIDDEN)

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

        self.details = QTextBrowser()
        self.details.setObjectName("deal_details")
        self.details.setOpenLinks(False)
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
        self.drill_clear = QPushButton("Show All Deals")
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

    def _fixed_widths(self) -> dict[int, int]:
        """Columns whose values must show whole: their widest value, or their header with room
        for the sort arrow (dates and amounts as the list writes them, stages of this file)."""
        metrics = self.table.fontMetrics()
        header = QFontMetrics(self.table.horizontalHeader().font())
        style = self.table.style()
        arrow = (2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
                 + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 4)
        cell = 2 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8

        def widest(column: DealColumn, samples: list[str]) -> int:
            return max(header.horizontalAdvance(HEADERS[column]) + arrow,
                       *(metrics.horizontalAdvance(text) + cell for text in samples))

        dates = [date_text(dt.date(2026, 9, 30))]
        stages = self._workspace.store.names(LookupKind.STAGE, include_retired=True)
        return {
            COLUMNS.index(DealColumn.STAGE): widest(DealColumn.STAGE, stages),
            COLUMNS.index(DealColumn.OUTCOME): widest(
                DealColumn.OUTCOME, [o.value.title() for o in Outcome]),
            COLUMNS.index(DealColumn.AMOUNT): widest(DealColumn.AMOUNT, ["888,888.00 EUR"]),
            **{COLUMNS.index(c): widest(c, dates) for c in (
                DealColumn.FIRST_CONTACT, DealColumn.CLOSED_ON, DealColumn.UPDATED_AT)},
        }

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_query)
        self._search_timer.timeout.connect(self._apply_query)
        self.outcome_filter.currentIndexChanged.connect(self._apply_query)
        self.new_button.clicked.connect(self.new_deal)
        self.drill_clear.clicked.connect(lambda: self.show_ids(None, ""))
        self.table.activated.connect(self._on_table_activated)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.horizontalHeader().customContextMenuRequested.connect(
            self._on_header_menu)
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
        text = f"Showing the {locale.toString(len(ids))} deals behind the figures of: {words}"
        if as_of is not None:
            text += (f". Outcomes as on {date_text(as_of, locale)}, the"
                     " period's end: a deal decided later shows as open, in italics")
        self.drill_label.setText(text)
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
        if filtered:
            return ("<p style='font-size:14pt'>No deals match this search.</p>"
                    "<p>Clear the search or choose <i>All outcomes</i>.</p>")
        if self._workspace.read_only:
            return "<p style='font-size:14pt'>This file has no deals yet.</p>"
        return ("<p style='font-size:14pt'>No deals yet.</p>"
                "<p>Record your first deal, bring your deals from a spreadsheet or another"
                " CRM, or look around a made-up firm first.</p>")

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
        ids = self.selected_ids()
        if len(ids) != 1:
            self.details.setHtml(
                "<p style='color:gray'>Select a deal to see its details and stage history."
                "<br><br>Enter opens it, Delete removes it, Ctrl+] moves it to the next stage."
                "</p>" if not ids else f"<p>{len(ids)} deals selected.</p>")
            return
        try:
            deal = self._workspace.store.deal(ids[0])
            events = self._workspace.store.stage_events(ids[0])
        except NotFound:
            self.details.clear()
            return
        self.details.setHtml(deal_html(deal, events, self.model.badges.get(ids[0])))

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
            dialog.setWindowTitle(dialog.windowTitle() + " (read-only)")
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
        what = (f"the deal “{self._workspace.store.deal(ids[0]).title}”" if len(ids) == 1
                else f"{len(ids)} deals")
        answer = QMessageBox.question(
            self, "Delete deals", f"Delete {what}? You can undo this with Ctrl+Z.",
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
            self._workspace.error_raised.emit("This deal is at the last stage already.")

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_deal(self.model.deal_id(index.row()))

    # --- columns -------------------------------------------------------------------------

    def hidden_columns(self) -> list[DealColumn]:
        """The columns the user has hidden (right-click the header to choose)."""
        return [c for i, c in enumerate(COLUMNS) if self.table.isColumnHidden(i)]

    def set_hidden_columns(self, columns: Iterable[DealColumn]) -> None:
        """Show every column but ``columns`` (the title always shows)."""
        hidden = set(columns) - {DealColumn.TITLE}
        for index, column in enumerate(COLUMNS):
            self.table.setColumnHidden(index, column in hidden)
        self.columns.fit()

    def restore_hidden(self, names: list[str] | None) -> None:
        """Hide the columns saved by name (None: never chosen, so the defaults); names of
        columns this version does not have are passed over."""
        if names is not None:
            self.set_hidden_columns(c for c in DealColumn if c.value in names)

    def _on_header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        hidden = set(self.hidden_columns())
        for column in (c for c in COLUMNS if c is not DealColumn.TITLE):
            action = menu.addAction(HEADERS[column])
            action.setCheckable(True)
            action.setChecked(column not in hidden)
            action.toggled.connect(
                lambda shown, c=column: self.set_hidden_columns(
                    set(self.hidden_columns()) - {c} if shown
                    else {*self.hidden_columns(), c}))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def _on_context_menu(self, position: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction("Open…", self.open_deal)
        writable = not self._workspace.read_only
        stages = menu.addMenu("Move to Stage")
        stages.setEnabled(writable and len(ids) == 1)
        for stage in self._workspace.store.names(LookupKind.STAGE):
            stages.addAction(stage, lambda s=stage: self.move_to_stage(s))
        delete = menu.addAction("Delete…", self.delete_selected)
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

    def _on_file_replaced(self) -> None:
        self.model.set_store(self._workspace.store)
        self.show_ids(None, "")  # ids of the previous file mean nothing here


def count_text(total: int, counted: bool, cap: int, locale: QLocale) -> str:
    """The list's count label: "1,234 deals", or "more than 1,000 deals" while the list has
    not been counted to its end (the model stops counting at ``cap``)."""
    if not counted:
        return f"more than {locale.toString(cap)} deals"
    return f"{locale.toString(total)} deal{'s' if total != 1 else ''}"


def deal_html(deal: Deal, events: tuple[StageEvent, ...], badge: str | None = None) -> str:
    """The details panel's summary of one deal with its stage history, and ``badge``'s note
    (a deal dragging on) under the title."""
    locale = QLocale()
    e = html.escape

    def line(label: str, value: str | None) -> str:
        return (f"<tr><td style='color:gray;padding-right:8px'>{label}</td>"
                f"<td>{e(value or '—')}</td></tr>")

    kind = deal.customer_type.value + ("" if deal.customer_type_set else " (automatic)")
    rows = [
        line("Client", deal.client), line("Salesperson", deal.rep),
        line("Product", deal.product), line("Channel", deal.channel),
        line("Region", deal.region), line("Audience", deal.audience),
        line("Customer", kind), line("Stage", deal.stage),
        line("Outcome", deal.outcome.value.capitalize()),
        line("Amount", format_amount(deal.amount, deal.currency, locale) or "unknown"),
        line("First contact", date_text(deal.first_contact, locale)),
        line("Closed", date_text(deal.closed_on, locale)),
        line("Expected close", date_text(deal.expected_close, locale)),
        line("Next step", deal.next_step),
    ]
    if deal.outcome is Outcome.LOST:
        reason = " — ".join(t for t in (deal.lost_reason, deal.lost_reason_note) if t)
        rows.append(line("Lost reason", reason or None))
    history = "".join(
        f"<li>{e(date_text(ev.entered_on, locale))} — {e(ev.stage)}</li>"
        for ev in events)
    notes = f"<h4>Notes</h4><p>{e(deal.notes).replace(chr(10), '<br>')}</p>" if deal.notes else ""
    note = f"<p style='color:#a8660b'>{e(badge)}</p>" if badge else ""
    return (f"<h3>{e(deal.title)}</h3>{note}<table>{''.join(rows)}</table>"
            f"<h4>Stage history</h4><ul>{history or '<li>—</li>'}</ul>{notes}")
