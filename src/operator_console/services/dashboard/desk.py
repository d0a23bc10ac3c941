"""The dashboard's use cases, for supervisors and admins: its filter choices, the figures of a
period, and the cases behind what was clicked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.dashboard.drill import end_of_day, matching
from operator_console.services.dashboard.model import (
    DashboardFigures,
    Drill,
    DrillResult,
    FilterChoices,
)
from operator_console.services.dashboard.ports import DashboardReads
from operator_console.services.metrics.model import QUEUE, MetricsFilter, MetricsQuery, Period
from operator_console.services.metrics.report import metrics_report
from operator_console.services.staff.role_words import a_role

DASHBOARD_ROLES = (Role.SUPERVISOR, Role.ADMIN)
DRILL_LIMIT = 500
"""The most cases a drill-down lists (it says how many there are in all)."""


class DashboardNotPermittedError(Exception):
    """Only supervisors and admins see the dashboard."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)


def may_see_dashboard(staff: StaffIdentity) -> bool:
    return staff.role in DASHBOARD_ROLES


class DashboardDesk:
    """The dashboard's reads for `staff`, each in its own statements (call off the Qt thread);
    `now` gives the moment open cases are judged at."""

    def __init__(
        self,
        reads: DashboardReads,
        staff: StaffIdentity,
        now: Callable[[], datetime],
        min_cases: int = 30,
    ) -> None:
        if not may_see_dashboard(staff):
            raise DashboardNotPermittedError(
                QT_TRANSLATE_NOOP(
                    "DashboardRefusals", "%1 is %2: only supervisors and admins see the dashboard"
                ).with_values(staff.login, a_role(staff.role))
            )
        self._reads = reads
        self.staff = staff
        self._now = now
        self.min_cases = min_cases

    def choices(self) -> FilterChoices:
        return self._reads.choices()

    def figures(self, period: Period, chosen: MetricsFilter, layer: str) -> DashboardFigures:
        """The period's figures by queue and by `layer`, as of one moment for both."""
        now = self._now()
        by_queue = MetricsQuery(period, QUEUE, chosen, self.min_cases)
        return DashboardFigures(
            metrics_report(self._reads, by_queue, now),
            metrics_report(self._reads, replace(by_queue, by=layer), now),
            layer,
        )

    def drill(self, drill: Drill) -> DrillResult:
        """The cases behind a click, newest first, at most DRILL_LIMIT of them."""
        open_at = (
            None if drill.open_on is None else end_of_day(drill.open_on, drill.period.time_zone)
        )
        rows = self._reads.drill_rows(drill.period, drill.chosen, drill.by, open_at)
        chosen = matching(rows, drill, self._now())
        return DrillResult(tuple(chosen[:DRILL_LIMIT]), len(chosen), DRILL_LIMIT)
