"""The open-requests table: pages from the database as the user scrolls, updated live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from operator_console.services.queues.request_list import ListQuery, RequestListReader, RequestRow
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.channel_words import channel_label
from operator_console.ui.common.formatting import local_time, priority_label, status_label
from operator_console.ui.queues.request_columns import (
    ALIGNMENT,
    BACKGROUND,
    DISPLAY,
    FOREGROUND,
    REQUEST_TABLE,
    RIGHT,
    TOOLTIP,
    Index,
    RequestColumnsModel,
)

_ELIDED = frozenset({"service", "address", "queue"})


class RequestTableModel(RequestColumnsModel):
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
        super().__init__(
            REQUEST_TABLE, reader, runner, ListQuery(), page_size, clock, parent, time_zone
        )

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        key = REQUEST_TABLE.keys[index.column()]
        if role == DISPLAY:
            shown = _display(row, key, self.time_zone)
            return self.with_sla_words(row, shown) if key == "due_at" else shown
        if role == TOOLTIP:
            return self._tooltip(row, key)
        if role in (FOREGROUND, BACKGROUND) and key == "due_at":
            return self.due_colour(row, role)
        if role == ALIGNMENT and key in ("callers", "calls"):
            return RIGHT
        return None

    def _tooltip(self, row: RequestRow, key: str) -> str | None:
        if key in _ELIDED:
            return _display(row, key, self.time_zone)
        if key == "due_at" and row.at_risk_at is not None:
            at_risk = local_time(row.at_risk_at, self.time_zone)
            return self.tr("At risk from %1").replace("%1", at_risk)
        return None


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
    if key == "channel":
        return channel_label(str(value))
    return str(value)


def column_of(key: str) -> int:
    """The column that shows `key`."""
    return REQUEST_TABLE.column_of(key)
