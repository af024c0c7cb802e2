"""The Scorecards tab: a salesperson's assessments, weak points and results side by side.

Pick a salesperson: the history lists their assessments (newest first); the selected one's
scores and "what to improve" are shown next to the salesperson's own conversion and average
deal length over the period chosen on the tab (by default the 12 months up to the selected
assessment's date), the team's, and n. Beside the scores, charts show the profile, the history,
the team matrix and skill against conversion.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal, SignalInstance
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.analytics import AnalyticsCache
from salesdesk.currencies import currency_digits
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.periods import twelve_months_to
from salesdesk.domain.scorecards import Assessment, latest_first, weak_points
from salesdesk.i18n import translate
from salesdesk.reports.scorecard_report import ScorecardReport, build_report
from salesdesk.ui.charts.base import ChartWidget
from salesdesk.ui.column_fit import ColumnFitter
from salesdesk.ui.formatting import date_pattern, date_text
from salesdesk.ui.scorecards.charts import (
    HistoryChart,
    MatrixChart,
    ProfileChart,
    ScatterChart,
    ScorecardChart,
    ScorecardFigures,
)
from salesdesk.ui.scorecards.commands import (
    AddAssessmentCommand,
    DeleteAssessmentCommand,
    scorecards,
)
from salesdesk.ui.scorecards.models import HistoryModel, ScoresModel, WeakPointsModel
from salesdesk.ui.scorecards.results_text import results_html
from salesdesk.ui.scorecards.sheet_dialog import AssessmentDialog
from salesdesk.ui.workspace import Workspace

WEAK_ROWS = 5


class CacheProvider(Protocol):
    """The analytics cache of the open file (the Funnel tab's cache service provides it)."""

    @property
    def cache(self) -> AnalyticsCache | None:
        """The cache, or None while it is being built."""

    @property
    def ready(self) -> SignalInstance:
        """Emitted when the cache answers for the current data."""


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _table(name: str, accessible_name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk its rows
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class ScorecardsTab(QWidget):
    """Rep assessments against results.

    Signals:
        export_requested(object, object): export a chart (ChartWidget, its figures); the main
            window opens the shared chart export dialog.
        edit_template_requested(): the user asked to edit the skill template.
    """

    export_requested = Signal(object, object)
    edit_template_requested = Signal()
    export_scorecards_requested = Signal()

    def __init__(self, workspace: Workspace, cache: CacheProvider,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorecards_tab")
        self._workspace = workspace
        self._cache = cache
        self._assessments: list[Assessment] = []
        self.report: ScorecardReport | None = None
        self.history_model = HistoryModel()
        self.scores_model = ScoresModel()
        self.weak_model = WeakPointsModel()
        self._build()
        self._connect_signals()
        self.reload()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.rep_box = QComboBox()
        self.rep_box.setObjectName("rep_picker")
        self.rep_box.setMinimumContentsLength(14)
        self.from_date = QDateEdit()
        self.to_date = QDateEdit()
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())
        self.from_date.setObjectName("period_from")
        self.from_date.setAccessibleName(translate("ScorecardsTab", "Results period start"))
        self.to_date.setObjectName("period_to")
        self.to_date.setAccessibleName(translate("ScorecardsTab", "Results period end"))
        self.follow_box = QCheckBox(translate("ScorecardsTab",
                                              "12 months up to the assessment"))
        self.follow_box.setObjectName("period_follows_assessment")
        self.follow_box.setChecked(True)
        self.new_button = QPushButton(translate("ScorecardsTab", "&New Assessment…"))
        self.new_button.setObjectName("new_assessment")
        self.delete_button = QPushButton(translate("ScorecardsTab", "Delete"))
        self.delete_button.setToolTip(translate(
            "ScorecardsTab", "Delete the selected assessment (can be undone)"))
        self.template_button = QPushButton(translate("ScorecardsTab", "Edit Te&mplate…"))
        self.export_button = QPushButton(translate("ScorecardsTab", "E&xport…"))
        self.export_button.setToolTip(translate(
            "ScorecardsTab", "Write the scorecards and the team matrix to PDF or CSV"))
        rep_label = QLabel(translate("ScorecardsTab", "Sales&person:"))
        rep_label.setBuddy(self.rep_box)
        bar = QHBoxLayout()
        bar.addWidget(rep_label)
        bar.addWidget(self.rep_box)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.template_button)
        bar.addWidget(self.export_button)
        period_bar = QHBoxLayout()
        period_bar.addWidget(QLabel(translate("ScorecardsTab", "Results of deals closed from")))
        period_bar.addWidget(self.from_date)
        period_bar.addWidget(QLabel(translate("ScorecardsTab", "to")))
        period_bar.addWidget(self.to_date)
        period_bar.addWidget(self.follow_box)
        period_bar.addStretch(1)

        self.history = _table("assessment_history", translate("ScorecardsTab", "Assessments"))
        self.history.setModel(self.history_model)
        history_header = self.history.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.results = QLabel()
        self.results.setObjectName("rep_results")
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.results.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        results_scroll = QScrollArea()
        results_scroll.setWidgetResizable(True)
        results_scroll.setFrameShape(QFrame.Shape.NoFrame)
        results_scroll.setWidget(self.results)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(translate("ScorecardsTab", "<b>Assessments</b>")))
        left_layout.addWidget(self.history, 1)
        left_layout.addWidget(results_scroll, 1)

        self.weak = _table("weak_points", translate("ScorecardsTab", "What to improve"))
        self.weak.setModel(self.weak_model)
        self.weak.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.weak.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        weak_header = self.weak.horizontalHeader()
        weak_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        weak_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.scores = _table("assessment_scores", translate("ScorecardsTab", "Scores"))
        self.scores.setModel(self.scores_model)
        char = self.scores.fontMetrics().averageCharWidth()
        score_width = QFontMetrics(self.scores.horizontalHeader().font()).horizontalAdvance(
            translate("ScorecardModels", "Change")) + 4 * char
        # Section, item, score, change, note: the texts share what the numbers leave.
        self.score_columns = ColumnFitter(
            self.scores, {2: score_width, 3: score_width},
            {0: (char * 30, char * 12, 1.0), 1: (char * 44, char * 16, 2.0),
             4: (char * 20, char * 8, 1.0)})
        self.empty = QLabel()
        self.empty.setObjectName("scorecards_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.profile_chart = ProfileChart()
        self.history_chart = HistoryChart()
        self.matrix_chart = MatrixChart()
        self.scatter_chart = ScatterChart()
        # The scores and the charts share the room below the weak points, one page at a
        # time: side by side, at 1024 × 700 each list showed three rows.
        self.views = QTabWidget()
        self.views.setObjectName("scorecard_views")
        self.views.setDocumentMode(True)
        self.views.addTab(self.scores, translate("ScorecardsTab", "Scores"))
        for chart, name in ((self.profile_chart, translate("ScorecardsTab", "Profile")),
                            (self.history_chart, translate("ScorecardsTab", "History")),
                            (self.matrix_chart, translate("ScorecardsTab", "Team matrix")),
                            (self.scatter_chart,
                             translate("ScorecardsTab", "Skill vs conversion"))):
            self.views.addTab(chart, name)
        self.chart_export = QPushButton(translate("ScorecardsTab", "Export Chart…"))
        self.chart_export.setObjectName("export_scorecard_chart")
        self.chart_export.setToolTip(translate(
            "ScorecardsTab", "Save the chart shown as PNG, SVG, PDF or CSV"))
        self.views.setCornerWidget(self.chart_export)
        self.chart_export.setEnabled(False)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        improve = QLabel(translate("ScorecardsTab",
                                   "<b>What to improve</b> — the three lowest scores below 5 "
                                   "(ties included) and every item that fell by a point or "
                                   "more"))
        improve.setWordWrap(True)
        right_layout.addWidget(improve)
        right_layout.addWidget(self.weak)
        right_layout.addWidget(self.empty)
        right_layout.addWidget(self.views, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("scorecards_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 900])  # until the window restores the user's sizes
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(period_bar)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.rep_box.currentIndexChanged.connect(self._on_rep_changed)
        self.history.selectionModel().currentRowChanged.connect(self._on_assessment_selected)
        self.follow_box.toggled.connect(self._on_follow_toggled)
        self.from_date.dateChanged.connect(self._on_period_edited)
        self.to_date.dateChanged.connect(self._on_period_edited)
        self.new_button.clicked.connect(self.new_assessment)
        self.delete_button.clicked.connect(self.delete_selected)
        self.template_button.clicked.connect(self.edit_template_requested)
        self.export_button.clicked.connect(self.export_scorecards_requested)
        self.chart_export.clicked.connect(self._on_export_chart)
        self.views.currentChanged.connect(self._on_view_changed)
        self.weak_model.modelReset.connect(self._fit_weak_points)
        self._workspace.changed.connect(self._on_changed)
        self._cache.ready.connect(self.refresh_results)

    # --- state ---------------------------------------------------------------------------

    @property
    def rep(self) -> str | None:
        """The salesperson shown."""
        text = self.rep_box.currentText()
        return text or None

    def selected_assessment(self) -> Assessment | None:
        """The assessment selected in the history (the latest by default)."""
        return self.history_model.assessment(self.history.currentIndex().row())

    def period(self) -> tuple[dt.date, dt.date]:
        """The period results are counted over (closes from … to, inclusive)."""
        return _date(self.from_date.date()), _date(self.to_date.date())

    def set_rep(self, name: str) -> None:
        """Show ``name``'s scorecard."""
        self.rep_box.setCurrentIndex(self.rep_box.findText(name))

    def reload(self) -> None:
        """Re-read salespeople and assessments (keeping the salesperson and selection)."""
        current = self.rep
        names = scorecards(self._workspace).rep_names()
        with QSignalBlocker(self.rep_box):
            self.rep_box.clear()
            self.rep_box.addItems(names)
            index = self.rep_box.findText(current) if current else -1
            self.rep_box.setCurrentIndex(index if index >= 0 else (0 if names else -1))
        self._load_rep(keep_selection=True)

    def _load_rep(self, keep_selection: bool = False) -> None:
        selected = self.selected_assessment() if keep_selection else None
        rep = self.rep
        self._assessments = scorecards(self._workspace).assessments(rep) if rep else []
        self.history_model.set_assessments(self._assessments)
        row = self.history_model.row_of(selected.id) if selected else -1
        self.history.setCurrentIndex(self.history_model.index(max(row, 0), 0))
        if not self._assessments:
            self._show_assessment()
        writable = not self._workspace.read_only
        self.new_button.setEnabled(writable and rep is not None)
        self.delete_button.setEnabled(writable and bool(self._assessments))

    def _show_assessment(self) -> None:
        selected = self.selected_assessment()
        cards = scorecards(self._workspace)
        if selected is None:
            self.scores_model.set_assessment(None, None, None)
            self.weak_model.set_weak_points([], None)
            self.empty.setText(
                translate("ScorecardsTab", "No assessment yet: New Assessment scores every item"
                          " of the checklist.") if self.rep else
                translate("ScorecardsTab", "Add salespeople to deals (or in Edit ▸ Lists) to "
                          "assess them."))
            self.empty.show()
        else:
            self.empty.hide()
            upto = [a for a in latest_first(self._assessments)
                    if (a.assessed_on, a.id or 0) <= (selected.assessed_on, selected.id or 0)]
            previous = upto[1] if len(upto) > 1 else None
            template = cards.template(selected.template_version)
            self.scores_model.set_assessment(selected, template, previous)
            self.weak_model.set_weak_points(weak_points(upto), template)
        if self.follow_box.isChecked():
            day = selected.assessed_on if selected else self._workspace.today()
            self._set_period(*twelve_months_to(day))
        self.refresh_results()

    def _set_period(self, start: dt.date, end: dt.date) -> None:
        with QSignalBlocker(self.from_date), QSignalBlocker(self.to_date):
            self.from_date.setDate(_qdate(start))
            self.to_date.setDate(_qdate(end))

    def refresh_results(self) -> None:
        """Recount the figures next to the scores and redraw the charts."""
        cache = self._cache.cache
        rep = self.rep
        if cache is None:
            self.results.setText(translate("ScorecardsTab", "<i>Counting the figures…</i>"))
            return
        store = self._workspace.store
        settings = store.settings()
        start, end = self.period()
        self.report = build_report(scorecards(self._workspace), cache, start=start, end=end,
                                   threshold=settings.too_few_threshold,
                                   money=MoneyRules.of(settings, currency_digits()))
        card = self.report.rep(rep) if rep else None
        self.results.setText(results_html(card, self.report))
        figures = ScorecardFigures(self.report, rep, self.selected_assessment(),
                                   tuple(self._assessments))
        for chart in self.charts():
            chart.set_figures(figures)

    def charts(self) -> tuple[ScorecardChart, ...]:
        """The tab's charts, in the order of their pages."""
        return (self.profile_chart, self.history_chart, self.matrix_chart, self.scatter_chart)

    # --- actions -------------------------------------------------------------------------

    def new_assessment(self) -> None:
        """Open a new assessment sheet for the salesperson shown; save it as an undoable
        command."""
        rep = self.rep
        if rep is None or self._workspace.read_only:
            return
        cards = scorecards(self._workspace)
        dialog = AssessmentDialog(rep, cards.template(), self._workspace.today(),
                                  cards.assessors(), self)
        if dialog.exec() == AssessmentDialog.DialogCode.Accepted and dialog.assessment:
            command = AddAssessmentCommand(self._workspace, dialog.assessment)
            if command.run():
                self._select_assessment(command.assessment.id)

    def _select_assessment(self, assessment_id: int | None) -> None:
        row = self.history_model.row_of(assessment_id)
        if row >= 0:
            self.history.setCurrentIndex(self.history_model.index(row, 0))

    def delete_selected(self) -> None:
        """Delete the selected assessment (undoable), after asking."""
        selected = self.selected_assessment()
        if selected is None or self._workspace.read_only:
            return
        answer = QMessageBox.question(
            self, translate("ScorecardsTab", "Delete assessment"),
            translate("ScorecardsTab", "Delete the assessment of {rep} of {date}? (Edit ▸ Undo "
                      "brings it back.)").format(rep=selected.rep,
                                                 date=date_text(selected.assessed_on)))
        if answer == QMessageBox.StandardButton.Yes:
            DeleteAssessmentCommand(self._workspace, selected).run()

    def _on_export_chart(self) -> None:
        chart = self.views.currentWidget()
        if isinstance(chart, ChartWidget) and chart.figures is not None:
            self.export_requested.emit(chart, chart.figures)

    # --- reactions -----------------------------------------------------------------------

    def _on_view_changed(self) -> None:
        self.chart_export.setEnabled(isinstance(self.views.currentWidget(), ChartWidget))

    def _fit_weak_points(self) -> None:
        # As tall as its rows (at most WEAK_ROWS, then it scrolls): the room is the scores'.
        rows = min(max(self.weak_model.rowCount(), 1), WEAK_ROWS)
        frame = 2 * self.weak.frameWidth()
        self.weak.setFixedHeight(self.weak.horizontalHeader().sizeHint().height() + frame
                                 + rows * self.weak.verticalHeader().defaultSectionSize())

    def _on_rep_changed(self) -> None:
        self._load_rep()

    def _on_assessment_selected(self) -> None:
        self._show_assessment()

    def _on_follow_toggled(self, checked: bool) -> None:
        if checked:
            self._show_assessment()

    def _on_period_edited(self) -> None:
        with QSignalBlocker(self.follow_box):
            self.follow_box.setChecked(False)
        self.refresh_results()

    def _on_changed(self, changes: Changes) -> None:
        if changes.scorecards or LookupKind.REP in changes.lookups:
            self.reload()
        elif changes.deals or changes.settings:
            pass  # the cache service refreshes first and emits ready → refresh_results
