"""Reading the metric rollups (PostgreSQL, migration 0017) and rebuilding them."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Column,
    Date,
    Engine,
    Integer,
    MetaData,
    Select,
    SmallInteger,
    String,
    Table,
    and_,
    func,
    select,
    text,
)

from operator_console.services.metrics.model import (
    CATEGORY,
    DEPARTMENT,
    QUEUE,
    CaseFacts,
    GroupName,
    MetricsFilter,
    MetricsQuery,
    OpenSpan,
    Period,
)
from operator_console.services.metrics.rollups import CLOCKS, DailyCounts, RollupTotals
from operator_console.storage.db.tables import (
    departments,
    districts,
    queues,
    service_requests,
    services,
)
from operator_console.storage.metrics import rollup_sql
from operator_console.storage.metrics.reads import SqlMetricsReads

_metadata = MetaData()


def _key_columns() -> list[Column[Any]]:
    return [
        Column("day", Date, nullable=False),
        Column("queue_id", Integer),
        Column("service_id", Integer, nullable=False),
        Column("district_id", Integer),
        Column("channel", String(20), nullable=False),
    ]


metric_rollups = Table(
    "metric_rollups",
    _metadata,
    *_key_columns(),
    *(Column(name, Integer, nullable=False) for name in rollup_sql.COUNTS),
)
metric_rollup_buckets = Table(
    "metric_rollup_buckets",
    _metadata,
    *_key_columns(),
    Column("measure", SmallInteger, nullable=False),
    Column("bucket", SmallInteger, nullable=False),
    Column("cases", Integer, nullable=False),
)
_CLOCK_MEASURES = dict(
    zip(
        (rollup_sql.INTAKE_TO_ASSIGN, rollup_sql.ASSIGN_TO_RESOLVE, rollup_sql.INTAKE_TO_RESOLVE),
        CLOCKS,
        strict=True,
    )
)
_SUMMED = [name for name in rollup_sql.COUNTS if name not in ("created", "resolved_that_day")]


def rebuild_rollups(engine: Engine) -> int:
    """Compute every rollup again from the requests (after a bulk load); the rollup rows made.
    Only the database's owner may (a PostgreSQL permission error otherwise)."""
    with engine.begin() as connection:
        return int(connection.execute(text("SELECT console_rebuild_metric_rollups()")).scalar_one())


def has_rollups(engine: Engine) -> bool:
    """Whether the database keeps metric rollups (PostgreSQL at migration 0017 or later)."""
    return engine.dialect.name == "postgresql"


class SqlMetricsRollups:
    """`MetricsRollups` over a PostgreSQL console database, one statement a read; also the
    rows' `MetricsReads`, for the groupings the rollups do not cover."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._rows = SqlMetricsReads(engine)

    def covers(self, by: str) -> bool:
        return by in (QUEUE, DEPARTMENT, CATEGORY) or by == self._rows.recorded_layer()

    def groups(self, by: str) -> list[GroupName]:
        return self._rows.groups(by)

    def cases(self, query: MetricsQuery) -> list[CaseFacts]:
        return self._rows.cases(query)

    def open_spans(self, period: Period, chosen: MetricsFilter) -> list[OpenSpan]:
        return self._rows.open_spans(period, chosen)

    def totals(self, query: MetricsQuery, now: datetime) -> dict[str | None, RollupTotals]:
        first, end = _days(query.period)
        group = _group_column(query.by)
        m = metric_rollups
        counts = select(
            group.label("grouped"),
            *(func.sum(getattr(m.c, name)).label(name) for name in _SUMMED),
            func.sum(m.c.created).label("created"),
        ).where(m.c.day >= first, m.c.day < end)
        counts = _filtered(counts.select_from(_joined(m)), query.chosen, m).group_by(group)
        b = metric_rollup_buckets
        buckets = _filtered(
            select(group.label("grouped"), b.c.measure, b.c.bucket, func.sum(b.c.cases))
            .select_from(_joined(b))
            .where(b.c.measure.in_(_CLOCK_MEASURES), b.c.day >= first, b.c.day < end),
            query.chosen,
            b,
        ).group_by(group, b.c.measure, b.c.bucket)
        r = service_requests
        open_sla = _filtered(
            select(
                group.label("grouped"),
                func.count().filter(r.c.due_at < now),
                func.count().filter(r.c.due_at >= now),
            )
            .select_from(_joined(r))
            .where(
                r.c.resolved_at.is_(None),
                r.c.due_at.is_not(None),
                r.c.created_at >= query.period.start,
                r.c.created_at < query.period.end,
            ),
            query.chosen,
            r,
        ).group_by(group)
        found: dict[str | None, dict[str, Any]] = defaultdict(dict)
        clocks: dict[str | None, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
        with self._engine.connect() as connection:
            for row in connection.execute(counts).mappings():
                found[row["grouped"]].update(
                    {name: int(row[name]) for name in (*_SUMMED, "created")}
                )
            for key, measure, bucket, cases in connection.execute(buckets):
                clocks[key][_CLOCK_MEASURES[measure]][bucket] = int(cases)
            for key, overdue, within in connection.execute(open_sla):
                found[key].update(open_overdue=int(overdue), open_within=int(within))
        return {
            key: RollupTotals(**values, clocks=dict(clocks.get(key, {})))
            for key, values in found.items()
        }

    def daily(self, period: Period, chosen: MetricsFilter) -> DailyCounts:
        first, end = _days(period)
        m = metric_rollups
        day = func.greatest(m.c.day, first - timedelta(days=1))
        statement = _filtered(
            select(day, func.sum(m.c.created), func.sum(m.c.resolved_that_day))
            .select_from(_joined(m))
            .where(m.c.day < end),
            chosen,
            m,
        ).group_by(day)
        with self._engine.connect() as connection:
            rows = connection.execute(statement).all()
        return DailyCounts(
            {row[0]: int(row[1]) for row in rows}, {row[0]: int(row[2]) for row in rows}
        )

    def volume_shares(
        self, period: Period, chosen: MetricsFilter
    ) -> tuple[tuple[int, ...], dict[str, int], dict[str, int]]:
        first, end = _days(period)
        b = metric_rollup_buckets
        hours = _filtered(
            select(b.c.bucket, func.sum(b.c.cases))
            .select_from(_joined(b))
            .where(b.c.measure == rollup_sql.CREATED_HOUR, b.c.day >= first, b.c.day < end),
            chosen,
            b,
        ).group_by(b.c.bucket)
        m = metric_rollups
        in_period = (m.c.day >= first, m.c.day < end, m.c.created != 0)
        channels = _filtered(
            select(m.c.channel, func.sum(m.c.created)).select_from(_joined(m)).where(*in_period),
            chosen,
            m,
        ).group_by(m.c.channel)
        categories = _filtered(
            select(services.c.code, func.sum(m.c.created))
            .select_from(_joined(m))
            .where(*in_period),
            chosen,
            m,
        ).group_by(services.c.code)
        with self._engine.connect() as connection:
            by_hour = [0] * 24
            for hour, cases in connection.execute(hours):
                by_hour[hour] = int(cases)
            by_channel = _most_first(connection.execute(channels).all())
            by_category = _most_first(connection.execute(categories).all())
        return tuple(by_hour), by_channel, by_category


def _most_first(rows: Any) -> dict[str, int]:
    counted = [(str(key), int(count)) for key, count in rows if count]
    return dict(sorted(counted, key=lambda item: (-item[1], item[0])))


def _days(period: Period) -> tuple[date, date]:
    """The period's first local day and the day after its last."""
    zone = ZoneInfo(period.time_zone)
    first = period.start.astimezone(zone).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(zone).date()
    return first, last + timedelta(days=1)


def _group_column(by: str) -> Any:
    if by == QUEUE:
        return queues.c.code
    if by == DEPARTMENT:
        return departments.c.code
    if by == CATEGORY:
        return services.c.code
    return districts.c.code


def _joined(table: Table) -> Any:
    return (
        table.join(services, services.c.id == table.c.service_id)
        .outerjoin(queues, queues.c.id == table.c.queue_id)
        .outerjoin(departments, departments.c.id == queues.c.department_id)
        .outerjoin(districts, districts.c.id == table.c.district_id)
    )


def _filtered(statement: Select[Any], chosen: MetricsFilter, table: Table) -> Select[Any]:
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
        conditions.append(table.c.channel == chosen.channel)
    return statement.where(and_(*conditions)) if conditions else statement
