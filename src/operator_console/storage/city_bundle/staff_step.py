"""Staff and their queues: on PostgreSQL through the staff functions, so each has a login."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select, text, update

from operator_console.services.city_bundle.model import CityBundle, StaffRow
from operator_console.storage.db.roles import ALL_GROUPS
from operator_console.storage.db.tables import staff, staff_queues

_CONSOLE_GROUPS = text(
    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :login AND g.rolname = ANY(:groups)"
)


def write_staff(
    connection: Connection, bundle: CityBundle, queue_ids: dict[str, int], give_logins: bool
) -> int:
    """Add the bundle's new staff and bring the others' name, email, role and queues in line;
    staff the bundle does not list are left as they are. Returns how many were added.

    On PostgreSQL with `give_logins`, a new member gets a database login in their role's group
    without a password (`staff_add`: created, or a plain login adopted); one whose login is in
    a console group already (another database of the same server) gets their staff row and
    `staff_set_role` puts the login in the right group. Roles change through `staff_set_role`.
    """
    postgres = connection.dialect.name == "postgresql"
    s = staff.c
    current = {
        row.login: row
        for row in connection.execute(select(s.id, s.login, s.display_name, s.role, s.email))
    }
    added = 0
    for member in bundle.staff:
        existing = current.get(member.login)
        if existing is None:
            _add(connection, member, postgres and give_logins)
            added += 1
            continue
        if existing.role != member.role.value:
            if postgres:
                connection.execute(
                    text("SELECT staff_set_role(:login, :role)"),
                    {"login": member.login, "role": member.role.value},
                )
            else:
                connection.execute(
                    update(staff).where(s.id == existing.id).values(role=member.role.value)
                )
        if (existing.display_name, existing.email) != (member.name, member.email):
            connection.execute(
                update(staff)
                .where(s.id == existing.id)
                .values(display_name=member.name, email=member.email)
            )
    ids = {str(login): int(row_id) for login, row_id in connection.execute(select(s.login, s.id))}
    _write_queues(connection, bundle, ids, queue_ids)
    return added


def _add(connection: Connection, member: StaffRow, give_login: bool) -> None:
    values = {"login": member.login, "name": member.name, "role": member.role.value}
    if give_login:
        groups = connection.execute(
            _CONSOLE_GROUPS, {"login": member.login, "groups": list(ALL_GROUPS)}
        ).scalars()
        if not list(groups):
            connection.execute(
                text("SELECT staff_add(:login, :name, :role, :email, NULL)"),
                values | {"email": member.email or ""},
            )
            return
    connection.execute(
        insert(staff).values(
            login=member.login,
            display_name=member.name,
            role=member.role.value,
            email=member.email,
            active=True,
        )
    )
    if give_login:
        connection.execute(text("SELECT staff_set_role(:login, :role)"), values)


def _write_queues(
    connection: Connection,
    bundle: CityBundle,
    staff_ids: dict[str, int],
    queue_ids: dict[str, int],
) -> None:
    listed = [staff_ids[member.login] for member in bundle.staff]
    if listed:
        connection.execute(delete(staff_queues).where(staff_queues.c.staff_id.in_(listed)))
    rows = [
        {"staff_id": staff_ids[member.login], "queue_id": queue_ids[code]}
        for member in bundle.staff
        for code in dict.fromkeys(member.queues)
    ]
    if rows:
        connection.execute(insert(staff_queues), rows)
