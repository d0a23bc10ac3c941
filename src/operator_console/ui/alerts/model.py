"""The alert list's rows: when, which case, what happened, whose department."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from operator_console.services.escalation.alerts import Alert
from operator_console.ui.common.formatting import local_time
from operator_console.ui.common.words import shown

_Index = QModelIndex | QPersistentModelIndex


class AlertsModel(QAbstractTableModel):
    """Open alerts, newest first; replaced as a whole when the list is read again."""

    def __init__(self, time_zone: str) -> None:
        super().__init__()
        self._time_zone = time_zone
        self._alerts: list[Alert] = []
        self._headers = (
            self.tr("When"),
            self.tr("Case"),
            self.tr("Alert"),
            self.tr("Department"),
        )

    def show(self, alerts: list[Alert]) -> None:
        self.beginResetModel()
        self._alerts = list(alerts)
        self.endResetModel()

    def alert_at(self, row: int) -> Alert | None:
        return self._alerts[row] if 0 <= row < len(self._alerts) else None

    def row_of(self, alert_id: int) -> int:
        for row, alert in enumerate(self._alerts):
            if alert.id == alert_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._alerts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        alert = self.alert_at(index.row())
        if alert is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return local_time(alert.created_at, self._time_zone)
        if column == 1:
            return alert.reference
        if column == 2:
            return shown(alert.words)
        return alert.department or self.tr("no department")
