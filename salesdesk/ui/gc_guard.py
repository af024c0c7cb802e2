"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a generation is due. When
that is a worker of ui.tasks and the garbage holds a Qt object Python owns (a closed wizard in
a reference cycle with its pages, a parentless model), its C++ destructor runs off the GUI
thread and the process crashes (a segmentation fault: the import wizard, closed, then a file
opened in a worker). So automatic collection is off while the application runs, and a timer
on the GUI thread collects whatever generation is due, as the automatic collector would.
Reference counting, which frees nearly everything, is unaffected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects cycles on the thread that owns it (the GUI thread) every ``interval_ms``;
    :meth:`stop` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the oldest generation whose count has passed its threshold (as Python
        would); return how many objects were unreachable."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Stop the timer, collect once here and let Python collect again as it likes."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
