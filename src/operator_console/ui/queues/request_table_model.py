"""The open-requests table: pages from the database as the user scrolls, updated live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from operator_console.services.queues.request_list import ListQuery, RequestListReader, RequestRow
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import local_time, priority_label, status_label
from operator_console.ui.common.live_rows import LiveRowsModel
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.queues.table_model import (
    AMBER,
    AMBER_BACKGROUND,
    RED,
    RED_BACKGROUND,
    sla_state_of,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_COLUMNS = (
    ("reference", QT_TRANSLATE_NOOP("RequestTableModel", "Reference")),
    ("priority", QT_TRANSLATE_NOOP("RequestTableModel", "Priority")),
    ("service", QT_TRANSLATE_NOOP("RequestTableModel", "Category")),
    ("address", QT_TRANSLATE_NOOP("RequestTableModel", "Address")),
    ("district", QT_TRANSLATE_NOOP("RequestTableModel", "District")),
    ("created_at", QT_TRANSLATE_NOOP("RequestTableModel", "Opened")),
    ("due_at", QT_TRANSLATE_NOOP("RequestTableModel", "Due")),
    ("status", QT_TRANSLATE_NOOP("RequestTableModel", "Status")),
    ("queue", QT_TRANSLATE_NOOP("RequestTableModel", "Queue")),
    ("callers", QT_TRANSLATE_NOOP("RequestTableModel", "Callers")),
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ELIDED = frozenset({"service", "address", "queue"})


class RequestTableModel(LiveRowsModel):
    """Open requests, sorted by the database; the due date is coloured by its SLA state; times
    on the clock of `time_zone` (the city's; "" is UTC).

    Signals:
        (inherited) page_loaded(int), load_failed(str), rows_refreshed(list).
    """

    def __init__(
        self,
        reader: RequestListReader,
        runner: BackgroundRunner,
        page_size: int = 200,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
        *,
        time_zone: str = "",
    ) -> None:
        super().__init__(reader, runner, ListQuery(), page_size, parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.time_zone = time_zone

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return QCoreApplication.translate("RequestTableModel", _COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        key = _COLUMNS[index.column()][0]
        if role == _DISPLAY:
            return _display(row, key, self.time_zone)
        if role == _TOOLTIP:
            return self._tooltip(row, key)
        if role in (_FOREGROUND, _BACKGROUND) and key == "due_at":
            state = sla_state_of(row, self._clock())
            colours = (AMBER, RED) if role == _FOREGROUND else (AMBER_BACKGROUND, RED_BACKGROUND)
            return {"at_risk": colours[0], "breached": colours[1]}.get(state)
        if role == _ALIGNMENT and key == "callers":
            return _RIGHT
        return None

    def _tooltip(self, row: RequestRow, key: str) -> str | None:
        if key in _ELIDED:
            return _display(row, key, self.time_zone)
        if key == "due_at" and row.at_risk_at is not None:
            at_risk = local_time(row.at_risk_at, self.time_zone)
            return self.tr("At risk from %1").replace("%1", at_risk)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_by(_COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)


def _display(row: RequestRow, key: str, time_zone: str) -> str:
    value = getattr(row, key)
    if isinstance(value, datetime):
        return local_time(value, time_zone)
    if value is None or value == "":
        return "—"
    if key == "status":
        return status_label(str(value))
    if key == "priority":
        return priority_label(str(value))
    return str(value)


def column_of(key: str) -> int:
    """The column that shows `key`."""
    return [name for name, _title in _COLUMNS].index(key)


COLUMN_KEYS = tuple(name for name, _title in _COLUMNS)
"""What each column shows, in order (for `TableColumns`)."""
