"""When a case is overdue by N business hours: one cutoff instant per rule and policy clock."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from operator_console.domain.sla import BusinessCalendar, ClockKind
from operator_console.services.escalation.rules import EscalationRule

_SEARCH_HORIZON_DAYS = 366 * 5


@dataclass(frozen=True)
class PolicyClock:
    """How a policy counts time: every hour, or the working hours of `calendar`."""

    policy_id: int
    clock: ClockKind
    calendar: BusinessCalendar


@dataclass(frozen=True)
class Cutoff:
    """At the pass's time, a case of `policy_id` due at or before `due_by` is overdue by the
    hours of rule `rule_id`."""

    rule_id: int
    policy_id: int
    due_by: datetime


def business_time_before(end: datetime, amount: timedelta, calendar: BusinessCalendar) -> datetime:
    """The latest instant (UTC) from which `amount` of working time has passed by `end`."""
    end = end.astimezone(UTC)
    remaining = amount
    for starts, ends in _working_periods_before(end, calendar):
        if remaining <= ends - starts:
            return ends - remaining
        remaining -= ends - starts
    raise ValueError(f"the calendar has no working hours within {_SEARCH_HORIZON_DAYS} days")


def cutoffs(
    rules: Iterable[EscalationRule], clocks: Iterable[PolicyClock], now: datetime
) -> list[Cutoff]:
    """The cutoff of every active 'overdue_by' rule for every policy it covers."""
    known = list(clocks)
    found: list[Cutoff] = []
    for rule in rules:
        if not rule.active or rule.trigger != "overdue_by" or rule.hours is None:
            continue
        amount = timedelta(hours=rule.hours)
        for clock in known:
            if rule.sla_policy_id not in (None, clock.policy_id):
                continue
            if clock.clock == "business":
                due_by = business_time_before(now, amount, clock.calendar)
            else:
                due_by = now.astimezone(UTC) - amount
            found.append(Cutoff(rule.id, clock.policy_id, due_by))
    return found


def _working_periods_before(
    end: datetime, calendar: BusinessCalendar
) -> Iterator[tuple[datetime, datetime]]:
    """Working periods (UTC) starting before `end`, latest first, the first clipped to it."""
    day = end.astimezone(calendar.zone).date()
    for _ in range(_SEARCH_HORIZON_DAYS):
        hours = calendar.working_hours_on(day)
        if hours is not None and hours[0] < end:
            yield hours[0], min(hours[1], end)
        day -= timedelta(days=1)
