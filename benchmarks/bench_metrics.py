"""Dashboard panels at scale: each from the rollups, and by one GROUP BY over the requests.

Requests spread over ten years like the demo city (its requests repeated with their service,
queue, district, channel, SLA target and time to resolve), loaded in one INSERT ... SELECT
generate_series in the owner's bulk mode, then the rollups rebuilt a month at a time. For one year,
city-wide and for the busiest department, each panel is read `--repeat` times both ways.

Run: .venv/bin/python benchmarks/bench_metrics.py [--requests 5000000] [--repeat 20] [--profile]
(--profile: where the equity panel within the department spends its time, in Python and in
each of its statements). Last, the price of the rollups' triggers: one UPDATE of 10,000
resolved cases, and one open case resolved at a time, with and without them.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, create_engine, event, text

from operator_console.services.metrics.equity import compare
from operator_console.services.metrics.model import MetricsFilter, MetricsQuery, Period
from operator_console.services.metrics.rollups import RollupTotals, rollup_figures
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.demo_city.seed import seed_demo
from operator_console.storage.metrics.rollups import SqlMetricsRollups, rebuild_rollups
from tests.support.pg_cluster import PgCluster

LOAD = """
INSERT INTO service_requests (reference, client_uuid, service_id, status, priority, lat, lon,
    district_id, answers, channel, calls_count, callers_count, queue_id, created_by, created_at,
    routed_at, assigned_at, resolved_at, closed_at, due_at, updated_at, closure_reason)
SELECT 'BIG-' || g, gen_random_uuid(), s.service_id,
    CASE WHEN still_open THEN 'in_queue' ELSE 'closed' END, s.priority, s.lat, s.lon,
    s.district_id, s.answers, s.channel, s.calls_count, s.callers_count, s.queue_id, 'import',
    created, created,
    CASE WHEN NOT still_open THEN created + time_to_resolve * 0.3 END,
    CASE WHEN NOT still_open THEN created + time_to_resolve END,
    CASE WHEN NOT still_open THEN created + time_to_resolve END,
    created + s.target, created,
    CASE WHEN NOT still_open THEN coalesce(s.closure_reason, 'fixed') END
FROM generate_series(1, :total) AS g
JOIN sample s ON s.n = 1 + (g::bigint * 7919) % :sampled
CROSS JOIN LATERAL (
    SELECT now() - interval '3650 days' * (1 - g::float8 / :total) AS created
) c
CROSS JOIN LATERAL (
    SELECT s.took IS NULL AND created > now() - interval '60 days' AS still_open,
        coalesce(s.took, interval '1 day' * (1 + (g % 9))) AS time_to_resolve
) t
"""
SAMPLE = """
CREATE TEMP TABLE sample AS
SELECT row_number() OVER (ORDER BY id) AS n, service_id, priority, lat, lon, district_id, answers,
    channel, calls_count, callers_count, queue_id, closure_reason,
    due_at - created_at AS target, resolved_at - created_at AS took
FROM service_requests
"""


def load(engine: Engine, total: int) -> int:
    """Add `total` requests over ten years in one bulk-load transaction of the owner's."""
    with engine.begin() as connection:
        connection.execute(text("SET LOCAL console.bulk_load = 'on'"))
        connection.execute(text(SAMPLE))
        sampled = connection.execute(text("SELECT count(*) FROM sample")).scalar_one()
        connection.execute(text(LOAD), {"total": total, "sampled": sampled})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
    return int(sampled)


DAY = "(r.created_at AT TIME ZONE :zone)::date"
JOINS = (
    "FROM service_requests r LEFT JOIN queues q ON q.id = r.queue_id "
    "LEFT JOIN departments dep ON dep.id = q.department_id "
    "LEFT JOIN districts d ON d.id = r.district_id"
)
IN_YEAR = "r.created_at >= :start AND r.created_at < :end"
ONLY = " AND (CAST(:department AS text) IS NULL OR dep.code = :department)"
WORKED = "NOT (coalesce(r.closure_reason = 'duplicate', false) AND r.resolved_at IS NOT NULL)"
MINUTES = "extract(epoch FROM ({stop} - {start})) / 60"
GROUP_BY_PANELS = {
    "volume by day": f"SELECT {DAY}, count(*) {JOINS} WHERE {IN_YEAR}{ONLY} GROUP BY 1",
    "backlog by day": f"""
        SELECT greatest(day, CAST(:first AS date) - 1), sum(delta) FROM (
            SELECT {DAY} AS day, 1 AS delta {JOINS} WHERE r.created_at < :end{ONLY}
            UNION ALL
            SELECT ((r.resolved_at - interval '1 microsecond') AT TIME ZONE :zone)::date, -1
            {JOINS} WHERE r.resolved_at < :end{ONLY}
        ) changes GROUP BY 1""",
    "SLA by queue": f"""
        SELECT q.code, count(*) FILTER (WHERE {WORKED} AND r.resolved_at <= r.due_at),
            count(*) FILTER (WHERE {WORKED} AND r.resolved_at > r.due_at),
            count(*) FILTER (WHERE r.resolved_at IS NULL AND r.due_at < now()),
            count(*) FILTER (WHERE r.resolved_at IS NULL AND r.due_at >= now()),
            count(*) FILTER (WHERE {WORKED} AND r.due_at IS NULL)
        {JOINS} WHERE {IN_YEAR}{ONLY} GROUP BY q.code""",
    "clocks median/p90": f"""
        SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY
                {MINUTES.format(start="r.created_at", stop="r.assigned_at")}),
            percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY
                {MINUTES.format(start="r.assigned_at", stop="r.resolved_at")}),
            percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY
                {MINUTES.format(start="r.created_at", stop="r.resolved_at")})
        {JOINS} WHERE {IN_YEAR}{ONLY} AND {WORKED}""",
    "equity by ward": f"""
        SELECT d.code, count(*),
            count(*) FILTER (WHERE {WORKED} AND r.resolved_at <= r.due_at),
            count(*) FILTER (WHERE {WORKED} AND r.due_at IS NOT NULL
                AND (r.resolved_at IS NOT NULL OR r.due_at < now())),
            count(*) FILTER (WHERE r.calls_count > 0 OR r.callers_count > 1),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY
                {MINUTES.format(start="r.created_at", stop="r.resolved_at")})
                FILTER (WHERE {WORKED})
        {JOINS} WHERE {IN_YEAR}{ONLY} GROUP BY d.code""",
}


def rollup_panels(
    rollups: SqlMetricsRollups, query: MetricsQuery, ward: str
) -> dict[str, Callable[[], object]]:
    """Each panel as the dashboard reads it from the rollups, with its figures computed."""
    now = datetime.now(UTC)

    def sla_by_queue() -> object:
        totals = rollups.totals(_by(query, "queue"), now, clocks=False)
        return {key: rollup_figures(t).sla for key, t in totals.items()}

    def clocks() -> object:
        summed = RollupTotals()
        for each in rollups.totals(_by(query, "department"), now).values():
            summed = summed.plus(each)
        figures = rollup_figures(summed)
        return figures.intake_to_assign, figures.assign_to_resolve, figures.intake_to_resolve

    def equity() -> object:
        totals = rollups.totals(_by(query, ward), now)
        summed = RollupTotals()
        for each in totals.values():
            summed = summed.plus(each)
        whole = rollup_figures(summed)
        return {key: compare(rollup_figures(t), whole) for key, t in totals.items()}

    daily = lambda: rollups.daily(query.period, query.chosen)  # noqa: E731
    return {
        "volume by day": daily,
        "backlog by day": daily,
        "SLA by queue": sla_by_queue,
        "clocks median/p90": clocks,
        "equity by ward": equity,
    }


def _by(query: MetricsQuery, by: str) -> MetricsQuery:
    return MetricsQuery(query.period, by, query.chosen)


def p95(run: Callable[[], object], repeat: int) -> float:
    run()  # the first read warms the cache, as a dashboard's first refresh does
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.quantiles(times, n=20, method="inclusive")[18]


def profile(engine: Engine, run: Callable[[], object]) -> None:
    """The panel's costliest calls (cProfile), then EXPLAIN ANALYZE of each statement it ran."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, sql: str, bound: Any, _context: Any, _many: bool) -> None:
        statements.append((sql, bound))

    profiler = cProfile.Profile()
    event.listen(engine, "before_cursor_execute", keep)
    try:
        profiler.runcall(run)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(25)
    print(report.getvalue(), flush=True)
    with engine.connect() as connection:
        raw: Any = connection.connection.dbapi_connection
        with raw.cursor() as cursor:
            for sql, bound in statements:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, bound)
                print(sql.split("FROM")[0][:100], "...")
                print("\n".join(f"  {row[0]}" for row in cursor.fetchall()), flush=True)


ROLLUP_UPDATES = "service_requests_metric_rollups_update"


def bulk_update(engine: Engine) -> float:
    """The median time of one UPDATE that logs a status call on 10,000 resolved cases."""
    times = []
    for _ in range(5):
        with engine.begin() as connection:
            started = time.perf_counter()
            connection.execute(
                text(
                    "UPDATE service_requests SET calls_count = calls_count + 1 WHERE id IN "
                    "(SELECT id FROM service_requests WHERE resolved_at IS NOT NULL "
                    "ORDER BY id DESC LIMIT 10000)"
                )
            )
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def single_resolves(engine: Engine, repeat: int) -> float:
    """The p95 of resolving one open case in its own transaction (`repeat` cases, one more
    first to warm the cache)."""
    with engine.connect() as connection:
        open_cases = connection.execute(
            text(
                "SELECT id FROM service_requests WHERE resolved_at IS NULL "
                "ORDER BY id DESC LIMIT :many"
            ),
            {"many": repeat + 1},
        ).scalars()
        cases = iter(list(open_cases))

    def resolve() -> object:
        with engine.begin() as connection:
            return connection.execute(
                text(
                    "UPDATE service_requests SET status = 'closed', resolved_at = now(), "
                    "closed_at = now(), closure_reason = 'fixed', updated_at = now() "
                    "WHERE id = :id"
                ),
                {"id": next(cases)},
            )

    return p95(resolve, repeat)


def rebuilt_year(month: date, done: int, months: int) -> None:
    if month.month == 12 or done == months:
        print(f"  rollups rebuilt to {month:%Y-%m} ({done}/{months} months)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    print(
        f"{platform.node()} {platform.processor() or platform.machine()} "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        flush=True,
    )
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench"))
        admin.dispose()
        engine = make_engine(cluster.url("bench"))
        schema.upgrade(engine)
        seed_demo(engine)
        started = time.perf_counter()
        sampled = load(engine, args.requests)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        rollup_rows = rebuild_rollups(engine, rebuilt_year)
        rebuilt = time.perf_counter() - started
        with engine.connect() as connection:
            connection.execute(text("ANALYZE metric_rollups, metric_rollup_buckets"))
            connection.commit()
            zone = str(connection.execute(text("SELECT time_zone FROM city")).scalar_one())
            total = connection.execute(text("SELECT count(*) FROM service_requests")).scalar_one()
            buckets = connection.execute(
                text("SELECT count(*) FROM metric_rollup_buckets")
            ).scalar_one()
            department = connection.execute(
                text(
                    "SELECT dep.code FROM service_requests r JOIN queues q ON q.id = r.queue_id "
                    "JOIN departments dep ON dep.id = q.department_id "
                    "GROUP BY dep.code ORDER BY count(*) DESC LIMIT 1"
                )
            ).scalar_one()
            ward = connection.execute(text("SELECT routing_layer FROM city")).scalar_one()
        print(
            f"{total:,} requests ({args.requests:,} added from {sampled:,} demo requests) "
            f"loaded in {loaded:.0f} s; rollups rebuilt in {rebuilt:.0f} s: "
            f"{rollup_rows:,} rollup rows, {buckets:,} bucket rows",
            flush=True,
        )
        year = datetime.now(UTC).year - 1
        first, end = date(year, 1, 1), date(year + 1, 1, 1)
        local = ZoneInfo(zone)
        start_at = datetime.combine(first, clock_time(), local)
        end_at = datetime.combine(end, clock_time(), local)
        rollups = SqlMetricsRollups(engine)
        print(f"year {year}; department {department}; {args.repeat} reads of each, p95 in ms")
        print(f"{'panel':<20} {'filter':<12} {'rollups':>9} {'GROUP BY':>9} {'ratio':>7}")
        for label, chosen in (("city-wide", None), (department, department)):
            query = MetricsQuery(
                Period(start_at, end_at, zone), "queue", MetricsFilter(department=chosen)
            )
            panels = rollup_panels(rollups, query, ward)
            parameters: dict[str, Any] = {
                "zone": zone,
                "start": start_at,
                "end": end_at,
                "first": first,
                "department": chosen,
            }
            for name, statement in GROUP_BY_PANELS.items():
                from_rollups = p95(panels[name], args.repeat)

                def by_rows(sql: str = statement, bound: dict[str, Any] = parameters) -> object:
                    with engine.connect() as connection:
                        return connection.execute(text(sql), bound).all()

                from_rows = p95(by_rows, args.repeat)
                print(
                    f"{name:<20} {label:<12} {from_rollups:>9.1f} {from_rows:>9.1f} "
                    f"{from_rows / from_rollups:>6.1f}x",
                    flush=True,
                )
        if args.profile:
            print(f"where equity by ward within {department} spends its time:", flush=True)
            profile(engine, panels["equity by ward"])
        print(
            "one UPDATE of 10,000 resolved cases (a status call each), 5 times, median in ms; "
            f"one open case resolved in its own transaction, {args.repeat} cases, p95 in ms:"
        )
        for kept in (True, False):
            if not kept:
                with engine.begin() as connection:
                    connection.execute(
                        text(f"ALTER TABLE service_requests DISABLE TRIGGER {ROLLUP_UPDATES}")
                    )
            print(
                f"  {'with' if kept else 'without'} the rollups' triggers: "
                f"10,000 cases {bulk_update(engine):.0f}, "
                f"one case {single_resolves(engine, args.repeat):.1f}",
                flush=True,
            )
        with engine.begin() as connection:
            connection.execute(
                text(f"ALTER TABLE service_requests ENABLE TRIGGER {ROLLUP_UPDATES}")
            )
        engine.dispose()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
