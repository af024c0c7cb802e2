"""The growth report of the open file, ranked on the window's task runner from the analytics
cache, and ranked again whenever the cache answers for new data: after the workspace's
``changed`` signal named deals (the cache service refreshes the cache, then says ``ready``), a
settings change or another file.

The cache belongs to the GUI thread (edits refresh it there), so the worker gets a snapshot of
its columns taken on the GUI thread: edits replace the cache's arrays and never write into
them, so the snapshot stays consistent while the cache moves on. Settings, money rules and
today's date are read on the GUI thread too; the worker touches neither the store nor Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from salesdesk.analytics import AnalyticsCache, CacheColumns, growth_report
from salesdesk.currencies import currency_digits
from salesdesk.domain.growth import (
    DEFAULT_DRAG_FACTOR,
    DraggingDeals,
    GrowthOptions,
    GrowthReport,
    Reference,
)
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.periods import Period
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slice_spec import PeriodPreset, preset_range
from salesdesk.ui.growth.dragging_model import DraggingBadges
from salesdesk.ui.tasks import Task, TaskRunner
from salesdesk.ui.workspace import Workspace


class CacheProvider(Protocol):
    """The analytics cache of the open file (the window's cache service provides it)."""

    @property
    def cache(self) -> AnalyticsCache | None:
        """The cache, or None while it is being built."""

    @property
    def building(self) -> SignalInstance:
        """Emitted when a build starts (the figures are about to change)."""

    @property
    def ready(self) -> SignalInstance:
        """Emitted when the cache answers for the current data."""

    @property
    def failed(self) -> SignalInstance:
        """Emitted with a message when the build failed."""


@dataclass(frozen=True, slots=True)
class GrowthChoices:
    """What the user chose on the tab: the period, the reference and the dragging factor."""

    preset: PeriodPreset = PeriodPreset.ALL_TIME
    reference: Reference = Reference.MEDIAN
    drag_factor: float = DEFAULT_DRAG_FACTOR


@dataclass(frozen=True, slots=True)
class Ranked:
    """What the worker hands over: the report, its dragging deals split per salesperson, and
    the Deals list's badges of them (splitting and indexing a hundred thousand dragging deals
    takes tens of milliseconds: not on the GUI thread)."""

    report: GrowthReport
    dragging_by_rep: dict[str | None, DraggingDeals]
    badges: DraggingBadges


@dataclass(frozen=True, slots=True)
class GrowthResult:
    """A ranked report with what it was counted with: the options, the base currency and how
    many deals the cache held."""

    ranked: Ranked
    options: GrowthOptions
    currency: str
    deals: int

    @property
    def report(self) -> GrowthReport:
        """The ranked growth points."""
        return self.ranked.report


def _rank(columns: CacheColumns, today: dt.date, options: GrowthOptions, money: MoneyRules
          ) -> Ranked:
    """The worker's part."""
    report = growth_report(columns, today, options, money)
    return Ranked(report, report.dragging.by_rep(), DraggingBadges.of(report.dragging))


class GrowthService(QObject):
    """Keeps the growth report of the open file.

    Signals:
        ready(GrowthResult): a new report (the last one stays shown until it arrives).
        waiting(str): there is no report to show: the cache is being built (empty text) or
            its build failed (the message).
    """

    ready = Signal(object)
    waiting = Signal(str)

    def __init__(self, workspace: Workspace, cache: CacheProvider, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._cache = cache
        self._tasks = tasks
        self._choices = GrowthChoices()
        self._result: GrowthResult | None = None
        self._task: Task[Ranked] | None = None
        cache.building.connect(self._on_building)
        cache.failed.connect(self._on_failed)
        cache.ready.connect(self.refresh)

    @property
    def result(self) -> GrowthResult | None:
        """The last report (None before the first or while the cache is rebuilt)."""
        return self._result

    @property
    def choices(self) -> GrowthChoices:
        """The period, reference and dragging factor in force."""
        return self._choices

    def set_choices(self, choices: GrowthChoices) -> None:
        """Rank again with other choices."""
        if choices != self._choices:
            self._choices = choices
            self.refresh()

    def _options(self, today: dt.date, settings: BusinessSettings) -> GrowthOptions:
        """The options the choices give on ``today`` with the file's threshold."""
        start, end = preset_range(self._choices.preset, today, settings.fiscal_year_start)
        return GrowthOptions(period=Period.between(start, end),
                             reference=self._choices.reference,
                             threshold=settings.too_few_threshold,
                             drag_factor=self._choices.drag_factor)

    def refresh(self) -> None:
        """Rank the cache's current data in the background (a ranking still running is
        superseded: it counted older data or other choices)."""
        cache = self._cache.cache
        if cache is None:
            return
        today = self._workspace.today()
        settings = self._workspace.store.settings()
        options = self._options(today, settings)
        money = MoneyRules.of(settings, currency_digits())
        columns, deals = cache.columns(), len(cache)

        def done(ranked: Ranked) -> None:
            self._task = None
            self._result = GrowthResult(ranked, options, settings.base_currency, deals)
            self.ready.emit(self._result)

        self._task = self._tasks.run_in_background(
            lambda ctx: _rank(columns, today, options, money), done, key="growth points")

    def _on_building(self) -> None:
        self._drop()
        self.waiting.emit("")

    def _on_failed(self, message: str) -> None:
        self._drop()
        self.waiting.emit(message)

    def _drop(self) -> None:
        if self._task is not None:
            self._task.drop()
            self._task = None
        self._result = None

