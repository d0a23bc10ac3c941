"""The Open311 server's database login (group console_open311): it files requests through
intake as its client application, and can read no caller, change no case, read no history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from operator_console.services.errors import DatabaseRefusedError
from operator_console.services.open311.errors import Open311Error
from operator_console.services.open311.keys import KeyHolder, key_hash, key_prefix
from operator_console.services.open311.server import file_request
from operator_console.storage.db.engine import make_engine
from operator_console.storage.open311.clients import SqlKeyGate
from operator_console.storage.open311.filing import SqlFilingPorts
from tests.support.open311_server import make_open311_login, new_client

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
GRAFFITI = {
    "service_code": ["building-inspection-request"],
    "lat": ["42.3504"],
    "long": ["-71.0867"],
    "description": ["Water through the ceiling."],
    "attribute[problem]": ["A leak from the roof"],
    "email": ["ana@example.org"],
    "first_name": ["Ana"],
    "last_name": ["Lopes"],
    "phone": ["617-635-4500"],
}


@pytest.fixture
def owner(demo_pg_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_pg_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def server_engine(demo_pg_url: str) -> Iterator[Engine]:
    engine = make_engine(make_open311_login(demo_pg_url))
    try:
        yield engine
    finally:
        engine.dispose()


def _holder(server_engine: Engine, key: str) -> KeyHolder:
    holder = SqlKeyGate(server_engine).holder(key_prefix(key))
    assert holder is not None and holder.key_hash == key_hash(key)
    return holder


def test_a_request_is_filed_through_intake_as_its_client(
    demo_pg_url: str, owner: Engine, server_engine: Engine
) -> None:
    holder = _holder(server_engine, new_client(demo_pg_url, "Citizens Connect", channel="app"))
    filed = file_request(SqlFilingPorts(server_engine), holder, GRAFFITI, NOW)
    with owner.connect() as connection:
        request = connection.execute(
            text(
                "SELECT id, created_by, channel, queue_id, due_at, caller_id, routing_explanation "
                "FROM service_requests WHERE reference = :r"
            ),
            {"r": filed.reference},
        ).one()
        events = connection.execute(
            text("SELECT kind, actor FROM request_events WHERE request_id = :id ORDER BY id"),
            {"id": request.id},
        ).all()
        caller = connection.execute(
            text("SELECT name, phone, email FROM callers WHERE id = :id"), {"id": request.caller_id}
        ).one()
        follower = connection.execute(
            text("SELECT added_by FROM request_followers WHERE request_id = :id"),
            {"id": request.id},
        ).scalar_one()
        outbox = connection.execute(
            text("SELECT kind, recipient FROM notification_outbox WHERE request_id = :id"),
            {"id": request.id},
        ).all()
    assert request.created_by == "open311:Citizens Connect"
    assert request.channel == "app"
    assert request.queue_id is not None and request.routing_explanation
    assert request.due_at is not None
    assert caller == ("Ana Lopes", "+16176354500", "ana@example.org")
    assert follower == "open311:Citizens Connect"
    assert {kind for kind, _ in events} >= {"created", "routed"}
    assert {actor for _, actor in events} == {"open311:Citizens Connect"}
    assert [row.kind for row in outbox] == ["received"]


def test_the_duplicate_candidates_shown_are_noted_on_the_new_request(
    demo_pg_url: str, owner: Engine, server_engine: Engine
) -> None:
    holder = _holder(server_engine, new_client(demo_pg_url, "web form", channel="web"))
    ports = SqlFilingPorts(server_engine)
    first = file_request(ports, holder, GRAFFITI, NOW)
    second = file_request(ports, holder, GRAFFITI, NOW)
    assert second.duplicates_shown >= 1
    with owner.connect() as connection:
        noted = connection.execute(
            text(
                "SELECT e.to_value, e.actor FROM request_events e JOIN service_requests r "
                "ON r.id = e.request_id WHERE r.reference = :r "
                "AND e.kind = 'submitted_despite_duplicate'"
            ),
            {"r": second.reference},
        ).one()
    assert first.reference in noted.to_value
    assert noted.actor == "open311:web form"


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT name FROM callers",
        "SELECT email FROM callers",
        "SELECT reason FROM request_events",
        "SELECT * FROM request_followers",
        "SELECT * FROM notification_outbox",
        "SELECT login FROM staff",
        "SELECT key_hash, created_by FROM open311_clients",
        "UPDATE service_requests SET priority = 'high'",
        "UPDATE service_requests SET status = 'closed'",
        "DELETE FROM service_requests",
        "UPDATE callers SET phone = '+16170000000'",
        "DELETE FROM open311_clients",
    ],
)
def test_the_server_login_is_refused(
    demo_pg_url: str, server_engine: Engine, statement: str
) -> None:
    with pytest.raises(DBAPIError, match="permission denied"), server_engine.begin() as c:
        c.execute(text(statement))


def test_the_server_login_sees_no_caller_and_only_the_public_history(
    demo_pg_url: str, owner: Engine, server_engine: Engine
) -> None:
    with owner.begin() as connection:
        known = connection.execute(
            text(
                "INSERT INTO callers (phone, name, email, created_at) "
                "VALUES ('+16176354500', 'Bo Known', 'bo@example.org', now()) RETURNING id"
            )
        ).scalar_one()
    holder = _holder(server_engine, new_client(demo_pg_url, "app one"))
    filed = file_request(SqlFilingPorts(server_engine), holder, GRAFFITI, NOW)
    with owner.connect() as connection:
        rows = connection.execute(
            text("SELECT id, name, email FROM callers WHERE phone = '+16176354500' ORDER BY id")
        ).all()
        filed_caller = connection.execute(
            text("SELECT caller_id FROM service_requests WHERE reference = :r"),
            {"r": filed.reference},
        ).scalar_one()
    assert rows[0] == (known, "Bo Known", "bo@example.org")  # posting a phone changes no one
    assert filed_caller == rows[1].id and rows[1].name == "Ana Lopes"
    fresh = make_engine(server_engine.url.render_as_string(hide_password=False))
    try:
        with fresh.connect() as connection:
            assert connection.execute(text("SELECT id, phone FROM callers")).all() == []
            public = connection.execute(
                text("SELECT DISTINCT kind FROM public_request_events")
            ).scalars()
            assert "routed" not in set(public)
    finally:
        fresh.dispose()


def test_the_history_guard_takes_only_intake_events_on_its_own_filings(
    demo_pg_url: str, owner: Engine, server_engine: Engine
) -> None:
    holder = _holder(server_engine, new_client(demo_pg_url, "app two"))
    mine = file_request(SqlFilingPorts(server_engine), holder, GRAFFITI, NOW)
    with owner.connect() as connection:
        ids = dict(
            connection.execute(
                text(
                    "SELECT reference, id FROM service_requests "
                    "WHERE reference = :mine OR id = (SELECT min(id) FROM service_requests)"
                ),
                {"mine": mine.reference},
            ).all()
        )
    someone_elses = min(ids.values())
    insert = text(
        "INSERT INTO request_events (request_id, at, actor, kind, reason) "
        "VALUES (:id, now(), 'x', :kind, 'words')"
    )
    name = text("SELECT set_config('operator_console.open311_client', :name, true)")
    for request_id, kind, refusal in [
        (ids[mine.reference], "note", "writes no history events of kind note"),
        (someone_elses, "created", "go only on a request this login filed"),
    ]:
        with pytest.raises(DBAPIError, match=refusal), server_engine.begin() as connection:
            connection.execute(name, {"name": "app two"})
            connection.execute(insert, {"id": request_id, "kind": kind})
    with pytest.raises(DBAPIError, match="names 'nobody'"), server_engine.begin() as connection:
        connection.execute(name, {"name": "nobody"})
        connection.execute(insert, {"id": ids[mine.reference], "kind": "created"})


def test_a_revoked_client_files_nothing(
    demo_pg_url: str, owner: Engine, server_engine: Engine
) -> None:
    holder = _holder(server_engine, new_client(demo_pg_url, "gone"))
    with owner.begin() as connection:
        connection.execute(text("UPDATE open311_clients SET revoked_at = now(), revoked_by = 'x'"))
    with pytest.raises(DatabaseRefusedError, match="whose key is not revoked"):
        file_request(SqlFilingPorts(server_engine), holder, GRAFFITI, NOW)


def test_a_staff_only_service_is_refused(demo_pg_url: str, server_engine: Engine) -> None:
    holder = _holder(server_engine, new_client(demo_pg_url, "app three"))
    form = GRAFFITI | {"service_code": ["ce-collection"]}
    with pytest.raises(Open311Error, match=r"not a service in services\.json"):
        file_request(SqlFilingPorts(server_engine), holder, form, NOW)
