"""Who is at the console: the staff member a database login or a chosen login stands for."""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import DBAPIError

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.storage.db.roles import OWNER_ROLE, role_for_group
from operator_console.storage.db.tables import departments, queues, staff, staff_queues

_DEPARTMENT_BOUND = (Role.DISPATCHER.value, Role.SUPERVISOR.value)


class SignInRefusedError(ValueError):
    """The server or the console refuses who is signing in; the message is for a person.

    Attributes:
        login: the login that tried.
        wants_password: the server asks for a password the console did not give (or a
            different one): a sign-in with a password may succeed.
    """

    def __init__(self, message: str, login: str, wants_password: bool = False) -> None:
        super().__init__(message)
        self.login = login
        self.wants_password = wants_password


def not_staff(login: str) -> SignInRefusedError:
    return SignInRefusedError(
        f"The database login '{login}' is not a staff member of this console: ask an "
        "administrator to add it (operator-console staff add).",
        login,
    )


def disabled(login: str) -> SignInRefusedError:
    return SignInRefusedError(
        f"This login is disabled: '{login}' may no longer sign in to this console. Ask an "
        f"administrator to enable it again (operator-console staff enable {login}).",
        login,
    )


def identify(engine: Engine, chosen_login: str | None) -> StaffIdentity:
    """The staff member at the console, with the departments whose cases they may change.

    On PostgreSQL the person is the session's login and their role the console group it belongs
    to; a login that is not active staff is refused, never taken for an operator. Only the
    database's owner (or a superuser), whom no grant limits anyway, may act as the staff member
    `chosen_login` names. On SQLite the person is `chosen_login`.
    """
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            person = _postgres_person(connection, chosen_login)
        elif chosen_login:
            person = _chosen_person(connection, chosen_login)
        else:
            raise ValueError("choose who is at the console")
        if person.role in _DEPARTMENT_BOUND:
            codes = _department_codes(connection, person.login)
            person = StaffIdentity(person.login, person.display_name, person.role, codes)
    return person


def _chosen_person(connection: Connection, login: str) -> StaffIdentity:
    row = connection.execute(
        select(staff.c.display_name, staff.c.role).where(staff.c.login == login, staff.c.active)
    ).first()
    if row is None:
        raise SignInRefusedError(f"No active staff member has the login {login!r}", login)
    return StaffIdentity(login, row.display_name, row.role)


_SESSION_ROLE = text(
    "SELECT session_user AS login, "
    "r.rolsuper OR r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database()) "
    "  AS owns_database, "
    "ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "      WHERE m.member = r.oid ORDER BY g.rolname) AS groups "
    "FROM pg_roles r WHERE r.rolname = session_user"
)
_WHOAMI = text("SELECT display_name, active FROM staff_whoami()")


def _session_role(connection: Connection) -> tuple[str, bool, list[str]]:
    """The session's login, whether it owns the database (superusers do), its console groups."""
    session = connection.execute(_SESSION_ROLE).one()
    groups = [str(group) for group in session.groups]
    owner = bool(session.owns_database) or OWNER_ROLE in groups
    return str(session.login), owner, [group for group in groups if role_for_group(group)]


def check_console_login(connection: Connection) -> None:
    """Refuse a PostgreSQL login that neither owns the database nor belongs to a console group,
    before anything else is read (it may read nothing)."""
    login, owner, groups = _session_role(connection)
    if not owner and not groups:
        raise not_staff(login)


def _postgres_person(connection: Connection, chosen_login: str | None) -> StaffIdentity:
    login, owner, staff_groups = _session_role(connection)
    if owner:
        if chosen_login:
            return _chosen_person(connection, chosen_login)
        raise SignInRefusedError(
            f"The database login '{login}' owns the database and is not a staff member: sign "
            "in with a staff login, or name the staff member to act as (--staff LOGIN).",
            login,
        )
    if not staff_groups:
        raise not_staff(login)
    if len(staff_groups) > 1:
        raise SignInRefusedError(
            f"The database login '{login}' belongs to several console groups "
            f"({', '.join(staff_groups)}): ask an administrator to give it one role "
            "(operator-console staff set-role).",
            login,
        )
    role = role_for_group(staff_groups[0])
    assert role is not None
    row = connection.execute(_WHOAMI).first()  # the staff row, whatever the login may read
    if row is None:
        raise not_staff(login)
    if not row.active:
        raise disabled(login)
    return StaffIdentity(login, row.display_name, role.value)


def _department_codes(connection: Connection, login: str) -> frozenset[str]:
    statement = (
        select(departments.c.code)
        .join(queues, queues.c.department_id == departments.c.id)
        .join(staff_queues, staff_queues.c.queue_id == queues.c.id)
        .join(staff, staff.c.id == staff_queues.c.staff_id)
        .where(staff.c.login == login)
        .distinct()
    )
    return frozenset(str(code) for code in connection.execute(statement).scalars())


_SERVER_SAYS = re.compile(r"FATAL:\s+(.*)")


def refused_connection(error: DBAPIError, login: str, server: str) -> SignInRefusedError | None:
    """The refusal a failed connection means for the person signing in, if it is one."""
    said = str(error.orig)
    fatal = _SERVER_SAYS.search(said)
    server_words = fatal.group(1).strip() if fatal else said.strip().splitlines()[-1]
    if "no password supplied" in said:
        return SignInRefusedError(
            f"The server {server} asks for the password of '{login}'.", login, True
        )
    if "password authentication failed" in said:
        return SignInRefusedError(
            f"The server {server} refused the login '{login}' with this password: "
            f"“{server_words}”. Check the login and the password, and sign in again.",
            login,
            True,
        )
    if "is not permitted to log in" in said:
        return disabled(login)
    if re.search(r'role ".*" does not exist', said):
        return not_staff(login)
    return None
