"""The notification outbox: resident messages, queued in the transaction that caused them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, insert

from operator_console.services.messages.model import OutgoingMessage
from operator_console.storage.db.tables import notification_outbox

PENDING = "pending"


def queue_messages(
    connection: Connection, messages: Iterable[OutgoingMessage], at: datetime
) -> None:
    """Queue `messages` for the notifier, which delivers them once the transaction commits."""
    rows = [
        {
            "request_id": message.request_id,
            "caller_id": message.caller_id,
            "reference": message.reference,
            "kind": message.kind.value,
            "language": message.language,
            "channel": message.channel.value,
            "recipient": message.recipient,
            "subject": message.subject,
            "body": message.body,
            "created_at": at,
            "status": PENDING,
            "idempotency_key": message.idempotency_key,
        }
        for message in messages
    ]
    if rows:
        connection.execute(insert(notification_outbox), rows)
