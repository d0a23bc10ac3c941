"""Marking a request as a duplicate of another: one transaction, both histories."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, literal, select, update

from operator_console.services.duplicates.finder import (
    DUPLICATE_LINKED,
    MARKED_DUPLICATE,
    LinkRefusedError,
    MarkDuplicateReceipt,
    RequestNotFoundError,
)
from operator_console.storage.db.tables import request_followers, service_requests
from operator_console.storage.duplicates.queries import references
from operator_console.storage.duplicates.writes import add_event, claim

MAX_CHAIN = 100  # parent links followed when looking for a loop
r = service_requests.c
f = request_followers.c


def mark_duplicate(
    connection: Connection,
    duplicate_id: int,
    parent_id: int,
    expected_version: int,
    staff_login: str,
    reason: str,
    now: datetime,
) -> MarkDuplicateReceipt:
    """Close the duplicate with a pointer to its parent; its followers move to the parent."""
    if duplicate_id == parent_id:
        raise LinkRefusedError("A request cannot be a duplicate of itself.")
    child = claim(connection, duplicate_id, expected_version, now)
    if child.closure_reason == "duplicate":
        parent_of = references(connection, [child.parent_id]).get(child.parent_id, "another")
        raise LinkRefusedError(f"{child.reference} is already a duplicate of {parent_of}.")
    parent = connection.execute(
        update(service_requests)
        .where(r.id == parent_id)
        .values(version=r.version + 1, updated_at=now)
        .returning(
            r.id, r.reference, r.version, r.callers_count, r.queue_id, r.parent_id, r.closure_reason
        )
    ).first()
    if parent is None:
        raise RequestNotFoundError(f"Request {parent_id} does not exist.")
    _refuse_loops(connection, child, parent)
    moved, overlap = _move_followers(connection, duplicate_id, parent_id)
    parent_callers = parent.callers_count + child.callers_count - overlap
    connection.execute(
        update(service_requests).where(r.id == parent_id).values(callers_count=parent_callers)
    )
    connection.execute(
        update(service_requests)
        .where(r.id == duplicate_id)
        .values(
            status="closed",
            closure_reason="duplicate",
            closure_note=reason,
            parent_id=parent_id,
            first_action_at=func.coalesce(r.first_action_at, now),
            resolved_at=func.coalesce(r.resolved_at, now),
            closed_at=func.coalesce(r.closed_at, now),
        )
    )
    add_event(
        connection,
        duplicate_id,
        now,
        staff_login,
        MARKED_DUPLICATE,
        from_value=child.status,
        to_value=parent.reference,
        reason=reason,
        public=True,
        data={"parent_id": parent_id, "parent_reference": parent.reference, "moved": moved},
    )
    add_event(
        connection,
        parent_id,
        now,
        staff_login,
        DUPLICATE_LINKED,
        from_value=str(parent.callers_count),
        to_value=child.reference,
        reason=reason,
        data={"duplicate_id": duplicate_id, "callers": parent_callers},
    )
    return MarkDuplicateReceipt(
        duplicate_id,
        child.reference,
        child.version,
        child.queue_id,
        parent_id,
        parent.reference,
        parent.version,
        parent.queue_id,
        parent_callers,
        moved,
    )


def _refuse_loops(connection: Connection, child: Any, parent: Any) -> None:
    """Refuse a parent that is (through its own parents) the child itself, or a duplicate."""
    ancestor, steps = parent.parent_id, 0
    while ancestor is not None and steps < MAX_CHAIN:
        if ancestor == child.id:
            raise LinkRefusedError(
                f"{parent.reference} is already a duplicate of {child.reference}: marking "
                f"{child.reference} a duplicate of it would make a loop."
            )
        ancestor = connection.execute(select(r.parent_id).where(r.id == ancestor)).scalar()
        steps += 1
    if parent.closure_reason == "duplicate" and parent.parent_id is not None:
        root = references(connection, [parent.parent_id]).get(parent.parent_id, "its parent")
        raise LinkRefusedError(
            f"{parent.reference} is itself a duplicate of {root}: link to {root} instead."
        )


def _move_followers(connection: Connection, child_id: int, parent_id: int) -> tuple[int, int]:
    """Move the child's followers to the parent (each caller once); (moved, already there)."""
    on_parent = select(f.caller_id).where(f.request_id == parent_id)
    total = connection.execute(
        select(func.count()).select_from(request_followers).where(f.request_id == child_id)
    ).scalar_one()
    moving = select(literal(parent_id), f.caller_id, f.added_at, f.added_by).where(
        f.request_id == child_id, f.caller_id.not_in(on_parent)
    )
    moved = len(
        connection.execute(
            insert(request_followers)
            .from_select(["request_id", "caller_id", "added_at", "added_by"], moving)
            .returning(f.caller_id)
        ).all()
    )
    connection.execute(delete(request_followers).where(f.request_id == child_id))
    return moved, int(total) - moved
