"""Runs a case action off the Qt thread and says how it went; the banner that shows it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from operator_console.services.cases.commands import (
    AddNote,
    AssignCases,
    CaseChange,
    CaseRef,
    ChangePriority,
    EscalateCases,
    LogStatusCall,
    MoveCases,
    RerouteCase,
)
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.cases.errors import CaseActionError, StaleCaseError
from operator_console.services.errors import BackendUnavailableError
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import reason_for
from operator_console.ui.common.words import error_text

CaseCommand = (
    AssignCases | ChangePriority | EscalateCases | MoveCases | RerouteCase | AddNote | LogStatusCall
)


def run_on(desk: CaseDesk, command: CaseCommand) -> CaseChange:
    """The desk call that runs `command` (on a worker thread)."""
    if isinstance(command, AssignCases):
        return desk.assign(command)
    if isinstance(command, ChangePriority):
        return desk.change_priority(command)
    if isinstance(command, EscalateCases):
        return desk.escalate(command)
    if isinstance(command, MoveCases):
        return desk.move(command)
    if isinstance(command, RerouteCase):
        return desk.reroute(command)
    if isinstance(command, LogStatusCall):
        return desk.log_status_call(command)
    return desk.add_note(command)


def on_versions(command: CaseCommand, fresh: dict[int, int]) -> CaseCommand:
    """The same command, naming the `fresh` version of each case it names."""

    def ref(case: CaseRef) -> CaseRef:
        return CaseRef(case.request_id, fresh.get(case.request_id, case.expected_version))

    if isinstance(command, RerouteCase | AddNote | LogStatusCall):
        return replace(command, case=ref(command.case))
    return replace(command, cases=tuple(ref(case) for case in command.cases))


class CaseActionRunner(QObject):
    """Runs case commands through the desk, one at a time, as of the versions they name.

    Signals:
        busy_changed(bool): an action started (True) or reported back (False, first).
        saved(object): the `CaseChange` saved (publish `as_batch()` on the change bus).
        stale_found(str): a case changed after the version the command named; nothing was
            saved. The message says what changed and who did it; `retry()` acts again on the
            current version.
        failed(str): the action was refused or could not run; nothing was saved.
    """

    busy_changed = Signal(bool)
    saved = Signal(object)
    stale_found = Signal(str)
    failed = Signal(str)

    def __init__(self, desk: CaseDesk, runner: BackgroundRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._retry: CaseCommand | None = None
        self.running: CaseCommand | None = None

    @property
    def can_retry(self) -> bool:
        return self._retry is not None

    def run(self, command: CaseCommand) -> None:
        """Run `command` off the Qt thread; ignored while another action runs."""
        if self.running is not None:
            return
        self._retry = None
        self.running = command
        self.busy_changed.emit(True)
        desk = self._desk
        self._runner.submit(
            lambda: run_on(desk, command),
            self._on_done,
            lambda error: self._on_error(command, error),
            owner=self,
        )

    def retry(self) -> None:
        """Run the command a stale write refused again, on the versions it reported."""
        if self._retry is not None:
            command, self._retry = self._retry, None
            self.run(command)

    def _on_done(self, change: CaseChange) -> None:
        self.running = None
        self.busy_changed.emit(False)
        self.saved.emit(change)

    def _on_error(self, command: CaseCommand, error: BaseException) -> None:
        self.running = None
        self.busy_changed.emit(False)
        if isinstance(error, StaleCaseError):
            fresh = {drift.request_id: drift.current_version for drift in error.drifts}
            self._retry = on_versions(command, fresh)
            self.stale_found.emit(error_text(error))
        elif isinstance(error, CaseActionError | BackendUnavailableError):
            self.failed.emit(error_text(error))
        else:
            self.failed.emit(
                self.tr("The action could not be completed (%1); nothing was saved.").replace(
                    "%1", reason_for(error)
                )
            )


class CaseBanner(QFrame):
    """A message above the case: what changed under a stale action, or why one was refused.

    Signals:
        retry_requested: the person asked to run the refused action on the current case.
    """

    retry_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("caseBanner")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setObjectName("caseBannerText")
        self.retry_button = QPushButton(self.tr("Retry on the current case"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.dismiss_button)
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_message(self, message: str, kind: str, can_retry: bool = False) -> None:
        """Show `message`: kind "warning" (stale, refused) or "info" (saved)."""
        colours = {"warning": ("#fff4e0", "#e0b070"), "info": ("#e8f5e9", "#8bc34a")}
        background, border = colours.get(kind, colours["warning"])
        self.setStyleSheet(
            f"#caseBanner {{ background: {background}; border: 1px solid {border};"
            " border-radius: 4px; }"
        )
        self.text.setText(message)
        self.retry_button.setVisible(can_retry)
        self.show()

    @Slot()
    def _on_retry_clicked(self) -> None:
        self.hide()
        self.retry_requested.emit()
