"""The routing rules table: rule, service or group, district, queue, priority, rank, note."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from operator_console.services.admin.routing.ports import RoutingRuleRow
from operator_console.ui.common.formatting import priority_label
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_HEADERS = (
    QT_TRANSLATE_NOOP("RoutingTable", "Rule"),
    QT_TRANSLATE_NOOP("RoutingTable", "Service or group"),
    QT_TRANSLATE_NOOP("RoutingTable", "District"),
    QT_TRANSLATE_NOOP("RoutingTable", "Queue"),
    QT_TRANSLATE_NOOP("RoutingTable", "Priority"),
    QT_TRANSLATE_NOOP("RoutingTable", "Rank"),
    QT_TRANSLATE_NOOP("RoutingTable", "Note"),
)
NOTE_COLUMN = 6
_ANY_SERVICE = QT_TRANSLATE_NOOP("RoutingTable", "Any service")
_ANY_DISTRICT = QT_TRANSLATE_NOOP("RoutingTable", "Any district")
_GROUP = QT_TRANSLATE_NOOP("RoutingTable", "Group: %1")
_OWN_PRIORITY = QT_TRANSLATE_NOOP("RoutingTable", "Service's own")

Index = QModelIndex | QPersistentModelIndex


class RoutingRulesModel(QAbstractTableModel):
    """One row per routing rule, in the order given (by service, district and rank)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules: list[RoutingRuleRow] = []

    def set_rules(self, rules: list[RoutingRuleRow]) -> None:
        self.beginResetModel()
        self._rules = list(rules)
        self.endResetModel()

    @property
    def rules(self) -> list[RoutingRuleRow]:
        return list(self._rules)

    def rule_at(self, row: int) -> RoutingRuleRow:
        return self._rules[row]

    def row_of(self, rule_id: int) -> int | None:
        for row, rule in enumerate(self._rules):
            if rule.id == rule_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RoutingTable", _HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        rule = self._rules[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(rule, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTE_COLUMN:
            return rule.target.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def cell_text(rule: RoutingRuleRow, column: int) -> str:
    target = rule.target
    if column == 0:
        return str(rule.id)
    if column == 1:
        return service_words(rule)
    if column == 2:
        if target.district is None:
            return QCoreApplication.translate("RoutingTable", _ANY_DISTRICT)
        return rule.district_name or target.district.code
    if column == 3:
        return rule.queue_name or target.queue_code
    if column == 4:
        if target.priority:
            return priority_label(target.priority)
        return QCoreApplication.translate("RoutingTable", _OWN_PRIORITY)
    if column == 5:
        return str(target.rank)
    return target.note


def service_words(rule: RoutingRuleRow) -> str:
    """The requests a rule takes, as the table names them."""
    target = rule.target
    if target.service_code is not None:
        return rule.service_name or target.service_code
    if target.service_group is not None:
        return QCoreApplication.translate("RoutingTable", _GROUP).replace(
            "%1", target.service_group
        )
    return QCoreApplication.translate("RoutingTable", _ANY_SERVICE)
