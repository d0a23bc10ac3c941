"""What SLA administration reads and writes, and the unit of work port storage implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from operator_console.domain.sla import ClockKind
from operator_console.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ClosureDay:
    """A day the departments of a calendar do not work (a snow day); `day` is YYYY-MM-DD."""

    day: str
    name: str


@dataclass(frozen=True)
class CalendarSettings:
    """A business calendar as stored: its hours, working days (Monday = 0), holidays and
    closure days (by date)."""

    code: str
    time_zone: str
    working_days: tuple[int, ...]
    work_start: str
    work_end: str
    holiday_country: str | None
    holiday_subdivision: str | None
    closures: tuple[ClosureDay, ...] = ()


@dataclass(frozen=True)
class PolicySettings:
    """An SLA policy as stored; `calendar` is the code of its calendar (None: the first one),
    `services` how many services use it."""

    code: str
    name: str
    clock: ClockKind
    target_hours: float
    at_risk_fraction: float
    calendar: str | None
    services: int = 0


@dataclass(frozen=True)
class CaseClock:
    """An open case's SLA clock as stored: when it opened, is at risk and is due."""

    id: int
    version: int
    created_at: datetime
    due_at: datetime
    at_risk_at: datetime | None


@dataclass(frozen=True)
class DueMove:
    """A case's new due and at-risk times, and what they were."""

    case: CaseClock
    due_at: datetime
    at_risk_at: datetime | None


@dataclass(frozen=True)
class ConfigEvent:
    """One line of the configuration's audit trail, written with the change it records."""

    at: datetime
    actor: str
    kind: str
    subject: str
    detail: str
    data: dict[str, Any]


class SlaUnitOfWork(UnitOfWork, Protocol):
    """One transaction's reads and writes for SLA administration; rolls back unless committed."""

    def policies(self) -> list[PolicySettings]:
        """Every SLA policy, by code, with how many services use it."""

    def calendars(self) -> list[CalendarSettings]:
        """Every business calendar, by code, with its closure days in date order."""

    def lock_calendar(self, code: str) -> CalendarSettings | None:
        """The calendar as it is once no other change to it is running; held to the end of
        the transaction, so changes to one calendar happen one at a time. None: no such code."""

    def add_policy(self, policy: PolicySettings) -> None: ...

    def update_policy(self, before: PolicySettings, after: PolicySettings) -> bool:
        """Store `after` if the row still holds `before`; False (nothing written) if not."""

    def update_calendar(self, before: CalendarSettings, after: CalendarSettings) -> bool:
        """Store `after`'s hours and working days if the row still holds `before`'s."""

    def add_closure(self, calendar: str, closure: ClosureDay) -> None: ...

    def remove_closure(self, calendar: str, day: str) -> None: ...

    def clocks_through(self, calendar: str, starts: datetime, ends: datetime) -> list[CaseClock]:
        """Open cases on the business clock of `calendar` (their service's policy counts
        working hours on it) that opened before `ends` and are due after `starts`."""

    def move_due_dates(
        self, moves: Sequence[DueMove], at: datetime, actor: str, reason: str
    ) -> int:
        """Give each case its new due and at-risk times, a new version and a public
        'due_changed' history event with `reason`; how many moved."""

    def record(self, event: ConfigEvent) -> None:
        """Add the change's line to the configuration audit trail."""
