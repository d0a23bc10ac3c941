"""Escalation rules, the 'overdue by N business hours' cutoffs, the pass and who sees alerts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

import pytest

from operator_console.domain.lifecycle import Priority
from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.sla import BusinessCalendar, business_time_between
from operator_console.services.escalation.alerts import Alert, AlertDesk, AlertsNotShownError
from operator_console.services.escalation.cutoffs import (
    Cutoff,
    PolicyClock,
    business_time_before,
    cutoffs,
)
from operator_console.services.escalation.escalation_pass import (
    MAX_CASES_PER_PASS,
    catch_up,
    run_escalations,
)
from operator_console.services.escalation.rules import EscalationRule, alert_message, raised

BOSTON = BusinessCalendar("America/New_York", work_starts=time(8), work_ends=time(17))
MONDAY_10 = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


def test_a_priority_rises_one_step_and_stops_at_the_top() -> None:
    assert raised(Priority.LOW) == Priority.NORMAL
    assert raised(Priority.NORMAL) == Priority.HIGH
    assert raised(Priority.URGENT) == Priority.URGENT
    assert raised(Priority.LOW, 5) == Priority.URGENT


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ({"trigger": "overdue_by", "action": "notify"}, "positive number of hours"),
        ({"trigger": "overdue", "action": "move_queue"}, "the queue to move"),
        ({"trigger": "late", "action": "notify"}, "fires on one of"),
        ({"trigger": "overdue", "action": "shout"}, "does one of"),
    ],
)
def test_a_rule_that_cannot_work_says_why(rule: dict[str, str], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        EscalationRule(id=1, **rule)  # type: ignore[arg-type]


def test_business_hours_before_skip_the_night_and_the_weekend() -> None:
    tuesday_9 = datetime(2026, 12, 8, 14, 0, tzinfo=UTC)
    assert business_time_before(tuesday_9, timedelta(hours=2), BOSTON) == datetime(
        2026, 12, 7, 21, 0, tzinfo=UTC
    )
    monday_9 = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    friday_16 = datetime(2026, 12, 4, 21, 0, tzinfo=UTC)
    assert business_time_before(monday_9, timedelta(hours=2), BOSTON) == friday_16
    assert business_time_between(friday_16, monday_9, BOSTON) == timedelta(hours=2)


def test_cutoffs_cover_the_policies_of_each_overdue_by_rule_on_their_own_clock() -> None:
    rules = [
        EscalationRule(id=1, trigger="overdue", action="notify"),
        EscalationRule(id=2, trigger="overdue_by", action="notify", hours=3),
        EscalationRule(id=3, trigger="overdue_by", action="notify", hours=1, sla_policy_id=20),
        EscalationRule(id=4, trigger="overdue_by", action="notify", hours=1, active=False),
    ]
    clocks = [PolicyClock(10, "business", BOSTON), PolicyClock(20, "calendar", BOSTON)]
    assert cutoffs(rules, clocks, MONDAY_10) == [
        Cutoff(2, 10, datetime(2026, 12, 4, 21, 0, tzinfo=UTC)),  # Friday 16:00
        Cutoff(2, 20, MONDAY_10 - timedelta(hours=3)),
        Cutoff(3, 20, MONDAY_10 - timedelta(hours=1)),
    ]


class _Store:
    def __init__(self, rules: list[EscalationRule]) -> None:
        self._rules = rules
        self.clocks_read = False
        self.fired_with: list[Cutoff] | None = None
        self.max_cases: list[int] = []

    def rules(self) -> list[EscalationRule]:
        return self._rules

    def policy_clocks(self) -> list[PolicyClock]:
        self.clocks_read = True
        return [PolicyClock(10, "business", BOSTON)]

    def fire(self, now: datetime, overdue_by: Sequence[Cutoff], max_cases: int) -> int:
        self.fired_with = list(overdue_by)
        self.max_cases.append(max_cases)
        return 7


def test_the_pass_reads_the_calendars_only_for_overdue_by_rules() -> None:
    plain = _Store([EscalationRule(id=1, trigger="at_risk", action="notify")])
    assert run_escalations(plain, MONDAY_10) == 7
    assert not plain.clocks_read and plain.fired_with == []
    idle = _Store([EscalationRule(id=1, trigger="at_risk", action="notify", active=False)])
    assert run_escalations(idle, MONDAY_10) == 0 and idle.fired_with is None
    timed = _Store([EscalationRule(id=5, trigger="overdue_by", action="notify", hours=2)])
    run_escalations(timed, MONDAY_10)
    assert timed.fired_with == [Cutoff(5, 10, datetime(2026, 12, 7, 13, 0, tzinfo=UTC))]  # 8:00


class _Backlog(_Store):
    """Crossed cases, each with two rules; a pass fires those of at most `max_cases` cases."""

    def __init__(self, cases: int) -> None:
        super().__init__([EscalationRule(id=1, trigger="at_risk", action="notify")])
        self.waiting = cases

    def fire(self, now: datetime, overdue_by: Sequence[Cutoff], max_cases: int) -> int:
        self.max_cases.append(max_cases)
        taken = min(self.waiting, max_cases)
        self.waiting -= taken
        return 2 * taken


def test_a_pass_takes_on_a_bounded_number_of_cases_and_catching_up_takes_on_them_all() -> None:
    console = _Backlog(5_000)
    assert run_escalations(console, MONDAY_10) == 2 * MAX_CASES_PER_PASS
    assert console.waiting == 5_000 - MAX_CASES_PER_PASS
    service = _Backlog(5_000)
    assert catch_up(service, MONDAY_10, max_cases=2_000) == 10_000
    assert service.waiting == 0 and service.max_cases == [2_000, 2_000, 2_000, 2_000]


def test_alert_messages() -> None:
    assert alert_message("BOS-1", "at_risk", None) == "BOS-1 is at risk of missing its due time"
    assert alert_message("BOS-1", "overdue_by", 1.5) == "BOS-1 is overdue by 1.5 business hours"


class _Alerts:
    def __init__(self) -> None:
        self.asked: list[frozenset[str] | None] = []

    def open_alerts(self, departments: frozenset[str] | None, limit: int) -> list[Alert]:
        self.asked.append(departments)
        return []

    def open_count(self, departments: frozenset[str] | None) -> int:
        self.asked.append(departments)
        return 0

    def acknowledge(
        self, alert_id: int, login: str, now: datetime, departments: frozenset[str] | None
    ) -> bool:
        self.asked.append(departments)
        return True


class _ManyAlerts(_Alerts):
    def __init__(self, open_alerts: int) -> None:
        super().__init__()
        self.open = [
            Alert(n, n, f"BOS-{n}", "overdue", f"BOS-{n} is overdue", "Public Works", MONDAY_10)
            for n in range(open_alerts, 0, -1)
        ]

    def open_alerts(self, departments: frozenset[str] | None, limit: int) -> list[Alert]:
        return self.open[:limit]

    def open_count(self, departments: frozenset[str] | None) -> int:
        self.asked.append(departments)
        return len(self.open)


def test_the_count_is_of_every_open_alert_the_list_only_the_newest() -> None:
    supervisor = StaffIdentity("sup", "Sup", "supervisor", frozenset({"PWD"}))
    many = _ManyAlerts(250)
    shown = AlertDesk(many, supervisor).open_list()
    assert (len(shown.alerts), shown.total, shown.alerts[0].id) == (200, 250, 250)
    assert many.asked == [frozenset({"PWD"})]
    few = _ManyAlerts(3)
    assert AlertDesk(few, supervisor).open_list().total == 3 and few.asked == []


def test_operators_see_no_alerts_and_others_only_their_departments() -> None:
    store = _Alerts()
    operator = StaffIdentity("op", "Op", "operator")
    with pytest.raises(AlertsNotShownError, match="op is not a dispatcher"):
        AlertDesk(store, operator).open_alerts()
    supervisor = StaffIdentity("sup", "Sup", "supervisor", frozenset({"PWD"}))
    AlertDesk(store, supervisor).open_alerts()
    AlertDesk(store, StaffIdentity("adm", "Adm", "admin", frozenset({"PWD"}))).acknowledge(
        1, MONDAY_10
    )
    assert store.asked == [frozenset({"PWD"}), None]
