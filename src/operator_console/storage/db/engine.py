"""Engines for the central PostgreSQL server or the embedded SQLite file."""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from operator_console.services import cancellation


class DatabaseUrlError(ValueError):
    """A database URL the console cannot use."""


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `sqlite:///` URLs and pin the drivers the console ships."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(f"Not a database URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+pysqlite").render_as_string(hide_password=False)
    raise DatabaseUrlError(
        f"Unsupported database {backend!r}: use postgresql://... or sqlite:///path/file.sqlite3"
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _interrupter(dbapi_connection: Any) -> Any:
    """The driver's thread-safe way to stop the statement a connection is running."""
    if hasattr(dbapi_connection, "cancel_safe"):  # psycopg 3.2+
        return dbapi_connection.cancel_safe
    if hasattr(dbapi_connection, "interrupt"):  # sqlite3
        return dbapi_connection.interrupt
    return dbapi_connection.cancel


def _arm_cancellation(connection: Any, *_statement: Any) -> None:
    _disarm_cancellation(connection)
    token = cancellation.current()
    if token is not None:
        interrupt = _interrupter(connection.connection.dbapi_connection)
        connection.info["disarm_cancellation"] = token.arm(interrupt)


def _disarm_cancellation(connection: Any, *_statement: Any) -> None:
    disarm = connection.info.pop("disarm_cancellation", None)
    if disarm is not None:
        disarm()


def _disarm_after_error(context: Any) -> None:
    if context.connection is not None:
        _disarm_cancellation(context.connection)


def _watch_cancellation(engine: Engine) -> None:
    """Statements run under a cancellation token are interrupted when it is cancelled."""
    event.listen(engine, "before_cursor_execute", _arm_cancellation)
    event.listen(engine, "after_cursor_execute", _disarm_cancellation)
    event.listen(engine, "handle_error", _disarm_after_error)


def make_engine(url: str, *, password: str | None = None, **kwargs: Any) -> Engine:
    """Build an engine; SQLite gets foreign keys, WAL and a busy timeout on every connection.

    A PostgreSQL `password` typed at sign-in goes to the driver with every connection and
    nowhere else; without it libpq finds its own (.pgpass, a service file, Kerberos...).
    """
    normalised = normalise_url(url)
    if normalised.startswith("sqlite"):
        engine = create_engine(normalised, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        connect_args = {"connect_timeout": 5, **kwargs.pop("connect_args", {})}
        if password is not None:
            connect_args["password"] = password
        engine = create_engine(normalised, connect_args=connect_args, **kwargs)
    _watch_cancellation(engine)
    return engine


def with_login(url: str, login: str) -> str:
    """`url` connecting as `login` (a PostgreSQL URL's user), its password left out."""
    parsed = make_url(normalise_url(url))
    return parsed.set(username=login, password=None).render_as_string(hide_password=False)


def url_login(url: str) -> str:
    """The login a URL connects as: its user, else libpq's default (`PGUSER`, else the OS user)."""
    return make_url(normalise_url(url)).username or os.environ.get("PGUSER") or getpass.getuser()


def server_name(url: str) -> str:
    """Where a PostgreSQL URL connects, for a person: host and database (no user, no password)."""
    parsed = make_url(normalise_url(url))
    host = parsed.host or parsed.query.get("host") or "local socket"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{host if isinstance(host, str) else host[0]}{port}/{parsed.database or ''}"


def describe(engine: Engine) -> str:
    """A short, password-free label for the status bar."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database}"
    return f"PostgreSQL {url.username or ''}@{url.host or 'local socket'}/{url.database}"
