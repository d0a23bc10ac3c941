"""The dashboard's figures come from the metric rollups on PostgreSQL (counts as the rows give
them, clocks within the buckets' error) without a scan of the requests, and from the rows on
SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, event

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.dashboard.desk import DashboardDesk
from operator_console.services.metrics.model import MetricsFilter
from operator_console.storage.dashboard.reads import SqlDashboardReads
from operator_console.storage.dashboard.rollups import RollupDashboardReads, dashboard_reads
from operator_console.storage.db.engine import make_engine
from tests.db.test_metric_rollups import _busiest_department, _query, _same_report, _span

SUPERVISOR = StaffIdentity("supervisor1", "Dana Whitfield", "supervisor")


@pytest.fixture
def demo_engine(demo_pg_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_pg_url)
    yield engine
    engine.dispose()


def _statements_of(engine: Engine, read: Any) -> tuple[Any, list[str]]:
    ran: list[str] = []

    def keep(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        ran.append(sql)

    event.listen(engine, "before_cursor_execute", keep)
    try:
        return read(), ran
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def test_the_dashboards_figures_from_the_rollups_are_the_rows(demo_engine: Engine) -> None:
    now = datetime.now(UTC)
    reads = dashboard_reads(demo_engine)
    assert isinstance(reads, RollupDashboardReads)
    from_rollups = DashboardDesk(reads, SUPERVISOR, lambda: now)
    from_rows = DashboardDesk(SqlDashboardReads(demo_engine), SUPERVISOR, lambda: now)
    start, end = _span(demo_engine)
    period = _query(demo_engine, start, end, "queue").period
    for chosen in (
        MetricsFilter(),
        MetricsFilter(department=_busiest_department(demo_engine)),
        MetricsFilter(district="3", channel="phone"),
    ):
        figures, ran = _statements_of(
            demo_engine, lambda c=chosen: from_rollups.figures(period, c, "ward")
        )
        exact = from_rows.figures(period, chosen, "ward")
        assert exact.by_queue.city.cases > 0, chosen
        _same_report(figures.by_queue, exact.by_queue)
        _same_report(figures.by_district, exact.by_district)
        # The requests are read only where they are open (their index), never scanned.
        on_requests = [sql for sql in ran if "service_requests" in sql]
        assert on_requests, chosen
        assert all("service_requests.resolved_at IS NULL" in sql for sql in on_requests), chosen


def test_the_drill_down_still_lists_the_cases_from_the_rows(demo_engine: Engine) -> None:
    desk = DashboardDesk(dashboard_reads(demo_engine), SUPERVISOR, lambda: datetime.now(UTC))
    start, end = _span(demo_engine)
    period = _query(demo_engine, start, end, "ward").period
    figures = desk.figures(period, MetricsFilter(), "ward")
    ward = next(g for g in figures.by_district.groups if g.key == "3")
    rows = dashboard_reads(demo_engine).drill_rows(period, MetricsFilter(), "ward", None)
    assert sum(row.group == "3" for row in rows) == ward.figures.cases > 0
    assert {choice.key for choice in desk.choices().districts} >= {"3"}


def test_sqlite_keeps_no_rollups_and_the_dashboard_reads_the_rows(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    assert type(dashboard_reads(engine)) is SqlDashboardReads
    engine.dispose()
