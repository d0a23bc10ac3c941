"""The SLA & calendars page: policies, business calendars and closure days, off the Qt thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.admin.sla.actions import SlaChange, SlaSetup
from operator_console.services.admin.sla.closures import ClosureRequest
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.services.admin.sla.errors import ChangedMeanwhileError, SlaAdminError
from operator_console.services.admin.sla.ports import CalendarSettings, ClosureDay, PolicySettings
from operator_console.ui.admin.sla.dialogs import (
    CalendarDialog,
    ClosureDialog,
    PolicyDialog,
    SlaDialog,
)
from operator_console.ui.admin.sla.table_models import (
    RowsModel,
    calendar_model,
    closure_model,
    policy_model,
)
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.common.words import shown

_SPOKEN = (SlaAdminError, NotPermittedError)
RowT = TypeVar("RowT")


class SlaPage(QWidget):
    """SLA policies (Add policy…, Change policy…), business calendars (Calendar settings…) and the
    chosen calendar's closure days (Declare a closure day…, which says first how many open cases
    it makes due later, and Remove closure day). Read again whenever any console changes the
    configuration."""

    def __init__(
        self,
        desk: SlaDesk,
        runner: BackgroundRunner,
        config_bus: ConfigBus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slaPage")
        self._desk = desk
        self._runner = runner
        self.setup = SlaSetup((), ())
        self._read_once = False
        self.dialog: SlaDialog | None = None
        self.question: QMessageBox | None = None
        title = QLabel(self.tr("SLA policies & calendars"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.notice = QLabel(self)
        self.notice.setObjectName("slaNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #1b5e20; font-weight: 600;")
        self.notice.hide()
        self.problem = ProblemLine(self)
        self.policies = policy_model(self)
        self.calendars = calendar_model(self)
        self.closures = closure_model(self)
        self.policy_table = self._table("slaPolicyTable", self.tr("SLA policies"), self.policies)
        self.calendar_table = self._table(
            "slaCalendarTable", self.tr("Business calendars"), self.calendars
        )
        self.closure_table = self._table(
            "slaClosureTable", self.tr("Closure days of the chosen calendar"), self.closures
        )
        self.add_policy_button = QPushButton(self.tr("&Add policy…"), self)
        self.edit_policy_button = QPushButton(self.tr("&Change policy…"), self)
        self.calendar_button = QPushButton(self.tr("Ca&lendar settings…"), self)
        self.declare_button = QPushButton(self.tr("&Declare a closure day…"), self)
        self.declare_button.setObjectName("declareClosureButton")
        self.remove_button = QPushButton(self.tr("&Remove closure day…"), self)
        self.no_closure = QLabel(
            self.tr(
                "No closure day. When the city closes (a snow day), declare it here: the open "
                "cases it touches become due later."
            ),
            self,
        )
        self.no_closure.setObjectName("slaNoClosure")
        self.no_closure.setWordWrap(True)
        self.no_closure.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addWidget(self.problem)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(
            self._group(
                self.tr("SLA policies"),
                self.policy_table,
                (self.add_policy_button, self.edit_policy_button),
            )
        )
        calendars = QWidget(self)
        row = QHBoxLayout(calendars)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(
            self._group(
                self.tr("Business calendars"), self.calendar_table, (self.calendar_button,)
            ),
            3,
        )
        closures = self._group(
            self.tr("Closure days"), self.closure_table, (self.declare_button, self.remove_button)
        )
        closure_column = closures.layout()
        assert isinstance(closure_column, QVBoxLayout)
        closure_column.insertWidget(1, self.no_closure)
        row.addWidget(closures, 2)
        splitter.addWidget(calendars)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.add_policy_button.clicked.connect(self.ask_to_add_policy)
        self.edit_policy_button.clicked.connect(self.ask_to_change_policy)
        self.calendar_button.clicked.connect(self.ask_calendar)
        self.declare_button.clicked.connect(self.ask_to_declare)
        self.remove_button.clicked.connect(self.ask_to_remove)
        self.policy_table.activated.connect(lambda _index: self.ask_to_change_policy())
        self.calendar_table.activated.connect(lambda _index: self.ask_calendar())
        for table in (self.policy_table, self.closure_table):
            table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.calendar_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_closures()
        )
        config_bus.changed.connect(lambda _kind: self.refresh())
        self._add_key("Ctrl+N", self.tr("Add an SLA policy"), self.ask_to_add_policy)
        self._add_key("Ctrl+D", self.tr("Declare a closure day"), self.ask_to_declare)
        self._update_buttons()

    def _table(self, name: str, accessible: str, model: RowsModel[Any]) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.setMinimumHeight(60)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _group(self, title: str, table: QTableView, buttons: tuple[QPushButton, ...]) -> QGroupBox:
        group = QGroupBox(title, self)
        column = QVBoxLayout(group)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(table, 1)
        return group

    def _add_key(self, keys: str, text: str, slot: Callable[[], None]) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This page's keys and what they do (the Help dialog lists them)."""
        return [
            ("Ctrl+N", self.tr("Add an SLA policy")),
            ("Return", self.tr("Change the selected policy, or the selected calendar")),
            ("Ctrl+D", self.tr("Declare a closure day on the selected calendar")),
        ]

    def refresh(self) -> None:
        """Read the policies and calendars again."""
        self._runner.submit_latest("setup", self._desk.setup, self._show, self._unread, self)

    def loaded(self) -> bool:
        """True once the policies and calendars have been read."""
        return self._read_once

    def selected_policy(self) -> PolicySettings | None:
        return _chosen(self.policy_table, self.policies)

    def selected_calendar(self) -> CalendarSettings | None:
        return _chosen(self.calendar_table, self.calendars)

    def selected_closure(self) -> ClosureDay | None:
        return _chosen(self.closure_table, self.closures)

    def ask_to_add_policy(self) -> None:
        self._open(
            PolicyDialog(None, self._calendar_codes(), self),
            lambda policy: lambda: self._desk.add_policy(policy),
        )

    def ask_to_change_policy(self) -> None:
        policy = self.selected_policy()
        if policy is not None:
            self._open(
                PolicyDialog(policy, self._calendar_codes(), self),
                lambda edit: lambda: self._desk.change_policy(edit),
            )

    def ask_calendar(self) -> None:
        calendar = self.selected_calendar()
        if calendar is not None:
            self._open(
                CalendarDialog(calendar, self),
                lambda edit: lambda: self._desk.change_calendar(edit),
            )

    def ask_to_declare(self) -> None:
        calendar = self.selected_calendar()
        if calendar is None:
            return
        dialog = ClosureDialog(calendar.code, self)

        def count(asked: ClosureRequest) -> None:
            self._runner.submit(
                lambda: self._desk.preview_closure(asked),
                lambda found: dialog.show_preview(asked, found),
                lambda error: self._refuse_in(dialog, error),
                owner=dialog,
            )

        dialog.preview_wanted.connect(count)
        self._open(dialog, lambda asked: lambda: self._desk.declare_closure(asked))

    def ask_to_remove(self) -> None:
        calendar, closure = self.selected_calendar(), self.selected_closure()
        if calendar is None or closure is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove the closure day?"))
        box.setText(
            self.tr("Open %1 (%2) again on %3?")
            .replace("%1", closure.day)
            .replace("%2", closure.name)
            .replace("%3", calendar.code)
        )
        box.setInformativeText(
            self.tr("The open cases it made due later become due earlier again.")
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(remove)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        request = ClosureRequest(calendar.code, closure.day)

        def answered(_result: int) -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() is remove:
                self._runner.submit(
                    lambda: self._desk.remove_closure(request),
                    self._on_saved,
                    self._on_refused,
                    owner=self,
                )

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _open(self, dialog: SlaDialog, work_for: Callable[[Any], Callable[[], Any]]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(change: SlaChange) -> None:
            dialog.saved()
            self._on_saved(change)

        dialog.submitted.connect(
            lambda asked: self._runner.submit(
                work_for(asked), done, lambda error: self._refuse_in(dialog, error), dialog
            )
        )
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _refuse_in(self, dialog: SlaDialog, error: BaseException) -> None:
        field = error.field if isinstance(error, SlaAdminError) else ""
        dialog.refuse(reason_for(error, _SPOKEN), field)
        if isinstance(error, ChangedMeanwhileError):
            self.refresh()

    def _show(self, setup: SlaSetup) -> None:
        self.problem.resolve("setup")
        self._read_once = True
        policy, calendar = self.selected_policy(), self.selected_calendar()
        self.setup = setup
        self.policies.set_rows(setup.policies)
        self.calendars.set_rows(setup.calendars)
        _select(
            self.policy_table, self.policies, lambda p: policy is not None and p.code == policy.code
        )
        wanted = (
            calendar.code if calendar else (setup.calendars[0].code if setup.calendars else None)
        )
        _select(self.calendar_table, self.calendars, lambda c: c.code == wanted)
        self._show_closures()

    def _unread(self, error: BaseException) -> None:
        self.problem.report_error(
            "setup", self.tr("Could not read the SLA policies: %1"), error, self.refresh, _SPOKEN
        )

    def _show_closures(self) -> None:
        calendar = self.selected_calendar()
        self.closures.set_rows(calendar.closures if calendar else ())
        self.no_closure.setVisible(calendar is not None and not calendar.closures)
        self._update_buttons()

    def _on_saved(self, change: SlaChange) -> None:
        self.problem.resolve("change")
        self.notice.setText(shown(change.summary))
        self.notice.show()
        self.refresh()

    def _on_refused(self, error: BaseException) -> None:
        self.notice.hide()
        self.problem.report_error(
            "change", self.tr("Nothing was changed: %1"), error, None, _SPOKEN
        )
        if isinstance(error, SlaAdminError):
            self.refresh()

    def _update_buttons(self) -> None:
        self.edit_policy_button.setEnabled(self.selected_policy() is not None)
        has_calendar = self.selected_calendar() is not None
        self.calendar_button.setEnabled(has_calendar)
        self.declare_button.setEnabled(has_calendar)
        self.remove_button.setEnabled(has_calendar and self.selected_closure() is not None)

    def _calendar_codes(self) -> tuple[str, ...]:
        return tuple(calendar.code for calendar in self.setup.calendars)


def _chosen(table: QTableView, model: RowsModel[RowT]) -> RowT | None:
    rows = table.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def _select(table: QTableView, model: RowsModel[RowT], wanted: Callable[[RowT], bool]) -> None:
    for number, row in enumerate(model.rows()):
        if wanted(row):
            table.selectionModel().select(
                model.index(number, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            table.setCurrentIndex(model.index(number, 0))
            return
