"""Staff administration bound to the admin at the console and the database (units of work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.staff.actions import (
    StaffChange,
    StaffDirectory,
    add_staff,
    change_role,
    disable_staff,
    enable_staff,
    list_staff,
    set_password,
    set_queues,
)
from operator_console.services.staff.ports import NewStaff, StaffUnitOfWork


class StaffDesk:
    """Runs staff administration as `actor`, each step in a fresh unit of work (call off the
    Qt thread). A refused step raises `StaffAdminError` or `NotPermittedError` and changes
    nothing."""

    def __init__(
        self,
        new_uow: Callable[[], StaffUnitOfWork],
        actor: StaffIdentity,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))

    def directory(self) -> StaffDirectory:
        return list_staff(self._new_uow(), self._actor)

    def add(self, command: NewStaff) -> StaffChange:
        return add_staff(self._new_uow(), command, self._actor, self._clock())

    def change_role(self, login: str, role: str) -> StaffChange:
        return change_role(self._new_uow(), login, role, self._actor, self._clock())

    def disable(self, login: str) -> StaffChange:
        return disable_staff(self._new_uow(), login, self._actor, self._clock())

    def enable(self, login: str) -> StaffChange:
        return enable_staff(self._new_uow(), login, self._actor, self._clock())

    def set_queues(self, login: str, codes: tuple[str, ...]) -> StaffChange:
        return set_queues(self._new_uow(), login, codes, self._actor)

    def set_password(self, login: str, password: str) -> StaffChange:
        return set_password(self._new_uow(), login, password, self._actor)
