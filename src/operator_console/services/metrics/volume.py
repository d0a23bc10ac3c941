"""Volume (by local day, hour, channel and category) and the open backlog at given moments."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from operator_console.services.metrics.model import CaseFacts, OpenSpan, Period


@dataclass(frozen=True)
class Volume:
    """Cases created, counted by the city's local day and hour, by channel and by category."""

    by_day: dict[date, int]
    by_hour: tuple[int, ...]
    by_channel: dict[str, int]
    by_category: dict[str, int]


def period_days(period: Period) -> list[date]:
    """The local dates the period covers, first to last."""
    zone = ZoneInfo(period.time_zone)
    first = period.start.astimezone(zone).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def volume(cases: Sequence[CaseFacts], period: Period) -> Volume:
    """Every day of the period is listed, a day without cases with 0; channels and categories
    most cases first."""
    zone = ZoneInfo(period.time_zone)
    days: Counter[date] = Counter()
    hours = [0] * 24
    for case in cases:
        local = case.created_at.astimezone(zone)
        days[local.date()] += 1
        hours[local.hour] += 1
    return Volume(
        by_day={day: days[day] for day in period_days(period)},
        by_hour=tuple(hours),
        by_channel=dict(Counter(c.channel for c in cases).most_common()),
        by_category=dict(Counter(c.category for c in cases).most_common()),
    )


def backlog_at(spans: Sequence[OpenSpan], moments: Sequence[datetime]) -> list[int]:
    """How many requests were open at each moment: created before it and not resolved by
    then (resolved after it, or not yet). A reopened request counts from its creation to
    its latest resolution: the database keeps no earlier resolution time."""
    created = sorted(s.created_at for s in spans)
    resolved = sorted(s.resolved_at for s in spans if s.resolved_at is not None)
    return [
        bisect.bisect_left(created, moment) - bisect.bisect_right(resolved, moment)
        for moment in moments
    ]


def daily_backlog(spans: Sequence[OpenSpan], period: Period) -> dict[date, int]:
    """The open backlog at the end of each local day of the period (midnight after it, or the
    period's end when that comes first)."""
    zone = ZoneInfo(period.time_zone)
    days = period_days(period)
    ends = [
        min(datetime.combine(day + timedelta(days=1), datetime.min.time(), zone), period.end)
        for day in days
    ]
    return dict(zip(days, backlog_at(spans, ends), strict=True))
