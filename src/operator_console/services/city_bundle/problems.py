"""What is wrong in a city bundle, each named by file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class BundleProblem:
    """One thing wrong (or, as a warning, doubtful) in a bundle's file.

    Attributes:
        file: the file's path inside the bundle, e.g. "routing.csv".
        line: 1-based line (a CSV file's header is line 1); None when it is not known.
        column: 1-based column (a CSV cell's position in its row); None when it is not known.
        message: what is wrong, in words an analyst can act on.
    """

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class BundleInvalid(Exception):  # noqa: N818 (the name the commands and docs use)
    """A bundle that cannot be used; `problems` lists every problem found, in file order, and
    `warnings` the doubtful things found beside them."""

    def __init__(
        self, problems: Iterable[BundleProblem], warnings: Iterable[BundleProblem] = ()
    ) -> None:
        self.problems = tuple(problems)
        self.warnings = tuple(warnings)
        count = len(self.problems)
        lines = "\n".join(str(problem) for problem in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the city bundle:\n{lines}")
