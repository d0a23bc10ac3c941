"""Two consoles on one PostgreSQL database see a third party's changes, on the Qt thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert, select, update

from operator_console.services.changes import ChangeBatch, RequestChange
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.ui.common.change_bus import ChangeBus
from tests.support.rows import BASE_TIME, add_requests

WAIT_MS = 10_000


class Console:
    """A change bus and what reached its subscriber, as a console's panels would see it."""

    def __init__(self) -> None:
        self.bus = ChangeBus()
        self.batches: list[ChangeBatch] = []
        self.off_qt_thread = 0
        self.bus.requests_changed.connect(self._on_bus_requests_changed)

    def _on_bus_requests_changed(self, batch: ChangeBatch) -> None:
        if threading.current_thread() is not threading.main_thread():
            self.off_qt_thread += 1
        self.batches.append(batch)

    def changes(self) -> list[RequestChange]:
        return [change for batch in self.batches for change in batch.changes]


@pytest.fixture
def consoles(qtbot: QtBot) -> Iterator[Callable[[str], Console]]:
    """Opens consoles listening on a database; shuts them all down at the end."""
    opened: list[Console] = []

    def open_console(url: str) -> Console:
        console = Console()
        opened.append(console)
        with qtbot.waitSignal(console.bus.requests_changed, timeout=WAIT_MS) as first:
            console.bus.attach(PgChangeFeed(url))
        assert first.args == [ChangeBatch((), resync=True)]  # listening from now on
        return console

    yield open_console
    for console in opened:
        console.bus.shutdown()


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    yield engine
    engine.dispose()


def add_many(engine: Engine, count: int) -> list[int]:
    """`count` requests: one by `add_requests`, the rest copied from it in one statement."""
    [first] = add_requests(engine, 1)
    with engine.begin() as connection:
        template = dict(connection.execute(select(service_requests)).mappings().one())
        del template["id"]
        copies = [
            template
            | {
                "reference": f"BOS-26-9{number:05d}",
                "client_uuid": f"copy-{number}",
                "created_at": BASE_TIME + timedelta(seconds=number),
            }
            for number in range(1, count)
        ]
        connection.execute(insert(service_requests), copies)
        return [first, *connection.scalars(select(service_requests.c.id).offset(1)).all()]


def test_a_change_by_a_third_connection_reaches_both_consoles_on_the_qt_thread(
    qtbot: QtBot, pg_url: str, engine: Engine, consoles: Callable[[str], Console]
) -> None:
    [request_id] = add_requests(engine, 1)
    first, second = consoles(pg_url), consoles(pg_url)
    with engine.begin() as connection:
        connection.execute(
            update(service_requests).values(
                status="assigned",
                version=service_requests.c.version + 1,
                updated_at=datetime.now(UTC),
            )
        )

    def both_saw_it() -> None:
        for console in (first, second):
            assert [(c.request_id, c.kind, c.version) for c in console.changes()] == [
                (request_id, "update", 2)
            ]

    qtbot.waitUntil(both_saw_it, timeout=WAIT_MS)
    assert first.off_qt_thread == second.off_qt_thread == 0


def test_a_burst_of_1000_changes_makes_a_few_emissions(
    qtbot: QtBot, pg_url: str, engine: Engine, consoles: Callable[[str], Console]
) -> None:
    ids = add_many(engine, 1000)
    console = consoles(pg_url)
    with engine.begin() as connection:
        connection.execute(update(service_requests).values(version=service_requests.c.version + 1))

    def all_arrived() -> None:
        assert sorted(change.request_id for change in console.changes()) == sorted(ids)

    qtbot.waitUntil(all_arrived, timeout=WAIT_MS)
    assert {(change.kind, change.version) for change in console.changes()} == {("update", 2)}
    assert 1 <= len(console.batches) - 1 <= 4, [len(batch.changes) for batch in console.batches]


def test_local_publishes_in_a_burst_are_coalesced(qtbot: QtBot) -> None:
    console = Console()
    for version in range(1, 1001):
        console.bus.publish(ChangeBatch((RequestChange(version % 10, 3, 3, version, "update"),)))
    newest = {request_id: 990 + request_id for request_id in range(1, 10)} | {0: 1000}

    def newest_arrived() -> None:
        assert {change.request_id: change.version for change in console.changes()} == newest

    qtbot.waitUntil(newest_arrived, timeout=WAIT_MS)
    assert len(console.batches) <= 3, [len(batch.changes) for batch in console.batches]
    console.bus.shutdown()


def test_a_publish_from_a_worker_thread_arrives_on_the_qt_thread(qtbot: QtBot) -> None:
    console = Console()
    batch = ChangeBatch((RequestChange(1, 2, None, 1, "insert"),))
    with qtbot.waitSignal(console.bus.requests_changed, timeout=WAIT_MS):
        worker = threading.Thread(target=console.bus.publish, args=(batch,))
        worker.start()
        worker.join()
    assert console.batches == [batch]
    assert console.off_qt_thread == 0
    console.bus.shutdown()


def test_nothing_is_emitted_after_shutdown(qtbot: QtBot) -> None:
    console = Console()
    console.bus.publish(ChangeBatch(resync=True))
    console.bus.shutdown()
    console.bus.publish(ChangeBatch(resync=True))
    with qtbot.assertNotEmitted(console.bus.requests_changed, wait=100):
        pass
    assert console.batches == []
