"""A configuration change committed by another connection reaches the bus's `changed` signal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert

from operator_console.services.config_changes import ConfigFeed
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import config_events
from operator_console.storage.feeds.config import PgConfigFeed, SqliteConfigFeed
from operator_console.ui.common.config_bus import ConfigBus

WAIT_MS = 10_000


def feed_for(url: str) -> ConfigFeed:
    if url.startswith("postgresql"):
        return PgConfigFeed(url)
    return SqliteConfigFeed(url, interval=0.05)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def bus(qtbot: QtBot, db_url: str) -> Iterator[ConfigBus]:
    """A bus whose feed is watching the database."""
    bus = ConfigBus()
    with qtbot.waitSignal(bus.listening, timeout=WAIT_MS):
        bus.attach(feed_for(db_url))
    yield bus
    bus.shutdown()


def record(engine: Engine, *kinds: str) -> None:
    """What an admin screen does: config_events rows in one transaction, as an admin."""
    with engine.begin() as connection:
        for kind in kinds:
            connection.execute(
                insert(config_events).values(
                    at=datetime.now(UTC), actor="admin", kind=kind, subject="PWD", detail=""
                )
            )


def test_a_row_added_by_another_connection_reaches_changed_with_its_kind(
    qtbot: QtBot, bus: ConfigBus, engine: Engine
) -> None:
    with qtbot.waitSignal(bus.changed, timeout=WAIT_MS) as heard:
        record(engine, "queue_added")
    assert heard.args == ["queue_added"]


def test_every_kind_of_one_transaction_arrives_once(
    qtbot: QtBot, bus: ConfigBus, engine: Engine
) -> None:
    kinds: list[str] = []
    bus.changed.connect(kinds.append)
    with qtbot.waitSignals([bus.changed, bus.changed], timeout=WAIT_MS):
        record(engine, "queue_added", "team_added", "queue_added")
    assert sorted(kinds) == ["queue_added", "team_added"]


def test_nothing_is_emitted_after_shutdown(qtbot: QtBot, db_url: str) -> None:
    bus = ConfigBus()
    with qtbot.waitSignal(bus.listening, timeout=WAIT_MS):
        bus.attach(feed_for(db_url))
    bus.shutdown()
    with qtbot.assertNotEmitted(bus.changed):
        bus.publish("queue_added")
