"""The dashboard's drill-down picks the cases a figure counts: by local day, group and SLA outcome
as docs/metrics.md defines them; the equity table ranks the worst gap first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from operator_console.services.dashboard.drill import UnknownOutcomeError, matching, outcome_of
from operator_console.services.dashboard.model import LATE, ON_TIME, OPEN_OVERDUE, Drill, DrillRow
from operator_console.services.dashboard.tables import equity_metric, equity_rows
from operator_console.services.metrics.model import (
    CaseFacts,
    GroupName,
    MetricsFilter,
    MetricsQuery,
    OpenSpan,
    Period,
)
from operator_console.services.metrics.report import metrics_report

ZONE = "America/New_York"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
PERIOD = Period(datetime(2026, 3, 1, 5, tzinfo=UTC), datetime(2026, 3, 11, 4, tzinfo=UTC), ZONE)


def _row(
    request_id: int,
    created: datetime,
    due: datetime | None,
    resolved: datetime | None,
    group: str | None = "A",
    closure: str | None = None,
) -> DrillRow:
    return DrillRow(
        request_id, f"R-{request_id}", "x", "c", "", created, resolved, due, closure, group
    )


def test_outcomes_follow_the_metrics_definitions() -> None:
    created = datetime(2026, 3, 2, 15, tzinfo=UTC)
    due = created + timedelta(days=2)
    assert outcome_of(_row(1, created, due, due), NOW) == ON_TIME  # at the due time is on time
    assert outcome_of(_row(2, created, due, due + timedelta(seconds=1)), NOW) == LATE
    assert outcome_of(_row(3, created, due, None), NOW) == OPEN_OVERDUE
    assert outcome_of(_row(4, created, NOW + timedelta(hours=1), None), NOW) is None
    assert outcome_of(_row(5, created, None, due), NOW) is None  # no SLA
    assert outcome_of(_row(6, created, due, due, closure="duplicate"), NOW) is None


def test_a_day_is_the_city_s_local_day_and_newest_come_first() -> None:
    # 03:30 UTC on 3 March is still 2 March in New York.
    late_evening = _row(1, datetime(2026, 3, 3, 3, 30, tzinfo=UTC), None, None)
    morning = _row(2, datetime(2026, 3, 2, 14, tzinfo=UTC), None, None)
    next_day = _row(3, datetime(2026, 3, 3, 14, tzinfo=UTC), None, None, group="B")
    drill = Drill(PERIOD, MetricsFilter(), day=date(2026, 3, 2))
    assert [r.request_id for r in matching([morning, late_evening, next_day], drill, NOW)] == [1, 2]
    by_group = Drill(PERIOD, MetricsFilter(), by="queue", group="B")
    assert [r.request_id for r in matching([morning, next_day], by_group, NOW)] == [3]
    with pytest.raises(UnknownOutcomeError, match="no SLA outcome 'lost'"):
        matching([], Drill(PERIOD, MetricsFilter(), outcome="lost"), NOW)


class _Reads:
    def __init__(self, cases: list[CaseFacts]) -> None:
        self._cases = cases

    def cases(self, query: MetricsQuery) -> list[CaseFacts]:
        return self._cases

    def groups(self, by: str) -> list[GroupName]:
        return [GroupName("1", "Ward 1"), GroupName("2", "Ward 2"), GroupName("3", "Ward 3")]

    def open_spans(self, period: Period, chosen: MetricsFilter) -> list[OpenSpan]:
        return []


def _case(group: str, on_time: bool) -> CaseFacts:
    created = datetime(2026, 3, 2, 15, tzinfo=UTC)
    due = created + timedelta(days=1)
    resolved = due - timedelta(hours=1) if on_time else due + timedelta(hours=1)
    return CaseFacts(created, None, resolved, due, "fixed", "phone", "c", 0, 1, False, group)


def test_the_equity_table_ranks_the_worst_gap_first_and_keeps_empty_districts_last() -> None:
    cases = [_case("1", True) for _ in range(40)]
    cases += [_case("2", i < 10) for i in range(40)]
    report = metrics_report(_Reads(cases), MetricsQuery(PERIOD, "ward"), NOW)
    rows = equity_rows(report, equity_metric("on_time_share"))
    assert [row.name for row in rows] == ["Ward 2", "Ward 1", "Ward 3"]
    assert rows[0].comparison.beyond_chance and rows[0].badness == pytest.approx(0.375)
    assert rows[2].badness is None and rows[2].small
