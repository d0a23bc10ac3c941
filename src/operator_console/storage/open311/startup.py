"""Before the Open311 server listens: its database answers, at this schema, to a login that
may file (the server's own group, or the owner)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from operator_console.storage.db import schema
from operator_console.storage.db.database import DatabaseUnavailableError, SchemaBehindError
from operator_console.storage.db.engine import describe, make_engine
from operator_console.storage.db.roles import OPEN311_ROLE, OWNER_ROLE

_MAY_SERVE = text(
    "SELECT pg_has_role(session_user, :group, 'MEMBER') "
    "OR pg_has_role(session_user, :owner, 'MEMBER')"
)


def check_server_database(url: str) -> None:
    """Raise `DatabaseUnavailableError`, `SchemaBehindError` or `SchemaTooNewError` with a
    message for the administrator when the server could not work on `url`."""
    engine = make_engine(url)
    label = describe(engine)
    try:
        schema.check_not_newer(engine)
        if not schema.is_current(engine):
            raise SchemaBehindError(
                f"The database {label} is not at this console's schema. "
                "An administrator runs `operator-console db upgrade` first."
            )
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                allowed = connection.execute(
                    _MAY_SERVE, {"group": OPEN311_ROLE, "owner": OWNER_ROLE}
                ).scalar()
            if not allowed:
                raise DatabaseUnavailableError(
                    f"The login {engine.url.username} of {label} is not in {OPEN311_ROLE}: the "
                    f"server files requests as a login of its own (CREATE ROLE … LOGIN IN ROLE "
                    f"{OPEN311_ROLE}; docs/open311.md)."
                )
    except SQLAlchemyError as exc:
        first_line = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(f"Cannot use the database {label}: {first_line}") from exc
    finally:
        engine.dispose()
