"""The SLA & calendars page's tables: policies, calendars and one calendar's closure days."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from operator_console.services.admin.sla.ports import CalendarSettings, ClosureDay, PolicySettings
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

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


_POLICY_COLUMNS = (
    QT_TRANSLATE_NOOP("SlaTables", "Code"),
    QT_TRANSLATE_NOOP("SlaTables", "Name"),
    QT_TRANSLATE_NOOP("SlaTables", "Clock"),
    QT_TRANSLATE_NOOP("SlaTables", "Target (hours)"),
    QT_TRANSLATE_NOOP("SlaTables", "At risk after"),
    QT_TRANSLATE_NOOP("SlaTables", "Calendar"),
    QT_TRANSLATE_NOOP("SlaTables", "Services"),
)
_CALENDAR_COLUMNS = (
    QT_TRANSLATE_NOOP("SlaTables", "Code"),
    QT_TRANSLATE_NOOP("SlaTables", "Time zone"),
    QT_TRANSLATE_NOOP("SlaTables", "Working days"),
    QT_TRANSLATE_NOOP("SlaTables", "Hours"),
    QT_TRANSLATE_NOOP("SlaTables", "Public holidays"),
    QT_TRANSLATE_NOOP("SlaTables", "Closure days"),
)
_CLOSURE_COLUMNS = (
    QT_TRANSLATE_NOOP("SlaTables", "Day"),
    QT_TRANSLATE_NOOP("SlaTables", "Why"),
)
_CLOCKS = {
    "business": QT_TRANSLATE_NOOP("SlaTables", "Working hours"),
    "calendar": QT_TRANSLATE_NOOP("SlaTables", "Around the clock"),
}
_FIRST_CALENDAR = QT_TRANSLATE_NOOP("SlaTables", "(the first)")
_NO_HOLIDAYS = QT_TRANSLATE_NOOP("SlaTables", "None")


def _columns(
    titles: Sequence[str], cells: Sequence[Callable[[RowT], str]]
) -> list[tuple[str, Callable[[RowT], str]]]:
    return [(_tr(title), cell) for title, cell in zip(titles, cells, strict=True)]


def _clock(policy: PolicySettings) -> str:
    known = _CLOCKS.get(policy.clock)
    return _tr(known) if known else policy.clock


def policy_model(parent: QWidget) -> RowsModel[PolicySettings]:
    cells: tuple[Callable[[PolicySettings], str], ...] = (
        lambda p: p.code,
        lambda p: p.name,
        _clock,
        lambda p: f"{p.target_hours:g}",
        lambda p: f"{p.at_risk_fraction:.0%}",
        lambda p: p.calendar or _tr(_FIRST_CALENDAR),
        lambda p: str(p.services),
    )
    return RowsModel[PolicySettings](_columns(_POLICY_COLUMNS, cells), parent)


def _holidays(calendar: CalendarSettings) -> str:
    if calendar.holiday_country is None:
        return _tr(_NO_HOLIDAYS)
    if calendar.holiday_subdivision is None:
        return calendar.holiday_country
    return f"{calendar.holiday_country}-{calendar.holiday_subdivision}"


def weekday_words(days: tuple[int, ...]) -> str:
    """Working days (0 is Monday) in the console's language: a run of days with a dash
    ("Mon-Fri"), others listed."""
    locale = QLocale()

    def name(day: int) -> str:
        return locale.dayName(day + 1, QLocale.FormatType.ShortFormat)

    if len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
        return f"{name(days[0])}–{name(days[-1])}"
    return ", ".join(name(day) for day in days)


def calendar_model(parent: QWidget) -> RowsModel[CalendarSettings]:
    cells: tuple[Callable[[CalendarSettings], str], ...] = (
        lambda c: c.code,
        lambda c: c.time_zone,
        lambda c: weekday_words(c.working_days),
        lambda c: f"{c.work_start}–{c.work_end}",
        _holidays,
        lambda c: str(len(c.closures)),
    )
    return RowsModel[CalendarSettings](_columns(_CALENDAR_COLUMNS, cells), parent)


def closure_model(parent: QWidget) -> RowsModel[ClosureDay]:
    cells: tuple[Callable[[ClosureDay], str], ...] = (lambda c: c.day, lambda c: c.name)
    return RowsModel[ClosureDay](_columns(_CLOSURE_COLUMNS, cells), parent)
