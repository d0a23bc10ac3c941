"""Closing a day moves a case's due and at-risk times as the domain's own SLA clock would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.sla import (
    BusinessCalendar,
    SlaPolicy,
    add_business_time,
    at_risk_at,
    due_at,
)
from operator_console.services.admin.sla.ports import CaseClock
from operator_console.services.admin.sla.shift import (
    moves_for_closing,
    moves_for_reopening,
    subtract_business_time,
)

BOSTON = ZoneInfo("America/New_York")
OPEN = BusinessCalendar("America/New_York", country="US", subdivision="MA")
SNOW_DAY = date(2026, 3, 9)  # the Monday after the clocks change
CLOSED = BusinessCalendar(
    "America/New_York", country="US", subdivision="MA", closure_dates=frozenset({SNOW_DAY})
)
openings = st.datetimes(
    min_value=datetime(2026, 2, 20), max_value=datetime(2026, 3, 12), timezones=st.just(UTC)
)
targets = st.integers(min_value=1, max_value=200)


@given(opened=openings, hours=targets)
def test_closing_a_day_gives_what_the_domain_gives_on_the_closed_calendar(
    opened: datetime, hours: int
) -> None:
    policy = SlaPolicy(hours, "hours", "business")
    due = due_at(opened, policy, OPEN)
    case = CaseClock(1, 1, opened, due, at_risk_at(opened, due, policy, OPEN))

    moves = moves_for_closing([case], SNOW_DAY, OPEN)

    expected_due = due_at(opened, policy, CLOSED)
    if expected_due == due:
        assert moves == []
        return
    (move,) = moves
    assert move.due_at == expected_due
    assert move.at_risk_at == at_risk_at(opened, expected_due, policy, CLOSED)
    (back,) = moves_for_reopening(
        [CaseClock(1, 2, opened, move.due_at, move.at_risk_at)], SNOW_DAY, CLOSED
    )
    assert (back.due_at, back.at_risk_at) == (due, case.at_risk_at)


@given(start=openings, minutes=st.integers(min_value=1, max_value=60 * 90))
def test_subtracting_working_time_undoes_adding_it(start: datetime, minutes: int) -> None:
    amount = timedelta(minutes=minutes)
    end = add_business_time(start, amount, OPEN)
    back = subtract_business_time(end, amount, OPEN)
    assert add_business_time(back, amount, OPEN) == end
    assert back <= start


def test_a_day_that_is_no_working_day_moves_nothing() -> None:
    sunday = date(2026, 3, 8)
    opened = datetime(2026, 3, 6, 10, tzinfo=BOSTON)
    case = CaseClock(1, 1, opened, opened + timedelta(days=5), None)
    assert moves_for_closing([case], sunday, OPEN) == []
