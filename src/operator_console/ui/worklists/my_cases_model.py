"""The rows of "my cases": reference, due, priority, status, category, address; live."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from operator_console.services.queues.request_list import ListQuery, RequestListReader
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import local_time, priority_label, status_label
from operator_console.ui.common.live_rows import LiveRowsModel

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_KEYS = ("reference", "due_at", "priority", "status", "service", "address")


class MyCasesModel(LiveRowsModel):
    """Cases of one person, in the order of its query; times on the clock of `time_zone`.

    Signals:
        (inherited) page_loaded(int), load_failed(str), rows_refreshed(list).
    """

    def __init__(
        self,
        reader: RequestListReader,
        runner: BackgroundRunner,
        query: ListQuery,
        time_zone: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(reader, runner, query, 100, parent)
        self.time_zone = time_zone
        self._headers = (
            self.tr("Reference"),
            self.tr("Due"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Category"),
            self.tr("Address"),
        )

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(index.row())
        key = _KEYS[index.column()]
        value = getattr(row, key)
        if isinstance(value, datetime):
            return local_time(value, self.time_zone)
        if value is None or value == "":
            return "—"
        if key == "status":
            return status_label(str(value))
        if key == "priority":
            return priority_label(str(value))
        return str(value)
