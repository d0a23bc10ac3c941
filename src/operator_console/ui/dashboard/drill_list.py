"""The cases behind a click: a list that says what it shows; Enter or a double click opens one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from operator_console.services.dashboard.model import DrillResult
from operator_console.services.exports.table import Table
from operator_console.ui.common.formatting import (
    city_zone,
    local_time,
    status_label,
    whole_number,
)
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.dashboard.table_model import TableModel

HEADER = (
    QT_TRANSLATE_NOOP("DrillList", "Reference"),
    QT_TRANSLATE_NOOP("DrillList", "Status"),
    QT_TRANSLATE_NOOP("DrillList", "Category"),
    QT_TRANSLATE_NOOP("DrillList", "Address"),
    QT_TRANSLATE_NOOP("DrillList", "Created"),
    QT_TRANSLATE_NOOP("DrillList", "Resolved"),
)


class DrillList(QWidget):
    """Signals:
    case_opened(int): the person opened this request (Enter or a double click)."""

    case_opened = Signal(int)

    def __init__(self, time_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardDrillList")
        self._zone = city_zone(time_zone)
        self._time_zone = time_zone
        self._exported = Table("", (), ())
        self.heading = QLabel(self.tr("Click a bar, a point or a district to list its cases."))
        self.heading.setObjectName("drillHeading")
        self.model = TableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("drillCases")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAccessibleName(self.tr("Cases behind the chosen figure"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._on_activated)

    def show_cases(self, words: str, result: DrillResult) -> None:
        if result.total > len(result.rows):
            text = self.tr("%1: %2 cases, the newest %3 listed")
            text = text.replace("%3", whole_number(len(result.rows)))
        else:
            text = self.tr("%1: %2 cases")
        self.heading.setText(text.replace("%1", words).replace("%2", whole_number(result.total)))
        header = tuple(self.tr(words) for words in HEADER)
        self._exported = Table(words, header, self._rows(result, self._plain_time))
        shown = Table(words, header, self._rows(result, self._local_time))
        self.model.show_table(shown, [row.request_id for row in result.rows])
        self.view.resizeColumnsToContents()
        if result.rows:
            self.view.selectRow(0)

    def current_table(self) -> Table:
        """The cases listed, their times as an export writes them ("2026-12-08 14:30")."""
        return self._exported

    def _rows(
        self, result: DrillResult, written: Callable[[datetime], str]
    ) -> tuple[tuple[str, ...], ...]:
        return tuple(
            (
                row.reference,
                status_label(row.status),
                row.category,
                row.address,
                written(row.created_at),
                "" if row.resolved_at is None else written(row.resolved_at),
            )
            for row in result.rows
        )

    def _plain_time(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")

    def _local_time(self, moment: datetime) -> str:
        return local_time(moment, self._time_zone)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        self.case_opened.emit(int(self.model.keys[index.row()]))
