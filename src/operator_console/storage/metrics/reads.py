"""The requests of a period with the columns the metrics need, filtered and grouped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, Select, and_, exists, literal, or_, select

from operator_console.domain.geo import DistrictOutlines
from operator_console.services.metrics.model import (
    CATEGORY,
    DEPARTMENT,
    NOT_LAYERS,
    QUEUE,
    CaseFacts,
    GroupName,
    MetricsFilter,
    MetricsQuery,
    OpenSpan,
    Period,
)
from operator_console.services.metrics.ports import UnknownGroupingError
from operator_console.storage.db.tables import (
    city,
    departments,
    districts,
    queues,
    request_events,
    service_requests,
    services,
)

REOPENED = "reopened"
r = service_requests


class SqlMetricsReads:
    """`MetricsReads` over a console database: one statement per read, in Python after it."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def layers(self) -> list[str]:
        """The city's district layers, by name."""
        with self._engine.connect() as connection:
            found = connection.execute(select(districts.c.layer).distinct()).scalars()
            return sorted(found)

    def recorded_layer(self) -> str | None:
        """The layer whose district a case records: the city's routing layer, else the first."""
        layers = self.layers()
        with self._engine.connect() as connection:
            chosen = connection.execute(select(city.c.routing_layer)).scalar()
        return chosen if chosen in layers else (layers[0] if layers else None)

    def _check_grouping(self, by: str) -> None:
        if by in NOT_LAYERS:
            return
        layers = self.layers()
        if by not in layers:
            there = ", ".join([*layers, *NOT_LAYERS])
            raise UnknownGroupingError(
                f"the city has no district layer {by!r}; group by one of: {there}"
            )

    def groups(self, by: str) -> list[GroupName]:
        self._check_grouping(by)
        if by == QUEUE:
            statement = select(queues.c.code, queues.c.name)
        elif by == DEPARTMENT:
            statement = select(departments.c.code, departments.c.name)
        elif by == CATEGORY:
            statement = select(services.c.code, services.c.name)
        else:
            statement = select(districts.c.code, districts.c.name).where(districts.c.layer == by)
        with self._engine.connect() as connection:
            rows = connection.execute(statement).all()
        return sorted((GroupName(row.code, row.name) for row in rows), key=_natural)

    def cases(self, query: MetricsQuery) -> list[CaseFacts]:
        self._check_grouping(query.by)
        recorded = self.recorded_layer()
        outlined = query.by not in NOT_LAYERS and query.by != recorded
        reopened = exists().where(
            request_events.c.request_id == r.c.id, request_events.c.kind == REOPENED
        )
        group: Any
        if query.by == QUEUE:
            group = queues.c.code
        elif query.by == DEPARTMENT:
            group = departments.c.code
        elif query.by == CATEGORY:
            group = services.c.code
        elif outlined:
            group = literal(None)
        else:
            group = districts.c.code
        statement = select(
            r.c.created_at,
            r.c.assigned_at,
            r.c.resolved_at,
            r.c.due_at,
            r.c.closure_reason,
            r.c.channel,
            services.c.code.label("category"),
            r.c.calls_count,
            r.c.callers_count,
            reopened.label("reopened"),
            group.label("grouped"),
            r.c.lat,
            r.c.lon,
        ).where(r.c.created_at >= query.period.start, r.c.created_at < query.period.end)
        statement = _filtered(statement, query.chosen)
        with self._engine.connect() as connection:
            rows = connection.execute(statement).all()
        keys = [row.grouped for row in rows]
        if outlined:
            keys = self._districts_at(query.by, rows)
        return [
            CaseFacts(
                created_at=row.created_at,
                assigned_at=row.assigned_at,
                resolved_at=row.resolved_at,
                due_at=row.due_at,
                closure_reason=row.closure_reason,
                channel=row.channel,
                category=row.category,
                calls_count=row.calls_count,
                callers_count=row.callers_count,
                reopened=bool(row.reopened),
                group=key,
            )
            for row, key in zip(rows, keys, strict=True)
        ]

    def _districts_at(self, layer: str, rows: Sequence[Any]) -> list[str | None]:
        """The district of `layer` each row's point lies in (a layer cases do not record); the
        city's "location unknown" point is no place."""
        with self._engine.connect() as connection:
            outlines = connection.execute(
                select(districts.c.code, districts.c.geometry)
                .where(districts.c.layer == layer)
                .order_by(districts.c.id)
            ).all()
            unknown = tuple(
                connection.execute(select(city.c.unknown_lat, city.c.unknown_lon)).one()
            )
        found: list[str | None] = [None] * len(rows)
        placed = [
            i
            for i, row in enumerate(rows)
            if row.lat is not None and row.lon is not None and (row.lat, row.lon) != unknown
        ]
        if not placed or not outlines:
            return found
        positions = DistrictOutlines(row.geometry for row in outlines).districts_at(
            [rows[i].lat for i in placed], [rows[i].lon for i in placed]
        )
        for i, position in zip(placed, positions, strict=True):
            if position is not None:
                found[i] = outlines[position].code
        return found

    def open_spans(self, period: Period, chosen: MetricsFilter) -> list[OpenSpan]:
        statement = select(r.c.created_at, r.c.resolved_at).where(
            r.c.created_at < period.end,
            or_(r.c.resolved_at.is_(None), r.c.resolved_at >= period.start),
        )
        with self._engine.connect() as connection:
            rows = connection.execute(_filtered(statement, chosen)).all()
        return [OpenSpan(row.created_at, row.resolved_at) for row in rows]


def _filtered(statement: Select[Any], chosen: MetricsFilter) -> Select[Any]:
    """The statement over requests joined to their service, queue, department and recorded
    district, kept to what the filter chooses."""
    joined = (
        r.join(services, services.c.id == r.c.service_id)
        .outerjoin(queues, queues.c.id == r.c.queue_id)
        .outerjoin(departments, departments.c.id == queues.c.department_id)
        .outerjoin(districts, districts.c.id == r.c.district_id)
    )
    conditions = []
    if chosen.department is not None:
        conditions.append(departments.c.code == chosen.department)
    if chosen.queue is not None:
        conditions.append(queues.c.code == chosen.queue)
    if chosen.category is not None:
        conditions.append(services.c.code == chosen.category)
    if chosen.district is not None:
        conditions.append(districts.c.code == chosen.district)
    if chosen.channel is not None:
        conditions.append(r.c.channel == chosen.channel)
    statement = statement.select_from(joined)
    return statement.where(and_(*conditions)) if conditions else statement


def _natural(name: GroupName) -> list[Any]:
    """Sort key: codes with numbers in numeric order (ward 2 before ward 10)."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", name.key)
        if part
    ]
