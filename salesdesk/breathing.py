"""Letting the GUI thread run while a worker thread loops in Python (issue 12).

A worker in a long pure-Python loop holds the GIL. CPython hands it to a waiting thread only
after the waiter has asked for ``sys.getswitchinterval()`` (5 ms) and the holder has not
taken it again in between; a worker that lets go of it for a moment on every row (a SQLite
step, a write) and takes it straight back resets that wait each time, so the GUI thread can
wait for the GIL for hundreds of milliseconds and the window freezes although the work is
"off the GUI thread". A :class:`Breather` that the loop calls once per row or batch sleeps
``pause_s`` every ``every_s`` of work: long enough for the waiting GUI thread to wake up, take
the GIL and finish a turn of its event loop. On the main thread (the command line, where no
window waits) it does nothing.
"""

from __future__ import annotations

import threading
import time

EVERY_S = 0.010
# Long enough for the GUI thread to take the GIL and finish a turn of its loop (it needs the GIL
# again after each Qt call): 0.2 ms left it one callback per pause on an idle machine (import
# planning 43 ms median stall, 230 ms worst; 1 ms: 24 ms and 27 ms).
PAUSE_S = 0.001


class Breather:
    """Call it once per row (or batch) of a loop that may run in a worker thread: every
    ``every_s`` seconds of work it sleeps ``pause_s``, which releases the GIL. Made in the
    thread that loops; does nothing when that is the main thread."""

    __slots__ = ("_every", "_next", "_pause")

    def __init__(self, every_s: float = EVERY_S, pause_s: float = PAUSE_S) -> None:
        self._every = every_s
        self._pause = pause_s
        worker = threading.current_thread() is not threading.main_thread()
        self._next = time.perf_counter() + every_s if worker else float("inf")

    def __call__(self) -> None:
        if time.perf_counter() >= self._next:
            time.sleep(self._pause)
            self._next = time.perf_counter() + self._every
