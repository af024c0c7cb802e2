"""The rejected-rows file of an import: the source's columns and a "rejected because" column,
in the source's delimiter and encoding (a workbook's as UTF-8 CSV), so that it opens in the
same spreadsheet, to be fixed and imported again. Written safely (a temporary file renamed into
place by ``finish``); removed when the import does not finish."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from salesdesk.domain.importing import REJECTED_COLUMN
from salesdesk.files import neutralise_cell, replacing
from salesdesk.i18n import translate
from salesdesk.store.csv_text import MIXED_ENCODING
from salesdesk.store.import_files import SourceInfo


def default_rejected_path(source: Path) -> Path:
    """``<source name>-rejected.csv`` beside the source."""
    return source.with_name(f"{source.stem}-rejected.csv")


class RejectedRows:
    """The rejected-rows file of one import, begun with its first rejected row; use as a
    context manager around the import's transaction."""

    def __init__(self, path: Path, headers: Sequence[str], info: SourceInfo) -> None:
        self.path = path
        self.headers = list(headers)
        self.delimiter = info.delimiter or ","
        # utf-8-sig for a workbook or a mixed file: Excel reads its accents right.
        self.encoding = (info.encoding if info.encoding not in (None, MIXED_ENCODING)
                         else "utf-8-sig")
        self._stack = contextlib.ExitStack()
        self._writer: Any = None

    def add(self, number: int, cells: Sequence[str], reason: str) -> None:
        """Write row ``number`` (its cells as read) with the reason it was left out."""
        if self._writer is None:
            temp = self._stack.enter_context(replacing(self.path, prefix=".salesdesk-rejected-"))
            handle: IO[str] = self._stack.enter_context(
                temp.open("w", encoding=self.encoding, errors="replace", newline=""))
            self._writer = csv.writer(handle, delimiter=self.delimiter)
            self._writer.writerow([neutralise_cell(h) for h in (*self.headers, REJECTED_COLUMN)])
        padded = list(cells) + [""] * (len(self.headers) - len(cells))
        self._writer.writerow([neutralise_cell(c) for c in padded]
                              + [neutralise_cell(translate("RejectedRows", "row {number}: {reason}")
                                                 .format(number=number, reason=reason))])

    def finish(self) -> None:
        """Put the file in place (fsynced and renamed)."""
        self._stack.close()

    def __enter__(self) -> RejectedRows:
        return self

    def __exit__(self, *exc: Any) -> None:
        """Without ``finish``: remove what was written (the import failed or was
        cancelled)."""
        self._stack.__exit__(*exc)

    @property
    def written(self) -> bool:
        """True when some row was written."""
        return self._writer is not None
