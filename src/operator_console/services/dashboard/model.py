"""What the dashboard shows: its filter choices, the figures of a period, and the cases behind
a bar, a point or a district."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from operator_console.services.metrics.model import GroupName, MetricsFilter, Period
from operator_console.services.metrics.report import MetricsReport

ON_TIME = "on_time"
LATE = "late"
OPEN_OVERDUE = "open_overdue"
OUTCOMES = (ON_TIME, LATE, OPEN_OVERDUE)


@dataclass(frozen=True)
class FilterChoices:
    """What each filter of the dashboard can be set to, and the city's district layers."""

    departments: tuple[GroupName, ...]
    queues: tuple[GroupName, ...]
    categories: tuple[GroupName, ...]
    districts: tuple[GroupName, ...]
    channels: tuple[str, ...]
    layers: tuple[str, ...]


@dataclass(frozen=True)
class DashboardFigures:
    """The period's metrics twice: by queue (SLA and clocks) and by the chosen district layer
    (equity)."""

    by_queue: MetricsReport
    by_district: MetricsReport
    layer: str


@dataclass(frozen=True)
class Drill:
    """Which cases a click asks for, within the period and filter: those created on `day`, those
    open at the end of `open_on`, those of one group (`by` and `group`; group None for the cases
    in none), and of one SLA `outcome`. Unset parts choose everything."""

    period: Period
    chosen: MetricsFilter
    by: str | None = None
    group: str | None = None
    day: date | None = None
    open_on: date | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class DrillRow:
    """One request as the drill-down reads it; `group` is its key in the drill's grouping."""

    request_id: int
    reference: str
    status: str
    category: str
    address: str
    created_at: datetime
    resolved_at: datetime | None
    due_at: datetime | None
    closure_reason: str | None
    group: str | None = None


@dataclass(frozen=True)
class DrillResult:
    """The matching cases, newest first, at most `limit` of `total`."""

    rows: tuple[DrillRow, ...]
    total: int
    limit: int
