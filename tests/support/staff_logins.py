"""Staff members with their own PostgreSQL login, uniquely named, for tests that connect as them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, make_url

from operator_console.domain.permissions import Role
from operator_console.storage.db.roles import PUBLIC_ROLE


def make_staff_login(
    admin_url: str,
    role: Role | str,
    departments: Iterable[str] = (),
    queues: Iterable[str] = (),
    display_name: str | None = None,
) -> str:
    """A new login of `role`, made by `staff_add` (member of its group, with a staff row) in
    the database of `admin_url` (a superuser's URL), with a place in `queues` and in every
    queue of `departments` (department codes); returns a URL of that database that connects
    as the login."""
    staff_role = Role(role)
    login = unique_login(staff_role.value)
    engine = create_engine(admin_url)
    try:
        with engine.begin() as connection:
            staff_id = _add_staff(connection, login, display_name or login, staff_role)
            queue_ids = _queue_ids(connection, list(departments), list(queues))
            for queue_id in queue_ids:
                connection.execute(
                    text("INSERT INTO staff_queues (staff_id, queue_id) VALUES (:staff, :queue)"),
                    {"staff": staff_id, "queue": queue_id},
                )
    finally:
        engine.dispose()
    return url_as(admin_url, login)


def make_public_login(admin_url: str) -> str:
    """A new login that is only a member of the public readers' role; returns a URL for it."""
    login = unique_login("public")
    engine = create_engine(admin_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE "{PUBLIC_ROLE}"'))
    finally:
        engine.dispose()
    return url_as(admin_url, login)


def unique_login(stem: str) -> str:
    """A login name no other test uses: roles are shared by every database of the cluster."""
    return f"t_{stem}_{uuid.uuid4().hex[:10]}"


def url_as(url: str, login: str) -> str:
    """`url` with `login` as its user and no password."""
    parsed = make_url(url).set(username=login, password=None)
    return parsed.render_as_string(hide_password=False)


def login_of(url: str) -> str:
    """The user a URL connects as."""
    return str(make_url(url).username)


def _add_staff(connection: Connection, login: str, display_name: str, role: Role) -> int:
    added = connection.execute(
        text("SELECT staff_add(:login, :name, :role, NULL, NULL)"),
        {"login": login, "name": display_name, "role": role.value},
    )
    return int(added.scalar_one())


def _queue_ids(connection: Connection, departments: list[str], queues: list[str]) -> list[int]:
    ids: list[int] = []
    for code in departments:
        found = connection.execute(
            text(
                "SELECT q.id FROM queues q JOIN departments d ON d.id = q.department_id "
                "WHERE d.code = :code ORDER BY q.id"
            ),
            {"code": code},
        ).scalars()
        department_queues = [int(queue_id) for queue_id in found]
        if not department_queues:
            raise ValueError(f"Department {code!r} does not exist or has no queue to join")
        ids += department_queues
    for code in queues:
        queue_id = connection.execute(
            text("SELECT id FROM queues WHERE code = :code"), {"code": code}
        ).scalar_one_or_none()
        if queue_id is None:
            raise ValueError(f"Queue {code!r} does not exist")
        ids.append(int(queue_id))
    return list(dict.fromkeys(ids))
