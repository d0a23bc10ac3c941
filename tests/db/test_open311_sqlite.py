"""The Open311 server on the embedded SQLite database (a demo, a one-seat office): the same
endpoints, with the client recorded as the actor by the server itself."""

from __future__ import annotations

from sqlalchemy import text

from operator_console.storage.db.engine import make_engine
from tests.support.open311_server import asgi_client, new_client


def test_the_server_files_and_reads_on_sqlite(demo_sqlite_url: str) -> None:
    key = new_client(demo_sqlite_url, "Kiosk", channel="web")
    form = {
        "api_key": key,
        "service_code": "abandoned-bicycle",
        "lat": "42.3504",
        "long": "-71.0867",
        "description": "A bicycle locked to the rail for months.",
    }
    with asgi_client(demo_sqlite_url) as client:
        assert "abandoned-bicycle" in {
            s["service_code"] for s in client.get("/services.json").json()
        }
        answer = client.post("/requests.json", data=form)
        assert answer.status_code == 201, answer.text
        reference = answer.json()[0]["service_request_id"]
        [request] = client.get(f"/requests/{reference}.json").json()
        assert request["status"] == "open" and request["detailed_status"] == "OPEN"
        updates = client.get("/servicerequestupdates.xml").text
        assert reference in updates
        assert client.post("/requests.json", data=form | {"api_key": "x" * 64}).status_code == 403
    engine = make_engine(demo_sqlite_url)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT created_by, channel FROM service_requests WHERE reference = :r"),
            {"r": reference},
        ).one()
    engine.dispose()
    assert tuple(row) == ("open311:Kiosk", "web")
