"""The console's own use cases still work when it connects as staff logins of each role."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.actions import add_note, assign_cases, move_cases
from operator_console.services.cases.commands import AddNote, AssignCases, CaseRef, MoveCases
from operator_console.services.errors import DatabaseRefusedError
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    departments,
    queues,
    request_events,
    request_followers,
    service_requests,
)
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.duplicates import duplicate_desk
from tests.support.staff_logins import login_of, make_staff_login

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
BEN = Caller("Ben", "Okafor", "617-555-0199", "")
r = service_requests.c


def _as(url: str, role: str, departments: frozenset[str] | None = None) -> StaffIdentity:
    login = login_of(url)
    return StaffIdentity(login, login, role, departments)


def _streetlight() -> Submission:
    draft = IntakeDraft(
        caller=Caller("Ana", "Lopes", "617 555 0142", "ana@example.org"),
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
        description="Three lights out in a row.",
    )
    return Submission(str(uuid.uuid4()), draft)


def _case(engine: Engine, request_id: int) -> tuple[CaseRef, str, str]:
    """The case as a console sees it, its queue's code and its department's code."""
    with engine.connect() as connection:
        row = connection.execute(
            select(r.id, r.version, queues.c.code, departments.c.code.label("department"))
            .join(queues, queues.c.id == r.queue_id)
            .join(departments, departments.c.id == queues.c.department_id)
            .where(r.id == request_id)
        ).one()
    return CaseRef(row.id, row.version), row.code, row.department


def _other_department_case(engine: Engine, department: str) -> CaseRef:
    with engine.connect() as connection:
        row = connection.execute(
            select(r.id, r.version)
            .join(queues, queues.c.id == r.queue_id)
            .join(departments, departments.c.id == queues.c.department_id)
            .where(r.status == "in_queue", r.parent_id.is_(None), departments.c.code != department)
            .order_by(r.id)
            .limit(1)
        ).one()
    return CaseRef(row.id, row.version)


def _other_queue(engine: Engine, department: str, but: str) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(
                select(queues.c.code)
                .join(departments, departments.c.id == queues.c.department_id)
                .where(departments.c.code == department, queues.c.code != but, queues.c.active)
                .order_by(queues.c.id)
                .limit(1)
            ).scalar_one()
        )


def test_intake_callers_notes_and_case_actions_run_as_staff_logins(demo_pg_url: str) -> None:
    owner = make_engine(demo_pg_url)
    operator_url = make_staff_login(demo_pg_url, "operator")
    operator = _as(operator_url, "operator")
    as_operator = make_engine(operator_url)

    receipt = submit(lambda: SqlIntakeUnitOfWork(as_operator), _streetlight(), operator, NOW)
    assert receipt.created
    ref, queue, department = _case(owner, receipt.request_id)

    attached = duplicate_desk(as_operator, operator).attach_caller(
        ref.request_id, ref.expected_version, BEN
    )
    assert attached is not None
    ref, _, _ = _case(owner, receipt.request_id)
    add_note(SqlCaseUnitOfWork(as_operator), AddNote(ref, "Called back."), operator, NOW)
    ref, _, _ = _case(owner, receipt.request_id)

    supervisor_url = make_staff_login(demo_pg_url, "supervisor", departments=[department])
    supervisor = _as(supervisor_url, "supervisor", frozenset({department}))
    as_supervisor = make_engine(supervisor_url)
    target = _other_queue(owner, department, but=queue)
    assign = AssignCases((ref,), "closer crew", target)
    assign_cases(SqlCaseUnitOfWork(as_supervisor), assign, supervisor, NOW)
    ref, _, _ = _case(owner, receipt.request_id)
    resolve = MoveCases((ref,), Status.RESOLVED, "Relamped.", ClosureReason.FIXED)
    move_cases(SqlCaseUnitOfWork(as_supervisor), resolve, supervisor, NOW)

    with owner.connect() as connection:
        case = connection.execute(
            select(r.status, r.callers_count).where(r.id == ref.request_id)
        ).one()
        followers = connection.execute(
            select(request_followers.c.added_by).where(
                request_followers.c.request_id == ref.request_id
            )
        ).scalars()
        history = connection.execute(
            select(request_events.c.kind, request_events.c.actor)
            .where(request_events.c.request_id == ref.request_id)
            .order_by(request_events.c.id)
        ).all()
    assert (case.status, case.callers_count) == ("resolved", 2)
    assert set(followers) == {operator.login}
    by = {kind: actor for kind, actor in history}
    assert by["created"] == by["note"] == operator.login
    assert by["assigned"] == by["resolved"] == supervisor.login
    for engine in (owner, as_operator, as_supervisor):
        engine.dispose()


def test_a_supervisor_is_refused_another_departments_case_by_the_database(
    demo_pg_url: str,
) -> None:
    owner = make_engine(demo_pg_url)
    department = "PWDx"
    supervisor_url = make_staff_login(demo_pg_url, "supervisor", departments=[department])
    # A console that does not say which departments (None) leaves the check to the database.
    supervisor = _as(supervisor_url, "supervisor")
    as_supervisor = make_engine(supervisor_url)
    ref = _other_department_case(owner, department)
    resolve = MoveCases((ref,), Status.RESOLVED, "Done.", ClosureReason.FIXED)
    with pytest.raises(DatabaseRefusedError, match="whose cases this login may not change"):
        move_cases(SqlCaseUnitOfWork(as_supervisor), resolve, supervisor, NOW)
    with owner.connect() as connection:
        after = connection.execute(select(r.status, r.version).where(r.id == ref.request_id)).one()
    assert (after.status, after.version) == ("in_queue", ref.expected_version)
    for engine in (owner, as_supervisor):
        engine.dispose()
