"""Writing a new request with its caller, follower, history, photos and 'received' message."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from operator_console.domain.intake import detect_image_type
from operator_console.domain.reference import format_reference
from operator_console.services.intake.photos import make_thumbnail
from operator_console.services.intake.submission import IntakeReceipt, NewRequest
from operator_console.storage.callers import upsert_caller
from operator_console.storage.db.tables import (
    attachments,
    queues,
    reference_counters,
    request_events,
    request_followers,
    service_requests,
    services,
)
from operator_console.storage.outbox import queue_messages


def next_reference(connection: Connection, prefix: str, year: int) -> str:
    """The next public reference of the year; the counter row serialises concurrent submits."""
    dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    statement = (
        dialect_insert(reference_counters)
        .values(year=year, last_value=1)
        .on_conflict_do_update(
            index_elements=[reference_counters.c.year],
            set_={"last_value": reference_counters.c.last_value + 1},
        )
        .returning(reference_counters.c.last_value)
    )
    sequence = connection.execute(statement).scalar_one()
    return format_reference(prefix, year, int(sequence))


def insert_request(
    connection: Connection, request: NewRequest, photos: tuple[bytes, ...]
) -> IntakeReceipt:
    """Insert the request and everything that goes with it; the caller's transaction commits."""
    service_id, service_name = connection.execute(
        select(services.c.id, services.c.name).where(services.c.code == request.service_code)
    ).one()
    queue = connection.execute(
        select(queues.c.id, queues.c.name).where(queues.c.code == request.queue_code)
    ).first()
    caller = request.draft.caller
    caller_id = (
        None
        if caller.is_anonymous
        else upsert_caller(connection, caller, request.caller_phone, request.created_at)
    )
    location = request.draft.location
    now = request.created_at
    request_id = connection.execute(
        insert(service_requests)
        .values(
            reference=request.reference,
            client_uuid=request.client_uuid,
            service_id=service_id,
            status=request.status.value,
            priority=request.priority.value,
            lat=location.latitude,
            lon=location.longitude,
            address=location.address,
            district_id=request.district_id,
            description=request.draft.description,
            answers=dict(request.draft.answers),
            channel=request.channel,
            caller_id=caller_id,
            callers_count=1,
            queue_id=queue.id if queue else None,
            routing_explanation=request.routing_explanation,
            created_by=request.created_by,
            created_at=now,
            routed_at=now if queue else None,
            due_at=request.due_at,
            at_risk_at=request.at_risk_at,
            updated_at=now,
        )
        .returning(service_requests.c.id)
    ).scalar_one()
    if caller_id is not None:
        connection.execute(
            insert(request_followers).values(
                request_id=request_id,
                caller_id=caller_id,
                added_at=now,
                added_by=request.created_by,
            )
        )
    events: list[dict[str, object]] = [
        {
            "kind": "created",
            "to_value": request.status.value,
            "public": True,
            "reason": f"Received by {request.channel} as {service_name}.",
        },
        {
            "kind": "routed",
            "to_value": queue.name if queue else None,
            "public": False,
            "reason": request.routing_explanation,
        },
    ]
    connection.execute(
        insert(request_events),
        [
            {
                "request_id": request_id,
                "at": now,
                "actor": request.created_by,
                "from_value": None,
                "data": None,
            }
            | event
            for event in events
        ],
    )
    _store_photos(connection, request_id, request, photos)
    _queue_received(connection, int(request_id), caller_id, request)
    return IntakeReceipt(
        int(request_id),
        request.reference,
        service_name,
        queue.name if queue else "",
        request.due_at,
        request.routing_explanation,
        created=True,
    )


def _store_photos(
    connection: Connection, request_id: int, request: NewRequest, photos: tuple[bytes, ...]
) -> None:
    for described, content in zip(request.draft.attachments, photos, strict=True):
        connection.execute(
            insert(attachments).values(
                request_id=request_id,
                filename=described.file_name,
                content_type=detect_image_type(content[:16]) or "application/octet-stream",
                size_bytes=len(content),
                content=content,
                thumbnail=make_thumbnail(content),
                created_at=request.created_at,
                created_by=request.created_by,
            )
        )


def _queue_received(
    connection: Connection, request_id: int, caller_id: int | None, request: NewRequest
) -> None:
    message = request.message
    if message is not None:
        stored = replace(message, request_id=request_id, caller_id=caller_id)
        queue_messages(connection, [stored], request.created_at)
