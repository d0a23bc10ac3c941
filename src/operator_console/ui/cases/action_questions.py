"""What each case action asks before it runs (why, closure reason, where to, which parent)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from operator_console.domain.lifecycle import Priority, Status
from operator_console.services.cases.commands import (
    AssignCases,
    CaseRef,
    ChangePriority,
    EscalateCases,
    MoveCases,
    RerouteCase,
)
from operator_console.services.cases.detail import CaseDetail
from operator_console.services.cases.options import CaseOptions
from operator_console.services.catalog.category_catalog import offered_services
from operator_console.services.intake.gateway import ServiceChoice
from operator_console.services.queues.directory import FilterChoices, QueueSummary
from operator_console.services.session import ConsoleSession
from operator_console.ui.cases.action_dialogs import (
    CaseReassignDialog,
    ReasonDialog,
    ResolveDialog,
)
from operator_console.ui.cases.action_runner import CaseActionRunner
from operator_console.ui.cases.mark_duplicate_dialog import MarkDuplicateDialog
from operator_console.ui.cases.reroute_dialog import RerouteDialog
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import priority_label, status_label
from operator_console.ui.common.problem_line import reason_for


class CaseQuestions(QObject):
    """Opens the question an action needs (window-modal, never blocking) and runs the command
    it answers, naming the version on screen when the action was chosen.

    Attributes:
        dialog: the question open now, if any.

    Signals:
        duplicate_marked(object): a `MarkDuplicateReceipt` (publish `changes()` on the bus).
        case_stale(str): the case changed under the duplicate dialog; re-read it.
        failed(str): what a question needs could not be read (message for a person).
    """

    duplicate_marked = Signal(object)
    case_stale = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        session: ConsoleSession,
        runner: BackgroundRunner,
        actions: CaseActionRunner,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._actions = actions
        self._window = parent
        self.detail: CaseDetail | None = None
        self.options: CaseOptions | None = None
        self.dialog: QDialog | None = None
        self._directory: tuple[list[QueueSummary], FilterChoices] | None = None
        self._catalog: list[ServiceChoice] | None = None
        self._resolve_draft: tuple[int, int, str] | None = None  # case id, reason index, note

    def set_case(self, detail: CaseDetail | None, options: CaseOptions | None) -> None:
        self.detail, self.options = detail, options
        if detail is not None and not detail.record.state.status.is_open:
            self._resolve_draft = None  # resolved (or closed): the draft did its job

    def _ref(self) -> CaseRef | None:
        """The case as on screen: its id and the version the action names."""
        if self.detail is None:
            return None
        return CaseRef(self.detail.record.state.id, self.detail.version)

    def _ask(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    @staticmethod
    def _change(field: str, old: Priority | Status, new: Priority | Status) -> str:
        """ "Priority: Normal → High", for the question's first line."""
        if isinstance(old, Priority) and isinstance(new, Priority):
            return f"{field}: {priority_label(old)} → {priority_label(new)}"
        return f"{field}: {status_label(old.value)} → {status_label(new.value)}"

    def move(self, target: Status, reason: str = "") -> None:
        """Move the case to `target`, no question asked."""
        ref = self._ref()
        if ref is not None:
            self._actions.run(MoveCases((ref,), target, reason))

    def priority(self, priority: Priority) -> None:
        """Ask why, then set the priority."""
        ref = self._ref()
        if ref is None or self.detail is None or priority is self.detail.record.state.priority:
            return
        state = self.detail.record.state
        change = self._change(self.tr("Priority"), state.priority, priority)
        title = self.tr("Change the priority of %1").replace("%1", state.reference)
        dialog = ReasonDialog(title, change, self._window)
        self._ask(
            dialog,
            lambda: self._actions.run(ChangePriority((ref,), priority, dialog.reason.text())),
        )

    def escalate(self) -> None:
        """Ask why, then raise the priority one step."""
        ref, options = self._ref(), self.options
        if ref is None or options is None or options.escalate_to is None or not self.detail:
            return
        state = self.detail.record.state
        change = self._change(self.tr("Priority"), state.priority, options.escalate_to)
        title = self.tr("Escalate %1").replace("%1", state.reference)
        dialog = ReasonDialog(title, change, self._window)
        raised = options.escalate_to
        self._ask(
            dialog,
            lambda: self._actions.run(EscalateCases((ref,), dialog.reason.text(), raised)),
        )

    def resolve(self) -> None:
        """Ask for the closure reason and note (kept if the resolve is not saved), then resolve."""
        ref, options = self._ref(), self.options
        if ref is None or options is None or self.detail is None:
            return
        reference = self.detail.record.state.reference
        dialog = ResolveDialog(reference, options.closure_reasons, self._window)
        draft = self._resolve_draft
        if draft is not None and draft[0] == ref.request_id:
            dialog.reason.setCurrentIndex(draft[1])
            dialog.note.setPlainText(draft[2])

        def resolve() -> None:
            note = dialog.note.toPlainText()
            self._resolve_draft = (ref.request_id, dialog.reason.currentIndex(), note)
            command = MoveCases((ref,), Status.RESOLVED, note.strip(), dialog.chosen_reason())
            self._actions.run(command)

        self._ask(dialog, resolve)

    def reopen(self) -> None:
        """Ask why, then put the finished case back in its queue."""
        ref = self._ref()
        if ref is None or self.detail is None:
            return
        state = self.detail.record.state
        what = self._change(self.tr("Status"), state.status, Status.IN_QUEUE)
        title = self.tr("Reopen %1").replace("%1", state.reference)
        dialog = ReasonDialog(title, what, self._window)
        self._ask(
            dialog,
            lambda: self._actions.run(MoveCases((ref,), Status.IN_QUEUE, dialog.reason.text())),
        )

    def reassign(self) -> None:
        """Read the queues and people once (off the Qt thread), then ask where to and why."""
        if self._directory is not None:
            self._ask_reassign(*self._directory)
            return
        directory, login = self._session.queue_directory, self._session.staff.login
        state = self.detail.record.state if self.detail else None
        queue_ids = (state.queue.id,) if state is not None and state.queue else ()

        def read() -> tuple[list[QueueSummary], FilterChoices]:
            return directory.covered_by(login), directory.choices(queue_ids)

        self._runner.submit(read, self._on_directory_read, self._on_directory_failed, owner=self)

    def _on_directory_read(self, found: tuple[list[QueueSummary], FilterChoices]) -> None:
        self._directory = found
        self._ask_reassign(*found)

    def _on_directory_failed(self, error: BaseException) -> None:
        self.failed.emit(reason_for(error))

    def _ask_reassign(self, queues: list[QueueSummary], choices: FilterChoices) -> None:
        ref = self._ref()
        if ref is None or self.detail is None:
            return
        reference = self.detail.record.state.reference
        dialog = CaseReassignDialog(queues, choices, reference, self._window)
        self._ask(
            dialog,
            lambda: self._actions.run(
                AssignCases(
                    (ref,),
                    dialog.reason.text(),
                    dialog.queue.currentData(),
                    dialog.person.currentData(),
                )
            ),
        )

    def reroute(self) -> None:
        """Read the catalog once (off the Qt thread), then ask for the corrections and why."""
        if self._catalog is not None:
            self._ask_reroute(self._catalog)
            return
        intake, role = self._session.intake, self._session.staff.role
        self._runner.submit(
            lambda: offered_services(intake, role),
            self._on_catalog_read,
            self._on_directory_failed,
            self,
        )

    def _on_catalog_read(self, services: list[ServiceChoice]) -> None:
        self._catalog = services
        self._ask_reroute(services)

    def _ask_reroute(self, services: list[ServiceChoice]) -> None:
        ref = self._ref()
        if ref is None or self.detail is None:
            return
        dialog = RerouteDialog(self.detail.record.state, services, self._window)
        addresses = self._session.addresses

        def look_up(words: str) -> None:
            self._runner.submit_latest(
                "reroute-address",
                lambda: addresses.suggest(words),
                lambda matches: dialog.show_addresses(words, matches),
                self._on_directory_failed,
                owner=dialog,
            )

        dialog.address_search_requested.connect(look_up)
        self._ask(
            dialog,
            lambda: self._actions.run(
                RerouteCase(ref, dialog.reason.text(), dialog.service_code(), dialog.location())
            ),
        )

    def mark_duplicate(self) -> None:
        """Offer the cases this one may repeat; the dialog links it (and says why not)."""
        ref = self._ref()
        if ref is None or self.detail is None:
            return
        dialog = MarkDuplicateDialog(
            self._session.duplicates,
            self._runner,
            (ref.request_id, self.detail.record.state.reference, ref.expected_version),
            self._window,
        )
        dialog.marked.connect(self.duplicate_marked)
        dialog.stale_found.connect(self.case_stale)
        self._ask(dialog, lambda: None)
        dialog.load()
