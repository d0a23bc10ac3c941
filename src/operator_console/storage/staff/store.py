"""The staff administration unit of work: one connection, one transaction."""

from __future__ import annotations

from typing import Self

from sqlalchemy import Engine, text

from operator_console.services.staff.ports import (
    ExistingLogin,
    LoginGiven,
    NewStaff,
    QueueChoice,
    StaffEvent,
    StaffMember,
)
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaking_service_errors, speaks_service_errors
from operator_console.storage.staff.reads import (
    read_existing_login,
    read_members,
    read_queue_choices,
)
from operator_console.storage.staff.writes import (
    add_member,
    give_member_login,
    set_member_active,
    set_member_password,
    set_member_queues,
    set_member_role,
)

STAFF_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('operator_console.staff'))")
"""Held until the transaction ends: staff administration runs one step at a time."""


@speaks_service_errors
class SqlStaffUnitOfWork(SqlConnectionScope):
    """`StaffUnitOfWork` over one connection; rolls back unless `commit()` was called.

    On PostgreSQL every staff member has a login of their own and the writes go through the
    database's staff functions (which the database lets only admins and the owner run); on
    SQLite the rows and their history are written here.
    """

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._has_logins = engine.dialect.name == "postgresql"

    def __enter__(self) -> Self:
        """Begin; on PostgreSQL, wait until no other administration step is running, so two
        admins cannot each disable the other and leave none (SQLite writes one at a time)."""
        super().__enter__()
        if self._has_logins:
            try:
                with speaking_service_errors():
                    self.connection.execute(STAFF_LOCK)
            except BaseException:
                self.__exit__(None, None, None)
                raise
        return self

    @property
    def has_logins(self) -> bool:
        return self._has_logins

    def members(self) -> list[StaffMember]:
        return read_members(self.connection)

    def member(self, login: str) -> StaffMember | None:
        found = read_members(self.connection, login)
        return found[0] if found else None

    def queue_choices(self) -> list[QueueChoice]:
        return read_queue_choices(self.connection)

    def existing_login(self, login: str) -> ExistingLogin | None:
        if not self._has_logins:
            return None
        return read_existing_login(self.connection, login)

    def add(self, new: NewStaff, event: StaffEvent) -> None:
        add_member(self.connection, new, event)

    def set_role(self, login: str, role: str, event: StaffEvent) -> None:
        set_member_role(self.connection, login, role, event)

    def set_active(self, login: str, active: bool, event: StaffEvent) -> None:
        set_member_active(self.connection, login, active, event)

    def set_queues(self, login: str, codes: tuple[str, ...]) -> None:
        set_member_queues(self.connection, login, codes)

    def set_password(self, login: str, password: str) -> None:
        set_member_password(self.connection, login, password)

    def give_login(self, login: str, password: str | None) -> LoginGiven:
        return give_member_login(self.connection, login, password)
