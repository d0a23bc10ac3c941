"""The queue table: requests of the chosen queues with an SLA countdown, updated live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor

from operator_console.services.queues.request_list import ListQuery, RequestListReader, RequestRow
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import local_time, priority_label, status_label
from operator_console.ui.common.live_rows import LiveRowsModel
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
COLUMNS = (
    ("reference", QT_TRANSLATE_NOOP("QueueTableModel", "Reference")),
    ("priority", QT_TRANSLATE_NOOP("QueueTableModel", "Priority")),
    ("service", QT_TRANSLATE_NOOP("QueueTableModel", "Category")),
    ("queue", QT_TRANSLATE_NOOP("QueueTableModel", "Queue")),
    ("address", QT_TRANSLATE_NOOP("QueueTableModel", "Address")),
    ("district", QT_TRANSLATE_NOOP("QueueTableModel", "District")),
    ("created_at", QT_TRANSLATE_NOOP("QueueTableModel", "Age")),
    ("due_at", QT_TRANSLATE_NOOP("QueueTableModel", "Due")),
    ("status", QT_TRANSLATE_NOOP("QueueTableModel", "Status")),
    ("assignee", QT_TRANSLATE_NOOP("QueueTableModel", "Assignee")),
    ("callers", QT_TRANSLATE_NOOP("QueueTableModel", "Callers")),
)
AMBER = QColor("#b45f06")
RED = QColor("#c62828")
AMBER_BACKGROUND = QColor("#fff4e0")
RED_BACKGROUND = QColor("#fde8e8")
SLA_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the row's SLA state: "on_time", "at_risk", "breached" or "no_target"."""
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SERVED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _BACKGROUND, _ALIGNMENT, int(SLA_ROLE)})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def sla_state_of(row: RequestRow, now: datetime) -> str:
    """Where `row` stands against its due date at `now` (same rule as the database filter)."""
    if row.due_at is None:
        return "no_target"
    if now > row.due_at:
        return "breached"
    if row.at_risk_at is not None and now >= row.at_risk_at:
        return "at_risk"
    return "on_time"


def span(delta: timedelta) -> str:
    """A short human duration: 3d 4h, 5h 12m, 9m."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"


class QueueTableModel(LiveRowsModel):
    """Queue rows; age and due count down on a timer (column-scoped dataChanged); the times in
    the tooltips are on the clock of `time_zone` (the city's; "" is UTC).

    Signals:
        (inherited) page_loaded(int), load_failed(str), rows_refreshed(list).
    """

    def __init__(
        self,
        reader: RequestListReader,
        runner: BackgroundRunner,
        query: ListQuery | None = None,
        page_size: int = 200,
        clock: Callable[[], datetime] | None = None,
        tick_ms: int = 30_000,
        parent: QObject | None = None,
        *,
        time_zone: str = "",
    ) -> None:
        super().__init__(reader, runner, query, page_size, parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.time_zone = time_zone
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("QueueTableModel", COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        # Called for every visible cell and role on each paint: plain ints, no enum lookups.
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        row = self.row_at(index.row())
        key = COLUMNS[index.column()][0]
        if role == _DISPLAY:
            return self._display(row, key)
        if role == SLA_ROLE:
            return sla_state_of(row, self._clock())
        if role == _TOOLTIP:
            return self._tooltip(row, key)
        if role == _FOREGROUND:
            return self._foreground(row, key) if key in ("due_at", "priority") else None
        if role == _BACKGROUND:
            if key != "due_at":
                return None
            state = sla_state_of(row, self._clock())
            return {"at_risk": AMBER_BACKGROUND, "breached": RED_BACKGROUND}.get(state)
        return _RIGHT if key in ("callers", "created_at") else None

    def _display(self, row: RequestRow, key: str) -> str:
        now = self._clock()
        if key == "created_at":
            return span(now - row.created_at)
        if key == "due_at":
            if row.due_at is None:
                return "—"
            left = row.due_at - now
            if left < timedelta(0):
                return self.tr("%1 late").replace("%1", span(left))
            return self.tr("in %1").replace("%1", span(left))
        if key == "status":
            return status_label(row.status)
        if key == "priority":
            return priority_label(row.priority)
        if key == "assignee":
            return row.assignee or "—"
        value = getattr(row, key)
        return "—" if value in (None, "") else str(value)

    def _tooltip(self, row: RequestRow, key: str) -> str | None:
        zone = self.time_zone
        if key == "created_at":
            return self.tr("Opened %1").replace("%1", local_time(row.created_at, zone))
        if key == "due_at" and row.due_at is not None:
            text = self.tr("Due %1").replace("%1", local_time(row.due_at, zone))
            if row.at_risk_at is not None:
                at_risk = local_time(row.at_risk_at, zone)
                text += "\n" + self.tr("At risk from %1").replace("%1", at_risk)
            return text
        if key in ("address", "service", "queue"):
            return self._display(row, key)
        return None

    def _foreground(self, row: RequestRow, key: str) -> QColor | None:
        if key == "priority":
            return RED if row.priority == "urgent" else None
        state = sla_state_of(row, self._clock())
        return {"at_risk": AMBER, "breached": RED}.get(state)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_by(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)

    def sort_indicator(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the rows are sorted by, for the header's indicator."""
        descending = self.query().descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return column_of(self.query().sort_key), order

    def _on_tick_timeout(self) -> None:
        if self.rowCount():
            last = self.rowCount() - 1
            age, due = column_of("created_at"), column_of("due_at")
            self.dataChanged.emit(self.index(0, age), self.index(last, due))


def column_of(key: str) -> int:
    """The column that shows `key`."""
    return [name for name, _title in COLUMNS].index(key)
