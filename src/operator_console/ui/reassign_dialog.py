"""Bulk reassign from a table selection: ask where and why, run it, show a stale write, retry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from operator_console.services.case_commands import AssignCases, CaseChange, CaseRef
from operator_console.services.case_errors import CaseActionError, StaleCaseError
from operator_console.services.queues import FilterChoices, QueueSummary
from operator_console.services.request_list import RequestRow
from operator_console.services.session import ConsoleSession
from operator_console.ui.background import BackgroundRunner


class ReassignDialog(QDialog):
    """Where to (queue or team, and/or a person) and why."""

    def __init__(
        self, queues: list[QueueSummary], choices: FilterChoices, count: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reassign %n case(s)", "", count))
        self.queue = QComboBox(self)
        self.queue.addItem(self.tr("Keep each case's queue"), None)
        for queue in queues:
            self.queue.addItem(f"{queue.department} — {queue.name}", queue.code)
        self.person = QComboBox(self)
        self.person.addItem(self.tr("Nobody (leave in queue)"), None)
        for choice in choices.assignee_logins:
            self.person.addItem(choice.label, choice.value)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why (goes into each case's history)"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("To queue or team:"), self.queue)
        form.addRow(self.tr("To person:"), self.person)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(buttons)


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
            self.failed.emit(str(error))
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
            self.stale_found.emit(str(error))
        elif isinstance(error, CaseActionError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(str(error) or type(error).__name__)
