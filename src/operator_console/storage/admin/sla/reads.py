"""What SLA administration reads: policies, calendars and their closures, open cases' clocks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, select

from operator_console.domain.lifecycle import OPEN_STATUSES
from operator_console.services.admin.sla.ports import (
    CalendarSettings,
    CaseClock,
    ClosureDay,
    PolicySettings,
)
from operator_console.storage.db.tables import (
    business_calendars,
    calendar_closures,
    service_requests,
    services,
    sla_policies,
)


def read_policies(connection: Connection) -> list[PolicySettings]:
    p, c = sla_policies.c, business_calendars.c
    used = (
        select(func.count())
        .select_from(services)
        .where(services.c.sla_policy_id == p.id)
        .scalar_subquery()
    )
    rows = connection.execute(
        select(p.code, p.name, p.clock, p.target_hours, p.at_risk_fraction, c.code.label("cal"))
        .add_columns(used.label("used"))
        .outerjoin(business_calendars, c.id == p.calendar_id)
        .order_by(p.code)
    )
    return [
        PolicySettings(
            row.code,
            row.name,
            "business" if row.clock == "business" else "calendar",
            float(row.target_hours),
            float(row.at_risk_fraction),
            row.cal,
            int(row.used),
        )
        for row in rows
    ]


def read_calendars(connection: Connection, code: str | None = None) -> list[CalendarSettings]:
    c = business_calendars.c
    statement = select(business_calendars).order_by(c.code)
    if code is not None:
        statement = statement.where(c.code == code)
    rows = connection.execute(statement).all()
    closures: dict[int, list[ClosureDay]] = {}
    k = calendar_closures.c
    closure_rows = connection.execute(
        select(k.calendar_id, k.day, k.name)
        .where(k.calendar_id.in_([row.id for row in rows]))
        .order_by(k.day)
    )
    for closure in closure_rows:
        closures.setdefault(closure.calendar_id, []).append(ClosureDay(closure.day, closure.name))
    return [
        CalendarSettings(
            row.code,
            row.time_zone,
            tuple(int(day) for day in row.working_days.split(",") if day.strip()),
            row.work_start,
            row.work_end,
            row.holiday_country,
            row.holiday_subdivision,
            tuple(closures.get(row.id, ())),
        )
        for row in rows
    ]


def calendar_id(connection: Connection, code: str) -> int | None:
    found = connection.execute(
        select(business_calendars.c.id).where(business_calendars.c.code == code)
    ).scalar()
    return None if found is None else int(found)


def read_clocks_through(
    connection: Connection, calendar: str, starts: datetime, ends: datetime, lock: bool
) -> list[CaseClock]:
    """Open cases whose business clock on `calendar` runs between `starts` and `ends`; with
    `lock`, held until the transaction ends so no case action changes them meanwhile."""
    r, p = service_requests.c, sla_policies.c
    first_calendar = select(func.min(business_calendars.c.id)).scalar_subquery()
    statement = (
        select(r.id, r.version, r.created_at, r.due_at, r.at_risk_at)
        .join(services, services.c.id == r.service_id)
        .join(sla_policies, p.id == services.c.sla_policy_id)
        .join(business_calendars, business_calendars.c.code == calendar)
        .where(
            p.clock == "business",
            func.coalesce(p.calendar_id, first_calendar) == business_calendars.c.id,
            r.status.in_([status.value for status in OPEN_STATUSES]),
            r.due_at.is_not(None),
            r.due_at > starts,
            r.created_at < ends,
        )
        .order_by(r.id)
    )
    if lock:
        statement = statement.with_for_update(of=service_requests)
    return [
        CaseClock(row.id, row.version, row.created_at, row.due_at, row.at_risk_at)
        for row in connection.execute(statement)
    ]
