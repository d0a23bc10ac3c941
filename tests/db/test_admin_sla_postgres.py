"""On PostgreSQL the database itself keeps closure days and due-date history to admins, and
changes to one calendar run one at a time."""

from __future__ import annotations

from threading import Thread

import pytest
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.exc import DBAPIError

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.sla.actions import SlaChange
from operator_console.services.admin.sla.closures import ClosureRequest
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.services.admin.sla.errors import SlaAdminError
from operator_console.services.admin.sla.ports import ClosureDay
from operator_console.storage.admin.sla.store import SqlSlaUnitOfWork
from operator_console.storage.db.tables import (
    business_calendars,
    calendar_closures,
    service_requests,
)
from tests.support.staff_logins import login_of, make_staff_login


@pytest.fixture
def supervisor(demo_pg_url: str) -> Engine:
    return create_engine(make_staff_login(demo_pg_url, "supervisor"))


def test_a_supervisor_login_cannot_declare_a_closure_day(supervisor: Engine) -> None:
    with supervisor.connect() as connection:
        calendar = connection.execute(select(business_calendars.c.id)).scalars().first()
        with pytest.raises(DBAPIError, match="permission denied for table calendar_closures"):
            connection.execute(
                insert(calendar_closures).values(
                    calendar_id=calendar, day="2026-02-09", name="Snow emergency"
                )
            )
    supervisor.dispose()


def test_a_supervisor_login_cannot_write_a_due_date_move_into_history(supervisor: Engine) -> None:
    with supervisor.connect() as connection:
        case = connection.execute(select(service_requests.c.id).limit(1)).scalar_one()
        with pytest.raises(DBAPIError, match="history events of kind 'due_changed'"):
            connection.execute(
                text(
                    "INSERT INTO request_events (request_id, at, actor, kind, reason, public) "
                    "VALUES (:case, now(), current_user, 'due_changed', 'Snow', true)"
                ),
                {"case": case},
            )
    supervisor.dispose()


def test_changes_to_one_calendar_run_one_at_a_time(demo_pg_url: str) -> None:
    """While an admin's closure change holds the calendar, another waits for it (and then reads
    what it committed), so two admins cannot each move due dates from a stale calendar."""
    admin = create_engine(make_staff_login(demo_pg_url, "admin"))
    other = create_engine(demo_pg_url)
    held = text("SELECT id FROM business_calendars WHERE code = 'boston' FOR UPDATE NOWAIT")
    with SqlSlaUnitOfWork(admin) as uow:
        assert uow.lock_calendar("boston") is not None
        with other.connect() as connection, pytest.raises(DBAPIError, match="could not obtain"):
            connection.execute(held)
    with other.connect() as connection:
        assert connection.execute(held).scalar_one()
    admin.dispose()
    other.dispose()


def test_two_admins_declaring_the_same_day_at_once_one_wins_and_the_other_is_told(
    demo_pg_url: str,
) -> None:
    first = create_engine(make_staff_login(demo_pg_url, "admin"))
    second_url = make_staff_login(demo_pg_url, "admin")
    second = create_engine(second_url)
    desk = SlaDesk(
        lambda: SqlSlaUnitOfWork(second), StaffIdentity(login_of(second_url), "Bo", "admin")
    )
    outcome: list[SlaChange | BaseException] = []

    def declare() -> None:
        try:
            outcome.append(desk.declare_closure(ClosureRequest("boston", "2026-02-09", "Snow")))
        except SlaAdminError as refused:
            outcome.append(refused)

    with SqlSlaUnitOfWork(first) as uow:
        assert uow.lock_calendar("boston") is not None
        uow.add_closure("boston", ClosureDay("2026-02-09", "Snow emergency"))
        racing = Thread(target=declare)
        racing.start()  # waits for the calendar, or comes after: told either way
        uow.commit()
    racing.join(timeout=60)
    [refused] = outcome
    assert isinstance(refused, SlaAdminError)
    assert str(refused) == "2026-02-09 is already a closure day of boston (Snow emergency)."
    with first.connect() as connection:
        closures = connection.execute(select(calendar_closures.c.name)).scalars().all()
    assert closures == ["Snow emergency"]
    first.dispose()
    second.dispose()
