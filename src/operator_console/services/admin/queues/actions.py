"""Queue administration as an admin: list, add a queue or a team, rename, move, deactivate."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.queues.errors import (
    QueueAdminError,
    QueueChangedMeanwhileError,
)
from operator_console.services.admin.queues.ports import (
    QueueAdminUnitOfWork,
    QueueDraft,
    QueueEventKind,
    QueueRow,
    QueueTree,
    QueueUse,
    QueueValues,
)
from operator_console.services.admin.queues.rules import (
    check_may_deactivate,
    checked_department,
    checked_name,
    checked_new_queue,
    checked_parent,
    differences,
    kind_word,
)


@dataclass(frozen=True)
class QueueChange:
    """What a step did: the queue before (None when added), after, and the sentence saying so."""

    before: QueueRow | None
    after: QueueValues
    detail: str

    def summary(self) -> str:
        return self.detail


def queue_tree(uow: QueueAdminUnitOfWork, actor: StaffIdentity) -> QueueTree:
    require(actor, Action.CONFIGURE)
    with uow:
        return uow.tree()


def queue_use(uow: QueueAdminUnitOfWork, row: QueueRow, actor: StaffIdentity) -> QueueUse:
    """What depends on the queue: asked before deactivating it."""
    require(actor, Action.CONFIGURE)
    with uow:
        return uow.use_of(row.id)


def add_queue(
    uow: QueueAdminUnitOfWork, draft: QueueDraft, actor: StaffIdentity, now: datetime
) -> QueueChange:
    require(actor, Action.CONFIGURE)
    with uow:
        tree = uow.tree()
        values = checked_new_queue(draft, tree)
        if values.parent_code is None:
            where = f"to {tree.department_name(values.department_code)}"
            kind: QueueEventKind = "queue_added"
        else:
            parent = tree.queue(values.parent_code)
            where = f"under {parent.label if parent else values.parent_code}"
            kind = "team_added"
        detail = f"Added the {kind_word(values.kind)} {values.name} ({values.code}) {where}."
        event = _event(now, actor, kind, values.code, detail, {"after": values.as_data()})
        uow.add_queue(values, event)
        uow.commit()
    return QueueChange(None, values, detail)


def rename_queue(
    uow: QueueAdminUnitOfWork, before: QueueRow, name: str, actor: StaffIdentity, now: datetime
) -> QueueChange:
    require(actor, Action.CONFIGURE)
    new_name = checked_name(name)
    old = before.values
    detail = f"Renamed the {kind_word(old.kind)} {old.code} from {old.name} to {new_name}."
    return _change(uow, before, replace(old, name=new_name), detail, actor, now)


def move_queue(
    uow: QueueAdminUnitOfWork,
    before: QueueRow,
    destination: str,
    actor: StaffIdentity,
    now: datetime,
) -> QueueChange:
    """Move a queue to the department `destination` (its teams and crews follow), or a team or
    crew under the queue `destination`."""
    require(actor, Action.CONFIGURE)
    old = before.values
    with uow:
        tree = uow.tree()
    if old.kind == "queue":
        department = checked_department(destination, tree)
        after = replace(old, department_code=department)
        teams = len(tree.under(old.code))
        following = f" with its {teams} team(s) and crew(s)" if teams else ""
        detail = (
            f"Moved the queue {old.name} ({old.code}) from "
            f"{tree.department_name(old.department_code)} to "
            f"{tree.department_name(department)}{following}."
        )
    else:
        parent = checked_parent(destination, tree, old.kind)
        after = replace(old, parent_code=parent.code, department_code=parent.values.department_code)
        detail = f"Moved the {old.kind} {old.name} ({old.code}) under {parent.label}."
    if after == old:
        raise QueueAdminError(f"{before.label} is there already.", "destination")
    return _change(uow, before, after, detail, actor, now)


def set_queue_active(
    uow: QueueAdminUnitOfWork,
    before: QueueRow,
    active: bool,
    actor: StaffIdentity,
    now: datetime,
) -> QueueChange:
    """Deactivate a queue (its cases keep it; refused while routing still sends requests to
    it) or make it active again."""
    require(actor, Action.CONFIGURE)
    old = before.values
    if old.active == active:
        state = "active" if active else "inactive"
        raise QueueAdminError(f"{before.label} is {state} already.")
    if active:
        detail = f"Reactivated the {kind_word(old.kind)} {old.name} ({old.code})."
        return _change(uow, before, replace(old, active=True), detail, actor, now)
    with uow:
        use = uow.use_of(before.id)
    check_may_deactivate(before, use)
    detail = (
        f"Deactivated the {kind_word(old.kind)} {old.name} ({old.code}); "
        f"its {use.open_cases} open case(s) stay in it."
    )
    return _change(uow, before, replace(old, active=False), detail, actor, now)


def _change(
    uow: QueueAdminUnitOfWork,
    before: QueueRow,
    after: QueueValues,
    detail: str,
    actor: StaffIdentity,
    now: datetime,
) -> QueueChange:
    data = {"before": before.values.as_data(), "after": after.as_data()}
    event = _event(now, actor, "queue_changed", before.code, detail, data)
    with uow:
        if not uow.change_queue(before, after, event):
            current = uow.queue(before.code)
            what = differences(before.values, current.values if current else None)
            raise QueueChangedMeanwhileError(
                f"Someone else changed {before.label} meanwhile ({what}); nothing was "
                "changed. The list shows it as it is now: try again."
            )
        uow.commit()
    return QueueChange(before, after, detail)


def _event(
    now: datetime,
    actor: StaffIdentity,
    kind: QueueEventKind,
    subject: str,
    detail: str,
    data: Mapping[str, object],
) -> ConfigEvent:
    return ConfigEvent(now, actor.login, kind, subject, detail, dict(data))
