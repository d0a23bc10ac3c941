"""The SLA administration unit of work: one connection, one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, insert, select, update

from operator_console.services.admin.sla.ports import (
    CalendarSettings,
    CaseClock,
    ClosureDay,
    ConfigEvent,
    DueMove,
    PolicySettings,
)
from operator_console.storage.admin.sla.reads import (
    calendar_id,
    read_calendars,
    read_clocks_through,
    read_policies,
)
from operator_console.storage.admin.sla.writes import move_due_dates, record_config_event
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import business_calendars, calendar_closures, sla_policies


@speaks_service_errors
class SqlSlaUnitOfWork(SqlConnectionScope):
    """`SlaUnitOfWork` over one connection; rolls back unless `commit()` was called."""

    def policies(self) -> list[PolicySettings]:
        return read_policies(self.connection)

    def calendars(self) -> list[CalendarSettings]:
        return read_calendars(self.connection)

    def lock_calendar(self, code: str) -> CalendarSettings | None:
        c = business_calendars.c
        if self._on_postgresql:
            self.connection.execute(select(c.id).where(c.code == code).with_for_update())
        else:
            # SQLite's write lock, taken before anything is read, so the reads see the
            # last commit and no other writer starts until this transaction ends.
            self.connection.execute(
                update(business_calendars).where(c.code == code).values(code=c.code)
            )
        found = read_calendars(self.connection, code)
        return found[0] if found else None

    def add_policy(self, policy: PolicySettings) -> None:
        self.connection.execute(
            insert(sla_policies).values(
                code=policy.code,
                name=policy.name,
                clock=policy.clock,
                target_hours=policy.target_hours,
                at_risk_fraction=policy.at_risk_fraction,
                calendar_id=self._calendar_id(policy.calendar),
            )
        )

    def update_policy(self, before: PolicySettings, after: PolicySettings) -> bool:
        p = sla_policies.c
        before_calendar = self._calendar_id(before.calendar)
        result = self.connection.execute(
            update(sla_policies)
            .where(
                p.code == before.code,
                p.target_hours == before.target_hours,
                p.at_risk_fraction == before.at_risk_fraction,
                p.calendar_id.is_(None)
                if before_calendar is None
                else p.calendar_id == before_calendar,
            )
            .values(
                target_hours=after.target_hours,
                at_risk_fraction=after.at_risk_fraction,
                calendar_id=self._calendar_id(after.calendar),
            )
        )
        return result.rowcount == 1

    def update_calendar(self, before: CalendarSettings, after: CalendarSettings) -> bool:
        c = business_calendars.c
        result = self.connection.execute(
            update(business_calendars)
            .where(
                c.code == before.code,
                c.work_start == before.work_start,
                c.work_end == before.work_end,
                c.working_days == _days(before.working_days),
                c.time_zone == before.time_zone,
                c.holiday_country.is_not_distinct_from(before.holiday_country),
                c.holiday_subdivision.is_not_distinct_from(before.holiday_subdivision),
            )
            .values(
                work_start=after.work_start,
                work_end=after.work_end,
                working_days=_days(after.working_days),
                time_zone=after.time_zone,
                holiday_country=after.holiday_country,
                holiday_subdivision=after.holiday_subdivision,
            )
        )
        return result.rowcount == 1

    def add_closure(self, calendar: str, closure: ClosureDay) -> None:
        self.connection.execute(
            insert(calendar_closures).values(
                calendar_id=self._calendar_id(calendar), day=closure.day, name=closure.name
            )
        )

    def remove_closure(self, calendar: str, day: str) -> None:
        k = calendar_closures.c
        self.connection.execute(
            delete(calendar_closures).where(
                k.calendar_id == self._calendar_id(calendar), k.day == day
            )
        )

    def clocks_through(self, calendar: str, starts: datetime, ends: datetime) -> list[CaseClock]:
        return read_clocks_through(self.connection, calendar, starts, ends, self._on_postgresql)

    def move_due_dates(
        self, moves: Sequence[DueMove], at: datetime, actor: str, reason: str
    ) -> int:
        return move_due_dates(self.connection, moves, at, actor, reason)

    def record(self, event: ConfigEvent) -> None:
        record_config_event(self.connection, event)

    @property
    def _on_postgresql(self) -> bool:
        return self.connection.dialect.name == "postgresql"

    def _calendar_id(self, code: str | None) -> int | None:
        return None if code is None else calendar_id(self.connection, code)


def _days(days: tuple[int, ...]) -> str:
    return ",".join(str(day) for day in days)
