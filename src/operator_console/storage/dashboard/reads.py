"""The dashboard's reads: the metrics' rows, every filter's choices, and the cases behind a
click, on PostgreSQL and SQLite."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select

from operator_console.services.dashboard.model import DrillRow, FilterChoices
from operator_console.services.metrics.model import (
    CATEGORY,
    DEPARTMENT,
    NOT_LAYERS,
    QUEUE,
    MetricsFilter,
    Period,
)
from operator_console.storage.db.tables import (
    city,
    departments,
    districts,
    queues,
    service_requests,
    services,
)
from operator_console.storage.metrics.reads import SqlMetricsReads, _filtered

r = service_requests


class SqlDashboardReads(SqlMetricsReads):
    """`DashboardReads` over a console database."""

    def _layer_cases_record(self) -> str | None:
        """The layer whose district a case records: the city's routing layer, else the first."""
        layers = self.layers()
        with self._engine.connect() as connection:
            chosen = connection.execute(select(city.c.routing_layer)).scalar()
        return chosen if chosen in layers else (layers[0] if layers else None)

    def choices(self) -> FilterChoices:
        recorded = self._layer_cases_record()
        with self._engine.connect() as connection:
            channels = connection.execute(select(r.c.channel).distinct()).scalars().all()
        return FilterChoices(
            departments=tuple(self.groups(DEPARTMENT)),
            queues=tuple(self.groups(QUEUE)),
            categories=tuple(self.groups(CATEGORY)),
            districts=tuple(self.groups(recorded)) if recorded else (),
            channels=tuple(sorted(channels)),
            layers=tuple(self.layers()),
        )

    def drill_rows(
        self, period: Period, chosen: MetricsFilter, by: str | None, open_at: datetime | None
    ) -> list[DrillRow]:
        if by is not None:
            self.groups(by)  # refuses a grouping the city does not have
        recorded = self._layer_cases_record()
        outlined = by is not None and by not in NOT_LAYERS and by != recorded
        group: Any
        if by == QUEUE:
            group = queues.c.code
        elif by == DEPARTMENT:
            group = departments.c.code
        elif by == CATEGORY:
            group = services.c.code
        elif by is None or outlined:
            group = r.c.id.is_(None)  # no key: a constant the rows ignore
        else:
            group = districts.c.code
        statement: Select[Any] = select(
            r.c.id,
            r.c.reference,
            r.c.status,
            services.c.name.label("category"),
            r.c.address,
            r.c.created_at,
            r.c.resolved_at,
            r.c.due_at,
            r.c.closure_reason,
            group.label("grouped"),
            r.c.lat,
            r.c.lon,
        )
        if open_at is None:
            statement = statement.where(r.c.created_at >= period.start, r.c.created_at < period.end)
        else:
            statement = statement.where(
                r.c.created_at < open_at, or_(r.c.resolved_at.is_(None), r.c.resolved_at > open_at)
            )
        with self._engine.connect() as connection:
            rows = connection.execute(_filtered(statement, chosen)).all()
        if by is None:
            keys: list[str | None] = [None] * len(rows)
        elif outlined:
            keys = self._districts_at(by, rows)
        else:
            keys = [row.grouped for row in rows]
        return [
            DrillRow(
                request_id=row.id,
                reference=row.reference,
                status=row.status,
                category=row.category,
                address=row.address,
                created_at=row.created_at,
                resolved_at=row.resolved_at,
                due_at=row.due_at,
                closure_reason=row.closure_reason,
                group=key,
            )
            for row, key in zip(rows, keys, strict=True)
        ]
