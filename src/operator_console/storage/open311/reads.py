"""The public catalog and record, read from the public views (no caller, no internal note)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    exists,
    select,
)

from operator_console.domain.lifecycle import OPEN_STATUSES
from operator_console.domain.open311 import Service, ServiceDefinition
from operator_console.services.open311.ports import RequestQuery
from operator_console.services.open311.record import PublicEvent, PublicRequest
from operator_console.storage.catalog.store import attribute_from_row, service_from_row
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import service_attributes, services
from operator_console.storage.db.types import UtcDateTime

_views = MetaData()
public_requests = Table(
    "public_service_requests",
    _views,
    Column("id", Integer),
    Column("reference", String),
    Column("service_code", String),
    Column("service_name", String),
    Column("status", String),
    Column("description", Text),
    Column("address", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("agency_responsible", String),
    Column("created_at", UtcDateTime),
    Column("updated_at", UtcDateTime),
    Column("due_at", UtcDateTime),
    Column("closed_at", UtcDateTime),
    Column("parent_reference", String),
    Column("closure_reason", String),
    Column("resolved_at", UtcDateTime),
    Column("channel", String),
    Column("zipcode", String),
    Column("service_notice", Text),
    Column("token", String),
    Column("media_url", Text),
)
public_events = Table(
    "public_request_events",
    _views,
    Column("id", Integer),
    Column("reference", String),
    Column("at", UtcDateTime),
    Column("kind", String),
    Column("from_value", String),
    Column("to_value", String),
    Column("reason", Text),
)
NOTE_KINDS = ("note", "resolved", "closed", "reopened", "marked_duplicate")
"""The public events whose words are a request's status notes (the latest one)."""
_OPEN = tuple(status.value for status in OPEN_STATUSES)


@speaks_service_errors
class SqlPublicReads:
    """`PublicReads` over an engine, through the views the public may read."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def services(self) -> Sequence[Service]:
        s = services.c
        has_questions = exists().where(service_attributes.c.service_id == s.id)
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(services, has_questions.label("has_questions"))
                .where(s.active, ~s.staff_only)
                .order_by(s.id)
            )
            return [service_from_row(row._mapping, bool(row.has_questions)) for row in rows]

    def definition(self, service_code: str) -> ServiceDefinition | None:
        s, a = services.c, service_attributes.c
        with self._engine.connect() as connection:
            service_id = connection.execute(
                select(s.id).where(s.code == service_code, s.active, ~s.staff_only)
            ).scalar()
            if service_id is None:
                return None
            rows = connection.execute(
                select(service_attributes).where(a.service_id == service_id).order_by(a.position)
            )
            return ServiceDefinition(
                service_code, tuple(attribute_from_row(row._mapping) for row in rows)
            )

    def requests(self, query: RequestQuery) -> Sequence[PublicRequest]:
        r = public_requests.c
        statement = select(public_requests, _status_notes().label("status_notes"))
        if query.references is not None:
            statement = statement.where(r.reference.in_(query.references))
        if query.service_codes is not None:
            statement = statement.where(r.service_code.in_(query.service_codes))
        if query.start is not None:
            statement = statement.where(r.created_at >= query.start)
        if query.end is not None:
            statement = statement.where(r.created_at <= query.end)
        if query.open is not None:
            is_open = r.status.in_(_OPEN)
            statement = statement.where(is_open if query.open else ~is_open)
        statement = statement.order_by(r.created_at.desc(), r.id.desc()).limit(query.limit)
        with self._engine.connect() as connection:
            return [_request(row._mapping) for row in connection.execute(statement)]

    def reference_of_token(self, token: str) -> str | None:
        r = public_requests.c
        with self._engine.connect() as connection:
            found = connection.execute(select(r.reference).where(r.token == token)).scalar()
        return None if found is None else str(found)

    def updates(
        self, start: datetime | None, end: datetime | None, limit: int
    ) -> Sequence[PublicEvent]:
        e, r = public_events.c, public_requests.c
        statement = (
            select(e.id, e.reference, e.at, e.kind, e.to_value, e.reason)
            .add_columns(r.status, r.closure_reason, r.media_url)
            .join(public_requests, r.reference == e.reference)
        )
        if start is not None:
            statement = statement.where(e.at >= start)
        if end is not None:
            statement = statement.where(e.at <= end)
        newest_first = start is None  # no start: the latest `limit`, still given oldest first
        order = (e.at.desc(), e.id.desc()) if newest_first else (e.at, e.id)
        statement = statement.order_by(*order).limit(limit)
        with self._engine.connect() as connection:
            events = [
                PublicEvent(
                    int(row.id),
                    row.reference,
                    row.at,
                    row.kind,
                    row.to_value,
                    row.reason or "",
                    row.status,
                    row.closure_reason,
                    row.media_url,
                )
                for row in connection.execute(statement)
            ]
        return events[::-1] if newest_first else events


def _status_notes() -> Any:
    e = public_events.c
    return (
        select(e.reason)
        .where(
            e.reference == public_requests.c.reference,
            e.kind.in_(NOTE_KINDS),
            e.reason != "",
        )
        .order_by(e.at.desc(), e.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _request(row: Any) -> PublicRequest:
    return PublicRequest(
        reference=row["reference"],
        status=row["status"],
        closure_reason=row["closure_reason"],
        status_notes=row["status_notes"],
        service_name=row["service_name"],
        service_code=row["service_code"],
        description=row["description"],
        agency_responsible=row["agency_responsible"],
        service_notice=row["service_notice"],
        requested_at=row["created_at"],
        updated_at=row["updated_at"],
        expected_at=row["due_at"],
        address=row["address"],
        zipcode=row["zipcode"],
        lat=row["lat"],
        lon=row["lon"],
        media_url=row["media_url"],
        parent_reference=row["parent_reference"],
        token=row["token"],
    )
