"""SLA policies and calendars as an admin changes them: each change with its audit line, bad
input refused at its field, and a change made meanwhile by another admin never overwritten."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.admin.sla.actions import CalendarEdit, PolicyEdit
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.services.admin.sla.errors import ChangedMeanwhileError, SlaAdminError
from operator_console.services.admin.sla.ports import CalendarSettings, PolicySettings
from operator_console.storage.admin.sla.store import SqlSlaUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    config_events,
    service_requests,
    services,
    sla_policies,
)

NOW = datetime(2026, 2, 8, 15, 0, tzinfo=UTC)
ADMIN = StaffIdentity("admin1", "Ada Admin", "admin")
SLA_KINDS = ("sla_policy_added", "sla_policy_changed", "calendar_changed")


@pytest.fixture
def engine(demo_db_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_db_url)
    yield engine
    engine.dispose()


def desk_for(engine: Engine, who: StaffIdentity = ADMIN) -> SlaDesk:
    return SlaDesk(lambda: SqlSlaUnitOfWork(engine), who, lambda: NOW)


def policy(desk: SlaDesk, code: str) -> PolicySettings:
    return next(p for p in desk.setup().policies if p.code == code)


def calendar(desk: SlaDesk, code: str = "boston") -> CalendarSettings:
    return next(c for c in desk.setup().calendars if c.code == code)


def audit(engine: Engine) -> list[tuple[str, str, str]]:
    e = config_events.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(e.kind, e.subject, e.detail).where(e.kind.in_(SLA_KINDS)).order_by(e.id)
        )
        return [(row.kind, row.subject, row.detail) for row in rows]


def test_the_setup_lists_policies_with_their_use_and_calendars_with_their_hours(
    engine: Engine,
) -> None:
    setup = desk_for(engine).setup()
    two_days = next(p for p in setup.policies if p.code == "business-2d")
    assert (two_days.clock, two_days.target_hours, two_days.calendar) == ("business", 18, "boston")
    assert two_days.services > 0
    [boston] = setup.calendars
    assert (boston.time_zone, boston.working_days) == ("America/New_York", (0, 1, 2, 3, 4))
    assert (boston.work_start, boston.work_end, boston.holiday_country) == ("08:00", "17:00", "US")


def test_a_policy_change_is_saved_with_its_audit_line_and_says_it_is_for_new_cases(
    engine: Engine,
) -> None:
    desk = desk_for(engine)
    before = policy(desk, "business-2d")
    r = service_requests.c
    open_case = (
        select(r.due_at, r.at_risk_at)
        .join(services, services.c.id == r.service_id)
        .join(sla_policies, sla_policies.c.id == services.c.sla_policy_id)
        .where(sla_policies.c.code == "business-2d", r.status == "in_queue")
        .order_by(r.id)
        .limit(1)
    )
    with engine.connect() as connection:
        due, at_risk = connection.execute(open_case).one()
    change = desk.change_policy(PolicyEdit(before, 27, 0.5, "boston"))
    assert str(change.summary).endswith(
        "This applies to cases opened from now on; open cases keep their due dates and turn at "
        "risk after 50% of their time."
    )
    with engine.connect() as connection:
        due_after, at_risk_after = connection.execute(open_case).one()
    assert due_after == due and at_risk_after < at_risk
    after = policy(desk, "business-2d")
    assert (after.target_hours, after.at_risk_fraction) == (27, 0.5)
    assert audit(engine) == [
        (
            "sla_policy_changed",
            "business-2d",
            "SLA policy business-2d: 18 working hours, at risk after 75%, calendar boston"
            " -> 27 working hours, at risk after 50%, calendar boston",
        )
    ]


def test_a_policy_changed_meanwhile_by_another_admin_is_not_overwritten(engine: Engine) -> None:
    mine, theirs = desk_for(engine), desk_for(engine, StaffIdentity("admin2", "Bo", "admin"))
    seen = policy(mine, "business-2d")
    theirs.change_policy(PolicyEdit(seen, 36, 0.75, "boston"))
    with pytest.raises(ChangedMeanwhileError, match="changed the policy business-2d meanwhile"):
        mine.change_policy(PolicyEdit(seen, 9, 0.75, "boston"))
    assert policy(mine, "business-2d").target_hours == 36
    assert [kind for kind, _, _ in audit(engine)] == ["sla_policy_changed"]


@pytest.mark.parametrize(
    ("target", "share", "field", "message"),
    [
        (-3, 0.75, "target_hours", "The target must be more than 0 hours, not -3"),
        (0, 0.75, "target_hours", "more than 0 hours"),
        (18, 1.0, "at_risk_fraction", "between 0 and 1"),
        (18, 0, "at_risk_fraction", "between 0 and 1"),
    ],
)
def test_a_bad_target_or_share_is_refused_at_its_field(
    engine: Engine, target: float, share: float, field: str, message: str
) -> None:
    desk = desk_for(engine)
    with pytest.raises(SlaAdminError, match=message) as refused:
        desk.change_policy(PolicyEdit(policy(desk, "business-2d"), target, share, "boston"))
    assert refused.value.field == field
    assert audit(engine) == []


def test_a_new_policy_is_added_and_a_taken_code_refused(engine: Engine) -> None:
    desk = desk_for(engine)
    new = PolicySettings("business-4h", "4 working hours", "business", 4, 0.5, "boston")
    desk.add_policy(new)
    assert policy(desk, "business-4h") == replace(new, services=0)
    with pytest.raises(SlaAdminError, match="already a policy 'business-4h'") as refused:
        desk.add_policy(new)
    assert refused.value.field == "code"
    with pytest.raises(SlaAdminError, match="There is no calendar 'nowhere'"):
        desk.add_policy(replace(new, code="x-1", calendar="nowhere"))
    assert [kind for kind, _, _ in audit(engine)] == ["sla_policy_added"]


def test_a_calendar_s_hours_and_days_change_and_bad_hours_are_refused(engine: Engine) -> None:
    desk = desk_for(engine)
    before = calendar(desk)
    change = desk.change_calendar(CalendarEdit(before, "07:30", "16:00", (0, 1, 2, 3, 4, 5)))
    assert str(change.summary).startswith(
        "Calendar boston now works Mon–Sat 07:30–16:00 (America/New_York, public holidays of "
        "US-MA). This applies to cases opened from now on"
    )
    after = calendar(desk)
    assert (after.work_start, after.work_end, after.working_days) == (
        "07:30",
        "16:00",
        (0, 1, 2, 3, 4, 5),
    )
    for start, end, days, field in (
        ("7.30", "16:00", (0,), "work_start"),
        ("17:00", "08:00", (0,), "work_end"),
        ("08:00", "17:00", (), "working_days"),
    ):
        with pytest.raises(SlaAdminError) as refused:
            desk.change_calendar(CalendarEdit(after, start, end, days))
        assert refused.value.field == field
    with pytest.raises(ChangedMeanwhileError, match="it is now Mon–Sat 07:30–16:00"):
        desk.change_calendar(CalendarEdit(before, "09:00", "17:00", (0, 1, 2, 3, 4)))
    assert [kind for kind, _, _ in audit(engine)] == ["calendar_changed"]


@pytest.mark.parametrize(
    ("time_zone", "holidays", "field", "message"),
    [
        ("America/Boston", ("US", "MA"), "time_zone", "'America/Boston' is not a time zone name"),
        ("America/New_York", ("XX", ""), "holiday_country", "No public holidays are known for"),
        ("America/New_York", ("US", "ZZ"), "holiday_subdivision", "'ZZ' is not a subdivision"),
        ("America/New_York", ("", "MA"), "holiday_country", "A state or province needs a country"),
    ],
)
def test_a_calendar_s_time_zone_and_holidays_are_checked_at_their_field(
    engine: Engine, time_zone: str, holidays: tuple[str, str], field: str, message: str
) -> None:
    desk = desk_for(engine)
    before = calendar(desk)
    hours = (before.work_start, before.work_end, before.working_days)
    with pytest.raises(SlaAdminError, match=message) as refused:
        desk.change_calendar(CalendarEdit(before, *hours, time_zone, holidays))
    assert refused.value.field == field
    change = desk.change_calendar(CalendarEdit(before, *hours, "America/Chicago", ("ca", "on")))
    assert "(America/Chicago, public holidays of CA-ON)" in str(change.summary)
    after = calendar(desk)
    assert (after.time_zone, after.holiday_country, after.holiday_subdivision) == (
        "America/Chicago",
        "CA",
        "ON",
    )


def test_a_supervisor_may_not_read_or_change_them(engine: Engine) -> None:
    desk = desk_for(engine, StaffIdentity("supervisor1", "Sam", "supervisor"))
    with pytest.raises(NotPermittedError, match="change the configuration"):
        desk.setup()
    with pytest.raises(NotPermittedError):
        desk.add_policy(PolicySettings("x", "X", "business", 4, 0.5, None))
