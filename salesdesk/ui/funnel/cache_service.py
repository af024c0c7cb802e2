"""Keeps the analytics cache of the open file: built in a worker thread, refreshed on edits.

How the cache is built and refreshed from the store is wired in by app.py (analytics never
imports store) as a :class:`CacheSource`: ``build(path)`` runs in the worker on its own
read-only connection; ``refresh(store, cache, deal_ids)`` runs on the GUI thread with the
workspace's store and costs milliseconds for the few deals one edit touches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.changes import Changes
from salesdesk.store import Store
from salesdesk.ui.workspace import Workspace

CacheBuilder = Callable[[Path], AnalyticsCache]
CacheRefresher = Callable[[Store, AnalyticsCache, frozenset[int]], None]


@dataclass(frozen=True, slots=True)
class CacheSource:
    """How a cache is built from a file and refreshed from a store (wired by app.py)."""

    build: CacheBuilder
    refresh: CacheRefresher


class _BuildThread(QThread):
    """Builds one cache; the result (or the error's message) arrives through ``done``."""

    done = Signal(int, object, str)  # generation, cache or None, error message

    def __init__(self, generation: int, path: Path, build: CacheBuilder,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = generation
        self._path = path
        self._build = build

    def run(self) -> None:
        try:
            cache = self._build(self._path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the window keeps working
            self.done.emit(self._generation, None, str(exc) or type(exc).__name__)
        else:
            self.done.emit(self._generation, cache, "")


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

    def __init__(self, workspace: Workspace, source: CacheSource,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._source = source
        self._cache: AnalyticsCache | None = None
        self._generation = 0
        self._threads: list[_BuildThread] = []
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
        return any(thread.isRunning() for thread in self._threads)

    def rebuild(self) -> None:
        """Build the cache of the open file afresh in the worker."""
        self._generation += 1
        self._pending.clear()
        self._stale = False
        thread = _BuildThread(self._generation, self._workspace.store.path,
                              self._source.build, self)
        thread.done.connect(self._on_built)
        thread.finished.connect(lambda t=thread: self._forget(t))
        self._threads.append(thread)
        self.building.emit()
        thread.start()

    def _forget(self, thread: _BuildThread) -> None:
        if thread in self._threads:
            self._threads.remove(thread)
        thread.deleteLater()

    def _on_built(self, generation: int, cache: AnalyticsCache | None, error: str) -> None:
        if generation != self._generation:
            return  # an older build finished after a newer one started
        if cache is None:
            self.failed.emit(error)
            return
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

    def shutdown(self) -> None:
        """Wait for a running build (the window is closing)."""
        self._generation += 1
        for thread in list(self._threads):
            thread.wait()
