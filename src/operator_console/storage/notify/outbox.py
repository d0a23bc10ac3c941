"""The outbox port in SQL: a claim committed at once, then one short transaction per delivery."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select, update

from operator_console.services.notify.ports import Delivery
from operator_console.storage.db.tables import notification_outbox as outbox

_DELIVERY_COLUMNS = (
    outbox.c.id,
    outbox.c.channel,
    outbox.c.recipient,
    outbox.c.subject,
    outbox.c.body,
    outbox.c.reference,
    outbox.c.language,
    outbox.c.idempotency_key,
    outbox.c.attempts,
    outbox.c.webhook_id,
)
_RELEASED = {"claimed_by": None, "claimed_until": None}


class SqlOutbox:
    """`notification_outbox` on PostgreSQL (any number of notifiers: the claim skips rows
    another holds) or SQLite (one notifier in the console's process)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._skip_locked = engine.dialect.name == "postgresql"

    def claim(self, limit: int, now: datetime, worker: str, lease: timedelta) -> list[Delivery]:
        due = (
            select(outbox.c.id)
            .where(
                outbox.c.status == "pending",
                or_(outbox.c.next_attempt_at.is_(None), outbox.c.next_attempt_at <= now),
                or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < now),
            )
            .order_by(outbox.c.id)
            .limit(limit)
        )
        with self._engine.connect() as connection:
            # A claim that would update nothing is not run: every UPDATE of the outbox
            # announces itself, and an empty one would wake every notifier for nothing.
            if connection.execute(due.limit(1)).first() is None:
                return []
        if self._skip_locked:
            due = due.with_for_update(skip_locked=True)
        statement = (
            update(outbox)
            .where(outbox.c.id.in_(due.scalar_subquery()))
            .values(claimed_by=worker, claimed_until=now + lease)
            .returning(*_DELIVERY_COLUMNS)
        )
        with self._engine.begin() as connection:
            rows = connection.execute(statement).all()
        return sorted(
            (
                Delivery(
                    id=row.id,
                    channel=row.channel,
                    recipient=row.recipient,
                    subject=row.subject,
                    body=row.body,
                    reference=row.reference,
                    language=row.language,
                    idempotency_key=row.idempotency_key or f"outbox-{row.id}",
                    attempts=row.attempts,
                    webhook_id=row.webhook_id,
                )
                for row in rows
            ),
            key=lambda delivery: delivery.id,
        )

    def mark_sent(self, delivery_id: int, provider_id: str, now: datetime) -> None:
        self._record(
            delivery_id,
            status="sent",
            sent_at=now,
            provider_message_id=provider_id,
            last_error=None,
            next_attempt_at=None,
            attempts=outbox.c.attempts + 1,
        )

    def mark_failed(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
        self._record(
            delivery_id,
            last_error=error,
            next_attempt_at=next_attempt_at,
            attempts=outbox.c.attempts + 1,
        )

    def mark_undeliverable(self, delivery_id: int, error: str) -> None:
        self._record(
            delivery_id,
            status="undeliverable",
            last_error=error,
            next_attempt_at=None,
            attempts=outbox.c.attempts + 1,
        )

    def mark_held(self, delivery_id: int, reason: str) -> None:
        self._record(delivery_id, status="held", last_error=reason, next_attempt_at=None)

    def _record(self, delivery_id: int, **values: Any) -> None:
        # Only a message still pending: one re-sent or corrected meanwhile is left as it is.
        statement = (
            update(outbox)
            .where(and_(outbox.c.id == delivery_id, outbox.c.status == "pending"))
            .values(**values, **_RELEASED)
        )
        with self._engine.begin() as connection:
            connection.execute(statement)


def counts_by_status(engine: Engine) -> dict[str, int]:
    """How many messages the outbox holds in each status ('pending', 'sent', ...)."""
    statement = (
        select(outbox.c.status, func.count()).group_by(outbox.c.status).order_by(outbox.c.status)
    )
    with engine.connect() as connection:
        return {status: int(count) for status, count in connection.execute(statement)}
