"""Each SLA policy's clock, with the business calendar it counts on, read from the database."""

from __future__ import annotations

from sqlalchemy import Connection, select

from operator_console.domain.sla import BusinessCalendar
from operator_console.services.escalation.cutoffs import PolicyClock
from operator_console.storage.catalog.sla_rows import business_calendar
from operator_console.storage.db.tables import (
    business_calendars,
    calendar_closures,
    city,
    sla_policies,
)


def read_policy_clocks(connection: Connection) -> list[PolicyClock]:
    """Every policy's clock: its own calendar, else the first calendar, else the city's hours."""
    calendars = _calendars(connection)
    first = min(calendars) if calendars else None
    zone = connection.execute(select(city.c.time_zone)).scalar()
    fallback = BusinessCalendar(zone or "UTC")
    clocks = []
    for row in connection.execute(
        select(sla_policies.c.id, sla_policies.c.clock, sla_policies.c.calendar_id)
    ):
        calendar_id = row.calendar_id if row.calendar_id in calendars else first
        calendar = fallback if calendar_id is None else calendars[calendar_id]
        clocks.append(PolicyClock(int(row.id), row.clock, calendar))
    return clocks


def _calendars(connection: Connection) -> dict[int, BusinessCalendar]:
    closures: dict[int, list[str]] = {}
    for calendar_id, day in connection.execute(
        select(calendar_closures.c.calendar_id, calendar_closures.c.day)
    ):
        closures.setdefault(int(calendar_id), []).append(str(day))
    return {
        int(row.id): business_calendar(
            row.time_zone,
            row.working_days,
            row.work_start,
            row.work_end,
            row.holiday_country,
            row.holiday_subdivision,
            tuple(sorted(closures.get(int(row.id), []))),
        )
        for row in connection.execute(select(business_calendars))
    }
