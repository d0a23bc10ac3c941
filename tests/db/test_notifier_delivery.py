"""The notifier delivers the outbox to a real SMTP server: sent once with the provider id,
retried while the server is down, parked when it refuses, held when nothing is configured."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from operator_console.app.notify_cli import build_notifier, deliver_due_messages
from operator_console.channels.config import NotifyConfig
from operator_console.channels.email import EmailSettings
from operator_console.services.notify.notifier import PassCounts
from operator_console.storage.db.engine import make_engine
from tests.support.notifier_rows import outbox_rows, queue_messages
from tests.support.smtp_server import SmtpServer

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
RESIDENTS = ["ana@example.org", "bo@example.org", "cy@example.org"]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()


def email_config(server: SmtpServer) -> NotifyConfig:
    settings = EmailSettings(
        host=server.host,
        port=server.port,
        sender="City of Boston 311 <no-reply@boston.example>",
        security="none",
        reply_to="311@boston.example",
    )
    return NotifyConfig(email=settings, source=Path("notify.toml"))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    try:
        yield engine
    finally:
        engine.dispose()


def test_messages_are_delivered_and_marked_sent_with_the_provider_id(
    engine: Engine, smtp: SmtpServer
) -> None:
    keys = queue_messages(engine, RESIDENTS)
    counts = deliver_due_messages(engine, email_config(smtp), worker="test")
    assert counts == PassCounts(sent=3)
    rows = outbox_rows(engine)
    assert [row.status for row in rows] == ["sent"] * 3
    assert [row.provider_message_id for row in rows] == [f"<{key}@boston.example>" for key in keys]
    assert all(row.attempts == 1 and row.sent_at is not None for row in rows)
    assert all(row.claimed_by is None for row in rows)
    first = smtp.messages[0]
    assert first["To"] == "ana@example.org"
    assert first["From"] == "City of Boston 311 <no-reply@boston.example>"
    assert first["Reply-To"] == "311@boston.example"
    assert first["Message-ID"] == f"<{keys[0]}@boston.example>"
    assert first["X-Operator-Console-Reference"] == "BOS-000001"
    assert first["Subject"] == "BOS-000001: we received your request"
    assert "Your request BOS-000001 was received." in first.get_payload()
    assert deliver_due_messages(engine, email_config(smtp), worker="test") == PassCounts()


def test_a_server_down_then_up_gets_each_message_exactly_once(
    pg_engine: Engine, smtp: SmtpServer
) -> None:
    keys = queue_messages(pg_engine, RESIDENTS)
    notifier = build_notifier(pg_engine, email_config(smtp), worker="test")
    smtp.stop()
    assert notifier.run_once(T0) == PassCounts(retrying=3)
    rows = outbox_rows(pg_engine)
    assert {(row.status, row.attempts, row.next_attempt_at) for row in rows} == {
        ("pending", 1, T0 + timedelta(seconds=30))
    }
    assert all("could not be reached" in (row.last_error or "") for row in rows)
    smtp.start()
    assert notifier.run_once(T0 + timedelta(seconds=29)) == PassCounts()
    assert notifier.run_once(T0 + timedelta(seconds=30)) == PassCounts(sent=3)
    assert smtp.message_ids() == {f"<{key}@boston.example>": 1 for key in keys}
    assert [(row.status, row.attempts, row.last_error) for row in outbox_rows(pg_engine)] == [
        ("sent", 2, None)
    ] * 3


def test_a_refused_recipient_is_parked_with_the_reason_and_the_rest_are_sent(
    pg_engine: Engine, smtp: SmtpServer
) -> None:
    smtp.refuse_recipient("bo@example.org", "550 5.1.1 <bo@example.org>: no such user")
    smtp.refuse_recipient("cy@example.org", "451 4.3.0 mailbox busy, try later")
    queue_messages(pg_engine, RESIDENTS)
    counts = build_notifier(pg_engine, email_config(smtp), worker="test").run_once(T0)
    assert counts == PassCounts(sent=1, retrying=1, undeliverable=1)
    ana, bo, cy = outbox_rows(pg_engine)
    assert ana.status == "sent"
    assert (bo.status, bo.last_error, bo.next_attempt_at) == (
        "undeliverable",
        "the mail server refused bo@example.org: 550 5.1.1 <bo@example.org>: no such user",
        None,
    )
    assert (cy.status, cy.last_error) == (
        "pending",
        "the mail server refused cy@example.org: 451 4.3.0 mailbox busy, try later",
    )
    assert len(smtp.messages) == 1


def test_without_a_configuration_messages_are_held_with_the_reason(pg_engine: Engine) -> None:
    queue_messages(pg_engine, RESIDENTS[:1])
    queue_messages(pg_engine, ["+16175550123"], channel="sms")
    assert deliver_due_messages(pg_engine, worker="test") == PassCounts(held=2)
    assert {(row.status, row.last_error, row.attempts) for row in outbox_rows(pg_engine)} == {
        ("held", "no delivery is configured (the notifier runs without --config)", 0)
    }


def test_a_channel_left_out_of_the_configuration_is_held(
    pg_engine: Engine, smtp: SmtpServer
) -> None:
    queue_messages(pg_engine, RESIDENTS[:1])
    queue_messages(pg_engine, ["+16175550123"], channel="sms")
    counts = deliver_due_messages(pg_engine, email_config(smtp), worker="test")
    assert counts == PassCounts(sent=1, held=1)
    held = outbox_rows(pg_engine)[1]
    assert held.last_error == "no SMS delivery is configured ([sms] in notify.toml)"
