"""The staff table: login, name, role, e-mail, whether they may sign in, their queues."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from operator_console.services.staff.ports import StaffMember
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_HEADERS = (
    QT_TRANSLATE_NOOP("StaffTable", "Login"),
    QT_TRANSLATE_NOOP("StaffTable", "Name"),
    QT_TRANSLATE_NOOP("StaffTable", "Role"),
    QT_TRANSLATE_NOOP("StaffTable", "E-mail"),
    QT_TRANSLATE_NOOP("StaffTable", "Sign-in"),
    QT_TRANSLATE_NOOP("StaffTable", "Queues"),
)
_ACTIVE = QT_TRANSLATE_NOOP("StaffTable", "Active")
_DISABLED_WORD = QT_TRANSLATE_NOOP("StaffTable", "Disabled")
_NO_LOGIN = QT_TRANSLATE_NOOP("StaffTable", "No login")
_ROLES = {
    "operator": QT_TRANSLATE_NOOP("StaffTable", "Operator"),
    "dispatcher": QT_TRANSLATE_NOOP("StaffTable", "Dispatcher"),
    "supervisor": QT_TRANSLATE_NOOP("StaffTable", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("StaffTable", "Admin"),
}
NAME_COLUMN = 1
QUEUES_COLUMN = 5
_DISABLED = QColor("#8a8a8a")

Index = QModelIndex | QPersistentModelIndex


class StaffTableModel(QAbstractTableModel):
    """One row per staff member, in the order given (by login)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[StaffMember] = []

    def set_members(self, members: list[StaffMember]) -> None:
        self.beginResetModel()
        self._members = list(members)
        self.endResetModel()

    def member_at(self, row: int) -> StaffMember:
        return self._members[row]

    def row_of(self, login: str) -> int | None:
        for row, member in enumerate(self._members):
            if member.login == login:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("StaffTable", _HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        member = self._members[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(member, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not member.active:
            return _DISABLED
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == QUEUES_COLUMN:
            return "\n".join((*member.departments, "", *member.queues))
        return None

    def _text(self, member: StaffMember, column: int) -> str:
        if column == 0:
            return member.login
        if column == NAME_COLUMN:
            return member.display_name
        if column == 2:
            return role_label(member.role)
        if column == 3:
            return member.email or ""
        if column == 4:
            return QCoreApplication.translate("StaffTable", sign_in_word(member))
        if not member.queues:
            return "0"
        return f"{len(member.queues)} · {', '.join(member.departments or member.queues)}"


def role_label(role: str) -> str:
    """A role as the screen names it."""
    words = _ROLES.get(role)
    return QCoreApplication.translate("StaffTable", words) if words else role


def sign_in_word(member: StaffMember) -> str:
    """Whether the person may sign in: disabled, without a database login, or active."""
    if not member.active:
        return _DISABLED_WORD
    return _ACTIVE if member.has_login else _NO_LOGIN
