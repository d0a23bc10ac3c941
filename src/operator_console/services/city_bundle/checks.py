"""Checks across a bundle's rows: duplicate codes and references to codes defined elsewhere."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping, Sequence

from operator_console.services.city_bundle.csv_files import Cells, Problems
from operator_console.services.city_bundle.model import Queue


class Codes:
    """The codes one file defines (queue codes, staff logins...), each with its line.

    `unknown_because` says why the file's codes are not known ("is missing"), when they are
    not: references to them are then not checked, and not reported one by one.
    """

    def __init__(self, what: str, file: str, column: str = "code") -> None:
        self.what = what
        self.file = file
        self.column = column
        self.lines: dict[str, int] = {}
        self.unknown_because: str | None = None
        self._said_unchecked: set[tuple[str, str]] = set()

    def define(self, cells: Cells, column: str, code: str) -> bool:
        """Record `code`; False, with a problem at the cell, when the file already defined it."""
        if not code:
            return False
        if code in self.lines:
            cells.problem(column, f"{self.what} {code!r} is already on line {self.lines[code]}")
            return False
        self.lines[code] = cells.line
        return True

    def __contains__(self, code: object) -> bool:
        return code in self.lines

    def say_unchecked(self, cells: Cells, column: str) -> None:
        """Once per referring file and column: its references to these codes were not checked."""
        if (cells.file, column) in self._said_unchecked:
            return
        self._said_unchecked.add((cells.file, column))
        cells.problem(
            column, f"{column} not checked on any row: {self.file} {self.unknown_because}"
        )


def check_reference(
    cells: Cells, column: str, code: str | None, known: Codes | Collection[str] | None, what: str
) -> bool:
    """True when `code` is empty or known; otherwise a problem at the cell naming where to look.

    `known` is None, or `Codes` that are `unknown_because`, when the file defining the codes
    could not be read: its problems are reported there, not again at every reference.
    """
    if not code or known is None or code in known:
        return True
    if isinstance(known, Codes) and known.unknown_because is not None:
        known.say_unchecked(cells, column)
        return True
    where = f" in {known.file}" if isinstance(known, Codes) else ""
    cells.problem(column, f"{column} {code!r}: no such {what}{where}{_did_you_mean(code, known)}")
    return False


def _did_you_mean(code: str, known: Codes | Collection[str]) -> str:
    """The known code closest to a misspelt one, if one is close."""
    codes = list(known.lines) if isinstance(known, Codes) else list(known)
    close = difflib.get_close_matches(code, codes, n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_queue_parents(
    queues: Sequence[Queue],
    lines: Mapping[str, int],
    file: str,
    column: int | None,
    problems: Problems,
) -> None:
    """A team's parent must be another queue, and parents must not go round in a circle."""
    parents = {queue.code: queue.parent for queue in queues if queue.parent}
    reported: set[str] = set()
    for start in parents:
        seen: list[str] = []
        code: str | None = start
        while code is not None and code not in seen:
            seen.append(code)
            code = parents.get(code)
        if code is not None and code not in reported:
            circle = seen[seen.index(code) :]
            reported.update(circle)
            problems.add(
                file,
                lines.get(code),
                column,
                f"queues' parents go round in a circle: {' -> '.join([*circle, code])}",
            )
