"""The dashboard's reads where the database keeps metric rollups: figures from them, cases from
the rows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine

from operator_console.services.dashboard.model import DrillRow, FilterChoices
from operator_console.services.dashboard.ports import DashboardReads
from operator_console.services.metrics.model import MetricsFilter, Period
from operator_console.storage.dashboard.reads import SqlDashboardReads
from operator_console.storage.metrics.rollups import SqlMetricsRollups, has_rollups


class RollupDashboardReads(SqlMetricsRollups):
    """`DashboardReads` whose figures come from the rollups (`metrics_report` reads them for
    every grouping they cover, the rows for a district layer cases do not record); the filters'
    choices and the cases behind a click come from the rows."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._listed = SqlDashboardReads(engine)

    def choices(self) -> FilterChoices:
        return self._listed.choices()

    def drill_rows(
        self, period: Period, chosen: MetricsFilter, by: str | None, open_at: datetime | None
    ) -> list[DrillRow]:
        return self._listed.drill_rows(period, chosen, by, open_at)


def dashboard_reads(engine: Engine) -> DashboardReads:
    """The rollups' reads on a database that keeps them (PostgreSQL), the rows' on SQLite."""
    if has_rollups(engine):
        return RollupDashboardReads(engine)
    return SqlDashboardReads(engine)
