"""Who administers staff: a staff admin, or the database's owner setting up the first admin."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.storage.db.database import identify
from operator_console.storage.db.roles import OWNER_ROLE

_OWNER_SESSION = text(
    "SELECT session_user AS login, r.rolsuper OR EXISTS ("
    "  SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "  WHERE m.member = r.oid AND g.rolname = :owner) AS owner "
    "FROM pg_roles r WHERE r.rolname = session_user"
)


def is_owner_session(connection: Connection) -> bool:
    """The session's login is the database's owner (a member of it) or a superuser."""
    return bool(connection.execute(_OWNER_SESSION, {"owner": OWNER_ROLE}).one().owner)


def acting_admin(engine: Engine, chosen_login: str | None) -> StaffIdentity:
    """The person administering staff.

    On PostgreSQL, the session's login: its staff identity, or, for the database's owner (or a
    superuser), an admin identity of its own, so the first admins can be added; on SQLite the
    staff member `chosen_login` names. Raises `ValueError` (a message for a person) for anyone
    else.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            session = connection.execute(_OWNER_SESSION, {"owner": OWNER_ROLE}).one()
        if session.owner:
            login = str(session.login)
            return StaffIdentity(login, f"{login} (database owner)", Role.ADMIN.value)
        return identify(engine, None)
    return identify(engine, chosen_login)
