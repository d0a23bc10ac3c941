"""The metrics of one set of cases (the city, or one group), by their definitions in
docs/metrics.md: calendar time, clocks in minutes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.metrics import Interval, percentile, quantile_interval, wilson_interval
from operator_console.services.metrics.model import DUPLICATE, CaseFacts

MINUTE = 60.0


@dataclass(frozen=True)
class Share:
    """`count` of `out_of`, the share (None of nothing) and its Wilson interval."""

    count: int
    out_of: int
    share: float | None
    interval: Interval | None


@dataclass(frozen=True)
class Clock:
    """A clock over the cases that reached both of its ends: how many, and the median and 90th
    percentile in minutes (linear interpolation), with the median's interval."""

    cases: int
    median: float | None
    p90: float | None
    median_interval: Interval | None


@dataclass(frozen=True)
class SlaCompliance:
    """Cases with a due time, by outcome; the on-time share is of on time, late and open and
    overdue (open and not yet due is undecided and left out, as is "no SLA")."""

    on_time: int
    late: int
    open_overdue: int
    open_within: int
    no_sla: int
    on_time_share: Share


@dataclass(frozen=True)
class Figures:
    """Every metric of one set of cases."""

    cases: int
    resolved: int
    sla: SlaCompliance
    intake_to_assign: Clock
    assign_to_resolve: Clock
    intake_to_resolve: Clock
    reopen_rate: Share
    duplicate_share: Share
    repeat_calls: Share
    status_calls: int
    several_callers: int


def share(count: int, out_of: int) -> Share:
    return Share(count, out_of, count / out_of if out_of else None, wilson_interval(count, out_of))


def clock(minutes: Iterable[float]) -> Clock:
    ordered = sorted(minutes)
    return Clock(
        len(ordered),
        percentile(ordered, 0.5),
        percentile(ordered, 0.9),
        quantile_interval(ordered, 0.5),
    )


def _minutes(start: datetime, stop: datetime) -> float:
    return (stop - start).total_seconds() / MINUTE


def sla_compliance(cases: Sequence[CaseFacts], as_of: datetime) -> SlaCompliance:
    """On time: resolved at or before due_at; late: resolved after it; open and overdue: not
    resolved and due before `as_of`. Duplicate closures are left out (see figures)."""
    on_time = late = open_overdue = open_within = no_sla = 0
    for case in cases:
        if case.closure_reason == DUPLICATE and case.resolved_at is not None:
            continue
        if case.due_at is None:
            no_sla += 1
        elif case.resolved_at is not None:
            if case.resolved_at <= case.due_at:
                on_time += 1
            else:
                late += 1
        elif case.due_at < as_of:
            open_overdue += 1
        else:
            open_within += 1
    decided = on_time + late + open_overdue
    return SlaCompliance(on_time, late, open_overdue, open_within, no_sla, share(on_time, decided))


def figures(cases: Sequence[CaseFacts], as_of: datetime) -> Figures:
    """The metrics of `cases`. Clocks and SLA compliance leave out cases closed as duplicates
    (their clock stops when they are linked, not when the work is done); a reopened case's
    clocks run to its latest resolution."""
    worked = [c for c in cases if not (c.closure_reason == DUPLICATE and c.resolved_at)]
    resolved = [c for c in cases if c.resolved_at is not None]
    ever_resolved = sum(1 for c in cases if c.resolved_at is not None or c.reopened)
    return Figures(
        cases=len(cases),
        resolved=len(resolved),
        sla=sla_compliance(cases, as_of),
        intake_to_assign=clock(
            _minutes(c.created_at, c.assigned_at) for c in worked if c.assigned_at is not None
        ),
        assign_to_resolve=clock(
            _minutes(c.assigned_at, c.resolved_at)
            for c in worked
            if c.assigned_at is not None and c.resolved_at is not None
        ),
        intake_to_resolve=clock(
            _minutes(c.created_at, c.resolved_at) for c in worked if c.resolved_at is not None
        ),
        reopen_rate=share(sum(1 for c in cases if c.reopened), ever_resolved),
        duplicate_share=share(
            sum(1 for c in resolved if c.closure_reason == DUPLICATE), len(resolved)
        ),
        repeat_calls=share(
            sum(1 for c in cases if c.calls_count > 0 or c.callers_count > 1), len(cases)
        ),
        status_calls=sum(c.calls_count for c in cases),
        several_callers=sum(1 for c in cases if c.callers_count > 1),
    )
