"""The Touchpoints page of the Customers tab: the touchpoints (editable list), the dated log
of their changes, and for the change selected conversion and deal length in equal windows
before and after it, with n, intervals and a verdict only when the intervals allow one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.deals import CustomerType, LookupKind
from salesdesk.domain.touchpoints import (
    DEFAULT_WINDOW_DAYS,
    MAX_WINDOW_DAYS,
    SCOPE_DIMENSIONS,
    BeforeAfter,
    Touchpoint,
    TouchpointChange,
    WindowFigures,
)
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.reports.customers_report import change_effect
from salesdesk.ui.charts.base import days, percent
from salesdesk.ui.customers.change_dialog import ChangeDialog
from salesdesk.ui.customers.charts import BeforeAfterChart, BeforeAfterFigures
from salesdesk.ui.customers.commands import (
    AddChangeCommand,
    AddTouchpointCommand,
    DeleteChangeCommand,
    EditChangeCommand,
    RenameTouchpointCommand,
    RetireTouchpointCommand,
    customers,
)
from salesdesk.ui.customers.models import Column, RecordsModel
from salesdesk.ui.customers.nps_view import heading, split, table
from salesdesk.ui.formatting import date_text
from salesdesk.ui.workspace import Workspace

ALL_TOUCHPOINTS = QT_TRANSLATE_NOOP("TouchpointsPage", "All touchpoints")
"""The first row of the touchpoints list (``translate("TouchpointsPage", …)`` when shown)."""
TOUCHPOINT_COLUMNS: tuple[Column[Touchpoint], ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Touchpoint"),
           lambda t: translate("TouchpointsView", "{name} (retired)").format(name=t.name)
           if t.retired else t.name),)
CHANGE_COLUMNS: tuple[Column[TouchpointChange], ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Date"), lambda c: date_text(c.changed_on),
           sort=lambda c: c.changed_on),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Touchpoint"), lambda c: c.touchpoint),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "What changed"), lambda c: c.description,
           tooltip=lambda c: c.describe()),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Concerns"),
           lambda c: c.scope.describe() if c.scope
           else translate("TouchpointsView", "the whole business")),
)


def _interval(low: float | None, high: float | None, fmt: str) -> str:
    if low is None or high is None:
        return ""
    if fmt == "%":
        return f" ({low * 100:.0f}–{high * 100:.0f} %)"
    return " " + translate("TouchpointsView", "({low}–{high} d)").format(
        low=f"{max(0.0, low):.0f}", high=f"{high:.0f}")


def window_line(window: WindowFigures) -> tuple[str, str]:
    """A window's conversion and deal length with intervals and n, as two cells."""
    return (f"{percent(window.conversion)}"
            f"{_interval(window.conversion_low, window.conversion_high, '%')}"
            f" · n = {window.decided}",
            f"{days(window.avg_length_days)}"
            f"{_interval(window.length_low, window.length_high, 'd')} · n = {window.length_n}")


class TouchpointsPage(QWidget):
    """Touchpoints, their change log, and the before/after comparison of the change selected.

    Signals:
        export_requested(object, object): export the before/after chart.
    """

    export_requested = Signal(object, object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchpoints_page")
        self._workspace = workspace
        self._cache: AnalyticsCache | None = None
        self.result: BeforeAfter | None = None
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.touchpoints_model: RecordsModel[Touchpoint] = RecordsModel(TOUCHPOINT_COLUMNS, self)
        self.touchpoints_view = table("touchpoints", self.touchpoints_model, sortable=False,
                                      accessible_name=translate("TouchpointsPage", "Touchpoints"))
        self.touchpoints_view.horizontalHeader().hide()
        self.add_touchpoint_button = QPushButton(translate("TouchpointsPage", "Add…"))
        self.rename_button = QPushButton(translate("TouchpointsPage", "Rename…"))
        self.retire_button = QPushButton(translate("TouchpointsPage", "Retire"))
        tp_buttons = QHBoxLayout()
        for button in (self.add_touchpoint_button, self.rename_button, self.retire_button):
            tp_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(translate("TouchpointsPage", "Touchpoints")))
        left_layout.addWidget(self.touchpoints_view, 1)
        left_layout.addLayout(tp_buttons)

        self.changes_model: RecordsModel[TouchpointChange] = RecordsModel(CHANGE_COLUMNS, self)
        self.changes_view = table("touchpoint_changes", self.changes_model, sortable=False,
                                  stretch=2, accessible_name=translate("TouchpointsPage",
                                                                       "Touchpoint changes"))
        self.changes_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.log_button = QPushButton(translate("TouchpointsPage", "&Record Change…"))
        self.log_button.setObjectName("log_change")
        self.edit_button = QPushButton(translate("TouchpointsPage", "Edit…"))
        self.delete_button = QPushButton(translate("TouchpointsPage", "Delete"))
        self.changes_title = heading(translate("TouchpointsPage", "Changes"))
        change_bar = QHBoxLayout()
        change_bar.addWidget(self.changes_title, 1)
        change_bar.addWidget(self.log_button)
        change_bar.addWidget(self.edit_button)
        change_bar.addWidget(self.delete_button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(change_bar)
        middle_layout.addWidget(self.changes_view, 1)

        self.window_box = QSpinBox()
        self.window_box.setObjectName("window_days")
        self.window_box.setAccessibleName(translate("TouchpointsPage",
                                                    "Length of the windows before and after"))
        self.window_box.setRange(7, MAX_WINDOW_DAYS)
        self.window_box.setSingleStep(30)
        self.window_box.setValue(DEFAULT_WINDOW_DAYS)
        self.window_box.setSuffix(" " + translate("TouchpointsPage", "days"))
        self.export_button = QPushButton(translate("TouchpointsPage", "Export Chart…"))
        self.export_button.setObjectName("export_before_after")
        self.comparison = QLabel()
        self.comparison.setObjectName("before_after")
        self.comparison.setTextFormat(Qt.TextFormat.RichText)
        self.comparison.setWordWrap(True)
        self.comparison.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.comparison.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comparison.setMinimumWidth(260)
        self.chart = BeforeAfterChart()
        window_bar = QHBoxLayout()
        window_bar.addWidget(heading(translate("TouchpointsPage", "Before and after")))
        window_bar.addStretch(1)
        window_bar.addWidget(QLabel(translate("TouchpointsPage", "Windows of")))
        window_bar.addWidget(self.window_box)
        window_bar.addWidget(self.export_button)
        results = split("touchpoints_results_splitter", Qt.Orientation.Horizontal,
                        (self.comparison, 2, 380), (self.chart, 3, 560))
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(window_bar)
        bottom_layout.addWidget(results, 1)

        top = split("touchpoints_top_splitter", Qt.Orientation.Horizontal, (left, 1, 200),
                    (middle, 4, 800))
        self.splitter = split("touchpoints_splitter", Qt.Orientation.Vertical, (top, 0, 260),
                              (bottom, 0, 380))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _connect_signals(self) -> None:
        self.touchpoints_view.selectionModel().currentRowChanged.connect(self._show_changes)
        self.changes_view.selectionModel().currentRowChanged.connect(self._compare)
        self.changes_view.activated.connect(lambda _: self.edit_change())
        self.add_touchpoint_button.clicked.connect(self.add_touchpoint)
        self.rename_button.clicked.connect(self.rename_touchpoint)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.log_button.clicked.connect(self.log_change)
        self.edit_button.clicked.connect(self.edit_change)
        self.delete_button.clicked.connect(self.delete_change)
        self.window_box.valueChanged.connect(self._compare)
        self.export_button.clicked.connect(self._on_export)

    # --- state ---------------------------------------------------------------------------

    def selected_touchpoint(self) -> Touchpoint | None:
        """The touchpoint chosen (None: all of them, the first row)."""
        row = self.touchpoints_view.currentIndex().row()
        return self.touchpoints_model.record(row) if row > 0 else None

    def selected_change(self) -> TouchpointChange | None:
        """The change selected in the log."""
        return self.changes_model.record(self.changes_view.currentIndex().row())

    def refresh(self, cache: AnalyticsCache | None) -> None:
        """Re-read the touchpoints and the log (keeping the selections) and compare."""
        self._cache = cache
        chosen = self.selected_touchpoint()
        change = self.selected_change()
        store = customers(self._workspace)
        touchpoints = store.touchpoints()
        self.touchpoints_model.set_rows([Touchpoint(translate("TouchpointsPage", ALL_TOUCHPOINTS)),
                                         *touchpoints])
        row = next((n + 1 for n, t in enumerate(touchpoints)
                    if chosen is not None and t.id == chosen.id), 0)
        self.touchpoints_view.setCurrentIndex(self.touchpoints_model.index(row, 0))
        self._show_changes(keep=change.id if change else None)

    def refresh_figures(self, cache: AnalyticsCache | None) -> None:
        """Recount the comparison (the deals changed)."""
        self._cache = cache
        self._compare()

    def _show_changes(self, *_: object, keep: int | None = None) -> None:
        touchpoint = self.selected_touchpoint()
        changes = customers(self._workspace).changes(touchpoint.name if touchpoint else None)
        self.changes_model.set_rows(changes)
        self.changes_title.setText(
            translate("TouchpointsPage", "<b>Changes — {touchpoint}</b> ({count})").format(
                touchpoint=touchpoint.name, count=len(changes)) if touchpoint else
            translate("TouchpointsPage", "<b>Changes — all</b> ({count})").format(
                count=len(changes)))
        row = next((n for n, c in enumerate(changes) if c.id == keep), len(changes) - 1)
        if changes:
            self.changes_view.setCurrentIndex(self.changes_model.index(row, 0))
        self._compare()
        self._update_buttons()

    def _compare(self, *_: object) -> None:
        change = self.selected_change()
        cache = self._cache
        self.result = None
        if change is None:
            self.comparison.setText(
                translate("TouchpointsPage", "Record a change (Record Change…) to compare"
                                             " conversion and deal length before and after it.")
                if not self.changes_model.rowCount()
                else translate("TouchpointsPage", "Select a change."))
            self.chart.clear_figures()
            self._update_buttons()
            return
        if cache is None:
            self.comparison.setText(translate("TouchpointsPage", "<i>Counting the deals…</i>"))
            return
        threshold = self._workspace.store.settings().too_few_threshold
        result = change_effect(cache, change, self.window_box.value(), self._workspace.today(),
                               threshold)
        if result is None:
            self.comparison.setText(translate("TouchpointsPage", "<b>{change}</b><br>The change"
                                                                 " is in the future: there is"
                                                                 " nothing after it yet.")
                                    .format(change=change.describe()))
            self.chart.clear_figures()
            self._update_buttons()
            return
        self.result = result
        self.comparison.setText(self._comparison_html(result))
        self.chart.set_figures(BeforeAfterFigures(change.describe(), result))
        self._update_buttons()

    @staticmethod
    def _comparison_html(result: BeforeAfter) -> str:
        w = result.windows
        before_conversion, before_length = window_line(result.before)
        after_conversion, after_length = window_line(result.after)
        shortened = translate("TouchpointsPage", "<br><i>The change was {days} days ago: both"
                                                 " windows are shortened to {days} days.</i>"
                              ).format(days=w.days) if w.shortened else ""
        verdicts = "".join(f"<p style='color:#1b7a3d'><b>{v}</b></p>" for v in result.verdicts)
        notes = "".join(f"<p>{e.note}</p>" for e in (result.conversion, result.length)
                        if e.verdict is None)
        table_html = translate(
            "TouchpointsPage", "<table cellspacing='2' cellpadding='3'>"
            "<tr><th></th><th align='left'>Before</th><th align='left'>After</th></tr>"
            "<tr><td></td><td>{before_from} – {before_to}</td>"
            "<td>{after_from} – {after_to}</td></tr>"
            "<tr><td>Conversion</td><td>{before_conversion}</td><td>{after_conversion}</td></tr>"
            "<tr><td>Deal length</td><td>{before_length}</td><td>{after_length}</td></tr>"
            "</table>").format(
            before_from=w.before[0], before_to=w.before[1], after_from=w.after[0],
            after_to=w.after[1], before_conversion=before_conversion,
            after_conversion=after_conversion, before_length=before_length,
            after_length=after_length)
        return f"<b>{result.change.describe()}</b>{shortened}{table_html}{verdicts}{notes}"

    def _update_buttons(self) -> None:
        writable = not self._workspace.read_only
        touchpoint = self.selected_touchpoint()
        change = self.selected_change()
        self.add_touchpoint_button.setEnabled(writable)
        self.rename_button.setEnabled(writable and touchpoint is not None)
        self.retire_button.setEnabled(writable and touchpoint is not None)
        self.retire_button.setText(translate("TouchpointsPage", "Bring Back")
                                   if touchpoint and touchpoint.retired
                                   else translate("TouchpointsPage", "Retire"))
        self.log_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and change is not None)
        self.delete_button.setEnabled(writable and change is not None)
        self.export_button.setEnabled(self.result is not None)

    # --- actions -------------------------------------------------------------------------

    def add_touchpoint(self) -> None:
        """Ask for a name and add the touchpoint (undoable)."""
        name, ok = QInputDialog.getText(self, translate("TouchpointsPage", "Add touchpoint"),
                                        translate("TouchpointsPage", "Name of the touchpoint:"))
        if ok and name.strip():
            AddTouchpointCommand(self._workspace, name).run()

    def rename_touchpoint(self) -> None:
        """Rename the selected touchpoint (undoable)."""
        touchpoint = self.selected_touchpoint()
        if touchpoint is None or touchpoint.id is None:
            return
        name, ok = QInputDialog.getText(self, translate("TouchpointsPage", "Rename touchpoint"),
                                        translate("TouchpointsPage", "New name:"),
                                        text=touchpoint.name)
        if ok and name.strip() and name.strip() != touchpoint.name:
            RenameTouchpointCommand(self._workspace, touchpoint.id, touchpoint.name, name).run()

    def toggle_retired(self) -> None:
        """Retire the selected touchpoint, or bring it back (undoable)."""
        touchpoint = self.selected_touchpoint()
        if touchpoint is not None and touchpoint.id is not None:
            RetireTouchpointCommand(self._workspace, touchpoint.id, touchpoint.name,
                                    not touchpoint.retired).run()

    def _scope_values(self) -> dict[LookupKind | str, list[str]]:
        store = self._workspace.store
        values: dict[LookupKind | str, list[str]] = {
            dimension.value: store.names(LookupKind(dimension.value))
            for dimension in SCOPE_DIMENSIONS if dimension.value in set(LookupKind)}
        values["customer_type"] = [t.value for t in CustomerType]
        return values

    def _touchpoint_names(self) -> list[str]:
        return [t.name for t in customers(self._workspace).touchpoints(include_retired=False)]

    def log_change(self) -> None:
        """Log a new change (undoable), for the selected touchpoint by default."""
        touchpoint = self.selected_touchpoint()
        dialog = ChangeDialog(self._workspace, self._touchpoint_names(), self._scope_values(),
                              None, self, touchpoint.name if touchpoint else None)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.change is not None:
            command = AddChangeCommand(self._workspace, dialog.change)
            if command.run():
                self._select_change(command.change.id)

    def edit_change(self) -> None:
        """Edit the selected change (undoable)."""
        change = self.selected_change()
        if change is None or self._workspace.read_only:
            return
        dialog = ChangeDialog(self._workspace, self._touchpoint_names(), self._scope_values(),
                              change, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.change is not None:
            EditChangeCommand(self._workspace, change, dialog.change).run()

    def delete_change(self) -> None:
        """Delete the selected change (undoable), after asking."""
        change = self.selected_change()
        if change is None:
            return
        answer = QMessageBox.question(
            self, translate("TouchpointsPage", "Delete change"),
            translate("TouchpointsPage", "Delete “{change}”? (Edit ▸ Undo brings it back.)")
            .format(change=change.description))
        if answer == QMessageBox.StandardButton.Yes:
            DeleteChangeCommand(self._workspace, change).run()

    def _select_change(self, change_id: int | None) -> None:
        row = next((n for n, c in enumerate(self.changes_model.rows) if c.id == change_id), -1)
        if row >= 0:
            self.changes_view.setCurrentIndex(self.changes_model.index(row, 0))

    def _on_export(self) -> None:
        if self.chart.figures is not None:
            self.export_requested.emit(self.chart, self.chart.figures)
