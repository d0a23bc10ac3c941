"""A city with two district layers on PostgreSQL and SQLite (the demo's wards, and a "council"
layer over them): a rule for a district of either layer routes a request there, the more
specific rule and then the lower rank win as documented, a case records the district of the
city's routing layer, and intake, the "where would this go?" tester and re-routing agree."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, update

from operator_console.app.cli import main
from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.routing.ports import RuleDraft
from operator_console.services.admin.routing.tester import RoutingAnswer, RoutingQuestion
from operator_console.services.cases.actions import reroute_case
from operator_console.services.cases.commands import CaseRef, RerouteCase
from operator_console.services.cases.ports import CaseLocation
from operator_console.services.city_bundle.reader import read_bundle
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.admin.routing.store import (
    SqlRoutingAdminUnitOfWork,
    SqlRoutingTestReads,
)
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.city_bundle.export import export_city
from operator_console.storage.city_bundle.load import load_city
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    addresses,
    city,
    districts,
    queues,
    service_requests,
)
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.city_bundles import (
    SMALL_CITY_TOML,
    feature_collection,
    square,
    write_files,
    write_small_bundle,
)
from tests.support.staff import ADMIN1, OPERATOR1, SUPERVISOR1

NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
BICYCLE = "abandoned-bicycle"
VEHICLES = "abandoned-vehicles"
BRIDGES = "PWDx_Bridge Maintenance"


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


def ward(engine: Engine, code: str) -> Any:
    with engine.connect() as connection:
        return connection.execute(
            select(districts).where(districts.c.layer == "ward", districts.c.code == code)
        ).one()


def point_in_ward(engine: Engine, code: str) -> tuple[float, float]:
    """A gazetteer address of the ward: a point inside its outline."""
    with engine.connect() as connection:
        row = connection.execute(
            select(addresses.c.lat, addresses.c.lon)
            .join(districts, districts.c.id == addresses.c.district_id)
            .where(districts.c.layer == "ward", districts.c.code == code)
            .order_by(addresses.c.id)
            .limit(1)
        ).one()
    return float(row.lat), float(row.lon)


def add_council_district(engine: Engine, code: str, name: str, over_ward: str) -> int:
    """A district of the "council" layer with the outline of a ward; its id."""
    outline = ward(engine, over_ward)
    with engine.begin() as connection:
        return int(
            connection.execute(
                districts.insert()
                .values(
                    layer="council",
                    code=code,
                    name=name,
                    geometry=outline.geometry,
                    min_lat=outline.min_lat,
                    min_lon=outline.min_lon,
                    max_lat=outline.max_lat,
                    max_lon=outline.max_lon,
                )
                .returning(districts.c.id)
            ).scalar_one()
        )


def set_routing_layer(engine: Engine, layer: str | None) -> None:
    with engine.begin() as connection:
        connection.execute(update(city).values(routing_layer=layer))


def submitted(engine: Engine, service: str, point: tuple[float, float]) -> Any:
    """Submit a call at the point as an operator; the stored case with its queue's code."""
    draft = IntakeDraft(
        caller=Caller("Ana", "Lopes", "617 555 0142", ""),
        location=Location(*point, "at the pin"),
        service_code=service,
        answers={},
        description="Left on the sidewalk for months.",
    )
    submission = Submission(str(uuid.uuid4()), draft)
    receipt = submit(lambda: SqlIntakeUnitOfWork(engine), submission, OPERATOR1, NOON)
    return stored_case(engine, receipt.request_id)


def stored_case(engine: Engine, request_id: int) -> Any:
    r = service_requests.c
    with engine.connect() as connection:
        return connection.execute(
            select(r.id, r.version, r.district_id, r.routing_explanation, queues.c.code)
            .join(queues, queues.c.id == r.queue_id)
            .where(r.id == request_id)
        ).one()


def answer_at(engine: Engine, service: str, point: tuple[float, float]) -> RoutingAnswer:
    return desk_for(engine).where_would_this_go(RoutingQuestion(service, *point))


def bicycle_rule(layer: str, district: str, rank: str, queue: str = BRIDGES) -> RuleDraft:
    return RuleDraft(
        service_code=BICYCLE,
        district_layer=layer,
        district_code=district,
        queue_code=queue,
        rank=rank,
    )


def test_a_rule_for_a_council_district_routes_a_request_there(engine: Engine) -> None:
    add_council_district(engine, "C2", "Council District 2", over_ward="3")
    council_rule = desk_for(engine).add(bicycle_rule("council", "C2", rank="1"))
    point = point_in_ward(engine, "3")

    case = submitted(engine, BICYCLE, point)
    assert case.code == BRIDGES
    assert case.routing_explanation == (
        "Routed to Bridge Maintenance because Abandoned Bicycle in Council District 2 (council) "
        f"goes there (rule {council_rule.rule_id})."
    )
    assert case.district_id == ward(engine, "3").id  # the routing layer's district

    answer = answer_at(engine, BICYCLE, point)
    assert (answer.queue_code, str(answer.explanation)) == (case.code, case.routing_explanation)
    assert [(d.layer, d.code) for d in answer.districts] == [("council", "C2"), ("ward", "3")]
    assert answer.recorded_district is not None
    assert (answer.recorded_district.layer, answer.recorded_district.code) == ("ward", "3")
    ward_rule = next(lost for lost in answer.losers if lost.rule.district_layer == "ward")
    assert ward_rule.rule.district_code == "3"
    assert f"has a higher rank (10) than rule {council_rule.rule_id} (1)" in str(ward_rule.reason)


def test_a_ward_rule_more_specific_than_a_council_rule_wins(engine: Engine) -> None:
    add_council_district(engine, "C2", "Council District 2", over_ward="3")
    everything_in_council = desk_for(engine).add(
        RuleDraft(district_layer="council", district_code="C2", queue_code=BRIDGES, rank="1")
    )
    point = point_in_ward(engine, "3")

    case = submitted(engine, BICYCLE, point)
    assert case.code == "BTDT_District 06"
    assert case.routing_explanation.startswith(
        "Routed to District 06 because Abandoned Bicycle in Ward 3 (ward) goes there"
    )
    answer = answer_at(engine, BICYCLE, point)
    assert (answer.queue_code, str(answer.explanation)) == (case.code, case.routing_explanation)
    assert answer.winner is not None
    lost = next(lost for lost in answer.losers if lost.rule.district_layer == "council")
    assert lost.rule.rule_id == everything_in_council.rule_id
    assert str(lost.reason) == (
        f"Rule {everything_in_council.rule_id} (to Bridge Maintenance, rank 1) is less specific: "
        "it names every service in one district, "
        f"rule {answer.winner.rule_id} names the service in one district."
    )


def test_rules_of_the_same_reach_and_rank_go_by_the_one_added_first(engine: Engine) -> None:
    add_council_district(engine, "C2", "Council District 2", over_ward="3")
    council_rule = desk_for(engine).add(bicycle_rule("council", "C2", rank="10"))
    point = point_in_ward(engine, "3")

    case = submitted(engine, BICYCLE, point)
    assert case.code == "BTDT_District 06"  # the ward's rule, loaded with the city
    answer = answer_at(engine, BICYCLE, point)
    assert (answer.queue_code, str(answer.explanation)) == (case.code, case.routing_explanation)
    assert answer.winner is not None and answer.winner.district_layer == "ward"
    lost = next(lost for lost in answer.losers if lost.rule.rule_id == council_rule.rule_id)
    assert str(lost.reason).endswith(
        f"has the same reach and rank as rule {answer.winner.rule_id}, which was added first."
    )


def test_a_code_used_by_two_layers_names_two_districts(engine: Engine) -> None:
    add_council_district(engine, "3", "Council District 3", over_ward="4")
    in_ward_4 = point_in_ward(engine, "4")

    answer = answer_at(engine, BICYCLE, in_ward_4)
    assert [(d.layer, d.code) for d in answer.districts] == [("council", "3"), ("ward", "4")]
    assert answer.winner is not None and answer.winner.district_code is None
    assert answer.losers == ()  # the rule for ward 3 is not one for council district 3
    assert submitted(engine, BICYCLE, in_ward_4).code == "BTDT_Abandoned Bicycle"

    desk_for(engine).add(bicycle_rule("council", "3", rank="1"))
    assert submitted(engine, BICYCLE, in_ward_4).code == BRIDGES
    assert submitted(engine, BICYCLE, point_in_ward(engine, "3")).code == "BTDT_District 06"


@pytest.mark.parametrize(
    ("routing_layer", "recorded"),
    [("ward", "ward"), ("council", "council"), (None, "council")],  # None: first by name
)
def test_a_case_records_the_district_of_the_routing_layer(
    engine: Engine, routing_layer: str | None, recorded: str
) -> None:
    council_id = add_council_district(engine, "C2", "Council District 2", over_ward="3")
    set_routing_layer(engine, routing_layer)
    point = point_in_ward(engine, "3")

    expected = council_id if recorded == "council" else ward(engine, "3").id
    assert submitted(engine, BICYCLE, point).district_id == expected
    answer = answer_at(engine, BICYCLE, point)
    assert answer.recorded_district is not None
    assert answer.recorded_district.layer == recorded
    with SqlIntakeUnitOfWork(engine) as uow:
        found = uow.districts_at(*point)
    assert found.recorded is not None and found.recorded.id == expected


def test_a_point_outside_the_routing_layer_records_no_district(engine: Engine) -> None:
    add_council_district(engine, "C2", "Council District 2", over_ward="3")
    set_routing_layer(engine, "neighborhood")  # a layer with no district at the point
    case = submitted(engine, BICYCLE, point_in_ward(engine, "3"))
    assert case.district_id is None
    assert case.code == "BTDT_District 06"  # still routed by the districts it lies in


def test_rerouting_matches_every_layer_and_keeps_or_records_the_district(engine: Engine) -> None:
    add_council_district(engine, "C2", "Council District 2", over_ward="3")
    council_rule = desk_for(engine).add(bicycle_rule("council", "C2", rank="1"))
    in_ward_3, in_ward_4 = point_in_ward(engine, "3"), point_in_ward(engine, "4")

    vehicle = submitted(engine, VEHICLES, in_ward_3)
    recategorised = RerouteCase(
        CaseRef(vehicle.id, vehicle.version), "It is a bicycle", service_code=BICYCLE
    )
    reroute_case(SqlCaseUnitOfWork(engine), recategorised, SUPERVISOR1, NOON)
    after = stored_case(engine, vehicle.id)
    assert after.code == BRIDGES
    assert f"(rule {council_rule.rule_id})" in after.routing_explanation
    assert after.district_id == vehicle.district_id == ward(engine, "3").id

    bicycle = submitted(engine, BICYCLE, in_ward_4)
    assert bicycle.district_id == ward(engine, "4").id
    moved = RerouteCase(
        CaseRef(bicycle.id, bicycle.version),
        "The caller gave the wrong street",
        location=CaseLocation(*in_ward_3, "at the new pin"),
    )
    reroute_case(SqlCaseUnitOfWork(engine), moved, SUPERVISOR1, NOON)
    after = stored_case(engine, bicycle.id)
    assert (after.code, after.district_id) == (BRIDGES, ward(engine, "3").id)


COUNCIL_LAYER = """
[[districts]]
layer = "council"
file = "districts/council.geojson"
code_property = "code"
"""


def test_a_bundles_first_layer_is_the_routing_layer_and_the_export_keeps_it_first(
    sqlite_url: str, tmp_path: Path
) -> None:
    council_first = SMALL_CITY_TOML.replace("\n[[districts]]", COUNCIL_LAYER + "\n[[districts]]", 1)
    folder = write_small_bundle(tmp_path / "bundle", city_toml=council_first)
    both_wards: dict[str, object] = {
        "type": "Feature",
        "properties": {"code": "east"},
        "geometry": {"type": "Polygon", "coordinates": square(-89.70, 39.75, 0.10)},
    }
    write_files(folder, {"districts/council.geojson": feature_collection([both_wards])})
    bundle = read_bundle(folder)
    assert [layer.layer for layer in bundle.layers] == ["council", "ward"]
    engine = make_engine(sqlite_url)
    load_city(engine, bundle, StaffIdentity("owner", "Owner", Role.ADMIN.value), NOON)

    with engine.connect() as connection:
        assert connection.execute(select(city.c.routing_layer)).scalar_one() == "council"
    with SqlIntakeUnitOfWork(engine) as uow:
        found = uow.districts_at(39.76, -89.64)  # in ward 2 and council district "east"
    assert [(d.layer, d.code) for d in found.every] == [("council", "east"), ("ward", "2")]
    assert found.recorded is not None and found.recorded.code == "east"

    set_routing_layer(engine, "ward")
    assert [layer.layer for layer in export_city(engine).layers] == ["ward", "council"]
    engine.dispose()


def test_an_imported_request_is_routed_and_recorded_as_intake_would(
    demo_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(demo_sqlite_url)
    add_council_district(engine, "C2", "Council District 2", over_ward="3")
    council_rule = desk_for(engine).add(bicycle_rule("council", "C2", rank="1"))
    lat, lon = point_in_ward(engine, "3")
    export = tmp_path / "bicycles.csv"
    with export.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(
            [
                ["CASE_ENQUIRY_ID", "OPEN_DT", "CASE_STATUS", "TYPE", "LATITUDE", "LONGITUDE"],
                ["301", "01/05/2015 12:40:41 PM", "Open", "Abandoned Bicycle", lat, lon],
            ]
        )
    command = ["import", "requests", "--mapping", "boston", "--quiet", str(export)]
    assert main(["--database-url", demo_sqlite_url, "--staff", "admin1", *command]) == 0
    assert "1 imported" in capsys.readouterr().out
    r = service_requests.c
    with engine.connect() as connection:
        imported = connection.execute(
            select(r.district_id, r.routing_explanation, queues.c.code)
            .join(queues, queues.c.id == r.queue_id)
            .where(r.source_id == "301")
        ).one()
    assert imported.code == BRIDGES
    assert imported.routing_explanation == (
        "Routed to Bridge Maintenance because Abandoned Bicycle in Council District 2 (council) "
        f"goes there (rule {council_rule.rule_id})."
    )
    assert imported.district_id == ward(engine, "3").id
    engine.dispose()
