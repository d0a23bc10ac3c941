"""The list of queues a person works, each with live counts of its open requests."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from operator_console.services.queues.directory import QueueSummary
from operator_console.ui.common.formatting import whole_number
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("QueueSummaryModel", "Queue")),
    ("open", QT_TRANSLATE_NOOP("QueueSummaryModel", "Open")),
    ("unassigned", QT_TRANSLATE_NOOP("QueueSummaryModel", "Unassigned")),
    ("at_risk", QT_TRANSLATE_NOOP("QueueSummaryModel", "At risk")),
    ("overdue", QT_TRANSLATE_NOOP("QueueSummaryModel", "Overdue")),
)
_TOOLTIPS = {
    "": QT_TRANSLATE_NOOP("QueueSummaryModel", "%1 — %2"),
    "team": QT_TRANSLATE_NOOP("QueueSummaryModel", "%1 — %2 (team)"),
    "crew": QT_TRANSLATE_NOOP("QueueSummaryModel", "%1 — %2 (crew)"),
}
"""A queue's tooltip: its department and name, and whether it is a team or a crew."""
QUEUE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_COLOURS = {"at_risk": QColor("#b45f06"), "overdue": QColor("#c62828")}


class QueueSummaryModel(QAbstractTableModel):
    """Queues grouped by department (department in the tooltip and a second display line).

    New counts for the same queues are a ranged dataChanged over the count columns.

    Signals:
        (none beyond QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queues: list[QueueSummary] = []

    def summaries(self) -> list[QueueSummary]:
        return list(self._queues)

    def queue_ids(self) -> list[int]:
        return [q.id for q in self._queues]

    def set_summaries(self, summaries: list[QueueSummary]) -> None:
        """Show `summaries`; for the same queues only the changed counts repaint."""
        if [q.id for q in summaries] == self.queue_ids():
            changed = [
                n for n, (a, b) in enumerate(zip(self._queues, summaries, strict=True)) if a != b
            ]
            self._queues = list(summaries)
            if changed:
                self.dataChanged.emit(
                    self.index(min(changed), 1), self.index(max(changed), len(COLUMNS) - 1)
                )
            return
        self.beginResetModel()
        self._queues = list(summaries)
        self.endResetModel()

    def update_counts(self, summaries: list[QueueSummary]) -> None:
        """Fresh counts for some of the queues shown."""
        fresh = {q.id: q for q in summaries}
        self.set_summaries([fresh.get(q.id, q) for q in self._queues])

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._queues)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("QueueSummaryModel", COLUMNS[section][1])
        if role == Qt.ItemDataRole.TextAlignmentRole and section:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        queue = self._queues[index.row()]
        key = COLUMNS[index.column()][0]
        value = getattr(queue, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return queue.name
            return whole_number(value)
        if role == QUEUE_ID_ROLE:
            return queue.id
        if role == Qt.ItemDataRole.ToolTipRole and key == "name":
            tooltip = _TOOLTIPS.get(queue.kind, _TOOLTIPS[""])
            shown = QCoreApplication.translate("QueueSummaryModel", tooltip)
            return shown.replace("%1", queue.department).replace("%2", queue.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "name":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key in _COLOURS and value:
            return _COLOURS[key]
        if role == Qt.ItemDataRole.FontRole and key in _COLOURS and value:
            font = QFont()
            font.setBold(True)
            return font
        return None
