"""A table as it is shown and exported: a title, its column names and its rows of values."""

from __future__ import annotations

from dataclasses import dataclass

from operator_console.domain.wording import Words

Cell = str | int | float | bool | Words | None


@dataclass(frozen=True)
class Table:
    """Rows of cells under `header`; numbers stay numbers so a spreadsheet can sum them. The
    title, the column names and a cell may be words a screen translates."""

    title: Words | str
    header: tuple[Words | str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"table {str(self.title)!r}: row {number} has {len(row)} cells "
                    f"for {len(self.header)} columns"
                )
