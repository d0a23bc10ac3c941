"""Database logins for the demo city's staff on PostgreSQL, so a trainer can sign in as them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select, text

from operator_console.domain.permissions import Role
from operator_console.storage.db.errors import speaking_service_errors
from operator_console.storage.db.roles import GROUP_ROLE
from operator_console.storage.db.tables import staff
from operator_console.storage.staff.acting import is_owner_session

_IN_GROUP = text(
    "SELECT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :login AND g.rolname = :group)"
)


@dataclass(frozen=True)
class DemoLogins:
    """The demo staff logins created (or adopted) and those already in their group."""

    given: tuple[str, ...]
    existing: tuple[str, ...]

    def __str__(self) -> str:
        said = f"gave {len(self.given)} demo staff member(s) a login in their group"
        if self.existing:
            said += f" ({len(self.existing)} had one already)"
        return (
            f"{said}; none has a password yet: set one with "
            "`operator-console staff set-password LOGIN`."
        )


def give_demo_logins(engine: Engine) -> DemoLogins | None:
    """Give every staff member a database login in their role's group, skipping those that
    are in it already, in one transaction. None where logins cannot be given: on SQLite, or
    when the session is neither the database's owner nor a superuser. Raises
    `DatabaseRefusedError` (nothing given) when a name is taken by a login the console does
    not manage."""
    if engine.dialect.name != "postgresql":
        return None
    given: list[str] = []
    existing: list[str] = []
    with engine.begin() as connection, speaking_service_errors():
        if not is_owner_session(connection):
            return None
        for login, role in connection.execute(
            select(staff.c.login, staff.c.role).order_by(staff.c.login)
        ):
            group = GROUP_ROLE[Role(role)]
            if connection.execute(_IN_GROUP, {"login": login, "group": group}).scalar_one():
                existing.append(login)
                continue
            connection.execute(text("SELECT staff_give_login(:login, NULL)"), {"login": login})
            given.append(login)
    return DemoLogins(tuple(given), tuple(existing))
