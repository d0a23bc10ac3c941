"""The rejects file: each row the import skipped, with its line, the reason and the row itself."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self


def default_rejects_path(export: Path) -> Path:
    """Beside the export: `requests.csv.gz` -> `requests.csv.gz.rejects.csv`."""
    return export.with_name(f"{export.name}.rejects.csv")


class RejectsFile:
    """Written only when a row is rejected: `line,reason,<the export's own columns>`, in the
    export's delimiter and encoding, so that the mapping reads it as it read the export."""

    def __init__(
        self, path: Path, header: Sequence[str], delimiter: str = ",", encoding: str = "utf-8"
    ) -> None:
        self.path = path
        # A rejects file imported again has a line and a reason already: they are replaced.
        self._skipped = 2 if [name.lower() for name in header[:2]] == ["line", "reason"] else 0
        self._header = list(header[self._skipped :])
        self._delimiter = delimiter
        # Read with or without a byte-order mark, written without one.
        self._encoding = "utf-8" if codecs.lookup(encoding).name == "utf-8-sig" else encoding
        self._file: IO[str] | None = None
        self._rows: Any = None  # csv.writer's type is private to the csv module
        self.count = 0

    def add(self, line: int, reason: str, row: Sequence[str]) -> None:
        if self._file is None:
            self._file = self.path.open("w", encoding=self._encoding, errors="replace", newline="")
            self._rows = csv.writer(self._file, delimiter=self._delimiter)
            self._rows.writerow(["line", "reason", *self._header])
        self._rows.writerow([line, reason, *row[self._skipped :]])
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
