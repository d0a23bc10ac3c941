"""History events by direct SQL as each role: only the kinds its actions write, on their cases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import DBAPIError

from operator_console.storage.db.event_kinds import BY_KIND, EventScope, writers
from tests.support.pg_cluster import PgCluster
from tests.support.security_city import SecurityCity, fresh_city, tally

INSUFFICIENT_PRIVILEGE = "42501"
STAFF_ROLES = ("operator", "dispatcher", "supervisor", "admin")
TARGETS = ("RA", "RB", "RN", "OWN")
"""A case of department A (the dispatcher's and supervisor's), one of department B, one with no
queue (all three filed by someone else), and one the login files in department B just before."""
_FILE_OWN = (
    "INSERT INTO service_requests (reference, client_uuid, service_id, status, priority, answers,"
    " queue_id, created_by, created_at, updated_at) SELECT 'OWN', 'own-uuid', s.id, 'in_queue',"
    " 'normal', '{}', q.id, 'x', now(), now() FROM services s, queues q"
    " WHERE s.code = 'graffiti' AND q.code = 'QB'"
)
_EVENT = (
    "INSERT INTO request_events (request_id, at, actor, kind, reason) SELECT id, now(), 'x', "
    ":kind, 'by hand' FROM service_requests WHERE reference = :reference"
)


@dataclass(frozen=True)
class EventAttempt:
    role: str
    kind: str
    target: str

    @property
    def allowed(self) -> bool:
        rule = BY_KIND.get(self.kind)
        if rule is None or self.role not in {role.value for role in writers(self.kind)}:
            return False
        if rule.scope is EventScope.OWN_FILING:
            return self.target == "OWN"
        if rule.scope is EventScope.DEPARTMENT:
            return self.role == "admin" or self.target in ("RA", "RN")
        return True


ATTEMPTS = [
    EventAttempt(role, kind, target)
    for role in STAFF_ROLES
    for kind in (*BY_KIND, "forged")
    for target in TARGETS
]


@pytest.fixture(scope="module")
def city(pg_cluster: PgCluster) -> Iterator[SecurityCity]:
    built = fresh_city(pg_cluster)
    yield built
    built.dispose()


def _write_event(connection: Connection, kind: str, target: str) -> int:
    if target == "OWN":
        connection.execute(text(_FILE_OWN))
    return connection.execute(text(_EVENT), {"kind": kind, "reference": target}).rowcount


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=lambda a: f"{a.role}-{a.kind}-{a.target}")
def test_a_group_writes_only_its_actions_event_kinds_on_the_cases_they_go_on(
    city: SecurityCity, attempt: EventAttempt, request: pytest.FixtureRequest
) -> None:
    counted = tally(request.config)
    with city.attempt(attempt.role) as connection:
        try:
            written = _write_event(connection, attempt.kind, attempt.target)
        except DBAPIError as error:
            assert not attempt.allowed, f"refused: {error.orig}"
            assert getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE, str(error.orig)
            counted.refused_by_error += 1
            return
    assert attempt.allowed, f"{attempt.role} wrote a {attempt.kind!r} event on {attempt.target}"
    assert written == 1
    counted.allowed += 1


def test_the_operator_is_told_who_they_are_and_which_kind_is_refused(city: SecurityCity) -> None:
    login = city.login("operator")
    with city.attempt("operator") as connection, pytest.raises(DBAPIError) as raised:
        _write_event(connection, "resolved", "RA")
    said = str(raised.value.orig)
    assert f"{login} is an operator: only supervisors and admins write history events of kind " in (
        said
    )
    assert "'resolved'" in said
    with city.attempt("operator") as connection, pytest.raises(DBAPIError) as raised:
        _write_event(connection, "created", "RB")
    assert "history events of kind 'created' go only on a request this login filed, and RB" in (
        str(raised.value.orig)
    )
    with city.attempt("operator") as connection, pytest.raises(DBAPIError) as raised:
        _write_event(connection, "forged", "RA")
    assert "no console action writes history events of kind 'forged'" in str(raised.value.orig)


def test_a_dispatcher_assigns_on_paper_only_in_their_departments(city: SecurityCity) -> None:
    with city.attempt("dispatcher") as connection, pytest.raises(DBAPIError) as raised:
        _write_event(connection, "assigned", "RB")
    said = str(raised.value.orig)
    assert f"{city.login('dispatcher')} is a dispatcher" in said
    assert "RB is in the queue of a department whose cases this login may not change" in said
    assert "'assigned'" in said


def test_the_owner_writes_every_kind_on_every_case(city: SecurityCity) -> None:
    engine = create_engine(city.admin_url)
    with engine.connect() as connection:
        for kind in ("resolved", "created", "imported"):
            assert _write_event(connection, kind, "RB") == 1
        connection.rollback()
    engine.dispose()
