"""Writing tables to CSV (one table a file) and XLSX (one sheet a table), with the lines that
say what they show (period, filters) above each."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from operator_console.domain.wording import Words
from operator_console.services.exports.table import Cell, Table

SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def write_csv(table: Table, path: Path, described: Sequence[str] = ()) -> None:
    """The table as CSV in UTF-8 (with a byte order mark, which spreadsheets read as UTF-8):
    `described` lines first as one-cell rows, then the header and the rows."""
    with path.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        for line in described:
            writer.writerow([line])
        writer.writerow([str(name) for name in table.header])
        writer.writerows([_plain(cell) for cell in row] for row in table.rows)


def write_xlsx(tables: Sequence[Table], path: Path, described: Sequence[str] = ()) -> None:
    """A workbook with a sheet for each table: its title and `described` lines, then the
    header in bold and the rows, numbers as numbers."""
    if not tables:
        raise ValueError(f"{path}: there is no table to write")
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(_sheet_name(str(table.title), used))
        sheet.append([str(table.title)])
        sheet["A1"].font = Font(bold=True)
        for line in described:
            sheet.append([line])
        sheet.append([str(name) for name in table.header])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_plain(cell) for cell in row])
    book.save(path)


def _plain(cell: Cell) -> str | int | float:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, Words):
        return str(cell)
    return cell


def _sheet_name(title: str, used: set[str]) -> str:
    base = _NOT_IN_SHEET_NAMES.sub(" ", title).strip()[:SHEET_NAME_LIMIT] or "Table"
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        number += 1
    used.add(name.lower())
    return name
