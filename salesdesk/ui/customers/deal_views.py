"""The Customers tab's pages over the deals: lost reasons by slice (which reasons dominate for
which channel, product, salesperson, …) and the target customer (conversion, deal length and
won amount by audience and by customer type, with the audiences that take the most time for
the fewest wins pointed out)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.analytics import AnalyticsCache
from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import CustomerType
from salesdesk.domain.lost_reasons import NO_REASON, OTHER_VALUES, LostReasonTable
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.slice_spec import DIMENSION_LABELS, NONE_LABEL
from salesdesk.domain.slices import Dimension, Slice
from salesdesk.domain.target_customer import TargetRow
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.customers_report import lost_reasons_by, target_customer
from salesdesk.ui import formatting
from salesdesk.ui.charts.base import days, percent
from salesdesk.ui.customers.deal_charts import (
    LostReasonFigures,
    LostReasonsChart,
    TargetChart,
    TargetFigures,
)
from salesdesk.ui.customers.models import Column, RecordsModel, none_last
from salesdesk.ui.customers.nps_view import chart_panel, heading, split, table
from salesdesk.ui.workspace import Workspace

LOST_BY = (Dimension.PRODUCT, Dimension.CHANNEL, Dimension.REP, Dimension.AUDIENCE,
           Dimension.REGION, Dimension.CUSTOMER_TYPE, Dimension.STAGE)
LostRow = tuple[str | None, int, str]


def _name(value: str | None) -> str:
    if value == OTHER_VALUES:
        return translate("LostReasons", OTHER_VALUES)
    return translate("SliceSpec", NONE_LABEL) if value is None else value


_CUSTOMER_TYPES = {CustomerType.NEW.value: QT_TRANSLATE_NOOP("DealViews", "New"),
                   CustomerType.CURRENT.value: QT_TRANSLATE_NOOP("DealViews", "Current")}


def _group(value: str | None) -> str:
    """An audience, or a customer type ("new" → "New")."""
    if value in _CUSTOMER_TYPES:
        return translate("DealViews", _CUSTOMER_TYPES[str(value)])
    return translate("SliceSpec", NONE_LABEL) if value is None else value


def fit_rows(view: QTableView) -> None:
    """Make ``view`` exactly as tall as its header and rows (short tables leave no blank
    space for the text beneath them)."""
    rows = view.model().rowCount() if view.model() is not None else 0
    height = (view.horizontalHeader().height() + 2 * view.frameWidth()
              + sum(view.rowHeight(r) for r in range(rows)))
    if view.horizontalScrollBar().isVisible():
        height += view.horizontalScrollBar().height()
    view.setFixedHeight(max(height, view.horizontalHeader().height() * 2))


class LostReasonsPage(QWidget):
    """A 100 % bar per value of the chosen dimension, split by lost reason, and the table of
    counts with each value's dominant reason.

    Signals:
        export_requested(object, object): export the chart.
    """

    export_requested = Signal(object, object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lost_reasons_page")
        self._workspace = workspace
        self.table_data: LostReasonTable | None = None
        self.by_box = QComboBox()
        self.by_box.setObjectName("lost_by")
        for dimension in LOST_BY:
            self.by_box.addItem(translate("SliceSpec", DIMENSION_LABELS[dimension]),
                                dimension.value)
        self.export_button = QPushButton(translate("LostReasonsPage", "Export Chart…"))
        self.export_button.setObjectName("export_lost_reasons")
        self.note = QLabel()
        self.note.setObjectName("lost_note")
        self.note.setWordWrap(True)
        by_label = QLabel(translate("LostReasonsPage", "&By:"))
        by_label.setBuddy(self.by_box)
        bar = QHBoxLayout()
        bar.addWidget(by_label)
        bar.addWidget(self.by_box)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.export_button)
        self.chart = LostReasonsChart()
        self.model: RecordsModel[LostRow] = RecordsModel((
            Column(QT_TRANSLATE_NOOP("RecordsModel", "Value"), lambda r: _name(r[0])),
            Column(QT_TRANSLATE_NOOP("RecordsModel", "Lost"), lambda r: formatting.count(r[1]),
                   sort=lambda r: r[1], right=True,
                   header_tip=QT_TRANSLATE_NOOP("RecordsModel", "Lost deals closed in the period")),
            Column(QT_TRANSLATE_NOOP("RecordsModel", "Top reason"), lambda r: r[2],
                   tooltip=lambda r: r[2],
                   header_tip=QT_TRANSLATE_NOOP("RecordsModel", "The reason given most, with its"
                                                                " share of the lost deals")),
        ), self)
        self.view = table("lost_reasons", self.model, stretch=0, accessible_name=translate(
            "LostReasonsPage", "Lost deals and their top reasons"))
        self.splitter = split("lost_reasons_splitter", Qt.Orientation.Horizontal,
                              (self.chart, 2, 700), (self.view, 1, 360))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.by_box.currentIndexChanged.connect(self._recount)
        self.export_button.clicked.connect(self._on_export)
        self._cache: AnalyticsCache | None = None
        self._slice = Slice()
        self._slice_text = ""

    @property
    def dimension(self) -> Dimension:
        """The dimension the reasons are split by."""
        return Dimension(str(self.by_box.currentData()))

    def set_dimension(self, dimension: Dimension) -> None:
        """Split the reasons by ``dimension``."""
        self.by_box.setCurrentIndex(self.by_box.findData(dimension.value))

    def refresh(self, cache: AnalyticsCache | None, sl: Slice, slice_text: str) -> None:
        """Recount over the slice (the tab's period)."""
        self._cache, self._slice, self._slice_text = cache, sl, slice_text
        self._recount()

    def _recount(self) -> None:
        cache = self._cache
        if cache is None:
            self.note.setText(translate("LostReasonsPage", "Counting the deals…"))
            return
        t = lost_reasons_by(cache, self._slice, self.dimension)
        self.table_data = t
        rows: list[LostRow] = []
        for index, value in enumerate(t.values):
            dominant = t.dominant(index)
            reason = None if dominant is None else (
                translate("LostReasons", NO_REASON) if dominant[0] is None else dominant[0])
            text = "—" if dominant is None else f"{reason} ({dominant[1] * 100:.0f} %)"
            rows.append((value, t.total(index), text))
        self.model.set_rows(rows)
        label = translate("SliceSpec", DIMENSION_LABELS[self.dimension])
        self.model.set_header(0, label)
        self.chart.set_figures(LostReasonFigures(f"{label} · {self._slice_text}", t))
        unexplained = (t.reason_total(t.reasons.index(None)) if None in t.reasons else 0)
        self.note.setText(
            translate("LostReasonsPage", "{lost} lost deals, {unexplained} without a reason. The"
                                         " reason is asked when a deal is marked lost; edit the"
                                         " list in Edit ▸ Lists.").format(
                lost=formatting.count(t.lost),
                unexplained=formatting.count(unexplained)) if unexplained else
            translate("LostReasonsPage", "{lost} lost deals. The reason is asked when a deal is"
                                         " marked lost; edit the list in Edit ▸ Lists.").format(
                lost=formatting.count(t.lost)))
        self.export_button.setEnabled(t.lost > 0)

    def _on_export(self) -> None:
        if self.chart.figures is not None:
            self.export_requested.emit(self.chart, self.chart.figures)


TARGET_COLUMNS: tuple[Column[TargetRow], ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Group"), lambda r: _group(r.value)),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Decided"),
           lambda r: formatting.count(r.figures.decided), sort=lambda r: r.figures.decided,
           right=True),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Conversion"),
           lambda r: percent(r.figures.conversion),
           sort=lambda r: none_last(r.figures.conversion), right=True,
           tooltip=lambda r: translate("DealViews", "too few to judge") if r.figures.too_few
           else translate("DealViews", "won ÷ decided")),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Avg length"),
           lambda r: days(r.figures.avg_deal_length_days),
           sort=lambda r: none_last(r.figures.avg_deal_length_days), right=True,
           header_tip=QT_TRANSLATE_NOOP("RecordsModel",
                                        "Average deal length: days from first contact to close")),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Won amount"),
           lambda r: formatting.number(r.figures.won_amount, 0),
           sort=lambda r: r.figures.won_amount, right=True),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Days/win"),
           lambda r: translate("DealViews", "no win") if r.days_per_win is None
           else formatting.number(r.days_per_win, 0) + (" ⚠" if r.costly else ""),
           sort=lambda r: none_last(r.days_per_win), right=True,
           tooltip=lambda r: translate("DealViews", "more selling time per win than the business")
           if r.costly else "",
           header_tip=QT_TRANSLATE_NOOP("RecordsModel", "Deal-days per win: days all closed"
                                                        " deals took ÷ won deals")),
)


class TargetPage(QWidget):
    """Conversion, deal length and won amount by audience and by customer type side by side;
    the costly audiences in words and in the chart.

    Signals:
        export_requested(object, object): export the chart.
    """

    export_requested = Signal(object, object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("target_page")
        self._workspace = workspace
        self.audiences: RecordsModel[TargetRow] = RecordsModel(TARGET_COLUMNS, self)
        self.audiences.set_header(0, translate("TargetPage", "Audience"))
        self.types: RecordsModel[TargetRow] = RecordsModel(TARGET_COLUMNS, self)
        self.types.set_header(0, translate("TargetPage", "Customer type"))
        self.audience_view = table("target_audiences", self.audiences, accessible_name=translate(
            "TargetPage", "Figures by audience"))
        self.type_view = table("target_types", self.types, accessible_name=translate(
            "TargetPage", "Figures by customer type"))
        self.costly = QLabel()
        self.costly.setObjectName("costly_audiences")
        self.costly.setWordWrap(True)
        self.costly.setTextFormat(Qt.TextFormat.RichText)
        self.chart = TargetChart()
        self.export_button = QPushButton(translate("TargetPage", "Export Chart…"))
        self.export_button.setObjectName("export_target")
        tables = QWidget()
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        tables_layout.addWidget(heading(translate("TargetPage", "By audience")))
        tables_layout.addWidget(self.audience_view)
        tables_layout.addWidget(heading(translate("TargetPage", "By customer type")))
        tables_layout.addWidget(self.type_view)
        tables_layout.addWidget(self.costly)
        tables_layout.addStretch(1)
        chart_side = chart_panel(translate("TargetPage", "Selling time per win"), self.chart,
                                 self.export_button)
        self.splitter = split("target_splitter", Qt.Orientation.Horizontal, (tables, 3, 640),
                              (chart_side, 2, 420))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.export_button.clicked.connect(self._on_export)

    def refresh(self, cache: AnalyticsCache | None, sl: Slice, slice_text: str) -> None:
        """Recount over the slice (the tab's period)."""
        if cache is None:
            self.costly.setText(translate("TargetPage", "<i>Counting the deals…</i>"))
            return
        settings = self._workspace.store.settings()
        view = target_customer(cache, sl, threshold=settings.too_few_threshold,
                               money=MoneyRules.of(settings, currency_digits()))
        self.audiences.set_rows(view.audiences)
        self.types.set_rows(view.customer_types)
        for model in (self.audiences, self.types):
            model.set_header(4, translate("TargetPage", "Won ({currency})").format(
                currency=settings.base_currency))
        for table_view in (self.audience_view, self.type_view):
            fit_rows(table_view)
        self.chart.set_figures(TargetFigures(slice_text, view))
        self.export_button.setEnabled(view.overall.decided > 0)
        business = ("—" if view.overall_days_per_win is None
                    else formatting.number(view.overall_days_per_win, 0))
        if view.costly:
            items = "".join(f"<li>{sentence}</li>" for sentence in view.costly)
            self.costly.setText(translate("TargetPage", "<b>Most time for the fewest wins</b>"
                                                        " (the business: {business} deal-days"
                                                        " per win):<ul>{items}</ul>").format(
                business=business, items=items))
        else:
            self.costly.setText(translate("TargetPage", "No audience with enough decided deals"
                                                        " takes more selling time per win than"
                                                        " the business ({business} deal-days).")
                                .format(business=business))

    def _on_export(self) -> None:
        if self.chart.figures is not None:
            self.export_requested.emit(self.chart, self.chart.figures)
