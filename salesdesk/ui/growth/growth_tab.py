"""The Growth points tab: where conversion and deal length can grow (DESIGN.md §5).

Three pages: the levers (the conversion levers ranked by their monthly value above the
deal-length levers ranked by the deal-days a month they would free), the values to watch, and
the open deals dragging on per salesperson. Below them the selected row's evidence in a
sentence and the factor it points to, with buttons that ask the main window for the Funnel on
the lever's slice, the salesperson's scorecard, or the dragging deals in the Deals list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.growth import Lever, Metric, Reference, WatchItem
from salesdesk.domain.slice_spec import PeriodPreset, SliceSpec
from salesdesk.domain.slices import Dimension
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.growth_report import deal_titles
from salesdesk.ui import formatting
from salesdesk.ui.growth.detail import (
    NO_DRAGGING_SELECTION,
    NO_SELECTION,
    dragging_detail,
    item_detail,
)
from salesdesk.ui.growth.dragging_model import DraggingModel
from salesdesk.ui.growth.lever_models import ITEM_ROLE, LeverModel, WatchModel
from salesdesk.ui.growth.service import CacheProvider, GrowthChoices, GrowthResult, GrowthService
from salesdesk.ui.growth.sparkline import SparklineDelegate
from salesdesk.ui.tasks import TaskRunner
from salesdesk.ui.workspace import Workspace

REFERENCES = ((Reference.MEDIAN, QT_TRANSLATE_NOOP("GrowthTab", "Median of the others")),
              (Reference.BEST, QT_TRANSLATE_NOOP("GrowthTab", "Best of the others")),
              (Reference.AVERAGE, QT_TRANSLATE_NOOP("GrowthTab", "Business average")))
PERIODS = tuple(p for p in PeriodPreset if p is not PeriodPreset.CUSTOM)
RESIZE_ROWS = 30  # rows measured when a table's columns are sized
# The dragging deals' columns after the first (which takes the rest) are as wide as these
# texts or their header: a salesperson's deals arrive page by page, so measuring the loaded
# ones would make the columns jump.
DRAGGING_SAMPLES = ("Heat pump installation", "999 days", "99 days (n = 999)", "999 days",
                    "Salesperson + product", "— (none that late)")


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk its rows
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    # Sized once per report from its first rows: resizing to contents in every layout pass
    # measured every cell of a long watch list again and again (0.1 s at a million deals).
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(RESIZE_ROWS)
    header.setStretchLastSection(True)
    return view


def _empty_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class GrowthTab(QWidget):
    """The ranked growth points of the open file, kept current by a :class:`GrowthService`.

    Signals:
        funnel_requested(SliceSpec): show the Funnel tab on a lever's slice.
        scorecard_requested(str): show a salesperson's scorecard.
        show_deals_requested(frozenset, str): list these deals (described by the text) in the
            Deals tab.
        badges_changed(object): the deals dragging on changed; a ``Mapping[int, str]`` of
            deal id to the Deals list's badge text (empty while there is no report).
    """

    funnel_requested = Signal(object)
    scorecard_requested = Signal(str)
    show_deals_requested = Signal(frozenset, str)
    badges_changed = Signal(object)

    def __init__(self, workspace: Workspace, cache: CacheProvider, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("growth_tab")
        self._workspace = workspace
        self.service = GrowthService(workspace, cache, tasks, self)
        self.conversion_model = LeverModel(Metric.CONVERSION, self)
        self.length_model = LeverModel(Metric.DEAL_LENGTH, self)
        self.watch_model = WatchModel(self)
        self.dragging_model = DraggingModel(
            lambda ids: deal_titles(self._workspace.store, ids), self)
        self._build()
        self._connect_signals()
        if cache.cache is not None:
            self.service.refresh()
        else:
            self._on_waiting("")

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.reference_box = QComboBox()
        self.reference_box.setObjectName("growth_reference")
        for reference, text in REFERENCES:
            self.reference_box.addItem(translate("GrowthTab", text), reference.value)
        self.period_box = QComboBox()
        self.period_box.setObjectName("growth_period")
        for preset in PERIODS:
            self.period_box.addItem(preset.label, preset.value)
        self.period_box.setCurrentIndex(self.period_box.findData(GrowthChoices().preset.value))
        self.summary = QLabel()
        self.summary.setObjectName("growth_summary")
        self.summary.setWordWrap(True)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        reference_label = QLabel(translate("GrowthTab", "Compare &with:"))
        reference_label.setBuddy(self.reference_box)
        period_label = QLabel(translate("GrowthTab", "&Period:"))
        period_label.setBuddy(self.period_box)
        bar = QHBoxLayout()
        bar.addWidget(reference_label)
        bar.addWidget(self.reference_box)
        bar.addSpacing(12)
        bar.addWidget(period_label)
        bar.addWidget(self.period_box)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)

        self.conversion_view = self._lever_view("conversion_levers", self.conversion_model)
        self.conversion_view.setAccessibleName(translate("GrowthTab", "Conversion levers"))
        self.length_view = self._lever_view("length_levers", self.length_model)
        self.length_view.setAccessibleName(translate("GrowthTab", "Deal-length levers"))
        self.watch_view = _table("watch_list")
        self.watch_view.setAccessibleName(translate("GrowthTab", "Watch, not enough data"))
        self.watch_view.setModel(self.watch_model)
        self.watch_model.modelReset.connect(self.watch_view.resizeColumnsToContents)
        self.dragging_view = QTreeView()
        self.dragging_view.setObjectName("dragging_deals")
        self.dragging_view.setAccessibleName(translate("GrowthTab", "Deals dragging on"))
        self.dragging_view.setModel(self.dragging_model)
        self.dragging_view.setAlternatingRowColors(True)
        self.dragging_view.setUniformRowHeights(True)
        self.dragging_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.dragging_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.dragging_view.fontMetrics()
        for column, sample in enumerate(DRAGGING_SAMPLES, start=1):
            texts = (sample, DraggingModel.header(column))
            header.resizeSection(column, max(map(metrics.horizontalAdvance, texts)) + 16)
        self.drag_factor = QDoubleSpinBox()
        self.drag_factor.setObjectName("drag_factor")
        self.drag_factor.setRange(1.0, 10.0)
        self.drag_factor.setSingleStep(0.1)
        self.drag_factor.setDecimals(1)
        self.drag_factor.setValue(GrowthChoices().drag_factor)
        self.drag_factor.setSuffix(" ×")
        drag_bar = QHBoxLayout()
        drag_label = QLabel(translate("GrowthTab", "Open deals older than"))
        drag_label.setBuddy(self.drag_factor)
        drag_bar.addWidget(drag_label)
        drag_bar.addWidget(self.drag_factor)
        drag_rule = QLabel(translate("GrowthTab", "the average length of the closed deals of"
                                     " the same salesperson and product (else the product,"
                                     " else the business)"))
        drag_rule.setWordWrap(True)
        drag_bar.addWidget(drag_rule, 1)
        dragging_page = QWidget()
        dragging_layout = QVBoxLayout(dragging_page)
        dragging_layout.setContentsMargins(0, 4, 0, 0)
        dragging_layout.addLayout(drag_bar)

        self.empty: dict[QWidget, QLabel] = {}
        self._stacks: dict[QWidget, QStackedWidget] = {}
        for view, name in ((self.conversion_view, "conversion_empty"),
                           (self.length_view, "length_empty"),
                           (self.watch_view, "watch_empty"),
                           (self.dragging_view, "dragging_empty")):
            stack = QStackedWidget()
            stack.addWidget(view)
            self.empty[view] = _empty_label(name)
            stack.addWidget(self.empty[view])
            self._stacks[view] = stack
        dragging_layout.addWidget(self._stacks[self.dragging_view], 1)
        self.levers_splitter = QSplitter(Qt.Orientation.Vertical)
        self.levers_splitter.setObjectName("growth_splitter")
        self.levers_splitter.setChildrenCollapsible(False)
        for view, caption in (
                (self.conversion_view, translate(
                    "GrowthTab", "<b>Conversion levers</b> — ranked by what closing the gap to"
                    " the reference is worth a month")),
                (self.length_view, translate(
                    "GrowthTab", "<b>Deal-length levers</b> — ranked by the deal-days a month"
                    " that matching the reference would free"))):
            block = QWidget()
            block_layout = QVBoxLayout(block)
            block_layout.setContentsMargins(0, 6, 0, 0)
            block_layout.addWidget(QLabel(caption))
            block_layout.addWidget(self._stacks[view], 1)
            self.levers_splitter.addWidget(block)
        self.levers_splitter.setSizes([300, 200])

        self.pages = QTabWidget()
        self.pages.setObjectName("growth_pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.levers_splitter, translate("GrowthTab", "Levers"))
        self.pages.addTab(self._stacks[self.watch_view],
                          translate("GrowthTab", "Watch, not enough data"))
        self.pages.addTab(dragging_page, translate("GrowthTab", "Deals dragging on"))
        self._lever_view_in_use = self.conversion_view

        self.detail = QLabel(translate("GrowthTab", NO_SELECTION))
        self.detail.setObjectName("growth_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMinimumHeight(self.fontMetrics().height() * 4)
        self.funnel_button = QPushButton(translate("GrowthTab", "&Open in Funnel"))
        self.funnel_button.setObjectName("open_in_funnel")
        self.funnel_button.setToolTip(translate("GrowthTab",
                                                "Show the Funnel tab on the selected value"))
        self.scorecard_button = QPushButton(translate("GrowthTab", "Open Sco&recard"))
        self.scorecard_button.setObjectName("open_scorecard")
        self.scorecard_button.setToolTip(translate(
            "GrowthTab", "Show the salesperson's assessments next to their results"))
        self.deals_button = QPushButton(translate("GrowthTab", "Show in Deals &List"))
        self.deals_button.setObjectName("show_dragging_deals")
        self.deals_button.setToolTip(translate(
            "GrowthTab", "List the selected dragging deals in the Deals tab"))
        buttons = QVBoxLayout()
        for button in (self.funnel_button, self.scorecard_button, self.deals_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.detail, 1)
        detail_row.addLayout(buttons)

        self.message = _empty_label("growth_message")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(320)
        waiting = QWidget()
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.addStretch(1)
        waiting_layout.addWidget(self.message)
        waiting_layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addStretch(2)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.pages, 1)
        content_layout.addLayout(detail_row)
        self.stack = QStackedWidget()
        self.stack.addWidget(waiting)
        self.stack.addWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    def _lever_view(self, name: str, model: LeverModel) -> QTableView:
        view = _table(name)
        view.setModel(model)
        view.setItemDelegateForColumn(LeverModel.TREND_COLUMN, SparklineDelegate(view))
        model.modelReset.connect(view.resizeColumnsToContents)
        return view

    def _connect_signals(self) -> None:
        service = self.service
        service.ready.connect(self._on_result)
        service.waiting.connect(self._on_waiting)
        self.reference_box.currentIndexChanged.connect(self._on_choices_changed)
        self.period_box.currentIndexChanged.connect(self._on_choices_changed)
        self.drag_factor.valueChanged.connect(self._on_choices_changed)
        self.pages.currentChanged.connect(self._show_detail)
        for view in (self.conversion_view, self.length_view):
            view.selectionModel().currentRowChanged.connect(
                lambda current, _, v=view: self._on_lever_selected(v, current))
        self.watch_view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.dragging_view.selectionModel().currentRowChanged.connect(self._show_detail)
        for table in (self.conversion_view, self.length_view, self.watch_view):
            table.activated.connect(self._open_funnel)
        self.dragging_view.activated.connect(
            lambda index: self._show_dragging(index) if index.parent().isValid() else None)
        self.dragging_model.modelReset.connect(self._span_rep_rows)
        self.funnel_button.clicked.connect(lambda: self._open_funnel(self._current_index()))
        self.scorecard_button.clicked.connect(self._open_scorecard)
        self.deals_button.clicked.connect(lambda: self._show_dragging(self._current_index()))

    # --- state ---------------------------------------------------------------------------

    @property
    def result(self) -> GrowthResult | None:
        """The report shown (None while there is none)."""
        return self.service.result

    def _on_choices_changed(self) -> None:
        self.service.set_choices(GrowthChoices(
            PeriodPreset(self.period_box.currentData()),
            Reference(self.reference_box.currentData()),
            round(self.drag_factor.value(), 1)))

    def _on_waiting(self, failure: str) -> None:
        self.badges_changed.emit({})
        if failure:
            self.message.setText(translate(
                "GrowthTab", "The growth points could not be computed: {failure}").format(
                failure=failure))
            self.progress.hide()
        else:
            self.message.setText(translate("GrowthTab",
                                           "Counting the deals for the growth points…"))
            self.progress.show()
        self.stack.setCurrentIndex(0)

    def _on_result(self, result: GrowthResult) -> None:
        self.badges_changed.emit(result.ranked.badges)
        if not result.deals:
            self.message.setText(translate(
                "GrowthTab", "<p style='font-size:14pt'>No deals yet.</p><p>Growth points"
                " appear here once deals are won or lost: where conversion and deal length fall"
                " behind, and the open deals dragging on.</p>"))
            self.progress.hide()
            self.stack.setCurrentIndex(0)
            return
        report, options = result.report, result.options
        kept = {view: self._current_key(view) for view in
                (self.conversion_view, self.length_view, self.watch_view)}
        self.conversion_model.set_levers(report.levers)
        self.length_model.set_levers(report.time_levers)
        self.watch_model.set_items(report.watch)
        self.dragging_model.set_deals(result.ranked.dragging_by_rep)
        for view, key in kept.items():
            self._reselect(view, key)
        self.pages.setTabText(0, translate("GrowthTab", "Levers ({count})").format(
            count=formatting.count(len(report.levers) + len(report.time_levers))))
        self.pages.setTabText(1, translate("GrowthTab", "Watch, not enough data ({count})")
                              .format(count=formatting.count(len(report.watch))))
        self.pages.setTabText(2, translate("GrowthTab", "Deals dragging on ({count})").format(
            count=formatting.count(len(report.dragging))))
        if report.months == 1:
            summary = translate(
                "GrowthTab", "The period spans {months} month. A lever needs {threshold}"
                " decided deals (closed, for deal length) and a likely range (95 % interval)"
                " that excludes the reference.")
        else:
            summary = translate(
                "GrowthTab", "The period spans {months} months. A lever needs {threshold}"
                " decided deals (closed, for deal length) and a likely range (95 % interval)"
                " that excludes the reference.")
        self.summary.setText(summary.format(months=report.months, threshold=options.threshold))
        self._set_empty_texts(result)
        self.stack.setCurrentIndex(1)
        self._show_detail()

    def _set_empty_texts(self, result: GrowthResult) -> None:
        report = result.report
        watched = (" " + translate("GrowthTab", "Values behind it without enough evidence are"
                                   " in the Watch list.") if report.watch else "")
        texts = {
            self.conversion_view: (report.levers, translate(
                "GrowthTab", "No conversion lever: no value's conversion is clearly below its"
                " reference.") + watched),
            self.length_view: (report.time_levers, translate(
                "GrowthTab", "No deal-length lever: no value's deals take clearly longer than"
                " its reference.") + watched),
            self.watch_view: (report.watch, translate(
                "GrowthTab", "Nothing to watch: every value behind its reference has the"
                " evidence to be ranked.")),
            self.dragging_view: (report.dragging, translate(
                "GrowthTab", "No open deal is older than {factor} × the usual length of its"
                " closed deals.").format(factor=f"{result.options.drag_factor:g}")),
        }
        for view, (rows, text) in texts.items():
            self.empty[view].setText(f"<p style='font-size:12pt'>{html.escape(text)}</p>")
            self._stacks[view].setCurrentIndex(0 if rows else 1)

    def _span_rep_rows(self) -> None:
        for row in range(self.dragging_model.rowCount()):
            self.dragging_view.setFirstColumnSpanned(row, QModelIndex(), True)

    # --- selection -----------------------------------------------------------------------

    def _current_view(self) -> QAbstractItemView:
        return (self._lever_view_in_use, self.watch_view,
                self.dragging_view)[self.pages.currentIndex()]

    def _on_lever_selected(self, view: QTableView, current: QModelIndex) -> None:
        # One lever at a time across both tables: the buttons act on the last one selected.
        if current.isValid():
            self._lever_view_in_use = view
            other = self.length_view if view is self.conversion_view else self.conversion_view
            other.selectionModel().clear()
        self._show_detail()

    def _current_index(self) -> QModelIndex:
        return self._current_view().selectionModel().currentIndex()

    @staticmethod
    def _current_key(view: QTableView) -> tuple[object, ...] | None:
        item = view.selectionModel().currentIndex().data(ITEM_ROLE)
        return None if item is None else (item.dimension, item.value, item.metric)

    @staticmethod
    def _reselect(view: QTableView, key: tuple[object, ...] | None) -> None:
        model = view.model()
        for row in range(model.rowCount() if key is not None else 0):
            item = model.index(row, 0).data(ITEM_ROLE)
            if (item.dimension, item.value, item.metric) == key:
                view.selectRow(row)
                return

    def _show_detail(self) -> None:
        index = self._current_index()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if isinstance(item, Lever | WatchItem):
            self.detail.setText(item_detail(item))
        elif self._current_view() is self.dragging_view:
            self.detail.setText(dragging_detail(self.dragging_model, index) if index.isValid()
                                else translate("GrowthTab", NO_DRAGGING_SELECTION))
        else:
            self.detail.setText(translate("GrowthTab", NO_SELECTION))
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self._current_index() if self.stack.currentIndex() == 1 else QModelIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        on_dragging = self._current_view() is self.dragging_view
        self.funnel_button.setVisible(not on_dragging)
        self.funnel_button.setEnabled(item is not None)
        rep = (item.value if isinstance(item, Lever | WatchItem)
               and item.dimension is Dimension.REP
               else self.dragging_model.rep(index) if on_dragging else None)
        self.scorecard_button.setEnabled(rep is not None)
        self.deals_button.setVisible(on_dragging)
        self.deals_button.setEnabled(index.isValid())

    # --- requests ------------------------------------------------------------------------

    def _open_funnel(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if not isinstance(item, Lever | WatchItem):
            return
        # Grouped by salesperson (a salesperson's own slice by product): who or what in it
        # falls behind.
        by = Dimension.PRODUCT if item.dimension is Dimension.REP else Dimension.REP
        self.funnel_requested.emit(SliceSpec(filters={item.dimension: (item.value,)},
                                             preset=self.service.choices.preset, by=by))

    def _open_scorecard(self) -> None:
        index = self._current_index()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if isinstance(item, Lever | WatchItem) and item.dimension is Dimension.REP:
            self.scorecard_requested.emit(item.value)
        elif (rep := self.dragging_model.rep(index)) is not None:
            self.scorecard_requested.emit(rep)

    def _show_dragging(self, index: QModelIndex) -> None:
        ids = self.dragging_model.deal_ids(index)
        if not ids:
            return
        rep = self.dragging_model.rep(index) or translate("GrowthTab", "no salesperson")
        factor = self.service.choices.drag_factor
        self.show_deals_requested.emit(ids, translate(
            "GrowthTab", "deals of {rep} dragging on (open past {factor} × the usual length)")
            .format(rep=rep, factor=f"{factor:g}"))
