"""A message in the outbox as the Messages view reads it, and how the view filters them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

PAGE_SIZE = 200
"""Messages shown at once, newest first."""


class DeliveryStatus(StrEnum):
    """Where a message's delivery stands."""

    PENDING = "pending"  # due at next_attempt_at (None: now), maybe after failed attempts
    SENT = "sent"
    UNDELIVERABLE = "undeliverable"  # parked: the provider refused it for good
    HELD = "held"  # no delivery is configured: kept to be read here


@dataclass(frozen=True)
class OutboxMessage:
    """One message to a resident, as stored, with its delivery so far."""

    id: int
    request_id: int | None
    reference: str
    kind: str
    channel: str
    language: str
    recipient: str
    subject: str
    body: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None = None
    next_attempt_at: datetime | None = None
    caller_id: int | None = None
    resent_by: str | None = None
    resent_at: datetime | None = None


@dataclass(frozen=True)
class MessageFilter:
    """Which messages to list: a status, a channel ('email', 'sms'), and text found in the
    case reference or the recipient; None or "" leaves that choice open."""

    status: str | None = None
    channel: str | None = None
    text: str = ""


@dataclass(frozen=True)
class MessagePage:
    """The newest messages the filter lets through, and how many of each status the filter
    would show were its status left open."""

    messages: tuple[OutboxMessage, ...]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())
