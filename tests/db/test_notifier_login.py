"""The notifier's own database login (group console_notifier): it delivers the outbox, wakes
on its announcements, and can do nothing else."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from operator_console.app.notify_cli import deliver_due_messages
from operator_console.channels.config import NotifyConfig
from operator_console.channels.email import EmailSettings
from operator_console.services.notify.notifier import PassCounts
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import NOTIFIER_ROLE
from operator_console.storage.notify.wakeup import PgWakeup
from tests.support.notifier_rows import outbox_rows, queue_messages
from tests.support.smtp_server import SmtpServer
from tests.support.staff_logins import unique_login, url_as


@pytest.fixture
def notifier_url(pg_url: str) -> str:
    login = unique_login("notifier")
    admin = create_engine(pg_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE {NOTIFIER_ROLE}'))
    admin.dispose()
    return url_as(pg_url, login)


@pytest.fixture
def owner(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def notifier(notifier_url: str) -> Iterator[Engine]:
    engine = make_engine(notifier_url)
    try:
        yield engine
    finally:
        engine.dispose()


def test_the_notifier_login_delivers_the_outbox(owner: Engine, notifier: Engine) -> None:
    server = SmtpServer().start()
    try:
        keys = queue_messages(owner, ["ana@example.org", "bo@example.org"])
        settings = EmailSettings(server.host, server.port, "311 <no-reply@city.example>", "none")
        config = NotifyConfig(email=settings, source=Path("notify.toml"))
        assert deliver_due_messages(notifier, config, worker="w") == PassCounts(sent=2)
        assert server.message_ids() == {f"<{key}@city.example>": 1 for key in keys}
    finally:
        server.stop()
    assert [row.status for row in outbox_rows(owner)] == ["sent", "sent"]


@pytest.mark.parametrize(
    ("statement", "table"),
    [
        ("SELECT name, phone FROM callers", "callers"),
        ("SELECT reference FROM service_requests", "service_requests"),
        ("UPDATE notification_outbox SET subject = 'changed'", "notification_outbox"),
        ("UPDATE notification_outbox SET recipient = 'x@example.org'", "notification_outbox"),
        ("UPDATE notification_outbox SET body = 'changed'", "notification_outbox"),
        ("DELETE FROM notification_outbox", "notification_outbox"),
        (
            "INSERT INTO notification_outbox (channel, recipient, subject, body, created_at) "
            "VALUES ('email', 'x@example.org', 's', 'b', now())",
            "notification_outbox",
        ),
    ],
)
def test_the_notifier_login_can_do_nothing_else(
    owner: Engine, notifier: Engine, statement: str, table: str
) -> None:
    queue_messages(owner, ["ana@example.org"])
    with (
        pytest.raises(DBAPIError, match=f"permission denied for table {table}"),
        notifier.begin() as connection,
    ):
        connection.execute(text(statement))
    assert [row.recipient for row in outbox_rows(owner)] == ["ana@example.org"]


def test_a_queued_message_wakes_a_waiting_notifier(notifier_url: str, owner: Engine) -> None:
    stopping = threading.Event()
    wakeup = PgWakeup(notifier_url, stopping)
    try:
        wakeup.wait(0.01)  # LISTEN is in place after the first wait
        queue_messages(owner, ["ana@example.org"])
        started = time.monotonic()
        wakeup.wait(20.0)
        assert time.monotonic() - started < 10.0
    finally:
        wakeup.close()


def test_a_stop_ends_a_wait_at_once(notifier_url: str) -> None:
    stopping = threading.Event()
    wakeup = PgWakeup(notifier_url, stopping)
    stopping.set()
    started = time.monotonic()
    try:
        wakeup.wait(20.0)
    finally:
        wakeup.close()
    assert time.monotonic() - started < 10.0
