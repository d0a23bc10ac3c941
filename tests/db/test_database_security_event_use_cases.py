"""Every history event the console writes is one the database lets the acting login write."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, select

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.actions import (
    assign_cases,
    change_priority,
    escalate_cases,
    log_status_call,
    move_cases,
    reroute_case,
)
from operator_console.services.cases.commands import (
    AssignCases,
    CaseRef,
    ChangePriority,
    EscalateCases,
    LogStatusCall,
    MoveCases,
    RerouteCase,
)
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.event_kinds import BY_KIND
from operator_console.storage.db.tables import (
    departments,
    queues,
    request_events,
    service_requests,
)
from tests.support.case_calls import submit_streetlight
from tests.support.duplicates import duplicate_desk
from tests.support.staff_logins import login_of, make_staff_login

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
r = service_requests.c


def _as(url: str, role: str, departments: frozenset[str] | None = None) -> StaffIdentity:
    login = login_of(url)
    return StaffIdentity(login, login, role, departments)


def _ref(engine: Engine, request_id: int) -> CaseRef:
    with engine.connect() as connection:
        version = connection.execute(select(r.version).where(r.id == request_id)).scalar_one()
    return CaseRef(request_id, version)


def _department_of(engine: Engine, request_id: int) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(
                select(departments.c.code)
                .join(queues, queues.c.department_id == departments.c.id)
                .join(service_requests, r.queue_id == queues.c.id)
                .where(r.id == request_id)
            ).scalar_one()
        )


def _queue_outside(engine: Engine, department: str) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(
                select(queues.c.code)
                .join(departments, departments.c.id == queues.c.department_id)
                .where(departments.c.code != department, queues.c.active, queues.c.kind == "queue")
                .order_by(queues.c.id)
                .limit(1)
            ).scalar_one()
        )


def test_each_role_writes_the_events_of_its_actions_through_the_console(
    demo_pg_url: str,
) -> None:
    owner = make_engine(demo_pg_url)
    operator_url = make_staff_login(demo_pg_url, "operator")
    as_operator = make_engine(operator_url)
    first, repeat, misfiled = (submit_streetlight(as_operator, NOW) for _ in range(3))
    duplicate_desk(as_operator, _as(operator_url, "operator")).record_submit_as_new(first, [])
    department = _department_of(owner, first)
    dispatcher_url = make_staff_login(demo_pg_url, "dispatcher", departments=[department])
    dispatcher = _as(dispatcher_url, "dispatcher", frozenset({department}))
    as_dispatcher = make_engine(dispatcher_url)
    supervisor_url = make_staff_login(demo_pg_url, "supervisor", departments=[department])
    supervisor = _as(supervisor_url, "supervisor", frozenset({department}))
    as_supervisor = make_engine(supervisor_url)

    def cases(engine: Engine) -> SqlCaseUnitOfWork:
        return SqlCaseUnitOfWork(engine)

    call = LogStatusCall(_ref(owner, first), "Still dark.")
    log_status_call(cases(as_operator), call, _as(operator_url, "operator"), NOW)
    start = MoveCases((_ref(owner, first),), Status.IN_PROGRESS, "Crew on site.")
    move_cases(cases(as_dispatcher), start, dispatcher, NOW)
    lower = ChangePriority((_ref(owner, first),), Priority.LOW, "One light only.")
    change_priority(cases(as_supervisor), lower, supervisor, NOW)
    escalate_cases(
        cases(as_supervisor), EscalateCases((_ref(owner, first),), "More out."), supervisor, NOW
    )
    resolve = MoveCases((_ref(owner, first),), Status.RESOLVED, "Relamped.", ClosureReason.FIXED)
    move_cases(cases(as_supervisor), resolve, supervisor, NOW)
    close = MoveCases((_ref(owner, first),), Status.CLOSED, "Checked.")
    move_cases(cases(as_supervisor), close, supervisor, NOW)
    reopen = MoveCases((_ref(owner, first),), Status.IN_QUEUE, "Out again.")
    move_cases(cases(as_supervisor), reopen, supervisor, NOW)
    duplicate_desk(as_supervisor, supervisor).mark_duplicate(
        repeat, first, _ref(owner, repeat).expected_version, "Same pole."
    )
    # A supervisor may send a case of their department to another department's queue: its
    # event is checked against the case as it was, before the move.
    away = AssignCases((_ref(owner, first),), "Not ours.", _queue_outside(owner, department))
    assign_cases(cases(as_supervisor), away, supervisor, NOW)
    refile = RerouteCase(_ref(owner, misfiled), "A car, not a light.", "abandoned-vehicles")
    reroute_case(cases(as_supervisor), refile, supervisor, NOW)

    with owner.connect() as connection:
        written = connection.execute(
            select(request_events.c.kind, request_events.c.actor).where(
                request_events.c.request_id.in_((first, repeat, misfiled))
            )
        ).all()
        moved_to = _department_of(owner, first)
    assert moved_to != department
    # A closure day's due-date moves are an admin's (tests/db/test_admin_sla.py).
    assert {kind for kind, _ in written} == set(BY_KIND) - {"caller_added", "note", "due_changed"}
    actors = {kind: {actor for k, actor in written if k == kind} for kind, _ in written}
    assert actors["status_changed"] == {dispatcher.login}
    assert actors["status_call"] == {login_of(operator_url)}
    assert actors["submitted_despite_duplicate"] == {login_of(operator_url)}
    assert actors["marked_duplicate"] == actors["rerouted"] == {supervisor.login}
    for engine in (owner, as_operator, as_dispatcher, as_supervisor):
        engine.dispose()
