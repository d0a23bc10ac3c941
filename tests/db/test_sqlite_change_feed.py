"""The SQLite feed notices commits by other connections and processes through data_version."""

from __future__ import annotations

import queue
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, insert, select, update

from operator_console.services.changes import ChangeBatch, RequestChange
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import callers, queues, service_requests
from operator_console.storage.feeds.sqlite import MANY_CHANGES, SqliteChangeFeed, database_path
from tests.support.rows import add_requests

WAIT = 10.0


class Collector:
    """Receives batches on the feed's thread; the test reads them with a timeout."""

    def __init__(self) -> None:
        self.batches: queue.Queue[ChangeBatch] = queue.Queue()

    def __call__(self, batch: ChangeBatch) -> None:
        self.batches.put(batch)

    def next(self, timeout: float = WAIT) -> ChangeBatch:
        return self.batches.get(timeout=timeout)


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


@pytest.fixture
def watching(sqlite_url: str) -> Iterator[tuple[SqliteChangeFeed, Collector]]:
    """A started feed whose first (resync) batch has arrived: it is watching."""
    feed, collector = SqliteChangeFeed(sqlite_url, interval=0.05), Collector()
    feed.start(collector)
    assert collector.next() == ChangeBatch((), resync=True)
    yield feed, collector
    feed.stop()


def touch(engine: Engine, request_id: int, **values: object) -> None:
    """What every writer does: change the row, bump its version, stamp it."""
    with engine.begin() as connection:
        connection.execute(
            update(service_requests)
            .where(service_requests.c.id == request_id)
            .values(version=service_requests.c.version + 1, updated_at=datetime.now(UTC), **values)
        )


def new_queue(engine: Engine, code: str) -> int:
    with engine.begin() as connection:
        department = connection.scalar(select(queues.c.department_id))
        values = {"code": code, "name": code, "department_id": department}
        return int(connection.execute(insert(queues).values(values)).inserted_primary_key[0])


def test_inserts_updates_and_deletes_by_another_connection_are_noticed(
    engine: Engine, watching: tuple[SqliteChangeFeed, Collector]
) -> None:
    _feed, collector = watching
    first, second = add_requests(engine, 2)  # stamped long ago, as an import would be
    with engine.connect() as connection:
        streets = connection.scalar(select(service_requests.c.queue_id))
    assert collector.next() == ChangeBatch(
        (
            RequestChange(first, streets, None, 1, "insert"),
            RequestChange(second, streets, None, 1, "insert"),
        )
    )

    touch(engine, first, status="assigned")
    assert collector.next() == ChangeBatch((RequestChange(first, streets, streets, 2, "update"),))

    signs = new_queue(engine, "PWD_SIGNS")
    touch(engine, first, queue_id=signs)
    assert collector.next() == ChangeBatch((RequestChange(first, signs, streets, 3, "update"),))

    with engine.begin() as connection:
        connection.execute(delete(service_requests).where(service_requests.c.id == first))
    assert collector.next() == ChangeBatch((RequestChange(first, signs, None, 3, "delete"),))


def test_a_write_from_another_process_is_noticed(
    engine: Engine, sqlite_url: str, watching: tuple[SqliteChangeFeed, Collector]
) -> None:
    _feed, collector = watching
    [request_id] = add_requests(engine, 1)
    collector.next()
    stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('UPDATE service_requests SET version = version + 1, updated_at = ?', "
        "(sys.argv[2],)); c.commit()"
    )
    path = str(database_path(sqlite_url))
    subprocess.run([sys.executable, "-c", script, path, stamp], check=True)
    [change] = collector.next().changes
    assert (change.request_id, change.kind, change.version) == (request_id, "update", 2)


def test_commits_that_touch_no_request_announce_nothing(
    engine: Engine, watching: tuple[SqliteChangeFeed, Collector]
) -> None:
    _feed, collector = watching
    [request_id] = add_requests(engine, 1)
    collector.next()
    with engine.begin() as connection:
        connection.execute(insert(callers).values(name="Ann", created_at=datetime.now(UTC)))
    touch(engine, request_id)
    assert [change.request_id for change in collector.next().changes] == [request_id]


def test_deleting_a_row_it_was_not_watching_asks_for_a_resync(
    engine: Engine, watching: tuple[SqliteChangeFeed, Collector]
) -> None:
    _feed, collector = watching
    old, _other = add_requests(engine, 2)
    collector.next()
    with engine.begin() as connection:
        connection.execute(delete(service_requests).where(service_requests.c.id == old))
    assert collector.next() == ChangeBatch((), resync=True)


def test_a_bulk_insert_asks_for_a_resync_and_later_changes_arrive_as_rows(
    engine: Engine, watching: tuple[SqliteChangeFeed, Collector]
) -> None:
    _feed, collector = watching
    ids = add_requests(engine, MANY_CHANGES + 1)
    assert collector.next() == ChangeBatch((), resync=True)
    touch(engine, ids[-1])
    assert [change.request_id for change in collector.next().changes] == [ids[-1]]


def test_stop_returns_promptly(watching: tuple[SqliteChangeFeed, Collector]) -> None:
    feed, _collector = watching
    started = time.monotonic()
    feed.stop()
    assert time.monotonic() - started < 2.0


def test_a_missing_file_is_not_created_and_stop_still_works(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    feed, collector = SqliteChangeFeed(missing), Collector()
    feed.start(collector)
    with pytest.raises(queue.Empty):
        collector.next(timeout=0.3)
    feed.stop()
    assert not missing.exists()
