"""Messages queued straight into the outbox, and the outbox read back, for the notifier's tests."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select

from operator_console.storage.db.tables import notification_outbox as outbox

QUEUED_AT = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class OutboxRow:
    id: int
    recipient: str
    status: str
    attempts: int
    last_error: str | None
    provider_message_id: str | None
    idempotency_key: str
    sent_at: datetime | None
    next_attempt_at: datetime | None
    claimed_by: str | None


def queue_messages(engine: Engine, recipients: Sequence[str], channel: str = "email") -> list[str]:
    """One pending message per recipient, as the producers queue them; their idempotency keys."""
    keys = [f"msg-{uuid.uuid4().hex}" for _ in recipients]
    rows = [
        {
            "channel": channel,
            "recipient": recipient,
            "subject": "" if channel == "sms" else f"BOS-{number:06d}: we received your request",
            "body": f"Your request BOS-{number:06d} was received.",
            "created_at": QUEUED_AT,
            "reference": f"BOS-{number:06d}",
            "kind": "received",
            "language": "en",
            "idempotency_key": key,
        }
        for number, (recipient, key) in enumerate(zip(recipients, keys, strict=True), start=1)
    ]
    with engine.begin() as connection:
        connection.execute(insert(outbox), rows)
    return keys


def outbox_rows(engine: Engine) -> list[OutboxRow]:
    columns = [getattr(outbox.c, name) for name in OutboxRow.__dataclass_fields__]
    with engine.connect() as connection:
        result = connection.execute(select(*columns).order_by(outbox.c.id))
        return [OutboxRow(*row) for row in result]
