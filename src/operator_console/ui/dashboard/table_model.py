"""A read-only Qt model over one of the dashboard's tables, numbers aligned right."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from operator_console.services.exports.table import Table
from operator_console.ui.common.formatting import decimal_number, whole_number
from operator_console.ui.dashboard.table_words import shown_table

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class TableModel(QAbstractTableModel):
    """Shows a `Table`; `keys` (one a row) say what each row stands for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = Table("", (), ())
        self.keys: list[Any] = []

    def show_table(self, table: Table, keys: Sequence[Any]) -> None:
        self.beginResetModel()
        self.table = shown_table(table)
        self.keys = list(keys)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.table.header)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.table.header[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cell = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None:
                return "–"
            if isinstance(cell, float):
                return decimal_number(cell, 1)
            if isinstance(cell, int) and not isinstance(cell, bool):
                return whole_number(cell)
            return str(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(cell, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
