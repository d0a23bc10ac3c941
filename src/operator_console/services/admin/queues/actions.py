"""Queue administration as an admin: list, add a queue or a team, rename, move, deactivate."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, counted
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
)

_ADDED_TO = QT_TRANSLATE_NOOP("QueueAdminWords", "Added the queue %1 (%2) to %3.")
_ADDED_UNDER = {
    "team": QT_TRANSLATE_NOOP("QueueAdminWords", "Added the team %1 (%2) under %3."),
    "crew": QT_TRANSLATE_NOOP("QueueAdminWords", "Added the crew %1 (%2) under %3."),
}
_RENAMED = {
    "queue": QT_TRANSLATE_NOOP("QueueAdminWords", "Renamed the queue %1 from %2 to %3."),
    "team": QT_TRANSLATE_NOOP("QueueAdminWords", "Renamed the team %1 from %2 to %3."),
    "crew": QT_TRANSLATE_NOOP("QueueAdminWords", "Renamed the crew %1 from %2 to %3."),
}
_MOVED_UNDER = {
    "team": QT_TRANSLATE_NOOP("QueueAdminWords", "Moved the team %1 (%2) under %3."),
    "crew": QT_TRANSLATE_NOOP("QueueAdminWords", "Moved the crew %1 (%2) under %3."),
}
_REACTIVATED = {
    "queue": QT_TRANSLATE_NOOP("QueueAdminWords", "Reactivated the queue %1 (%2)."),
    "team": QT_TRANSLATE_NOOP("QueueAdminWords", "Reactivated the team %1 (%2)."),
    "crew": QT_TRANSLATE_NOOP("QueueAdminWords", "Reactivated the crew %1 (%2)."),
}
_DEACTIVATED = {
    "queue": QT_TRANSLATE_NOOP("QueueAdminWords", "Deactivated the queue %1 (%2); %3."),
    "team": QT_TRANSLATE_NOOP("QueueAdminWords", "Deactivated the team %1 (%2); %3."),
    "crew": QT_TRANSLATE_NOOP("QueueAdminWords", "Deactivated the crew %1 (%2); %3."),
}


@dataclass(frozen=True)
class QueueChange:
    """What a step did: the queue before (None when added), after, and the sentence saying so."""

    before: QueueRow | None
    after: QueueValues
    detail: Words

    def summary(self) -> Words:
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
        kind: QueueEventKind
        if values.parent_code is None:
            where = tree.department_name(values.department_code)
            said, kind = _ADDED_TO, "queue_added"
        else:
            parent = tree.queue(values.parent_code)
            where = parent.label if parent else values.parent_code
            said, kind = _ADDED_UNDER.get(values.kind, _ADDED_UNDER["team"]), "team_added"
        detail = said.with_values(values.name, values.code, where)
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
    detail = _RENAMED.get(old.kind, _RENAMED["queue"]).with_values(old.code, old.name, new_name)
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
        places = (
            old.name,
            old.code,
            tree.department_name(old.department_code),
            tree.department_name(department),
        )
        detail = (
            counted(
                teams,
                QT_TRANSLATE_NOOP(
                    "QueueAdminWords",
                    "Moved the queue %2 (%3) from %4 to %5 with its 1 team or crew.",
                ),
                QT_TRANSLATE_NOOP(
                    "QueueAdminWords",
                    "Moved the queue %2 (%3) from %4 to %5 with its %1 teams and crews.",
                ),
                *places,
            )
            if teams
            else QT_TRANSLATE_NOOP(
                "QueueAdminWords", "Moved the queue %1 (%2) from %3 to %4."
            ).with_values(*places)
        )
    else:
        parent = checked_parent(destination, tree, old.kind)
        after = replace(old, parent_code=parent.code, department_code=parent.values.department_code)
        moved = _MOVED_UNDER.get(old.kind, _MOVED_UNDER["team"])
        detail = moved.with_values(old.name, old.code, parent.label)
    if after == old:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP("QueueAdminProblems", "%1 is there already.").with_values(
                before.label
            ),
            "destination",
        )
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
        already = (
            QT_TRANSLATE_NOOP("QueueAdminProblems", "%1 is active already.")
            if active
            else QT_TRANSLATE_NOOP("QueueAdminProblems", "%1 is inactive already.")
        )
        raise QueueAdminError(already.with_values(before.label))
    if active:
        reactivated = _REACTIVATED.get(old.kind, _REACTIVATED["queue"])
        detail = reactivated.with_values(old.name, old.code)
        return _change(uow, before, replace(old, active=True), detail, actor, now)
    with uow:
        use = uow.use_of(before.id)
    check_may_deactivate(before, use)
    staying = counted(
        use.open_cases,
        QT_TRANSLATE_NOOP("QueueAdminWords", "its 1 open case stays in it"),
        QT_TRANSLATE_NOOP("QueueAdminWords", "its %1 open cases stay in it"),
    )
    deactivated = _DEACTIVATED.get(old.kind, _DEACTIVATED["queue"])
    detail = deactivated.with_values(old.name, old.code, staying)
    return _change(uow, before, replace(old, active=False), detail, actor, now)


def _change(
    uow: QueueAdminUnitOfWork,
    before: QueueRow,
    after: QueueValues,
    detail: Words,
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
                QT_TRANSLATE_NOOP(
                    "QueueAdminProblems",
                    "Someone else changed %1 meanwhile (%2); nothing was changed. The list "
                    "shows it as it is now: try again.",
                ).with_values(before.label, what)
            )
        uow.commit()
    return QueueChange(before, after, detail)


def _event(
    now: datetime,
    actor: StaffIdentity,
    kind: QueueEventKind,
    subject: str,
    detail: Words,
    data: Mapping[str, object],
) -> ConfigEvent:
    return ConfigEvent(now, actor.login, kind, subject, str(detail), dict(data))
