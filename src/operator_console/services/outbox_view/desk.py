"""The Messages view's use cases for the person at the console (call off the Qt thread)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from operator_console.domain.permissions import Action, StaffIdentity, permits
from operator_console.services.outbox_view.model import (
    PAGE_SIZE,
    MessageFilter,
    MessagePage,
    OutboxMessage,
)
from operator_console.services.outbox_view.ports import OutboxReads, ResendUnitOfWork
from operator_console.services.outbox_view.resend import Resend, Resent, resend


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class MessageDesk:
    """Reads the outbox for anyone; corrects and re-sends for supervisors and admins."""

    reads: OutboxReads
    new_resend_work: Callable[[], ResendUnitOfWork]
    staff: StaffIdentity
    clock: Callable[[], datetime] = _utc_now

    @property
    def may_resend(self) -> bool:
        return permits(self.staff.role, Action.RESEND_MESSAGE)

    def page(self, chosen: MessageFilter) -> MessagePage:
        """The newest messages the filter finds (a page of PAGE_SIZE), with the counts by
        status of the same filter."""
        counts = self.reads.status_counts(replace(chosen, status=None))
        return MessagePage(self.reads.messages(chosen, PAGE_SIZE), counts)

    def case_messages(self, request_id: int) -> tuple[OutboxMessage, ...]:
        return self.reads.case_messages(request_id)

    def resend(self, message_id: int, corrected_recipient: str, expected_status: str) -> Resent:
        """See `resend.resend`."""
        command = Resend(message_id, corrected_recipient, expected_status)
        return resend(self.new_resend_work(), command, self.staff, self.clock())
