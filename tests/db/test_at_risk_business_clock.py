"""at_risk_at on the category's own clock: stored by intake and re-routing, kept by the rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, update

from operator_console.domain.lifecycle import Priority
from operator_console.domain.sla import at_risk_at
from operator_console.services.cases.actions import change_priority, reroute_case
from operator_console.services.cases.commands import CaseRef, ChangePriority, RerouteCase
from operator_console.services.cases.detail import sla_standing
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests, services
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.case_calls import submit_streetlight
from tests.support.staff import SUPERVISOR1

MONDAY_NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # Thanksgiving falls in the window
r = service_requests.c


def _row(engine: Engine, request_id: int) -> Any:
    with engine.connect() as connection:
        return connection.execute(select(service_requests).where(r.id == request_id)).one()


def _business_at_risk(engine: Engine, code: str, opened: datetime, due: datetime) -> datetime:
    with SqlIntakeUnitOfWork(engine) as uow:
        setup = uow.service_setup(code)
    assert setup is not None and setup.sla is not None and setup.sla.clock == "business"
    return at_risk_at(opened, due, setup.sla, setup.calendar)


def test_intake_stores_business_hours_and_case_actions_keep_them(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    case_id = submit_streetlight(engine, MONDAY_NOON)
    row = _row(engine, case_id)
    business = _business_at_risk(engine, "street-light-outages", MONDAY_NOON, row.due_at)
    wall_clock = MONDAY_NOON + (row.due_at - MONDAY_NOON) * 0.75
    assert abs(business - wall_clock) > timedelta(hours=12)  # the two rules really differ
    assert row.at_risk_at == business

    command = ChangePriority((CaseRef(case_id, row.version),), Priority.HIGH, "school nearby")
    change_priority(SqlCaseUnitOfWork(engine), command, SUPERVISOR1, MONDAY_NOON)
    assert _row(engine, case_id).at_risk_at == business  # written back as it was read

    with SqlCaseDetailReader(engine) as reader:
        record = reader.case_record(case_id)
    assert record is not None and record.state.at_risk_at == business
    just_before, at = business - timedelta(minutes=1), business
    assert sla_standing(record, None, just_before).state is None  # no setup: no state
    with SqlIntakeUnitOfWork(engine) as uow:
        setup = uow.service_setup("street-light-outages")
    assert sla_standing(record, setup, just_before).state == "on_time"
    assert sla_standing(record, setup, at).state == "at_risk"
    engine.dispose()


def test_a_writer_without_it_gets_the_wall_clock_rule(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    case_id = submit_streetlight(engine, MONDAY_NOON)
    due = MONDAY_NOON + timedelta(days=4)
    with engine.begin() as connection:  # an import that knows nothing of at_risk_at
        connection.execute(update(service_requests).where(r.id == case_id).values(due_at=due))
    assert _row(engine, case_id).at_risk_at == MONDAY_NOON + timedelta(days=3)
    engine.dispose()


def test_rerouting_to_another_category_restarts_it_on_that_clock(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    case_id = submit_streetlight(engine, MONDAY_NOON)
    row = _row(engine, case_id)
    command = RerouteCase(CaseRef(case_id, row.version), "wrong category", "abandoned-building")
    reroute_case(SqlCaseUnitOfWork(engine), command, SUPERVISOR1, MONDAY_NOON)
    after = _row(engine, case_id)
    assert after.due_at is not None and after.due_at < row.due_at  # 5 business days, not 10
    assert after.at_risk_at == _business_at_risk(
        engine, "abandoned-building", MONDAY_NOON, after.due_at
    )
    engine.dispose()


def test_the_demo_history_is_stored_on_each_category_s_clock(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(r.id, r.created_at, r.due_at, r.at_risk_at, r.closed_at, services.c.code)
            .join(services, services.c.id == r.service_id)
            .where(r.created_by == "import")
        ).all()
    assert len(rows) > 20000
    setups: dict[str, Any] = {}
    open_on_business_hours = 0
    with SqlIntakeUnitOfWork(engine) as uow:
        for row in rows:
            if row.code not in setups:
                setups[row.code] = uow.service_setup(row.code)
            setup = setups[row.code]
            if row.due_at is None:
                assert row.at_risk_at is None, row.id
                continue
            wall_clock = row.created_at + (row.due_at - row.created_at) * 0.75
            if setup is None or setup.sla is None:  # a due date from the city, no policy here
                assert abs(row.at_risk_at - wall_clock) <= timedelta(microseconds=1), row.id
                continue
            expected = at_risk_at(row.created_at, row.due_at, setup.sla, setup.calendar)
            assert row.at_risk_at == expected, row.id
            if row.closed_at is None and abs(expected - wall_clock) > timedelta(hours=1):
                open_on_business_hours += 1
    assert open_on_business_hours > 1000  # the two rules really differ on the open backlog
    engine.dispose()
