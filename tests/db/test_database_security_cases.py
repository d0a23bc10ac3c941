"""Cases, history, actors, public views and staff functions, by direct SQL as each role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.support.pg_cluster import PgCluster
from tests.support.security_city import (
    INTERNAL_NOTE,
    PUBLIC_NOTE,
    ROLES,
    SecurityCity,
    fresh_city,
    tally,
)
from tests.support.staff_logins import login_of, make_staff_login, unique_login, url_as

INSUFFICIENT_PRIVILEGE = "42501"
_QA2 = "(SELECT id FROM queues WHERE code = 'QA2')"
_QSPARE = "(SELECT id FROM queues WHERE code = 'QSPARE')"  # in department B
_GRAFFITI = "(SELECT id FROM services WHERE code = 'graffiti')"
_RA2 = "(SELECT id FROM service_requests WHERE reference = 'RA2')"

CHANGES = {
    "assign": f"queue_id = {_QA2}, assigned_at = now()",
    "start work": "status = 'in_progress'",
    "change priority": "priority = 'urgent'",
    "resolve": "status = 'resolved', resolved_at = now(), closure_reason = 'fixed'",
    "re-route": f"service_id = {_GRAFFITI}, routing_explanation = 'graffiti after all'",
    "mark duplicate": f"parent_id = {_RA2}, closure_reason = 'duplicate'",
    "send to department B": f"queue_id = {_QSPARE}",
    "note (version only)": "first_action_at = coalesce(first_action_at, now())",
    "reopen": "status = 'in_queue', resolved_at = NULL, closure_reason = NULL",
}
"""What each case action changes; every change also bumps the version, as the console does."""
DISPATCHER_MAY = {"assign", "start work", "send to department B", "note (version only)"}


@dataclass(frozen=True)
class CaseChange:
    role: str
    reference: str
    change: str
    allowed: bool


def _allowed(role: str, reference: str, change: str) -> bool:
    if change == "note (version only)":
        return role != "public"
    if role == "admin":
        return True
    own_department = reference in ("RA", "RN")  # RN has no queue: anyone's to handle
    if role == "supervisor":
        return own_department
    if role == "dispatcher":
        return own_department and change in DISPATCHER_MAY
    return False


CASE_CHANGES = [
    CaseChange(role, reference, change, _allowed(role, reference, change))
    for role in ROLES
    for reference in ("RA", "RB", "RN")
    for change in CHANGES
    if change != "reopen"
] + [
    CaseChange(role, "RZ", "reopen", role in ("supervisor", "admin"))
    for role in ROLES  # RZ is resolved, in department A
]


@pytest.fixture(scope="module")
def city(pg_cluster: PgCluster) -> Iterator[SecurityCity]:
    built = fresh_city(pg_cluster)
    yield built
    built.dispose()


def _refused(error: DBAPIError) -> bool:
    return getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


@pytest.mark.parametrize(
    "attempt", CASE_CHANGES, ids=lambda a: f"{a.role}-{a.reference}-{a.change.replace(' ', '_')}"
)
def test_a_case_changes_only_as_the_role_and_department_allow(
    city: SecurityCity, attempt: CaseChange, request: pytest.FixtureRequest
) -> None:
    counted = tally(request.config)
    statement = (
        f"UPDATE service_requests SET {CHANGES[attempt.change]}, version = version + 1, "
        f"updated_at = now() WHERE reference = '{attempt.reference}'"
    )
    with city.attempt(attempt.role) as connection:
        try:
            changed = connection.execute(text(statement)).rowcount
        except DBAPIError as error:
            assert not attempt.allowed, f"refused: {error.orig}"
            assert _refused(error), str(error.orig)
            counted.refused_by_error += 1
            return
    assert attempt.allowed, f"{attempt.role} could {attempt.change} {attempt.reference}"
    assert changed == 1
    counted.allowed += 1


def test_a_refusal_says_who_is_refused_what_and_why(city: SecurityCity) -> None:
    with city.attempt("dispatcher") as connection, pytest.raises(DBAPIError) as raised:
        connection.execute(
            text("UPDATE service_requests SET priority = 'urgent' WHERE reference = 'RA'")
        )
    said = str(raised.value.orig)
    assert f"{city.login('dispatcher')} is a dispatcher" in said
    assert "only supervisors and admins change the priority of RA" in said
    with city.attempt("supervisor") as connection, pytest.raises(DBAPIError) as raised:
        connection.execute(
            text("UPDATE service_requests SET status = 'in_progress' WHERE reference = 'RB'")
        )
    assert "RB is in the queue of a department whose cases this login may not change" in str(
        raised.value.orig
    )


ACTORS = {
    "request_events": (
        "INSERT INTO request_events (request_id, at, actor, kind, reason) SELECT id, now(), "
        "'admin1', 'note', 'forged' FROM service_requests WHERE reference = 'RA' "
        "RETURNING actor"
    ),
    "service_requests": (
        "INSERT INTO service_requests (reference, client_uuid, service_id, status, priority, "
        "answers, created_by, created_at, updated_at) SELECT 'F1', 'f-1', id, 'received', "
        "'normal', '{}', 'admin1', now(), now() FROM services WHERE code = 'pothole' "
        "RETURNING created_by"
    ),
    "attachments": (
        "INSERT INTO attachments (request_id, filename, content_type, size_bytes, content, "
        "created_at, created_by) SELECT id, 'f.jpg', 'image/jpeg', 1, '\\x01', now(), 'admin1' "
        "FROM service_requests WHERE reference = 'RA' RETURNING created_by"
    ),
    "request_followers": (
        "INSERT INTO request_followers (request_id, caller_id, added_at, added_by) SELECT r.id, "
        "c.id, now(), 'admin1' FROM service_requests r, callers c WHERE r.reference = 'RB' AND "
        "c.phone = '+16175550199' RETURNING added_by"
    ),
}


@pytest.mark.parametrize("table", sorted(ACTORS))
@pytest.mark.parametrize("role", ["operator", "dispatcher", "supervisor", "admin"])
def test_an_actor_sent_by_the_client_is_replaced_by_the_login(
    city: SecurityCity, role: str, table: str, request: pytest.FixtureRequest
) -> None:
    with city.attempt(role) as connection:
        recorded = connection.execute(text(ACTORS[table])).scalar_one()
    assert recorded == city.login(role)
    tally(request.config).refused_by_filter += 1


def test_the_owner_keeps_the_actor_it_writes(city: SecurityCity) -> None:
    engine = create_engine(city.admin_url)
    with engine.connect() as connection:
        recorded = connection.execute(text(ACTORS["request_events"])).scalar_one()
        connection.rollback()
    engine.dispose()
    assert recorded == "admin1"


@pytest.mark.parametrize("table", ["request_events", "staff_events", "config_events"])
@pytest.mark.parametrize(
    "statement", ["UPDATE {table} SET actor = 'someone'", "DELETE FROM {table}"]
)
def test_history_stays_append_only_even_for_a_login_granted_to_change_it(
    city: SecurityCity, table: str, statement: str, request: pytest.FixtureRequest
) -> None:
    url = make_staff_login(city.admin_url, "admin")
    admin = create_engine(city.admin_url)
    with admin.begin() as connection:
        connection.execute(text(f'GRANT UPDATE, DELETE ON {table} TO "{login_of(url)}"'))
        connection.execute(
            text("INSERT INTO config_events (at, actor, kind) VALUES (now(), 'x', 'city_loaded')")
        )
    admin.dispose()
    engine = create_engine(url)
    with engine.connect() as connection, pytest.raises(DBAPIError) as raised:
        connection.execute(text(statement.format(table=table)))
    engine.dispose()
    assert _refused(raised.value)
    assert f"The history in {table} is append-only" in str(raised.value.orig)
    tally(request.config).refused_by_error += 1


def test_the_owner_may_still_correct_history(city: SecurityCity) -> None:
    engine = create_engine(city.admin_url)
    with engine.connect() as connection:
        assert connection.execute(text("DELETE FROM request_events")).rowcount > 0
        connection.rollback()
    engine.dispose()


@pytest.mark.parametrize("role", ROLES)
def test_public_views_show_no_internal_note_and_no_caller(
    city: SecurityCity, role: str, request: pytest.FixtureRequest
) -> None:
    with city.attempt(role) as connection:
        reasons = set(
            connection.execute(text("SELECT reason FROM public_request_events")).scalars()
        )
        cases = connection.execute(text("SELECT * FROM public_service_requests"))
        columns, references = set(cases.keys()), {row.reference for row in cases}
    assert PUBLIC_NOTE in reasons
    assert INTERNAL_NOTE not in reasons
    assert references == {"RA", "RA2", "RB", "RN", "RZ"}  # RS is of a staff-only service
    assert not columns & {"caller_id", "created_by", "assignee_id", "priority", "closure_note"}
    tally(request.config).refused_by_filter += 1


@pytest.mark.parametrize("role", ["operator", "dispatcher", "supervisor", "public"])
@pytest.mark.parametrize(
    "call",
    [
        "SELECT staff_add('intruder', 'Intruder', 'admin', NULL, NULL)",
        "SELECT staff_set_role('spare_staff', 'admin')",
        "SELECT staff_disable('spare_staff')",
        "SELECT staff_enable('spare_staff')",
    ],
)
def test_only_admins_manage_staff(
    city: SecurityCity, role: str, call: str, request: pytest.FixtureRequest
) -> None:
    with city.attempt(role) as connection, pytest.raises(DBAPIError) as raised:
        connection.execute(text(call))
    assert _refused(raised.value)
    tally(request.config).refused_by_error += 1


def test_whoami_tells_each_staff_login_its_role_and_refuses_the_public_reader(
    city: SecurityCity,
) -> None:
    for role in ("operator", "dispatcher", "supervisor", "admin"):
        with city.attempt(role) as connection:
            row = connection.execute(text("SELECT * FROM staff_whoami()")).one()
        assert (row.login, row.role, row.active) == (city.login(role), role, True)
    with city.attempt("public") as connection, pytest.raises(DBAPIError) as raised:
        connection.execute(text("SELECT * FROM staff_whoami()"))
    assert _refused(raised.value)


def test_an_admin_adds_changes_disables_and_enables_a_login(city: SecurityCity) -> None:
    clerk = unique_login("clerk")
    with city.engines["admin"].begin() as connection:
        connection.execute(
            text("SELECT staff_add(:login, 'New Clerk', 'operator', NULL, NULL)"), {"login": clerk}
        )
        connection.execute(text("SELECT staff_set_role(:login, 'dispatcher')"), {"login": clerk})
        connection.execute(text("SELECT staff_disable(:login)"), {"login": clerk})
    admin = create_engine(city.admin_url)
    with admin.connect() as connection:
        events = connection.execute(
            text(
                "SELECT actor, kind, from_value, to_value FROM staff_events WHERE login = :login "
                "ORDER BY id"
            ),
            {"login": clerk},
        ).all()
        may_log_in = connection.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :login"), {"login": clerk}
        ).scalar_one()
        groups = (
            connection.execute(
                text(
                    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                    "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :login"
                ),
                {"login": clerk},
            )
            .scalars()
            .all()
        )
    actor = city.login("admin")
    assert [tuple(event) for event in events] == [
        (actor, "added", None, "operator"),
        (actor, "role_changed", "operator", "dispatcher"),
        (actor, "disabled", "active", "disabled"),
    ]
    assert not may_log_in
    assert groups == ["console_dispatcher"]
    dsn = make_url(url_as(city.admin_url, clerk)).set(drivername="postgresql")
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(dsn.render_as_string(hide_password=False))
    with city.engines["admin"].begin() as connection:
        connection.execute(text("SELECT staff_enable(:login)"), {"login": clerk})
    with admin.connect() as connection:
        assert connection.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :login"), {"login": clerk}
        ).scalar_one()
    admin.dispose()


@pytest.mark.parametrize(
    ("call", "said"),
    [
        ("SELECT staff_add('t_x1', 'X', 'boss', NULL, NULL)", "Unknown staff role 'boss'"),
        ("SELECT staff_add('t_x2', 'X', 'operator', NULL, 'secret')", "SCRAM-SHA-256 verifier"),
        ("SELECT staff_add('spare_staff', 'X', 'operator', NULL, NULL)", "already a staff member"),
        (
            "SELECT staff_add('postgres', 'X', 'operator', NULL, NULL)",
            "is not a plain login",
        ),
        ("SELECT staff_set_role('nobody_here', 'admin')", "No staff member has the login"),
    ],
)
def test_staff_functions_refuse_bad_input_in_words(
    city: SecurityCity, call: str, said: str
) -> None:
    with city.attempt("admin") as connection, pytest.raises(DBAPIError, match=said):
        connection.execute(text(call))


def test_a_login_in_no_console_group_reads_nothing(city: SecurityCity) -> None:
    admin = create_engine(city.admin_url)
    stranger = unique_login("stranger")
    with admin.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{stranger}" LOGIN'))
    admin.dispose()
    engine = create_engine(url_as(city.admin_url, stranger))
    with engine.connect() as connection, pytest.raises(DBAPIError) as raised:
        connection.execute(text("SELECT count(*) FROM service_requests"))
    engine.dispose()
    assert _refused(raised.value)


@pytest.mark.parametrize("role", ["operator", "dispatcher", "supervisor", "admin"])
def test_only_supervisors_and_admins_file_in_a_staff_only_service(
    city: SecurityCity, role: str, request: pytest.FixtureRequest
) -> None:
    counted = tally(request.config)
    statement = ACTORS["service_requests"].replace("'pothole'", "'inspection'")
    with city.attempt(role) as connection:
        try:
            connection.execute(text(statement))
        except DBAPIError as error:
            assert role in ("operator", "dispatcher")
            assert _refused(error)
            assert "only supervisors and admins file requests in staff-only services" in str(
                error.orig
            )
            counted.refused_by_error += 1
            return
    assert role in ("supervisor", "admin")
    counted.allowed += 1


def test_staff_functions_adopt_only_plain_logins_and_never_set_their_password(
    city: SecurityCity, request: pytest.FixtureRequest
) -> None:
    plain, powerful = unique_login("kerberos"), unique_login("dba")
    admin = create_engine(city.admin_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{plain}" NOLOGIN'))
        connection.execute(text(f'CREATE ROLE "{powerful}" LOGIN CREATEROLE'))
        connection.execute(
            text(
                "INSERT INTO staff (login, display_name, role) VALUES (:login, 'DBA', 'operator')"
            ),
            {"login": powerful},
        )
    with admin.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{powerful}x" LOGIN BYPASSRLS'))
    refusals = {
        f"SELECT staff_add('{plain}', 'K', 'operator', NULL, 'SCRAM-SHA-256$4096:x')": (
            "its password stays the database administrator's to set"
        ),
        f"SELECT staff_add('{powerful}x', 'D', 'operator', NULL, NULL)": "is not a plain login",
        f"SELECT staff_disable('{powerful}')": "is not a plain login",
        f"SELECT staff_set_role('{powerful}', 'admin')": "is not a plain login",
    }
    for call, said in refusals.items():
        with city.attempt("admin") as connection, pytest.raises(DBAPIError) as raised:
            connection.execute(text(call))
        assert _refused(raised.value)
        assert said in str(raised.value.orig)
        tally(request.config).refused_by_error += 1
    with city.engines["admin"].begin() as connection:
        connection.execute(text(f"SELECT staff_add('{plain}', 'K', 'operator', NULL, NULL)"))
    with admin.connect() as connection:
        may_log_in = connection.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :login"), {"login": plain}
        ).scalar_one()
        assert may_log_in
    admin.dispose()
