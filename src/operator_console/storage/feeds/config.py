"""Configuration feeds: LISTEN config_changes on PostgreSQL, new config_events rows on SQLite."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import psycopg
from psycopg.rows import TupleRow

from operator_console.services.config_changes import RESYNC
from operator_console.storage.feeds.postgres import PgListener
from operator_console.storage.feeds.sqlite import SqliteWatcher
from operator_console.storage.feeds.thread import FeedRun


class PgConfigFeed(PgListener[str]):
    """Delivers the kind each `config_changes` notification carries (migration 0010's trigger)."""

    channel = "config_changes"
    thread_name = "pg-config-feed"

    def _listen(self, connection: psycopg.Connection[TupleRow], run: FeedRun[str]) -> None:
        run.deliver(RESYNC)
        while not run.stopping.is_set():
            # Closed before the next round: a suspended notifies() holds the connection's lock.
            with closing(connection.notifies(timeout=self._poll, stop_after=1)) as notes:
                for note in notes:
                    run.deliver(note.payload)


class SqliteConfigFeed(SqliteWatcher[str]):
    """Delivers the kinds of config_events rows above the highest id seen, after each commit
    (each kind once per commit, as NOTIFY does within a transaction)."""

    thread_name = "sqlite-config-feed"

    def _watch(self, connection: sqlite3.Connection, run: FeedRun[str]) -> None:
        commits = self._commits(connection, run)
        seen = _highest_id(connection)
        run.deliver(RESYNC)
        for _commit in commits:
            rows = connection.execute(
                "SELECT id, kind FROM config_events WHERE id > ? ORDER BY id", (seen,)
            ).fetchall()
            kinds: dict[str, None] = {}  # each kind once per commit, as NOTIFY does
            for row_id, kind in rows:
                seen = max(seen, int(row_id))
                kinds[str(kind)] = None
            for kind in kinds:
                run.deliver(kind)


def _highest_id(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT coalesce(max(id), 0) FROM config_events").fetchone()[0])
