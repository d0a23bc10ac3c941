"""Routing administration under PostgreSQL's own rules: an admin's login changes the rules with
its name on the audit line; a supervisor's login is refused by the database itself."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import ProgrammingError

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.routing.errors import RoutingRuleError
from operator_console.services.admin.routing.ports import RuleDraft
from operator_console.storage.admin.routing.store import (
    SqlRoutingAdminUnitOfWork,
    SqlRoutingTestReads,
)
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    config_events,
    districts,
    routing_rules,
    services,
)
from tests.support.staff_logins import login_of, make_staff_login

NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


def test_an_admin_login_adds_a_rule_and_the_audit_line_names_it(demo_pg_url: str) -> None:
    admin_url = make_staff_login(demo_pg_url, "admin", display_name="Ada Admin")
    engine = make_engine(admin_url)
    try:
        desk = RoutingDesk(
            lambda: SqlRoutingAdminUnitOfWork(engine),
            lambda: SqlRoutingTestReads(engine),
            StaffIdentity("someone-else", "Ada Admin", "admin"),
            clock=lambda: NOON,
        )
        change = desk.add(
            RuleDraft(
                service_group="Abandoned Bicycle",
                district_layer="ward",
                district_code="3",
                queue_code="PWDx_Bridge Maintenance",
                rank="10",
            )
        )
        assert change.after is not None and change.after.target.service_group
        with engine.connect() as connection:
            actor, kind = connection.execute(
                select(config_events.c.actor, config_events.c.kind).where(
                    config_events.c.kind.like("routing_rule_%")
                )
            ).one()
    finally:
        engine.dispose()
    assert (actor, kind) == (login_of(admin_url), "routing_rule_added")


def test_a_supervisor_login_may_not_write_routing_rules(demo_pg_url: str) -> None:
    supervisor_url = make_staff_login(demo_pg_url, "supervisor")
    engine = make_engine(supervisor_url)
    try:
        with engine.connect() as connection:
            with pytest.raises(ProgrammingError, match="permission denied"):
                connection.execute(
                    text(
                        "INSERT INTO routing_rules (queue_id, rank) "
                        "SELECT id, 1 FROM queues LIMIT 1"
                    )
                )
            connection.rollback()
            with pytest.raises(ProgrammingError, match="permission denied"):
                connection.execute(text("DELETE FROM routing_rules"))
    finally:
        engine.dispose()


def test_two_admins_adding_the_same_rule_at_once_store_it_once(demo_pg_url: str) -> None:
    engine = make_engine(demo_pg_url)
    draft = RuleDraft(
        service_code="abandoned-bicycle",
        district_layer="ward",
        district_code="4",
        queue_code="PWDx_Bridge Maintenance",
        rank="10",
    )
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def add() -> None:
        desk = RoutingDesk(
            lambda: SqlRoutingAdminUnitOfWork(engine),
            lambda: SqlRoutingTestReads(engine),
            StaffIdentity("admin1", "Sam Okafor", "admin"),
            clock=lambda: NOON,
        )
        start.wait()
        try:
            desk.add(draft)
            outcomes.append("added")
        except RoutingRuleError as refused:
            outcomes.append(str(refused))

    try:
        threads = [threading.Thread(target=add) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with engine.connect() as connection:
            stored = connection.execute(
                select(func.count())
                .select_from(routing_rules)
                .join(districts, districts.c.id == routing_rules.c.district_id)
                .join(services, services.c.id == routing_rules.c.service_id)
                .where(
                    districts.c.code == "4",
                    services.c.code == "abandoned-bicycle",
                    routing_rules.c.rank == 10,
                )
            ).scalar_one()
    finally:
        engine.dispose()
    assert sorted(outcomes)[1] == "added"
    assert "already routes Abandoned Bicycle in Ward 4 at rank 10" in sorted(outcomes)[0]
    assert stored == 1
