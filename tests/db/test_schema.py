"""The migration history builds the same schema on PostgreSQL and SQLite."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import inspect, text

from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import metadata


def test_migrations_create_every_table(db_url: str) -> None:
    engine = make_engine(db_url)
    assert schema.is_current(engine)
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_newer_schema_is_refused(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(schema.SchemaTooNewError, match="newer than this console"):
        schema.upgrade(engine)
    engine.dispose()


def test_request_change_is_announced_on_postgresql(pg_url: str) -> None:
    engine = make_engine(pg_url)
    dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as listener:
        listener.execute("LISTEN request_changes")
        with engine.begin() as connection:
            _insert_minimal_request(connection)
        notices = list(listener.notifies(timeout=5, stop_after=1))
    payload = json.loads(notices[0].payload)
    assert payload["kind"] == "insert"
    assert payload["version"] == 1
    assert payload["queue"] is None
    engine.dispose()


def _insert_minimal_request(connection: object) -> None:
    execute = connection.execute  # type: ignore[attr-defined]
    execute(text("INSERT INTO services (code, name) VALUES ('pothole', 'Pothole')"))
    execute(
        text(
            "INSERT INTO service_requests (reference, client_uuid, service_id, status, priority,"
            " answers, created_by, created_at, updated_at) VALUES ('BOS-26-000001', 'u-1',"
            " (SELECT id FROM services), 'received', 'normal', '{}', 'tester', now(), now())"
        )
    )


def test_every_sqlite_trigger_survives_the_later_migrations(sqlite_url: str) -> None:
    # A batch copy of a table on SQLite drops its triggers: later migrations must not make one.
    engine = make_engine(sqlite_url)
    with engine.connect() as connection:
        triggers = set(
            connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            .scalars()
            .all()
        )
    engine.dispose()
    for table in ("callers", "service_requests"):
        assert {f"{table}_search_{op}" for op in ("insert", "update", "delete")} <= triggers
    assert {"service_requests_at_risk_insert", "request_events_search_note"} <= triggers
