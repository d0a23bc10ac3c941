"""Marking a request as a duplicate: closing it with a pointer, moving its followers."""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, literal, select, update

from operator_console.services.duplicates.ports import DuplicateClosure
from operator_console.storage.db.tables import request_followers, service_requests

r = service_requests.c
f = request_followers.c


def parent_of(connection: Connection, request_id: int) -> int | None:
    parent = connection.execute(select(r.parent_id).where(r.id == request_id)).scalar()
    return None if parent is None else int(parent)


def close_as_duplicate(connection: Connection, closure: DuplicateClosure) -> None:
    """Close the duplicate as decided, with a pointer to its parent."""
    connection.execute(
        update(service_requests)
        .where(r.id == closure.request_id)
        .values(
            status=closure.status.value,
            closure_reason=closure.closure_reason.value,
            closure_note=closure.note,
            parent_id=closure.parent_id,
            first_action_at=closure.first_action_at,
            resolved_at=closure.resolved_at,
            closed_at=closure.closed_at,
        )
    )


def move_followers(connection: Connection, child_id: int, parent_id: int) -> tuple[int, int]:
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
