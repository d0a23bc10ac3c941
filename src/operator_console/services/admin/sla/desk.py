"""SLA administration bound to the admin at the console and the database (units of work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.sla.actions import (
    CalendarEdit,
    PolicyEdit,
    SlaChange,
    SlaSetup,
    add_policy,
    change_calendar,
    change_policy,
    read_setup,
)
from operator_console.services.admin.sla.closures import (
    ClosureRequest,
    declare_closure,
    preview_closure,
    remove_closure,
)
from operator_console.services.admin.sla.ports import PolicySettings, SlaUnitOfWork


class SlaDesk:
    """Runs SLA administration as `actor`, each step in a fresh unit of work (call off the Qt
    thread). A refused step raises `SlaAdminError` or `NotPermittedError` and changes nothing."""

    def __init__(
        self,
        new_uow: Callable[[], SlaUnitOfWork],
        actor: StaffIdentity,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))

    def setup(self) -> SlaSetup:
        return read_setup(self._new_uow(), self._actor)

    def add_policy(self, policy: PolicySettings) -> SlaChange:
        return add_policy(self._new_uow(), policy, self._actor, self._clock())

    def change_policy(self, edit: PolicyEdit) -> SlaChange:
        return change_policy(self._new_uow(), edit, self._actor, self._clock())

    def change_calendar(self, edit: CalendarEdit) -> SlaChange:
        return change_calendar(self._new_uow(), edit, self._actor, self._clock())

    def preview_closure(self, request: ClosureRequest) -> int:
        return preview_closure(self._new_uow(), request, self._actor)

    def declare_closure(self, request: ClosureRequest) -> SlaChange:
        return declare_closure(self._new_uow(), request, self._actor, self._clock())

    def remove_closure(self, request: ClosureRequest) -> SlaChange:
        return remove_closure(self._new_uow(), request, self._actor, self._clock())
