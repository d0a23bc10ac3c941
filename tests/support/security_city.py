"""A small city with two departments and a login of each role, for the database security suite."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, create_engine, text

from tests.support.pg_cluster import PgCluster
from tests.support.staff_logins import make_public_login, make_staff_login

INTERNAL_NOTE = "Internal: the resident is known to the inspector"
PUBLIC_NOTE = "The crew is on its way"
ROLES = ("operator", "dispatcher", "supervisor", "admin", "public")
"""The logins the suite connects as: dispatcher and supervisor belong to department A only."""

_CITY = """
INSERT INTO city (id, name, time_zone, phone_region, reference_prefix, map_lat, map_lon)
    VALUES (1, 'Testville', 'America/New_York', 'US', 'TST', 42.35, -71.06);
INSERT INTO business_calendars (code, time_zone) VALUES ('std', 'America/New_York'),
    ('spare', 'America/New_York');
INSERT INTO calendar_closures (calendar_id, day, name) VALUES
    ((SELECT id FROM business_calendars WHERE code = 'std'), '2026-12-25', 'Christmas'),
    ((SELECT id FROM business_calendars WHERE code = 'std'), '2026-07-04', 'Spare closure');
INSERT INTO departments (code, name) VALUES ('DEPA', 'Department A'),
    ('DEPB', 'Department B'), ('SPARE', 'Spare department');
INSERT INTO queues (code, name, department_id) VALUES
    ('QA', 'Queue A', (SELECT id FROM departments WHERE code = 'DEPA')),
    ('QA2', 'Second queue A', (SELECT id FROM departments WHERE code = 'DEPA')),
    ('QB', 'Queue B', (SELECT id FROM departments WHERE code = 'DEPB')),
    ('QSPARE', 'Spare queue', (SELECT id FROM departments WHERE code = 'DEPB'));
INSERT INTO sla_policies (code, name, target_hours) VALUES ('p1', 'Two days', 48),
    ('spare', 'Spare', 24);
INSERT INTO services (code, name, sla_policy_id, default_queue_id) VALUES
    ('pothole', 'Pothole', (SELECT id FROM sla_policies WHERE code = 'p1'),
     (SELECT id FROM queues WHERE code = 'QA')),
    ('graffiti', 'Graffiti', NULL, (SELECT id FROM queues WHERE code = 'QB')),
    ('spare_svc', 'Spare service', NULL, NULL);
INSERT INTO services (code, name, staff_only) VALUES ('inspection', 'Inspection', true);
INSERT INTO service_attributes (service_id, code, datatype) VALUES
    ((SELECT id FROM services WHERE code = 'pothole'), 'depth', 'number'),
    ((SELECT id FROM services WHERE code = 'pothole'), 'spare', 'string');
INSERT INTO districts (layer, code, name, geometry, min_lat, min_lon, max_lat, max_lon) VALUES
    ('ward', 'W1', 'Ward 1', '{}', 42.3, -71.1, 42.4, -71.0),
    ('ward', 'W9', 'Spare ward', '{}', 42.3, -71.1, 42.4, -71.0);
INSERT INTO routing_rules (service_id, queue_id, note) VALUES
    ((SELECT id FROM services WHERE code = 'pothole'), (SELECT id FROM queues WHERE code = 'QA'),
     'potholes to A'),
    ((SELECT id FROM services WHERE code = 'graffiti'), (SELECT id FROM queues WHERE code = 'QB'),
     'spare rule');
INSERT INTO addresses (house_number, street, full_address, search_key, lat, lon) VALUES
    ('1', 'Main St', '1 Main St', '1 main st', 42.35, -71.06),
    ('9', 'Spare St', '9 Spare St', '9 spare st', 42.35, -71.06);
INSERT INTO callers (phone, name, email, created_at) VALUES
    ('+16175550100', 'Ana Lopes', 'ana@example.org', now()),
    ('+16175550199', 'Spare Caller', NULL, now());
INSERT INTO staff (login, display_name, role) VALUES ('spare_staff', 'Spare Staff', 'operator');
INSERT INTO staff_queues (staff_id, queue_id) VALUES
    ((SELECT id FROM staff WHERE login = 'spare_staff'), (SELECT id FROM queues WHERE code = 'QB'));
INSERT INTO reference_counters (year, last_value) VALUES (2026, 10);
"""
_REQUEST = """
INSERT INTO service_requests (reference, client_uuid, service_id, status, priority, answers,
    queue_id, caller_id, created_by, created_at, updated_at, description)
VALUES (:reference, :reference, (SELECT id FROM services WHERE code = :service), :status,
    'normal', '{}', (SELECT id FROM queues WHERE code = :queue),
    (SELECT id FROM callers WHERE phone = '+16175550100'), 'operator1', now(), now(),
    'Deep hole by the curb')
"""
REQUESTS = {
    "RA": ("pothole", "in_queue", "QA"),
    "RA2": ("pothole", "in_queue", "QA"),
    "RB": ("graffiti", "in_queue", "QB"),
    "RN": ("pothole", "received", None),
    "RS": ("inspection", "in_queue", "QA"),
    "RZ": ("pothole", "resolved", "QA"),
}
"""Reference -> (service, status, queue): A's cases, B's case, a case with no queue, a
staff-only case and a resolved one."""
_HISTORY = """
INSERT INTO request_events (request_id, at, actor, kind, to_value, reason, public)
SELECT r.id, now(), 'operator1', e.kind, e.to_value, e.reason, e.public
FROM service_requests r, (VALUES ('created', 'in_queue', 'Received by phone', true),
                                 ('note', NULL, :internal, false),
                                 ('note', NULL, :public, true))
    AS e(kind, to_value, reason, public);
INSERT INTO request_followers (request_id, caller_id, added_at, added_by)
SELECT r.id, c.id, now(), 'operator1' FROM service_requests r, callers c
WHERE r.reference = 'RA' AND c.phone = '+16175550100';
INSERT INTO attachments (request_id, filename, content_type, size_bytes, content, created_at,
    created_by)
SELECT id, 'hole.jpg', 'image/jpeg', 3, '\\x010203', now(), 'operator1'
FROM service_requests WHERE reference = 'RA';
INSERT INTO notification_outbox (request_id, channel, recipient, subject, body, created_at)
SELECT id, 'email', 'ana@example.org', 'Received', 'We have it', now()
FROM service_requests WHERE reference = 'RA';
"""


@dataclass
class SecurityCity:
    """The database (`admin_url`, a superuser's) and an engine per role of `ROLES`."""

    admin_url: str
    engines: dict[str, Engine] = field(default_factory=dict)

    def login(self, role: str) -> str:
        return str(self.engines[role].url.username)

    @contextmanager
    def attempt(self, role: str) -> Iterator[Connection]:
        """A connection as `role` in a transaction that is always rolled back."""
        with self.engines[role].connect() as connection:
            try:
                yield connection
            finally:
                connection.rollback()

    def dispose(self) -> None:
        for engine in self.engines.values():
            engine.dispose()


def build_security_city(admin_url: str) -> SecurityCity:
    """Fill the empty, migrated database of `admin_url` with the small city and its logins."""
    admin = create_engine(admin_url)
    with admin.begin() as connection:
        for statement in _statements(_CITY):
            connection.exec_driver_sql(statement)
        for reference, (service, status, queue) in REQUESTS.items():
            connection.execute(
                text(_REQUEST),
                {"reference": reference, "service": service, "status": status, "queue": queue},
            )
        notes = {"internal": INTERNAL_NOTE, "public": PUBLIC_NOTE}
        for statement in _statements(_HISTORY):
            connection.execute(text(statement), notes if ":internal" in statement else {})
    admin.dispose()
    city = SecurityCity(admin_url)
    urls = {
        "operator": make_staff_login(admin_url, "operator"),
        "dispatcher": make_staff_login(admin_url, "dispatcher", departments=["DEPA"]),
        "supervisor": make_staff_login(admin_url, "supervisor", departments=["DEPA"]),
        "admin": make_staff_login(admin_url, "admin"),
        "public": make_public_login(admin_url),
    }
    city.engines = {role: create_engine(url) for role, url in urls.items()}
    _save_a_search_for_each(admin_url, [city.login(role) for role in ROLES if role != "public"])
    return city


def _save_a_search_for_each(admin_url: str, logins: list[str]) -> None:
    admin = create_engine(admin_url)
    with admin.begin() as connection:
        for login in logins:
            connection.execute(
                text(
                    "INSERT INTO saved_searches (name, owner_login, query, created_at) "
                    "VALUES ('Saved', :login, '{}', now())"
                ),
                {"login": login},
            )
    admin.dispose()


def _statements(script: str) -> list[str]:
    return [statement for statement in script.split(";\n") if statement.strip()]


def fresh_city(cluster: PgCluster, template: str = "oc_template") -> SecurityCity:
    """A new database copied from the migrated, empty `template`, filled with the small city."""
    name = f"oc_security_{uuid.uuid4().hex[:10]}"
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    return build_security_city(cluster.url(name))


@dataclass
class Tally:
    """Every attempt the suite made, and how each forbidden one was refused."""

    allowed: int = 0
    refused_by_error: int = 0
    refused_by_filter: int = 0
    """Zero rows changed or seen, or the value sent replaced: the database filtered it."""

    @property
    def attempts(self) -> int:
        return self.allowed + self.refused_by_error + self.refused_by_filter

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.attempts:
            terminalreporter.write_sep("-", "database security by direct SQL")
            terminalreporter.write_line(
                f"{self.attempts} attempts: {self.allowed} allowed actions worked, "
                f"{self.refused_by_error + self.refused_by_filter} forbidden ones were refused "
                f"({self.refused_by_error} by an error, {self.refused_by_filter} by filtering: "
                "zero rows or the value sent replaced)"
            )


def tally(config: pytest.Config) -> Tally:
    """The session's tally, printed at the end of the run."""
    found = config.pluginmanager.get_plugin("database-security-tally")
    if isinstance(found, Tally):
        return found
    created = Tally()
    config.pluginmanager.register(created, "database-security-tally")
    return created
