"""The SQLite change feed: watch PRAGMA data_version on a worker thread and diff recent rows."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from operator_console.services.changes import ChangeBatch, RequestChange
from operator_console.storage.feeds.thread import FeedRun, Item, ThreadedFeed

_log = logging.getLogger(__name__)
_STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores UtcDateTime on SQLite (naive UTC)
MANY_CHANGES = 1_000
"""More changes than this in one look (a history import's batch) are a resync: every view
reloads once rather than re-reading each of its rows by id."""


def database_path(path_or_url: str | Path) -> Path:
    """The file behind a `sqlite:///...` URL, or the path itself."""
    text = str(path_or_url)
    if "://" not in text:
        return Path(text)
    url = make_url(text)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise ValueError(f"not a SQLite file URL: {text}")
    return Path(url.database)


@dataclass(frozen=True)
class _Seen:
    version: int
    queue_id: int | None
    updated_at: str


class RecentRows:
    """What the feed knows of `service_requests`, and the diff since it last looked.

    PRAGMA data_version only says that *something* was committed. Every writer stamps
    `updated_at` (UTC, this machine's clock) and bumps `version`, so rows stamped within
    `margin` of now are compared with the (version, queue) seen last time; ids above the
    highest seen are inserts whatever their stamp (imports carry old stamps); recent rows that
    vanished are deletes. When the row count does not add up (an older row deleted, an id
    reused), or there are more than MANY_CHANGES changes, the batch asks for a resync.
    """

    def __init__(self, margin: timedelta) -> None:
        self._margin = margin
        self._seen: dict[int, _Seen] = {}
        self._count = 0
        self._max_id = 0

    def baseline(self, connection: sqlite3.Connection) -> None:
        """Remember the database as it is now."""
        with _snapshot(connection):
            self._count, self._max_id = self._totals(connection)
            rows = self._recent(connection, self._horizon())
        self._seen = {row[0]: _Seen(row[2], row[1], row[3]) for row in rows}

    def diff(self, connection: sqlite3.Connection) -> ChangeBatch:
        """The changes since the last look, and remember the database as it is now."""
        horizon = self._horizon()
        with _snapshot(connection):
            count, max_id = self._totals(connection)
            recent = self._recent(connection, horizon)
        changes: list[RequestChange] = []
        present: set[int] = set()
        inserts = 0
        for request_id, queue_id, version, updated_at in recent:
            present.add(request_id)
            before = self._seen.get(request_id)
            if request_id > self._max_id:
                changes.append(RequestChange(request_id, queue_id, None, version, "insert"))
                inserts += 1
            elif before is None or (before.version, before.queue_id) != (version, queue_id):
                old_queue = None if before is None else before.queue_id
                changes.append(RequestChange(request_id, queue_id, old_queue, version, "update"))
            self._seen[request_id] = _Seen(version, queue_id, updated_at)
        deletes = 0
        for request_id, seen in list(self._seen.items()):
            if request_id in present:
                continue
            del self._seen[request_id]
            if seen.updated_at >= horizon:
                changes.append(
                    RequestChange(request_id, seen.queue_id, None, seen.version, "delete")
                )
                deletes += 1
        resync = count != self._count + inserts - deletes
        self._count, self._max_id = count, max(self._max_id, max_id)
        if len(changes) > MANY_CHANGES:
            return ChangeBatch((), resync=True)
        return ChangeBatch(tuple(changes), resync)

    def _horizon(self) -> str:
        return (datetime.now(UTC).replace(tzinfo=None) - self._margin).strftime(_STAMP)

    @staticmethod
    def _totals(connection: sqlite3.Connection) -> tuple[int, int]:
        count, max_id = connection.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM service_requests"
        ).fetchone()
        return int(count), int(max_id)

    def _recent(
        self, connection: sqlite3.Connection, horizon: str
    ) -> list[tuple[int, int | None, int, str]]:
        return connection.execute(
            "SELECT id, queue_id, version, updated_at FROM service_requests "
            "WHERE updated_at >= ? OR id > ?",
            (horizon, self._max_id),
        ).fetchall()


class SqliteWatcher(ThreadedFeed[Item]):
    """Watches the SQLite file at `path_or_url` on a read-only connection of its own.

    Subclasses write `_watch(connection, run)`; when it fails (the file is locked or gone),
    it is run again on a new connection after a capped exponential backoff.
    """

    thread_name = "sqlite-watcher"

    def __init__(
        self,
        path_or_url: str | Path,
        *,
        interval: float = 0.2,
        backoff: tuple[float, float] = (0.2, 5.0),
    ) -> None:
        super().__init__()
        self._path = database_path(path_or_url)
        self._interval = interval
        self._backoff = backoff

    def _run(self, run: FeedRun[Item]) -> None:
        first, cap = self._backoff
        delay = first
        while not run.stopping.is_set():
            try:
                # mode=rw: a wrong path must fail, not create an empty database.
                uri = self._path.absolute().as_uri() + "?mode=rw"
                connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
                try:
                    self._watch(connection, run)
                finally:
                    connection.close()
                return
            except Exception as exc:
                _log.warning(
                    "change feed cannot read %s (retry in %.1f s): %s", self._path, delay, exc
                )
            if run.stopping.wait(delay):
                return
            delay = min(delay * 2, cap)

    def _watch(self, connection: sqlite3.Connection, run: FeedRun[Item]) -> None:
        raise NotImplementedError

    def _commits(self, connection: sqlite3.Connection, run: FeedRun[Item]) -> Iterator[None]:
        """Yields each time a commit happened after this call, until the feed stops."""
        seen_version = data_version(connection)  # now, not at the first iteration

        def commits() -> Iterator[None]:
            nonlocal seen_version
            while not run.stopping.wait(self._interval):
                version = data_version(connection)
                if version != seen_version:
                    seen_version = version
                    yield

        return commits()


class SqliteChangeFeed(SqliteWatcher[ChangeBatch]):
    """Polls `PRAGMA data_version` every `interval` seconds on a connection of its own.

    data_version changes when another connection commits, and the feed's connection never
    writes, so the console's own writes (made through its engine's connections) are noticed
    too, within `interval`. The first batch after start, and after any error, is a resync.
    """

    thread_name = "sqlite-change-feed"

    def __init__(
        self,
        path_or_url: str | Path,
        *,
        interval: float = 0.2,
        margin: timedelta = timedelta(minutes=5),
        backoff: tuple[float, float] = (0.2, 5.0),
    ) -> None:
        super().__init__(path_or_url, interval=interval, backoff=backoff)
        self._margin = margin

    def _watch(self, connection: sqlite3.Connection, run: FeedRun[ChangeBatch]) -> None:
        commits = self._commits(connection, run)
        rows = RecentRows(self._margin)
        rows.baseline(connection)
        run.deliver(ChangeBatch((), resync=True))
        for _commit in commits:
            batch = rows.diff(connection)
            if batch:
                run.deliver(batch)


@contextmanager
def _snapshot(connection: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so that several queries see the same commit."""
    connection.execute("BEGIN")
    try:
        yield
    finally:
        connection.execute("COMMIT")


def data_version(connection: sqlite3.Connection) -> int:
    """The number PRAGMA data_version gives: it changes when another connection commits."""
    return int(connection.execute("PRAGMA data_version").fetchone()[0])
