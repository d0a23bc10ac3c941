"""Registered hooks in SQL: add, list and remove them (admins), read a secret (the notifier)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, insert, select, update

from operator_console.services.webhooks.events import (
    Webhook,
    WebhookError,
    checked_event,
    checked_url,
)
from operator_console.storage.webhooks.tables import webhooks


def add_webhook(
    engine: Engine, event: str, url: str, secret: str, actor: str, now: datetime
) -> Webhook:
    """Register `url` for `event`, signed with `secret`; the hook as listed."""
    event, url = checked_event(event), checked_url(url)
    statement = (
        insert(webhooks)
        .values(event=event, url=url, secret=secret, created_at=now, created_by=actor)
        .returning(webhooks.c.id)
    )
    with engine.begin() as connection:
        new_id = int(connection.execute(statement).scalar_one())
    return Webhook(new_id, event, url, now, actor)


def list_webhooks(engine: Engine) -> list[Webhook]:
    """The hooks in force, by event and then in the order they were added."""
    statement = (
        select(
            webhooks.c.id,
            webhooks.c.event,
            webhooks.c.url,
            webhooks.c.created_at,
            webhooks.c.created_by,
        )
        .where(webhooks.c.removed_at.is_(None))
        .order_by(webhooks.c.event, webhooks.c.id)
    )
    with engine.connect() as connection:
        return [Webhook(*row) for row in connection.execute(statement)]


def remove_webhook(engine: Engine, hook_id: int, actor: str, now: datetime) -> None:
    """Stop queueing deliveries to the hook; those already queued still go out."""
    statement = (
        update(webhooks)
        .where(webhooks.c.id == hook_id, webhooks.c.removed_at.is_(None))
        .values(removed_at=now, removed_by=actor)
    )
    with engine.begin() as connection:
        if connection.execute(statement).rowcount == 0:
            raise WebhookError(f"there is no webhook {hook_id} in force (see webhooks list)")


class SqlWebhookSecrets:
    """A hook's signing secret, read when its delivery is sent; None for no such hook."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __call__(self, hook_id: int) -> str | None:
        statement = select(webhooks.c.secret).where(webhooks.c.id == hook_id)
        with self._engine.connect() as connection:
            secret = connection.execute(statement).scalar_one_or_none()
        return None if secret is None else str(secret)
