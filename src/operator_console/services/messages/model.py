"""What a resident message is: its kind, the facts it tells, who gets it, and the text sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class MessageKind(StrEnum):
    """A moment a resident hears about; each has one template per language."""

    RECEIVED = "received"
    LINKED = "linked"
    WORK_STARTED = "work_started"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    PUBLIC_NOTE = "public_note"
    EXPECTED_DATE_CHANGED = "expected_date_changed"


class Channel(StrEnum):
    """How a message reaches a resident."""

    EMAIL = "email"
    SMS = "sms"


@dataclass(frozen=True)
class MessageFacts:
    """What a message about one request may tell; the templates pick what they say.

    Attributes:
        reference: the request's reference, as the caller was given it.
        service_name: the category, as the catalog names it.
        queue_name: who works it ("Streets"); empty when nobody yet.
        expected_at: when it is expected done (UTC); None: no fixed date.
        previous_expected_at: the expected date before a change (UTC).
        closure_reason: a `ClosureReason` value, for a resolution.
        note: the public note, the closure note or the reason for reopening.
        parent_reference: the request this one was linked to or merged into.
    """

    reference: str
    service_name: str
    queue_name: str = ""
    expected_at: datetime | None = None
    previous_expected_at: datetime | None = None
    closure_reason: str | None = None
    note: str = ""
    parent_reference: str = ""


@dataclass(frozen=True)
class Recipient:
    """A caller who follows a request, with how and in which language they want to hear."""

    caller_id: int | None
    email: str = ""
    phone: str = ""
    language: str = ""
    preferred_channel: str | None = None
    no_messages: bool = False


@dataclass(frozen=True)
class OutgoingMessage:
    """One message for one recipient, rendered and ready for the outbox."""

    request_id: int
    caller_id: int | None
    reference: str
    kind: MessageKind
    channel: Channel
    language: str
    recipient: str
    subject: str
    body: str
    idempotency_key: str
