"""Real clients' data through the Open311 server: Boston's and Bloomington's requests.json
POSTed back request by request and read back with the same fields; Bloomington's services.json
imported and served back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from operator_console.domain.open311 import services_from_json, services_to_json
from operator_console.services.catalog.exchange import (
    MAX_CODE_CHARS,
    SourceText,
    import_open311,
)
from operator_console.storage.catalog.store import SqlCatalogStore
from operator_console.storage.db.engine import make_engine
from tests.support.data import BLOOMINGTON_SERVICES, data_file
from tests.support.open311_server import (
    OWNER,
    TestClient,
    asgi_client,
    make_open311_login,
    new_client,
)

BOSTON = json.loads(data_file("open311/boston_requests_2026-03_sample50.json").read_text("utf-8"))
BLOOMINGTON = json.loads(data_file("open311/bloomington_in_requests.json").read_text("utf-8"))
SPEC_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}
POSTED_FIELDS = ("service_code", "service_name", "description", "address", "lat", "long")


def _import(url: str, services: list[dict[str, object]], name: str) -> None:
    engine = make_engine(url)
    try:
        text = json.dumps(services)
        import_open311(SqlCatalogStore(engine), OWNER, SourceText(name, text), [])
    finally:
        engine.dispose()


def _boston_code(code: str) -> str:
    """Boston's longest codes ("Department:Topic:Type") are over the catalog's 80 characters:
    those keep their last two parts."""
    return code if len(code) <= MAX_CODE_CHARS else ":".join(code.split(":")[-2:])


def _boston_services() -> list[dict[str, object]]:
    named = {_boston_code(r["service_code"]): r["service_name"] for r in BOSTON}
    return [
        {
            "service_code": code,
            "service_name": name,
            "description": "",
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": "",
        }
        for code, name in sorted(named.items())
    ]


def _form(request: dict[str, Any], key: str, code: str) -> dict[str, str]:
    contact = request.get("extended_attributes") or {}
    form = {
        "api_key": key,
        "service_code": code,
        "description": request.get("description") or "",
        "address_string": request.get("address") or "",
        "email": contact.get("email") or "",
        "first_name": contact.get("first_name") or "",
        "last_name": contact.get("last_name") or "",
        "media_url": request.get("media_url") or "",
    }
    if request.get("lat") is not None:
        form |= {"lat": repr(request["lat"]), "long": repr(request["long"])}
    for attribute in request.get("attributes") or []:
        form[f"attribute[{attribute['name']}]"] = attribute["code"]
    return form


@pytest.fixture
def server(demo_pg_url: str) -> Iterator[TestClient]:
    with asgi_client(make_open311_login(demo_pg_url)) as client:
        yield client


def _posted_back(
    client: TestClient, key: str, requests: list[dict[str, Any]], code_of: Any
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    pairs = []
    for request in requests:
        answer = client.post("/requests.json", data=_form(request, key, code_of(request)))
        assert answer.status_code == 201, (request["service_request_id"], answer.text)
        reference = answer.json()[0]["service_request_id"]
        [read] = client.get("/requests.json", params={"service_request_id": reference}).json()
        pairs.append((request, read))
    return pairs


def _same_fields(original: dict[str, Any], read: dict[str, Any], code: str) -> None:
    assert set(original) & SPEC_FIELDS <= set(read)
    assert read["service_code"] == code
    assert read["service_name"] == original["service_name"]
    assert read["description"] == (original.get("description") or "")
    assert read["address"] == (original.get("address") or None)
    assert (read["lat"], read["long"]) == (original["lat"], original["long"])
    assert read["media_url"] == (original.get("media_url") or None)
    assert read["status"] == "open"


def test_bostons_requests_are_posted_back_and_read_the_same(
    demo_pg_url: str, server: TestClient
) -> None:
    services = _boston_services()
    for request in BOSTON:  # the two that answered a question: a definition that asks it
        if request.get("attributes"):
            code = _boston_code(request["service_code"])
            _define(demo_pg_url, services, code, [a["name"] for a in request["attributes"]])
    _import(demo_pg_url, services, "boston services")
    key = new_client(demo_pg_url, "Boston BOS:311", per_minute=1000)
    located, nowhere = _by_location(BOSTON)
    assert (len(located), len(nowhere)) == (49, 1)
    pairs = _posted_back(server, key, located, lambda r: _boston_code(r["service_code"]))
    for original, read in pairs:
        _same_fields(original, read, _boston_code(original["service_code"]))
    _refused_for_no_location(server, key, nowhere, lambda r: _boston_code(r["service_code"]))


def test_bloomingtons_requests_are_posted_back_and_read_the_same(
    demo_pg_url: str, server: TestClient
) -> None:
    _import(demo_pg_url, json.loads(BLOOMINGTON_SERVICES.read_text("utf-8")), "bloomington")
    key = new_client(demo_pg_url, "uReport", per_minute=1000)
    located, nowhere = _by_location(BLOOMINGTON)
    assert (len(located), len(nowhere)) == (19, 2)
    for original, read in _posted_back(server, key, located, lambda r: r["service_code"]):
        _same_fields(original, read, original["service_code"])
    _refused_for_no_location(server, key, nowhere, lambda r: r["service_code"])


def _by_location(
    requests: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    located = [r for r in requests if r.get("lat") is not None or r.get("address")]
    return located, [r for r in requests if r not in located]


def _refused_for_no_location(
    client: TestClient, key: str, requests: list[dict[str, Any]], code_of: Any
) -> None:
    """The spec asks for lat and long or an address; the cities' servers took these without."""
    for request in requests:
        answer = client.post("/requests.json", data=_form(request, key, code_of(request)))
        assert answer.status_code == 400
        assert "location" in answer.json()[0]["description"]


def test_bloomingtons_services_json_round_trips(pg_url: str) -> None:
    document = json.loads(BLOOMINGTON_SERVICES.read_text("utf-8"))
    _import(pg_url, document, "bloomington_in_services.json")
    with asgi_client(make_open311_login(pg_url), pool_size=1) as client:
        served = client.get("/services.json").json()
    expected = services_to_json(services_from_json(document))
    assert expected == document  # the file is already in the spec's own form
    # metadata says whether the server holds a definition; the file came without them.
    assert served == [service | {"metadata": False} for service in document]


def _define(url: str, services: list[dict[str, object]], code: str, questions: list[str]) -> None:
    engine = make_engine(url)
    definition = {
        "service_code": code,
        "attributes": [
            {
                "code": question,
                "variable": True,
                "datatype": "string",
                "required": False,
                "datatype_description": None,
                "order": order,
                "description": question,
                "values": [],
            }
            for order, question in enumerate(questions, 1)
        ],
    }
    try:
        import_open311(
            SqlCatalogStore(engine),
            OWNER,
            SourceText("services", json.dumps(services)),
            [SourceText(f"{code}.json", json.dumps(definition))],
        )
    finally:
        engine.dispose()
