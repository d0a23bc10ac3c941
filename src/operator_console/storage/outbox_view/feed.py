"""Outbox feeds: LISTEN outbox_changes on PostgreSQL, outbox rows that moved on SQLite."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import psycopg
from psycopg.rows import TupleRow

from operator_console.services.config_changes import RESYNC
from operator_console.storage.feeds.postgres import PgListener
from operator_console.storage.feeds.sqlite import SqliteWatcher
from operator_console.storage.feeds.thread import FeedRun

OUTBOX_CHANNEL = "outbox_changes"
CHANGED = "changed"
_STATE = """
SELECT count(*), coalesce(max(id), 0), coalesce(sum(attempts), 0), count(sent_at),
       count(resent_at), coalesce(max(resent_at), ''),
       coalesce(sum(status = 'pending'), 0), coalesce(sum(status = 'held'), 0),
       coalesce(sum(status = 'undeliverable'), 0)
FROM notification_outbox
"""


class PgOutboxFeed(PgListener[str]):
    """Delivers `RESYNC` on each (re)connection, then `CHANGED` for each notification on
    `outbox_changes` (a message queued, sent, failed, parked or re-sent)."""

    channel = OUTBOX_CHANNEL
    thread_name = "pg-outbox-feed"

    def _listen(self, connection: psycopg.Connection[TupleRow], run: FeedRun[str]) -> None:
        run.deliver(RESYNC)
        while not run.stopping.is_set():
            with closing(connection.notifies(timeout=self._poll, stop_after=1)) as notes:
                for _note in notes:
                    run.deliver(CHANGED)


class SqliteOutboxFeed(SqliteWatcher[str]):
    """Delivers `CHANGED` after a commit that queued, delivered, failed or re-sent messages
    (this console's own included: the watcher reads on a connection of its own)."""

    thread_name = "sqlite-outbox-feed"

    def _watch(self, connection: sqlite3.Connection, run: FeedRun[str]) -> None:
        commits = self._commits(connection, run)
        seen = _state(connection)
        run.deliver(RESYNC)
        for _commit in commits:
            state = _state(connection)
            if state != seen:
                seen = state
                run.deliver(CHANGED)


def _state(connection: sqlite3.Connection) -> tuple[object, ...]:
    return tuple(connection.execute(_STATE).fetchone())
