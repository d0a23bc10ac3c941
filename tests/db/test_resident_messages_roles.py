"""On PostgreSQL, staff logins of each role queue residents' messages with their own rights."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.actions import add_note
from operator_console.services.cases.commands import AddNote, CaseRef
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import callers, notification_outbox, service_requests
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.duplicates import duplicate_desk
from tests.support.staff_logins import login_of, make_staff_login

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
r, o = service_requests.c, notification_outbox.c


def _as(url: str, role: str) -> StaffIdentity:
    login = login_of(url)
    return StaffIdentity(login, login, role)


def test_an_operator_and_a_dispatcher_queue_messages_as_their_own_logins(
    demo_pg_url: str,
) -> None:
    owner = make_engine(demo_pg_url)
    operator_url = make_staff_login(demo_pg_url, "operator")
    dispatcher_url = make_staff_login(demo_pg_url, "dispatcher")
    as_operator, as_dispatcher = make_engine(operator_url), make_engine(dispatcher_url)
    operator, dispatcher = _as(operator_url, "operator"), _as(dispatcher_url, "dispatcher")
    texter = Caller("Lucía", "Ortiz", "617 555 0177", "", "es", "sms")
    draft = IntakeDraft(
        caller=texter,
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
        description="Three lights out in a row.",
    )
    submission = Submission(str(uuid.uuid4()), draft)
    receipt = submit(lambda: SqlIntakeUnitOfWork(as_operator), submission, operator, NOW)

    def version() -> int:
        with owner.connect() as connection:
            found = connection.execute(select(r.version).where(r.id == receipt.request_id))
            return int(found.scalar_one())

    ana = Caller("Ana", "Lopes", "617 555 0142", "ana@example.org", "en", "email")
    desk = duplicate_desk(as_operator, operator, clock=lambda: NOW)
    desk.attach_caller(receipt.request_id, version(), ana)
    command = AddNote(CaseRef(receipt.request_id, version()), "Crew booked.", public=True)
    add_note(SqlCaseUnitOfWork(as_dispatcher), command, dispatcher, NOW)

    with owner.connect() as connection:
        rows = connection.execute(
            select(o.kind, o.channel, o.language, o.recipient, o.status)
            .where(o.request_id == receipt.request_id)
            .order_by(o.id)
        ).all()
        saved = connection.execute(
            select(callers.c.preferred_channel, callers.c.language).where(
                callers.c.phone == "+16175550177"
            )
        ).one()
    assert tuple(saved) == ("sms", "es")
    assert [tuple(row) for row in rows] == [
        ("received", "sms", "es", "+16175550177", "pending"),
        ("linked", "email", "en", "ana@example.org", "pending"),
        ("public_note", "sms", "es", "+16175550177", "pending"),
        ("public_note", "email", "en", "ana@example.org", "pending"),
    ]
    for engine in (owner, as_operator, as_dispatcher):
        engine.dispose()
