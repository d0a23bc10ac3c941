"""The Open311 GeoReport v2 server over HTTP against PostgreSQL: every endpoint in JSON and XML,
the spec's errors, and the status the staff set read back by residents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import httpx
import pytest
from sqlalchemy import Engine, text

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.cases.actions import add_note, move_cases
from operator_console.services.cases.commands import AddNote, CaseRef, MoveCases
from operator_console.services.duplicates.actions import MarkDuplicate, mark_duplicate
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.duplicates.store import SqlDuplicateStore
from tests.support.open311_server import (
    TestClient,
    asgi_client,
    live_server,
    make_open311_login,
    new_client,
)
from tests.support.staff import ADMIN1

INSPECTION = {
    "service_code": "building-inspection-request",
    "lat": "42.3504",
    "long": "-71.0867",
    "description": "Water through the ceiling.",
    "attribute[problem]": "A leak from the roof",
    "attribute[owner_occupied]": "no",
    "email": "ana@example.org",
    "first_name": "Ana",
    "last_name": "Lopes",
}


@pytest.fixture
def owner(demo_pg_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_pg_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def client(demo_pg_url: str) -> Iterator[TestClient]:
    with asgi_client(make_open311_login(demo_pg_url)) as test_client:
        yield test_client


@pytest.fixture
def api_key(demo_pg_url: str) -> str:
    return new_client(demo_pg_url, "Resident app")


def _post(client: TestClient, form: dict[str, str], fmt: str = "json") -> httpx.Response:
    return client.post(f"/requests.{fmt}", data=form)


def _filed(client: TestClient, api_key: str, **changes: str) -> dict[str, object]:
    answer = _post(client, INSPECTION | {"api_key": api_key} | changes)
    assert answer.status_code == 201, answer.text
    [filed] = answer.json()
    return dict(filed)


def _xml(answer: httpx.Response) -> ElementTree.Element:
    assert answer.headers["content-type"].startswith("text/xml")
    return ElementTree.fromstring(answer.content)


def test_services_list_the_public_catalog_in_json_and_xml(client: TestClient) -> None:
    listed = client.get("/services.json")
    assert listed.status_code == 200
    codes = {service["service_code"] for service in listed.json()}
    assert "building-inspection-request" in codes
    assert "ce-collection" not in codes  # staff only
    inspection = next(
        s for s in listed.json() if s["service_code"] == "building-inspection-request"
    )
    assert inspection["metadata"] is True and inspection["type"] == "realtime"
    root = _xml(client.get("/services.xml"))
    assert root.tag == "services"
    assert {s.findtext("service_code") for s in root.findall("service")} == codes


def test_a_service_definition_in_json_and_xml(client: TestClient) -> None:
    definition = client.get("/services/building-inspection-request.json").json()
    problem = definition["attributes"][0]
    assert (problem["code"], problem["required"], problem["datatype"]) == ("problem", True, "text")
    root = _xml(client.get("/services/building-inspection-request.xml"))
    assert root.tag == "service_definition"
    values = root.findall("attributes/attribute/values/value/key")
    assert {value.text for value in values} >= {"yes", "no"}


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_service_is_a_404_in_the_spec_format(client: TestClient, fmt: str) -> None:
    answer = client.get(f"/services/no-such-thing.{fmt}")
    assert answer.status_code == 404
    if fmt == "json":
        [error] = answer.json()
        assert error["code"] == 404 and "no-such-thing" in error["description"]
    else:
        root = _xml(answer)
        assert root.tag == "errors" and root.findtext("error/code") == "404"


def test_a_posted_request_is_filed_and_read_back(
    client: TestClient, api_key: str, owner: Engine
) -> None:
    filed = _filed(client, api_key, media_url="https://example.org/leak.jpg")
    reference = str(filed["service_request_id"])
    [request] = client.get(f"/requests/{reference}.json").json()
    assert request["status"] == "open"
    assert request["detailed_status"] == "OPEN"
    assert request["service_code"] == "building-inspection-request"
    assert request["description"] == "Water through the ceiling."
    assert (request["lat"], request["long"]) == (42.3504, -71.0867)
    assert request["media_url"] == "https://example.org/leak.jpg"
    assert request["agency_responsible"] and request["expected_datetime"]
    assert "email" not in request and "Ana" not in str(request)
    [token] = client.get(f"/tokens/{filed['token']}.json").json()
    assert token["service_request_id"] == reference
    root = _xml(client.get(f"/requests/{reference}.xml"))
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == reference
    with owner.connect() as connection:
        channel = connection.execute(
            text("SELECT channel, created_by FROM service_requests WHERE reference = :r"),
            {"r": reference},
        ).one()
    assert tuple(channel) == ("app", "open311:Resident app")


def test_requests_json_filters_as_the_spec_says(client: TestClient, api_key: str) -> None:
    first = _filed(client, api_key)["service_request_id"]
    second = _filed(client, api_key, service_code="abandoned-bicycle")
    listed = client.get("/requests.json").json()
    assert {first, second["service_request_id"]} <= {r["service_request_id"] for r in listed}
    inspections = client.get(
        "/requests.json", params={"service_code": "building-inspection-request"}
    ).json()
    assert {r["service_code"] for r in inspections} == {"building-inspection-request"}
    both = client.get(
        "/requests.json", params={"service_request_id": f"{first},{second['service_request_id']}"}
    ).json()
    assert len(both) == 2
    closed = client.get("/requests.json", params={"status": "closed"}).json()
    assert all(r["status"] == "closed" for r in closed)
    opened = client.get("/requests.json", params={"status": "open"}).json()
    assert first in {r["service_request_id"] for r in opened}
    later = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    assert client.get("/requests.json", params={"start_date": later}).json() == []
    root = _xml(client.get("/requests.xml", params={"service_request_id": first}))
    assert [r.findtext("service_request_id") for r in root.findall("request")] == [first]


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"start_date": "yesterday"}, "start_date"),
        ({"start_date": "2026-03-01T00:00:00"}, "time zone"),
        ({"status": "fixed"}, "status"),
    ],
)
def test_a_bad_filter_is_a_400(client: TestClient, params: dict[str, str], said: str) -> None:
    answer = client.get("/requests.json", params=params)
    assert answer.status_code == 400
    assert said in answer.json()[0]["description"]


@pytest.mark.parametrize(
    ("changes", "status", "said"),
    [
        ({"api_key": ""}, 403, "api_key"),
        ({"api_key": "0" * 64}, 403, "api_key"),
        ({"service_code": "no-such-service"}, 400, "service_code"),
        ({"service_code": "ce-collection"}, 400, "service_code"),
        ({"attribute[problem]": ""}, 400, "attribute[problem]: This question needs an answer."),
        ({"attribute[owner_occupied]": "maybe"}, 400, "attribute[owner_occupied]"),
        ({"lat": "north", "long": "-71"}, 400, "lat and long: decimal degrees"),
        ({"lat": "142.35"}, 400, "off the globe"),
        ({"long": ""}, 400, "send both"),
        ({"lat": "", "long": ""}, 400, "lat and long, or an address_string"),
        ({"email": "not an address"}, 400, "email:"),
        ({"description": "x" * 4001}, 400, "description:"),
    ],
)
def test_a_bad_post_is_refused_in_the_spec_format(
    client: TestClient, api_key: str, changes: dict[str, str], status: int, said: str
) -> None:
    form = INSPECTION | {"api_key": api_key} | changes
    answer = _post(client, form)
    assert answer.status_code == status, answer.text
    errors = answer.json()
    assert all(error["code"] == status for error in errors)
    assert any(said in error["description"] for error in errors), errors
    root = _xml(_post(client, form, "xml"))
    assert root.tag == "errors" and root.findtext("error/code") == str(status)


def test_a_revoked_key_is_refused(client: TestClient, api_key: str, owner: Engine) -> None:
    _filed(client, api_key)
    with owner.begin() as connection:
        connection.execute(text("UPDATE open311_clients SET revoked_at = now(), revoked_by = 'a'"))
    answer = _post(client, INSPECTION | {"api_key": api_key})
    assert answer.status_code == 403


def test_a_key_past_its_limit_is_told_to_wait(demo_pg_url: str) -> None:
    key = new_client(demo_pg_url, "small app", per_minute=2)
    minute = datetime(2026, 12, 7, 9, 30, 15, tzinfo=UTC)  # every request in the same minute
    with asgi_client(make_open311_login(demo_pg_url), clock=lambda: minute) as client:
        _four_posts_past_a_limit_of_two(client, key)


def _four_posts_past_a_limit_of_two(client: TestClient, key: str) -> None:
    assert [_post(client, INSPECTION | {"api_key": key}).status_code for _ in range(3)] == [
        201,
        201,
        429,
    ]
    [error] = _post(client, INSPECTION | {"api_key": key}).json()
    assert error["code"] == 429 and "more than 2 requests this minute" in error["description"]


def test_residents_read_the_status_notes_and_the_date_the_staff_set(
    client: TestClient, api_key: str, owner: Engine
) -> None:
    reference = str(_filed(client, api_key)["service_request_id"])
    request_id, version = _case(owner, reference)
    now = datetime.now(UTC)
    add_note(
        SqlCaseUnitOfWork(owner), AddNote(CaseRef(request_id, version), "Crew booked."), ADMIN1, now
    )
    request_id, version = _case(owner, reference)
    add_note(
        SqlCaseUnitOfWork(owner),
        AddNote(CaseRef(request_id, version), "Crew visits Tuesday.", public=True),
        ADMIN1,
        now,
    )
    [request] = client.get(f"/requests/{reference}.json").json()
    assert request["status_notes"] == "Crew visits Tuesday."
    request_id, version = _case(owner, reference)
    move_cases(
        SqlCaseUnitOfWork(owner),
        MoveCases(
            (CaseRef(request_id, version),),
            Status.RESOLVED,
            "Roof patched.",
            ClosureReason.FIXED,
        ),
        ADMIN1,
        now + timedelta(minutes=1),
    )
    [request] = client.get(f"/requests/{reference}.json").json()
    assert (request["status"], request["detailed_status"]) == ("closed", "FIXED")
    assert request["status_notes"] == "Roof patched."
    updates = client.get(
        "/servicerequestupdates.json", params={"start_date": (now - timedelta(hours=1)).isoformat()}
    ).json()
    mine = [u for u in updates if u["service_request_id"] == reference]
    assert [u["status"] for u in mine][-1] == "FIXED"
    assert "Crew booked." not in str(updates)
    assert {"update_id", "updated_datetime", "description", "media_url"} <= set(mine[0])
    root = _xml(client.get("/servicerequestupdates.xml"))
    assert root.tag == "service_request_updates" and root.find("request_update") is not None


def test_a_merged_request_names_its_parent(client: TestClient, api_key: str, owner: Engine) -> None:
    parent = str(_filed(client, api_key)["service_request_id"])
    child = str(_filed(client, api_key)["service_request_id"])
    child_id, child_version = _case(owner, child)
    parent_id, _ = _case(owner, parent)
    store = SqlDuplicateStore(owner)
    mark_duplicate(
        store.unit_of_work(),
        MarkDuplicate(child_id, parent_id, child_version, "Same leak."),
        ADMIN1,
        datetime.now(UTC),
    )
    [request] = client.get(f"/requests/{child}.json").json()
    assert (request["status"], request["detailed_status"]) == ("closed", "DUPLICATE")
    assert request["duplicate_of"] == parent
    root = _xml(client.get(f"/requests/{child}.xml"))
    assert root.findtext("request/duplicate_of") == parent


def test_an_unknown_request_or_token_is_a_404(client: TestClient) -> None:
    assert client.get("/requests/NOPE-1.json").status_code == 404
    assert client.get("/tokens/nope.xml").status_code == 404
    assert client.get("/nothing-here.json").json()[0]["code"] == 404


def test_a_real_uvicorn_serves_and_files(demo_pg_url: str, api_key: str) -> None:
    with live_server(make_open311_login(demo_pg_url)) as base, httpx.Client(base_url=base) as http:
        assert http.get("/services.json").status_code == 200
        filed = http.post("/requests.json", data=INSPECTION | {"api_key": api_key})
        assert filed.status_code == 201
        reference = filed.json()[0]["service_request_id"]
        assert http.get(f"/requests/{reference}.json").json()[0]["service_request_id"] == reference


def _case(owner: Engine, reference: str) -> tuple[int, int]:
    with owner.connect() as connection:
        row = connection.execute(
            text("SELECT id, version FROM service_requests WHERE reference = :r"), {"r": reference}
        ).one()
    return int(row.id), int(row.version)
