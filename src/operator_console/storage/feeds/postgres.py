"""The PostgreSQL change feed: LISTEN on a worker thread, batched, reconnecting by itself."""

from __future__ import annotations

import json
import logging
import time
from contextlib import closing

import psycopg
from psycopg.rows import TupleRow
from sqlalchemy.engine import URL, make_url

from operator_console.services.changes import KINDS, ChangeBatch, RequestChange, coalesce
from operator_console.storage.db.bulk_load import BULK_KIND
from operator_console.storage.feeds.thread import FeedRun, Item, ThreadedFeed

_STABLE = 10.0  # seconds a connection must have lived for a reconnect without backoff
_log = logging.getLogger(__name__)


def conninfo_for(url: str | URL) -> str:
    """A libpq connection string for a SQLAlchemy URL (`postgresql+psycopg://...`).

    A string without `://` is taken to be a libpq connection string already.
    """
    if isinstance(url, str) and "://" not in url:
        return url
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def parse_payload(payload: str) -> RequestChange | None:
    """The change a `request_changes` notification announces, or None if it is not one."""
    try:
        data = json.loads(payload)
        kind = data["kind"]
        if kind not in KINDS:
            return None
        return RequestChange(
            request_id=int(data["id"]),
            queue_id=_optional_int(data.get("queue")),
            old_queue_id=_optional_int(data.get("old_queue")),
            version=int(data["version"]),
            kind=kind,
        )
    except (ValueError, TypeError, KeyError):
        return None


def is_bulk_load(payload: str) -> bool:
    """The notification is a bulk load's (`{"kind": "bulk", "rows": n}`): its rows sent none of
    their own, so whoever shows requests reloads them."""
    try:
        data = json.loads(payload)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("kind") == BULK_KIND


def _optional_int(value: object) -> int | None:
    return None if value is None else int(str(value))


class PgListener(ThreadedFeed[Item]):
    """LISTENs on `channel` with its own synchronous connection on a daemon thread.

    A lost connection is retried with capped exponential backoff; `stop()` wakes the thread
    within `poll` seconds. Subclasses write `_listen(connection, run)`, which returns or raises
    when the connection is lost.
    """

    channel = ""
    thread_name = "pg-listener"

    def __init__(
        self,
        url: str | URL,
        *,
        window: float = 0.03,
        poll: float = 0.2,
        backoff: tuple[float, float] = (0.2, 5.0),
        connect_timeout: int = 5,
    ) -> None:
        super().__init__()
        self._conninfo = conninfo_for(url)
        self._window = window
        self._poll = poll
        self._backoff = backoff
        self._connect_timeout = connect_timeout

    def _run(self, run: FeedRun[Item]) -> None:
        first, cap = self._backoff
        delay = first
        while not run.stopping.is_set():
            try:
                connection = self._connect()
            except Exception as exc:
                _log.warning("change feed cannot connect (retry in %.1f s): %s", delay, exc)
                if run.stopping.wait(delay):
                    return
                delay = min(delay * 2, cap)
                continue
            connected_at = time.monotonic()
            try:
                self._listen(connection, run)
            except Exception as exc:
                if not run.stopping.is_set():
                    _log.warning("change feed lost its connection, reconnecting: %s", exc)
            finally:
                connection.close()
            if time.monotonic() - connected_at >= _STABLE:
                delay = first  # a connection that lived: try again at once
            elif run.stopping.wait(delay):  # one that died young: back off, no resync storm
                return
            else:
                delay = min(delay * 2, cap)

    def _connect(self) -> psycopg.Connection[TupleRow]:
        connection = psycopg.connect(
            self._conninfo,
            autocommit=True,
            connect_timeout=self._connect_timeout,
            application_name="operator-console change feed",
            # Notice a silently dropped TCP connection within about 25 s (no effect on sockets).
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
        )
        try:
            if connection.info.server_version >= 140000:
                # A listener is idle by design; a server-wide idle timeout must not reap it.
                connection.execute("SET idle_session_timeout = 0")
            connection.execute(f"LISTEN {self.channel}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _listen(self, connection: psycopg.Connection[TupleRow], run: FeedRun[Item]) -> None:
        raise NotImplementedError


class PgChangeFeed(PgListener[ChangeBatch]):
    """Listens on `request_changes` (the trigger of migration 0001), batched.

    A bulk load's notification (migration 0013) is a resync: its rows announced nothing.

    The first notification after a quiet spell is delivered at once; notifications arriving
    within `window` seconds after a delivery are gathered and coalesced into the next batch, so
    a burst becomes a few batches. After every (re)connection the first batch is a resync
    (changes made while the feed was not listening are unknown).
    """

    channel = "request_changes"
    thread_name = "pg-change-feed"

    def _listen(self, connection: psycopg.Connection[TupleRow], run: FeedRun[ChangeBatch]) -> None:
        pending: list[RequestChange] = []
        resync = True  # anything before LISTEN took effect was not seen
        last_delivery = float("-inf")
        try:
            while not run.stopping.is_set():
                timeout = self._poll
                if pending or resync:
                    due = last_delivery + self._window
                    now = time.monotonic()
                    if now >= due:
                        run.deliver(ChangeBatch(coalesce(pending), resync))
                        pending, resync, last_delivery = [], False, now
                        continue
                    timeout = min(timeout, due - now)
                # Close the generator before anything else touches the connection: a suspended
                # notifies() generator holds the connection's lock.
                with closing(connection.notifies(timeout=timeout, stop_after=1)) as notes:
                    for note in notes:
                        change = parse_payload(note.payload)
                        if change is None:
                            if not is_bulk_load(note.payload):
                                _log.warning("unexpected notification %r: resyncing", note.payload)
                            resync = True
                        else:
                            pending.append(change)
        finally:
            if pending or resync:
                run.deliver(ChangeBatch(coalesce(pending), resync))
