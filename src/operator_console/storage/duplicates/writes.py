"""Adding a caller to an existing request, and the shared pieces of every duplicate write."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from operator_console.domain.caller import Caller
from operator_console.services.duplicates.finder import (
    CALLER_ADDED,
    SUBMITTED_DESPITE_DUPLICATE,
    AttachReceipt,
    LinkRefusedError,
    RequestNotFoundError,
    RequestSnapshot,
    StaleRequestError,
)
from operator_console.services.intake.read_back import acknowledgement
from operator_console.storage.callers import upsert_caller
from operator_console.storage.db.tables import (
    queues,
    request_events,
    request_followers,
    service_requests,
    services,
)
from operator_console.storage.duplicates.queries import references
from operator_console.storage.outbox import queue_emails

r = service_requests.c
f = request_followers.c


def add_event(
    connection: Connection,
    request_id: int,
    at: datetime,
    actor: str,
    kind: str,
    *,
    from_value: str | None = None,
    to_value: str | None = None,
    reason: str = "",
    public: bool = False,
    data: dict[str, Any] | None = None,
) -> None:
    values: dict[str, Any] = {
        "request_id": request_id,
        "at": at,
        "actor": actor,
        "kind": kind,
        "from_value": from_value,
        "to_value": None if to_value is None else to_value[:200],
        "reason": reason,
        "public": public,
    }
    if data is not None:  # omitted, the column stays SQL NULL rather than JSON null
        values["data"] = data
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


def claim(connection: Connection, request_id: int, expected_version: int, now: datetime) -> Any:
    """Bump the version if it is still `expected_version` (locking the row); else raise."""
    row = connection.execute(
        update(service_requests)
        .where(r.id == request_id, r.version == expected_version)
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
        )
    ).first()
    if row is not None:
        return row
    current = snapshot(connection, request_id)
    if current is None:
        raise RequestNotFoundError(f"Request {request_id} does not exist.")
    raise StaleRequestError(expected_version, current)


def attach_caller(
    connection: Connection,
    request_id: int,
    expected_version: int,
    caller: Caller,
    phone: str | None,
    staff_login: str,
    now: datetime,
    time_zone: str,
) -> AttachReceipt:
    """The caller follows the request and counts as one more caller; no new request."""
    row = claim(connection, request_id, expected_version, now)
    if row.closure_reason == "duplicate":
        parent = references(connection, [row.parent_id]).get(row.parent_id, "its parent")
        raise LinkRefusedError(
            f"{row.reference} was closed as a duplicate of {parent}: add the caller to {parent}."
        )
    follower = None if caller.is_anonymous else upsert_caller(connection, caller, phone, now)
    already = follower is not None and _follows(connection, request_id, follower)
    if follower is not None and not already:
        connection.execute(
            insert(request_followers).values(
                request_id=request_id, caller_id=follower, added_at=now, added_by=staff_login
            )
        )
    count = row.callers_count + (0 if already else 1)
    connection.execute(
        update(service_requests).where(r.id == request_id).values(callers_count=count)
    )
    add_event(
        connection,
        request_id,
        now,
        staff_login,
        CALLER_ADDED,
        from_value=str(row.callers_count),
        to_value=str(count),
        reason="A caller reported the same problem and was added to this request.",
        data={"caller_id": follower, "already_following": already},
    )
    service_name, queue_name = _names(connection, row.service_id, row.queue_id)
    notice = acknowledgement(
        caller.email, row.reference, service_name, queue_name, row.due_at, time_zone
    )
    if notice is not None and not already:
        email = (request_id, notice.recipient, notice.subject, notice.body)
        queue_emails(connection, [email], now)
    return AttachReceipt(
        request_id,
        row.reference,
        service_name,
        queue_name,
        row.due_at,
        count,
        row.version,
        row.queue_id,
        already,
    )


def _follows(connection: Connection, request_id: int, caller: int) -> bool:
    found = connection.execute(
        select(f.caller_id).where(f.request_id == request_id, f.caller_id == caller)
    ).first()
    return found is not None


def _names(connection: Connection, service_id: int, queue_id: int | None) -> tuple[str, str]:
    service = connection.execute(select(services.c.name).where(services.c.id == service_id))
    queue = connection.execute(select(queues.c.name).where(queues.c.id == queue_id)).first()
    return service.scalar_one(), queue.name if queue else ""


def record_submit_as_new(
    connection: Connection,
    new_request_id: int,
    shown: Sequence[tuple[int, str]],
    staff_login: str,
    now: datetime,
) -> None:
    """A history event on the new request naming the (id, reference) candidates passed over."""
    listed = ", ".join(reference for _, reference in shown)
    add_event(
        connection,
        new_request_id,
        now,
        staff_login,
        SUBMITTED_DESPITE_DUPLICATE,
        to_value=listed,
        reason=f"Submitted as a new request although these were shown as likely duplicates: "
        f"{listed or 'none'}.",
        data={"shown": [{"id": i, "reference": reference} for i, reference in shown]},
    )
