"""Choosing the cases behind a bar, a point or a district: the same rules the figures count by."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from operator_console.services.dashboard.model import (
    LATE,
    ON_TIME,
    OPEN_OVERDUE,
    OUTCOMES,
    Drill,
    DrillRow,
)
from operator_console.services.metrics.model import DUPLICATE


class UnknownOutcomeError(ValueError):
    """A drill-down asked for an SLA outcome the dashboard does not count."""


def end_of_day(day: date, time_zone: str) -> datetime:
    """The midnight after `day` in the city's time zone: where the day's backlog is counted."""
    return datetime.combine(day + timedelta(days=1), time(), ZoneInfo(time_zone))


def outcome_of(row: DrillRow, now: datetime) -> str | None:
    """The SLA outcome of a case as docs/metrics.md counts it; None when it is undecided, has no
    SLA or was closed as a duplicate."""
    if row.closure_reason == DUPLICATE and row.resolved_at is not None:
        return None
    if row.due_at is None:
        return None
    if row.resolved_at is not None:
        return ON_TIME if row.resolved_at <= row.due_at else LATE
    return OPEN_OVERDUE if row.due_at < now else None


def matching(rows: Iterable[DrillRow], drill: Drill, now: datetime) -> list[DrillRow]:
    """The rows `drill` asks for, newest first."""
    if drill.outcome is not None and drill.outcome not in OUTCOMES:
        raise UnknownOutcomeError(
            f"no SLA outcome {drill.outcome!r}; the dashboard counts {', '.join(OUTCOMES)}"
        )
    zone = ZoneInfo(drill.period.time_zone)
    chosen = []
    for row in rows:
        if drill.day is not None and row.created_at.astimezone(zone).date() != drill.day:
            continue
        if drill.by is not None and row.group != drill.group:
            continue
        if drill.outcome is not None and outcome_of(row, now) != drill.outcome:
            continue
        chosen.append(row)
    chosen.sort(key=lambda row: (row.created_at, row.request_id), reverse=True)
    return chosen
