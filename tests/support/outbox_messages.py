"""Messages put straight into the outbox, one in each delivery status, for the read side."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert, select

from operator_console.storage.db.tables import callers, notification_outbox, service_requests

QUEUED_AT = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Example:
    """What one example message is: its status, channel, address, attempts and last error."""

    status: str
    channel: str
    recipient: str
    attempts: int = 0
    last_error: str | None = None
    language: str = "en"
    kind: str = "received"


EXAMPLES = (
    Example("sent", "email", "ana.lopes@example.org", 1, language="es"),
    Example("pending", "sms", "+16175550142", 3, "451 mailbox busy", kind="work_started"),
    Example("undeliverable", "email", "no.such.user@example.org", 1, "550 no such user"),
    Example("held", "email", "marta@example.org", 0, "no mail server is configured"),
    Example("undeliverable", "sms", "+16175550199", 5, "number not in service", kind="resolved"),
)


def first_request(engine: Engine) -> tuple[int, str]:
    """The id and reference of the oldest request in the database."""
    with engine.connect() as connection:
        row = connection.execute(
            select(service_requests.c.id, service_requests.c.reference)
            .order_by(service_requests.c.id)
            .limit(1)
        ).one()
    return int(row.id), str(row.reference)


def add_caller(engine: Engine, email: str, phone: str) -> int:
    with engine.begin() as connection:
        result = connection.execute(
            insert(callers).values(
                name="Ana Lopes", email=email, phone=phone, language="es", created_at=QUEUED_AT
            )
        )
        return int(result.inserted_primary_key[0])


def add_messages(
    engine: Engine,
    request_id: int,
    reference: str,
    caller_id: int | None = None,
    examples: tuple[Example, ...] = EXAMPLES,
    start: datetime = QUEUED_AT,
) -> list[int]:
    """The examples about one request, a minute apart in their order; their ids."""
    ids = []
    with engine.begin() as connection:
        for number, example in enumerate(examples):
            at = start + timedelta(minutes=number)
            key = f"test-{request_id}-{start.timestamp()}-{number}"
            result = connection.execute(
                insert(notification_outbox).values(
                    request_id=request_id,
                    caller_id=caller_id,
                    reference=reference,
                    kind=example.kind,
                    language=example.language,
                    channel=example.channel,
                    recipient=example.recipient,
                    subject="" if example.channel == "sms" else f"Your request {reference}",
                    body=f"We received your request {reference}.",
                    created_at=at,
                    sent_at=at + timedelta(minutes=2) if example.status == "sent" else None,
                    attempts=example.attempts,
                    last_error=example.last_error,
                    status=example.status,
                    idempotency_key=key,
                    next_attempt_at=(
                        at + timedelta(minutes=40) if example.status == "pending" else None
                    ),
                )
            )
            ids.append(int(result.inserted_primary_key[0]))
    return ids
