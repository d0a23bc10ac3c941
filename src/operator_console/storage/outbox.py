"""The notification outbox: e-mail to residents, queued in the transaction that caused it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, insert

from operator_console.storage.db.tables import notification_outbox

Email = tuple[int, str, str, str]
"""An e-mail about a request: (request id, recipient, subject, body)."""


def queue_emails(connection: Connection, emails: Iterable[Email], at: datetime) -> None:
    """Queue `emails` for the mailer, which sends them once the transaction has committed."""
    rows = [
        {
            "request_id": request_id,
            "channel": "email",
            "recipient": recipient,
            "subject": subject,
            "body": body,
            "created_at": at,
        }
        for request_id, recipient, subject, body in emails
    ]
    if rows:
        connection.execute(insert(notification_outbox), rows)
