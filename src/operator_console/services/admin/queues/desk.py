"""Queue administration bound to the admin at the console and the database (units of work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.queues.actions import (
    QueueChange,
    add_queue,
    move_queue,
    queue_tree,
    queue_use,
    rename_queue,
    set_queue_active,
)
from operator_console.services.admin.queues.ports import (
    QueueAdminUnitOfWork,
    QueueDraft,
    QueueRow,
    QueueTree,
    QueueUse,
)


class QueueDesk:
    """Runs queue administration as `actor`, each step in a fresh unit of work (call off the
    Qt thread). A refused step raises `QueueAdminError` or `NotPermittedError` and changes
    nothing."""

    def __init__(
        self,
        new_uow: Callable[[], QueueAdminUnitOfWork],
        actor: StaffIdentity,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))

    def tree(self) -> QueueTree:
        return queue_tree(self._new_uow(), self._actor)

    def use_of(self, row: QueueRow) -> QueueUse:
        return queue_use(self._new_uow(), row, self._actor)

    def add(self, draft: QueueDraft) -> QueueChange:
        return add_queue(self._new_uow(), draft, self._actor, self._clock())

    def rename(self, before: QueueRow, name: str) -> QueueChange:
        return rename_queue(self._new_uow(), before, name, self._actor, self._clock())

    def move(self, before: QueueRow, destination: str) -> QueueChange:
        return move_queue(self._new_uow(), before, destination, self._actor, self._clock())

    def set_active(self, before: QueueRow, active: bool) -> QueueChange:
        return set_queue_active(self._new_uow(), before, active, self._actor, self._clock())
