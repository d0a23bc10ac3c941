"""A dashboard table in the console's language: its title, column names and worded cells."""

from __future__ import annotations

from operator_console.domain.wording import Words
from operator_console.services.exports.table import Cell, Table
from operator_console.ui.common.words import shown


def shown_table(table: Table) -> Table:
    """The table as the screen shows and exports it: every `Words` translated, numbers kept."""
    rows = tuple(tuple(_cell(cell) for cell in row) for row in table.rows)
    return Table(shown(table.title), tuple(shown(name) for name in table.header), rows)


def _cell(cell: Cell) -> Cell:
    return shown(cell) if isinstance(cell, Words) else cell
