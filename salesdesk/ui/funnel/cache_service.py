"""Keeps the analytics cache of the open file: built in the background on the window's task
runner, refreshed on edits.

How the cache is built and refreshed from the store is wired in by app.py (analytics never
imports store) as a :class:`CacheSource`: ``build(path)`` runs in the worker on its own
read-only connection; ``refresh(store, cache, deal_ids)`` runs on the GUI thread with the
workspace's store and costs milliseconds for the few deals one edit touches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.changes import Changes
from salesdesk.store import Store
from salesdesk.ui.tasks import USER_ERRORS, Task, TaskRunner
from salesdesk.ui.workspace import Workspace

CacheBuilder = Callable[[Path], AnalyticsCache]
CacheRefresher = Callable[[Store, AnalyticsCache, frozenset[int]], None]


@dataclass(frozen=True, slots=True)
class CacheSource:
    """How a cache is built from a file and refreshed from a store (wired by app.py)."""

    build: CacheBuilder
    refresh: CacheRefresher


class CacheService(QObject):
    """The open file's analytics cache.

    Signals:
        building(): a build started (show progress).
        ready(): the cache answers for the current data (after a build or a refresh).
        failed(str): the build failed; the message says why.
    """

    building = Signal()
    ready = Signal()
    failed = Signal(str)

    def __init__(self, workspace: Workspace, source: CacheSource, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._source = source
        self._tasks = tasks
        self._cache: AnalyticsCache | None = None
        self._build: Task[AnalyticsCache] | None = None
        self._pending: set[int] = set()
        self._stale = False
        workspace.changed.connect(self._on_changed)
        workspace.file_replaced.connect(self.rebuild)

    @property
    def cache(self) -> AnalyticsCache | None:
        """The cache, or None while the first build runs."""
        return self._cache

    @property
    def is_building(self) -> bool:
        """True while a build runs."""
        return self._build is not None

    def rebuild(self) -> None:
        """Build the cache of the open file afresh in the background; a build still running
        is superseded (its cache would describe older data)."""
        self._pending.clear()
        self._stale = False
        path, build = self._workspace.store.path, self._source.build
        self._build = self._tasks.run_in_background(
            lambda ctx: build(path), self._on_built, on_error=self._on_failed,
            errors=(Exception,), key="analytics cache")
        self.building.emit()

    def _on_failed(self, error: Exception) -> None:
        self._build = None
        self.failed.emit(str(error) or type(error).__name__)
        if not isinstance(error, USER_ERRORS):
            raise error  # a bug: once the tab says the figures failed, the handler reports it

    def _on_built(self, cache: AnalyticsCache) -> None:
        self._build = None
        self._cache = cache
        if self._stale:
            self.rebuild()
            return
        if self._pending:
            # Edits made while the worker read: apply them again (refreshing is idempotent).
            self._source.refresh(self._workspace.store, cache, frozenset(self._pending))
            self._pending.clear()
        self.ready.emit()

    def _on_changed(self, changes: Changes) -> None:
        # A deal edit that created a list value carries the new name in its own export; list
        # edits alone (rename, merge, stage order) change what every deal shows.
        if changes.all_deals or changes.settings or (changes.lookups and not changes.deal_ids):
            if self.is_building:
                self._stale = True
            else:
                self.rebuild()
            return
        if not changes.deal_ids:
            return
        if self.is_building or self._cache is None:
            self._pending |= changes.deal_ids
            return
        self._source.refresh(self._workspace.store, self._cache, changes.deal_ids)
        self.ready.emit()
