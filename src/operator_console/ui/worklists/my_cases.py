"""The "My cases" section: my open cases, then my resolved and closed ones, live."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.changes import ChangeBatch
from operator_console.services.queues.request_list import RequestListReader
from operator_console.services.worklists.desk import WorklistDesk
from operator_console.services.worklists.my_cases import my_closed_cases, my_open_cases
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.empty_note import EmptyNote
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.worklists.my_cases_model import MyCasesModel

_WIDTHS = (108, 124, 62, 78, 120, 160)
"""Pixels of each column at first: the reference, due time, priority and status whole."""
_ADDRESS = 5


class MyCasesSection(QWidget):
    """The cases assigned to the person at the console: open ones (due first) over resolved
    and closed ones (newest first). A case assigned to them elsewhere appears, one reassigned
    away disappears, as the change feed tells. Enter or a double-click opens a case.

    Signals:
        case_opened(int): the id of a case to open.
    """

    case_opened = Signal(int)

    def __init__(
        self,
        desk: WorklistDesk,
        reader: RequestListReader,
        runner: BackgroundRunner,
        time_zone: str,
        problem: ProblemLine,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._problem = problem
        self.staff_id: int | None = None
        self.open_model = MyCasesModel(reader, runner, my_open_cases(0), time_zone, self)
        self.closed_model = MyCasesModel(reader, runner, my_closed_cases(0), time_zone, self)
        self.open_table = self._table("myOpenCases", self.tr("My open cases"), self.open_model)
        self.closed_table = self._table(
            "myClosedCases", self.tr("My resolved and closed cases"), self.closed_model
        )
        EmptyNote(self.open_table, self.open_model, self.tr("No open case is assigned to you."))
        EmptyNote(self.closed_table, self.closed_model, self.tr("None resolved or closed yet."))
        self.note = QLabel(self)
        self.note.setObjectName("myCasesNote")
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.open_title = self._title(self.tr("<b>My &open cases</b>"), self.open_table)
        self.closed_title = self._title(self.tr("Resolved and c&losed"), self.closed_table)
        layout.addWidget(self.open_title)
        layout.addWidget(self.note)
        layout.addWidget(self.open_table, 3)
        layout.addWidget(self.closed_title)
        layout.addWidget(self.closed_table, 2)
        for model in (self.open_model, self.closed_model):
            model.load_failed.connect(self._on_load_failed)
            model.page_loaded.connect(lambda _rows: self._problem.resolve("my-cases"))

    def refresh(self) -> None:
        """Find who I am among the staff, then read my cases."""
        self._runner.submit_latest(
            "my-staff-id", self._desk.my_staff_id, self._on_staff_id, self._on_failed, owner=self
        )

    def on_requests_changed(self, batch: ChangeBatch) -> None:
        for model in (self.open_model, self.closed_model):
            if model.started:
                model.apply_changes(batch)

    def _on_staff_id(self, staff_id: int | None) -> None:
        self._problem.resolve("my-cases")
        self.staff_id = staff_id
        self.note.setVisible(staff_id is None)
        if staff_id is None:
            self.note.setText(
                self.tr("You are not on the staff list, so no case can be assigned to you.")
            )
            return
        self.open_model.reload(my_open_cases(staff_id))
        self.closed_model.reload(my_closed_cases(staff_id))

    def _on_failed(self, error: BaseException) -> None:
        self._problem.report_error(
            "my-cases", self.tr("Could not read your cases: %1"), error, self.refresh
        )

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        text = self.tr("Could not read your cases: %1").replace("%1", message)
        self._problem.report("my-cases", text, self.refresh)

    def _table(self, name: str, accessible: str, model: MyCasesModel) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(_ADDRESS, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda index, m=model: self._open(m, index))
        return table

    def _title(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _open(self, model: MyCasesModel, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(model.row_at(index.row()).id)
