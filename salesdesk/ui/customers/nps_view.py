"""The NPS page of the Customers tab: NPS by product, segment, client or month with n, NPS
beside conversion and the repeat-purchase share, the monthly trend, and the searchable comments
list filtered by score group."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.nps import NpsBy, NpsTally, Response, ScoreGroup, monthly
from salesdesk.domain.periods import Period
from salesdesk.domain.slices import Dimension
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.customers_report import NpsBeside, nps_beside_conversion
from salesdesk.reports.nps_report import NONE_LABEL, build_report, nps_text
from salesdesk.ui import formatting
from salesdesk.ui.customers.charts import NpsFigures, NpsTrendChart
from salesdesk.ui.customers.commands import DeleteResponsesCommand, EditResponseCommand
from salesdesk.ui.customers.models import (
    Column,
    CommentsFilter,
    RecordsModel,
    SortedProxy,
    none_last,
)
from salesdesk.ui.customers.nps_entry import ResponseDialog
from salesdesk.ui.formatting import date_text
from salesdesk.ui.workspace import Workspace

GroupRow = tuple[str | None, NpsTally]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def _conversion_tip(b: NpsBeside) -> str:
    if b.figures.too_few:
        return translate("NpsView", "won ÷ (won + lost) of {decided} decided deals — too few to"
                                    " judge").format(decided=b.figures.decided)
    return translate("NpsView", "won ÷ (won + lost) of {decided} decided deals").format(
        decided=b.figures.decided)


GROUP_COLUMNS: tuple[Column[GroupRow], ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Group"),
           lambda g: translate("NpsReport", NONE_LABEL) if g[0] is None else g[0],
           sort=lambda g: (g[0] is None, (g[0] or "").casefold())),
    Column("NPS", lambda g: nps_text(g[1].nps), sort=lambda g: none_last(g[1].nps), right=True),
    Column("9–10", lambda g: formatting.count(g[1].promoters), sort=lambda g: g[1].promoters,
           right=True, header_tip=QT_TRANSLATE_NOOP("RecordsModel", "Promoters: scores 9–10")),
    Column("7–8", lambda g: formatting.count(g[1].passives), sort=lambda g: g[1].passives,
           right=True, header_tip=QT_TRANSLATE_NOOP("RecordsModel", "Passives: scores 7–8")),
    Column("0–6", lambda g: formatting.count(g[1].detractors), sort=lambda g: g[1].detractors,
           right=True, header_tip=QT_TRANSLATE_NOOP("RecordsModel", "Detractors: scores 0–6")),
    Column("n", lambda g: formatting.count(g[1].n), sort=lambda g: g[1].n, right=True,
           header_tip=QT_TRANSLATE_NOOP("RecordsModel", "Responses counted")),
)
BESIDE_COLUMNS: tuple[Column[NpsBeside], ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Product"), lambda b: b.value,
           sort=lambda b: b.value.casefold()),
    Column("NPS", lambda b: nps_text(b.nps.nps), sort=lambda b: none_last(b.nps.nps),
           right=True),
    Column("n", lambda b: formatting.count(b.nps.n), sort=lambda b: b.nps.n, right=True),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Conversion"),
           lambda b: _percent(b.figures.conversion),
           sort=lambda b: none_last(b.figures.conversion), right=True, tooltip=_conversion_tip),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Decided"),
           lambda b: formatting.count(b.figures.decided), sort=lambda b: b.figures.decided,
           right=True,
           header_tip=QT_TRANSLATE_NOOP("RecordsModel",
                                        "Decided (won or lost) deals closed in the period")),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Repeat"), lambda b: _percent(b.repeat_share),
           sort=lambda b: none_last(b.repeat_share), right=True,
           tooltip=lambda b: translate("NpsView", "{repeat} of {won} won deals were by current"
                                                  " customers").format(repeat=b.repeat_won,
                                                                       won=b.won),
           header_tip=QT_TRANSLATE_NOOP("RecordsModel", "Repeat-purchase share: won deals made"
                                                        " by current customers")),
)
COMMENT_COLUMNS: tuple[Column[Response], ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Date"), lambda r: date_text(r.answered_on),
           sort=lambda r: r.answered_on),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Score"), lambda r: str(r.score),
           sort=lambda r: r.score, right=True),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Group"), lambda r: r.group.singular),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Segment"), lambda r: r.segment.label),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Product"), lambda r: r.product or "—"),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Client"), lambda r: r.client or "—"),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "What would earn a 10"), lambda r: r.comment,
           tooltip=lambda r: r.comment),
)
SCORE_FILTERS: tuple[tuple[str, frozenset[ScoreGroup] | None], ...] = (
    (QT_TRANSLATE_NOOP("NpsPage", "All scores"), None),
    (QT_TRANSLATE_NOOP("NpsPage", "Detractors (0–6)"), frozenset({ScoreGroup.DETRACTOR})),
    (QT_TRANSLATE_NOOP("NpsPage", "Passives (7–8)"), frozenset({ScoreGroup.PASSIVE})),
    (QT_TRANSLATE_NOOP("NpsPage", "Promoters (9–10)"), frozenset({ScoreGroup.PROMOTER})),
    (QT_TRANSLATE_NOOP("NpsPage", "Detractors and passives"),
     frozenset({ScoreGroup.DETRACTOR, ScoreGroup.PASSIVE})),
)
"""The comments list's score filter: its English text (``translate("NpsPage", text)`` when
shown) and the groups it keeps (None: every group)."""
BY_CHOICES = (NpsBy.PRODUCT, NpsBy.SEGMENT, NpsBy.CLIENT, NpsBy.MONTH)


def _beside_header(by_client: bool) -> str:
    """The first column's header of NPS beside conversion: per client or per product."""
    return translate("NpsView", "Client") if by_client else translate("NpsView", "Product")


def table(name: str, model: QAbstractItemModel, *, accessible_name: str, sortable: bool = True,
          stretch: int = 0) -> QTableView:
    """A read-only table view over ``model`` (through a sorting proxy when ``sortable``),
    named ``accessible_name`` for screen readers; column ``stretch`` takes the width the others
    leave (-1: none), the others fit their contents."""
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible_name)
    if sortable:
        proxy = model if isinstance(model, SortedProxy) else SortedProxy(view)
        if proxy is not model:
            proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk its rows
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def split(name: str, orientation: Qt.Orientation,
          *parts: tuple[QWidget, int, int]) -> QSplitter:
    """A splitter of ``parts`` — (widget, stretch factor, starting size) each — named
    ``name``, the name the window keeps its sizes under."""
    splitter = QSplitter(orientation)
    splitter.setObjectName(name)
    for index, (widget, stretch, _size) in enumerate(parts):
        splitter.addWidget(widget)
        if stretch:
            splitter.setStretchFactor(index, stretch)
    splitter.setSizes([size for _widget, _stretch, size in parts])
    return splitter


def chart_panel(title: str, chart: QWidget, button: QWidget) -> QWidget:
    """A chart under its heading, with its export button at the heading's right."""
    panel = QWidget()
    panel_layout = QVBoxLayout(panel)
    panel_layout.setContentsMargins(0, 0, 0, 0)
    bar = QHBoxLayout()
    bar.addWidget(heading(title))
    bar.addStretch(1)
    bar.addWidget(button)
    panel_layout.addLayout(bar)
    panel_layout.addWidget(chart, 1)
    return panel


def heading(text: str) -> QLabel:
    """A bold section heading."""
    label = QLabel(f"<b>{text}</b>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class NpsPage(QWidget):
    """NPS figures, trend and comments over the tab's period.

    Signals:
        export_requested(object, object): export the trend chart (chart, its figures).
        add_requested(): the user asked to type survey responses.
        import_requested(): the user asked to import survey responses from a file.
    """

    export_requested = Signal(object, object)
    add_requested = Signal()
    import_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nps_page")
        self._workspace = workspace
        self._responses: list[Response] = []
        self._period = Period()
        self._slice_text = translate("NpsPage", "all time")
        self._cache: AnalyticsCache | None = None
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.by_box = QComboBox()
        self.by_box.setObjectName("nps_by")
        for by in BY_CHOICES:
            self.by_box.addItem(by.label, by.value)
        self.add_button = QPushButton(translate("NpsPage", "Add &Responses…"))
        self.add_button.setObjectName("add_responses")
        self.add_button.setToolTip(translate("NpsPage",
                                             "Type a batch of paper surveys from the keyboard"))
        self.import_button = QPushButton(translate("NpsPage", "&Import…"))
        self.import_button.setToolTip(translate("NpsPage",
                                                "Import survey responses from a CSV or XLSX file"))
        self.export_button = QPushButton(translate("NpsPage", "Export Chart…"))
        self.export_button.setObjectName("export_nps_chart")
        self.summary = QLabel()
        self.summary.setObjectName("nps_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        by_label = QLabel(translate("NpsPage", "Group &by:"))
        by_label.setBuddy(self.by_box)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(by_label)
        bar.addWidget(self.by_box)
        bar.addWidget(self.add_button)
        bar.addWidget(self.import_button)

        self.groups_model: RecordsModel[GroupRow] = RecordsModel(GROUP_COLUMNS, self)
        self.groups_view = table("nps_groups", self.groups_model,
                                 accessible_name=translate("NpsPage", "NPS by group"))
        self.beside_model: RecordsModel[NpsBeside] = RecordsModel(BESIDE_COLUMNS, self)
        self.beside_view = table("nps_beside", self.beside_model, accessible_name=translate(
            "NpsPage", "NPS beside conversion and repeat purchases"))
        self.beside_title = heading(translate("NpsPage",
                                              "NPS beside conversion and repeat purchases"))
        self.beside_note = QLabel()
        self.beside_note.setWordWrap(True)
        self.beside_note.setObjectName("beside_note")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(translate("NpsPage", "NPS by group")))
        left_layout.addWidget(self.groups_view, 1)
        left_layout.addWidget(self.beside_title)
        left_layout.addWidget(self.beside_view, 1)
        left_layout.addWidget(self.beside_note)

        self.chart = NpsTrendChart()
        chart_side = chart_panel(translate("NpsPage", "Trend"), self.chart, self.export_button)

        self.search = QLineEdit()
        self.search.setObjectName("comment_search")
        self.search.setAccessibleName(translate("NpsPage", "Search the comments"))
        self.search.setPlaceholderText(translate("NpsPage",
                                                 "Search the comments, clients and products…"))
        self.search.setClearButtonEnabled(True)
        self.score_filter = QComboBox()
        self.score_filter.setObjectName("score_filter")
        for text, _ in SCORE_FILTERS:
            self.score_filter.addItem(translate("NpsPage", text))
        self.comments_model: RecordsModel[Response] = RecordsModel(COMMENT_COLUMNS, self)
        self.comments_filter = CommentsFilter(self)
        self.comments_filter.setSourceModel(self.comments_model)
        self.comments_view = table("comments", self.comments_filter, stretch=6,
                                   accessible_name=translate("NpsPage", "Comments"))
        self.comments_count = QLabel()
        self.edit_button = QPushButton(translate("NpsPage", "Edit…"))
        self.delete_button = QPushButton(translate("NpsPage", "Delete"))
        self.delete_button.setToolTip(translate("NpsPage",
                                                "Delete the selected responses (can be undone)"))
        comments_bar = QHBoxLayout()
        comments_bar.addWidget(heading(translate("NpsPage", "Comments")))
        comments_bar.addWidget(self.search, 2)
        comments_bar.addWidget(self.score_filter)
        comments_bar.addWidget(self.comments_count, 1)
        comments_bar.addWidget(self.edit_button)
        comments_bar.addWidget(self.delete_button)
        comments = QWidget()
        comments_layout = QVBoxLayout(comments)
        comments_layout.setContentsMargins(0, 0, 0, 0)
        comments_layout.addLayout(comments_bar)
        comments_layout.addWidget(self.comments_view, 1)

        top = split("nps_top_splitter", Qt.Orientation.Horizontal, (left, 1, 520),
                    (chart_side, 1, 540))
        self.splitter = split("nps_splitter", Qt.Orientation.Vertical, (top, 3, 380),
                              (comments, 2, 260))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.by_box.currentIndexChanged.connect(self._on_by_changed)
        self.add_button.clicked.connect(self.add_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button.clicked.connect(self._on_export)
        self.search.textChanged.connect(self._on_filter_changed)
        self.score_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.comments_view.activated.connect(lambda _: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.comments_view.selectionModel().selectionChanged.connect(self._update_buttons)

    # --- state ---------------------------------------------------------------------------

    @property
    def by(self) -> NpsBy:
        """What the NPS table groups by."""
        return NpsBy(str(self.by_box.currentData()))

    def set_by(self, by: NpsBy) -> None:
        """Group the NPS table by ``by``."""
        self.by_box.setCurrentIndex(self.by_box.findData(by.value))

    @property
    def responses(self) -> list[Response]:
        """The responses of the period."""
        return list(self._responses)

    def refresh(self, period: Period, slice_text: str, cache: AnalyticsCache | None) -> None:
        """Re-read the responses of ``period`` and recount everything."""
        self._period, self._slice_text = period, slice_text
        self._responses = self._workspace.store.customers.responses(period)
        self._show_groups()
        self.refresh_beside(cache)
        overall = build_report(self._responses).overall
        self.chart.set_figures(NpsFigures(
            translate("NpsPage", "survey responses · {period}").format(period=slice_text),
            tuple(monthly(self._responses)), overall))
        self.comments_model.set_rows(reversed(self._responses))  # newest first
        self._on_filter_changed()
        self._update_buttons()
        self.export_button.setEnabled(overall.n > 0)
        if overall.n:
            self.summary.setText(translate(
                "NpsPage", "<span style='font-size:15pt'><b>NPS {nps}</b></span> &nbsp;n = {n}"
                " · {promoters} promoters, {passives} passives, {detractors} detractors").format(
                nps=nps_text(overall.nps), n=formatting.count(overall.n),
                promoters=formatting.count(overall.promoters),
                passives=formatting.count(overall.passives),
                detractors=formatting.count(overall.detractors)))
        else:
            self.summary.setText(translate("NpsPage", "<b>No survey responses in this"
                                                      " period.</b> Add Responses types paper"
                                                      " surveys; Import reads a file."))

    def _on_by_changed(self) -> None:
        self._show_groups()
        beside = _beside_header(self.by is NpsBy.CLIENT)
        if self.beside_model.headerData(0, Qt.Orientation.Horizontal) != beside:
            self.refresh_beside(self._cache)  # per client ⇄ per product

    def _show_groups(self) -> None:
        report = build_report(self._responses, self.by)
        self.groups_model.set_rows(report.groups)
        self.groups_model.set_header(0, self.by.label)

    def refresh_beside(self, cache: AnalyticsCache | None) -> None:
        """Recount NPS beside conversion (per client when grouped by client, else per
        product)."""
        self._cache = cache
        by_client = self.by is NpsBy.CLIENT
        dimension = Dimension.CLIENT if by_client else Dimension.PRODUCT
        self.beside_model.set_header(0, _beside_header(by_client))
        if cache is None:
            self.beside_model.set_rows([])
            self.beside_note.setText(translate("NpsPage", "Counting the deals…"))
            return
        threshold = self._workspace.store.settings().too_few_threshold
        rows = nps_beside_conversion(self._responses, cache, dimension, self._period,
                                     threshold=threshold)
        self.beside_model.set_rows(rows)
        self.beside_title.setText(
            translate("NpsPage", "<b>NPS beside conversion and repeat purchases — per"
                                 " client</b>") if by_client else
            translate("NpsPage", "<b>NPS beside conversion and repeat purchases — per"
                                 " product</b>"))
        self.beside_note.setText(
            translate("NpsPage", "Conversion = won ÷ (won + lost) of the deals closed in the"
                                 " period; repeat = share of the won deals made by current"
                                 " customers (a won deal before).") if by_client else
            translate("NpsPage", "Conversion = won ÷ (won + lost) of the deals closed in the"
                                 " period; repeat = share of the won deals made by current"
                                 " customers (a won deal before). Group by client to see"
                                 " clients."))

    def _on_filter_changed(self) -> None:
        self.comments_filter.set_text(self.search.text())
        self.comments_filter.set_groups(SCORE_FILTERS[self.score_filter.currentIndex()][1])
        shown = self.comments_filter.rowCount()
        total = self.comments_model.rowCount()
        self.comments_count.setText(
            translate("NpsPage", "{shown} of {total}").format(shown=formatting.count(shown),
                                                              total=formatting.count(total))
            if shown != total else
            translate("NpsPage", "{count} responses").format(count=formatting.count(total)))

    def _update_buttons(self) -> None:
        writable = not self._workspace.read_only
        selected = self.selected()
        self.edit_button.setEnabled(writable and len(selected) == 1)
        self.delete_button.setEnabled(writable and bool(selected))
        self.add_button.setEnabled(writable)
        self.import_button.setEnabled(writable)

    def selected(self) -> list[Response]:
        """The responses selected in the comments list."""
        rows = self.comments_view.selectionModel().selectedRows()
        chosen = [self.comments_model.record(self.comments_filter.mapToSource(i).row())
                  for i in rows]
        return [r for r in chosen if r is not None]

    # --- actions -------------------------------------------------------------------------

    def edit_selected(self) -> None:
        """Edit the selected response in the entry form (an undoable command)."""
        selected = self.selected()
        if len(selected) != 1 or self._workspace.read_only:
            return
        dialog = ResponseDialog(self._workspace, selected[0], self)
        if dialog.exec() == ResponseDialog.DialogCode.Accepted and dialog.responses:
            EditResponseCommand(self._workspace, selected[0], dialog.responses[0]).run()

    def delete_selected(self) -> None:
        """Delete the selected responses (undoable), after asking."""
        selected = self.selected()
        if not selected or self._workspace.read_only:
            return
        question = translate("NpsPage", "Delete this survey response? (Edit ▸ Undo brings"
                                        " them back.)") if len(selected) == 1 else \
            translate("NpsPage", "Delete these {count} survey responses? (Edit ▸ Undo brings"
                                 " them back.)").format(count=len(selected))
        answer = QMessageBox.question(self, translate("NpsPage", "Delete responses"), question)
        if answer == QMessageBox.StandardButton.Yes:
            DeleteResponsesCommand(self._workspace, selected).run()

    def _on_export(self) -> None:
        if self.chart.figures is not None:
            self.export_requested.emit(self.chart, self.chart.figures)
