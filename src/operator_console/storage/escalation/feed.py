"""Alert feeds: LISTEN alerts on PostgreSQL, alert rows added or acknowledged on SQLite."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import psycopg
from psycopg.rows import TupleRow

from operator_console.services.config_changes import RESYNC
from operator_console.storage.escalation.pass_sql import ALERTS_CHANNEL
from operator_console.storage.feeds.postgres import PgListener
from operator_console.storage.feeds.sqlite import SqliteWatcher
from operator_console.storage.feeds.thread import FeedRun

CHANGED = "changed"


class PgAlertFeed(PgListener[str]):
    """Delivers `RESYNC` on each (re)connection, then `CHANGED` for each notification on
    `alerts` (a pass raised alerts, or someone acknowledged one)."""

    channel = ALERTS_CHANNEL
    thread_name = "pg-alert-feed"

    def _listen(self, connection: psycopg.Connection[TupleRow], run: FeedRun[str]) -> None:
        run.deliver(RESYNC)
        while not run.stopping.is_set():
            with closing(connection.notifies(timeout=self._poll, stop_after=1)) as notes:
                for _note in notes:
                    run.deliver(CHANGED)


class SqliteAlertFeed(SqliteWatcher[str]):
    """Delivers `CHANGED` after a commit that added or acknowledged alerts."""

    thread_name = "sqlite-alert-feed"

    def _watch(self, connection: sqlite3.Connection, run: FeedRun[str]) -> None:
        commits = self._commits(connection, run)
        seen = _state(connection)
        run.deliver(RESYNC)
        for _commit in commits:
            state = _state(connection)
            if state != seen:
                seen = state
                run.deliver(CHANGED)


def _state(connection: sqlite3.Connection) -> tuple[int, int]:
    highest, acknowledged = connection.execute(
        "SELECT coalesce(max(id), 0), count(acknowledged_at) FROM alerts"
    ).fetchone()
    return int(highest), int(acknowledged)
