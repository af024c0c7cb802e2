"""The Competitors page of the Customers tab: our process step by step next to a named
competitor's, linked to the deals lost to that competitor.

Every edit (a cell, a step added or removed, a new, renamed or deleted competitor, the lost
reason that means "lost to a competitor") is an undo command.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.competitors import CompetitorNotes, StepNote, same_competitor
from salesdesk.domain.deals import LookupKind
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.ui import formatting
from salesdesk.ui.customers.commands import (
    DeleteCompetitorCommand,
    SaveCompetitorCommand,
    SetCompetitorReasonCommand,
    customers,
)
from salesdesk.ui.customers.models import Column, RecordsModel, StepsModel
from salesdesk.ui.customers.nps_view import heading, split, table
from salesdesk.ui.workspace import Workspace

DEFAULT_STEPS = (QT_TRANSLATE_NOOP("CompetitorsPage", "First response to an enquiry"),
                 QT_TRANSLATE_NOOP("CompetitorsPage", "Visit or meeting"),
                 QT_TRANSLATE_NOOP("CompetitorsPage", "Quote"),
                 QT_TRANSLATE_NOOP("CompetitorsPage", "Price and payment terms"),
                 QT_TRANSLATE_NOOP("CompetitorsPage", "Follow-up after the quote"),
                 QT_TRANSLATE_NOOP("CompetitorsPage", "After the sale"))
"""The steps a new competitor's table starts with (English; a new table is written in the
language shown)."""
NO_REASON_CHOICE = QT_TRANSLATE_NOOP("CompetitorsPage", "(none)")
"""The reason box's "no reason means a competitor" choice (translated when shown)."""
Loss = tuple[str, int]


class CompetitorsPage(QWidget):
    """Competitors with the deals lost to each, and the step-by-step table of the one chosen.

    Signals:
        show_deals_requested(frozenset, str): the deals lost to the competitor chosen.
    """

    show_deals_requested = Signal(frozenset, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competitors_page")
        self._workspace = workspace
        self.list_model: RecordsModel[Loss] = RecordsModel((
            Column(QT_TRANSLATE_NOOP("RecordsModel", "Competitor"), lambda c: c[0]),
            Column(QT_TRANSLATE_NOOP("RecordsModel", "Deals lost to it"),
                   lambda c: formatting.count(c[1]), sort=lambda c: c[1], right=True),
        ), self)
        self.list_view = table("competitors", self.list_model, sortable=False,
                               accessible_name=translate("CompetitorsPage", "Competitors"))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.new_button = QPushButton(translate("CompetitorsPage", "Ne&w Competitor…"))
        self.new_button.setObjectName("new_competitor")
        self.rename_button = QPushButton(translate("CompetitorsPage", "Rename…"))
        self.delete_button = QPushButton(translate("CompetitorsPage", "Delete Notes"))
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("competitor_reason")
        self.reason_box.setToolTip(translate("CompetitorsPage", "Deals lost for this reason"
                                                            " count as lost to the competitor"
                                                            " their lost-reason details name"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        self.reason_box.setMinimumContentsLength(14)
        reason_label = QLabel(translate("CompetitorsPage", "Deals lost for the &reason"))
        reason_label.setBuddy(self.reason_box)
        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason_box)
        reason_row.addWidget(QLabel(translate("CompetitorsPage", "count as lost to the"
                                                             " competitor their details name.")))
        reason_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(translate("CompetitorsPage", "Competitors")))
        left_layout.addWidget(self.list_view, 1)
        left_layout.addLayout(buttons)

        self.steps = StepsModel(self)
        self.steps_view = QTableView()
        self.steps_view.setObjectName("competitor_steps")
        self.steps_view.setAccessibleName(translate("CompetitorsPage",
                                                    "Our process next to the competitor's"))
        self.steps_view.setModel(self.steps)
        self.steps_view.setWordWrap(True)
        self.steps_view.setTabKeyNavigation(False)  # arrows move between the steps
        self.steps_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.steps_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.steps_view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(self.steps_view.fontMetrics().height() + 10)
        self.remove_step_button = QPushButton(translate("CompetitorsPage", "Remove Step"))
        self.title = heading(translate("CompetitorsPage", "Step by step"))
        self.hint = QLabel(translate("CompetitorsPage", "Double-click a cell (or start typing) to"
                                                        " edit it; type in the last row to add a"
                                                        " step."))
        self.hint.setWordWrap(True)
        self.losses = QLabel()
        self.losses.setObjectName("competitor_losses")
        self.losses.setWordWrap(True)
        self.show_deals_button = QPushButton(translate("CompetitorsPage", "Show These Deals"))
        self.show_deals_button.setObjectName("show_lost_deals")
        title_bar = QHBoxLayout()
        title_bar.addWidget(self.title, 1)
        title_bar.addWidget(self.remove_step_button)
        loss_bar = QHBoxLayout()
        loss_bar.addWidget(self.losses, 1)
        loss_bar.addWidget(self.show_deals_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(title_bar)
        right_layout.addWidget(self.steps_view, 1)
        right_layout.addWidget(self.hint)
        right_layout.addLayout(loss_bar)

        self.splitter = split("competitors_splitter", Qt.Orientation.Horizontal,
                              (left, 1, 300), (right, 3, 760))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(reason_row)

        self.list_view.selectionModel().currentRowChanged.connect(self._show_competitor)
        self.new_button.clicked.connect(self.new_competitor)
        self.rename_button.clicked.connect(self.rename_competitor)
        self.delete_button.clicked.connect(self.delete_competitor)
        self.remove_step_button.clicked.connect(self.remove_step)
        # Queued: the command reloads the model, which must not happen while the view is
        # still committing and closing the cell's editor.
        self.steps.edit_requested.connect(self._on_edit_requested,
                                          Qt.ConnectionType.QueuedConnection)
        self.reason_box.activated.connect(self._on_reason_chosen)
        self.show_deals_button.clicked.connect(self.show_lost_deals)

    # --- state ---------------------------------------------------------------------------

    def selected(self) -> str | None:
        """The competitor chosen."""
        record = self.list_model.record(self.list_view.currentIndex().row())
        return None if record is None else record[0]

    def select(self, competitor: str) -> None:
        """Choose ``competitor`` in the list."""
        row = next((n for n, (name, _) in enumerate(self.list_model.rows)
                    if same_competitor(name, competitor)), -1)
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))

    def refresh(self) -> None:
        """Re-read the competitors and their notes (keeping the choice)."""
        chosen = self.selected()
        store = customers(self._workspace)
        self.list_model.set_rows(store.competitor_losses())
        if chosen is not None:
            self.select(chosen)
        if self.selected() is None and self.list_model.rowCount():
            self.list_view.setCurrentIndex(self.list_model.index(0, 0))
        reasons = self._workspace.store.names(LookupKind.LOST_REASON)
        current = store.competitor_reason()
        self.reason_box.clear()
        none = translate("CompetitorsPage", NO_REASON_CHOICE)
        self.reason_box.addItems([none, *reasons])
        if current is None:
            self.reason_box.setCurrentIndex(0)
        else:
            self.reason_box.setCurrentText(current)
        self._show_competitor()

    def _notes(self) -> CompetitorNotes:
        name = self.selected()
        return CompetitorNotes("") if name is None else \
            customers(self._workspace).competitor_notes(name)

    def _show_competitor(self, *_: object) -> None:
        name = self.selected()
        notes = self._notes()
        self.steps.set_notes(notes)
        writable = not self._workspace.read_only
        self.steps_view.setEnabled(name is not None)
        self.rename_button.setEnabled(writable and bool(notes.steps))
        self.delete_button.setEnabled(writable and bool(notes.steps))
        self.new_button.setEnabled(writable)
        self.reason_box.setEnabled(writable)
        self.remove_step_button.setEnabled(writable and bool(notes.steps))
        if writable:
            self.steps_view.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed)
        else:
            self.steps_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        if name is None:
            self.title.setText(translate("CompetitorsPage", "<b>Step by step</b>"))
            self.losses.setText(translate("CompetitorsPage", "No competitor yet: New Competitor…"
                                                             " starts a table, and deals lost to"
                                                             " a competitor named in their"
                                                             " lost-reason details appear here."))
            self.show_deals_button.setEnabled(False)
            return
        self.title.setText(translate("CompetitorsPage", "<b>Our process next to {name}</b>")
                           .format(name=name))
        store = customers(self._workspace)
        lost = store.lost_to(name)
        reason = store.competitor_reason()
        total = store.lost_to_any_competitor()
        if reason is None:
            self.losses.setText(translate("CompetitorsPage", "Choose the lost reason meaning a"
                                                             " competitor won to link lost"
                                                             " deals."))
        elif total:
            self.losses.setText(translate("CompetitorsPage", "<b>{count} deals lost to {name}</b>"
                                                             " ({share} % of the {total} deals"
                                                             " lost for “{reason}”).").format(
                count=formatting.count(len(lost)), name=name,
                share=formatting.number(len(lost) / total * 100, 0),
                total=formatting.count(total), reason=reason))
        else:
            self.losses.setText(translate("CompetitorsPage", "<b>{count} deals lost to"
                                                             " {name}</b>.").format(
                count=formatting.count(len(lost)), name=name))
        self.show_deals_button.setEnabled(bool(lost))

    # --- actions -------------------------------------------------------------------------

    def _on_edit_requested(self, row: int, column: int, text: str) -> None:
        notes = self.steps.notes
        steps = list(notes.steps)
        if row >= len(steps):
            steps.append(StepNote(""))
        step = steps[row]
        steps[row] = replace(step, **{("step", "ours", "theirs")[column]: text})
        after = CompetitorNotes(notes.competitor, tuple(steps))
        label = (translate("CompetitorsPage", "Add a step to the notes on {name}")
                 if row >= len(notes.steps) else
                 translate("CompetitorsPage", "Edit the notes on {name}")).format(
            name=notes.competitor)
        SaveCompetitorCommand(self._workspace, notes, after, label).run()

    def new_competitor(self) -> None:
        """Start the notes on a competitor with the usual steps (undoable)."""
        name, ok = QInputDialog.getText(self, translate("CompetitorsPage", "New competitor"),
                                        translate("CompetitorsPage", "Competitor's name:"))
        name = " ".join(name.split())
        if not ok or not name:
            return
        existing = customers(self._workspace).competitor_notes(name)
        if existing.steps:
            self.select(existing.competitor)
            return
        notes = CompetitorNotes(name, tuple(StepNote(translate("CompetitorsPage", step))
                                            for step in DEFAULT_STEPS))
        if SaveCompetitorCommand(self._workspace, None, notes,
                                 translate("CompetitorsPage", "Add notes on {name}").format(
                                     name=name)).run():
            self.refresh()
            self.select(name)

    def rename_competitor(self) -> None:
        """Rename the competitor chosen (undoable)."""
        notes = self._notes()
        if not notes.steps:
            return
        name, ok = QInputDialog.getText(self, translate("CompetitorsPage", "Rename competitor"),
                                        translate("CompetitorsPage", "New name:"),
                                        text=notes.competitor)
        name = " ".join(name.split())
        if ok and name and name != notes.competitor and SaveCompetitorCommand(
                self._workspace, notes, replace(notes, competitor=name),
                translate("CompetitorsPage", "Rename {name}").format(
                    name=notes.competitor)).run():
            self.refresh()
            self.select(name)

    def delete_competitor(self) -> None:
        """Delete the notes on the competitor chosen (undoable), after asking."""
        notes = self._notes()
        if not notes.steps:
            return
        answer = QMessageBox.question(
            self, translate("CompetitorsPage", "Delete notes"),
            translate("CompetitorsPage", "Delete the notes on {name}? (Edit ▸ Undo brings them"
                                         " back.)").format(name=notes.competitor))
        if answer == QMessageBox.StandardButton.Yes:
            DeleteCompetitorCommand(self._workspace, notes).run()

    def remove_step(self) -> None:
        """Remove the step of the current row (undoable)."""
        notes = self.steps.notes
        row = self.steps_view.currentIndex().row()
        if not 0 <= row < len(notes.steps):
            return
        steps = notes.steps[:row] + notes.steps[row + 1:]
        SaveCompetitorCommand(self._workspace, notes, replace(notes, steps=steps),
                              translate("CompetitorsPage", "Remove the step {step}").format(
                                  step=notes.steps[row].step)).run()

    def _on_reason_chosen(self) -> None:
        text = self.reason_box.currentText()
        chosen = None if self.reason_box.currentIndex() <= 0 else text
        if chosen != customers(self._workspace).competitor_reason():
            SetCompetitorReasonCommand(self._workspace, chosen).run()

    def show_lost_deals(self) -> None:
        """Ask for the Deals tab to show the deals lost to the competitor chosen."""
        name = self.selected()
        if name is None:
            return
        ids = frozenset(customers(self._workspace).lost_to(name))
        if ids:
            self.show_deals_requested.emit(ids, translate("CompetitorsPage", "lost to {name}")
                                           .format(name=name))
