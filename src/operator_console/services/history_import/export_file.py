"""A city's export as CSV records: a plain or gzipped CSV, or the first CSV inside a zip."""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TextIO, cast

CSV_FIELD_LIMIT = 2**31 - 1
DEFAULT_ENCODING = "utf-8-sig"
DELIMITERS = (",", ";", "\t", "|")
ENCODING_SAMPLE = 1 << 20  # bytes checked against the encoding before anything is read


class ExportFileError(ValueError):
    """An export that cannot be read as CSV (no CSV in the zip, an empty file, another
    encoding than the mapping's)."""


@contextmanager
def open_export(path: Path, encoding: str = DEFAULT_ENCODING) -> Iterator[TextIO]:
    """The export as text in `encoding`: a plain or gzipped CSV, or the first CSV inside a zip.
    Its start is checked against the encoding first; an odd undecodable byte further on is
    read as U+FFFD rather than stopping the import."""
    with _raw(path) as sample:
        _check_encoding(sample.read(ENCODING_SAMPLE), encoding)
    with (
        _raw(path) as raw,
        io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="") as text,
    ):
        yield text


@contextmanager
def _raw(path: Path) -> Iterator[IO[bytes]]:
    if path.name.lower().endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.lower().endswith(".csv")]
            if not members:
                raise ExportFileError(f"{path} holds no .csv file")
            with archive.open(members[0]) as raw:
                yield raw
    elif path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as raw:
            yield cast(IO[bytes], raw)
    else:
        with path.open("rb") as raw:
            yield raw


def _check_encoding(sample: bytes, encoding: str) -> None:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4 and len(sample) == ENCODING_SAMPLE:
            return  # a character cut where the sample ends
        line = sample.count(b"\n", 0, exc.start) + 1
        raise ExportFileError(
            f"line {line} is not {encoding} (byte {exc.object[exc.start]:#04x}): name "
            'the export\'s encoding in the mapping, e.g. encoding = "cp1252"'
        ) from exc


def csv_records(text: TextIO, delimiter: str = "") -> Any:
    """A csv reader over `text`; with no `delimiter`, the one of , ; tab | its header line has
    most of (a comma when it has none)."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    header = text.readline()
    if not delimiter:
        delimiter = max(DELIMITERS, key=header.count) if header else ","
    return csv.reader(itertools.chain([header], text), delimiter=delimiter)


def numbered_records(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """(line, record) for the header and every non-blank record of a `csv_records` reader;
    `line` is the file line on which the record starts (a quoted field may span lines)."""
    start = 1
    for record in reader:
        if any(record):
            yield start, record
        start = reader.line_num + 1
