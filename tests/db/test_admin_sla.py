"""Closure days move due dates: exactly the open cases whose business clock runs through the day,
with history, a new version and an audit line, and back again when the closure is removed."""

from __future__ import annotations

import queue
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, insert, select, update

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.domain.sla import BusinessCalendar, SlaPolicy, at_risk_at, due_at
from operator_console.services.admin.sla.closures import ClosureRequest
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.services.admin.sla.errors import SlaAdminError
from operator_console.services.changes import ChangeBatch
from operator_console.storage.admin.sla.store import SqlSlaUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    business_calendars,
    config_events,
    request_events,
    service_requests,
    services,
    sla_policies,
)
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.storage.feeds.sqlite import SqliteChangeFeed
from tests.support.staff_logins import login_of, make_staff_login

BOSTON = ZoneInfo("America/New_York")
SNOW_DAY = "2026-02-09"  # a Monday
NOW = datetime(2026, 2, 8, 15, 0, tzinfo=UTC)
CALENDAR = BusinessCalendar("America/New_York", country="US", subdivision="MA")
CLOSED = BusinessCalendar(
    "America/New_York", country="US", subdivision="MA", closure_dates=frozenset({date(2026, 2, 9)})
)
TWO_DAYS = SlaPolicy(18, "hours", "business")


@dataclass
class City:
    owner: Engine
    engine: Engine  # the admin's
    desk: SlaDesk
    admin: StaffIdentity
    admin_url: str | None


@pytest.fixture
def city(demo_db_url: str) -> Iterator[City]:
    owner = make_engine(demo_db_url)
    admin_url = None
    if owner.dialect.name == "postgresql":
        admin_url = make_staff_login(demo_db_url, "admin", display_name="Ada Admin")
        engine = make_engine(admin_url)
        admin = StaffIdentity(login_of(admin_url), "Ada Admin", "admin")
    else:
        engine = owner
        admin = StaffIdentity("admin1", "Ada Admin", "admin")
    desk = SlaDesk(lambda: SqlSlaUnitOfWork(engine), admin, lambda: NOW)
    yield City(owner, engine, desk, admin, admin_url)
    engine.dispose()
    owner.dispose()


def local(day: int, hour: int) -> datetime:
    return datetime(2026, 2, day, hour, tzinfo=BOSTON).astimezone(UTC)


def service_on(owner: Engine, policy_code: str) -> int:
    with owner.connect() as connection:
        return int(
            connection.execute(
                select(services.c.id)
                .join(sla_policies, sla_policies.c.id == services.c.sla_policy_id)
                .where(sla_policies.c.code == policy_code)
                .order_by(services.c.id)
                .limit(1)
            ).scalar_one()
        )


def other_calendar_service(owner: Engine) -> int:
    """A service whose 2-business-day policy runs on a calendar of its own."""
    with owner.begin() as connection:
        calendar = connection.execute(
            insert(business_calendars)
            .values(code="parks", time_zone="America/New_York")
            .returning(business_calendars.c.id)
        ).scalar_one()
        policy = connection.execute(
            insert(sla_policies)
            .values(code="parks-2d", name="Parks, 2 days", target_hours=18, calendar_id=calendar)
            .returning(sla_policies.c.id)
        ).scalar_one()
        service = connection.execute(
            select(services.c.id).where(services.c.sla_policy_id.is_not(None)).limit(1)
        ).scalar_one()
        connection.execute(
            update(services).where(services.c.id == service).values(sla_policy_id=policy)
        )
    return int(service)


def add_case(
    owner: Engine, service_id: int, opened: datetime, due: datetime, status: str = "in_queue"
) -> int:
    risk = at_risk_at(opened, due, TWO_DAYS, CALENDAR)
    with owner.begin() as connection:
        return int(
            connection.execute(
                insert(service_requests)
                .values(
                    reference=f"T-{uuid.uuid4().hex[:12]}",
                    client_uuid=str(uuid.uuid4()),
                    service_id=service_id,
                    status=status,
                    priority="normal",
                    answers={},
                    created_by="import",
                    created_at=opened,
                    updated_at=opened,
                    due_at=due,
                    at_risk_at=risk,
                )
                .returning(service_requests.c.id)
            ).scalar_one()
        )


def clock_of(owner: Engine, case: int) -> tuple[datetime, datetime | None, int]:
    r = service_requests.c
    with owner.connect() as connection:
        row = connection.execute(
            select(r.due_at, r.at_risk_at, r.version).where(r.id == case)
        ).one()
    return row.due_at, row.at_risk_at, row.version


def test_a_snow_day_moves_exactly_the_cases_whose_clock_runs_through_it(city: City) -> None:
    business = service_on(city.owner, "business-2d")
    around_the_clock = service_on(city.owner, "calendar-24h")
    elsewhere = other_calendar_service(city.owner)
    opened = local(6, 10)  # Friday 10:00: due Tuesday 10:00
    due = due_at(opened, TWO_DAYS, CALENDAR)
    assert due == local(10, 10)
    moving = add_case(city.owner, business, opened, due)
    closed = add_case(city.owner, business, opened, due, status="closed")
    other = add_case(city.owner, elsewhere, opened, due)
    early_opened = local(4, 10)
    early = add_case(city.owner, business, early_opened, due_at(early_opened, TWO_DAYS, CALENDAR))
    calendar_clock = add_case(city.owner, around_the_clock, local(8, 10), local(9, 10))
    unmoved = {case: clock_of(city.owner, case) for case in (closed, other, early, calendar_clock)}
    before = clock_of(city.owner, moving)

    request = ClosureRequest("boston", SNOW_DAY, "Snow emergency")
    assert city.desk.preview_closure(request) == 1
    change = city.desk.declare_closure(request)

    assert change.moved == 1
    assert str(change.summary) == "Declared 2026-02-09 closed: 1 open case now due later."
    new_due, new_risk, version = clock_of(city.owner, moving)
    assert new_due == due_at(opened, TWO_DAYS, CLOSED) == local(11, 10)
    assert new_risk == at_risk_at(opened, new_due, TWO_DAYS, CLOSED)
    assert version == before[2] + 1
    assert {case: clock_of(city.owner, case) for case in unmoved} == unmoved
    e = request_events.c
    with city.owner.connect() as connection:
        events = connection.execute(
            select(
                e.request_id, e.kind, e.actor, e.from_value, e.to_value, e.reason, e.public
            ).where(e.kind == "due_changed")
        ).all()
        audit = connection.execute(
            select(config_events.c.kind, config_events.c.subject, config_events.c.actor).where(
                config_events.c.kind.like("closure_%")
            )
        ).all()
    assert [tuple(row) for row in events] == [
        (
            moving,
            "due_changed",
            city.admin.login,
            "2026-02-10 15:00 UTC",
            "2026-02-11 15:00 UTC",
            "Snow emergency (closure day 2026-02-09)",
            True,
        )
    ]
    assert [tuple(row) for row in audit] == [("closure_declared", "boston", city.admin.login)]

    removed = city.desk.remove_closure(ClosureRequest("boston", SNOW_DAY))
    assert removed.moved == 1
    assert (
        str(removed.summary)
        == "2026-02-09 is a working day again: 1 open case is due earlier again."
    )
    assert clock_of(city.owner, moving) == (before[0], before[1], before[2] + 2)
    assert {case: clock_of(city.owner, case) for case in unmoved} == unmoved


def test_a_day_closed_already_is_refused_and_changes_nothing(city: City) -> None:
    """Two admins declaring the same day: the one who comes second is told, nothing doubles."""
    business = service_on(city.owner, "business-2d")
    opened = local(6, 10)
    case = add_case(city.owner, business, opened, due_at(opened, TWO_DAYS, CALENDAR))
    seen_open = city.desk.preview_closure(ClosureRequest("boston", SNOW_DAY))
    assert seen_open == 1
    city.desk.declare_closure(ClosureRequest("boston", SNOW_DAY, "Snow emergency"))
    moved_once = clock_of(city.owner, case)

    with pytest.raises(SlaAdminError, match=r"2026-02-09 is already a closure day of boston"):
        city.desk.declare_closure(ClosureRequest("boston", SNOW_DAY, "Blizzard"))

    assert clock_of(city.owner, case) == moved_once
    with city.owner.connect() as connection:
        kinds = (
            connection.execute(
                select(config_events.c.kind).where(config_events.c.kind.like("closure_%"))
            )
            .scalars()
            .all()
        )
    assert kinds == ["closure_declared"]


@pytest.mark.parametrize(
    ("day", "name", "message"),
    [
        ("2026-02-30", "Snow", r"'2026-02-30' is not a date as YYYY-MM-DD"),
        ("tomorrow", "Snow", r"'tomorrow' is not a date"),
        (SNOW_DAY, "  ", r"A name is needed"),
    ],
)
def test_bad_closure_input_is_refused_at_its_field(
    city: City, day: str, name: str, message: str
) -> None:
    with pytest.raises(SlaAdminError, match=message) as refused:
        city.desk.declare_closure(ClosureRequest("boston", day, name))
    assert refused.value.field in ("day", "name")


def test_a_supervisor_is_refused_by_the_service(city: City) -> None:
    supervisor = StaffIdentity("sup1", "Sam Super", "supervisor")
    desk = SlaDesk(lambda: SqlSlaUnitOfWork(city.owner), supervisor, lambda: NOW)
    with pytest.raises(NotPermittedError, match="change the configuration"):
        desk.declare_closure(ClosureRequest("boston", SNOW_DAY, "Snow emergency"))


def test_the_request_change_feed_sees_the_cases_a_closure_moves(city: City) -> None:
    """Queues learn of the moved due dates as of any case change: the feed reports an update."""
    business = service_on(city.owner, "business-2d")
    opened = local(6, 10)
    moving = add_case(city.owner, business, opened, due_at(opened, TWO_DAYS, CALENDAR))
    url = city.owner.url.render_as_string(hide_password=False)
    feed: PgChangeFeed | SqliteChangeFeed = (
        PgChangeFeed(url) if city.owner.dialect.name == "postgresql" else SqliteChangeFeed(url)
    )
    batches: queue.Queue[ChangeBatch] = queue.Queue()
    feed.start(batches.put)
    try:
        assert batches.get(timeout=10).resync
        desk = SlaDesk(lambda: SqlSlaUnitOfWork(city.engine), city.admin)  # the real clock
        desk.declare_closure(ClosureRequest("boston", SNOW_DAY, "Snow emergency"))
        seen = batches.get(timeout=10).changes
    finally:
        feed.stop()
    version = clock_of(city.owner, moving)[2]
    assert [(c.request_id, c.version, c.kind) for c in seen] == [(moving, version, "update")]


def test_closing_a_day_that_is_no_working_day_moves_nothing_and_says_so(city: City) -> None:
    business = service_on(city.owner, "business-2d")
    opened = local(6, 10)
    case = add_case(city.owner, business, opened, due_at(opened, TWO_DAYS, CALENDAR))
    before = clock_of(city.owner, case)
    sunday = ClosureRequest("boston", "2026-02-08", "Snow emergency")
    assert city.desk.preview_closure(sunday) == 0
    declared = city.desk.declare_closure(sunday)
    assert str(declared.summary) == (
        "Declared 2026-02-08 closed: it was no working day anyway, so no due date moved."
    )
    removed = city.desk.remove_closure(sunday)
    assert str(removed.summary) == (
        "2026-02-08 is no longer a closure day; it is no working day anyway, so no due date moved."
    )
    assert clock_of(city.owner, case) == before
