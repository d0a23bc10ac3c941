"""Reading cases, queues, staff and case history as case actions and the case screen see them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Select, select
from sqlalchemy.orm import aliased

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.cases.ports import (
    CaseLocation,
    CaseState,
    Department,
    QueueRef,
    ServiceRef,
    StaffRef,
)
from operator_console.services.cases.scope import ScopedCase
from operator_console.services.intake.submission import District
from operator_console.storage.db.tables import (
    departments,
    districts,
    queues,
    request_events,
    service_requests,
    services,
    staff,
)

# Bound parameters per IN list: far below SQLite's limit, and a handful of statements for
# a selection of thousands.
CHUNK = 500
_T = TypeVar("_T")

_parent = aliased(service_requests, name="parent")
_assignee = aliased(staff, name="assignee")


def chunks(items: Sequence[_T], size: int = CHUNK) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _case_statement() -> Select[Any]:
    r, q, a = service_requests.c, queues.c, _assignee.c
    return (
        select(
            r.id,
            r.reference,
            r.version,
            r.status,
            r.priority,
            r.lat,
            r.lon,
            r.address,
            r.address_id,
            r.created_at,
            r.routed_at,
            r.first_action_at,
            r.assigned_at,
            r.resolved_at,
            r.closed_at,
            r.due_at,
            r.at_risk_at,
            r.closure_reason,
            r.closure_note,
            r.routing_explanation,
            r.calls_count,
            services.c.code.label("service_code"),
            services.c.name.label("service_name"),
            q.id.label("queue_id"),
            q.code.label("queue_code"),
            q.name.label("queue_name"),
            q.kind.label("queue_kind"),
            q.active.label("queue_active"),
            q.parent_id.label("queue_parent_id"),
            departments.c.code.label("department_code"),
            departments.c.name.label("department_name"),
            a.id.label("assignee_id"),
            a.login.label("assignee_login"),
            a.display_name.label("assignee_name"),
            a.role.label("assignee_role"),
            a.active.label("assignee_active"),
            districts.c.id.label("district_id"),
            districts.c.code.label("district_code"),
            districts.c.name.label("district_name"),
            districts.c.layer.label("district_layer"),
            _parent.c.reference.label("parent_reference"),
        )
        .join(services, services.c.id == r.service_id)
        .outerjoin(queues, q.id == r.queue_id)
        .outerjoin(departments, departments.c.id == q.department_id)
        .outerjoin(_assignee, a.id == r.assignee_id)
        .outerjoin(districts, districts.c.id == r.district_id)
        .outerjoin(_parent, _parent.c.id == r.parent_id)
    )


def read_cases(connection: Connection, request_ids: Sequence[int]) -> dict[int, CaseState]:
    """The cases among `request_ids` that exist, by id."""
    statement = _case_statement()
    found: dict[int, CaseState] = {}
    for part in chunks(sorted(set(request_ids))):
        for row in connection.execute(statement.where(service_requests.c.id.in_(part))):
            found[row.id] = _case_state(row)
    return found


def _case_state(row: Row[Any]) -> CaseState:
    queue = None
    if row.queue_id is not None:
        queue = QueueRef(
            row.queue_id,
            row.queue_code,
            row.queue_name,
            row.queue_kind,
            row.queue_active,
            row.queue_parent_id,
            Department(row.department_code, row.department_name),
        )
    assignee = None
    if row.assignee_id is not None:
        assignee = StaffRef(
            row.assignee_id,
            row.assignee_login,
            row.assignee_name,
            row.assignee_role,
            row.assignee_active,
        )
    district = None
    if row.district_id is not None:
        district = District(
            row.district_id, row.district_code, row.district_name, row.district_layer
        )
    return CaseState(
        id=row.id,
        reference=row.reference,
        version=row.version,
        status=Status(row.status),
        priority=Priority(row.priority),
        service=ServiceRef(row.service_code, row.service_name),
        queue=queue,
        assignee=assignee,
        location=CaseLocation(row.lat, row.lon, row.address, row.address_id),
        district=district,
        merged_into=row.parent_reference,
        created_at=row.created_at,
        routed_at=row.routed_at,
        first_action_at=row.first_action_at,
        assigned_at=row.assigned_at,
        resolved_at=row.resolved_at,
        closed_at=row.closed_at,
        due_at=row.due_at,
        closure_reason=ClosureReason(row.closure_reason) if row.closure_reason else None,
        closure_note=row.closure_note,
        routing_explanation=row.routing_explanation,
        at_risk_at=row.at_risk_at,
        calls_count=row.calls_count,
    )


def read_queue(
    connection: Connection, *, code: str | None = None, queue_id: int | None = None
) -> QueueRef | None:
    """A queue, team or crew by code or by id, active or not."""
    q, d = queues.c, departments.c
    condition = q.code == code if code is not None else q.id == queue_id
    row = connection.execute(
        select(q.id, q.code, q.name, q.kind, q.active, q.parent_id, d.code, d.name)
        .join(departments, d.id == q.department_id)
        .where(condition)
    ).first()
    if row is None:
        return None
    return QueueRef(*row[:6], department=Department(row[6], row[7]))


def read_scoped_cases(connection: Connection, request_ids: Sequence[int]) -> dict[int, ScopedCase]:
    """Each case that exists among `request_ids` with its queue's department, by id."""
    r, d = service_requests.c, departments.c
    statement = (
        select(r.id, r.reference, d.code, d.name)
        .outerjoin(queues, queues.c.id == r.queue_id)
        .outerjoin(departments, d.id == queues.c.department_id)
    )
    found: dict[int, ScopedCase] = {}
    for part in chunks(sorted(set(request_ids))):
        for request_id, reference, code, name in connection.execute(
            statement.where(r.id.in_(part))
        ):
            department = Department(code, name) if code is not None else None
            found[request_id] = ScopedCase(request_id, reference, department)
    return found


def read_department_names(connection: Connection, codes: Collection[str]) -> dict[str, str]:
    """The name of each department among `codes`, by code."""
    d = departments.c
    rows = connection.execute(select(d.code, d.name).where(d.code.in_(sorted(codes))))
    return {row.code: row.name for row in rows}


def read_staff(connection: Connection, login: str) -> StaffRef | None:
    """A staff member by login, active or not."""
    s = staff.c
    row = connection.execute(
        select(s.id, s.login, s.display_name, s.role, s.active).where(s.login == login)
    ).first()
    return None if row is None else StaffRef(*row)


def read_history(
    connection: Connection, request_ids: Sequence[int]
) -> dict[int, tuple[HistoryEntry, ...]]:
    """Every event of each case, oldest first, with the actor's display name."""
    e = request_events.c
    statement = (
        select(
            e.request_id,
            e.id,
            e.at,
            e.actor,
            staff.c.display_name,
            e.kind,
            e.from_value,
            e.to_value,
            e.reason,
            e.public,
            e.data,
        )
        .outerjoin(staff, staff.c.login == e.actor)
        .order_by(e.request_id, e.at, e.id)
    )
    history: defaultdict[int, list[HistoryEntry]] = defaultdict(list)
    for part in chunks(sorted(set(request_ids))):
        for row in connection.execute(statement.where(e.request_id.in_(part))):
            history[row.request_id].append(
                HistoryEntry(
                    event_id=row.id,
                    at=row.at,
                    actor=row.actor,
                    actor_name=row.display_name or row.actor,
                    kind=row.kind,
                    from_value=row.from_value,
                    to_value=row.to_value,
                    reason=row.reason,
                    public=row.public,
                    data=row.data if isinstance(row.data, dict) else None,
                )
            )
    return {request_id: tuple(entries) for request_id, entries in history.items()}
