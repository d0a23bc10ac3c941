"""What wakes a waiting notifier: LISTEN outbox_changes on PostgreSQL, the poll on SQLite."""

from __future__ import annotations

import logging
import threading
import time
from contextlib import closing

import psycopg
from psycopg.rows import TupleRow

from operator_console.storage.feeds.postgres import conninfo_for

CHANNEL = "outbox_changes"
"""Announced by a statement trigger on every INSERT or UPDATE of the outbox (migration 0014)."""
_SLICE = 0.5  # seconds between looks at the stop flag while waiting
_log = logging.getLogger(__name__)


class PollWakeup:
    """Waits the poll interval, or until the notifier is told to stop."""

    def __init__(self, stopping: threading.Event) -> None:
        self._stopping = stopping

    def wait(self, timeout: float) -> None:
        self._stopping.wait(timeout)


class PgWakeup:
    """Waits for `NOTIFY outbox_changes` on a connection of its own (the poll interval at
    most), or until the notifier is told to stop; a lost connection is opened again at the
    next wait, and meanwhile the poll interval is waited out."""

    def __init__(self, url: str, stopping: threading.Event) -> None:
        self._conninfo = conninfo_for(url)
        self._stopping = stopping
        self._connection: psycopg.Connection[TupleRow] | None = None

    def wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        connection = self._listening()
        if connection is None:
            self._stopping.wait(timeout)
            return
        try:
            while not self._stopping.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                if self._notified(connection, min(remaining, _SLICE)):
                    while self._notified(connection, 0.0):
                        pass  # the changes since: one pass covers them all
                    return
        except psycopg.Error as exc:
            _log.warning("the outbox listener lost its connection: %s", exc)
            self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _listening(self) -> psycopg.Connection[TupleRow] | None:
        if self._connection is not None and not self._connection.closed:
            return self._connection
        try:
            connection = psycopg.connect(
                self._conninfo,
                autocommit=True,
                connect_timeout=5,
                application_name="operator-console notifier",
            )
        except psycopg.Error as exc:
            _log.warning("the outbox listener cannot connect, polling instead: %s", exc)
            return None
        try:
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            connection.close()
            _log.warning("the outbox listener cannot connect, polling instead: %s", exc)
            return None
        self._connection = connection
        return connection

    @staticmethod
    def _notified(connection: psycopg.Connection[TupleRow], timeout: float) -> bool:
        # Close the generator before the connection is used again: it holds the lock.
        with closing(connection.notifies(timeout=timeout, stop_after=1)) as notes:
            return any(True for _ in notes)
