"""SLA policies and business calendars built from their stored settings."""

from __future__ import annotations

from datetime import date, time
from functools import lru_cache

from operator_console.domain.sla import BusinessCalendar, ClockKind, SlaPolicy


def sla_policy(
    target_hours: float | None, clock: ClockKind, at_risk_fraction: float
) -> SlaPolicy | None:
    """The policy a stored row describes; None when it sets no target."""
    if not target_hours:
        return None
    return SlaPolicy(max(1, round(target_hours)), "hours", clock, at_risk_fraction)


@lru_cache(maxsize=32)
def business_calendar(
    time_zone: str,
    working_days: str,
    work_start: str,
    work_end: str,
    country: str | None,
    subdivision: str | None,
    closures: tuple[str, ...] = (),
) -> BusinessCalendar:
    """A calendar from its stored settings; built once per distinct settings (holidays are slow)."""
    return BusinessCalendar(
        time_zone=time_zone,
        working_weekdays=frozenset(int(d) for d in working_days.split(",") if d.strip()),
        work_starts=time.fromisoformat(work_start),
        work_ends=time.fromisoformat(work_end),
        country=country,
        subdivision=subdivision,
        closure_dates=frozenset(date.fromisoformat(day) for day in closures),
    )
