"""A city's export as CSV records: a plain or gzipped CSV, or the first CSV inside a zip."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

CSV_FIELD_LIMIT = 2**31 - 1


class ExportFileError(ValueError):
    """An export that cannot be read as CSV (no CSV in the zip, an empty file)."""


@contextmanager
def open_export(path: Path) -> Iterator[TextIO]:
    """The export as text: a plain or gzipped CSV, or the first CSV inside a zip."""
    options: dict[str, Any] = {"encoding": "utf-8-sig", "errors": "replace", "newline": ""}
    name = path.name.lower()
    if name.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.lower().endswith(".csv")]
            if not members:
                raise ExportFileError(f"{path} holds no .csv file")
            with archive.open(members[0]) as raw, io.TextIOWrapper(raw, **options) as text:
                yield text
    elif name.endswith(".gz"):
        with gzip.open(path, "rt", **options) as text:
            yield text
    else:
        with path.open("r", **options) as text:
            yield text


def numbered_records(text: TextIO) -> Iterator[tuple[int, list[str]]]:
    """(line, record) for the header and every non-blank record; `line` is the file line on
    which the record starts (a quoted field may span several lines)."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(text)
    start = 1
    for record in reader:
        if any(record):
            yield start, record
        start = reader.line_num + 1
