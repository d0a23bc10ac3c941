"""Outbox rows as `OutboxMessage`s."""

from __future__ import annotations

from sqlalchemy import Row, Select, select

from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.storage.db.tables import notification_outbox

_o = notification_outbox.c


def message_columns() -> Select[tuple[object, ...]]:
    """The columns an `OutboxMessage` is read from."""
    return select(
        _o.id,
        _o.request_id,
        _o.reference,
        _o.kind,
        _o.channel,
        _o.language,
        _o.recipient,
        _o.subject,
        _o.body,
        _o.status,
        _o.attempts,
        _o.last_error,
        _o.created_at,
        _o.sent_at,
        _o.next_attempt_at,
        _o.caller_id,
        _o.resent_by,
        _o.resent_at,
    )


def message_of(row: Row[tuple[object, ...]]) -> OutboxMessage:
    values = row._mapping
    return OutboxMessage(
        id=int(values["id"]),
        request_id=values["request_id"],
        reference=values["reference"],
        kind=values["kind"],
        channel=values["channel"],
        language=values["language"],
        recipient=values["recipient"],
        subject=values["subject"],
        body=values["body"],
        status=values["status"],
        attempts=int(values["attempts"] or 0),
        last_error=values["last_error"],
        created_at=values["created_at"],
        sent_at=values["sent_at"],
        next_attempt_at=values["next_attempt_at"],
        caller_id=values["caller_id"],
        resent_by=values["resent_by"],
        resent_at=values["resent_at"],
    )
