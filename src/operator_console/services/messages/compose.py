"""One message for one recipient: the channel and language they want, the template rendered."""

from __future__ import annotations

import uuid
from datetime import datetime

from operator_console.services.messages.book import MessageBook
from operator_console.services.messages.dates import short_date, spoken_date
from operator_console.services.messages.model import (
    Channel,
    MessageFacts,
    MessageKind,
    OutgoingMessage,
    Recipient,
)


def channel_for(recipient: Recipient) -> tuple[Channel, str] | None:
    """How to reach `recipient`: the channel they prefer when they gave its address, else
    e-mail when they gave one; None for "no messages" or nowhere to send. A phone number alone
    sends no text: a caller may ring from a landline, so texts go only to those who ask."""
    if recipient.no_messages:
        return None
    email, phone = recipient.email.strip(), recipient.phone.strip()
    if recipient.preferred_channel == Channel.SMS and phone:
        return Channel.SMS, phone
    if email:
        return Channel.EMAIL, email
    return None


def template_context(facts: MessageFacts, language: str, time_zone: str) -> dict[str, object]:
    """What a template may say: the facts, with every date written in `language`."""

    def dates(instant: datetime | None) -> tuple[str, str]:
        if instant is None:
            return "", ""
        return spoken_date(instant, language, time_zone), short_date(instant, language, time_zone)

    expected, expected_short = dates(facts.expected_at)
    previous, previous_short = dates(facts.previous_expected_at)
    return {
        "reference": facts.reference,
        "service": facts.service_name,
        "queue": facts.queue_name,
        "expected": expected,
        "expected_short": expected_short,
        "previous_expected": previous,
        "previous_expected_short": previous_short,
        "closure_reason": facts.closure_reason or "",
        "note": facts.note.strip(),
        "parent_reference": facts.parent_reference,
    }


def compose(
    book: MessageBook,
    kind: MessageKind,
    facts: MessageFacts,
    recipient: Recipient,
    *,
    request_id: int,
    time_zone: str,
) -> OutgoingMessage | None:
    """The message of `kind` for `recipient`, or None when they are not to get one."""
    reach = channel_for(recipient)
    if reach is None:
        return None
    channel, address = reach
    language = book.language_for(recipient.language or "", kind)
    subject, body = book.render(
        kind, language, channel, template_context(facts, language, time_zone)
    )
    return OutgoingMessage(
        request_id=request_id,
        caller_id=recipient.caller_id,
        reference=facts.reference,
        kind=kind,
        channel=channel,
        language=language,
        recipient=address,
        subject=subject,
        body=body,
        idempotency_key=uuid.uuid4().hex,
    )
