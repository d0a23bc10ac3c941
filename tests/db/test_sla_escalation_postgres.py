"""The escalation pass on PostgreSQL: each rule fires once per case, whoever runs it and how often,
and only the case's department reads and acknowledges its alerts (direct SQL as each login)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from operator_console.services.escalation.escalation_pass import run_escalations
from operator_console.storage.escalation.store import SqlEscalationStore
from tests.support.pg_cluster import PgCluster
from tests.support.security_city import SecurityCity, fresh_city
from tests.support.staff_logins import login_of, make_staff_login

DUE = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)  # a Monday, 10:00 in the city (New York)
AT_RISK = DUE - timedelta(hours=3)
_RULES = """
INSERT INTO escalation_rules (id, sla_policy_id, trigger, hours, action, queue_id) VALUES
    (1, (SELECT id FROM sla_policies WHERE code = 'p1'), 'at_risk', NULL, 'notify', NULL),
    (2, NULL, 'overdue', NULL, 'raise_priority', NULL),
    (3, (SELECT id FROM sla_policies WHERE code = 'p1'), 'overdue_by', 2, 'move_queue',
     (SELECT id FROM queues WHERE code = 'QA2'))
"""


@pytest.fixture
def city(pg_cluster: PgCluster) -> Iterator[SecurityCity]:
    built = fresh_city(pg_cluster)
    owner = create_engine(built.admin_url)
    with owner.begin() as connection:
        connection.execute(text(_RULES))
        connection.execute(
            text(
                "UPDATE services SET sla_policy_id ="
                " (SELECT id FROM sla_policies WHERE code = 'p1') WHERE code = 'graffiti'"
            )
        )
        connection.execute(
            text(
                "UPDATE service_requests SET due_at = :due, at_risk_at = :at_risk"
                " WHERE reference IN ('RA', 'RB')"
            ),
            {"due": DUE, "at_risk": AT_RISK},
        )
    owner.dispose()
    try:
        yield built
    finally:
        built.dispose()


def _pass(engine: Engine, now: datetime) -> int:
    return run_escalations(SqlEscalationStore(engine), now)


def _at_once(engines: list[Engine], now: datetime) -> list[int]:
    """The pass from every engine at the same moment, each on its own thread."""
    start = threading.Barrier(len(engines))
    fired: list[int] = []
    errors: list[BaseException] = []

    def run(engine: Engine) -> None:
        try:
            start.wait()
            fired.append(_pass(engine, now))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return fired


def _escalations(city: SecurityCity, reference: str) -> list[tuple[object, ...]]:
    with city.attempt("admin") as connection:
        return [
            tuple(row)
            for row in connection.execute(
                text(
                    "SELECT (e.data->>'rule')::int, e.actor, e.from_value, e.to_value,"
                    " e.data->'changes'"
                    " FROM request_events e JOIN service_requests r ON r.id = e.request_id"
                    " WHERE r.reference = :reference AND e.kind = 'sla_escalated' ORDER BY e.id"
                ),
                {"reference": reference},
            )
        ]


def test_each_rule_fires_once_per_case_from_three_consoles_at_once_and_twice(
    city: SecurityCity,
) -> None:
    consoles = [city.engines[role] for role in ("operator", "dispatcher", "supervisor")]
    for now in (AT_RISK + timedelta(minutes=5), DUE + timedelta(minutes=30)):
        _at_once(consoles, now)
        _at_once(consoles, now)
    three_business_hours_late = DUE + timedelta(hours=3)
    _at_once(consoles, three_business_hours_late)
    assert _pass(city.engines["admin"], three_business_hours_late) == 0

    assert _escalations(city, "RA") == [
        (1, "sla_clock", None, None, None),
        (2, "sla_clock", "normal", "high", {"priority": ["normal", "high"]}),
        (3, "sla_clock", "QA", "QA2", {"queue": ["Queue A", "Second queue A"]}),
    ]
    with city.attempt("admin") as connection:
        case = connection.execute(
            text(
                "SELECT r.priority, q.code, r.version FROM service_requests r"
                " JOIN queues q ON q.id = r.queue_id WHERE r.reference = 'RA'"
            )
        ).one()
        alerts = connection.execute(
            text(
                "SELECT a.kind, d.code, a.message FROM alerts a"
                " JOIN service_requests r ON r.id = a.request_id"
                " JOIN departments d ON d.id = a.department_id"
                " WHERE r.reference = 'RA' ORDER BY a.id"
            )
        ).all()
    assert tuple(case) == ("high", "QA2", 4)  # one version per pass that fired
    assert [tuple(alert) for alert in alerts] == [
        ("at_risk", "DEPA", "RA is at risk of missing its due time"),
        ("overdue", "DEPA", "RA is overdue"),
        ("overdue_by", "DEPA", "RA is overdue by 2 business hours"),
    ]


def test_a_pass_escalates_at_most_its_share_of_cases_and_the_next_one_the_rest(
    city: SecurityCity,
) -> None:
    dispatcher = SqlEscalationStore(city.engines["dispatcher"])
    now = DUE + timedelta(minutes=1)  # RA and RB: at risk and overdue
    assert run_escalations(dispatcher, now, max_cases=1) == 2  # the older case, both its rules
    assert [row[0] for row in _escalations(city, "RA")] == [1, 2]
    assert _escalations(city, "RB") == []
    assert run_escalations(dispatcher, now, max_cases=1) == 2  # then RB
    assert run_escalations(dispatcher, now, max_cases=1) == 0
    assert [row[0] for row in _escalations(city, "RB")] == [1, 2]


def test_overdue_by_counts_business_hours_not_the_night(city: SecurityCity) -> None:
    # Due at 16:00 on Monday in the city: two business hours later is 9:00 on Tuesday.
    due = datetime(2026, 12, 7, 21, 0, tzinfo=UTC)
    owner = create_engine(city.admin_url)
    with owner.begin() as connection:
        connection.execute(
            text("UPDATE service_requests SET due_at = :due WHERE reference = 'RA'"), {"due": due}
        )
    owner.dispose()
    late_in_the_night = due + timedelta(hours=10)  # 02:00 Tuesday: one business hour late
    _pass(city.engines["dispatcher"], late_in_the_night)
    assert [row[0] for row in _escalations(city, "RA")] == [1, 2]
    _pass(city.engines["dispatcher"], due + timedelta(hours=17, minutes=1))  # 09:01 Tuesday
    assert [row[0] for row in _escalations(city, "RA")] == [1, 2, 3]


def test_a_department_reads_and_acknowledges_only_its_own_alerts(
    city: SecurityCity, pg_cluster: PgCluster
) -> None:
    _pass(city.engines["operator"], DUE + timedelta(minutes=1))
    other = create_engine(make_staff_login(city.admin_url, "dispatcher", departments=["DEPB"]))
    try:
        with other.begin() as connection:
            seen = connection.execute(
                text(
                    "SELECT r.reference FROM alerts a"
                    " JOIN service_requests r ON r.id = a.request_id"
                )
            ).scalars()
            assert set(seen) == {"RB"}
            acknowledged = connection.execute(
                text(
                    "UPDATE alerts SET acknowledged_at = now() WHERE request_id ="
                    " (SELECT id FROM service_requests WHERE reference = 'RA')"
                )
            )
            assert acknowledged.rowcount == 0
    finally:
        other.dispose()
    with city.attempt("operator") as connection, pytest.raises(DBAPIError) as refused:
        connection.execute(text("SELECT count(*) FROM alerts"))
    assert "permission denied" in str(refused.value)

    dispatcher = city.engines["dispatcher"]
    with dispatcher.begin() as connection:
        mine = connection.execute(
            text("SELECT r.reference FROM alerts a JOIN service_requests r ON r.id = a.request_id")
        ).scalars()
        assert set(mine) == {"RA"}
        connection.execute(
            text(
                "UPDATE alerts SET acknowledged_by = 'someone_else', acknowledged_at = now()"
                " WHERE kind = 'overdue'"
            )
        )
        who = connection.execute(
            text("SELECT acknowledged_by FROM alerts WHERE kind = 'overdue'")
        ).scalar_one()
    assert who == login_of(str(dispatcher.url.render_as_string(hide_password=False)))
    with city.attempt("dispatcher") as connection, pytest.raises(DBAPIError) as refused:
        connection.execute(text("UPDATE alerts SET message = 'changed'"))
    assert "permission denied" in str(refused.value)


@pytest.mark.parametrize("role", ["dispatcher", "supervisor", "admin"])
def test_no_login_writes_an_escalation_event_itself(city: SecurityCity, role: str) -> None:
    with city.attempt(role) as connection, pytest.raises(DBAPIError) as refused:
        connection.execute(
            text(
                "INSERT INTO request_events (request_id, at, actor, kind)"
                " SELECT id, now(), 'sla_clock', 'sla_escalated' FROM service_requests"
                " WHERE reference = 'RA'"
            )
        )
    assert "written only by the SLA escalation pass" in str(refused.value)
