"""The duplicate use cases a console runs, bound to its person and database (units of work)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from operator_console.domain.caller import Caller
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.duplicates import actions, search
from operator_console.services.duplicates.actions import (
    AttachCaller,
    MarkDuplicate,
    RecordSubmitAsNew,
)
from operator_console.services.duplicates.finder import (
    AttachReceipt,
    CandidateView,
    MarkDuplicateReceipt,
)
from operator_console.services.duplicates.ports import CandidateReads, DuplicateUnitOfWork
from operator_console.services.duplicates.search import CallBeingTaken
from operator_console.services.messages.book import MessageBook


class DuplicateDesk:
    """Runs the duplicate use cases as `staff`, each in a fresh unit of work or read; every
    call may block (run it off the Qt thread). Residents' messages are written from `book`
    (None: the shipped templates)."""

    def __init__(
        self,
        new_uow: Callable[[], DuplicateUnitOfWork],
        new_reads: Callable[[], CandidateReads],
        staff: StaffIdentity,
        clock: Callable[[], datetime] | None = None,
        book: MessageBook | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._book = book
        self._new_reads = new_reads
        self.staff = staff
        self._clock = clock or (lambda: datetime.now(UTC))

    def candidates(
        self, service_code: str, lat: float, lon: float, description: str, address: str
    ) -> list[CandidateView]:
        """The best candidates for the call being taken (see `search.find_candidates`)."""
        call = CallBeingTaken(service_code, lat, lon, description, address)
        return search.find_candidates(self._new_reads(), call, self._clock())

    def parent_candidates(self, request_id: int) -> list[CandidateView]:
        """Requests the supervisor may link `request_id` to: within 1,000 m, any status."""
        return search.parent_candidates(self._new_reads(), request_id, self._clock())

    def attach_caller(
        self, request_id: int, expected_version: int, caller: Caller
    ) -> AttachReceipt:
        """Add the caller to the existing request (see `actions.attach_caller`)."""
        command = AttachCaller(request_id, expected_version, caller)
        return actions.attach_caller(
            self._new_uow(), command, self.staff, self._clock(), self._book
        )

    def record_submit_as_new(self, new_request_id: int, shown_candidate_ids: Sequence[int]) -> None:
        """Note on the new request that it was submitted although these were shown."""
        command = RecordSubmitAsNew(new_request_id, tuple(shown_candidate_ids))
        actions.record_submit_as_new(self._new_uow(), command, self.staff, self._clock())

    def mark_duplicate(
        self, duplicate_id: int, parent_id: int, expected_version: int, reason: str
    ) -> MarkDuplicateReceipt:
        """Close `duplicate_id` as a duplicate of `parent_id` (see `actions.mark_duplicate`)."""
        command = MarkDuplicate(duplicate_id, parent_id, expected_version, reason)
        return actions.mark_duplicate(
            self._new_uow(), command, self.staff, self._clock(), self._book
        )
