"""How much each service is used, read for the category search, on PostgreSQL and SQLite."""

from __future__ import annotations

from datetime import timedelta

from operator_console.services.catalog.category_catalog import USAGE_WINDOW, offered_services
from operator_console.storage.db.engine import make_engine
from operator_console.storage.intake.gateway import SqlIntakeGateway
from tests.support.rows import BASE_TIME, add_requests


def test_usage_counts_the_requests_opened_within_the_window(db_url: str) -> None:
    engine = make_engine(db_url)
    add_requests(engine, 5)  # one a minute from BASE_TIME, all for the service "pothole"
    two_minutes_in = BASE_TIME + USAGE_WINDOW + timedelta(minutes=2)
    gateway = SqlIntakeGateway(engine, lambda lat, lon: None, clock=lambda: two_minutes_in)
    assert gateway.service_usage(USAGE_WINDOW) == {"pothole": 3}  # minutes 2, 3 and 4
    assert gateway.service_usage(timedelta(days=1)) == {}
    engine.dispose()


def test_an_operator_is_offered_no_staff_only_service_and_a_supervisor_sees_its_use(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    gateway = SqlIntakeGateway(engine, lambda lat, lon: None)
    for_operator = {service.code: service for service in offered_services(gateway, "operator")}
    for_supervisor = {service.code: service for service in offered_services(gateway, "supervisor")}
    engine.dispose()
    assert "pothole-repair-internal" not in for_operator
    assert not any(service.staff_only for service in for_operator.values())
    assert for_supervisor["pothole-repair-internal"].uses == 713  # the demo's 2015 cases
    assert for_supervisor["bwsc-pothole"].uses == 0
    assert set(for_supervisor) > set(for_operator)
