"""The SLA & calendars page's tables: policies, calendars and one calendar's closure days."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from operator_console.services.admin.sla.ports import CalendarSettings, ClosureDay, PolicySettings
from operator_console.services.admin.sla.rules import weekday_words

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("SlaTables", text)


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """Read-only rows of one kind, a column per (title, cell text) pair."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[RowT], str]]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self._columns[index.column()][1](self._rows[index.row()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None


def _clock(policy: PolicySettings) -> str:
    return _tr("Working hours") if policy.clock == "business" else _tr("Around the clock")


def policy_model(parent: QWidget) -> RowsModel[PolicySettings]:
    return RowsModel[PolicySettings](
        [
            (_tr("Code"), lambda p: p.code),
            (_tr("Name"), lambda p: p.name),
            (_tr("Clock"), _clock),
            (_tr("Target (hours)"), lambda p: f"{p.target_hours:g}"),
            (_tr("At risk after"), lambda p: f"{p.at_risk_fraction:.0%}"),
            (_tr("Calendar"), lambda p: p.calendar or _tr("(the first)")),
            (_tr("Services"), lambda p: str(p.services)),
        ],
        parent,
    )


def _holidays(calendar: CalendarSettings) -> str:
    if calendar.holiday_country is None:
        return _tr("None")
    if calendar.holiday_subdivision is None:
        return calendar.holiday_country
    return f"{calendar.holiday_country}-{calendar.holiday_subdivision}"


def calendar_model(parent: QWidget) -> RowsModel[CalendarSettings]:
    return RowsModel[CalendarSettings](
        [
            (_tr("Code"), lambda c: c.code),
            (_tr("Time zone"), lambda c: c.time_zone),
            (_tr("Working days"), lambda c: weekday_words(c.working_days)),
            (_tr("Hours"), lambda c: f"{c.work_start}–{c.work_end}"),
            (_tr("Public holidays"), _holidays),
            (_tr("Closure days"), lambda c: str(len(c.closures))),
        ],
        parent,
    )


def closure_model(parent: QWidget) -> RowsModel[ClosureDay]:
    return RowsModel[ClosureDay](
        [(_tr("Day"), lambda c: c.day), (_tr("Why"), lambda c: c.name)], parent
    )
