"""The notifier's loop and retry policy against an outbox in memory: sent, retried, parked, held."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import pytest

from operator_console.services.notify.notifier import Notifier, NotifierSettings, PassCounts
from operator_console.services.notify.ports import (
    Delivery,
    DeliveryHeld,
    PermanentFailure,
    TemporaryFailure,
)
from operator_console.services.notify.retry import RetryPolicy

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@dataclass
class Row:
    delivery: Delivery
    status: str = "pending"
    next_attempt_at: datetime | None = None
    claimed_until: datetime | None = None
    provider_id: str = ""
    error: str = ""


@dataclass
class MemoryOutbox:
    rows: dict[int, Row] = field(default_factory=dict)

    def add(self, channel: str = "email", attempts: int = 0) -> int:
        number = len(self.rows) + 1
        delivery = Delivery(
            number, channel, f"r{number}@example.org", "s", "b", "BOS-1", "en", f"k{number}", 0
        )
        self.rows[number] = Row(replace(delivery, attempts=attempts))
        return number

    def claim(self, limit: int, now: datetime, worker: str, lease: timedelta) -> list[Delivery]:
        due = [
            row
            for row in self.rows.values()
            if row.status == "pending"
            and (row.next_attempt_at is None or row.next_attempt_at <= now)
            and (row.claimed_until is None or row.claimed_until < now)
        ][:limit]
        for row in due:
            row.claimed_until = now + lease
        return [row.delivery for row in due]

    def _settle(self, delivery_id: int, status: str, error: str = "") -> Row:
        row = self.rows[delivery_id]
        row.status, row.error, row.claimed_until = status, error, None
        row.delivery = replace(row.delivery, attempts=row.delivery.attempts + 1)
        return row

    def mark_sent(self, delivery_id: int, provider_id: str, now: datetime) -> None:
        self._settle(delivery_id, "sent").provider_id = provider_id

    def mark_failed(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
        self._settle(delivery_id, "pending", error).next_attempt_at = next_attempt_at

    def mark_undeliverable(self, delivery_id: int, error: str) -> None:
        self._settle(delivery_id, "undeliverable", error)

    def mark_held(self, delivery_id: int, reason: str) -> None:
        self.rows[delivery_id].status = "held"
        self.rows[delivery_id].error = reason


@dataclass
class ScriptedSender:
    """Sends, or raises what `failures` holds for a recipient."""

    failures: dict[str, Exception] = field(default_factory=dict)
    sent: list[str] = field(default_factory=list)
    closed: int = 0

    def send(self, delivery: Delivery) -> str:
        failure = self.failures.get(delivery.recipient)
        if failure is not None:
            raise failure
        self.sent.append(delivery.idempotency_key)
        return f"id-{delivery.idempotency_key}"

    def close(self) -> None:
        self.closed += 1


def _notifier(outbox: MemoryOutbox, sender: ScriptedSender, **settings: object) -> Notifier:
    chosen = NotifierSettings(worker="test", **settings)  # type: ignore[arg-type]
    return Notifier(outbox, {"email": sender, "sms": sender}, chosen)


def test_a_pass_sends_what_is_due_and_records_the_provider_id() -> None:
    outbox, sender = MemoryOutbox(), ScriptedSender()
    for _ in range(3):
        outbox.add()
    counts = _notifier(outbox, sender).run_once(NOW)
    assert counts == PassCounts(sent=3)
    assert [row.provider_id for row in outbox.rows.values()] == ["id-k1", "id-k2", "id-k3"]
    assert sender.closed == 2  # each channel's connection closed at the end of the batch


def test_a_temporary_failure_is_tried_again_after_the_backoff() -> None:
    outbox, sender = MemoryOutbox(), ScriptedSender()
    outbox.add()
    sender.failures["r1@example.org"] = TemporaryFailure("451 try later")
    notifier = _notifier(outbox, sender)
    assert notifier.run_once(NOW) == PassCounts(retrying=1)
    row = outbox.rows[1]
    assert (row.status, row.error, row.next_attempt_at) == (
        "pending",
        "451 try later",
        NOW + timedelta(seconds=30),
    )
    assert notifier.run_once(NOW + timedelta(seconds=29)) == PassCounts()
    del sender.failures["r1@example.org"]
    assert notifier.run_once(NOW + timedelta(seconds=30)) == PassCounts(sent=1)
    assert sender.sent == ["k1"]


def test_refused_held_and_unknown_channels_are_parked_with_their_reason() -> None:
    outbox, sender = MemoryOutbox(), ScriptedSender()
    outbox.add()
    outbox.add()
    outbox.add(channel="fax")
    sender.failures["r1@example.org"] = PermanentFailure("550 no such user")
    sender.failures["r2@example.org"] = DeliveryHeld("no e-mail delivery is configured")
    counts = _notifier(outbox, sender).run_once(NOW)
    assert counts == PassCounts(undeliverable=2, held=1)
    assert [(row.status, row.error) for row in outbox.rows.values()] == [
        ("undeliverable", "550 no such user"),
        ("held", "no e-mail delivery is configured"),
        ("undeliverable", "no channel named 'fax' (email or sms)"),
    ]


def test_the_last_allowed_attempt_parks_the_message() -> None:
    outbox, sender = MemoryOutbox(), ScriptedSender()
    outbox.add(attempts=2)
    sender.failures["r1@example.org"] = TemporaryFailure("connection refused")
    policy = RetryPolicy(max_attempts=3)
    counts = _notifier(outbox, sender, retry=policy).run_once(NOW)
    assert counts == PassCounts(undeliverable=1)
    assert outbox.rows[1].error == "gave up after 3 attempts: connection refused"


def test_backoff_doubles_up_to_its_cap() -> None:
    policy = RetryPolicy(timedelta(seconds=30), timedelta(minutes=5), max_attempts=8)
    delays = [policy.next_attempt_at(n, NOW) for n in range(1, 9)]
    assert [None if d is None else (d - NOW).seconds for d in delays] == [
        30,
        60,
        120,
        240,
        300,
        300,
        300,
        None,
    ]
    with pytest.raises(ValueError, match="cap at least as long"):
        RetryPolicy(timedelta(minutes=2), timedelta(minutes=1))


def test_draining_runs_passes_until_one_is_not_full() -> None:
    outbox, sender = MemoryOutbox(), ScriptedSender()
    for _ in range(7):
        outbox.add()
    total = _notifier(outbox, sender, batch=3).run_until_drained(lambda: NOW)
    assert total == PassCounts(sent=7)
    assert sender.sent == [f"k{n}" for n in range(1, 8)]


class StopAfterWaits:
    """A wakeup that stops the loop once it has been waited on `limit` times."""

    def __init__(self, limit: int) -> None:
        self.waits: list[float] = []
        self._limit = limit

    def wait(self, timeout: float) -> None:
        self.waits.append(timeout)

    def is_set(self) -> bool:
        return len(self.waits) >= self._limit


def test_run_forever_waits_between_passes_and_stops_when_asked() -> None:
    outbox, sender = MemoryOutbox(), ScriptedSender()
    outbox.add()
    gate = StopAfterWaits(2)
    reports: list[PassCounts] = []
    _notifier(outbox, sender, poll=7.0).run_forever(lambda: NOW, gate, gate, reports.append)
    assert gate.waits == [7.0, 7.0]
    assert reports == [PassCounts(sent=1)]
