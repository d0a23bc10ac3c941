"""Pages of requests, sorted and filtered by the database, with keyset paging."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Select, case, func, literal, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from operator_console.domain.lifecycle import OPEN_STATUSES, Priority
from operator_console.services.request_list import Cursor, ListQuery, Page, RequestRow
from operator_console.storage.tables import districts, queues, service_requests, services, staff
from operator_console.storage.types import UtcDateTime

_FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)
_PRIORITY_RANK = {p.value: rank for rank, p in enumerate(Priority)}

r = service_requests


def _sort_expression(key: str) -> ColumnElement[Any]:
    expressions: dict[str, ColumnElement[Any]] = {
        "reference": r.c.reference,
        "service": services.c.name,
        "status": r.c.status,
        "priority": case(_PRIORITY_RANK, value=r.c.priority, else_=0),
        "address": r.c.address,
        "district": func.coalesce(districts.c.name, ""),
        "queue": func.coalesce(queues.c.name, ""),
        "created_at": r.c.created_at,
        "due_at": func.coalesce(r.c.due_at, literal(_FAR_FUTURE, UtcDateTime)),
        "callers": r.c.callers_count,
    }
    return expressions[key]


def _base(query: ListQuery) -> Select[Any]:
    joined = (
        r.join(services, services.c.id == r.c.service_id)
        .outerjoin(districts, districts.c.id == r.c.district_id)
        .outerjoin(queues, queues.c.id == r.c.queue_id)
        .outerjoin(staff, staff.c.id == r.c.assignee_id)
    )
    statement = select(
        r.c.id,
        r.c.reference,
        services.c.name.label("service"),
        r.c.status,
        r.c.priority,
        r.c.address,
        func.coalesce(districts.c.name, "").label("district"),
        func.coalesce(queues.c.name, "").label("queue"),
        func.coalesce(staff.c.display_name, "").label("assignee"),
        r.c.created_at,
        r.c.due_at,
        r.c.callers_count,
        r.c.version,
    ).select_from(joined)
    if query.open_only:
        statement = statement.where(r.c.status.in_([s.value for s in OPEN_STATUSES]))
    if query.queue_ids:
        statement = statement.where(r.c.queue_id.in_(query.queue_ids))
    return statement


class SqlRequestListReader:
    """`RequestListReader` over SQLAlchemy Core; works on PostgreSQL and SQLite."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def page(self, query: ListQuery, after: Cursor | None, limit: int) -> Page:
        sort = _sort_expression(query.sort_key)
        statement = _base(query).add_columns(sort.label("sort_value"))
        if after is not None:
            position = tuple_(sort, r.c.id)
            boundary = tuple_(literal(after.sort_value, sort.type), literal(after.id))
            statement = statement.where(
                position < boundary if query.descending else position > boundary
            )
        order = (sort.desc(), r.c.id.desc()) if query.descending else (sort.asc(), r.c.id.asc())
        statement = statement.order_by(*order).limit(limit + 1)
        with self._engine.connect() as connection:
            fetched = connection.execute(statement).all()
        rows = tuple(_to_row(row._mapping) for row in fetched[:limit])
        more = len(fetched) > limit
        last = fetched[limit - 1] if more else None
        cursor = Cursor(last.sort_value, last.id) if last is not None else None
        return Page(rows, cursor)

    def count(self, query: ListQuery) -> int:
        statement = select(func.count()).select_from(_base(query).subquery())
        with self._engine.connect() as connection:
            return int(connection.execute(statement).scalar_one())


def _to_row(m: Any) -> RequestRow:
    return RequestRow(
        id=m["id"],
        reference=m["reference"],
        service=m["service"],
        status=m["status"],
        priority=m["priority"],
        address=m["address"],
        district=m["district"],
        queue=m["queue"],
        assignee=m["assignee"],
        created_at=m["created_at"],
        due_at=m["due_at"],
        callers=m["callers_count"],
        version=m["version"],
    )
