"""SLA clock: due dates over weekends, holidays, working hours and DST changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operator_console.domain.sla import (
    BusinessCalendar,
    SlaPolicy,
    add_business_time,
    at_risk_at,
    business_time_between,
    due_at,
    sla_state,
)

BOSTON_ZONE = ZoneInfo("America/New_York")
BOSTON = BusinessCalendar(
    "America/New_York", work_starts=time(9), work_ends=time(17), country="US", subdivision="MA"
)


def boston(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Boston wall-clock time as the UTC instant the services pass in."""
    return datetime(year, month, day, hour, minute, tzinfo=BOSTON_ZONE).astimezone(UTC)


def test_due_later_the_same_day_within_working_hours() -> None:
    opened = boston(2026, 4, 14, 10)  # Tuesday
    assert due_at(opened, SlaPolicy(4, "hours", "business"), BOSTON) == boston(2026, 4, 14, 14)


def test_due_at_result_is_utc() -> None:
    due = due_at(boston(2026, 4, 14, 10), SlaPolicy(4, "hours", "business"), BOSTON)
    assert due.utcoffset() == timedelta(0)


def test_hours_left_at_closing_carry_to_the_next_morning() -> None:
    opened = boston(2026, 4, 14, 15)
    assert due_at(opened, SlaPolicy(4, "hours", "business"), BOSTON) == boston(2026, 4, 15, 11)


def test_target_that_ends_exactly_at_closing_is_due_at_closing() -> None:
    opened = boston(2026, 4, 14, 9)
    assert due_at(opened, SlaPolicy(8, "hours", "business"), BOSTON) == boston(2026, 4, 14, 17)


def test_weekend_is_skipped() -> None:
    opened = boston(2026, 4, 10, 15)  # Friday
    assert due_at(opened, SlaPolicy(4, "hours", "business"), BOSTON) == boston(2026, 4, 13, 11)


def test_patriots_day_is_skipped_in_massachusetts_only() -> None:
    opened = boston(2026, 4, 17, 15)  # Friday; Monday 20 April 2026 is Patriots' Day
    federal_only = BusinessCalendar(
        "America/New_York", work_starts=time(9), work_ends=time(17), country="US"
    )
    policy = SlaPolicy(4, "hours", "business")
    assert due_at(opened, policy, BOSTON) == boston(2026, 4, 21, 11)
    assert due_at(opened, policy, federal_only) == boston(2026, 4, 20, 11)


def test_extra_closure_dates_are_skipped() -> None:
    snow_day = BusinessCalendar(
        "America/New_York",
        work_starts=time(9),
        work_ends=time(17),
        closure_dates=frozenset({date(2026, 2, 3)}),
    )
    opened = boston(2026, 2, 2, 15)  # Monday
    assert due_at(opened, SlaPolicy(4, "hours", "business"), snow_day) == boston(2026, 2, 4, 11)


def test_request_opened_at_night_starts_at_next_opening() -> None:
    opened = boston(2026, 4, 15, 20)
    assert due_at(opened, SlaPolicy(2, "hours", "business"), BOSTON) == boston(2026, 4, 16, 11)


def test_request_opened_before_opening_starts_at_opening() -> None:
    opened = boston(2026, 4, 15, 6, 30)
    assert due_at(opened, SlaPolicy(2, "hours", "business"), BOSTON) == boston(2026, 4, 15, 11)


def test_request_opened_on_saturday_starts_on_monday() -> None:
    opened = boston(2026, 4, 11, 10)
    assert next(BOSTON.working_periods_from(opened))[0] == boston(2026, 4, 13, 9)
    assert due_at(opened, SlaPolicy(1, "hours", "business"), BOSTON) == boston(2026, 4, 13, 10)


def test_business_days_are_whole_working_days_skipping_holidays() -> None:
    opened = boston(2026, 4, 16, 10)  # Thursday before Patriots' Day
    assert due_at(opened, SlaPolicy(2, "days", "business"), BOSTON) == boston(2026, 4, 21, 10)


def test_business_clock_across_spring_forward_weekend() -> None:
    opened = boston(2026, 3, 6, 16)  # Friday, EST; clocks go forward on Sunday 8 March
    due = due_at(opened, SlaPolicy(2, "hours", "business"), BOSTON)
    assert due == boston(2026, 3, 9, 10)
    assert due == datetime(2026, 3, 9, 14, tzinfo=UTC)  # 10:00 EDT


def test_working_hours_that_span_the_dst_change_count_real_hours() -> None:
    night_shift = BusinessCalendar(
        "America/New_York",
        working_weekdays=frozenset(range(7)),
        work_starts=time(0),
        work_ends=time(6),
    )
    spring = business_time_between(boston(2026, 3, 8, 0), boston(2026, 3, 8, 6), night_shift)
    autumn = business_time_between(boston(2026, 11, 1, 0), boston(2026, 11, 1, 6), night_shift)
    assert spring == timedelta(hours=5)
    assert autumn == timedelta(hours=7)


def test_working_hours_inside_a_spring_forward_gap_do_not_exist() -> None:
    small_hours = BusinessCalendar(
        "America/New_York",
        working_weekdays=frozenset(range(7)),
        work_starts=time(2),
        work_ends=time(3),
    )
    assert small_hours.working_hours_on(date(2026, 3, 8)) is None
    assert small_hours.working_hours_on(date(2026, 3, 9)) == (
        boston(2026, 3, 9, 2),
        boston(2026, 3, 9, 3),
    )


def test_calendar_hours_count_every_hour() -> None:
    opened = boston(2026, 3, 7, 10)  # Saturday, EST
    due = due_at(opened, SlaPolicy(72, "hours", "calendar"), BOSTON)
    assert due - opened == timedelta(hours=72)
    assert due == boston(2026, 3, 10, 11)  # one wall-clock hour later after spring forward


def test_calendar_days_keep_the_wall_clock_time_across_dst() -> None:
    opened = boston(2026, 3, 7, 10)
    assert due_at(opened, SlaPolicy(3, "days", "calendar"), BOSTON) == boston(2026, 3, 10, 10)


def test_calendar_clock_starts_at_once_even_on_a_holiday() -> None:
    opened = boston(2026, 4, 20, 22)  # Patriots' Day, at night
    assert due_at(opened, SlaPolicy(4, "hours", "calendar"), BOSTON) == boston(2026, 4, 21, 2)


def test_business_time_between_skips_nights_weekends_and_holidays() -> None:
    start, end = boston(2026, 4, 17, 16), boston(2026, 4, 21, 10)
    assert business_time_between(start, end, BOSTON) == timedelta(hours=2)
    assert business_time_between(end, start, BOSTON) == timedelta(hours=-2)


def test_business_time_between_two_closed_instants_is_zero() -> None:
    saturday, sunday = boston(2026, 4, 11, 10), boston(2026, 4, 12, 23)
    assert business_time_between(saturday, sunday, BOSTON) == timedelta(0)


class TestSlaState:
    # Friday 16:00 + 8 business hours: 1 hour on Friday, 7 on Monday -> due Monday 16:00.
    opened = boston(2026, 4, 10, 16)
    policy = SlaPolicy(8, "hours", "business", at_risk_fraction=0.75)
    due = boston(2026, 4, 13, 16)

    def test_due_date_matches(self) -> None:
        assert due_at(self.opened, self.policy, BOSTON) == self.due

    def test_weekend_does_not_make_a_request_at_risk(self) -> None:
        # 65 of 72 real hours have passed, but only 1.5 of 8 working hours.
        now = boston(2026, 4, 13, 9, 30)
        assert sla_state(self.opened, self.due, now, self.policy, BOSTON) == "on_time"

    def test_at_risk_after_three_quarters_of_working_time(self) -> None:
        assert at_risk_at(self.opened, self.due, self.policy, BOSTON) == boston(2026, 4, 13, 14)
        before, after = boston(2026, 4, 13, 13, 59), boston(2026, 4, 13, 14)
        assert sla_state(self.opened, self.due, before, self.policy, BOSTON) == "on_time"
        assert sla_state(self.opened, self.due, after, self.policy, BOSTON) == "at_risk"

    def test_breached_only_after_the_due_instant(self) -> None:
        at_due, after_due = self.due, self.due + timedelta(minutes=1)
        assert sla_state(self.opened, self.due, at_due, self.policy, BOSTON) == "at_risk"
        assert sla_state(self.opened, self.due, after_due, self.policy, BOSTON) == "breached"

    def test_an_extended_due_date_is_honoured(self) -> None:
        extended = boston(2026, 4, 15, 16)
        now = boston(2026, 4, 13, 16, 30)
        assert sla_state(self.opened, extended, now, self.policy, BOSTON) == "on_time"

    def test_calendar_clock_uses_real_time(self) -> None:
        policy = SlaPolicy(8, "hours", "calendar")
        due = due_at(self.opened, policy, BOSTON)
        now = self.opened + timedelta(hours=6)
        assert sla_state(self.opened, due, now, policy, BOSTON) == "at_risk"
        assert sla_state(self.opened, due, now - timedelta(seconds=1), policy, BOSTON) == "on_time"


@pytest.mark.parametrize(
    "make",
    [
        lambda: BusinessCalendar("Mars/Olympus_Mons"),
        lambda: BusinessCalendar("UTC", work_starts=time(17), work_ends=time(9)),
        lambda: BusinessCalendar("UTC", working_weekdays=frozenset()),
        lambda: BusinessCalendar("UTC", working_weekdays=frozenset({7})),
        lambda: BusinessCalendar("UTC", country="XX"),
        lambda: BusinessCalendar("UTC", country="US", subdivision="ZZ"),
        lambda: BusinessCalendar("UTC", subdivision="MA"),
        lambda: SlaPolicy(0, "hours", "business"),
        lambda: SlaPolicy(1, "days", "calendar", at_risk_fraction=1.0),
    ],
)
def test_impossible_settings_are_refused(make: Callable[[], object]) -> None:
    with pytest.raises(ValueError):
        make()


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        due_at(datetime(2026, 4, 14, 10), SlaPolicy(1, "hours", "business"), BOSTON)


def test_adding_no_business_time_is_refused() -> None:
    with pytest.raises(ValueError):
        add_business_time(boston(2026, 4, 14, 10), timedelta(0), BOSTON)


instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2028, 1, 1), timezones=st.just(UTC)
)


@st.composite
def calendars(draw: st.DrawFn) -> BusinessCalendar:
    zone = draw(st.sampled_from(["America/New_York", "Europe/London", "Australia/Sydney"]))
    starts = draw(st.integers(min_value=0, max_value=12))
    ends = draw(st.integers(min_value=starts + 1, max_value=23))
    weekdays = draw(st.frozensets(st.integers(min_value=0, max_value=6), min_size=1))
    holidays_of = {"America/New_York": ("US", "MA"), "Europe/London": ("GB", "ENG")}
    country, subdivision = holidays_of.get(zone, ("AU", "NSW"))
    return BusinessCalendar(
        zone,
        working_weekdays=weekdays,
        work_starts=time(starts, draw(st.sampled_from([0, 30]))),
        work_ends=time(ends),
        country=country,
        subdivision=subdivision,
    )


@settings(deadline=None)
@given(opened=instants, hours=st.integers(min_value=1, max_value=120), calendar=calendars())
def test_business_due_date_is_after_opening_in_working_time_and_exact(
    opened: datetime, hours: int, calendar: BusinessCalendar
) -> None:
    due = due_at(opened, SlaPolicy(hours, "hours", "business"), calendar)
    assert due > opened
    open_hours = calendar.working_hours_on(due.astimezone(calendar.zone).date())
    assert open_hours is not None and open_hours[0] <= due <= open_hours[1]
    assert business_time_between(opened, due, calendar) == timedelta(hours=hours)


@settings(deadline=None)
@given(opened=instants, hours=st.integers(min_value=1, max_value=24 * 30))
def test_calendar_hours_due_date_is_exactly_that_many_hours_later(
    opened: datetime, hours: int
) -> None:
    assert due_at(opened, SlaPolicy(hours, "hours", "calendar"), BOSTON) - opened == timedelta(
        hours=hours
    )


@settings(deadline=None)
@given(opened=instants, now=instants, hours=st.integers(min_value=1, max_value=80))
def test_state_follows_the_clock(opened: datetime, now: datetime, hours: int) -> None:
    policy = SlaPolicy(hours, "hours", "business")
    due = due_at(opened, policy, BOSTON)
    state = sla_state(opened, due, now, policy, BOSTON)
    assert (state == "breached") == (now > due)
    if now <= opened:
        assert state == "on_time"
