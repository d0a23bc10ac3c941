"""A statement run under a cancellation token stops on the server when the token is cancelled."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from operator_console.services.cancellation import Cancellation, running_under
from operator_console.storage.db.engine import make_engine


def _run_in_thread(url: str, statement: str, token: Cancellation) -> dict[str, object]:
    outcome: dict[str, object] = {}
    engine = make_engine(url)

    def work() -> None:
        started = time.monotonic()
        try:
            with running_under(token), engine.connect() as connection:
                connection.execute(text(statement))
        except DBAPIError as exc:
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - started
        engine.dispose()

    thread = threading.Thread(target=work)
    thread.start()
    outcome["thread"] = thread
    return outcome


def _until(condition: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the statement never started"
        threading.Event().wait(0.01)


@pytest.mark.postgres
def test_a_cancelled_postgresql_query_stops_on_the_server(pg_url: str) -> None:
    token = Cancellation()
    watcher = make_engine(pg_url)

    def sleeping() -> bool:
        with watcher.connect() as connection:
            found = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'"
                )
            ).scalar_one()
        return bool(found)

    outcome = _run_in_thread(pg_url, "SELECT pg_sleep(30)", token)
    _until(sleeping)
    token.cancel()
    thread = outcome["thread"]
    assert isinstance(thread, threading.Thread)
    thread.join(10)
    watcher.dispose()
    assert not thread.is_alive()
    assert "canceling statement" in str(outcome["error"])
    assert float(outcome["seconds"]) < 10  # type: ignore[arg-type]


def test_a_cancelled_sqlite_query_is_interrupted(sqlite_url: str) -> None:
    token = Cancellation()
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    )
    outcome = _run_in_thread(sqlite_url, endless, token)
    _until(lambda: token.armed > 0)
    token.cancel()
    thread = outcome["thread"]
    assert isinstance(thread, threading.Thread)
    thread.join(10)
    assert not thread.is_alive()
    assert "interrupted" in str(outcome["error"])
