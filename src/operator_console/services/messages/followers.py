"""The messages one moment of a request sends: one for each follower who is to hear of it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from operator_console.services.messages.book import MessageBook, default_book
from operator_console.services.messages.compose import compose
from operator_console.services.messages.model import (
    MessageFacts,
    MessageKind,
    OutgoingMessage,
    Recipient,
)


@cache
def shipped_book() -> MessageBook:
    """The shipped templates, read once: for a use case run without a book of its own."""
    return default_book()


def messages_for(
    book: MessageBook,
    kind: MessageKind,
    facts: MessageFacts,
    recipients: Iterable[Recipient],
    *,
    request_id: int,
    time_zone: str,
) -> list[OutgoingMessage]:
    """The message of `kind` for each recipient who is to get one (each caller once)."""
    messages = []
    seen: set[int] = set()
    for recipient in recipients:
        if recipient.caller_id is not None:
            if recipient.caller_id in seen:
                continue
            seen.add(recipient.caller_id)
        message = compose(book, kind, facts, recipient, request_id=request_id, time_zone=time_zone)
        if message is not None:
            messages.append(message)
    return messages
