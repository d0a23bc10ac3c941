"""Pages of requests, sorted and filtered by the database, with keyset paging."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Integer, Select, func, literal, literal_column, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from operator_console.domain.lifecycle import Priority
from operator_console.domain.sla import local_day
from operator_console.services.queues.request_list import Cursor, ListQuery, Page, RequestRow
from operator_console.storage.db.city_settings import city_settings
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import (
    city,
    districts,
    queues,
    service_requests,
    services,
    staff,
)
from operator_console.storage.queues.filters import Day, apply_filters, due_or_never
from operator_console.storage.queues.groups import GROUPED_SORTS, grouped_narrow

_PRIORITY_RANK = {p.value: rank for rank, p in enumerate(Priority)}

r = service_requests


def _priority_rank() -> ColumnElement[Any]:
    # Constants inline (not bound), so PostgreSQL matches the index on this expression.
    whens = " ".join(f"WHEN '{value}' THEN {rank}" for value, rank in _PRIORITY_RANK.items())
    return literal_column(f"(CASE service_requests.priority {whens} ELSE 0 END)", Integer)


def _sort_expression(key: str, dialect: str) -> ColumnElement[Any]:
    expressions: dict[str, ColumnElement[Any]] = {
        "reference": r.c.reference,
        "service": services.c.name,
        "status": r.c.status,
        "priority": _priority_rank(),
        "address": r.c.address,
        "district": func.coalesce(districts.c.name, ""),
        "queue": func.coalesce(queues.c.name, ""),
        "assignee": func.coalesce(staff.c.display_name, ""),
        "created_at": r.c.created_at,
        "due_at": due_or_never(dialect),
        "callers": r.c.callers_count,
        "calls": r.c.calls_count,
        "channel": r.c.channel,
    }
    return expressions[key]


_JOINS_FOR_SORT = {"service": "services", "district": "districts", "queue": "queues"}
_JOINS_FOR_SORT |= {"assignee": "staff"}


def _narrow(query: ListQuery, dialect: str, now: datetime, today: Day | None) -> Select[Any]:
    """Ids and sort values only, joined to just what the sort and the filters need.

    The database sorts and cuts this narrow set; the page's ids are then joined to the rest,
    so a sort over a whole queue does not drag every other column through every join.
    """
    joined: Any = r
    needs = _JOINS_FOR_SORT.get(query.sort_key)
    if needs == "services":
        joined = joined.join(services, services.c.id == r.c.service_id)
    if needs == "districts":
        joined = joined.outerjoin(districts, districts.c.id == r.c.district_id)
    if needs == "queues":
        joined = joined.outerjoin(queues, queues.c.id == r.c.queue_id)
    if needs == "staff":
        joined = joined.outerjoin(staff, staff.c.id == r.c.assignee_id)
    sort = _sort_expression(query.sort_key, dialect)
    statement = select(r.c.id, sort.label("sort_value")).select_from(joined)
    return apply_filters(statement, query, dialect, now, today)


def _columns(chosen: Any = None) -> Select[Any]:
    """Every column a row shows; with `chosen` (a subquery of ids), only those rows."""
    start: Any = r if chosen is None else r.join(chosen, chosen.c.id == r.c.id)
    joined = (
        start.join(services, services.c.id == r.c.service_id)
        .outerjoin(districts, districts.c.id == r.c.district_id)
        .outerjoin(queues, queues.c.id == r.c.queue_id)
        .outerjoin(staff, staff.c.id == r.c.assignee_id)
    )
    return select(
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
        r.c.calls_count,
        r.c.version,
        r.c.lat,
        r.c.lon,
        r.c.queue_id,
        r.c.at_risk_at,
        r.c.channel,
    ).select_from(joined)


def _base(query: ListQuery, dialect: str, now: datetime, today: Day | None) -> Select[Any]:
    return apply_filters(_columns(), query, dialect, now, today)


@speaks_service_errors
class SqlRequestListReader:
    """`RequestListReader` over SQLAlchemy Core; works on PostgreSQL and SQLite.

    `time_zone` names the city's calendar days (for *at risk today*); by default it is read
    from the city's settings the first time a query needs it.
    """

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime] | None = None,
        time_zone: str | None = None,
    ) -> None:
        self._engine = engine
        self._dialect = engine.dialect.name
        self._clock = clock or (lambda: datetime.now(UTC))
        self._time_zone = time_zone

    def _moment(self, query: ListQuery) -> tuple[datetime, Day | None]:
        """Now, and the city's day holding it when the query's bucket needs it."""
        now = self._clock()
        if query.bucket != "at_risk_today":
            return now, None
        return now, local_day(now, self._city_zone())

    def _city_zone(self) -> str:
        if self._time_zone is None:
            with self._engine.connect() as connection:
                self._time_zone = str(city_settings(connection, city.c.time_zone).time_zone)
        return self._time_zone

    def _select(self, query: ListQuery) -> tuple[Select[Any], ColumnElement[Any]]:
        sort = _sort_expression(query.sort_key, self._dialect)
        statement = _base(query, self._dialect, *self._moment(query))
        return statement.add_columns(sort.label("sort_value")), sort

    def page(self, query: ListQuery, after: Cursor | None, limit: int) -> Page:
        sort = _sort_expression(query.sort_key, self._dialect)
        if self._dialect == "postgresql" and query.sort_key in GROUPED_SORTS:
            now, today = self._moment(query)
            narrow = grouped_narrow(query, self._dialect, now, after, limit + 1, today)
            chosen = narrow.subquery("chosen")
        else:
            chosen = self._chosen(query, sort, after, limit + 1)
        statement = (
            _columns(chosen)
            .add_columns(chosen.c.sort_value)
            .order_by(*_order(query, chosen.c.sort_value))
        )
        with self._engine.connect() as connection:
            fetched = connection.execute(statement).all()
        kept = fetched[:limit]
        rows = tuple(_to_row(row._mapping) for row in kept)
        more = len(fetched) > limit
        last = fetched[limit - 1] if more else None
        cursor = Cursor(last.sort_value, last.id) if last is not None else None
        return Page(rows, cursor, tuple(row.sort_value for row in kept))

    def _chosen(
        self, query: ListQuery, sort: ColumnElement[Any], after: Cursor | None, limit: int
    ) -> Any:
        narrow = _narrow(query, self._dialect, *self._moment(query))
        if after is not None:
            position = tuple_(sort, r.c.id)
            boundary = tuple_(literal(after.sort_value, sort.type), literal(after.id))
            narrow = narrow.where(position < boundary if query.descending else position > boundary)
        return narrow.order_by(*_order(query, sort)).limit(limit).subquery("chosen")

    def rows_by_ids(self, query: ListQuery, ids: Sequence[int]) -> Page:
        if not ids:
            return Page((), None, ())
        statement, sort = self._select(query)
        statement = statement.where(r.c.id.in_(list(ids))).order_by(*_order(query, sort))
        with self._engine.connect() as connection:
            fetched = connection.execute(statement).all()
        rows = tuple(_to_row(row._mapping) for row in fetched)
        return Page(rows, None, tuple(row.sort_value for row in fetched))

    def count(self, query: ListQuery) -> int:
        inner = _base(query, self._dialect, *self._moment(query)).subquery()
        statement = select(func.count()).select_from(inner)
        with self._engine.connect() as connection:
            return int(connection.execute(statement).scalar_one())


def _order(query: ListQuery, sort: Any) -> tuple[ColumnElement[Any], ...]:
    if query.descending:
        return (sort.desc(), r.c.id.desc())
    return (sort.asc(), r.c.id.asc())


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
        at_risk_at=m["at_risk_at"],
        lat=m["lat"],
        lon=m["lon"],
        queue_id=m["queue_id"],
        calls=m["calls_count"],
        channel=m["channel"],
    )
