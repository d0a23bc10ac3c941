"""The case actions a console runs, bound to its person and database (units of work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.actions import (
    add_note,
    assign_cases,
    change_priority,
    escalate_cases,
    log_status_call,
    move_cases,
    reroute_case,
)
from operator_console.services.cases.commands import (
    AddNote,
    AssignCases,
    CaseChange,
    ChangePriority,
    EscalateCases,
    LogStatusCall,
    MoveCases,
    RerouteCase,
)
from operator_console.services.cases.detail import CaseDetail, CaseDetailReader, case_detail
from operator_console.services.cases.ports import CaseUnitOfWork
from operator_console.services.messages.book import MessageBook


class CaseDesk:
    """Runs case actions as `actor`, each in a fresh unit of work (call off the Qt thread).

    Every action raises a `CaseActionError` when it saves nothing: `ActionNotPermittedError`
    when the actor's role may not take it (`OutsideDepartmentError` when a case belongs to
    another department), `StaleCaseError` when a case changed after the version the command
    names. Residents' messages are written from `book` (None: the shipped templates).
    """

    def __init__(
        self,
        new_uow: Callable[[], CaseUnitOfWork],
        actor: StaffIdentity,
        clock: Callable[[], datetime] | None = None,
        new_detail_reader: Callable[[], CaseDetailReader] | None = None,
        book: MessageBook | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._book = book
        self._new_detail_reader = new_detail_reader
        self._actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))

    def assign(self, command: AssignCases) -> CaseChange:
        """Reassign (one or many) with a reason; raises `StaleCaseError` on a stale version."""
        return assign_cases(self._new_uow(), command, self._actor, self._clock(), self._book)

    def change_priority(self, command: ChangePriority) -> CaseChange:
        """Set the priority of one or many cases, with a reason."""
        return change_priority(self._new_uow(), command, self._actor, self._clock(), self._book)

    def escalate(self, command: EscalateCases) -> CaseChange:
        """Raise each case's priority one step, with a reason."""
        return escalate_cases(self._new_uow(), command, self._actor, self._clock(), self._book)

    def move(self, command: MoveCases) -> CaseChange:
        """Move cases along the pipeline: resolve (closure reason), close, reopen (reason)..."""
        return move_cases(self._new_uow(), command, self._actor, self._clock(), self._book)

    def reroute(self, command: RerouteCase) -> CaseChange:
        """Correct a case's category and/or location and route it again by the rules."""
        return reroute_case(self._new_uow(), command, self._actor, self._clock(), self._book)

    def add_note(self, command: AddNote) -> CaseChange:
        """Add an internal or public note to one case."""
        return add_note(self._new_uow(), command, self._actor, self._clock(), self._book)

    def log_status_call(self, command: LogStatusCall) -> CaseChange:
        """Count a resident's status call on one case, in its history."""
        return log_status_call(self._new_uow(), command, self._actor, self._clock(), self._book)

    def detail(self, request_id: int) -> CaseDetail | None:
        """Everything the case screen shows, for the actor; None when the case does not exist."""
        if self._new_detail_reader is None:
            raise RuntimeError("this console has no case detail reader")
        return case_detail(self._new_detail_reader(), request_id, self._clock(), self._actor)
