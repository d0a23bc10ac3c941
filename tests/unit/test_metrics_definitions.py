"""The metrics' definitions on hand-made cases: clocks, SLA outcomes, rates, volume, backlog,
and each group against the city."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from operator_console.services.metrics.figures import figures, sla_compliance
from operator_console.services.metrics.model import (
    CaseFacts,
    GroupName,
    MetricsFilter,
    MetricsQuery,
    OpenSpan,
    Period,
)
from operator_console.services.metrics.report import NO_GROUP, metrics_report
from operator_console.services.metrics.tables import CSV_COLUMNS, report_document, report_rows
from operator_console.services.metrics.volume import backlog_at, daily_backlog, volume

T0 = datetime(2015, 3, 2, 14, 0, tzinfo=UTC)  # 09:00 in Boston (EST)
NOW = datetime(2016, 1, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)


def case(
    created: timedelta = timedelta(0),
    *,
    assigned: float | None = None,
    resolved: float | None = None,
    due: float | None = None,
    reason: str | None = None,
    reopened: bool = False,
    calls: int = 0,
    callers: int = 1,
    channel: str = "phone",
    category: str = "pothole",
    group: str | None = "1",
) -> CaseFacts:
    """A case created at T0 + created; the other times are hours after its creation."""
    start = T0 + created

    def at(hours: float | None) -> datetime | None:
        return None if hours is None else start + hours * HOUR

    return CaseFacts(
        created_at=start,
        assigned_at=at(assigned),
        resolved_at=at(resolved),
        due_at=at(due),
        closure_reason=reason if reason or resolved is None else "fixed",
        channel=channel,
        category=category,
        calls_count=calls,
        callers_count=callers,
        reopened=reopened,
        group=group,
    )


def test_clocks_run_from_intake_to_assignment_and_from_assignment_to_resolution() -> None:
    cases = [
        case(assigned=1, resolved=3),
        case(assigned=2, resolved=10),
        case(assigned=4),  # assigned, still open: in intake-to-assign only
        case(resolved=5),  # resolved without an assignment: intake-to-resolve only
        case(assigned=0.5, resolved=0.5, reason="duplicate"),  # left out of every clock
    ]
    found = figures(cases, NOW)
    assert found.intake_to_assign.cases == 3
    assert found.intake_to_assign.median == 120.0
    assert found.intake_to_assign.p90 == pytest.approx(120 + 0.8 * 120)  # 60, 120, 240
    assert found.assign_to_resolve.cases == 2
    assert found.assign_to_resolve.median == pytest.approx((120 + 480) / 2)
    assert found.intake_to_resolve.cases == 3
    assert found.intake_to_resolve.median == 300.0
    assert found.intake_to_resolve.p90 == pytest.approx(300 + 0.8 * 300)  # 180, 300, 600
    assert found.intake_to_resolve.median_interval is None  # three cases are too few
    assert found.cases == 5 and found.resolved == 4


def test_sla_outcomes_on_time_at_the_due_minute_late_after_it_and_open_overdue() -> None:
    cases = [
        case(resolved=48, due=48),  # on time: at the due moment
        case(resolved=49, due=48),  # late
        case(due=48),  # open and overdue at NOW
        case(created=timedelta(days=400), due=48),  # open, not yet due at NOW
        case(resolved=5),  # no SLA
        case(resolved=1, due=48, reason="duplicate"),  # left out
    ]
    sla = sla_compliance(cases, NOW)
    assert (sla.on_time, sla.late, sla.open_overdue, sla.open_within, sla.no_sla) == (
        1,
        1,
        1,
        1,
        1,
    )
    assert sla.on_time_share.count == 1 and sla.on_time_share.out_of == 3
    assert sla.on_time_share.share == pytest.approx(1 / 3)
    assert sla.on_time_share.interval is not None


def test_reopen_duplicate_and_repeat_call_rates() -> None:
    cases = [
        case(resolved=2, reopened=True),  # reopened and resolved again
        case(reopened=True),  # reopened, open now: it was resolved once
        case(resolved=1, reason="duplicate"),
        case(resolved=3, calls=2),
        case(callers=3),
        case(),
    ]
    found = figures(cases, NOW)
    assert (found.reopen_rate.count, found.reopen_rate.out_of) == (2, 4)
    assert (found.duplicate_share.count, found.duplicate_share.out_of) == (1, 3)
    assert (found.repeat_calls.count, found.repeat_calls.out_of) == (2, 6)
    assert found.status_calls == 2 and found.several_callers == 1


def test_volume_counts_by_the_citys_local_day_and_hour() -> None:
    period = Period(
        datetime(2015, 3, 2, 5, tzinfo=UTC), datetime(2015, 3, 5, 5, tzinfo=UTC), "America/New_York"
    )
    cases = [
        case(),  # 09:00 on 2 March in Boston
        case(timedelta(hours=12), channel="app"),  # 21:00 on 2 March
        case(timedelta(hours=15), category="graffiti"),  # 00:00 on 3 March
    ]
    counted = volume(cases, period)
    assert counted.by_day == {date(2015, 3, 2): 2, date(2015, 3, 3): 1, date(2015, 3, 4): 0}
    assert counted.by_hour[9] == 1 and counted.by_hour[21] == 1 and counted.by_hour[0] == 1
    assert sum(counted.by_hour) == 3
    assert counted.by_channel == {"phone": 2, "app": 1}
    assert list(counted.by_category) == ["pothole", "graffiti"]


def test_backlog_counts_what_was_open_at_each_moment() -> None:
    spans = [
        OpenSpan(T0, T0 + 10 * HOUR),
        OpenSpan(T0 + HOUR, None),
        OpenSpan(T0 + 2 * HOUR, T0 + 3 * HOUR),
    ]
    moments = [T0, T0 + HOUR / 2, T0 + 2.5 * HOUR, T0 + 3 * HOUR, T0 + 11 * HOUR]
    assert backlog_at(spans, moments) == [0, 1, 3, 2, 1]
    period = Period(T0 - 9 * HOUR, T0 + 39 * HOUR, "America/New_York")  # 2 and 3 March
    assert daily_backlog(spans, period) == {date(2015, 3, 2): 1, date(2015, 3, 3): 1}


class FakeReads:
    def __init__(self, cases: list[CaseFacts]) -> None:
        self._cases = cases

    def cases(self, query: MetricsQuery) -> list[CaseFacts]:
        return self._cases

    def groups(self, by: str) -> list[GroupName]:
        return [GroupName("1", "Ward 1"), GroupName("2", "Ward 2"), GroupName("3", "Ward 3")]

    def open_spans(self, period: Period, chosen: MetricsFilter) -> list[OpenSpan]:
        return [OpenSpan(c.created_at, c.resolved_at) for c in self._cases]


def test_each_group_is_compared_with_the_city_and_small_ones_flagged_not_hidden() -> None:
    slow = [case(timedelta(minutes=n), resolved=100 + n % 7, group="1") for n in range(60)]
    quick = [case(timedelta(minutes=n), resolved=1 + n % 5, group="2") for n in range(60)]
    few = [case(resolved=50, group="2b") for _ in range(3)]
    nowhere = [case(group=None)]
    period = Period(T0 - HOUR, T0 + 48 * HOUR, "America/New_York")
    query = MetricsQuery(period, "ward", MetricsFilter(channel="phone"), min_cases=30)
    report = metrics_report(FakeReads([*slow, *quick, *few, *nowhere]), query, NOW)
    assert [g.key for g in report.groups] == ["1", "2", "3", "2b", None]
    assert [g.small for g in report.groups] == [False, False, True, True, True]
    assert report.groups[2].figures.cases == 0 and report.groups[-1].name == NO_GROUP
    city = report.city.intake_to_resolve.median
    ward1 = report.groups[0].comparisons["intake_to_resolve_median"]
    assert ward1.city == city and ward1.value is not None and city is not None
    assert (
        ward1.gap is not None and ward1.gap > 0 and ward1.gap == pytest.approx(ward1.value - city)
    )
    assert ward1.beyond_chance and ward1.cases == 60
    assert report.groups[1].comparisons["intake_to_resolve_median"].beyond_chance
    assert not report.groups[3].comparisons["intake_to_resolve_median"].beyond_chance
    assert report.groups[2].comparisons["on_time_share"].value is None
    assert report.backlog_at_end == 60 + 3 + 1  # at the end: ward 1, the few, the open one

    document = json.loads(json.dumps(report_document(report)))
    assert document["filters"] == {"channel": "phone"} and document["by"] == "ward"
    assert document["city"]["cases"] == 124
    assert document["groups"][0]["against_city"]["intake_to_resolve_median"]["beyond_chance"]
    assert len(document["volume"]["by_hour"]) == 24
    rows = report_rows(report)
    assert rows[0] == list(CSV_COLUMNS) and rows[1][0] == "city"
    assert [row[0] for row in rows[2:]] == ["1", "2", "3", "2b", ""]
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
