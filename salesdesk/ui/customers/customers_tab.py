"""The Customers tab (issue 17): the levers of conversion beyond the salespeople — product
loyalty (NPS), touchpoints, why deals are lost, the target customer, and competitors.

One period (chosen at the top) applies to NPS, lost reasons and the target customer; touchpoint
changes are compared in windows of their own. Pages are recounted when shown, after the data
changed (the change-set signal, and the analytics cache's ``ready`` for deal edits).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QDate, QSignalBlocker, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import LookupKind
from salesdesk.domain.nps import NpsBy
from salesdesk.domain.periods import Period
from salesdesk.domain.slice_spec import PeriodPreset, preset_range
from salesdesk.domain.slices import Dimension, Slice
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate
from salesdesk.store import NpsImportSummary, StoreError, plan_nps_import
from salesdesk.ui import formatting
from salesdesk.ui.customers.commands import AddResponsesCommand
from salesdesk.ui.customers.competitors_view import CompetitorsPage
from salesdesk.ui.customers.deal_views import LostReasonsPage, TargetPage
from salesdesk.ui.customers.nps_entry import ResponseDialog
from salesdesk.ui.customers.nps_view import NpsPage
from salesdesk.ui.customers.touchpoints_view import TouchpointsPage
from salesdesk.ui.formatting import date_pattern, date_range_text
from salesdesk.ui.tasks import USER_ERRORS, TaskContext, TaskRunner, own_store
from salesdesk.ui.ui_settings import UiSettings
from salesdesk.ui.workspace import Workspace

PRESETS = (PeriodPreset.ALL_TIME, PeriodPreset.LAST_12_MONTHS, PeriodPreset.THIS_YEAR,
           PeriodPreset.THIS_QUARTER, PeriodPreset.LAST_QUARTER, PeriodPreset.THIS_MONTH,
           PeriodPreset.LAST_MONTH, PeriodPreset.CUSTOM)
IMPORT_FILTER = QT_TRANSLATE_NOOP("CustomersTab",
                                  "Survey files (*.csv *.tsv *.txt *.xlsx);;All files (*)")
VIEW_STATE = "customers"  # the file's settings key of the period and page last shown

log = logging.getLogger(__name__)


class CacheProvider(Protocol):
    """The analytics cache of the open file (the window's cache service provides it)."""

    @property
    def cache(self) -> AnalyticsCache | None:
        """The cache, or None while it is being built."""

    @property
    def ready(self) -> SignalInstance:
        """Emitted when the cache answers for the current data."""


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def import_summary_text(summary: NpsImportSummary) -> str:
    """The summary of an NPS import in sentences."""
    lines = [translate("CustomersTab", "Imported {count} survey responses.").format(
        count=formatting.count(summary.imported))]
    lines += summary.notes
    return "\n".join(lines)


class CustomersTab(QWidget):
    """NPS, touchpoints, lost reasons, the target customer and competitors.

    Signals:
        export_requested(object, object): export a chart (chart, its figures); the main
            window opens the shared chart export dialog.
        show_deals_requested(frozenset, str): deal ids and their description, for the Deals
            tab (deals lost to a competitor).
        message(str): a short note for the status bar.
        activate_requested(): the tab wants to be the one shown (before a form opens).
    """

    export_requested = Signal(object, object)
    show_deals_requested = Signal(frozenset, str)
    message = Signal(str)
    activate_requested = Signal()

    def __init__(self, workspace: Workspace, cache: CacheProvider, ui_settings: UiSettings,
                 tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customers_tab")
        self._workspace = workspace
        self._cache = cache
        self._ui_settings = ui_settings
        self._tasks = tasks
        self._dirty: set[QWidget] = set()
        self._build()
        self._restore_view()
        self._connect_signals()
        self._mark_all_dirty()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.preset_box = QComboBox()
        self.preset_box.setObjectName("customers_period")
        for preset in PRESETS:
            self.preset_box.addItem(preset.label, preset.value)
        today = self._workspace.today()
        self.from_date = QDateEdit(_qdate(today.replace(day=1)))
        self.to_date = QDateEdit(_qdate(today))
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())
            edit.hide()
        self.period_text = QLabel()
        self.period_text.setObjectName("customers_period_text")
        period_label = QLabel(translate("CustomersTab", "&Period:"))
        period_label.setBuddy(self.preset_box)
        bar = QHBoxLayout()
        bar.addWidget(period_label)
        bar.addWidget(self.preset_box)
        bar.addWidget(self.from_date)
        bar.addWidget(self.to_date)
        bar.addWidget(self.period_text, 1)

        self.nps_page = NpsPage(self._workspace)
        self.touchpoints_page = TouchpointsPage(self._workspace)
        self.lost_page = LostReasonsPage(self._workspace)
        self.target_page = TargetPage(self._workspace)
        self.competitors_page = CompetitorsPage(self._workspace)
        self.pages = QTabWidget()
        self.pages.setObjectName("customers_pages")
        self.pages.setDocumentMode(True)
        for page, title in ((self.nps_page, translate("CustomersTab", "&NPS")),
                            (self.touchpoints_page, translate("CustomersTab", "T&ouchpoints")),
                            (self.lost_page, translate("CustomersTab", "&Lost reasons")),
                            (self.target_page, translate("CustomersTab", "T&arget customer")),
                            (self.competitors_page, translate("CustomersTab", "Co&mpetitors"))):
            self.pages.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    def splitters(self) -> list[QSplitter]:
        """The pages' splitters, each with the object name its sizes are kept under."""
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    # --- what the file was last shown with -----------------------------------------------

    def _restore_view(self) -> None:
        """Show the period and page this file was last shown with (each file keeps its own;
        anything unreadable falls back to all time on the NPS page)."""
        try:
            data: dict[str, Any] = json.loads(self._workspace.store.view_state(VIEW_STATE)
                                              or "{}")
            preset = PeriodPreset(data.get("preset", PeriodPreset.ALL_TIME.value))
            if preset not in PRESETS:
                raise ValueError(preset)
            start, end = (dt.date.fromisoformat(d) for d in data.get("custom") or ())
            custom = (start, end)
        except (ValueError, TypeError, AttributeError):
            preset, custom, data = PeriodPreset.ALL_TIME, None, {}
        with (QSignalBlocker(self.preset_box), QSignalBlocker(self.pages),
              QSignalBlocker(self.from_date), QSignalBlocker(self.to_date)):
            if custom is not None:
                self.from_date.setDate(_qdate(custom[0]))
                self.to_date.setDate(_qdate(custom[1]))
            self.preset_box.setCurrentIndex(self.preset_box.findData(preset.value))
            page = data.get("page")
            self.pages.setCurrentIndex(page if isinstance(page, int)
                                       and 0 <= page < self.pages.count() else 0)

    def _save_view(self) -> None:
        if self._workspace.read_only:
            return
        state = {"preset": self.preset.value, "page": self.pages.currentIndex(),
                 "custom": [_date(self.from_date.date()).isoformat(),
                            _date(self.to_date.date()).isoformat()]}
        try:
            self._workspace.store.save_view_state(VIEW_STATE, json.dumps(state))
        except StoreError as exc:  # only how the tab looks: the next real edit reports it
            log.warning("Could not keep the Customers tab's view in the file: %s", exc)

    def _on_page_changed(self) -> None:
        self._save_view()
        self._refresh_current()

    def _on_file_replaced(self) -> None:
        self._restore_view()
        self._mark_all_dirty()

    def _connect_signals(self) -> None:
        self.preset_box.currentIndexChanged.connect(self._on_period_changed)
        self.from_date.dateChanged.connect(self._on_period_changed)
        self.to_date.dateChanged.connect(self._on_period_changed)
        self.pages.currentChanged.connect(self._on_page_changed)
        for page in (self.nps_page, self.touchpoints_page, self.lost_page, self.target_page):
            page.export_requested.connect(self.export_requested)
        self.nps_page.add_requested.connect(self.add_responses)
        self.nps_page.import_requested.connect(self.import_responses)
        self.competitors_page.show_deals_requested.connect(self.show_deals_requested)
        self._workspace.changed.connect(self._on_changed)
        self._workspace.file_replaced.connect(self._on_file_replaced)
        self._cache.ready.connect(self._on_cache_ready)

    # --- the period ----------------------------------------------------------------------

    @property
    def preset(self) -> PeriodPreset:
        """The period chosen."""
        return PeriodPreset(str(self.preset_box.currentData()))

    def set_preset(self, preset: PeriodPreset, custom: tuple[dt.date, dt.date] | None = None
                   ) -> None:
        """Choose a period (``custom``: the dates of a custom range)."""
        with QSignalBlocker(self.from_date), QSignalBlocker(self.to_date):
            if custom is not None:
                self.from_date.setDate(_qdate(custom[0]))
                self.to_date.setDate(_qdate(custom[1]))
        self.preset_box.setCurrentIndex(self.preset_box.findData(preset.value))
        self._on_period_changed()

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """The inclusive dates of the period (None: open-ended)."""
        fiscal = self._workspace.store.settings().fiscal_year_start
        custom = (_date(self.from_date.date()), _date(self.to_date.date()))
        return preset_range(self.preset, self._workspace.today(), fiscal, custom)

    def _period_text(self) -> str:
        start, end = self.period()
        if start is None and end is None:
            return translate("CustomersTab", "all time")
        return date_range_text(start, end)

    def _on_period_changed(self) -> None:
        self._save_view()
        self._show_period()

    def _show_period(self) -> None:
        custom = self.preset is PeriodPreset.CUSTOM
        self.from_date.setVisible(custom)
        self.to_date.setVisible(custom)
        self.period_text.setText("  " + translate(
            "CustomersTab", "{period} · NPS by answer date, deals by close date").format(
            period=self._period_text()))
        for page in (self.nps_page, self.lost_page, self.target_page):
            self._dirty.add(page)
        self._refresh_current()

    # --- refreshing ----------------------------------------------------------------------

    def _mark_all_dirty(self) -> None:
        self._dirty = {self.nps_page, self.touchpoints_page, self.lost_page, self.target_page,
                       self.competitors_page}
        self._show_period()

    def _on_changed(self, changes: Changes) -> None:
        if changes.customers or changes.lookups:
            self._dirty |= {self.nps_page, self.touchpoints_page, self.competitors_page}
        if changes.deals or changes.settings or changes.lookups:
            self._dirty |= {self.nps_page, self.touchpoints_page, self.lost_page,
                            self.target_page, self.competitors_page}
        self._refresh_current()

    def _on_cache_ready(self) -> None:
        self._dirty |= {self.nps_page, self.touchpoints_page, self.lost_page, self.target_page}
        self._refresh_current()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.pages.currentWidget()
        if page is None or page not in self._dirty or not self.isVisible():
            return
        self.refresh_page(page)

    def refresh_page(self, page: QWidget) -> None:
        """Recount ``page`` now."""
        self._dirty.discard(page)
        cache = self._cache.cache
        start, end = self.period()
        period = Period.between(start, end)
        text = self._period_text()
        if page is self.nps_page:
            self.nps_page.refresh(period, text, cache)
        elif page is self.touchpoints_page:
            self.touchpoints_page.refresh(cache)
        elif page is self.lost_page:
            self.lost_page.refresh(cache, Slice({}, period), translate(
                "CustomersTab", "lost deals closed {period}").format(period=text))
        elif page is self.target_page:
            self.target_page.refresh(cache, Slice({}, period), translate(
                "CustomersTab", "deals closed {period}").format(period=text))
        elif page is self.competitors_page:
            self.competitors_page.refresh()
        if cache is None:
            self._dirty.add(page)  # recounted once the cache is ready

    def refresh_all(self) -> None:
        """Recount every page now (tests, exports)."""
        for page in (self.nps_page, self.touchpoints_page, self.lost_page, self.target_page,
                     self.competitors_page):
            self.refresh_page(page)

    # --- navigation ----------------------------------------------------------------------

    def show_nps(self, by: NpsBy | None = None) -> None:
        """Show the NPS page (grouped by ``by``)."""
        if by is not None:
            self.nps_page.set_by(by)
        self.pages.setCurrentWidget(self.nps_page)

    def show_lost_reasons(self, dimension: Dimension | None = None) -> None:
        """Show the lost reasons page (by ``dimension``)."""
        if dimension is not None:
            self.lost_page.set_dimension(dimension)
        self.pages.setCurrentWidget(self.lost_page)

    # --- survey responses ----------------------------------------------------------------

    def add_responses(self) -> None:
        """Open the quick-entry form; save the batch as one undoable command."""
        if self._workspace.read_only:
            return
        self.activate_requested.emit()
        self.show_nps()
        dialog = ResponseDialog(self._workspace, None, self)
        accepted = dialog.exec() == ResponseDialog.DialogCode.Accepted
        if accepted and AddResponsesCommand(self._workspace, dialog.responses).run():
            self.message.emit(translate("CustomersTab", "Added {count} survey responses.")
                              .format(count=len(dialog.responses)))

    def import_responses(self) -> None:
        """Import survey responses from a CSV or XLSX file (columns recognised by their
        headers); afterwards the undo history, which cannot undo an import, is cleared."""
        if self._workspace.read_only:
            return
        self.activate_requested.emit()
        folder = self._ui_settings.last_folder or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, translate("CustomersTab", "Import survey responses"), folder,
            translate("CustomersTab", IMPORT_FILTER))
        if not name:
            return
        path = Path(name)
        store = self._workspace.store
        today = self._workspace.today()

        def work(context: TaskContext) -> NpsImportSummary:
            plan = plan_nps_import(path)
            context.raise_if_cancelled()
            with own_store(store) as own:
                return own.customers.import_nps(plan, today)

        def done(summary: NpsImportSummary) -> None:
            self._workspace.undo_stack.clear()
            self._workspace.notify(Changes(customers=True, lookups=frozenset(
                {LookupKind.PRODUCT, LookupKind.CLIENT})))
            self.show_nps()
            self.message.emit(translate("CustomersTab", "Imported {count} survey responses."
                                                        " The undo history was cleared.").format(
                count=formatting.count(summary.imported)))
            QMessageBox.information(
                self, translate("CustomersTab", "Import finished"),
                import_summary_text(summary) + "\n\n"
                + translate("CustomersTab", "The undo history was cleared: an import cannot be"
                                            " undone step by step."))

        def failed(error: Exception) -> None:
            QMessageBox.warning(
                self, translate("CustomersTab", "Survey responses not imported"),
                translate("CustomersTab", "Nothing was imported: {error}\n\nThe file needs"
                                          " columns for the date, the score (0–10) and the"
                                          " segment (B2C or B2B); salesdesk import FILE --kind"
                                          " nps --map FIELD=COLUMN names other headers.").format(
                    error=error))

        self._tasks.run(work, done, label=translate(
            "CustomersTab", "Importing survey responses from {file}…").format(file=path.name),
                        parent=self, on_error=failed,
                        errors=(ValueError, *USER_ERRORS))
