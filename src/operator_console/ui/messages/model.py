"""The Messages table's rows: when, case, kind, channel, language, to, status, attempts, error."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.ui.common.formatting import local_time
from operator_console.ui.common.message_words import (
    STATUS_COLOURS,
    channel_label,
    delivery_label,
    kind_label,
    language_name,
)

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
STATUS_COLUMN = 6
ERROR_COLUMN = 8


class MessagesModel(QAbstractTableModel):
    """Messages newest first; replaced as a whole each time the list is read."""

    def __init__(self, time_zone: str) -> None:
        super().__init__()
        self._time_zone = time_zone
        self._messages: tuple[OutboxMessage, ...] = ()
        self._headers = (
            self.tr("When"),
            self.tr("Case"),
            self.tr("Message"),
            self.tr("Channel"),
            self.tr("Language"),
            self.tr("To"),
            self.tr("Status"),
            self.tr("Attempts"),
            self.tr("Last error"),
        )

    def show(self, messages: tuple[OutboxMessage, ...]) -> None:
        self.beginResetModel()
        self._messages = messages
        self.endResetModel()

    def message_at(self, row: int) -> OutboxMessage | None:
        return self._messages[row] if 0 <= row < len(self._messages) else None

    def row_of(self, message_id: int) -> int:
        for row, message in enumerate(self._messages):
            if message.id == message_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        message = self.message_at(index.row())
        if message is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN:
            return QColor(STATUS_COLOURS.get(message.status, "#1f2933"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == STATUS_COLUMN + 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._text(message, column)

    def _text(self, message: OutboxMessage, column: int) -> str:
        values = (
            lambda: local_time(message.created_at, self._time_zone),
            lambda: message.reference or "—",
            lambda: kind_label(message.kind),
            lambda: channel_label(message.channel),
            lambda: language_name(message.language),
            lambda: message.recipient,
            lambda: delivery_label(message.status),
            lambda: str(message.attempts),
            lambda: message.last_error or "",
        )
        return values[column]()
