"""The notifier: claim due messages, send each through its channel, record what happened."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from operator_console.services.notify.ports import (
    Delivery,
    DeliveryHeld,
    OutboxPort,
    PermanentFailure,
    Sender,
    TemporaryFailure,
    Wakeup,
)
from operator_console.services.notify.retry import RetryPolicy


@dataclass(frozen=True)
class PassCounts:
    """What one pass (or several, added up) did with the messages it claimed."""

    sent: int = 0
    retrying: int = 0
    undeliverable: int = 0
    held: int = 0

    @property
    def claimed(self) -> int:
        return self.sent + self.retrying + self.undeliverable + self.held

    def __add__(self, other: PassCounts) -> PassCounts:
        return PassCounts(
            self.sent + other.sent,
            self.retrying + other.retrying,
            self.undeliverable + other.undeliverable,
            self.held + other.held,
        )

    def describe(self) -> str:
        return (
            f"{self.sent} sent, {self.retrying} to try again, "
            f"{self.undeliverable} undeliverable, {self.held} held"
        )


class Stopping(Protocol):
    """Set when the notifier is to stop (SIGTERM, the console closing)."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class NotifierSettings:
    """Who this notifier is and how much it takes at once.

    Attributes:
        worker: names this notifier in the leases it takes (host and process, say).
        batch: messages claimed per pass.
        lease: how long a claim keeps other notifiers off a message; longer than a batch takes.
        poll: seconds between passes when nothing announces a change.
    """

    worker: str
    batch: int = 50
    lease: timedelta = timedelta(minutes=5)
    poll: float = 30.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    def __post_init__(self) -> None:
        if self.batch < 1:
            raise ValueError("a batch holds at least one message")
        if self.poll <= 0:
            raise ValueError("the poll interval must be above zero")


class Notifier:
    """Drains the outbox through one sender per channel ('email', 'sms', 'webhook')."""

    def __init__(
        self, outbox: OutboxPort, senders: Mapping[str, Sender], settings: NotifierSettings
    ) -> None:
        self._outbox = outbox
        self._senders = dict(senders)
        self._settings = settings

    def run_once(self, now: datetime) -> PassCounts:
        """Claim one batch of messages due at `now` and deliver each; what became of them."""
        settings = self._settings
        deliveries = self._outbox.claim(settings.batch, now, settings.worker, settings.lease)
        counts = PassCounts()
        try:
            for delivery in sorted(deliveries, key=lambda d: d.id):
                counts = counts + self._deliver(delivery, now)
        finally:
            for sender in self._senders.values():
                sender.close()
        return counts

    def run_until_drained(self, clock: Callable[[], datetime]) -> PassCounts:
        """Passes until one claims less than a full batch: everything due now is handled."""
        total = PassCounts()
        while True:
            counts = self.run_once(clock())
            total = total + counts
            if counts.claimed < self._settings.batch:
                return total

    def run_forever(
        self,
        clock: Callable[[], datetime],
        wakeup: Wakeup,
        stopping: Stopping,
        report: Callable[[PassCounts], None] = lambda _counts: None,
    ) -> None:
        """Drain, wait for a change or the poll interval, again, until `stopping` is set.
        `report` hears of every pass that handled a message."""
        while not stopping.is_set():
            counts = self.run_once(clock())
            if counts.claimed:
                report(counts)
            if counts.claimed < self._settings.batch and not stopping.is_set():
                wakeup.wait(self._settings.poll)

    def _deliver(self, delivery: Delivery, now: datetime) -> PassCounts:
        sender = self._senders.get(delivery.channel)
        if sender is None:
            self._outbox.mark_undeliverable(
                delivery.id, f"no channel named {delivery.channel!r} (email or sms)"
            )
            return PassCounts(undeliverable=1)
        try:
            provider_id = sender.send(delivery)
        except DeliveryHeld as held:
            self._outbox.mark_held(delivery.id, str(held))
            return PassCounts(held=1)
        except PermanentFailure as refused:
            self._outbox.mark_undeliverable(delivery.id, str(refused))
            return PassCounts(undeliverable=1)
        except TemporaryFailure as failure:
            again = self._settings.retry.next_attempt_at(delivery.attempts + 1, now)
            if again is None:
                attempts = delivery.attempts + 1
                self._outbox.mark_undeliverable(
                    delivery.id, f"gave up after {attempts} attempts: {failure}"
                )
                return PassCounts(undeliverable=1)
            self._outbox.mark_failed(delivery.id, str(failure), again)
            return PassCounts(retrying=1)
        self._outbox.mark_sent(delivery.id, provider_id, now)
        return PassCounts(sent=1)
