"""The case actions a console runs, bound to its person and database (units of work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_console.services.case_actions import add_note, assign_cases
from operator_console.services.case_commands import AddNote, AssignCases, CaseChange
from operator_console.services.case_detail import CaseDetail, CaseDetailReader, case_detail
from operator_console.services.case_ports import CaseUnitOfWork


class CaseDesk:
    """Runs case actions as `actor`, each in a fresh unit of work (call off the Qt thread)."""

    def __init__(
        self,
        new_uow: Callable[[], CaseUnitOfWork],
        actor: str,
        clock: Callable[[], datetime] | None = None,
        new_detail_reader: Callable[[], CaseDetailReader] | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._new_detail_reader = new_detail_reader
        self._actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))

    def assign(self, command: AssignCases) -> CaseChange:
        """Reassign (one or many) with a reason; raises `StaleCaseError` on a stale version."""
        return assign_cases(self._new_uow(), command, self._actor, self._clock())

    def add_note(self, command: AddNote) -> CaseChange:
        """Add an internal or public note to one case."""
        return add_note(self._new_uow(), command, self._actor, self._clock())

    def detail(self, request_id: int) -> CaseDetail | None:
        """Everything the case screen shows; None when the case does not exist."""
        if self._new_detail_reader is None:
            raise RuntimeError("this console has no case detail reader")
        return case_detail(self._new_detail_reader(), request_id, self._clock())
