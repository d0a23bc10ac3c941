"""What the metrics read (one case's facts) and what a report asks for (period, filters)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

DUPLICATE = "duplicate"
# The groupings that are not district layers.
QUEUE = "queue"
DEPARTMENT = "department"
CATEGORY = "category"
NOT_LAYERS = (QUEUE, DEPARTMENT, CATEGORY)


@dataclass(frozen=True)
class CaseFacts:
    """The columns of one request the metrics need; `group` is its key in the report's
    grouping (a district code, a queue code, a category), None when it has none."""

    created_at: datetime
    assigned_at: datetime | None
    resolved_at: datetime | None
    due_at: datetime | None
    closure_reason: str | None
    channel: str
    category: str
    calls_count: int
    callers_count: int
    reopened: bool
    group: str | None = None


@dataclass(frozen=True)
class OpenSpan:
    """When a request was open: from its creation to its resolution (None: still open)."""

    created_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True)
class MetricsFilter:
    """Which requests count: each given value must match (codes; None leaves it open).
    `district` is a district code of the layer a case records (the routing layer)."""

    department: str | None = None
    queue: str | None = None
    category: str | None = None
    district: str | None = None
    channel: str | None = None

    def described(self) -> dict[str, str]:
        chosen = {
            "department": self.department,
            "queue": self.queue,
            "category": self.category,
            "district": self.district,
            "channel": self.channel,
        }
        return {name: value for name, value in chosen.items() if value is not None}


@dataclass(frozen=True)
class Period:
    """Requests created from `start` (included) to `end` (excluded), aware datetimes; days and
    hours are counted in `time_zone`, the city's."""

    start: datetime
    end: datetime
    time_zone: str


@dataclass(frozen=True)
class MetricsQuery:
    """A report: the period, the filter, the grouping (`queue`, `department`, `category` or a
    district layer's name) and how few cases make a group small."""

    period: Period
    by: str
    chosen: MetricsFilter = field(default_factory=MetricsFilter)
    min_cases: int = 30


@dataclass(frozen=True)
class GroupName:
    """One group of the report: its key and the name people know it by."""

    key: str
    name: str
