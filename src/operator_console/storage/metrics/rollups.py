"""Reading the metric rollups (PostgreSQL, migration 0017) and rebuilding them: each read from the
smallest cube that holds its filter and grouping."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Column,
    Connection,
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
from operator_console.storage.metrics.rollup_sql import Cube

_metadata = MetaData()
_TYPES: dict[str, Any] = {
    "queue_id": Integer,
    "service_id": Integer,
    "district_id": Integer,
    "channel": String(20),
    "department_id": Integer,
}


def _key_columns(cube: Cube) -> list[Column[Any]]:
    return [Column("day", Date), *(Column(name, _TYPES[name]) for name in cube.key)]


_COUNTS = {
    cube.name: Table(
        cube.counts,
        _metadata,
        *_key_columns(cube),
        *(Column(name, Integer) for name in rollup_sql.COUNTS),
    )
    for cube in rollup_sql.CUBES
}
_BUCKETS = {
    cube.name: Table(
        cube.buckets,
        _metadata,
        *_key_columns(cube),
        Column("measure", SmallInteger),
        Column("bucket", SmallInteger),
        Column("cases", Integer),
    )
    for cube in rollup_sql.CUBES
}
FULL = rollup_sql.CUBES[0]
# The filters and groupings each smaller cube answers (the full cube answers every one).
_ANSWERS = {
    "city": frozenset[str](),
    "department": frozenset({DEPARTMENT}),
    "queue": frozenset({DEPARTMENT, QUEUE}),
    "district": frozenset({"district"}),
    "department_district": frozenset({DEPARTMENT, "district"}),
}
_CLOCK_MEASURES = dict(
    zip(
        (rollup_sql.INTAKE_TO_ASSIGN, rollup_sql.ASSIGN_TO_RESOLVE, rollup_sql.INTAKE_TO_RESOLVE),
        CLOCKS,
        strict=True,
    )
)
_SUMMED = [name for name in rollup_sql.COUNTS if name != "resolved_that_day"]


RebuildProgress = Callable[[date, int, int], None]
"""Told after each month rebuilt: its first day, how many months are done, of how many."""


def rebuild_rollups(engine: Engine, progress: RebuildProgress | None = None) -> int:
    """Compute every rollup again from the requests (after a bulk load), a month of creation
    at a time, in one transaction that holds the requests still; the full cube's rows. Only the
    database's owner may (a PostgreSQL permission error otherwise)."""
    with engine.begin() as connection:
        connection.execute(text(f"LOCK TABLE {rollup_sql.ALL_TABLES} IN EXCLUSIVE MODE"))
        connection.execute(text("LOCK TABLE service_requests, request_events IN SHARE MODE"))
        connection.execute(text(f"TRUNCATE {rollup_sql.ALL_TABLES}"))
        months = _months_of_creation(connection)
        for done, (month, start, end) in enumerate(months, start=1):
            for statement in rollup_sql.REBUILD_SLICE:
                connection.execute(text(statement), {"start": start, "end": end})
            if progress is not None:
                progress(month, done, len(months))
        return int(connection.execute(text("SELECT count(*) FROM metric_rollups")).scalar_one())


def _months_of_creation(connection: Connection) -> list[tuple[date, datetime, datetime]]:
    """The city's local months from the first request's to the last's: each month's first day,
    its first instant and the next month's."""
    zone = ZoneInfo(
        str(
            connection.execute(
                text("SELECT coalesce((SELECT time_zone FROM city ORDER BY id LIMIT 1), 'UTC')")
            ).scalar_one()
        )
    )
    r = service_requests
    first, last = connection.execute(
        select(func.min(r.c.created_at), func.max(r.c.created_at))
    ).one()
    if first is None:
        return []
    month = first.astimezone(zone).date().replace(day=1)
    months = []
    while month <= last.astimezone(zone).date():
        following = _next_month(month)
        months.append(
            (
                month,
                datetime.combine(month, time(), zone),
                datetime.combine(following, time(), zone),
            )
        )
        month = following
    return months


def has_rollups(engine: Engine) -> bool:
    """Whether the database keeps metric rollups (PostgreSQL at migration 0017 or later)."""
    return engine.dialect.name == "postgresql"


def _needs(chosen: MetricsFilter, by: str | None) -> set[str]:
    needed = {name for name, value in chosen.described().items()}
    if by in (QUEUE, DEPARTMENT, CATEGORY):
        needed.add(by)
    elif by is not None:
        needed.add("district")
    return needed


def cube_for(chosen: MetricsFilter, by: str | None) -> Cube:
    """The smallest cube that holds the filter and the grouping."""
    needed = _needs(chosen, by)
    for cube in rollup_sql.CUBES[1:]:
        if needed <= _ANSWERS[cube.name]:
            return cube
    return FULL


class SqlMetricsRollups:
    """`MetricsRollups` over a PostgreSQL console database; also the rows' `MetricsReads`, for
    the groupings the rollups do not cover."""

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

    def totals(
        self, query: MetricsQuery, now: datetime, *, clocks: bool = True
    ) -> dict[str | None, RollupTotals]:
        first, end = _days(query.period)
        cube = cube_for(query.chosen, query.by)
        group = _group_column(query.by)
        m = _COUNTS[cube.name]
        counts = _filtered(
            select(
                group.label("grouped"),
                *(func.sum(m.c[name]).label(name) for name in _SUMMED),
            )
            .select_from(_joined(m, cube))
            .where(m.c.day >= first, m.c.day < end),
            query.chosen,
            m,
        ).group_by(group)
        r = service_requests
        open_sla = _filtered(
            select(
                group.label("grouped"),
                func.count().filter(r.c.due_at < now),
                func.count().filter(r.c.due_at >= now),
            )
            .select_from(_joined(r, FULL))
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
        bucketed: dict[str | None, dict[str, dict[int, int]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        with self._engine.connect() as connection:
            for row in connection.execute(counts).mappings():
                found[row["grouped"]].update({name: int(row[name]) for name in _SUMMED})
            measures = tuple(_CLOCK_MEASURES) if clocks else ()
            for key, measure, bucket, cases in self._buckets(
                connection, cube, query.chosen, query.by, first, end, measures
            ):
                bucketed[key][_CLOCK_MEASURES[measure]][bucket] = int(cases)
            for key, overdue, within in connection.execute(open_sla):
                found[key].update(open_overdue=int(overdue), open_within=int(within))
        return {
            key: RollupTotals(**values, clocks=dict(bucketed.get(key, {})))
            for key, values in found.items()
        }

    def _buckets(
        self,
        connection: Any,
        cube: Cube,
        chosen: MetricsFilter,
        by: str | None,
        first: date,
        end: date,
        measures: tuple[int, ...],
    ) -> Iterable[tuple[Any, int, int, int]]:
        """(group, measure, bucket, cases) over the period: whole months from a cube kept by
        month, the days before and after them from the full cube's days."""
        spans: list[tuple[Cube, date, date]] = []
        if cube.buckets_by_month:
            months_from = first if first.day == 1 else _next_month(first)
            months_to = end.replace(day=1)
            if months_from < months_to:
                spans = [(cube, months_from, months_to), (FULL, first, months_from)]
                spans.append((FULL, months_to, end))
            else:
                spans = [(FULL, first, end)]
        else:
            spans = [(cube, first, end)]
        summed: dict[tuple[Any, int, int], int] = defaultdict(int)
        for source, start, stop in spans:
            if start >= stop or not measures:
                continue
            b = _BUCKETS[source.name]
            group = _group_column(by) if by is not None else b.c.measure
            statement = _filtered(
                select(group, b.c.measure, b.c.bucket, func.sum(b.c.cases))
                .select_from(_joined(b, source))
                .where(b.c.measure.in_(measures), b.c.day >= start, b.c.day < stop),
                chosen,
                b,
            ).group_by(group, b.c.measure, b.c.bucket)
            for key, measure, bucket, cases in connection.execute(statement):
                summed[key if by is not None else None, measure, bucket] += int(cases)
        return [(key, measure, bucket, cases) for (key, measure, bucket), cases in summed.items()]

    def daily(self, period: Period, chosen: MetricsFilter) -> DailyCounts:
        first, end = _days(period)
        cube = cube_for(chosen, None)
        m = _COUNTS[cube.name]
        day = func.greatest(m.c.day, first - timedelta(days=1))
        statement = _filtered(
            select(day, func.sum(m.c.created), func.sum(m.c.resolved_that_day))
            .select_from(_joined(m, cube))
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
        m = _COUNTS[FULL.name]
        in_period = (m.c.day >= first, m.c.day < end, m.c.created != 0)
        channels = _filtered(
            select(m.c.channel, func.sum(m.c.created))
            .select_from(_joined(m, FULL))
            .where(*in_period),
            chosen,
            m,
        ).group_by(m.c.channel)
        categories = _filtered(
            select(services.c.code, func.sum(m.c.created))
            .select_from(_joined(m, FULL))
            .where(*in_period),
            chosen,
            m,
        ).group_by(services.c.code)
        with self._engine.connect() as connection:
            by_hour = [0] * 24
            for _, _, hour, cases in self._buckets(
                connection,
                cube_for(chosen, None),
                chosen,
                None,
                first,
                end,
                (rollup_sql.CREATED_HOUR,),
            ):
                by_hour[hour] = cases
            by_channel = _most_first(connection.execute(channels).all())
            by_category = _most_first(connection.execute(categories).all())
        return tuple(by_hour), by_channel, by_category


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _most_first(rows: Any) -> dict[str, int]:
    counted = [(str(key), int(count)) for key, count in rows if count]
    return dict(sorted(counted, key=lambda item: (-item[1], item[0])))


def _days(period: Period) -> tuple[date, date]:
    """The period's first local day and the day after its last."""
    zone = ZoneInfo(period.time_zone)
    first = period.start.astimezone(zone).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(zone).date()
    return first, last + timedelta(days=1)


def _group_column(by: str | None) -> Any:
    if by == QUEUE:
        return queues.c.code
    if by == DEPARTMENT:
        return departments.c.code
    if by == CATEGORY:
        return services.c.code
    return districts.c.code


def _joined(table: Table, cube: Cube) -> Any:
    """The table joined to the codes its cube's key leads to."""
    if cube is FULL:
        return (
            table.join(services, services.c.id == table.c.service_id)
            .outerjoin(queues, queues.c.id == table.c.queue_id)
            .outerjoin(departments, departments.c.id == queues.c.department_id)
            .outerjoin(districts, districts.c.id == table.c.district_id)
        )
    joined: Any = table
    if "queue_id" in cube.key:
        joined = joined.outerjoin(queues, queues.c.id == table.c.queue_id).outerjoin(
            departments, departments.c.id == queues.c.department_id
        )
    if "department_id" in cube.key:
        joined = joined.outerjoin(departments, departments.c.id == table.c.department_id)
    if "district_id" in cube.key:
        joined = joined.outerjoin(districts, districts.c.id == table.c.district_id)
    return joined


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
