"""An action the actor's role may not take is refused and leaves the database as it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.cases.actions import (
    assign_cases,
    escalate_cases,
    move_cases,
    reroute_case,
)
from operator_console.services.cases.commands import (
    AssignCases,
    CaseRef,
    EscalateCases,
    MoveCases,
    RerouteCase,
)
from operator_console.services.cases.errors import ActionNotPermittedError
from operator_console.services.duplicates.actions import MarkDuplicate, mark_duplicate
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    notification_outbox,
    queues,
    request_events,
    request_followers,
    service_requests,
)
from operator_console.storage.duplicates.store import SqlDuplicateStore
from tests.support.staff import DISPATCHER1, OPERATOR1

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
r = service_requests.c
Attempt = Callable[[Engine, list[CaseRef], StaffIdentity], object]


def _assign(engine: Engine, refs: list[CaseRef], who: StaffIdentity) -> object:
    with engine.connect() as connection:
        code = connection.execute(select(queues.c.code).order_by(queues.c.id).limit(1)).scalar()
    command = AssignCases(tuple(refs), "closer crew", str(code))
    return assign_cases(SqlCaseUnitOfWork(engine), command, who, NOW)


def _resolve(engine: Engine, refs: list[CaseRef], who: StaffIdentity) -> object:
    command = MoveCases(tuple(refs), Status.RESOLVED, "Filled.", ClosureReason.FIXED)
    return move_cases(SqlCaseUnitOfWork(engine), command, who, NOW)


def _escalate(engine: Engine, refs: list[CaseRef], who: StaffIdentity) -> object:
    command = EscalateCases(tuple(refs), "councillor called")
    return escalate_cases(SqlCaseUnitOfWork(engine), command, who, NOW)


def _reroute(engine: Engine, refs: list[CaseRef], who: StaffIdentity) -> object:
    command = RerouteCase(refs[0], "caller meant the light", "street-light-outages")
    return reroute_case(SqlCaseUnitOfWork(engine), command, who, NOW)


def _mark_duplicate(engine: Engine, refs: list[CaseRef], who: StaffIdentity) -> object:
    duplicate, parent = refs[0], refs[1]
    command = MarkDuplicate(
        duplicate.request_id, parent.request_id, duplicate.expected_version, "same"
    )
    return mark_duplicate(SqlDuplicateStore(engine).unit_of_work(), command, who, NOW)


def _open_cases(engine: Engine, count: int) -> list[CaseRef]:
    statement = (
        select(r.id, r.version)
        .where(r.status == "in_queue", r.parent_id.is_(None), r.priority != "urgent")
        .order_by(r.id)
        .limit(count)
    )
    with engine.connect() as connection:
        return [CaseRef(*row) for row in connection.execute(statement)]


def _everything(engine: Engine) -> tuple[Any, ...]:
    """Every request's state and the size of each table an action writes to."""
    with engine.connect() as connection:
        requests = connection.execute(
            select(
                r.id, r.version, r.status, r.priority, r.queue_id, r.assignee_id, r.parent_id
            ).order_by(r.id)
        ).all()
        sizes = [
            connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (request_events, request_followers, notification_outbox)
        ]
    return [tuple(row) for row in requests], sizes


@pytest.mark.parametrize(
    ("attempt", "who"),
    [
        (_assign, OPERATOR1),
        (_resolve, OPERATOR1),
        (_resolve, DISPATCHER1),
        (_escalate, OPERATOR1),
        (_reroute, OPERATOR1),
        (_mark_duplicate, OPERATOR1),
        (_mark_duplicate, DISPATCHER1),
    ],
    ids=[
        "operator-assigns",
        "operator-resolves",
        "dispatcher-resolves",
        "operator-escalates",
        "operator-reroutes",
        "operator-marks-duplicate",
        "dispatcher-marks-duplicate",
    ],
)
def test_a_refused_action_leaves_the_database_untouched(
    demo_db_url: str, attempt: Attempt, who: StaffIdentity
) -> None:
    engine = make_engine(demo_db_url)
    refs = _open_cases(engine, 3)
    before = _everything(engine)
    with pytest.raises((ActionNotPermittedError, NotPermittedError)) as refused:
        attempt(engine, refs, who)
    assert f"is {'an' if who.role == 'operator' else 'a'} {who.role}: only " in str(refused.value)
    assert _everything(engine) == before
    engine.dispose()
