"""The Funnel tab: pick a slice, read its headline figures, charts and table, drill down."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.currencies import currency_digits
from salesdesk.domain.changes import Changes
from salesdesk.domain.metrics import Figures, MoneyRules, figures
from salesdesk.domain.periods import Bucket, Period, bucket_range, parse_bucket
from salesdesk.domain.slice_spec import (
    PeriodPreset,
    SliceSpec,
    dimension_label,
    value_label,
    value_of_label,
)
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store import StoreError
from salesdesk.ui import formatting
from salesdesk.ui.charts import (
    ChartFigures,
    ChartKind,
    ChartWidget,
    FunnelChart,
    chart_figures,
    make_chart,
)
from salesdesk.ui.charts.data import ChartMarker, describe_slice
from salesdesk.ui.funnel.cache_service import CacheService
from salesdesk.ui.funnel.figures_model import FiguresModel
from salesdesk.ui.funnel.headline import HeadlineBar
from salesdesk.ui.funnel.slice_bar import SliceBar
from salesdesk.ui.tasks import TURN_MS
from salesdesk.ui.workspace import Workspace

log = logging.getLogger(__name__)

CHART_TABS: tuple[tuple[ChartKind, str], ...] = (
    (ChartKind.FUNNEL, QT_TRANSLATE_NOOP("FunnelTab", "Funnel")),
    (ChartKind.CONVERSION, QT_TRANSLATE_NOOP("FunnelTab", "Conversion")),
    (ChartKind.DEAL_LENGTH, QT_TRANSLATE_NOOP("FunnelTab", "Deal length")),
    (ChartKind.TREND, QT_TRANSLATE_NOOP("FunnelTab", "Monthly trend")),
    (ChartKind.DISTRIBUTION, QT_TRANSLATE_NOOP("FunnelTab", "Length distribution")),
)
VIEW_STATE = "funnel_slice"  # the file's settings key of the slice last shown
RESIZE_ROWS = 60  # rows measured when the table's columns are sized
# What a click does on each chart (the funnel's stages and the histogram only explain).
CHART_HINTS: dict[ChartKind, str] = {
    ChartKind.FUNNEL: QT_TRANSLATE_NOOP("FunnelTab", "Point at a stage for its figures."),
    ChartKind.CONVERSION: QT_TRANSLATE_NOOP("FunnelTab", "Click a bar to filter by its group."),
    ChartKind.DEAL_LENGTH: QT_TRANSLATE_NOOP("FunnelTab", "Click a bar to filter by its group."),
    ChartKind.TREND: QT_TRANSLATE_NOOP("FunnelTab", "Click a month to look at that month alone."),
    ChartKind.DISTRIBUTION: QT_TRANSLATE_NOOP("FunnelTab", "Point at a bar for its deals."),
}


class FiguresTable(QTableView):
    """The figures table; Copy puts the selected rows (or all) on the clipboard as TSV."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        super().keyPressEvent(event)

    def copy(self) -> None:
        """Copy the selected rows (all rows when none is selected) as tab-separated text."""
        model = self.model()
        assert isinstance(model, FiguresModel)
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        QApplication.clipboard().setText(model.as_tsv(rows or None))


class FunnelTab(QWidget):
    """Slice selectors, headline figures, five charts and the figures table.

    Signals:
        show_deals_requested(frozenset, str, object): the ids behind a figure, their
            description and the day their outcomes are counted as at (a date, or None for
            today's), for the main window to show in the Deals tab.
        export_requested(ChartWidget, ChartFigures): the user asked to export a chart.
    """

    show_deals_requested = Signal(frozenset, str, object)
    export_requested = Signal(object, object)

    def __init__(self, workspace: Workspace, cache: CacheService,
                 parent: QWidget | None = None,
                 default_period: Callable[[], PeriodPreset] = lambda: PeriodPreset.ALL_TIME,
                 ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._default_period = default_period
        self._service = cache
        self._figures: ChartFigures | None = None
        self._before: Figures | None = None
        self._dirty: set[ChartKind] = set()
        # The chart is drawn a turn of the event loop after the table (each takes up to ~40 ms
        # at 100k deals, and new figures arrive together with other tabs' work).
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(TURN_MS)
        self._chart_timer.timeout.connect(self._draw_current_chart)
        self._build()
        self.slice_bar.set_spec(self._saved_spec())
        workspace.file_replaced.connect(lambda: self.slice_bar.set_spec(self._saved_spec()))
        cache.building.connect(self._on_building)
        cache.ready.connect(self._on_ready)
        cache.failed.connect(self._on_failed)
        self.slice_bar.changed.connect(self._on_spec_changed)
        workspace.changed.connect(self._on_changed)
        self.chart_tabs.currentChanged.connect(self._draw_current_chart)
        if cache.cache is not None:
            self._on_ready()
        else:
            self._on_building()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.slice_bar = SliceBar(self._workspace.today)
        self.headline = HeadlineBar()

        self.charts: dict[ChartKind, ChartWidget] = {}
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setObjectName("chart_tabs")
        self.chart_tabs.setDocumentMode(True)
        for kind, title in CHART_TABS:
            chart = make_chart(kind)
            chart.value_clicked.connect(lambda label, k=kind: self._drill_down(k, label))
            self.charts[kind] = chart
            self.chart_tabs.addTab(chart, translate("FunnelTab", title))
        self.by_amount = QCheckBox(translate("FunnelTab", "Funnel by amount"))
        self.by_amount.setObjectName("funnel_by_amount")
        self.by_amount.toggled.connect(self._on_by_amount)
        self.export_button = QPushButton(translate("FunnelTab", "Export Chart…"))
        self.export_button.setObjectName("export_chart")
        self.export_button.clicked.connect(self._export_current)
        self.chart_hint = QLabel(translate("FunnelTab", CHART_HINTS[CHART_TABS[0][0]]))
        self.chart_hint.setObjectName("chart_hint")
        self.chart_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.chart_tabs.currentChanged.connect(
            lambda index: self.chart_hint.setText(
                translate("FunnelTab", CHART_HINTS[CHART_TABS[index][0]])))
        chart_bar = QHBoxLayout()
        chart_bar.addWidget(self.chart_hint)
        chart_bar.addStretch(1)
        chart_bar.addWidget(self.by_amount)
        chart_bar.addWidget(self.export_button)
        chart_side = QWidget()
        chart_layout = QVBoxLayout(chart_side)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_tabs, 1)
        chart_layout.addLayout(chart_bar)

        self.model = FiguresModel(self)
        self.table = FiguresTable()
        self.table.setObjectName("figures_table")
        self.table.setAccessibleName(translate("FunnelTab", "Figures by slice"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk its rows
        self.table.setModel(self.model)
        # No sort column until the user clicks one: rows come in report order (most decided
        # deals first, months in date order), as the charts show them.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        # Sized once per new slice from the first rows: ResizeToContents re-measured every
        # cell of up to 500 groups on each change (145,000 data() calls).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(RESIZE_ROWS)
        self.model.modelReset.connect(self.table.resizeColumnsToContents)
        self.table.doubleClicked.connect(lambda index: self.show_deals(index.row()))
        self.show_button = QPushButton(translate("FunnelTab", "Show Deals"))
        self.show_button.setObjectName("show_deals")
        self.show_button.setToolTip(translate(
            "FunnelTab", "Open the Deals tab with exactly the deals behind the selected row"
            " (the whole slice when none is selected)"))
        self.show_button.clicked.connect(lambda: self.show_deals(self._selected_row()))
        copy_button = QPushButton(translate("FunnelTab", "Copy"))
        copy_button.setToolTip(
            translate("FunnelTab", "Copy the table as tab-separated text (Ctrl+C)"))
        copy_button.clicked.connect(self.table.copy)
        self.table_note = QLabel()
        self.table_note.setObjectName("table_note")
        self.table_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        table_bar = QHBoxLayout()
        table_bar.addWidget(self.table_note)
        table_bar.addStretch(1)
        table_bar.addWidget(copy_button)
        table_bar.addWidget(self.show_button)
        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(table_bar)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("funnel_splitter")
        self.splitter.addWidget(chart_side)
        self.splitter.addWidget(table_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([540, 280])

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(320)
        self.message = QLabel()
        self.message.setObjectName("funnel_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        waiting = QWidget()
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.addStretch(1)
        waiting_layout.addWidget(self.message)
        waiting_layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addStretch(2)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_slice")
        self.empty_label.setWordWrap(True)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName("empty_slice_action")
        self.empty_button.clicked.connect(self._widen_empty_slice)
        self.empty_bar = QFrame()
        self.empty_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_bar.setAutoFillBackground(True)
        self.empty_bar.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        empty_layout = QHBoxLayout(self.empty_bar)
        empty_layout.addWidget(self.empty_label, 1)
        empty_layout.addWidget(self.empty_button)
        self.empty_bar.hide()
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.empty_bar)
        content_layout.addWidget(self.headline)
        content_layout.addWidget(self.splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(waiting)
        self.stack.addWidget(content)
        self._content = content

        layout = QVBoxLayout(self)
        layout.addWidget(self.slice_bar)
        layout.addWidget(self.stack, 1)

    # --- state ---------------------------------------------------------------------------

    @property
    def figures(self) -> ChartFigures | None:
        """The figures shown (None while the cache builds)."""
        return self._figures

    @property
    def comparison(self) -> Figures | None:
        """The whole slice's figures over the comparison period (None: not comparing)."""
        return self._before

    @property
    def spec(self) -> SliceSpec:
        """The selection shown."""
        return self.slice_bar.spec

    def set_spec(self, spec: SliceSpec) -> None:
        """Select ``spec`` and show its figures."""
        self.slice_bar.set_spec(spec, emit=True)

    def _on_building(self) -> None:
        self._figures = None
        self.message.setText(translate("FunnelTab", "Counting the deals for the figures…"))
        self.progress.show()
        self.stack.setCurrentIndex(0)

    def _on_failed(self, message: str) -> None:
        self.message.setText(translate("FunnelTab", "The figures could not be computed: {message}")
                             .format(message=message))
        self.progress.hide()
        self.stack.setCurrentIndex(0)

    def _on_ready(self) -> None:
        cache = self._service.cache
        assert cache is not None
        self.slice_bar.set_values(cache.values)
        if not len(cache):
            self._figures = None
            self.message.setText(translate(
                "FunnelTab",
                "<p style='font-size:14pt'>No deals yet.</p><p>Conversion, deal length and"
                " the funnel appear here once deals are recorded in the Deals tab.</p>"))
            self.message.setTextFormat(Qt.TextFormat.RichText)
            self.progress.hide()
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.refresh()

    def _saved_spec(self) -> SliceSpec:
        """The slice this file was last shown with (each file keeps its own); a file never
        shown starts on the default period of Preferences."""
        saved = self._workspace.store.view_state(VIEW_STATE)
        return SliceSpec.from_json(saved) if saved else SliceSpec(preset=self._default_period())

    def _on_changed(self, changes: Changes) -> None:
        if changes.customers and not changes.deals and self._figures is not None:
            self.refresh()  # the touchpoint changes marked on the trend

    def touchpoint_markers(self) -> list[ChartMarker]:
        """The touchpoint changes the trend marks."""
        return [ChartMarker(c.changed_on, c.touchpoint, c.describe())
                for c in self._workspace.store.customers.changes()]

    def _on_spec_changed(self, spec: SliceSpec) -> None:
        if not self._workspace.read_only:
            try:
                self._workspace.store.save_view_state(VIEW_STATE, spec.to_json())
            except StoreError as exc:  # only how the tab looks: the next real edit reports it
                log.warning("Could not keep the Funnel slice in the file: %s", exc)
        if self._service.cache is not None and len(self._service.cache):
            self.refresh()

    def query(self) -> Query:
        """The metrics engine's question for the current selection."""
        fiscal = self._workspace.store.settings().fiscal_year_start
        return self.spec.query(self._workspace.today(), fiscal)

    def refresh(self) -> None:
        """Recompute the figures and redraw the table, headline and visible chart."""
        cache = self._service.cache
        if cache is None:
            return
        settings = self._workspace.store.settings()
        money = MoneyRules.of(settings, currency_digits())
        today = self._workspace.today()
        query = self.spec.query(today, settings.fiscal_year_start)
        self._figures = chart_figures(cache, query, settings=settings, money=money,
                                      slice_text=describe_slice(query.slice),
                                      markers=self.touchpoint_markers())
        before: Figures | None = None
        comparison = self.spec.comparison_query(today, settings.fiscal_year_start)
        if comparison is not None:
            before = figures(cache.result(Query(comparison.slice)).overall,
                             threshold=settings.too_few_threshold, money=money)
        self._before = before
        self.headline.show_figures(self._figures.overall, before, self._figures.currency)
        shown = self._figures
        self.model.set_figures(shown.by_label or translate("FunnelTab", "Group"), shown.overall,
                               shown.groups, shown.currency)
        self.table_note.setText(
            "" if shown.groups_total <= len(shown.groups) else
            translate("FunnelTab", "The {shown} groups with the most decided deals, of"
                      " {total}.").format(shown=formatting.count(len(shown.groups)),
                                          total=formatting.count(shown.groups_total)))
        self._dirty = set(self.charts)
        self._chart_timer.start()
        self._show_empty_bar(shown.overall.deals == 0)

    def _show_empty_bar(self, empty: bool) -> None:
        """Say why a slice is empty, naming its filters (which may have been chosen long
        ago), and offer the way out."""
        self.empty_bar.setVisible(empty)
        if not empty:
            return
        spec = self.spec
        if spec.filters:
            either = translate("FunnelTab", " or ")
            chosen = ", ".join(
                translate("FunnelTab", "{dimension}: {values}").format(
                    dimension=dimension_label(d),
                    values=either.join(value_label(d, v) for v in values))
                for d, values in spec.filters.items())
            if spec.preset is PeriodPreset.ALL_TIME:
                text = translate("FunnelTab", "<b>No deals match {filters}</b>.")
            else:
                text = translate("FunnelTab", "<b>No deals match {filters}</b> in this period.")
            self.empty_label.setText(text.format(filters=html.escape(chosen)))
            self.empty_button.setText(translate("FunnelTab", "Clear Filters"))
        else:
            self.empty_label.setText(translate("FunnelTab", "<b>No deals in this period.</b>"))
            self.empty_button.setText(translate("FunnelTab", "Show All Time"))

    def _widen_empty_slice(self) -> None:
        if self.spec.filters:
            self.slice_bar.clear_filters()
        else:
            self.set_spec(replace(self.spec, preset=PeriodPreset.ALL_TIME))

    def _draw_current_chart(self) -> None:
        chart = self.chart_tabs.currentWidget()
        if self._figures is None or not isinstance(chart, ChartWidget):
            return
        if chart.chart_id in self._dirty:
            chart.set_figures(self._figures)
            self._dirty.discard(chart.chart_id)
        self.by_amount.setVisible(chart.chart_id is ChartKind.FUNNEL)

    def _on_by_amount(self, on: bool) -> None:
        funnel = self.charts[ChartKind.FUNNEL]
        assert isinstance(funnel, FunnelChart)  # what make_chart(ChartKind.FUNNEL) builds
        funnel.set_by_amount(on)

    def _export_current(self) -> None:
        chart = self.chart_tabs.currentWidget()
        if self._figures is not None and isinstance(chart, ChartWidget):
            self._dirty.discard(chart.chart_id)
            self.export_requested.emit(chart, self._figures)

    # --- drill-down ----------------------------------------------------------------------

    def _group_filter(self, label: str) -> tuple[Dimension, str | None] | None:
        by = self.spec.by
        if by is None:
            return None
        return by, value_of_label(by, label)

    def _drill_down(self, kind: ChartKind, label: str) -> None:
        """A click on a bar: its value becomes a filter (a month or quarter the period)."""
        if kind is ChartKind.TREND:
            self._select_bucket(Bucket.MONTH, label)
            return
        chosen = self._group_filter(label)
        if chosen is None:
            return
        dimension, value = chosen
        if dimension.bucket is not None:
            self._select_bucket(dimension.bucket, label)
        else:
            self.set_spec(self.spec.adding(dimension, value))

    def _select_bucket(self, bucket: Bucket, label: str) -> None:
        try:
            start, end = bucket_range(bucket, parse_bucket(bucket, label))
        except ValueError:
            return
        self.set_spec(replace(self.spec, preset=PeriodPreset.CUSTOM, custom=(start, end)))

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else 0

    def deal_ids_behind(self, row: int) -> tuple[frozenset[int], str, dt.date | None]:
        """The ids of the deals behind a table row (0: the whole slice), their words, and
        the day their outcomes count as at: the period's end when counting by close date (a
        deal won after it was open then), None with the cohort switch (today's outcome)."""
        cache = self._service.cache
        assert cache is not None
        query = self.query()
        sl = query.slice
        label = self.model.label(row)
        if label is not None and self.spec.by is not None:
            dimension = self.spec.by
            value = value_of_label(dimension, label)
            if dimension.bucket is not None:
                dates = bucket_range(dimension.bucket, parse_bucket(dimension.bucket, label))
                sl = Slice(sl.filters, sl.period.intersect(Period.between(*dates)), sl.cohort)
            else:
                filters = dict(sl.filters)
                filters[dimension] = frozenset({value})
                sl = Slice(filters, sl.period, sl.cohort)
        ids = frozenset(cache.deal_ids(sl).tolist())
        return ids, describe_slice(sl), None if sl.cohort else sl.period.end

    def show_deals(self, row: int) -> None:
        """Ask for the Deals tab to show the deals behind ``row``."""
        if self._service.cache is None or self.model.rowCount() == 0:
            return
        self.show_deals_requested.emit(*self.deal_ids_behind(row))
