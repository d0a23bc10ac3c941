"""The PostgreSQL feed sees other connections' changes, coalesces bursts and survives restarts."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, delete, insert, select, text, update

from operator_console.services.changes import ChangeBatch, RequestChange
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import queues, service_requests
from operator_console.storage.feeds.postgres import PgChangeFeed, conninfo_for, parse_payload
from tests.support.pg_cluster import PgCluster
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

    def until(self, done: Callable[[list[ChangeBatch]], bool]) -> list[ChangeBatch]:
        """Batches received until `done(batches so far)` holds (fails after WAIT seconds)."""
        deadline = time.monotonic() + WAIT
        received: list[ChangeBatch] = []
        while not done(received):
            received.append(self.next(max(0.0, deadline - time.monotonic())))
        return received


def changes_in(batches: list[ChangeBatch]) -> list[RequestChange]:
    return [change for batch in batches for change in batch.changes]


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    yield engine
    engine.dispose()


@pytest.fixture
def listening(pg_url: str) -> Iterator[tuple[PgChangeFeed, Collector]]:
    """A started feed whose first (resync) batch has arrived: it is listening."""
    feed, collector = PgChangeFeed(pg_url), Collector()
    feed.start(collector)
    assert collector.next() == ChangeBatch((), resync=True)
    yield feed, collector
    feed.stop()


def test_insert_update_and_delete_arrive_with_kinds_versions_and_queues(
    engine: Engine, listening: tuple[PgChangeFeed, Collector]
) -> None:
    _feed, collector = listening
    [request_id] = add_requests(engine, 1)
    with engine.connect() as connection:
        old_queue = connection.scalar(select(service_requests.c.queue_id))
    [inserted] = changes_in(collector.until(changes_in))
    assert inserted == RequestChange(request_id, old_queue, None, 1, "insert")

    with engine.begin() as connection:
        department = connection.scalar(select(queues.c.department_id))
        new_queue = connection.execute(
            insert(queues).values(code="PWD_SIGNS", name="Signs", department_id=department)
        ).inserted_primary_key[0]
        connection.execute(
            update(service_requests)
            .where(service_requests.c.id == request_id)
            .values(
                queue_id=new_queue,
                version=service_requests.c.version + 1,
                updated_at=datetime.now(UTC),
            )
        )
    [updated] = changes_in(collector.until(changes_in))
    assert updated == RequestChange(request_id, new_queue, old_queue, 2, "update")

    with engine.begin() as connection:
        connection.execute(delete(service_requests).where(service_requests.c.id == request_id))
    [deleted] = changes_in(collector.until(changes_in))
    assert deleted == RequestChange(request_id, new_queue, None, 2, "delete")


def test_a_burst_of_500_updates_in_one_transaction_arrives_in_a_few_coalesced_batches(
    engine: Engine, pg_url: str
) -> None:
    ids = add_requests(engine, 500)
    feed, collector = PgChangeFeed(pg_url), Collector()
    feed.start(collector)
    try:
        assert collector.next().resync
        with engine.begin() as connection:
            connection.execute(
                update(service_requests).values(version=service_requests.c.version + 1)
            )
        batches = collector.until(lambda got: len(changes_in(got)) >= 500)
    finally:
        feed.stop()
    changes = changes_in(batches)
    assert sorted(change.request_id for change in changes) == ids
    assert {(change.kind, change.version) for change in changes} == {("update", 2)}
    assert len(batches) <= 5, [len(batch.changes) for batch in batches]


def test_after_a_server_restart_the_feed_reconnects_resyncs_and_keeps_delivering(
    pg_cluster: PgCluster, engine: Engine, listening: tuple[PgChangeFeed, Collector]
) -> None:
    feed, collector = listening
    [request_id] = add_requests(engine, 1)
    collector.until(changes_in)

    pg_cluster.restart()
    after_restart = collector.until(lambda got: any(batch.resync for batch in got))
    assert after_restart[-1].resync

    with engine.begin() as connection:
        connection.execute(update(service_requests).values(version=service_requests.c.version + 1))
    [updated] = changes_in(collector.until(changes_in))
    assert (updated.request_id, updated.kind, updated.version) == (request_id, "update", 2)

    started = time.monotonic()
    feed.stop()
    assert time.monotonic() - started < 2.0


def test_stop_returns_promptly_and_nothing_is_delivered_after_it(
    engine: Engine, listening: tuple[PgChangeFeed, Collector]
) -> None:
    feed, collector = listening
    started = time.monotonic()
    feed.stop()
    assert time.monotonic() - started < 2.0
    add_requests(engine, 1)
    with pytest.raises(queue.Empty):
        collector.next(timeout=0.5)


def test_a_notification_it_cannot_read_asks_for_a_resync(
    engine: Engine, listening: tuple[PgChangeFeed, Collector]
) -> None:
    _feed, collector = listening
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_notify('request_changes', 'not json')"))
    assert collector.next() == ChangeBatch((), resync=True)


def test_a_server_idle_timeout_does_not_reap_the_listener(pg_url: str, engine: Engine) -> None:
    with engine.connect() as connection:
        database = connection.scalar(text("SELECT current_database()"))
        connection.execute(text(f"ALTER DATABASE {database} SET idle_session_timeout = '100ms'"))
        connection.commit()
    feed, collector = PgChangeFeed(pg_url), Collector()
    feed.start(collector)
    try:
        assert collector.next().resync
        with pytest.raises(queue.Empty):  # no reconnect, hence no second resync
            collector.next(timeout=0.6)
    finally:
        feed.stop()


def test_a_feed_can_be_restarted_after_stop(pg_url: str) -> None:
    feed, collector = PgChangeFeed(pg_url), Collector()
    for _ in range(2):
        feed.start(collector)
        assert collector.next().resync
        feed.stop()


def test_engine_urls_become_libpq_connection_strings() -> None:
    url = "postgresql+psycopg://clerk:s3cret@db.example:5433/console?sslmode=require"
    assert conninfo_for(url) == "postgresql://clerk:s3cret@db.example:5433/console?sslmode=require"
    assert conninfo_for("host=/run/pg dbname=console") == "host=/run/pg dbname=console"
    with pytest.raises(ValueError, match="not a PostgreSQL URL"):
        conninfo_for("sqlite:///console.sqlite3")


@pytest.mark.parametrize(
    "payload",
    ['{"id": 1, "kind": "upsert", "version": 1}', '{"kind": "insert"}', "[]", "", '{"id": "x"}'],
)
def test_payloads_that_are_not_changes_are_recognised(payload: str) -> None:
    assert parse_payload(payload) is None
