"""Opening a console database: reachability, schema version, identity and the city."""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from operator_console.services.session import StaffIdentity
from operator_console.storage.db import schema
from operator_console.storage.db.engine import describe, make_engine, server_name, url_login
from operator_console.storage.db.identity import (
    SignInRefusedError,
    check_console_login,
    refused_connection,
)
from operator_console.storage.db.identity import identify as identify
from operator_console.storage.db.tables import city, service_requests, staff

_log = logging.getLogger(__name__)


class DatabaseUnavailableError(RuntimeError):
    """The database cannot be reached or used; the message is for a person."""


class SchemaBehindError(RuntimeError):
    """The central database needs `operator-console db upgrade` by an administrator."""


@dataclass(frozen=True)
class OpenedDatabase:
    """A reachable database at the console's schema; the city's name and time zone ("" before
    the city is set up)."""

    engine: Engine
    label: str
    dialect: str
    city_name: str
    time_zone: str
    password: str | None = field(default=None, repr=False)
    """What was typed at sign-in, for the connections the engine does not make (LISTEN)."""


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__


def open_database(url: str, migrate: bool, password: str | None = None) -> OpenedDatabase:
    """Connect, refuse a newer schema, migrate when asked, else insist on the current one.

    A server that refuses the login (a password wanted or wrong, a disabled or unknown login)
    raises `SignInRefusedError`; `password` goes to the driver only.
    """
    engine = make_engine(url, password=password)
    label = describe(engine)
    missing = _missing_sqlite_file(engine, migrate)
    if missing:
        engine.dispose()
        raise DatabaseUnavailableError(f"Cannot use the database {label}: {missing}")
    try:
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                check_console_login(connection)
        schema.check_not_newer(engine)
        if migrate:
            schema.upgrade(engine)
        elif not schema.is_current(engine):
            raise SchemaBehindError(
                f"The database {label} is not at this console's schema. "
                "An administrator runs `operator-console db upgrade` first."
            )
        with engine.connect() as connection:
            place = connection.execute(select(city.c.name, city.c.time_zone)).first()
    except DBAPIError as exc:
        engine.dispose()
        refused = refused_connection(exc, url_login(url), server_name(url))
        if refused is not None:
            raise refused from exc
        raise DatabaseUnavailableError(
            f"Cannot use the database {label}: {_first_line(exc)}"
        ) from exc
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise DatabaseUnavailableError(
            f"Cannot use the database {label}: {_first_line(exc)}"
        ) from exc
    except (schema.SchemaTooNewError, SchemaBehindError, SignInRefusedError):
        engine.dispose()
        raise
    city_name, time_zone = place or ("", "")
    return OpenedDatabase(engine, label, engine.dialect.name, city_name, time_zone, password)


def _missing_sqlite_file(engine: Engine, migrate: bool) -> str:
    """Why a SQLite file cannot be opened as asked (before SQLite makes an empty one), else ""."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return ""
    path = Path(database)
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist."
    if not migrate and not path.exists():
        return "there is no database file there; `operator-console db upgrade` creates one."
    return ""


def has_requests(engine: Engine) -> bool:
    """True when the database holds at least one request."""
    with engine.connect() as connection:
        return connection.execute(select(service_requests.c.id).limit(1)).first() is not None


def list_staff(engine: Engine) -> list[StaffIdentity]:
    """Active staff, for choosing who is at a SQLite console."""
    statement = (
        select(staff.c.login, staff.c.display_name, staff.c.role)
        .where(staff.c.active)
        .order_by(staff.c.role, staff.c.login)
    )
    with engine.connect() as connection:
        return [StaffIdentity(*row) for row in connection.execute(statement)]


def copy_sqlite(database: OpenedDatabase) -> str:
    """Copy a SQLite database to a temporary file (consistently, WAL included), removed when
    the process ends; its URL."""
    folder = Path(tempfile.mkdtemp(prefix="oc-scratch-"))
    atexit.register(_remove_scratch, folder)
    target = folder / "console.sqlite3"
    with database.engine.connect() as connection:
        connection.exec_driver_sql(f"VACUUM INTO '{target}'")
    database.engine.dispose()
    return f"sqlite:///{target}"


def _remove_scratch(folder: Path) -> None:
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        _log.warning("the scratch copy %s was not removed: %s", folder, exc)
