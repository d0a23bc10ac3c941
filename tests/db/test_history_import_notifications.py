"""A history import announces each batch once, not each row; a non-owner cannot hide its rows."""

from __future__ import annotations

import json
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from operator_console.app.cli import main
from operator_console.services.changes import ChangeBatch
from operator_console.storage.db.bulk_load import CHANNEL, DECLARE
from operator_console.storage.db.engine import make_engine
from operator_console.storage.feeds.postgres import PgChangeFeed, conninfo_for, is_bulk_load
from tests.db.test_pg_change_feed import Collector
from tests.support.data import BOSTON_2015_WARD_3
from tests.support.staff_logins import login_of, make_staff_login

WAIT = 10.0
END = "end of test"


@pytest.fixture
def listener(demo_pg_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    connection = psycopg.connect(conninfo_for(demo_pg_url), autocommit=True)
    connection.execute(f"LISTEN {CHANNEL}")
    yield connection
    connection.close()


def _heard(url: str, listener: psycopg.Connection[tuple[object, ...]]) -> list[str]:
    """The payloads heard so far: everything notified before an end marker sent now, which
    the server delivers after them (notifications arrive in the order of their commits)."""
    with psycopg.connect(conninfo_for(url), autocommit=True) as sender:
        sender.execute("SELECT pg_notify(%s, %s)", (CHANNEL, END))
    payloads = []
    for note in listener.notifies(timeout=WAIT):
        if note.payload == END:
            return payloads
        payloads.append(note.payload)
    raise AssertionError(f"no end marker within {WAIT} s after {len(payloads)} notifications")


def _import(url: str, *options: str) -> int:
    command = ["import", "requests", "--mapping", "boston", "--quiet", *options]
    return main(["--database-url", url, *command, str(BOSTON_2015_WARD_3)])


def test_an_import_announces_each_batch_once(
    demo_pg_url: str, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    assert _import(demo_pg_url, "--batch-size", "2500") == 0
    payloads = _heard(demo_pg_url, listener)
    assert all(is_bulk_load(payload) for payload in payloads), payloads[:3]
    assert sorted(json.loads(payload)["rows"] for payload in payloads) == [853] + [2500] * 4

    assert _import(demo_pg_url, "--batch-size", "2500") == 0  # nothing new: nothing to say
    assert _heard(demo_pg_url, listener) == []


def test_a_console_feed_reloads_once_an_import_batch_is_in(demo_pg_url: str) -> None:
    feed, collector = PgChangeFeed(demo_pg_url), Collector()
    feed.start(collector)
    try:
        assert collector.next() == ChangeBatch((), resync=True)
        assert _import(demo_pg_url, "--batch-size", "5000") == 0
        batches = collector.until(lambda received: len(received) >= 1)
    finally:
        feed.stop()
    assert batches == [ChangeBatch((), resync=True)]


def _file_requests(url: str, stem: str, count: int) -> set[str]:
    """`count` requests sent as someone's, in one transaction that declares a bulk load; who
    the database says filed them."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(DECLARE)
            filed_by = connection.execute(
                text(
                    "INSERT INTO service_requests (reference, client_uuid, service_id, status, "
                    "priority, lat, lon, address, answers, created_by, created_at, updated_at) "
                    "SELECT :stem || n, :stem || n, (SELECT min(id) FROM services "
                    "WHERE NOT staff_only), 'received', 'normal', 42.35, -71.06, n || ' Main St', "
                    "'{}', 'someone', now(), now() FROM generate_series(1, :count) AS n "
                    "RETURNING created_by"
                ),
                {"stem": stem, "count": count},
            )
            return set(filed_by.scalars())
    finally:
        engine.dispose()


def test_a_staff_login_declaring_a_bulk_load_still_announces_every_row_as_itself(
    demo_pg_url: str, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    admin_url = make_staff_login(demo_pg_url, "admin")
    assert _file_requests(admin_url, "STAFF-", 3) == {login_of(admin_url)}
    payloads = [json.loads(payload) for payload in _heard(demo_pg_url, listener)]
    assert [payload["kind"] for payload in payloads] == ["insert"] * 3

    # The owner's: the loader announces it, not its rows; and it names whom it likes.
    assert _file_requests(demo_pg_url, "OWNER-", 3) == {"someone"}
    assert _heard(demo_pg_url, listener) == []
