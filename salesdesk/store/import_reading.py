"""Reading an import's file in chunks of converted rows, here or in a second process.

Into an empty file an import's rows are converted a batch at a time (``BatchConverter``) and
written from columns. Reading and converting a big file takes about as long as writing it,
and a machine has two cores: ``piped_chunks`` reads and converts in a child process while
this one writes, the chunks passed through a pipe in the file's order. Both ways give the
same chunks, and the converter's counts and notes end up in this process's converter; the
child's messages are in this process's language (``i18n.recipe``).

The child is started with "spawn" (a fresh interpreter: forking a process that runs other
threads, as the app's does, can deadlock the child), so, as for any multiprocessing code, a
script that imports through ``run_import`` guards its main code with
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from salesdesk import i18n
from salesdesk.domain.importing import (
    Batch,
    BatchConverter,
    DateGuess,
    DateOrder,
    Note,
    Problem,
    Rejected,
    RowConverter,
)
from salesdesk.domain.validation import InputRules
from salesdesk.i18n import translate
from salesdesk.store.errors import UnreadableFile
from salesdesk.store.import_files import Source, open_source
from salesdesk.store.import_plan import ImportPlan

PIPE_MIN_BYTES = 16 * 2**20
"""Files at least this large are read in a second process. Starting it takes about 0.25 s:
a 7.8 MB file (50,000 rows) imported as fast either way, one of 15.6 MB (100,000 rows)
0.7 s sooner of 3.9 s, one of 3 MB 0.2 s later."""

QUEUED = 16
"""Chunks received ahead of the writing (about 1 MB each in memory)."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """Rows of the file converted: ``count`` rows read so far, ``fraction`` of the file;
    ``numbers`` the batch's row numbers by place; ``cells`` the cells of the rows the fast
    path left to RowConverter (by place), which a rejected row is written with; ``broken``
    the rows the source itself found broken, as (-1, number, cells, why)."""

    count: int
    fraction: float
    numbers: list[int]
    batch: Batch
    cells: dict[int, list[str]]
    broken: list[tuple[int, int, list[str], Rejected]]


@dataclass(frozen=True, slots=True)
class _Tally:
    """What the child's converter and source found, for this process's."""

    source_notes: list[str]
    notes: list[Note]
    currencies_from_amounts: Counter[str]
    lost_by_reason: int


def order_reader(plan: ImportPlan) -> Callable[[str], DateOrder]:
    """Reads a date column of the plan's file through to decide its day/month order."""
    def order_of(header: str) -> DateOrder:
        position = plan.headers.index(header)
        guess = DateGuess()
        with open_source(plan.path, plan.source_options) as source:
            for _, cells in source.rows():
                if position < len(cells):
                    guess.add(cells[position])
                if guess.resolved:
                    break
        return guess.order(plan.rules.date_orders.get(header, DateOrder.DMY))
    return order_of


def broken_row(source: Source, number: int) -> Rejected | None:
    """Why the source found row ``number`` broken, as a rejection; None when it is whole."""
    reason = source.broken.get(number)
    return None if reason is None else Rejected((Problem("", reason),))


def converted_chunks(plan: ImportPlan, batcher: BatchConverter, notes: list[str], size: int
                     ) -> Iterator[Chunk]:
    """The file's rows ``size`` at a time, converted by ``batcher``; ``notes`` gets what
    the source found in its lines once every row was read."""
    with open_source(plan.path, plan.source_options) as source:
        rows = source.rows()
        count = 0
        while lines := list(itertools.islice(rows, size)):
            count += len(lines)
            fraction = source.fraction(lines[-1][0])
            broken = [(-1, number, cells, result) for number, cells in lines
                      if (result := broken_row(source, number)) is not None] if (
                source.broken) else []
            if broken:
                lines = [line for line in lines if line[0] not in source.broken]
            cells = [line[1] for line in lines]
            batch = batcher.convert(cells)
            yield Chunk(count, fraction, [number for number, _ in lines], batch,
                        {place: cells[place] for place, _ in batch.others}, broken)
        notes[:] = source.notes()


@contextmanager
def piped_chunks(plan: ImportPlan, input_rules: InputRules, converter: RowConverter,
                 notes: list[str], size: int, idle: Callable[[], bool] = lambda: False
                 ) -> Iterator[Iterator[Chunk]]:
    """``converted_chunks`` read in a child process; once all were taken ``converter`` holds
    the child's counts and notes, and ``notes`` the source's. Leaving early stops the child.
    While no chunk is waiting, ``idle`` runs again and again until it returns False (it has
    nothing to do).

    An error in the child is raised here; a child that dies raises UnreadableFile. A thread
    takes the chunks off the pipe as they come, up to QUEUED ahead: with the pipe's own
    buffer only, the child waited for this process as long as this process for the child.
    """
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_read_in_child,
                            args=(plan, input_rules, size, sending, i18n.recipe()),
                            name="salesdesk import reader", daemon=True)
    child.start()
    sending.close()
    messages: queue.Queue[tuple[str, Any]] = queue.Queue(QUEUED)
    stop = threading.Event()
    receiver = threading.Thread(target=_receive, args=(receiving, messages, stop),
                                name="salesdesk import receiver", daemon=True)
    receiver.start()
    try:
        yield _received(messages, child, plan, converter, notes, idle)
    finally:
        stop.set()
        if child.is_alive():
            child.terminate()
        child.join()
        receiver.join()
        receiving.close()
        child.close()


def _receive(receiving: Connection, messages: queue.Queue[tuple[str, Any]],
             stop: threading.Event) -> None:
    """The receiver thread: queue each message until the last (or until told to stop)."""
    while True:
        try:
            message: tuple[str, Any] = receiving.recv()
        except (EOFError, OSError):
            message = ("ended", None)
        while True:
            try:
                messages.put(message, timeout=0.1)
                break
            except queue.Full:
                if stop.is_set():
                    return
        if message[0] != "chunk":
            return


def _received(messages: queue.Queue[tuple[str, Any]], child: BaseProcess, plan: ImportPlan,
              converter: RowConverter, notes: list[str], idle: Callable[[], bool]
              ) -> Iterator[Chunk]:
    while True:
        try:
            kind, content = messages.get_nowait()
        except queue.Empty:
            if idle():
                continue
            kind, content = messages.get()
        if kind == "chunk":
            yield content
        elif kind == "error":
            raise content
        elif kind == "tally":
            tally: _Tally = content
            notes[:] = tally.source_notes
            converter.notes += tally.notes
            converter.currencies_from_amounts += tally.currencies_from_amounts
            converter.lost_by_reason += tally.lost_by_reason
            return
        else:
            child.join()
            raise UnreadableFile(translate(
                "Importing", "Reading {name} stopped unexpectedly (exit code {code}); nothing"
                " was imported.").format(name=plan.path.name, code=child.exitcode))


def _read_in_child(plan: ImportPlan, input_rules: InputRules, size: int,
                   sending: Connection, translations: Callable[[], None] | None) -> None:
    """The child's work: send each chunk, then the tally (or the error that stopped it),
    its messages in the language ``translations`` installs (this process's)."""
    try:
        if translations is not None:
            translations()
        converter = plan.converter(input_rules, order_reader(plan))
        notes: list[str] = []
        for chunk in converted_chunks(plan, BatchConverter(converter), notes, size):
            sending.send(("chunk", chunk))
        sending.send(("tally", _Tally(notes, converter.notes,
                                      converter.currencies_from_amounts,
                                      converter.lost_by_reason)))
    except Exception as exc:  # noqa: BLE001 - every error goes to the parent, which raises it
        exc.add_note("In the import's reading process:\n" + traceback.format_exc())
        try:
            sending.send(("error", exc))
        except Exception:  # noqa: BLE001 - one that cannot be pickled goes as its text
            sending.send(("error", UnreadableFile(f"{type(exc).__name__}: {exc}")))
    finally:
        sending.close()
