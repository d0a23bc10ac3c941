"""A metrics report: the city's figures, volume and backlog, and each group against the city."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from operator_console.services.metrics.equity import Comparison, compare
from operator_console.services.metrics.figures import Figures, figures
from operator_console.services.metrics.model import CaseFacts, GroupName, MetricsQuery
from operator_console.services.metrics.ports import MetricsReads
from operator_console.services.metrics.volume import Volume, backlog_at, daily_backlog, volume


@dataclass(frozen=True)
class GroupReport:
    """One group's figures and comparisons; `small` when fewer than the query's minimum number
    of cases are behind it (shown, flagged). The key is None for cases outside every group."""

    key: str | None
    name: str
    figures: Figures
    comparisons: dict[str, Comparison]
    small: bool


@dataclass(frozen=True)
class MetricsReport:
    query: MetricsQuery
    as_of: datetime
    city: Figures
    volume: Volume
    backlog_at_end: int
    backlog_by_day: dict[date, int]
    groups: tuple[GroupReport, ...]


NO_GROUP = "(none)"


def metrics_report(reads: MetricsReads, query: MetricsQuery, now: datetime) -> MetricsReport:
    """The report for `query`; open cases are overdue or not as of `now`. Every group of the
    grouping is listed (one without cases has empty figures), then the cases in none. Reads
    that keep rollups give it from them (counts the same, clocks from buckets: rollups.py)
    when they cover the grouping."""
    from operator_console.services.metrics import rollups

    if isinstance(reads, rollups.MetricsRollups) and reads.covers(query.by):
        return rollups.rollup_report(reads, query, now)
    cases = reads.cases(query)
    names = reads.groups(query.by)
    spans = reads.open_spans(query.period, query.chosen)
    city = figures(cases, now)
    grouped: dict[str | None, list[CaseFacts]] = defaultdict(list)
    for case in cases:
        grouped[case.group].append(case)
    known = {name.key for name in names}
    unnamed = sorted(key for key in grouped if key is not None and key not in known)
    listed = [*names, *(GroupName(key, key) for key in unnamed)]
    groups = [_group(g.key, g.name, grouped.get(g.key, []), city, query, now) for g in listed]
    if None in grouped:
        groups.append(_group(None, NO_GROUP, grouped[None], city, query, now))
    return MetricsReport(
        query=query,
        as_of=now,
        city=city,
        volume=volume(cases, query.period),
        backlog_at_end=backlog_at(spans, [min(query.period.end, now)])[0],
        backlog_by_day=daily_backlog(spans, query.period),
        groups=tuple(groups),
    )


def _group(
    key: str | None,
    name: str,
    cases: list[CaseFacts],
    city: Figures,
    query: MetricsQuery,
    now: datetime,
) -> GroupReport:
    own = figures(cases, now)
    return GroupReport(key, name, own, compare(own, city), len(cases) < query.min_cases)
