"""What the notifier needs: the outbox it drains and the channels it sends through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol


@dataclass(frozen=True)
class Delivery:
    """One queued message, rendered when it was queued, as the notifier claimed it.

    Attributes:
        attempts: delivery attempts made before this one.
        idempotency_key: unique per message; e-mail carries it as the Message-ID.
        webhook_id: the hook a 'webhook' delivery goes to (its secret signs it), else None.
    """

    id: int
    channel: str
    recipient: str
    subject: str
    body: str
    reference: str
    language: str
    idempotency_key: str
    attempts: int
    webhook_id: int | None = None


class TemporaryFailure(Exception):  # noqa: N818 (a failure, not an error)
    """The message could not be sent now and may be tried again (the words say why)."""


class PermanentFailure(Exception):  # noqa: N818 (a failure, not an error)
    """The message can never be sent as it is (a refused recipient, a rejected number)."""


class DeliveryHeld(Exception):  # noqa: N818 (an outcome, not an error)
    """No delivery is configured for the message's channel; it is kept, not sent."""


class Sender(Protocol):
    """One channel (e-mail, SMS): sends a message, keeping its connection across a batch."""

    def send(self, delivery: Delivery) -> str:
        """Send `delivery`; the provider's message id. Raises `TemporaryFailure`,
        `PermanentFailure` or `DeliveryHeld`."""
        ...

    def close(self) -> None:
        """End the batch: close any connection kept open."""
        ...


class OutboxPort(Protocol):
    """The notification outbox; each call is its own short transaction."""

    def claim(self, limit: int, now: datetime, worker: str, lease: timedelta) -> list[Delivery]:
        """Lease up to `limit` due pending messages to `worker` until `now + lease`, oldest
        first, skipping those another worker holds; committed before it returns."""
        ...

    def mark_sent(self, delivery_id: int, provider_id: str, now: datetime) -> None: ...

    def mark_failed(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
        """One more failed attempt; due again at `next_attempt_at`."""
        ...

    def mark_undeliverable(self, delivery_id: int, error: str) -> None:
        """Parked: no further attempt until someone corrects and re-sends it."""
        ...

    def mark_held(self, delivery_id: int, reason: str) -> None: ...


class Wakeup(Protocol):
    """What the notifier waits on between passes: an outbox change, or the poll interval."""

    def wait(self, timeout: float) -> None:
        """Return when the outbox may have changed, or after `timeout` seconds."""
        ...
