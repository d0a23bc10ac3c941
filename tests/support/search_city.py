"""A small city whose cases are written by plain SQL, as imported history is, for search tests."""

from __future__ import annotations

import re

from sqlalchemy import Connection

CITY = """
INSERT INTO city (id, name, time_zone, phone_region, reference_prefix, map_lat, map_lon)
    VALUES (1, 'Boston', 'America/New_York', 'US', 'BOS', 42.35, -71.06);
INSERT INTO services (code, name) VALUES ('pothole', 'Pothole'), ('graffiti', 'Graffiti');
INSERT INTO districts (layer, code, name, geometry, min_lat, min_lon, max_lat, max_lon) VALUES
    ('district', 'D3', 'District 3', '{}', 42.3, -71.1, 42.4, -71.0),
    ('district', 'D5', 'District 5', '{}', 42.3, -71.1, 42.4, -71.0);
INSERT INTO callers (phone, name, created_at) VALUES
    ('+16175550123', 'Maria Alvarez', '2026-03-03 14:00:00'),
    ('+16175550188', 'John Smith', '2026-03-10 14:00:00'),
    ('+16175550142', 'Ana Lopes', '2026-03-11 14:00:00')
"""
_REQUEST = (
    "INSERT INTO service_requests (reference, client_uuid, service_id, status, priority, address,"
    " description, answers, caller_id, district_id, created_by, created_at, updated_at,"
    " closed_at, source_id) VALUES ('{reference}', '{reference}',"
    " (SELECT id FROM services WHERE code = '{service}'), '{status}', 'normal', '{address}',"
    " '{description}', '{{}}', (SELECT id FROM callers WHERE phone = '{phone}'),"
    " (SELECT id FROM districts WHERE code = '{district}'), 'import', '{opened}', '{opened}',"
    " {closed}, {source})"
)
CASES = {
    "BOS-26-025001": dict(
        service="pothole",
        status="closed",
        address="12 Kingbird Rd",
        description="Deep potholes in front of the school, two cars damaged",
        phone="+16175550123",
        district="D3",
        opened="2026-03-03 14:05:00",
        closed="'2026-03-06 10:00:00'",
        source="NULL",
    ),
    "BOS-26-025002": dict(
        service="graffiti",
        status="in_queue",
        address="Main St & 1st Ave",
        description="Tags sprayed on the mailbox",
        phone="+16175550188",
        district="D5",
        opened="2026-03-10 15:00:00",
        closed="NULL",
        source="NULL",
    ),
    "BOS-25-000017": dict(
        service="pothole",
        status="closed",
        address="40 Elm St",
        description="Sinkhole near the hydrant",
        phone="",
        district="D3",
        opened="2025-06-01 12:00:00",
        closed="'2025-06-09 12:00:00'",
        source="NULL",
    ),
    "BOS-10004567": dict(
        service="pothole",
        status="closed",
        address="7 Kingbird Rd",
        description="Pothole by the driveway",
        phone="",
        district="D5",
        opened="2016-05-02 12:00:00",
        closed="'2016-05-20 12:00:00'",
        source="'10004567'",
    ),
    "BOS-26-025003": dict(
        service="pothole",
        status="in_queue",
        address="5 Smith St",
        description="Pothole outside the Alvarez bakery",
        phone="",
        district="D3",
        opened="2026-03-12 09:00:00+00",
        closed="NULL",
        source="NULL",
    ),
}
"""Reference -> the case: a closed one with a caller, an open one at an intersection, a closed
one with a note, one imported from the city's old system with its old id, and an open one
whose words hold a caller's name."""
_AFTER = """
INSERT INTO request_followers (request_id, caller_id, added_at, added_by)
    SELECT r.id, c.id, CURRENT_TIMESTAMP, 'import' FROM service_requests r, callers c
    WHERE r.reference = 'BOS-26-025002' AND c.phone = '+16175550142';
INSERT INTO request_events (request_id, at, actor, kind, reason, public)
    SELECT id, '2025-06-03 12:00:00', 'import', 'note',
           'Resident says the crew left orange cones behind', false
    FROM service_requests WHERE reference = 'BOS-25-000017'
"""


def load_search_city(connection: Connection) -> None:
    """Write the city and its cases by plain INSERT statements, as a superuser or owner
    (times in UTC: naive text on SQLite, as the console keeps them there)."""
    for statement in CITY.split(";\n"):
        connection.exec_driver_sql(statement)
    zone = "+00" if connection.dialect.name == "postgresql" else ""
    for reference, case in CASES.items():
        statement = _REQUEST.format(reference=reference, **case)
        connection.exec_driver_sql(re.sub(r"(\d\d:\d\d:\d\d)'", rf"\1{zone}'", statement))
    for statement in _AFTER.split(";\n"):
        connection.exec_driver_sql(statement)
