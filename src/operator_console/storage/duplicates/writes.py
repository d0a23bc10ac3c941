"""The duplicate actions' writes: claiming a request, callers, followers, events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update
from sqlalchemy.exc import DBAPIError

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.duplicates.finder import RequestSnapshot
from operator_console.services.duplicates.ports import LinkEvent, LinkState
from operator_console.storage.cases.refusals import privilege_refusal, row_security_refusal
from operator_console.storage.db.tables import (
    queues,
    request_events,
    request_followers,
    service_requests,
    services,
)

r = service_requests.c
f = request_followers.c


def add_event(connection: Connection, event: LinkEvent) -> None:
    values: dict[str, Any] = {
        "request_id": event.request_id,
        "at": event.at,
        "actor": event.actor,
        "kind": event.kind,
        "from_value": event.from_value,
        "to_value": None if event.to_value is None else event.to_value[:200],
        "reason": event.reason,
        "public": event.public,
    }
    if event.data is not None:  # omitted, the column stays SQL NULL rather than JSON null
        values["data"] = dict(event.data)
    connection.execute(insert(request_events).values(values))


def snapshot(connection: Connection, request_id: int) -> RequestSnapshot | None:
    """The request as it is now, with its three latest events."""
    parent = service_requests.alias("parent")
    row = connection.execute(
        select(r.id, r.reference, r.version, r.status, r.callers_count, r.closure_reason)
        .add_columns(parent.c.reference.label("parent_reference"))
        .outerjoin(parent, parent.c.id == r.parent_id)
        .where(r.id == request_id)
    ).first()
    if row is None:
        return None
    e = request_events.c
    events = connection.execute(
        select(e.kind, e.actor)
        .where(e.request_id == request_id)
        .order_by(e.at.desc(), e.id.desc())
        .limit(3)
    ).all()
    return RequestSnapshot(
        row.id,
        row.reference,
        row.version,
        row.status,
        row.callers_count,
        row.closure_reason,
        row.parent_reference,
        tuple(f"{event.kind.replace('_', ' ')} by {event.actor}" for event in events),
    )


def claim(
    connection: Connection, request_id: int, now: datetime, expected_version: int | None
) -> LinkState | None:
    """Bump the version if it is `expected_version` (any, when None), locking the row; the
    request as it is then, or None when it is gone or at another version. Raises
    `CaseWriteRefusedError` when the database's security keeps the login from changing it."""
    where = [r.id == request_id]
    if expected_version is not None:
        where.append(r.version == expected_version)
    try:
        row = _claimed_row(connection, where, now)
    except DBAPIError as error:
        refused = privilege_refusal(error, [request_id])
        if refused is not None:
            raise refused from error
        raise
    if row is None:
        refused = row_security_refusal(connection, {request_id: expected_version})
        if refused is not None:
            raise refused
        return None
    return LinkState(
        id=int(row.id),
        reference=row.reference,
        version=int(row.version),
        status=Status(row.status),
        callers=int(row.callers_count),
        closure_reason=ClosureReason(row.closure_reason) if row.closure_reason else None,
        parent_id=row.parent_id,
        queue_id=row.queue_id,
        service_id=int(row.service_id),
        due_at=row.due_at,
        first_action_at=row.first_action_at,
        resolved_at=row.resolved_at,
        closed_at=row.closed_at,
    )


def _claimed_row(connection: Connection, where: list[Any], now: datetime) -> Row[Any] | None:
    return connection.execute(
        update(service_requests)
        .where(*where)
        .values(version=r.version + 1, updated_at=now)
        .returning(
            r.id,
            r.reference,
            r.status,
            r.version,
            r.callers_count,
            r.closure_reason,
            r.parent_id,
            r.queue_id,
            r.service_id,
            r.due_at,
            r.first_action_at,
            r.resolved_at,
            r.closed_at,
        )
    ).first()


def follows(connection: Connection, request_id: int, caller: int) -> bool:
    found = connection.execute(
        select(f.caller_id).where(f.request_id == request_id, f.caller_id == caller)
    ).first()
    return found is not None


def add_follower(
    connection: Connection, request_id: int, caller: int, now: datetime, added_by: str
) -> None:
    connection.execute(
        insert(request_followers).values(
            request_id=request_id, caller_id=caller, added_at=now, added_by=added_by
        )
    )


def set_callers(connection: Connection, request_id: int, count: int) -> None:
    connection.execute(
        update(service_requests).where(r.id == request_id).values(callers_count=count)
    )


def names(connection: Connection, service_id: int, queue_id: int | None) -> tuple[str, str]:
    service = connection.execute(select(services.c.name).where(services.c.id == service_id))
    queue = connection.execute(select(queues.c.name).where(queues.c.id == queue_id)).first()
    return service.scalar_one(), queue.name if queue else ""
