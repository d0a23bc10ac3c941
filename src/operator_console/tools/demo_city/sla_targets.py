"""SLA targets derived from Boston's recorded due dates: the median time to target, per clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from operator_console.domain.sla import BusinessCalendar
from operator_console.storage.demo_city.parsing import median_hours

# Targets shorter than two days are round-the-clock promises ("within 24 hours"); longer
# ones are counted in working time, which is how departments plan their crews.
CALENDAR_CLOCK_LIMIT_HOURS = 48.0
MIN_TARGET_SAMPLES = 10
MIN_TARGET_COVERAGE = 0.5
ROUND_TO_FIVE_ABOVE_DAYS = 10


@dataclass(frozen=True)
class SlaTarget:
    """One SLA policy: how many hours, on which clock."""

    clock: Literal["business", "calendar"]
    target_hours: float
    working_day_hours: float

    @property
    def business_days(self) -> int:
        return round(self.target_hours / self.working_day_hours)

    @property
    def code(self) -> str:
        if self.clock == "business":
            return f"business-{self.business_days}d"
        return f"calendar-{self.target_hours:g}h"

    @property
    def name(self) -> str:
        if self.clock == "business":
            days = self.business_days
            return f"{days} business day{'s' if days != 1 else ''}"
        return f"{self.target_hours:g} hours, around the clock"


class WorkingTime:
    """Working hours between instants on a business calendar, fast for many pairs.

    Counts full working days between two instants with a prefix sum over the days from
    `first_day` to `last_day` (inclusive); instants outside that range raise ValueError.
    """

    def __init__(self, calendar: BusinessCalendar, first_day: date, last_day: date) -> None:
        self._calendar = calendar
        self._first_day = first_day
        span = (last_day - first_day).days + 1
        self._working = [
            calendar.is_working_day(first_day + timedelta(days=offset)) for offset in range(span)
        ]
        self._working_before = [0]
        for is_working in self._working:
            self._working_before.append(self._working_before[-1] + int(is_working))

    def _index(self, day: date) -> int:
        index = (day - self._first_day).days
        if not 0 <= index < len(self._working):
            raise ValueError(f"{day} is outside the working-time table")
        return index

    def _hours_within_day(self, day: date, start: datetime, end: datetime) -> float:
        if not self._working[self._index(day)]:
            return 0.0
        opens = datetime.combine(day, self._calendar.work_starts)
        closes = datetime.combine(day, self._calendar.work_ends)
        overlap = min(end, closes) - max(start, opens)
        return max(overlap.total_seconds(), 0.0) / 3600

    def hours_between(self, start: datetime, end: datetime) -> float:
        """Working hours from `start` to `end` (aware); 0 when `end` is not after `start`."""
        local_start = start.astimezone(self._calendar.zone).replace(tzinfo=None)
        local_end = end.astimezone(self._calendar.zone).replace(tzinfo=None)
        if local_end <= local_start:
            return 0.0
        first, last = local_start.date(), local_end.date()
        if first == last:
            return self._hours_within_day(first, local_start, local_end)
        end_of_first = datetime.combine(first + timedelta(days=1), datetime.min.time())
        start_of_last = datetime.combine(last, datetime.min.time())
        whole_days = (
            self._working_before[self._index(last)] - self._working_before[self._index(first) + 1]
        )
        day_hours = self._calendar.working_day_length.total_seconds() / 3600
        return (
            self._hours_within_day(first, local_start, end_of_first)
            + whole_days * day_hours
            + self._hours_within_day(last, start_of_last, local_end)
        )


def choose_sla_target(
    calendar_hours: Sequence[float],
    business_hours: Sequence[float],
    case_count: int,
    working_day_hours: float,
) -> SlaTarget | None:
    """The SLA for a service from its cases' times to target, or None without enough targets.

    Short medians (< 48 h) stay on the calendar clock, rounded to the hour; longer ones use
    the median working time in whole working days (see `round_business_days`).
    """
    if len(calendar_hours) < MIN_TARGET_SAMPLES or case_count <= 0:
        return None
    if len(calendar_hours) / case_count < MIN_TARGET_COVERAGE:
        return None
    calendar_median = median_hours(calendar_hours)
    if calendar_median is None:
        return None
    if calendar_median < CALENDAR_CLOCK_LIMIT_HOURS:
        return SlaTarget("calendar", float(max(1, round(calendar_median))), working_day_hours)
    business_median = median_hours(business_hours) or working_day_hours
    days = round_business_days(business_median / working_day_hours)
    return SlaTarget("business", days * working_day_hours, working_day_hours)


def round_business_days(days: float) -> int:
    """Whole days up to 10, then multiples of 5: targets a department would actually publish."""
    if days <= ROUND_TO_FIVE_ABOVE_DAYS:
        return max(1, round(days))
    return 5 * round(days / 5)
