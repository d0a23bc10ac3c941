"""SLA clock: due dates and elapsed time on a city's business calendar."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal, overload
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

ClockKind = Literal["business", "calendar"]
DEFAULT_AT_RISK_FRACTION = 0.75
TargetUnit = Literal["hours", "days"]
SlaState = Literal["on_time", "at_risk", "breached"]
RequestSlaState = Literal["on_time", "at_risk", "breached", "no_target"]
"""A request's SLA state; "no_target" when it has no due date."""

MONDAY_TO_FRIDAY = frozenset(range(5))
# Far enough for any real target; stops a loop on a calendar that never opens.
_SEARCH_HORIZON_DAYS = 366 * 5


@lru_cache(maxsize=64)
def _public_holidays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=year)
    return frozenset(calendar.keys())


@dataclass(frozen=True)
class BusinessCalendar:
    """When a city's departments work: weekdays and hours in its time zone, less closures.

    Attributes:
        time_zone: IANA name, e.g. "America/New_York".
        working_weekdays: days the departments work, Monday = 0 ... Sunday = 6.
        work_starts, work_ends: local wall-clock opening and closing times (start < end).
        country, subdivision: codes for the `holidays` package, e.g. "US", "MA";
            no country means no public holidays.
        closure_dates: extra local dates the city is closed (snow days, city holidays).
    """

    time_zone: str
    working_weekdays: frozenset[int] = MONDAY_TO_FRIDAY
    work_starts: time = time(8, 0)
    work_ends: time = time(17, 0)
    country: str | None = None
    subdivision: str | None = None
    closure_dates: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{self.time_zone!r} is not an IANA time zone name") from None
        if not self.working_weekdays or not self.working_weekdays <= frozenset(range(7)):
            raise ValueError("working_weekdays must be a non-empty set of 0 (Monday) .. 6")
        if self.work_starts.tzinfo is not None or self.work_ends.tzinfo is not None:
            raise ValueError("work_starts and work_ends are local wall-clock times, without tzinfo")
        if self.work_starts >= self.work_ends:
            raise ValueError("work_starts must be before work_ends")
        if self.subdivision is not None and self.country is None:
            raise ValueError("a subdivision needs a country")
        if self.country is not None:
            try:
                holidays.country_holidays(self.country, subdiv=self.subdivision)
            except NotImplementedError as error:
                raise ValueError(f"no public holidays known for this place: {error}") from error

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def working_day_length(self) -> timedelta:
        """Nominal length of one working day (a DST change inside working hours aside)."""
        return datetime.combine(date.min, self.work_ends) - datetime.combine(
            date.min, self.work_starts
        )

    def is_public_holiday(self, day: date) -> bool:
        if self.country is None:
            return False
        return day in _public_holidays(self.country, self.subdivision, day.year)

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() in self.working_weekdays
            and day not in self.closure_dates
            and not self.is_public_holiday(day)
        )

    def working_hours_on(self, day: date) -> tuple[datetime, datetime] | None:
        """The UTC instants the given local day's working hours start and end; None if closed."""
        return _working_hours(self, day)

    def working_periods_from(self, instant: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working periods (UTC) ending after `instant`, in order, the first clipped to it."""
        instant = _as_utc(instant)
        day = instant.astimezone(self.zone).date()
        for _ in range(_SEARCH_HORIZON_DAYS):
            hours = self.working_hours_on(day)
            if hours is not None and hours[1] > instant:
                yield max(hours[0], instant), hours[1]
            day += timedelta(days=1)
        raise ValueError(f"the calendar has no working hours within {_SEARCH_HORIZON_DAYS} days")


@dataclass(frozen=True)
class SlaPolicy:
    """A service's target time to resolve a request.

    Attributes:
        amount: how many `unit`s, positive.
        unit: "hours" or "days". Business days are whole working days of the calendar;
            calendar days keep the local wall-clock time across DST changes.
        clock: "business" counts only working hours; "calendar" counts every hour.
        at_risk_fraction: share of the target used up when a request turns at risk.
    """

    amount: int
    unit: TargetUnit
    clock: ClockKind
    at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ValueError("an SLA target must be positive")
        if not 0.0 < self.at_risk_fraction < 1.0:
            raise ValueError("at_risk_fraction must be between 0 and 1 (exclusive)")


def due_at(opened_at_utc: datetime, policy: SlaPolicy, calendar: BusinessCalendar) -> datetime:
    """When a request opened at `opened_at_utc` is due under `policy` (aware, UTC).

    On the business clock a request opened outside working hours starts at the next opening.
    """
    opened = _as_utc(opened_at_utc)
    if policy.clock == "business":
        return add_business_time(opened, _business_target(policy, calendar), calendar)
    if policy.unit == "hours":
        return opened + timedelta(hours=policy.amount)
    local_due = opened.astimezone(calendar.zone) + timedelta(days=policy.amount)
    return local_due.astimezone(UTC)


@lru_cache(maxsize=16384)
def _working_hours(calendar: BusinessCalendar, day: date) -> tuple[datetime, datetime] | None:
    if not calendar.is_working_day(day):
        return None
    zone = calendar.zone
    starts = datetime.combine(day, calendar.work_starts, tzinfo=zone).astimezone(UTC)
    ends = datetime.combine(day, calendar.work_ends, tzinfo=zone).astimezone(UTC)
    # Hours that fall wholly in a spring-forward gap do not exist that day.
    return (starts, ends) if starts < ends else None


def add_business_time(start: datetime, amount: timedelta, calendar: BusinessCalendar) -> datetime:
    """The instant (UTC) when `amount` of working time has passed since `start`."""
    if amount <= timedelta(0):
        raise ValueError("amount of business time must be positive")
    remaining = amount
    periods = calendar.working_periods_from(start)
    period_start, period_end = next(periods)
    while remaining > period_end - period_start:
        remaining -= period_end - period_start
        period_start, period_end = next(periods)
    return period_start + remaining


def business_time_between(start: datetime, end: datetime, calendar: BusinessCalendar) -> timedelta:
    """Working time from `start` to `end`; negative when `end` is before `start`."""
    start, end = _as_utc(start), _as_utc(end)
    if end < start:
        return -business_time_between(end, start, calendar)
    elapsed = timedelta(0)
    day = start.astimezone(calendar.zone).date()
    last_day = end.astimezone(calendar.zone).date()
    while day <= last_day:
        hours = calendar.working_hours_on(day)
        if hours is not None:
            overlap = min(hours[1], end) - max(hours[0], start)
            elapsed += max(overlap, timedelta(0))
        day += timedelta(days=1)
    return elapsed


def at_risk_at(
    opened_at: datetime, due: datetime, policy: SlaPolicy, calendar: BusinessCalendar
) -> datetime:
    """When `policy.at_risk_fraction` of the time from opening to `due` is used up (UTC).

    Store it next to the due date so at-risk views are a plain timestamp comparison.
    """
    opened, due = _as_utc(opened_at), _as_utc(due)
    if due <= opened:
        return due
    if policy.clock == "business":
        allowed = business_time_between(opened, due, calendar)
        if allowed <= timedelta(0):
            return due
        return add_business_time(opened, allowed * policy.at_risk_fraction, calendar)
    return opened + (due - opened) * policy.at_risk_fraction


def local_day(instant: datetime, time_zone: str) -> tuple[datetime, datetime]:
    """The UTC instants the calendar day holding `instant` in `time_zone` begins and ends
    (the next local midnight): 23 or 25 hours apart on a day the clocks change."""
    zone = ZoneInfo(time_zone)
    day = _as_utc(instant).astimezone(zone).date()
    starts = datetime.combine(day, time(0), tzinfo=zone)
    ends = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return starts.astimezone(UTC), ends.astimezone(UTC)


def sla_state(
    opened_at: datetime,
    due: datetime,
    now: datetime,
    policy: SlaPolicy,
    calendar: BusinessCalendar,
) -> SlaState:
    """Whether a request is on time, at risk or breached at `now`, given its due date.

    `due` is taken as given (it may have been extended); on the business clock the share
    used up is measured in working time, so a weekend does not push a request to at risk.
    """
    now = _as_utc(now)
    return sla_state_at(due, at_risk_at(opened_at, due, policy, calendar), now)


@overload
def sla_state_at(due: datetime, at_risk_from: datetime | None, now: datetime) -> SlaState: ...


@overload
def sla_state_at(
    due: datetime | None, at_risk_from: datetime | None, now: datetime
) -> RequestSlaState: ...


def sla_state_at(
    due: datetime | None, at_risk_from: datetime | None, now: datetime
) -> RequestSlaState:
    """The SLA state at `now` of a request due at `due` and at risk from `at_risk_from` (as
    stored): breached after the due date, at risk from the at-risk time until then, otherwise
    on time; without a due date there is no target, and without an at-risk time a request is
    on time until it is due.

    The queue filters ask the same in SQL (`storage.queues.filters.sla_clause`); a database
    test holds the two to the same answer on both databases.
    """
    if due is None:
        return "no_target"
    if now > due:
        return "breached"
    if at_risk_from is not None and now >= at_risk_from:
        return "at_risk"
    return "on_time"


def _business_target(policy: SlaPolicy, calendar: BusinessCalendar) -> timedelta:
    if policy.unit == "hours":
        return timedelta(hours=policy.amount)
    return calendar.working_day_length * policy.amount


def _as_utc(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got naive {instant.isoformat()}")
    return instant.astimezone(UTC)
