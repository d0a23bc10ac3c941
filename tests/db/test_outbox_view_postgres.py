"""On PostgreSQL the database itself keeps operators from re-sending, and a supervisor's own
login corrects and re-sends a message through the console's transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from operator_console.services.errors import DatabaseRefusedError
from operator_console.services.outbox_view.desk import MessageDesk
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.errors import speaking_service_errors
from operator_console.storage.db.identity import identify
from operator_console.storage.db.tables import callers, notification_outbox
from operator_console.storage.outbox_view.reads import SqlOutboxReads
from operator_console.storage.outbox_view.resend_work import SqlResendWork
from tests.support.outbox_messages import add_caller, add_messages, first_request
from tests.support.staff_logins import login_of, make_staff_login


def test_postgresql_refuses_an_operator_the_update_a_resend_makes(demo_pg_url: str) -> None:
    owner = make_engine(demo_pg_url)
    request_id, reference = first_request(owner)
    parked = add_messages(owner, request_id, reference)[2]
    operator = make_engine(make_staff_login(demo_pg_url, "operator", ["PWDx"]))
    try:
        with operator.connect() as connection:  # operators read the outbox
            seen = connection.execute(
                select(notification_outbox.c.status).where(notification_outbox.c.id == parked)
            ).scalar_one()
        assert seen == "undeliverable"
        refused = pytest.raises(DatabaseRefusedError, match="permission denied")
        with refused, speaking_service_errors(), operator.begin() as connection:
            connection.execute(
                text(
                    "UPDATE notification_outbox SET recipient = 'x@example.org', "
                    "status = 'pending', attempts = 0 WHERE id = :id"
                ),
                {"id": parked},
            )
    finally:
        operator.dispose()
        owner.dispose()


def test_a_supervisor_login_resends_and_corrects_the_callers_email(demo_pg_url: str) -> None:
    owner = make_engine(demo_pg_url)
    request_id, reference = first_request(owner)
    caller_id = add_caller(owner, "no.such.user@example.org", "+16175550199")
    ids = add_messages(owner, request_id, reference, caller_id)
    url = make_staff_login(demo_pg_url, "supervisor", ["PWDx"])
    engine = make_engine(url)
    try:
        staff = identify(engine, None)
        desk = MessageDesk(SqlOutboxReads(engine), lambda: SqlResendWork(engine), staff)
        emailed = desk.resend(ids[2], "ana.lopes@example.org", "undeliverable")
        texted = desk.resend(ids[4], "617 635 4500", "undeliverable")
        with owner.connect() as connection:
            email, phone = connection.execute(
                select(callers.c.email, callers.c.phone).where(callers.c.id == caller_id)
            ).one()
            resent_by = connection.execute(
                select(notification_outbox.c.resent_by).where(notification_outbox.c.id == ids[4])
            ).scalar_one()
    finally:
        engine.dispose()
        owner.dispose()
    assert emailed.caller_corrected and email == "ana.lopes@example.org"
    # The 0014 grants let supervisors correct a caller's e-mail but not the phone number the
    # caller is known by: the message goes to the new number, the caller keeps theirs.
    assert texted.caller_kept_their_address and phone == "+16175550199"
    assert texted.recipient == "+16176354500" and resent_by == login_of(url)
