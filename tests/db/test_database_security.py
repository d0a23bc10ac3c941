"""Every table by direct SQL, as a login of each role: what it may do works, the rest is refused."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from operator_console.storage.db.tables import metadata
from operator_console.storage.metrics.rollup_sql import CUBES
from tests.support.pg_cluster import PgCluster
from tests.support.security_city import ROLES, SecurityCity, fresh_city, tally

STAFF = frozenset({"operator", "dispatcher", "supervisor", "admin"})
ADMIN = frozenset({"admin"})
RESOLVERS = frozenset({"supervisor", "admin"})
NOBODY: frozenset[str] = frozenset()
EVERYONE = STAFF | {"public"}
INSUFFICIENT_PRIVILEGE = "42501"
NOT_UPDATABLE = "55000"
"""What PostgreSQL says, before it checks privileges, to a write into a view of several tables."""


@dataclass(frozen=True)
class Statement:
    """One statement on `table`, and the roles that may run it (all others are refused)."""

    table: str
    verb: str
    sql: str
    allowed: frozenset[str]

    @property
    def label(self) -> str:
        return f"{self.verb}-{self.table}-{zlib.crc32(self.sql.encode()) % 10_000:04d}"


def _config(table: str, insert: str, update: str, delete: str) -> list[Statement]:
    return [
        Statement(table, "INSERT", insert, ADMIN),
        Statement(table, "UPDATE", update, ADMIN),
        Statement(table, "DELETE", delete, ADMIN),
    ]


def _queue(code: str) -> str:
    return f"(SELECT id FROM queues WHERE code = '{code}')"


def _request(reference: str) -> str:
    return f"(SELECT id FROM service_requests WHERE reference = '{reference}')"


_SPARE_STAFF = "(SELECT id FROM staff WHERE login = 'spare_staff')"
_POTHOLE = "(SELECT id FROM services WHERE code = 'pothole')"
_CALLER = "(SELECT id FROM callers WHERE phone = '+16175550100')"

CONFIGURATION = [
    *_config(
        "city",
        "INSERT INTO city (id, name, time_zone, phone_region, reference_prefix, map_lat, map_lon)"
        " VALUES (1, 'X', 'UTC', 'US', 'X', 0, 0) ON CONFLICT (id) DO UPDATE SET name = 'X'",
        "UPDATE city SET name = 'Renamed'",
        "DELETE FROM city",
    ),
    *_config(
        "business_calendars",
        "INSERT INTO business_calendars (code, time_zone) VALUES ('new', 'UTC')",
        "UPDATE business_calendars SET work_start = '07:00' WHERE code = 'std'",
        "DELETE FROM business_calendars WHERE code = 'spare'",
    ),
    *_config(
        "calendar_closures",
        "INSERT INTO calendar_closures (calendar_id, day, name) VALUES "
        "((SELECT id FROM business_calendars WHERE code = 'std'), '2026-01-01', 'New Year')",
        "UPDATE calendar_closures SET name = 'Xmas' WHERE day = '2026-12-25'",
        "DELETE FROM calendar_closures WHERE day = '2026-07-04'",
    ),
    *_config(
        "departments",
        "INSERT INTO departments (code, name) VALUES ('NEWD', 'New department')",
        "UPDATE departments SET name = 'Renamed' WHERE code = 'DEPA'",
        "DELETE FROM departments WHERE code = 'SPARE'",
    ),
    *_config(
        "queues",
        "INSERT INTO queues (code, name, department_id) VALUES "
        "('QNEW', 'New', (SELECT id FROM departments WHERE code = 'DEPA'))",
        "UPDATE queues SET name = 'Renamed' WHERE code = 'QA'",
        "DELETE FROM queues WHERE code = 'QSPARE'",
    ),
    *_config(
        "sla_policies",
        "INSERT INTO sla_policies (code, name, target_hours) VALUES ('p2', 'Half a day', 12)",
        "UPDATE sla_policies SET target_hours = 72 WHERE code = 'p1'",
        "DELETE FROM sla_policies WHERE code = 'spare'",
    ),
    *_config(
        "services",
        "INSERT INTO services (code, name) VALUES ('newsvc', 'New service')",
        "UPDATE services SET name = 'Potholes' WHERE code = 'pothole'",
        "DELETE FROM services WHERE code = 'spare_svc'",
    ),
    *_config(
        "service_attributes",
        f"INSERT INTO service_attributes (service_id, code, datatype) VALUES "
        f"({_POTHOLE}, 'width', 'number')",
        "UPDATE service_attributes SET description = 'How deep' WHERE code = 'depth'",
        "DELETE FROM service_attributes WHERE code = 'spare'",
    ),
    *_config(
        "districts",
        "INSERT INTO districts (layer, code, name, geometry, min_lat, min_lon, max_lat, max_lon)"
        " VALUES ('ward', 'W2', 'Ward 2', '{}', 42.3, -71.1, 42.4, -71.0)",
        "UPDATE districts SET name = 'Renamed' WHERE code = 'W1'",
        "DELETE FROM districts WHERE code = 'W9'",
    ),
    *_config(
        "routing_rules",
        f"INSERT INTO routing_rules (service_id, queue_id, note) VALUES "
        f"({_POTHOLE}, {_queue('QA2')}, 'new rule')",
        "UPDATE routing_rules SET rank = 5 WHERE note = 'potholes to A'",
        "DELETE FROM routing_rules WHERE note = 'spare rule'",
    ),
    *_config(
        "addresses",
        "INSERT INTO addresses (street, full_address, search_key, lat, lon) VALUES "
        "('Elm St', 'Elm St', 'elm st', 42.35, -71.06)",
        "UPDATE addresses SET zipcode = '02116' WHERE search_key = '1 main st'",
        "DELETE FROM addresses WHERE search_key = '9 spare st'",
    ),
]

STAFF_TABLES = [
    Statement(
        "staff",
        "INSERT",
        "INSERT INTO staff (login, display_name, role) VALUES ('newbie', 'New', 'operator')",
        NOBODY,
    ),
    Statement(
        "staff",
        "UPDATE",
        "UPDATE staff SET display_name = 'Renamed' WHERE login = 'spare_staff'",
        ADMIN,
    ),
    Statement(
        "staff", "UPDATE", "UPDATE staff SET role = 'admin' WHERE login = 'spare_staff'", NOBODY
    ),
    Statement(
        "staff", "UPDATE", "UPDATE staff SET active = false WHERE login = 'spare_staff'", NOBODY
    ),
    Statement("staff", "DELETE", "DELETE FROM staff WHERE login = 'spare_staff'", NOBODY),
    Statement(
        "staff_queues",
        "INSERT",
        f"INSERT INTO staff_queues (staff_id, queue_id) VALUES ({_SPARE_STAFF}, {_queue('QA')})",
        ADMIN,
    ),
    Statement(
        "staff_queues",
        "UPDATE",
        f"UPDATE staff_queues SET queue_id = {_queue('QA2')} WHERE staff_id = {_SPARE_STAFF}",
        NOBODY,
    ),
    Statement(
        "staff_queues", "DELETE", f"DELETE FROM staff_queues WHERE staff_id = {_SPARE_STAFF}", ADMIN
    ),
]

_NEW_REQUEST = (
    "INSERT INTO service_requests (reference, client_uuid, service_id, status, priority, answers,"
    f" created_by, created_at, updated_at) VALUES ('NEW1', 'new-uuid', {_POTHOLE}, 'received',"
    " 'normal', '{}', 'operator1', now(), now())"
)
REQUEST_TABLES = [
    Statement(
        "callers",
        "INSERT",
        "INSERT INTO callers (phone, name, created_at) VALUES ('+16175550111', 'Bo', now())",
        STAFF,
    ),
    Statement(
        "callers",
        "UPDATE",
        "UPDATE callers SET name = 'Ana L.' WHERE phone = '+16175550100'",
        STAFF,
    ),
    Statement(
        "callers", "UPDATE", "UPDATE callers SET phone = '+1617' WHERE name = 'Ana Lopes'", NOBODY
    ),
    Statement("callers", "DELETE", "DELETE FROM callers WHERE phone = '+16175550199'", NOBODY),
    Statement("service_requests", "INSERT", _NEW_REQUEST, STAFF),
    Statement(
        "service_requests",
        "UPDATE",
        "UPDATE service_requests SET version = version + 1, updated_at = now() "
        "WHERE reference = 'RA'",
        STAFF,
    ),
    Statement(
        "service_requests",
        "UPDATE",
        "UPDATE service_requests SET created_by = 'someone' WHERE reference = 'RA'",
        NOBODY,
    ),
    Statement(
        "service_requests",
        "UPDATE",
        "UPDATE service_requests SET description = 'rewritten' WHERE reference = 'RA'",
        NOBODY,
    ),
    Statement(
        "service_requests", "DELETE", "DELETE FROM service_requests WHERE reference = 'RN'", NOBODY
    ),
    Statement(
        "request_followers",
        "INSERT",
        f"INSERT INTO request_followers (request_id, caller_id, added_at, added_by) VALUES "
        f"({_request('RB')}, {_CALLER}, now(), 'operator1')",
        STAFF,
    ),
    Statement("request_followers", "UPDATE", "UPDATE request_followers SET added_by = 'x'", NOBODY),
    Statement(
        "request_followers",
        "DELETE",
        f"DELETE FROM request_followers WHERE request_id = {_request('RA')}",
        RESOLVERS,
    ),
    Statement(
        "request_events",
        "INSERT",
        f"INSERT INTO request_events (request_id, at, actor, kind, reason) VALUES "
        f"({_request('RA')}, now(), 'operator1', 'note', 'Called back')",
        STAFF,
    ),
    Statement("request_events", "UPDATE", "UPDATE request_events SET reason = 'rewritten'", NOBODY),
    Statement("request_events", "DELETE", "DELETE FROM request_events", NOBODY),
    Statement(
        "staff_events",
        "INSERT",
        "INSERT INTO staff_events (at, actor, kind, login) VALUES (now(), 'x', 'added', 'x')",
        NOBODY,
    ),
    Statement("staff_events", "UPDATE", "UPDATE staff_events SET actor = 'someone'", NOBODY),
    Statement("staff_events", "DELETE", "DELETE FROM staff_events", NOBODY),
    Statement(
        "config_events",
        "INSERT",
        "INSERT INTO config_events (at, actor, kind, subject) VALUES (now(), 'x', 'x', 'x')",
        ADMIN,
    ),
    Statement("config_events", "UPDATE", "UPDATE config_events SET actor = 'someone'", NOBODY),
    Statement("config_events", "DELETE", "DELETE FROM config_events", NOBODY),
    Statement(
        "attachments",
        "INSERT",
        "INSERT INTO attachments (request_id, filename, content_type, size_bytes, content,"
        f" created_at, created_by) VALUES ({_request('RA')}, 'b.jpg', 'image/jpeg', 1, '\\x01',"
        " now(), 'operator1')",
        STAFF,
    ),
    Statement("attachments", "UPDATE", "UPDATE attachments SET filename = 'x.jpg'", NOBODY),
    Statement("attachments", "DELETE", "DELETE FROM attachments", NOBODY),
    Statement(
        "notification_outbox",
        "INSERT",
        "INSERT INTO notification_outbox (request_id, channel, recipient, subject, body,"
        f" created_at) VALUES ({_request('RA')}, 'email', 'a@example.org', 'S', 'B', now())",
        STAFF,
    ),
    Statement(
        "notification_outbox", "UPDATE", "UPDATE notification_outbox SET sent_at = now()", NOBODY
    ),
    Statement("notification_outbox", "DELETE", "DELETE FROM notification_outbox", NOBODY),
    Statement(
        "reference_counters",
        "INSERT",
        "INSERT INTO reference_counters (year, last_value) VALUES (2099, 1)",
        STAFF,
    ),
    Statement(
        "reference_counters",
        "UPDATE",
        "UPDATE reference_counters SET last_value = last_value + 1 WHERE year = 2026",
        STAFF,
    ),
    Statement("reference_counters", "DELETE", "DELETE FROM reference_counters", NOBODY),
    Statement(
        "alembic_version",
        "INSERT",
        "INSERT INTO alembic_version (version_num) VALUES ('9999')",
        NOBODY,
    ),
    Statement(
        "alembic_version", "UPDATE", "UPDATE alembic_version SET version_num = '9999'", NOBODY
    ),
    Statement("alembic_version", "DELETE", "DELETE FROM alembic_version", NOBODY),
]

_SAVED_SEARCH = (
    "INSERT INTO saved_searches (name, owner_login, department_id, query, created_at) VALUES "
    "('Potholes', 'someone', {department}, '{{\"text\": \"pothole\"}}', now())"
)
SAVED_SEARCHES = [
    Statement("saved_searches", "INSERT", _SAVED_SEARCH.format(department="NULL"), STAFF),
    Statement(
        "saved_searches",
        "INSERT",
        _SAVED_SEARCH.format(department="(SELECT id FROM departments WHERE code = 'DEPA')"),
        frozenset({"supervisor"}),
    ),
    Statement("saved_searches", "UPDATE", "UPDATE saved_searches SET name = 'Renamed'", NOBODY),
    Statement(
        "saved_searches",
        "DELETE",
        "DELETE FROM saved_searches WHERE owner_login = session_user",
        STAFF,
    ),
]

ALERTED = frozenset({"dispatcher", "supervisor", "admin"})
_RULE = "(SELECT min(id) FROM escalation_rules)"
ESCALATION = [
    *_config(
        "escalation_rules",
        "INSERT INTO escalation_rules (trigger, action) VALUES ('at_risk', 'notify')",
        "UPDATE escalation_rules SET active = false",
        "DELETE FROM escalation_rules WHERE trigger = 'at_risk'",
    ),
    Statement(
        "alerts",
        "INSERT",
        "INSERT INTO alerts (request_id, kind, message, created_at) "
        f"VALUES ({_request('RA')}, 'overdue', 'RA is overdue', now())",
        NOBODY,
    ),
    Statement("alerts", "UPDATE", "UPDATE alerts SET acknowledged_at = now()", ALERTED),
    Statement("alerts", "UPDATE", "UPDATE alerts SET message = 'Changed'", NOBODY),
    Statement("alerts", "DELETE", "DELETE FROM alerts", NOBODY),
    Statement(
        "escalations_fired",
        "INSERT",
        f"INSERT INTO escalations_fired VALUES ({_request('RA2')}, {_RULE}, now())",
        NOBODY,
    ),
    Statement(
        "escalations_fired", "UPDATE", "UPDATE escalations_fired SET fired_at = now()", NOBODY
    ),
    Statement("escalations_fired", "DELETE", "DELETE FROM escalations_fired", NOBODY),
]
"""The escalation pass writes alerts and fired rules as the owner; the alerted acknowledge."""
_ESCALATED = f"""
INSERT INTO escalation_rules (trigger, action) VALUES ('overdue', 'notify'), ('at_risk', 'notify');
INSERT INTO escalations_fired VALUES ({_request("RA")}, {_RULE}, now());
INSERT INTO alerts (request_id, rule_id, department_id, kind, message, created_at)
    VALUES ({_request("RA")}, {_RULE}, (SELECT id FROM departments WHERE code = 'DEPA'),
            'overdue', 'RA is overdue', now())
"""

VIEWS = ("public_service_requests", "public_request_events")
VIEW_WRITES = [
    statement
    for view in VIEWS
    for statement in (
        Statement(view, "INSERT", f"INSERT INTO {view} (id) VALUES (-1)", NOBODY),
        Statement(view, "UPDATE", f"UPDATE {view} SET reference = 'X'", NOBODY),
        Statement(view, "DELETE", f"DELETE FROM {view}", NOBODY),
    )
]
ROLLUP_TABLES = {name for cube in CUBES for name in (cube.counts, cube.buckets)}
TABLES = sorted({*metadata.tables, *ROLLUP_TABLES, "alembic_version"})
_READERS = {
    "staff_events": ADMIN,
    "alerts": ALERTED,
    "escalations_fired": ALERTED,
}
TESTED_ELSEWHERE = {"open311_clients", "open311_submissions", "open311_usage", "webhooks"}
"""Tables tried role by role by their own tests (tests/db/test_open311_role.py,
tests/db/test_webhooks_migration.py)."""
ROLLUP_WRITES = [
    statement
    for table in sorted(ROLLUP_TABLES)
    for statement in (
        Statement(table, "INSERT", f"INSERT INTO {table} (day) VALUES ('2020-01-01')", NOBODY),
        Statement(table, "UPDATE", f"UPDATE {table} SET day = day", NOBODY),
        Statement(table, "DELETE", f"DELETE FROM {table}", NOBODY),
    )
]
"""The metric rollups: the database's triggers and rebuild keep them; no group writes them."""
READS = [
    Statement(table, "SELECT", f"SELECT * FROM {table}", _READERS.get(table, STAFF))
    for table in TABLES
] + [Statement(view, "SELECT", f"SELECT * FROM {view}", EVERYONE) for view in VIEWS]
STATEMENTS = (
    CONFIGURATION
    + STAFF_TABLES
    + REQUEST_TABLES
    + SAVED_SEARCHES
    + VIEW_WRITES
    + ROLLUP_WRITES
    + READS
)
STATEMENTS += ESCALATION


@pytest.fixture(scope="module")
def city(pg_cluster: PgCluster) -> Iterator[SecurityCity]:
    built = fresh_city(pg_cluster)
    owner = create_engine(built.admin_url)
    with owner.begin() as connection:
        for statement in _ESCALATED.split(";\n"):
            connection.execute(text(statement))
    owner.dispose()
    yield built
    built.dispose()


def test_every_table_and_view_is_tried_for_every_kind_of_access() -> None:
    tried = {(statement.table, statement.verb) for statement in STATEMENTS}
    wanted = {
        (table, verb)
        for table in (*TABLES, *VIEWS)
        for verb in ("SELECT", "INSERT", "UPDATE", "DELETE")
    }
    assert wanted <= tried


def test_the_schema_has_no_table_the_suite_does_not_know(city: SecurityCity) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(city.admin_url)
    on_server = set(inspect(engine).get_table_names()) | set(inspect(engine).get_view_names())
    engine.dispose()
    assert on_server == {*TABLES, *VIEWS, *TESTED_ELSEWHERE}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda statement: statement.label)
def test_each_role_may_do_exactly_what_it_is_granted(
    city: SecurityCity, role: str, statement: Statement, request: pytest.FixtureRequest
) -> None:
    counted = tally(request.config)
    with city.attempt(role) as connection:
        try:
            result = connection.execute(text(statement.sql))
        except DBAPIError as error:
            assert role not in statement.allowed, f"{role} was refused: {error.orig}"
            refusals = {INSUFFICIENT_PRIVILEGE} | (
                {NOT_UPDATABLE} if statement.table in VIEWS else set()
            )
            assert getattr(error.orig, "sqlstate", None) in refusals, str(error.orig)
            counted.refused_by_error += 1
            return
        assert role in statement.allowed, f"{role} was allowed to: {statement.sql}"
        if statement.verb != "SELECT":
            assert result.rowcount >= 1, f"{role}: {statement.sql} changed no row"
        counted.allowed += 1
