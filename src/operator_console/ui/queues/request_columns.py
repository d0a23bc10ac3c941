"""The request tables' columns and what both tables share: headers, sorting, SLA colours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from operator_console.domain.sla import RequestSlaState, sla_state_at
from operator_console.services.queues.request_list import ListQuery, RequestListReader, RequestRow
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.live_rows import LiveRowsModel
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HEADERS = {
    "reference": QT_TRANSLATE_NOOP("RequestColumns", "Reference"),
    "priority": QT_TRANSLATE_NOOP("RequestColumns", "Priority"),
    "service": QT_TRANSLATE_NOOP("RequestColumns", "Category"),
    "queue": QT_TRANSLATE_NOOP("RequestColumns", "Queue"),
    "address": QT_TRANSLATE_NOOP("RequestColumns", "Address"),
    "district": QT_TRANSLATE_NOOP("RequestColumns", "District"),
    "due_at": QT_TRANSLATE_NOOP("RequestColumns", "Due"),
    "status": QT_TRANSLATE_NOOP("RequestColumns", "Status"),
    "assignee": QT_TRANSLATE_NOOP("RequestColumns", "Assignee"),
    "callers": QT_TRANSLATE_NOOP("RequestColumns", "Callers"),
    "calls": QT_TRANSLATE_NOOP("RequestColumns", "Calls"),
    "channel": QT_TRANSLATE_NOOP("RequestColumns", "Channel"),
}
"""The header of each `RequestRow` field a table can show, but the opening time."""
AMBER = QColor("#b45f06")
RED = QColor("#c62828")
AMBER_BACKGROUND = QColor("#fff4e0")
RED_BACKGROUND = QColor("#fde8e8")
# The data roles as plain ints: data() is called for every visible cell and role on each paint.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DUE_COLOURS = {
    FOREGROUND: {"at_risk": AMBER, "breached": RED},
    BACKGROUND: {"at_risk": AMBER_BACKGROUND, "breached": RED_BACKGROUND},
}


@dataclass(frozen=True)
class Columns:
    """A table's columns, in order, by the `RequestRow` field each shows.

    Attributes:
        keys: the fields (also the database's sort keys).
        opened_header: the header of `created_at`, which one table shows as an age.
    """

    keys: tuple[str, ...]
    opened_header: str

    def header(self, column: int) -> str:
        key = self.keys[column]
        words = self.opened_header if key == "created_at" else HEADERS[key]
        return QCoreApplication.translate("RequestColumns", words)

    def column_of(self, key: str) -> int:
        """The column that shows `key`."""
        return self.keys.index(key)


def _columns(keys: str, opened_header: str) -> Columns:
    return Columns(tuple(keys.split()), opened_header)


QUEUE_TABLE = _columns(
    "reference priority service queue address district created_at due_at status assignee"
    " callers calls channel",
    QT_TRANSLATE_NOOP("RequestColumns", "Age"),
)
"""The queue and triage tables: the age and the time left count down."""
REQUEST_TABLE = _columns(
    "reference priority service address district created_at due_at status queue callers calls"
    " channel",
    QT_TRANSLATE_NOOP("RequestColumns", "Opened"),
)
"""The open-requests table: the times as they are."""


class RequestColumnsModel(LiveRowsModel):
    """Requests in `columns`, sorted by the database; the due date coloured by its SLA state at
    the model's clock; times on the clock of `time_zone` (the city's; "" is UTC).

    Signals:
        (inherited) page_loaded(int), load_failed(str), rows_refreshed(list).
    """

    def __init__(
        self,
        columns: Columns,
        reader: RequestListReader,
        runner: BackgroundRunner,
        query: ListQuery | None,
        page_size: int,
        clock: Callable[[], datetime] | None,
        parent: QObject | None,
        time_zone: str,
    ) -> None:
        super().__init__(reader, runner, query, page_size, parent)
        self.columns = columns
        self._clock = clock or (lambda: datetime.now(UTC))
        self.time_zone = time_zone

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns.keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.columns.header(section)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_by(self.columns.keys[column], order == Qt.SortOrder.DescendingOrder)

    def sort_indicator(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the rows are sorted by, for the header's indicator."""
        descending = self.query().descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return self.columns.column_of(self.query().sort_key), order

    def sla_state(self, row: RequestRow) -> RequestSlaState:
        """Where `row` stands against its due date now (as the SLA filters see it)."""
        return sla_state_at(row.due_at, row.at_risk_at, self._clock())

    def due_colour(self, row: RequestRow, role: int) -> QColor | None:
        """The colour of the due date for `role` (foreground or background): amber at risk,
        red breached."""
        return _DUE_COLOURS[role].get(self.sla_state(row))

    def with_sla_words(self, row: RequestRow, text: str) -> str:
        """`text` with the SLA state in words wherever its colour shows one (not colour alone)."""
        words = _SLA_WORDS.get(self.sla_state(row))
        return (
            QCoreApplication.translate("RequestColumns", words).replace("%1", text)
            if words
            else text
        )


_SLA_WORDS = {
    "at_risk": QT_TRANSLATE_NOOP("RequestColumns", "%1 · at risk"),
    "breached": QT_TRANSLATE_NOOP("RequestColumns", "%1 · late"),
}
