"""The queue table: requests of the chosen queues with an SLA countdown, updated live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QColor

from operator_console.services.queues.request_list import ListQuery, RequestListReader, RequestRow
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.channel_words import channel_label
from operator_console.ui.common.formatting import local_time, priority_label, status_label
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.queues.request_columns import (
    ALIGNMENT,
    BACKGROUND,
    DISPLAY,
    FOREGROUND,
    QUEUE_TABLE,
    RED,
    RIGHT,
    TOOLTIP,
    Index,
    RequestColumnsModel,
)

SLA_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the row's SLA state: "on_time", "at_risk", "breached" or "no_target"."""
_SERVED_ROLES = frozenset({DISPLAY, TOOLTIP, FOREGROUND, BACKGROUND, ALIGNMENT, int(SLA_ROLE)})

_SPAN_DAYS = QT_TRANSLATE_NOOP("QueueTableModel", "%1d %2h")
_SPAN_HOURS = QT_TRANSLATE_NOOP("QueueTableModel", "%1h %2m")
_SPAN_MINUTES = QT_TRANSLATE_NOOP("QueueTableModel", "%1m")


def span(delta: timedelta) -> str:
    """A short human duration in the console's language: 3d 4h, 5h 12m, 9m."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    values: tuple[str, ...]
    if days:
        text, values = _SPAN_DAYS, (str(days), str(hours))
    elif hours:
        text, values = _SPAN_HOURS, (str(hours), f"{minutes:02d}")
    else:
        text, values = _SPAN_MINUTES, (str(minutes),)
    shown = QCoreApplication.translate("QueueTableModel", text)
    for place, value in enumerate(values, start=1):
        shown = shown.replace(f"%{place}", value)
    return shown


class QueueTableModel(RequestColumnsModel):
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
        super().__init__(QUEUE_TABLE, reader, runner, query, page_size, clock, parent, time_zone)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()

    def data(self, index: Index, role: int = DISPLAY) -> object:
        # Called for every visible cell and role on each paint: plain ints, no enum lookups.
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        row = self.row_at(index.row())
        key = QUEUE_TABLE.keys[index.column()]
        if role == DISPLAY:
            return self._display(row, key)
        if role == SLA_ROLE:
            return self.sla_state(row)
        if role == TOOLTIP:
            return self._tooltip(row, key)
        if role == FOREGROUND:
            return self._foreground(row, key) if key in ("due_at", "priority") else None
        if role == BACKGROUND:
            return self.due_colour(row, role) if key == "due_at" else None
        return RIGHT if key in ("callers", "calls", "created_at") else None

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
            return self.with_sla_words(row, self.tr("in %1").replace("%1", span(left)))
        if key == "status":
            return status_label(row.status)
        if key == "priority":
            return priority_label(row.priority)
        if key == "assignee":
            return row.assignee or "—"
        if key == "channel":
            return channel_label(row.channel)
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
        return self.due_colour(row, FOREGROUND)

    def _on_tick_timeout(self) -> None:
        if self.rowCount():
            last = self.rowCount() - 1
            age, due = column_of("created_at"), column_of("due_at")
            self.dataChanged.emit(self.index(0, age), self.index(last, due))


def column_of(key: str) -> int:
    """The column that shows `key`."""
    return QUEUE_TABLE.column_of(key)
