"""Queues & teams administration: each change one transaction with its audit line, refusals in
words at their field, no lost update between two admins, and the database's own refusal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.exc import DBAPIError

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.admin.queues.desk import QueueDesk
from operator_console.services.admin.queues.errors import (
    QueueAdminError,
    QueueChangedMeanwhileError,
)
from operator_console.services.admin.queues.ports import QueueDraft, QueueRow
from operator_console.storage.admin.queues.store import SqlQueueAdminUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    config_events,
    departments,
    queues,
    routing_rules,
    service_requests,
)
from tests.support.rows import add_requests
from tests.support.staff_logins import login_of, make_staff_login

ADMIN = StaffIdentity("admin1", "Ada Admin", "admin")
NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """Public Works with the queue PWD_STREETS holding 3 open cases, and Transportation."""
    engine = make_engine(db_url)
    add_requests(engine, 3)
    with engine.begin() as connection:
        connection.execute(insert(departments).values(code="BTD", name="Transportation"))
    yield engine
    engine.dispose()


def desk_on(engine: Engine, actor: StaffIdentity = ADMIN) -> QueueDesk:
    return QueueDesk(lambda: SqlQueueAdminUnitOfWork(engine), actor, lambda: NOW)


def events(engine: Engine) -> list[tuple[str, str, str]]:
    e = config_events.c
    with engine.connect() as connection:
        rows = connection.execute(select(e.kind, e.subject, e.detail).order_by(e.id)).all()
    return [(row.kind, row.subject, row.detail) for row in rows]


def row(desk: QueueDesk, code: str) -> QueueRow:
    found = desk.tree().queue(code)
    assert found is not None
    return found


def test_an_admin_adds_a_queue_and_a_team_under_it_each_with_its_audit_line(
    engine: Engine,
) -> None:
    desk = desk_on(engine)
    desk.add(QueueDraft("PWD_SIGNS", "Signs", "PWD"))
    change = desk.add(QueueDraft("PWD_SIGNS_NIGHT", "Night crew", "", "crew", "PWD_SIGNS"))
    assert (
        str(change.summary())
        == "Added the crew Night crew (PWD_SIGNS_NIGHT) under Signs (PWD_SIGNS)."
    )
    tree = desk.tree()
    assert [q.code for q in tree.in_department("PWD")] == ["PWD_SIGNS", "PWD_STREETS"]
    [crew] = tree.under("PWD_SIGNS")
    assert (crew.values.kind, crew.values.department_code) == ("crew", "PWD")
    assert events(engine) == [
        ("queue_added", "PWD_SIGNS", "Added the queue Signs (PWD_SIGNS) to Public Works."),
        ("team_added", "PWD_SIGNS_NIGHT", str(change.detail)),
    ]


@pytest.mark.parametrize(
    ("draft", "field", "words"),
    [
        (QueueDraft("PWD_SIGNS", "   ", "PWD"), "name", "Give it a name"),
        (QueueDraft("", "Signs", "PWD"), "code", "Give it a code"),
        (QueueDraft("PWD_STREETS", "Signs", "PWD"), "code", "already used by Streets"),
        (QueueDraft("PWD_SIGNS", "Signs", "NOPE"), "department", "There is no department NOPE"),
        (QueueDraft("T1", "Team", "", "team", ""), "parent", "Choose the queue the team"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_nothing_is_written(
    engine: Engine, draft: QueueDraft, field: str, words: str
) -> None:
    with pytest.raises(QueueAdminError) as refused:
        desk_on(engine).add(draft)
    assert refused.value.field == field
    assert words in str(refused.value)
    assert events(engine) == []


def test_moving_a_queue_takes_its_teams_to_the_new_department(engine: Engine) -> None:
    desk = desk_on(engine)
    desk.add(QueueDraft("PWD_STREETS_DAY", "Day team", "", "team", "PWD_STREETS"))
    change = desk.move(row(desk, "PWD_STREETS"), "BTD")
    assert str(change.detail) == (
        "Moved the queue Streets (PWD_STREETS) from Public Works to Transportation "
        "with its 1 team or crew."
    )
    tree = desk.tree()
    assert [q.code for q in tree.in_department("BTD")] == ["PWD_STREETS"]
    assert row(desk, "PWD_STREETS_DAY").values.department_code == "BTD"


def test_deactivating_a_queue_keeps_its_cases_and_says_how_many(engine: Engine) -> None:
    desk = desk_on(engine)
    streets = row(desk, "PWD_STREETS")
    assert streets.open_cases == 3
    assert desk.use_of(streets).open_cases == 3
    change = desk.set_active(streets, False)
    assert "its 3 open cases stay in it" in str(change.detail)
    assert not row(desk, "PWD_STREETS").values.active
    with engine.connect() as connection:
        kept = connection.scalar(
            select(queues.c.code).join(service_requests, service_requests.c.queue_id == queues.c.id)
        )
    assert kept == "PWD_STREETS"
    desk.set_active(row(desk, "PWD_STREETS"), True)
    assert [kind for kind, _subject, _detail in events(engine)] == ["queue_changed"] * 2


def test_a_queue_routing_still_sends_requests_to_stays_active(engine: Engine) -> None:
    desk = desk_on(engine)
    streets = row(desk, "PWD_STREETS")
    with engine.begin() as connection:
        connection.execute(insert(routing_rules).values(queue_id=streets.id, rank=10))
    with pytest.raises(QueueAdminError, match=r"still receives new requests \(1 routing rule"):
        desk.set_active(streets, False)
    assert row(desk, "PWD_STREETS").values.active


def test_a_second_admin_editing_what_the_first_changed_is_told_and_nothing_is_lost(
    engine: Engine,
) -> None:
    first, second = desk_on(engine), desk_on(engine, StaffIdentity("admin2", "Bo", "admin"))
    seen_by_first, seen_by_second = row(first, "PWD_STREETS"), row(second, "PWD_STREETS")
    first.rename(seen_by_first, "Streets and sidewalks")
    with pytest.raises(QueueChangedMeanwhileError, match="renamed it Streets and sidewalks"):
        second.move(seen_by_second, "BTD")
    now = row(first, "PWD_STREETS").values
    assert (now.name, now.department_code) == ("Streets and sidewalks", "PWD")
    assert len(events(engine)) == 1


def test_a_supervisor_is_refused_in_words(engine: Engine) -> None:
    desk = desk_on(engine, StaffIdentity("supervisor1", "Sam", "supervisor"))
    with pytest.raises(NotPermittedError, match="change the configuration"):
        desk.add(QueueDraft("PWD_SIGNS", "Signs", "PWD"))
    assert events(engine) == []


def test_postgresql_refuses_a_supervisor_s_own_insert_and_names_an_admin_in_the_trail(
    pg_url: str,
) -> None:
    setup = make_engine(pg_url)
    add_requests(setup, 1)
    setup.dispose()
    supervisor = create_engine(make_staff_login(pg_url, "supervisor", departments=["PWD"]))
    try:
        with pytest.raises(DBAPIError, match="permission denied"), supervisor.begin() as c:
            c.execute(
                text(
                    "INSERT INTO queues (code, name, department_id) "
                    "SELECT 'X', 'X', id FROM departments"
                )
            )
    finally:
        supervisor.dispose()
    admin_url = make_staff_login(pg_url, "admin")
    admin = make_engine(admin_url)
    try:
        desk_on(admin).add(QueueDraft("PWD_SIGNS", "Signs", "PWD"))
        with admin.connect() as connection:
            actor = connection.scalar(select(config_events.c.actor))
    finally:
        admin.dispose()
    assert actor == login_of(admin_url)
