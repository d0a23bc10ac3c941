"""The cases a search found, as table rows: reference, category, status, address, dates, why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from operator_console.services.search.query import SearchHit
from operator_console.ui.common.formatting import local_time, status_label
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.common.words import shown

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_CONTEXT = "SearchHits"
COLUMNS = (
    ("reference", QT_TRANSLATE_NOOP("SearchHits", "Reference")),
    ("service", QT_TRANSLATE_NOOP("SearchHits", "Category")),
    ("status", QT_TRANSLATE_NOOP("SearchHits", "Status")),
    ("address", QT_TRANSLATE_NOOP("SearchHits", "Address")),
    ("opened", QT_TRANSLATE_NOOP("SearchHits", "Opened")),
    ("closed", QT_TRANSLATE_NOOP("SearchHits", "Closed")),
    ("why", QT_TRANSLATE_NOOP("SearchHits", "Why it matched")),
)
"""Each column's key and header."""
REQUEST_ID_ROLE = int(Qt.ItemDataRole.UserRole)
"""The case's id, on every cell of its row."""
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


class HitsModel(QAbstractTableModel):
    """The hits of the latest search, best first; times on the city's clock (`time_zone`)."""

    def __init__(self, time_zone: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.time_zone = time_zone
        self.hits: list[SearchHit] = []

    def show_hits(self, hits: Sequence[SearchHit]) -> None:
        """Replace the rows: each search is a new list."""
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return QCoreApplication.translate(_CONTEXT, COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == REQUEST_ID_ROLE:
            return hit.request_id
        if role in (_DISPLAY, _TOOLTIP):
            return self._text(hit, COLUMNS[index.column()][0])
        return None

    def _text(self, hit: SearchHit, key: str) -> str:
        if key == "reference":
            return hit.reference
        if key == "service":
            return hit.service_name
        if key == "status":
            return status_label(hit.status)
        if key == "address":
            return hit.address or "—"
        if key == "opened":
            return local_time(hit.opened_at, self.time_zone)
        if key == "closed":
            return local_time(hit.closed_at, self.time_zone) if hit.closed_at else "—"
        return shown(hit.why)
