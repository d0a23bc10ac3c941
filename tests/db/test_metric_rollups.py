"""The rollups PostgreSQL keeps give the report's figures: counts exactly, clocks within the
buckets' error, on the demo city, after cases change (one statement or many) and after a rebuild."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import DateTime, Engine, func, insert, select, text, type_coerce, update

from operator_console.services.metrics.figures import Clock, Figures
from operator_console.services.metrics.model import MetricsFilter, MetricsQuery, Period
from operator_console.services.metrics.report import MetricsReport, metrics_report
from operator_console.services.metrics.rollups import rollup_report
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import ALL_GROUPS
from operator_console.storage.db.tables import (
    city,
    departments,
    districts,
    queues,
    request_events,
    service_requests,
)
from operator_console.storage.metrics.reads import SqlMetricsReads
from operator_console.storage.metrics.rollup_sql import ALL_TABLES, COUNTS, CUBES
from operator_console.storage.metrics.rollups import SqlMetricsRollups, cube_for, rebuild_rollups

r = service_requests
# A percentile read from its buckets is within 6 % of the rows' value, or half a minute.
RELATIVE_ERROR = 0.06
UNDER_A_MINUTE = 0.5


def _close(bucketed: float | None, exact: float | None) -> bool:
    if bucketed is None or exact is None:
        return bucketed is exact
    return abs(bucketed - exact) <= RELATIVE_ERROR * abs(exact) + UNDER_A_MINUTE


def _same_clock(bucketed: Clock, exact: Clock, name: str) -> None:
    assert bucketed.cases == exact.cases, name
    assert _close(bucketed.median, exact.median), (name, bucketed, exact)
    assert _close(bucketed.p90, exact.p90), (name, bucketed, exact)
    if exact.median_interval is None:
        assert bucketed.median_interval is None, name
    else:
        assert bucketed.median_interval is not None, name
        assert _close(bucketed.median_interval.low, exact.median_interval.low), name
        assert _close(bucketed.median_interval.high, exact.median_interval.high), name


def _same_figures(bucketed: Figures, exact: Figures, name: str) -> None:
    for clock in ("intake_to_assign", "assign_to_resolve", "intake_to_resolve"):
        _same_clock(getattr(bucketed, clock), getattr(exact, clock), f"{name} {clock}")
    assert (bucketed.cases, bucketed.resolved, bucketed.sla) == (
        exact.cases,
        exact.resolved,
        exact.sla,
    ), name
    assert bucketed.reopen_rate == exact.reopen_rate, name
    assert bucketed.duplicate_share == exact.duplicate_share, name
    assert bucketed.repeat_calls == exact.repeat_calls, name
    assert (bucketed.status_calls, bucketed.several_callers) == (
        exact.status_calls,
        exact.several_callers,
    ), name


def _same_report(bucketed: MetricsReport, exact: MetricsReport) -> None:
    _same_figures(bucketed.city, exact.city, "city")
    assert bucketed.volume.by_day == exact.volume.by_day
    assert bucketed.volume.by_hour == exact.volume.by_hour
    assert bucketed.volume.by_channel == exact.volume.by_channel
    assert bucketed.volume.by_category == exact.volume.by_category
    assert bucketed.backlog_by_day == exact.backlog_by_day
    assert bucketed.backlog_at_end == exact.backlog_at_end
    assert [(g.key, g.name, g.small) for g in bucketed.groups] == [
        (g.key, g.name, g.small) for g in exact.groups
    ]
    for mine, theirs in zip(bucketed.groups, exact.groups, strict=True):
        _same_figures(mine.figures, theirs.figures, str(mine.key))
        for metric in ("on_time_share", "reopen_rate", "duplicate_share", "repeat_calls"):
            assert mine.comparisons[metric] == theirs.comparisons[metric], (mine.key, metric)


def _query(engine: Engine, start: date, end: date, by: str, **chosen: str) -> MetricsQuery:
    with engine.connect() as connection:
        zone_name = str(connection.execute(select(city.c.time_zone)).scalar_one())
    zone = ZoneInfo(zone_name)
    return MetricsQuery(
        Period(
            datetime.combine(start, time(), zone), datetime.combine(end, time(), zone), zone_name
        ),
        by,
        MetricsFilter(**chosen),
    )


def _span(engine: Engine) -> tuple[date, date]:
    with engine.connect() as connection:
        first, last = connection.execute(
            select(func.min(r.c.created_at), func.max(r.c.created_at))
        ).one()
    return first.date() - timedelta(days=2), last.date() + timedelta(days=2)


def _busiest_department(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(
                select(departments.c.code)
                .select_from(r.join(queues, queues.c.id == r.c.queue_id).join(departments))
                .group_by(departments.c.code)
                .order_by(func.count().desc())
                .limit(1)
            ).scalar_one()
        )


def _check(engine: Engine, query: MetricsQuery, now: datetime) -> None:
    exact = metrics_report(SqlMetricsReads(engine), query, now)
    bucketed = rollup_report(SqlMetricsRollups(engine), query, now)
    assert exact.city.cases > 0
    _same_report(bucketed, exact)
    assert metrics_report(SqlMetricsRollups(engine), query, now) == bucketed


def _queries(engine: Engine) -> list[MetricsQuery]:
    start, end = _span(engine)
    middle = start + (end - start) / 2
    department = _busiest_department(engine)
    return [
        _query(engine, start, end, "ward"),
        _query(engine, start, end, "queue", department=department),
        _query(engine, middle, end, "category", channel="phone"),
        _query(engine, start, middle, "department"),
        _query(engine, start, end, "ward", department=department),
        _query(engine, middle, end, "department", department=department),
    ]


@pytest.fixture
def demo_engine(demo_pg_url: str) -> Engine:
    engine = make_engine(demo_pg_url)
    yield engine  # type: ignore[misc]
    engine.dispose()


def test_the_rollups_give_the_rows_figures_on_the_demo_city(demo_engine: Engine) -> None:
    now = datetime.now(UTC)
    queries = _queries(demo_engine)
    read = {cube_for(q.chosen, q.by).name for q in queries}
    read |= {cube_for(q.chosen, None).name for q in queries}
    assert read == {cube.name for cube in CUBES}
    for query in queries:
        _check(demo_engine, query, now)


def _change_cases(engine: Engine, now: datetime) -> None:
    """Resolve cases, reopen some, re-route others: each in one statement over many rows, and
    one case at a time."""
    with engine.begin() as connection:
        open_ids = (
            connection.execute(
                select(r.c.id).where(r.c.resolved_at.is_(None)).order_by(r.c.id).limit(300)
            )
            .scalars()
            .all()
        )
        resolved_ids = (
            connection.execute(
                select(r.c.id).where(r.c.resolved_at.is_not(None)).order_by(r.c.id).limit(200)
            )
            .scalars()
            .all()
        )
        other_queue = connection.execute(select(func.max(queues.c.id))).scalar_one()
        other_district = connection.execute(select(func.max(districts.c.id))).scalar_one()
        connection.execute(
            update(r)
            .where(r.c.id.in_(open_ids[:200]))
            .values(
                status="resolved",
                resolved_at=now,
                assigned_at=type_coerce(r.c.created_at, DateTime(timezone=True))
                + timedelta(hours=3),
                closure_reason="fixed",
            )
        )
        for request_id in open_ids[200:220]:
            connection.execute(
                update(r)
                .where(r.c.id == request_id)
                .values(
                    status="resolved",
                    resolved_at=now - timedelta(hours=1),
                    closure_reason="duplicate",
                )
            )
        connection.execute(
            insert(request_events),
            [
                {"request_id": request_id, "at": now, "actor": "test", "kind": "reopened"}
                for request_id in resolved_ids[:50]
            ],
        )
        connection.execute(
            update(r)
            .where(r.c.id.in_(resolved_ids[:50]))
            .values(status="in_queue", resolved_at=None, closure_reason=None)
        )
        for request_id in resolved_ids[50:60]:
            connection.execute(
                update(r)
                .where(r.c.id == request_id)
                .values(status="in_queue", resolved_at=None, closure_reason=None)
            )
            connection.execute(
                insert(request_events).values(
                    request_id=request_id, at=now, actor="test", kind="reopened"
                )
            )
        connection.execute(
            update(r)
            .where(r.c.id.in_([*resolved_ids[100:150], *open_ids[220:260]]))
            .values(
                queue_id=other_queue,
                district_id=other_district,
                channel="app",
                calls_count=r.c.calls_count + 2,
            )
        )
        connection.execute(
            text("UPDATE service_requests SET description = description WHERE id % 7 = 0")
        )


def test_the_rollups_follow_resolutions_reopenings_and_re_routing(demo_engine: Engine) -> None:
    now = datetime.now(UTC)
    _change_cases(demo_engine, now)
    for query in _queries(demo_engine):
        _check(demo_engine, query, now + timedelta(minutes=1))


def _rollup_rows(engine: Engine) -> dict[str, set[tuple[object, ...]]]:
    """Every cube's rows that count something."""
    kept: dict[str, set[tuple[object, ...]]] = {}
    with engine.connect() as connection:
        for cube in CUBES:
            counts = connection.execute(text(f"SELECT * FROM {cube.counts}")).all()
            buckets = connection.execute(text(f"SELECT * FROM {cube.buckets}")).all()
            kept[cube.counts] = {tuple(row) for row in counts if any(row[-len(COUNTS) :])}
            kept[cube.buckets] = {tuple(row) for row in buckets if row[-1]}
    return kept


def test_a_rebuild_gives_what_the_triggers_kept(demo_engine: Engine) -> None:
    now = datetime.now(UTC)
    _change_cases(demo_engine, now)
    kept = _rollup_rows(demo_engine)
    rebuilt: list[tuple[date, int, int]] = []
    assert rebuild_rollups(demo_engine, lambda *month: rebuilt.append(month)) > 0
    assert _rollup_rows(demo_engine) == kept
    with demo_engine.connect() as connection:
        zone = ZoneInfo(connection.execute(select(city.c.time_zone)).scalar_one())
        first, last = connection.execute(
            select(func.min(r.c.created_at), func.max(r.c.created_at))
        ).one()
    first_month = first.astimezone(zone).date().replace(day=1)
    last_month = last.astimezone(zone).date().replace(day=1)
    assert len(rebuilt) > 1, "the demo city's requests span several months: several slices"
    assert (rebuilt[0][0], rebuilt[-1][0]) == (first_month, last_month)
    assert [(done, months) for _, done, months in rebuilt] == [
        (done, len(rebuilt)) for done in range(1, len(rebuilt) + 1)
    ]
    _check(demo_engine, _queries(demo_engine)[0], now + timedelta(minutes=1))


def test_a_bulk_load_leaves_the_rollups_to_the_rebuild(demo_engine: Engine) -> None:
    before = _rollup_rows(demo_engine)
    with demo_engine.begin() as connection:
        connection.execute(text("SET LOCAL console.bulk_load = 'on'"))
        connection.execute(
            text(
                "INSERT INTO service_requests (reference, client_uuid, service_id, status, "
                "priority, district_id, answers, channel, queue_id, created_by, created_at, "
                "updated_at, due_at) SELECT 'BULK-' || id, gen_random_uuid(), service_id, status, "
                "priority, district_id, answers, channel, queue_id, created_by, created_at, "
                "updated_at, due_at FROM service_requests WHERE id % 10 = 0"
            )
        )
    assert _rollup_rows(demo_engine) == before
    rebuild_rollups(demo_engine)
    assert _rollup_rows(demo_engine) != before
    _check(demo_engine, _queries(demo_engine)[0], datetime.now(UTC))


def test_every_group_reads_the_rollups_and_none_writes_them(demo_engine: Engine) -> None:
    with demo_engine.connect() as connection:
        for group in ALL_GROUPS:
            for table in ALL_TABLES.split(", "):
                held = {
                    privilege: connection.execute(
                        text("SELECT has_table_privilege(:role, :table, :privilege)"),
                        {"role": group, "table": table, "privilege": privilege},
                    ).scalar_one()
                    for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
                }
                assert held == {
                    "SELECT": True,
                    "INSERT": False,
                    "UPDATE": False,
                    "DELETE": False,
                    "TRUNCATE": False,
                }, (group, table)
            assert not connection.execute(
                text(
                    "SELECT has_function_privilege(:role, "
                    "'console_rebuild_metric_rollups()', 'EXECUTE')"
                ),
                {"role": group},
            ).scalar_one()
