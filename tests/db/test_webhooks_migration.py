"""Migration 0018 on its own: its downgrade removes the hooks, the trigger and the column,
and upgrading again restores them (PostgreSQL and SQLite)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine


@pytest.mark.parametrize("url_fixture", ["pg_url", "sqlite_url"])
def test_the_downgrade_and_upgrade_again(url_fixture: str, request: pytest.FixtureRequest) -> None:
    engine = make_engine(request.getfixturevalue(url_fixture))
    try:
        schema.downgrade(engine, "0017_metric_rollups")
        tables = inspect(engine)
        assert "webhooks" not in tables.get_table_names()
        columns = {c["name"] for c in tables.get_columns("notification_outbox")}
        assert "webhook_id" not in columns
        schema.upgrade(engine)
        tables = inspect(engine)
        assert "webhooks" in tables.get_table_names()
        columns = {c["name"] for c in tables.get_columns("notification_outbox")}
        assert "webhook_id" in columns
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                triggers = connection.execute(
                    text("SELECT tgname FROM pg_trigger WHERE tgname = 'request_events_webhooks'")
                ).all()
            assert len(triggers) == 1
    finally:
        engine.dispose()
