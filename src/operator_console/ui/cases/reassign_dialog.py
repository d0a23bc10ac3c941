"""Bulk reassign from a table selection: ask where and why, run it, show a stale write, retry."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from operator_console.services.cases.commands import AssignCases, CaseChange, CaseRef
from operator_console.services.cases.errors import CaseActionError, StaleCaseError
from operator_console.services.queues.directory import FilterChoices, QueueSummary
from operator_console.services.queues.request_list import RequestRow
from operator_console.services.session import ConsoleSession
from operator_console.ui.cases.queue_picker import QueuePicker
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import reason_for
from operator_console.ui.common.words import error_text


class ReassignDialog(QDialog):
    """Where to (a queue, team or crew found by typing, and/or a person) and why; OK with
    no choice or no reason is refused in the dialog, keeping what was typed."""

    def __init__(
        self, queues: list[QueueSummary], choices: FilterChoices, count: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reassign %n case(s)", "", count))
        self.queue = QueuePicker(queues, self.tr("Keep each case's queue"), self)
        self.person = QComboBox(self)
        self.person.addItem(self.tr("Nobody (leave in queue)"), None)
        for choice in choices.assignee_logins:
            self.person.addItem(choice.label, choice.value)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why (goes into each case's history)"))
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #c62828; font-weight: 600;")
        self.refusal.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("To &queue or team:"), self.queue)
        form.addRow(self.tr("To &person:"), self.person)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.refusal)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())
        self.queue.setFocus()

    def accept(self) -> None:
        problem, field = "", cast(QWidget | None, None)
        if not self.queue.has_choice():
            problem = self.tr("Choose a queue, team or crew in the list, or keep the queue.")
            field = self.queue
        elif self.queue.currentData() is None and self.person.currentData() is None:
            problem = self.tr("Choose a queue, team or crew, a person, or both.")
            field = self.queue
        elif not self.reason.text().strip():
            problem = self.tr("Say why: the reason goes into the case history.")
            field = self.reason
        if field is not None:
            self.refusal.setText(problem)
            self.refusal.show()
            field.setFocus()
            return
        super().accept()


class BulkReassign(QObject):
    """Runs a reassign for the triage table's selection through the session's case desk.

    The command names the cases selected when the person asked, at the versions shown then,
    even if live updates take some of them off the table while the dialog is open.

    Signals:
        reassigned(object): the `CaseChange` saved (publish `as_batch()` on the change bus).
        stale_found(str): some case changed since it was selected; nothing was saved. The
            message says what changed; `retry()` acts again on the fresh versions.
        failed(str): the action was refused (message for a person).
    """

    reassigned = Signal(object)
    stale_found = Signal(str)
    failed = Signal(str)

    def __init__(self, panel: Any, session: ConsoleSession, runner: BackgroundRunner) -> None:
        super().__init__(panel)
        self._panel = panel
        self._session = session
        self._runner = runner
        self._retry: AssignCases | None = None
        self._rows: dict[int, RequestRow] = {}
        self.dialog: ReassignDialog | None = None

    def ask(self) -> None:
        """Ask where and why for the selected cases (the dialog is window-modal), then run it."""
        rows = self._panel.selected_rows()
        if not rows:
            return
        queues = self._panel.summaries() if hasattr(self._panel, "summaries") else []
        dialog = ReassignDialog(queues, self._panel.choices, len(rows), self._panel)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._submit(
                rows, dialog.queue.currentData(), dialog.person.currentData(), dialog.reason.text()
            )
        )
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def asked_row(self, request_id: int) -> RequestRow | None:
        """A case of the last command, as it was shown when the person chose it."""
        return self._rows.get(request_id)

    def asked_ids(self) -> list[int]:
        return list(self._rows)

    def submit(self, queue_code: str | None, staff_login: str | None, reason: str) -> None:
        """Reassign the selected cases, as the user saw them (their versions on screen)."""
        self._submit(self._panel.selected_rows(), queue_code, staff_login, reason)

    def _submit(
        self, rows: list[RequestRow], queue_code: str | None, staff_login: str | None, reason: str
    ) -> None:
        self._rows = {row.id: row for row in rows}
        refs = tuple(CaseRef(row.id, row.version) for row in rows)
        try:
            command = AssignCases(refs, reason, queue_code, staff_login)
        except ValueError as error:
            self.failed.emit(error_text(error))
            return
        self._run(command)

    def retry(self) -> None:
        """Act again, on the versions the stale write reported."""
        if self._retry is not None:
            command, self._retry = self._retry, None
            self._run(command)

    def _run(self, command: AssignCases) -> None:
        desk = self._session.case_desk
        self._runner.submit(
            lambda: desk.assign(command),
            self._on_done,
            lambda error: self._on_error(command, error),
            owner=self,
        )

    def _on_done(self, change: CaseChange) -> None:
        self.reassigned.emit(change)

    def _on_error(self, command: AssignCases, error: BaseException) -> None:
        if isinstance(error, StaleCaseError):
            fresh = {d.request_id: d.current_version for d in error.drifts}
            refs = tuple(
                CaseRef(ref.request_id, fresh.get(ref.request_id, ref.expected_version))
                for ref in command.cases
            )
            self._retry = AssignCases(refs, command.reason, command.queue_code, command.staff_login)
            self.stale_found.emit(error_text(error))
        elif isinstance(error, CaseActionError):
            self.failed.emit(error_text(error))
        else:
            self.failed.emit(reason_for(error))
