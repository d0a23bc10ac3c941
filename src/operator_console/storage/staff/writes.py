"""Writing staff changes: through the database's staff functions on PostgreSQL, as rows and
history events on SQLite (which has no logins)."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select, text, update

from operator_console.services.staff.ports import LoginGiven, NewStaff, StaffEvent
from operator_console.storage.db.tables import queues, staff, staff_events, staff_queues


def add_member(connection: Connection, new: NewStaff, event: StaffEvent) -> None:
    """Add the staff member; on PostgreSQL `staff_add` also creates (or adopts) their login in
    its group and writes the history event, in this transaction."""
    if _on_postgres(connection):
        connection.execute(
            text("SELECT staff_add(:login, :name, :role, :email, :verifier)"),
            {
                "login": new.login,
                "name": new.display_name,
                "role": new.role,
                "email": new.email or None,
                "verifier": _verifier(connection, new.login, new.password),
            },
        )
        return
    connection.execute(
        insert(staff).values(
            login=new.login,
            display_name=new.display_name,
            role=new.role,
            email=new.email or None,
            active=True,
        )
    )
    _record(connection, event)


def set_member_role(connection: Connection, login: str, role: str, event: StaffEvent) -> None:
    if _on_postgres(connection):
        connection.execute(
            text("SELECT staff_set_role(:login, :role)"), {"login": login, "role": role}
        )
        return
    connection.execute(update(staff).where(staff.c.login == login).values(role=role))
    _record(connection, event)


def set_member_active(connection: Connection, login: str, active: bool, event: StaffEvent) -> None:
    if _on_postgres(connection):
        function = "staff_enable" if active else "staff_disable"
        connection.execute(text(f"SELECT {function}(:login)"), {"login": login})
        return
    connection.execute(update(staff).where(staff.c.login == login).values(active=active))
    _record(connection, event)


def set_member_password(connection: Connection, login: str, password: str) -> None:
    """Set the login's password through `staff_set_password`, which writes the history event;
    only its verifier leaves the console (PostgreSQL only)."""
    connection.execute(
        text("SELECT staff_set_password(:login, :verifier)"),
        {"login": login, "verifier": _verifier(connection, login, password)},
    )


def give_member_login(connection: Connection, login: str, password: str | None) -> LoginGiven:
    """Create (or adopt) the login of a staff member who has none through `staff_give_login`,
    which writes the history event (PostgreSQL only)."""
    outcome = connection.execute(
        text("SELECT staff_give_login(:login, :verifier)"),
        {"login": login, "verifier": _verifier(connection, login, password)},
    ).scalar_one()
    return "adopted" if outcome == "adopted" else "created"


def set_member_queues(connection: Connection, login: str, codes: tuple[str, ...]) -> None:
    staff_id = select(staff.c.id).where(staff.c.login == login).scalar_subquery()
    connection.execute(delete(staff_queues).where(staff_queues.c.staff_id == staff_id))
    if codes:
        connection.execute(
            insert(staff_queues).from_select(
                ["staff_id", "queue_id"],
                select(staff_id, queues.c.id).where(queues.c.code.in_(codes)),
            )
        )


def _record(connection: Connection, event: StaffEvent) -> None:
    connection.execute(
        insert(staff_events).values(
            at=event.at,
            actor=event.actor,
            kind=event.kind,
            login=event.login,
            from_value=event.from_value,
            to_value=event.to_value,
        )
    )


def _on_postgres(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _verifier(connection: Connection, login: str, password: str | None) -> str | None:
    """The SCRAM-SHA-256 verifier of `password`, computed here: the password itself never
    reaches the server (nor its logs)."""
    if password is None:
        return None
    pgconn = connection.connection.driver_connection.pgconn  # type: ignore[union-attr]
    verifier: bytes = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return verifier.decode("ascii")
