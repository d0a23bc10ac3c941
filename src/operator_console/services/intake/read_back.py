"""The message a caller is sent when their call is taken, in their language and channel."""

from __future__ import annotations

from operator_console.domain.caller import Caller
from operator_console.services.messages.book import MessageBook
from operator_console.services.messages.compose import compose
from operator_console.services.messages.model import (
    MessageFacts,
    MessageKind,
    OutgoingMessage,
    Recipient,
)

NOT_YET_STORED = 0
"""The request id of a message composed before its request is stored; storage sets both ids."""


def caller_recipient(caller: Caller, phone: str | None, caller_id: int | None = None) -> Recipient:
    """The caller as typed on the form, with `phone` in E.164, as the one to tell."""
    return Recipient(
        caller_id=caller_id,
        email=caller.email.strip(),
        phone=phone or "",
        language=caller.language,
        preferred_channel=caller.preferred_channel,
        no_messages=caller.no_messages,
    )


def received_message(
    book: MessageBook,
    caller: Caller,
    phone: str | None,
    facts: MessageFacts,
    time_zone: str,
) -> OutgoingMessage | None:
    """The caller's 'received' message for a request not stored yet (its request and caller
    ids are set when it is), or None when they are not to get one."""
    if caller.is_anonymous:
        return None
    recipient = caller_recipient(caller, phone)
    return compose(
        book,
        MessageKind.RECEIVED,
        facts,
        recipient,
        request_id=NOT_YET_STORED,
        time_zone=time_zone,
    )
