"""From the call to the resident's mailbox: intake and case actions queue messages, the
notifier's own login delivers them to a real SMTP server on loopback, in the caller's language."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text

from operator_console.app.notify_cli import deliver_due_messages
from operator_console.channels.config import NotifyConfig
from operator_console.channels.email import EmailSettings
from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.cases.actions import add_note, move_cases
from operator_console.services.cases.commands import AddNote, CaseRef, MoveCases
from operator_console.services.intake.submission import Submission, submit
from operator_console.services.messages.dates import spoken_date
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import NOTIFIER_ROLE
from operator_console.storage.db.tables import service_requests
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.smtp_server import SmtpServer
from tests.support.staff import DISPATCHER1, OPERATOR1, SUPERVISOR1
from tests.support.staff_logins import unique_login, url_as

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
LUCIA = Caller("Lucía", "Ortiz", "617 555 0177", "lucia@example.org", "es", "email")


@pytest.fixture
def owner(demo_pg_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_pg_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def notifier(demo_pg_url: str) -> Iterator[Engine]:
    login = unique_login("notifier")
    admin = create_engine(demo_pg_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE {NOTIFIER_ROLE}'))
    admin.dispose()
    engine = make_engine(url_as(demo_pg_url, login))
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()


def _config(server: SmtpServer) -> NotifyConfig:
    settings = EmailSettings(
        server.host, server.port, "Boston 311 <no-reply@boston.example>", "none"
    )
    return NotifyConfig(email=settings, source=Path("notify.toml"))


def _take_call(engine: Engine) -> tuple[int, str]:
    draft = IntakeDraft(
        caller=LUCIA,
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
        description="Three lights out in a row.",
    )
    receipt = submit(
        lambda: SqlIntakeUnitOfWork(engine), Submission(str(uuid.uuid4()), draft), OPERATOR1, NOW
    )
    return receipt.request_id, receipt.reference


def _case(engine: Engine, request_id: int) -> tuple[CaseRef, datetime]:
    r = service_requests.c
    with engine.connect() as connection:
        version, due_at = connection.execute(
            select(r.version, r.due_at).where(r.id == request_id)
        ).one()
    return CaseRef(request_id, version), due_at


def _words(message: Message) -> tuple[str, str]:
    subject = str(make_header(decode_header(message["Subject"])))
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return subject, payload.decode(message.get_content_charset() or "utf-8")


def test_a_spanish_caller_hears_in_spanish_and_an_internal_note_sends_nothing(
    owner: Engine, notifier: Engine, smtp: SmtpServer
) -> None:
    request_id, reference = _take_call(owner)
    with SqlIntakeUnitOfWork(owner) as uow:
        time_zone = uow.city().time_zone
    deliver_due_messages(notifier, _config(smtp))
    [confirmation] = smtp.messages
    subject, body = _words(confirmation)
    _, due_at = _case(owner, request_id)
    assert confirmation["To"] == "lucia@example.org"
    assert subject.startswith("Recibimos su reporte") and reference in subject
    assert reference in body and spoken_date(due_at, "es", time_zone) in body

    case, _ = _case(owner, request_id)
    add_note(SqlCaseUnitOfWork(owner), AddNote(case, "Parts on order.", False), DISPATCHER1, NOW)
    deliver_due_messages(notifier, _config(smtp))
    assert len(smtp.messages) == 1

    case, _ = _case(owner, request_id)
    resolve = MoveCases((case,), Status.RESOLVED, "Bombilla cambiada.", ClosureReason.FIXED)
    move_cases(SqlCaseUnitOfWork(owner), resolve, SUPERVISOR1, NOW)
    deliver_due_messages(notifier, _config(smtp))
    _, resolution = smtp.messages
    subject, body = _words(resolution)
    assert subject.startswith("Cerramos su reporte") and reference in subject
    assert "el problema quedó resuelto" in body and "Bombilla cambiada." in body
    assert all(message["X-Operator-Console-Reference"] == reference for message in smtp.messages)
    assert sum(smtp.message_ids().values()) == len(smtp.message_ids()) == 2
