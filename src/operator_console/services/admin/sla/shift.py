"""How closing or reopening one day moves the due and at-risk times of cases running through it.

A case keeps the working time it was given (its policy's target when it opened): closing a day
takes that day's working hours out of its clock, so the time still owed is counted after its
due date; reopening the day counts them again, so its due date comes back by as much. The
result is what the domain's `due_at` and `at_risk_at` give on the new calendar, without
counting each case's clock from its opening.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from operator_console.domain.sla import BusinessCalendar, add_business_time
from operator_console.services.admin.sla.ports import CaseClock, DueMove

_SEARCH_HORIZON_DAYS = 366 * 5


def moves_for_closing(
    cases: Iterable[CaseClock], day: date, open_calendar: BusinessCalendar
) -> list[DueMove]:
    """The cases whose clock loses working time when `day` closes, with their later times."""
    hours = open_calendar.working_hours_on(day)
    if hours is None:
        return []
    closed = _with_closure(open_calendar, day, closed=True)
    moves = []
    for case in cases:
        lost = _overlap(case.created_at, case.due_at, hours)
        if lost <= timedelta(0):
            continue
        at_risk = case.at_risk_at
        if at_risk is not None:
            lost_before_risk = _overlap(case.created_at, at_risk, hours)
            if lost_before_risk > timedelta(0):
                at_risk = add_business_time(at_risk, lost_before_risk, closed)
        moves.append(DueMove(case, add_business_time(case.due_at, lost, closed), at_risk))
    return moves


def moves_for_reopening(
    cases: Iterable[CaseClock], day: date, closed_calendar: BusinessCalendar
) -> list[DueMove]:
    """The cases whose clock gains working time when `day` opens again, with their earlier
    times."""
    reopened = _with_closure(closed_calendar, day, closed=False)
    hours = reopened.working_hours_on(day)
    if hours is None:
        return []
    moves = []
    for case in cases:
        gained = _overlap(case.created_at, case.due_at, hours)
        if gained <= timedelta(0):
            continue
        at_risk = case.at_risk_at
        if at_risk is not None:
            gained_before_risk = _overlap(case.created_at, at_risk, hours)
            if gained_before_risk > timedelta(0):
                at_risk = subtract_business_time(at_risk, gained_before_risk, reopened)
        moves.append(DueMove(case, subtract_business_time(case.due_at, gained, reopened), at_risk))
    return moves


def working_window(day: date, calendar: BusinessCalendar) -> tuple[datetime, datetime] | None:
    """The UTC instants `day`'s working hours start and end as if it were not closed; None when
    it is no working day anyway (a weekend, a public holiday)."""
    return _with_closure(calendar, day, closed=False).working_hours_on(day)


def subtract_business_time(
    end: datetime, amount: timedelta, calendar: BusinessCalendar
) -> datetime:
    """The instant from which `amount` of working time runs until `end` (the reverse of
    `add_business_time`: a result on a period's boundary is the end of the earlier period)."""
    if amount <= timedelta(0):
        raise ValueError("amount of business time must be positive")
    remaining = amount
    periods = _working_periods_until(end, calendar)
    period_start, period_end = next(periods)
    while remaining >= period_end - period_start:
        remaining -= period_end - period_start
        period_start, period_end = next(periods)
        if remaining == timedelta(0):
            return period_end
    return period_end - remaining


def _working_periods_until(
    instant: datetime, calendar: BusinessCalendar
) -> Iterator[tuple[datetime, datetime]]:
    """Working periods (UTC) starting before `instant`, latest first, the first clipped to it."""
    day = instant.astimezone(calendar.zone).date()
    for _ in range(_SEARCH_HORIZON_DAYS):
        hours = calendar.working_hours_on(day)
        if hours is not None and hours[0] < instant:
            yield hours[0], min(hours[1], instant)
        day -= timedelta(days=1)
    raise ValueError(f"the calendar has no working hours within {_SEARCH_HORIZON_DAYS} days")


def _overlap(start: datetime, end: datetime, hours: tuple[datetime, datetime]) -> timedelta:
    return max(min(end, hours[1]) - max(start, hours[0]), timedelta(0))


def _with_closure(calendar: BusinessCalendar, day: date, *, closed: bool) -> BusinessCalendar:
    dates = calendar.closure_dates | {day} if closed else calendar.closure_dates - {day}
    return BusinessCalendar(
        time_zone=calendar.time_zone,
        working_weekdays=calendar.working_weekdays,
        work_starts=calendar.work_starts,
        work_ends=calendar.work_ends,
        country=calendar.country,
        subdivision=calendar.subdivision,
        closure_dates=frozenset(dates),
    )
