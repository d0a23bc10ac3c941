"""The Staff screen: the table of staff and what an admin does to them, off the Qt thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.staff.actions import StaffChange, StaffDirectory
from operator_console.services.staff.desk import StaffDesk
from operator_console.services.staff.errors import StaffAdminError
from operator_console.services.staff.ports import StaffMember
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.common.words import shown
from operator_console.ui.staff.dialogs import (
    AddStaffDialog,
    ChangeRoleDialog,
    QueuesDialog,
    SetPasswordDialog,
    StaffDialog,
)
from operator_console.ui.staff.table_model import QUEUES_COLUMN, StaffTableModel

_SPOKEN = (StaffAdminError, NotPermittedError)


class StaffPanel(QWidget):
    """Everyone on the staff; Add…, Change role…, Queues…, Set password… (where staff sign in
    with a database login of their own), Disable or Enable the selected one.

    Each step runs through the desk on the background runner; a refusal stays in the dialog
    that asked (or, for disabling and enabling, on the problem line), and what was done is
    said above the table.

    """

    def __init__(self, desk: StaffDesk, runner: BackgroundRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self.directory = StaffDirectory((), (), False)
        self.dialog: StaffDialog | None = None
        self.question: QMessageBox | None = None
        self.model = StaffTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("staffTable")
        self.table.setAccessibleName(self.tr("Staff"))
        self._configure_table()
        title = QLabel(self.tr("Staff"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.count_label = QLabel(self)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.role_button = QPushButton(self.tr("Change &role…"), self)
        self.queues_button = QPushButton(self.tr("&Queues…"), self)
        self.password_button = QPushButton(self.tr("Set &password…"), self)
        self.password_button.hide()
        self.active_button = QPushButton(self.tr("&Disable"), self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        buttons = (
            self.add_button,
            self.role_button,
            self.queues_button,
            self.password_button,
            self.active_button,
        )
        for button in buttons:
            top.addWidget(button)
        self.notice = QLabel(self)
        self.notice.setObjectName("staffNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #1b5e20;")
        self.notice.hide()
        self.problem = ProblemLine(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.ask_to_add)
        self.role_button.clicked.connect(self.ask_role)
        self.queues_button.clicked.connect(self.ask_queues)
        self.password_button.clicked.connect(self.ask_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.activated.connect(lambda _index: self.ask_role())
        self._add_keys()
        self._update_buttons()

    def _configure_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QUEUES_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _add_keys(self) -> None:
        add = QAction(self.tr("Add a staff member"), self)
        add.setShortcut(QKeySequence("Ctrl+N"))
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.ask_to_add)
        self.addAction(add)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        return [
            ("Ctrl+N", self.tr("Add a staff member")),
            ("Return", self.tr("Change the role of the selected person (or double-click)")),
        ]

    def refresh(self) -> None:
        """Read the staff and the queues again."""
        self._runner.submit(
            self._desk.directory,
            self._on_directory_read,
            lambda error: self.problem.report_error(
                "directory", self.tr("Could not read the staff: %1"), error, self.refresh, _SPOKEN
            ),
            owner=self,
        )

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member_at(rows[0].row()) if rows else None

    def select_login(self, login: str) -> None:
        row = self.model.row_of(login)
        if row is None:
            return
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(self.model.index(row, 0))

    def ask_to_add(self) -> None:
        directory = self.directory
        dialog = AddStaffDialog(directory.queues, directory.has_logins, self)
        self._open(dialog, lambda command: lambda: self._desk.add(command))

    def ask_role(self) -> None:
        member = self.selected()
        if member is not None:
            dialog = ChangeRoleDialog(member, self)
            self._open(dialog, lambda role: lambda: self._desk.change_role(member.login, role))

    def ask_queues(self) -> None:
        member = self.selected()
        if member is not None:
            dialog = QueuesDialog(member, self.directory.queues, self)
            self._open(dialog, lambda codes: lambda: self._desk.set_queues(member.login, codes))

    def ask_password(self) -> None:
        member = self.selected()
        if member is not None and self.directory.has_logins:
            dialog = SetPasswordDialog(member, self)
            self._open(
                dialog, lambda password: lambda: self._desk.set_password(member.login, password)
            )

    def toggle_active(self) -> None:
        """Enable the selected person, or ask first and then disable them."""
        member = self.selected()
        if member is None:
            return
        if not member.active:
            self._run(lambda: self._desk.enable(member.login), self._on_saved, self._on_refused)
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Disable the login?"))
        box.setText(
            self.tr("Disable %1 (%2)?")
            .replace("%1", member.display_name)
            .replace("%2", member.login)
        )
        box.setInformativeText(
            self.tr("They can no longer sign in. Their history stays; you can enable them again.")
        )
        disable = box.addButton(self.tr("Disable"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(disable)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(_result: int) -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() is disable:
                self._run(
                    lambda: self._desk.disable(member.login), self._on_saved, self._on_refused
                )

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _open(self, dialog: StaffDialog, work_for: Callable[[Any], Callable[[], Any]]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(change: StaffChange) -> None:
            dialog.saved()
            self._on_saved(change)

        def refused(error: BaseException) -> None:
            dialog.refuse(reason_for(error, _SPOKEN))

        dialog.submitted.connect(lambda asked: self._run(work_for(asked), done, refused, dialog))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _run(
        self,
        work: Callable[[], StaffChange],
        on_done: Callable[[StaffChange], None],
        on_error: Callable[[BaseException], None],
        owner: QWidget | None = None,
    ) -> None:
        self._runner.submit(work, on_done, on_error, owner=owner or self)

    def _on_directory_read(self, directory: StaffDirectory) -> None:
        self.problem.resolve("directory")
        chosen = self.selected()
        self.directory = directory
        self.password_button.setVisible(directory.has_logins)
        self.model.set_members(list(directory.members))
        active = sum(member.active for member in directory.members)
        self.count_label.setText(
            self.tr("%1 active of %2")
            .replace("%1", str(active))
            .replace("%2", str(len(directory.members)))
        )
        if chosen is not None:
            self.select_login(chosen.login)
        self._update_buttons()

    def _on_saved(self, change: StaffChange) -> None:
        self.problem.resolve("change")
        self.notice.setText(shown(change.summary()))
        self.notice.show()
        self._runner.submit(
            self._desk.directory,
            lambda directory: self._after_change(directory, change.after.login),
            lambda error: self.problem.report_error(
                "directory", self.tr("Could not read the staff: %1"), error, self.refresh, _SPOKEN
            ),
            owner=self,
        )

    def _after_change(self, directory: StaffDirectory, login: str) -> None:
        self._on_directory_read(directory)
        self.select_login(login)
        self.table.setFocus()

    def _on_refused(self, error: BaseException) -> None:
        self.notice.hide()
        self.problem.report_error(
            "change", self.tr("Nothing was changed: %1"), error, None, _SPOKEN
        )

    def _update_buttons(self) -> None:
        member = self.selected()
        for button in (self.role_button, self.queues_button, self.active_button):
            button.setEnabled(member is not None)
        self.password_button.setEnabled(member is not None and member.has_login)
        if member is not None and not member.active:
            self.active_button.setText(self.tr("&Enable"))
        else:
            self.active_button.setText(self.tr("&Disable"))
