"""Webhooks out on PostgreSQL: case events queue a signed delivery per matching hook in the
outbox, in the event's transaction, and the notifier's own login POSTs them to a local server."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select, text

from operator_console.app.notify_cli import deliver_due_messages
from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.cases.actions import assign_cases, move_cases
from operator_console.services.cases.commands import AssignCases, CaseRef, MoveCases
from operator_console.services.intake.submission import Submission, submit
from operator_console.services.webhooks.signing import verifies
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import NOTIFIER_ROLE
from operator_console.storage.db.tables import notification_outbox, service_requests
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from operator_console.storage.webhooks.store import add_webhook, list_webhooks, remove_webhook
from tests.support.staff import DISPATCHER1, OPERATOR1, SUPERVISOR1
from tests.support.staff_logins import unique_login, url_as
from tests.support.webhook_receiver import WebhookReceiver

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
SECRET = "s3cret-for-tests"
o = notification_outbox.c


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
def receiver() -> Iterator[WebhookReceiver]:
    server = WebhookReceiver()
    try:
        yield server
    finally:
        server.stop()


def _take_call(engine: Engine) -> int:
    draft = IntakeDraft(
        caller=Caller("Lucía", "Ortiz", "617 555 0177", "lucia@example.org", "es", "email"),
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
        description="Three lights out in a row.",
    )
    submission = Submission(str(uuid.uuid4()), draft)
    return submit(lambda: SqlIntakeUnitOfWork(engine), submission, OPERATOR1, NOW).request_id


def _ref(engine: Engine, request_id: int) -> CaseRef:
    r = service_requests.c
    with engine.connect() as connection:
        version = connection.execute(select(r.version).where(r.id == request_id)).scalar_one()
    return CaseRef(request_id, int(version))


def _resolve(engine: Engine, request_id: int) -> None:
    command = MoveCases(
        (_ref(engine, request_id),), Status.RESOLVED, "Bulb replaced.", ClosureReason.FIXED
    )
    move_cases(SqlCaseUnitOfWork(engine), command, SUPERVISOR1, NOW)


def _assign(engine: Engine, request_id: int) -> None:
    command = AssignCases((_ref(engine, request_id),), "night shift", staff_login="dispatcher1")
    assign_cases(SqlCaseUnitOfWork(engine), command, DISPATCHER1, NOW)


def _webhook_rows(engine: Engine, request_id: int) -> list[Any]:
    statement = (
        select(notification_outbox)
        .where(o.request_id == request_id, o.channel == "webhook")
        .order_by(o.id)
    )
    with engine.connect() as connection:
        return list(connection.execute(statement))


def test_a_resolution_is_posted_signed_with_the_case_public_fields(
    owner: Engine, notifier: Engine, receiver: WebhookReceiver
) -> None:
    add_webhook(owner, "resolved", f"{receiver.base_url}/hooks", SECRET, "admin1", NOW)
    request_id = _take_call(owner)
    _resolve(owner, request_id)

    counts = deliver_due_messages(notifier)

    assert counts.sent >= 1
    (hook,) = receiver.received
    assert hook.path == "/hooks"
    timestamp = int(hook.headers["X-Operator-Console-Timestamp"])
    signature = hook.headers["X-Operator-Console-Signature"]
    assert signature.startswith("sha256=")
    assert verifies(SECRET, timestamp, hook.body, signature)
    assert not verifies("another secret", timestamp, hook.body, signature)
    assert hook.headers["X-Operator-Console-Event"] == "resolved"
    document = json.loads(hook.body)
    assert document["event"] == "resolved"
    case = document["request"]
    assert case["status"] == "closed"
    assert case["service_code"] == "street-light-outages"
    assert case["address"] == "29 Hereford St"
    assert case["description"] == "Three lights out in a row."
    assert "Lucía" not in hook.body.decode() and "617" not in hook.body.decode()
    (row,) = _webhook_rows(owner, request_id)
    assert (row.status, row.recipient, row.kind) == (
        "sent",
        f"{receiver.base_url}/hooks",
        "resolved",
    )
    assert row.reference == case["service_request_id"]


def test_a_500_is_tried_again_after_the_backoff_and_delivered_once(
    owner: Engine, notifier: Engine, receiver: WebhookReceiver
) -> None:
    add_webhook(owner, "created", receiver.base_url, SECRET, "admin1", NOW)
    receiver.answer(500)
    request_id = _take_call(owner)

    first = deliver_due_messages(notifier)
    (row,) = _webhook_rows(owner, request_id)
    assert first.retrying == 1
    assert (row.status, row.attempts) == ("pending", 1)
    assert "answered 500" in row.last_error

    with owner.begin() as connection:  # the backoff's delay has passed
        connection.execute(
            notification_outbox.update()
            .where(o.id == row.id)
            .values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    deliver_due_messages(notifier)
    deliver_due_messages(notifier)

    (row,) = _webhook_rows(owner, request_id)
    assert (row.status, row.attempts) == ("sent", 2)
    assert len(receiver.received) == 2
    assert receiver.received[0].body == receiver.received[1].body


@pytest.mark.parametrize("status", [410, 400])
def test_a_refusing_receiver_has_the_delivery_parked_with_its_answer(
    owner: Engine, notifier: Engine, receiver: WebhookReceiver, status: int
) -> None:
    add_webhook(owner, "created", receiver.base_url, SECRET, "admin1", NOW)
    receiver.answer(status)
    request_id = _take_call(owner)

    counts = deliver_due_messages(notifier)

    (row,) = _webhook_rows(owner, request_id)
    assert counts.undeliverable == 1
    assert row.status == "undeliverable"
    assert f"refused it ({status})" in row.last_error
    assert len(receiver.received) == 1


def test_a_hook_for_resolved_hears_nothing_of_an_assignment(
    owner: Engine, notifier: Engine, receiver: WebhookReceiver
) -> None:
    add_webhook(owner, "resolved", f"{receiver.base_url}/resolved", SECRET, "admin1", NOW)
    add_webhook(owner, "assigned", f"{receiver.base_url}/assigned", SECRET, "admin1", NOW)
    request_id = _take_call(owner)
    _assign(owner, request_id)

    deliver_due_messages(notifier)

    assert [hook.path for hook in receiver.received] == ["/assigned"]
    assert [row.kind for row in _webhook_rows(owner, request_id)] == ["assigned"]


def test_a_removed_hook_is_sent_nothing_more(owner: Engine, receiver: WebhookReceiver) -> None:
    hook = add_webhook(owner, "created", receiver.base_url, SECRET, "admin1", NOW)
    remove_webhook(owner, hook.id, "admin1", NOW)

    request_id = _take_call(owner)

    assert list_webhooks(owner) == []
    assert _webhook_rows(owner, request_id) == []
