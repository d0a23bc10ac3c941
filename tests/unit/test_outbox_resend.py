"""Correcting and re-sending a message, against an outbox in memory: who may, which addresses
are accepted, and what the second of two supervisors is told."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

import pytest

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.services.outbox_view.resend import (
    Resend,
    ResendRefusedError,
    checked_recipient,
    resend,
)

NOW = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)
SUPERVISOR = StaffIdentity("supervisor1", "Sam", "supervisor")
PARKED = OutboxMessage(
    id=7,
    request_id=1,
    reference="BOS-26-000001",
    kind="resolved",
    channel="email",
    language="en",
    recipient="no.such.user@example.org",
    subject="Your request",
    body="We closed it.",
    status="undeliverable",
    attempts=1,
    last_error="550 no such user",
    created_at=NOW,
    caller_id=3,
)


class MemoryResendWork:
    """The outbox and the callers' addresses in memory; `committed` once kept."""

    def __init__(self, message: OutboxMessage, may_correct_caller: bool = True) -> None:
        self.messages = {message.id: message}
        self.caller_addresses: dict[tuple[int, str], str] = {}
        self.may_correct_caller = may_correct_caller
        self.committed = False

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def commit(self) -> None:
        self.committed = True

    def message(self, message_id: int) -> OutboxMessage | None:
        return self.messages.get(message_id)

    def phone_region(self) -> str:
        return "US"

    def queue_again(
        self, message_id: int, recipient: str, expected_status: str, login: str, now: datetime
    ) -> bool:
        stored = self.messages[message_id]
        if stored.status != expected_status:
            return False
        self.messages[message_id] = replace(
            stored,
            recipient=recipient,
            status="pending",
            attempts=0,
            last_error=None,
            resent_by=login,
            resent_at=now,
        )
        return True

    def correct_caller(self, caller_id: int, channel: str, address: str) -> bool:
        if self.may_correct_caller:
            self.caller_addresses[(caller_id, channel)] = address
        return self.may_correct_caller


def test_a_resend_makes_the_message_due_again_and_corrects_the_caller() -> None:
    work = MemoryResendWork(PARKED)
    resent = resend(work, Resend(7, " ana@example.org ", "undeliverable"), SUPERVISOR, NOW)
    stored = work.messages[7]
    assert (stored.recipient, stored.status, stored.attempts) == ("ana@example.org", "pending", 0)
    assert stored.last_error is None and stored.resent_by == "supervisor1"
    assert work.caller_addresses == {(3, "email"): "ana@example.org"} and work.committed
    assert resent.caller_corrected and not resent.caller_kept_their_address


def test_the_caller_kept_their_address_when_the_database_does_not_allow_it() -> None:
    work = MemoryResendWork(PARKED, may_correct_caller=False)
    resent = resend(work, Resend(7, "ana@example.org", "undeliverable"), SUPERVISOR, NOW)
    assert resent.caller_kept_their_address


def test_the_second_supervisor_is_told_who_resent_it_first() -> None:
    work = MemoryResendWork(PARKED)
    resend(work, Resend(7, "ana@example.org", "undeliverable"), SUPERVISOR, NOW)
    second = StaffIdentity("supervisor2", "Sue", "supervisor")
    with pytest.raises(ResendRefusedError, match="supervisor1 already re-sent this message, to"):
        resend(work, Resend(7, "other@example.org", "undeliverable"), second, NOW)
    assert work.messages[7].recipient == "ana@example.org"


def test_operators_and_dispatchers_may_not_resend() -> None:
    for role in ("operator", "dispatcher"):
        work = MemoryResendWork(PARKED)
        with pytest.raises(NotPermittedError, match="only supervisors and admins can correct"):
            resend(
                work,
                Resend(7, "ana@example.org", "undeliverable"),
                StaffIdentity("x", "X", role),
                NOW,
            )
        assert work.messages[7].status == "undeliverable" and not work.committed


@pytest.mark.parametrize(
    ("channel", "typed", "stored"),
    [
        ("email", "ana.lopes@example.org", "ana.lopes@example.org"),
        ("sms", "(617) 635-4500", "+16176354500"),
        ("sms", "+34 612 345 678", "+34612345678"),
    ],
)
def test_addresses_are_stored_as_their_channel_writes_them(
    channel: str, typed: str, stored: str
) -> None:
    assert checked_recipient(channel, typed, "US") == stored


@pytest.mark.parametrize(
    ("channel", "typed", "words"),
    [
        ("email", "ana.lopes@", "is not an e-mail address"),
        ("email", "ana lopes@example.org", "is not an e-mail address"),
        ("email", "", "Enter an e-mail address"),
        ("sms", "555 01", "is too short to be a phone number"),
        ("sms", "", "Enter a phone number"),
    ],
)
def test_a_bad_address_is_refused_in_words(channel: str, typed: str, words: str) -> None:
    with pytest.raises(ResendRefusedError, match=words):
        checked_recipient(channel, typed, "US")
