"""The metrics report from the rollups the database keeps: counts exact, clocks' percentiles from
merged log-spaced minute buckets (within 6 %, or half a minute under one minute)."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Protocol, overload, runtime_checkable

from operator_console.domain.metrics import percentile, quantile_interval
from operator_console.services.metrics.equity import compare
from operator_console.services.metrics.figures import Clock, Figures, SlaCompliance, share
from operator_console.services.metrics.model import GroupName, MetricsFilter, MetricsQuery, Period
from operator_console.services.metrics.report import NO_GROUP, GroupReport, MetricsReport
from operator_console.services.metrics.volume import Volume, period_days

BUCKETS_PER_DECADE = 20
UNDER_A_MINUTE = 0.5
CLOCKS = ("intake_to_assign", "assign_to_resolve", "intake_to_resolve")


def bucket_of(minutes: float) -> int:
    """The bucket a time in minutes falls in: 0 under one minute, i >= 1 for
    [10^((i-1)/20), 10^(i/20)) minutes (the database's console_minutes_bucket)."""
    if minutes < 1:
        return 0
    return 1 + math.floor(BUCKETS_PER_DECADE * math.log10(minutes))


def bucket_value(bucket: int) -> float:
    """The time a bucket stands for: half a minute, or the geometric middle of its range."""
    if bucket <= 0:
        return UNDER_A_MINUTE
    return float(10 ** ((bucket - 0.5) / BUCKETS_PER_DECADE))


class BucketedValues(Sequence[float]):
    """The sorted values of a histogram, each read as its bucket's value: percentiles and the
    median's interval are computed on it as on the rows, rank for rank."""

    def __init__(self, counts: Mapping[int, int]) -> None:
        kept = sorted((bucket, cases) for bucket, cases in counts.items() if cases > 0)
        self._buckets = [bucket for bucket, _ in kept]
        self._ends = list(itertools.accumulate(cases for _, cases in kept))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, index: int) -> float: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[float]: ...

    def __getitem__(self, index: int | slice) -> float | Sequence[float]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return bucket_value(self._buckets[bisect.bisect_right(self._ends, index)])


def bucketed_clock(counts: Mapping[int, int]) -> Clock:
    """A clock from its buckets: the exact number of cases, approximate median and p90."""
    values = BucketedValues(counts)
    return Clock(
        len(values),
        percentile(values, 0.5),
        percentile(values, 0.9),
        quantile_interval(values, 0.5),
    )


@dataclass(frozen=True)
class RollupTotals:
    """The rollups of a set of requests created in a period: counts by their definitions in
    docs/metrics.md, and each clock's cases by bucket."""

    created: int = 0
    resolved: int = 0
    on_time: int = 0
    late: int = 0
    no_sla: int = 0
    open_overdue: int = 0
    open_within: int = 0
    reopened: int = 0
    ever_resolved: int = 0
    duplicates: int = 0
    repeat_calls: int = 0
    status_calls: int = 0
    several_callers: int = 0
    clocks: Mapping[str, Mapping[int, int]] = field(default_factory=dict)

    def plus(self, other: RollupTotals) -> RollupTotals:
        counts = {
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in fields(self)
            if f.name != "clocks"
        }
        clocks = {
            name: _merged(self.clocks.get(name, {}), other.clocks.get(name, {}))
            for name in {*self.clocks, *other.clocks}
        }
        return RollupTotals(**counts, clocks=clocks)


def _merged(first: Mapping[int, int], second: Mapping[int, int]) -> dict[int, int]:
    merged = dict(first)
    for bucket, cases in second.items():
        merged[bucket] = merged.get(bucket, 0) + cases
    return merged


def rollup_figures(totals: RollupTotals) -> Figures:
    """The figures of the rollups: the same as `figures` over the rows for every count and share,
    the clocks' percentiles within the buckets' error."""
    decided = totals.on_time + totals.late + totals.open_overdue
    return Figures(
        cases=totals.created,
        resolved=totals.resolved,
        sla=SlaCompliance(
            totals.on_time,
            totals.late,
            totals.open_overdue,
            totals.open_within,
            totals.no_sla,
            share(totals.on_time, decided),
        ),
        intake_to_assign=bucketed_clock(totals.clocks.get("intake_to_assign", {})),
        assign_to_resolve=bucketed_clock(totals.clocks.get("assign_to_resolve", {})),
        intake_to_resolve=bucketed_clock(totals.clocks.get("intake_to_resolve", {})),
        reopen_rate=share(totals.reopened, totals.ever_resolved),
        duplicate_share=share(totals.duplicates, totals.resolved),
        repeat_calls=share(totals.repeat_calls, totals.created),
        status_calls=totals.status_calls,
        several_callers=totals.several_callers,
    )


@dataclass(frozen=True)
class DailyCounts:
    """Requests created and resolved (latest resolution) by local day up to the period's end;
    the day before the period's first holds every earlier one, so running totals give the
    backlog."""

    created: Mapping[date, int]
    resolved: Mapping[date, int]


@runtime_checkable
class MetricsRollups(Protocol):
    """What the rollups answer; a `MetricsReads` that also offers these is reported from them
    (`metrics_report`) for every grouping they cover."""

    def covers(self, by: str) -> bool:
        """Whether the rollups group by `by` (every grouping but a district layer cases do not
        record, which is found from the requests' points)."""
        ...

    def groups(self, by: str) -> list[GroupName]:
        """Every group of the grouping, as `MetricsReads.groups`."""
        ...

    def totals(
        self, query: MetricsQuery, now: datetime, *, clocks: bool = True
    ) -> dict[str | None, RollupTotals]:
        """The totals of the requests created in the period that the filter keeps, by their key
        in the query's grouping; open requests are overdue or not as of `now`. Without
        `clocks`, the buckets are not read (a panel of counts)."""
        ...

    def daily(self, period: Period, chosen: MetricsFilter) -> DailyCounts: ...

    def volume_shares(
        self, period: Period, chosen: MetricsFilter
    ) -> tuple[tuple[int, ...], dict[str, int], dict[str, int]]:
        """Requests created in the period by local hour (24), by channel and by category."""
        ...


def rollup_report(rollups: MetricsRollups, query: MetricsQuery, now: datetime) -> MetricsReport:
    """`metrics_report`'s report from the rollups: every count the same, the clocks' medians,
    90th percentiles and the medians' intervals from merged buckets."""
    by_group = rollups.totals(query, now)
    names = rollups.groups(query.by)
    city_totals = RollupTotals()
    for totals in by_group.values():
        city_totals = city_totals.plus(totals)
    city = rollup_figures(city_totals)
    known = {name.key for name in names}
    unnamed = sorted(key for key in by_group if key is not None and key not in known)
    listed = [*names, *(GroupName(key, key) for key in unnamed)]
    groups = [
        _group(g.key, g.name, by_group.get(g.key, RollupTotals()), city, query) for g in listed
    ]
    if None in by_group:
        groups.append(_group(None, NO_GROUP, by_group[None], city, query))
    days = period_days(query.period)
    daily = rollups.daily(query.period, query.chosen)
    before = days[0] - timedelta(days=1)
    created = itertools.accumulate(
        (daily.created.get(day, 0) for day in days), initial=daily.created.get(before, 0)
    )
    resolved = itertools.accumulate(
        (daily.resolved.get(day, 0) for day in days), initial=daily.resolved.get(before, 0)
    )
    backlog = {
        day: made - done
        for day, made, done in zip(days, list(created)[1:], list(resolved)[1:], strict=True)
    }
    hours, channels, categories = rollups.volume_shares(query.period, query.chosen)
    by_day = {day: daily.created.get(day, 0) for day in days}
    return MetricsReport(
        query=query,
        as_of=now,
        city=city,
        volume=Volume(by_day, hours, channels, categories),
        backlog_at_end=backlog[days[-1]],
        backlog_by_day=backlog,
        groups=tuple(groups),
    )


def _group(
    key: str | None, name: str, totals: RollupTotals, city: Figures, query: MetricsQuery
) -> GroupReport:
    own = rollup_figures(totals)
    return GroupReport(key, name, own, compare(own, city), totals.created < query.min_cases)
