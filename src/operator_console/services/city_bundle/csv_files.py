"""CSV files of a bundle: a header, then rows whose cells are read with their line and column."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import TypeVar

from operator_console.services.city_bundle.problems import BundleProblem
from operator_console.services.city_bundle.source import BundleSource

T = TypeVar("T")
TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0"})
LIST_SEPARATOR = ";"


class Problems:
    """Problems found so far, at most `limit` per file (then one line says how many more)."""

    def __init__(self, limit: int = 100) -> None:
        self.found: list[BundleProblem] = []
        self.warnings: list[BundleProblem] = []
        self._limit = limit
        self._per_file: dict[str, int] = {}

    def add(self, file: str, line: int | None, column: int | None, message: str) -> None:
        count = self._per_file.get(file, 0) + 1
        self._per_file[file] = count
        if count <= self._limit:
            self.found.append(BundleProblem(file, line, column, message))

    def warn(self, file: str, line: int | None, column: int | None, message: str) -> None:
        self.warnings.append(BundleProblem(file, line, column, message))

    def summaries(self) -> list[BundleProblem]:
        """One problem per file that had more than the limit, saying how many were left out."""
        return [
            BundleProblem(file, None, None, f"{count - self._limit} more problems not listed")
            for file, count in self._per_file.items()
            if count > self._limit
        ]

    def __len__(self) -> int:
        return sum(self._per_file.values())


@dataclass
class Cells:
    """One data row of a CSV file; reading a cell that is wrong records a problem at it."""

    file: str
    line: int
    columns: Mapping[str, int]
    values: Sequence[str]
    problems: Problems

    def column(self, name: str) -> int | None:
        """The 1-based column of `name`, None when the file has no such column."""
        position = self.columns.get(name)
        return None if position is None else position + 1

    def problem(self, name: str, message: str) -> None:
        self.problems.add(self.file, self.line, self.column(name), message)

    def text(self, name: str, *, max_length: int | None = None) -> str:
        """The cell without surrounding spaces; "" when empty or when the column is absent."""
        position = self.columns.get(name)
        if position is None or position >= len(self.values):
            return ""
        value = self.values[position].strip()
        if max_length is not None and len(value) > max_length:
            self.problem(name, f"{name} is longer than {max_length} characters")
        return value

    def optional(self, name: str, *, max_length: int | None = None) -> str | None:
        return self.text(name, max_length=max_length) or None

    def required(self, name: str, *, max_length: int | None = None) -> str:
        """The cell; a problem when it is empty (a column missing from the header is reported
        once, at the header, and not again at each row)."""
        value = self.text(name, max_length=max_length)
        if not value and name in self.columns:
            self.problem(name, f"{name} is empty")
        return value

    def items(self, name: str) -> tuple[str, ...]:
        """A `;`-separated list, without empty items."""
        return tuple(item.strip() for item in self.text(name).split(LIST_SEPARATOR) if item.strip())

    def boolean(self, name: str, default: bool) -> bool:
        value = self.text(name).lower()
        if not value:
            return default
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
            return False
        self.problem(name, f"{name} {value!r} is not true or false")
        return default

    def integer(self, name: str, default: int, *, minimum: int | None = None) -> int:
        parsed = self._parsed(name, int, "a whole number")
        if parsed is None:
            return default
        if minimum is not None and parsed < minimum:
            self.problem(name, f"{name} {parsed} is below {minimum}")
            return default
        return parsed

    def number(self, name: str, default: float | None) -> float | None:
        parsed = self._parsed(name, float, "a number")
        return default if parsed is None else parsed

    def fraction(self, name: str, default: float) -> float | None:
        """A share written as a fraction (0.75) or a percentage (75%)."""
        parsed = self._parsed(name, _fraction, "a fraction like 0.75 or 75%")
        return default if parsed is None else parsed

    def day(self, name: str) -> date | None:
        value = self.required(name)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(name, f"{name} {value!r} is not a date like 2026-02-09")
            return None

    def clock_time(self, name: str, default: time) -> time:
        value = self.text(name)
        if not value:
            return default
        try:
            parsed = time.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is not None or len(value) != 5:
            self.problem(name, f"{name} {value!r} is not a time like 08:00")
            return default
        return parsed

    def choice(self, name: str, choices: Sequence[str], default: str) -> str:
        value = self.text(name).lower()
        if not value:
            return default
        if value not in choices:
            self.problem(name, f"{name} {value!r} is not one of {', '.join(choices)}")
            return default
        return value

    def _parsed(self, name: str, parse: Callable[[str], T], what: str) -> T | None:
        value = self.text(name)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError:
            self.problem(name, f"{name} {value!r} is not {what}")
            return None


def _fraction(text: str) -> float:
    if text.endswith("%"):
        return float(text[:-1].strip()) / 100
    return float(text)


@dataclass(frozen=True)
class CsvTable:
    """A CSV file's header positions and its data rows as cells."""

    file: str
    columns: Mapping[str, int]
    rows: tuple[Cells, ...]

    def column(self, name: str) -> int | None:
        position = self.columns.get(name)
        return None if position is None else position + 1


def read_text(source: BundleSource, file: str, problems: Problems) -> str | None:
    """The file as text (UTF-8, a byte-order mark allowed); None, with a problem, if unreadable."""
    try:
        data = source.read_bytes(file)
    except (OSError, EOFError) as exc:
        problems.add(file, None, None, f"cannot be read: {exc}")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(file, line, None, "is not UTF-8 text (save it as UTF-8)")
        return None


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number where the row ends, cells) of each non-blank row, the header included."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for cells in reader:
            if cells and any(cell.strip() for cell in cells):
                yield reader.line_num, cells
    except csv.Error as exc:
        raise CsvSyntaxError(reader.line_num, str(exc)) from None


class CsvSyntaxError(ValueError):
    """A row the csv module cannot split (an unclosed quote, say)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def header_columns(
    file: str, line: int, cells: Sequence[str], required: Sequence[str], problems: Problems
) -> tuple[dict[str, int], list[str]]:
    """Column name (lower case) -> 0-based position, and the required columns missing."""
    columns: dict[str, int] = {}
    for position, cell in enumerate(cells):
        name = cell.strip().lower()
        if name in columns:
            problems.add(file, line, position + 1, f"column {name!r} appears twice in the header")
        elif name:
            columns[name] = position
    missing = [name for name in required if name not in columns]
    for name in missing:
        problems.add(file, line, None, f"the required column {name!r} is missing from the header")
    if missing and any(mark in cell for cell in cells for mark in ";\t"):
        problems.add(
            file, line, None, "the header looks separated by ';' or tabs: save the file with commas"
        )
    return columns, missing


def read_table(
    source: BundleSource, file: str, required: Sequence[str], problems: Problems
) -> CsvTable | None:
    """The file's rows, even when a required column is missing (so its codes can still be
    referred to); None, with problems recorded, when it cannot be read as CSV."""
    text = read_text(source, file, problems)
    if text is None:
        return None
    rows = []
    columns: dict[str, int] | None = None
    try:
        for line, cells in csv_rows(text):
            if columns is None:
                columns, _ = header_columns(file, line, cells, required, problems)
                continue
            rows.append(Cells(file, line, columns, cells, problems))
    except CsvSyntaxError as exc:
        problems.add(file, exc.line, None, f"not readable as CSV: {exc}")
        return None
    if columns is None:
        problems.add(file, 1, None, "is empty: it needs a header row")
        return None
    return CsvTable(file, columns, tuple(rows))
