"""What the Messages view needs from storage: reads, and the one transaction of a re-send."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from operator_console.services.outbox_view.model import MessageFilter, OutboxMessage
from operator_console.services.unit_of_work import UnitOfWork


class OutboxReads(Protocol):
    """Messages as rows, newest first."""

    def messages(self, chosen: MessageFilter, limit: int) -> tuple[OutboxMessage, ...]: ...

    def status_counts(self, chosen: MessageFilter) -> dict[str, int]:
        """How many messages of each status the filter finds, its own status left open."""
        ...

    def case_messages(self, request_id: int) -> tuple[OutboxMessage, ...]:
        """Every message about one case, oldest first."""
        ...


class ResendUnitOfWork(UnitOfWork, Protocol):
    """One transaction: read the message, correct its address, queue it again."""

    def message(self, message_id: int) -> OutboxMessage | None: ...

    def phone_region(self) -> str:
        """The city's telephone region ("US"), for numbers typed without a country code."""
        ...

    def queue_again(
        self, message_id: int, recipient: str, expected_status: str, login: str, now: datetime
    ) -> bool:
        """Set the recipient and make the message due now, as re-sent by `login`, only if its
        status is still `expected_status`; False when it was not (someone else acted first)."""
        ...

    def correct_caller(self, caller_id: int, channel: str, address: str) -> bool:
        """Write the corrected address on the caller (e-mail or phone, by `channel`); False
        when the database does not let this login change that column."""
        ...
