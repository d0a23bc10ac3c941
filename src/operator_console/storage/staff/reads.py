"""Reading staff, their queues, the queues to choose from, and existing database logins."""

from __future__ import annotations

from sqlalchemy import Connection, select, text

from operator_console.services.staff.ports import ExistingLogin, QueueChoice, StaffMember
from operator_console.storage.db.roles import ALL_GROUPS, OWNER_ROLE, PUBLIC_ROLE
from operator_console.storage.db.tables import departments, queues, staff, staff_queues

CONSOLE_ROLES = (*ALL_GROUPS, OWNER_ROLE, PUBLIC_ROLE)

_EXISTING_LOGIN = text(
    "SELECT r.rolname, r.rolsuper, r.rolcanlogin, "
    "ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "      WHERE m.member = r.oid AND g.rolname = ANY(:console_roles) "
    "      ORDER BY g.rolname) AS member_of "
    "FROM pg_roles r WHERE r.rolname = :login"
)


_SIGNING_IN = text(
    "SELECT r.rolname FROM pg_roles r WHERE r.rolcanlogin AND r.rolname = ANY(:logins) "
    "AND EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "            WHERE m.member = r.oid AND g.rolname = ANY(:groups))"
)


def read_members(connection: Connection, login: str | None = None) -> list[StaffMember]:
    """Every staff member (or the one with `login`), by login, with their queue codes and, on
    PostgreSQL, whether their database login may sign in (read from pg_roles)."""
    s = staff.c
    statement = select(s.id, s.login, s.display_name, s.role, s.email, s.active).order_by(s.login)
    if login is not None:
        statement = statement.where(s.login == login)
    rows = connection.execute(statement).all()
    codes: dict[int, list[str]] = {}
    departments_of: dict[int, set[str]] = {}
    if rows:
        placed = connection.execute(
            select(staff_queues.c.staff_id, queues.c.code, departments.c.name)
            .join(queues, queues.c.id == staff_queues.c.queue_id)
            .join(departments, departments.c.id == queues.c.department_id)
            .where(staff_queues.c.staff_id.in_([row.id for row in rows]))
            .order_by(queues.c.code)
        )
        for staff_id, code, department in placed:
            codes.setdefault(staff_id, []).append(code)
            departments_of.setdefault(staff_id, set()).add(department)
    signing_in = _signing_in(connection, [row.login for row in rows])
    return [
        StaffMember(
            row.login,
            row.display_name,
            row.role,
            row.email or None,
            bool(row.active),
            tuple(codes.get(row.id, ())),
            signing_in is None or row.login in signing_in,
            tuple(sorted(departments_of.get(row.id, ()))),
        )
        for row in rows
    ]


def _signing_in(connection: Connection, logins: list[str]) -> set[str] | None:
    """Of `logins`, those with a database login that may connect, in a console group; None
    where staff have no logins of their own (SQLite)."""
    if connection.dialect.name != "postgresql":
        return None
    if not logins:
        return set()
    found = connection.execute(_SIGNING_IN, {"logins": logins, "groups": list(ALL_GROUPS)})
    return {str(login) for login in found.scalars()}


def read_queue_choices(connection: Connection) -> list[QueueChoice]:
    rows = connection.execute(
        select(queues.c.code, queues.c.name).where(queues.c.active).order_by(queues.c.code)
    )
    return [QueueChoice(code, name) for code, name in rows]


def read_existing_login(connection: Connection, login: str) -> ExistingLogin | None:
    """The PostgreSQL role named `login`, with the console roles it belongs to."""
    row = connection.execute(
        _EXISTING_LOGIN, {"login": login, "console_roles": list(CONSOLE_ROLES)}
    ).first()
    if row is None:
        return None
    member_of = tuple(str(name) for name in row.member_of)
    if row.rolname in CONSOLE_ROLES:
        member_of = (str(row.rolname), *member_of)
    return ExistingLogin(str(row.rolname), member_of, bool(row.rolsuper), bool(row.rolcanlogin))
