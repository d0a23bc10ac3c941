""" "Where would this go?" on both databases: the tester's queue and sentence are intake's own,
checked by submitting a call at the same point, and the matching rules that lost say why."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.routing.errors import RoutingRuleError
from operator_console.services.admin.routing.ports import RuleDraft
from operator_console.services.admin.routing.tester import RoutingQuestion
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.admin.routing.store import (
    SqlRoutingAdminUnitOfWork,
    SqlRoutingTestReads,
)
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import addresses, districts, queues, service_requests
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.staff import ADMIN1, OPERATOR1

NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
BICYCLE = "abandoned-bicycle"
OCEAN = (42.25, -70.80)


@pytest.fixture
def engine(demo_db_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_db_url)
    yield engine
    engine.dispose()


def desk_for(engine: Engine) -> RoutingDesk:
    return RoutingDesk(
        lambda: SqlRoutingAdminUnitOfWork(engine),
        lambda: SqlRoutingTestReads(engine),
        ADMIN1,
        clock=lambda: NOON,
    )


def point_in_ward(engine: Engine, ward: str) -> tuple[float, float]:
    """A gazetteer address of the ward: a point inside its outline."""
    with engine.connect() as connection:
        row = connection.execute(
            select(addresses.c.lat, addresses.c.lon)
            .join(districts, districts.c.id == addresses.c.district_id)
            .where(districts.c.layer == "ward", districts.c.code == ward)
            .order_by(addresses.c.id)
            .limit(1)
        ).one()
    return float(row.lat), float(row.lon)


def submitted_at(engine: Engine, service: str, lat: float, lon: float) -> tuple[str, str]:
    """Submit a call at the point as an operator; the queue code and explanation stored."""
    draft = IntakeDraft(
        caller=Caller("Ana", "Lopes", "617 555 0142", ""),
        location=Location(lat, lon, "at the pin"),
        service_code=service,
        answers={},
        description="Left chained to the railing for months.",
    )
    submission = Submission(str(uuid.uuid4()), draft)
    receipt = submit(lambda: SqlIntakeUnitOfWork(engine), submission, OPERATOR1, NOON)
    with engine.connect() as connection:
        row = connection.execute(
            select(queues.c.code, service_requests.c.routing_explanation)
            .join(queues, queues.c.id == service_requests.c.queue_id)
            .where(service_requests.c.id == receipt.request_id)
        ).one()
    return str(row.code), str(row.routing_explanation)


def test_the_tester_says_what_intake_then_does_and_why_other_rules_lost(engine: Engine) -> None:
    lat, lon = point_in_ward(engine, "3")
    answer = desk_for(engine).where_would_this_go(RoutingQuestion(BICYCLE, lat, lon))
    assert [(d.layer, d.code, d.name) for d in answer.districts] == [("ward", "3", "Ward 3")]
    assert answer.recorded_district is not None and answer.recorded_district.code == "3"
    assert answer.winner is not None and answer.winner.district_code == "3"
    assert str(answer.explanation).startswith(
        f"Routed to {answer.queue_name} because Abandoned Bicycle in Ward 3 goes there"
    )
    assert submitted_at(engine, BICYCLE, lat, lon) == (answer.queue_code, str(answer.explanation))
    (default,) = answer.losers
    assert default.rule.district_code is None
    assert str(default.reason) == (
        f"Rule {default.rule.rule_id} (to {default.rule.queue_code.split('_', 1)[1]}, rank 100) "
        "is less specific: it names the service in any district, "
        f"rule {answer.winner.rule_id} names the service in one district."
    )


def test_a_new_rule_changes_the_answer_and_intake_follows(engine: Engine) -> None:
    lat, lon = point_in_ward(engine, "3")
    desk = desk_for(engine)
    before = desk.where_would_this_go(RoutingQuestion(BICYCLE, lat, lon))
    added = desk.add(
        RuleDraft(
            service_code=BICYCLE,
            district_layer="ward",
            district_code="3",
            queue_code="PWDx_Bridge Maintenance",
            priority="urgent",
            rank="1",
        )
    )
    answer = desk.where_would_this_go(RoutingQuestion(BICYCLE, lat, lon))
    assert answer.queue_code == "PWDx_Bridge Maintenance"
    assert answer.priority.value == "urgent"
    assert str(answer.explanation) == (
        "Routed to Bridge Maintenance because Abandoned Bicycle in Ward 3 goes there "
        f"(rule {added.rule_id}, priority urgent)."
    )
    loser = next(lost for lost in answer.losers if lost.rule == before.winner)
    assert "has a higher rank (10) than rule" in str(loser.reason)
    assert submitted_at(engine, BICYCLE, lat, lon) == (answer.queue_code, str(answer.explanation))


def test_a_point_outside_every_district_gets_the_rules_for_any_district(engine: Engine) -> None:
    answer = desk_for(engine).where_would_this_go(RoutingQuestion(BICYCLE, *OCEAN))
    assert answer.districts == () and answer.recorded_district is None
    assert answer.winner is not None and answer.winner.district_code is None
    assert submitted_at(engine, BICYCLE, *OCEAN) == (answer.queue_code, str(answer.explanation))


def test_an_unknown_service_or_a_point_off_the_map_is_refused(engine: Engine) -> None:
    desk = desk_for(engine)
    with pytest.raises(RoutingRuleError, match="no active service 'nope'"):
        desk.where_would_this_go(RoutingQuestion("nope", *OCEAN))
    with pytest.raises(RoutingRuleError, match="is not a point on the map") as refused:
        desk.where_would_this_go(RoutingQuestion(BICYCLE, 95.0, 0.0))
    assert refused.value.field == "point"


def test_a_point_in_two_layers_names_both_and_the_one_intake_routes_by(engine: Engine) -> None:
    lat, lon = point_in_ward(engine, "3")
    with engine.begin() as connection:
        ward = connection.execute(
            select(districts).where(districts.c.layer == "ward", districts.c.code == "3")
        ).one()
        connection.execute(
            districts.insert().values(
                layer="council",
                code="C2",
                name="Council District 2",
                geometry=ward.geometry,
                min_lat=ward.min_lat,
                min_lon=ward.min_lon,
                max_lat=ward.max_lat,
                max_lon=ward.max_lon,
            )
        )
    answer = desk_for(engine).where_would_this_go(RoutingQuestion(BICYCLE, lat, lon))
    assert [(d.layer, d.name) for d in answer.districts] == [
        ("council", "Council District 2"),
        ("ward", "Ward 3"),
    ]
    assert answer.recorded_district is not None and answer.recorded_district.layer == "ward"
    assert submitted_at(engine, BICYCLE, lat, lon) == (answer.queue_code, str(answer.explanation))
