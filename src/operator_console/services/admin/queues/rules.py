"""The rules a queue, team or crew must follow, checked before anything is written."""

from __future__ import annotations

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, counted, joined
from operator_console.services.admin.queues.errors import QueueAdminError
from operator_console.services.admin.queues.ports import (
    QUEUE_KINDS,
    QueueDraft,
    QueueKind,
    QueueRow,
    QueueTree,
    QueueUse,
    QueueValues,
)

CODE_LENGTH = 80
NAME_LENGTH = 200


_WORKS_FOR = {
    "team": QT_TRANSLATE_NOOP("QueueAdminProblems", "Choose the queue the team works for."),
    "crew": QT_TRANSLATE_NOOP("QueueAdminProblems", "Choose the queue the crew works for."),
}
_NOT_UNDER = {
    ("team", "team"): QT_TRANSLATE_NOOP(
        "QueueAdminProblems", "%1 is a team: a team goes under a queue."
    ),
    ("team", "crew"): QT_TRANSLATE_NOOP(
        "QueueAdminProblems", "%1 is a team: a crew goes under a queue."
    ),
    ("crew", "team"): QT_TRANSLATE_NOOP(
        "QueueAdminProblems", "%1 is a crew: a team goes under a queue."
    ),
    ("crew", "crew"): QT_TRANSLATE_NOOP(
        "QueueAdminProblems", "%1 is a crew: a crew goes under a queue."
    ),
}


def checked_code(text: str, tree: QueueTree) -> str:
    code = text.strip()
    if not code:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP(
                "QueueAdminProblems", "Give it a code: a short name such as PWD_SIGNS."
            ),
            "code",
        )
    if len(code) > CODE_LENGTH:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP(
                "QueueAdminProblems", "The code is too long: at most %1 characters."
            ).with_values(CODE_LENGTH),
            "code",
        )
    if any(not character.isprintable() for character in code):
        raise QueueAdminError(
            QT_TRANSLATE_NOOP(
                "QueueAdminProblems", "The code may hold only letters, digits and signs."
            ),
            "code",
        )
    taken = tree.queue(code)
    if taken is not None:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP(
                "QueueAdminProblems", "The code %1 is already used by %2 (%3)."
            ).with_values(
                code, taken.values.name, tree.department_name(taken.values.department_code)
            ),
            "code",
        )
    return code


def checked_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP(
                "QueueAdminProblems", "Give it a name, as staff will see it in the Queues tab."
            ),
            "name",
        )
    if len(name) > NAME_LENGTH:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP(
                "QueueAdminProblems", "The name is too long: at most %1 characters."
            ).with_values(NAME_LENGTH),
            "name",
        )
    return name


def checked_department(code: str, tree: QueueTree) -> str:
    if not code:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP("QueueAdminProblems", "Choose the department the queue belongs to."),
            "department",
        )
    if all(department.code != code for department in tree.departments):
        raise QueueAdminError(
            QT_TRANSLATE_NOOP("QueueAdminProblems", "There is no department %1.").with_values(code),
            "department",
        )
    return code


def checked_parent(code: str, tree: QueueTree, kind: QueueKind) -> QueueRow:
    """The queue a team or crew goes under: an active queue, not a team or crew."""
    if not code:
        raise QueueAdminError(_WORKS_FOR.get(kind, _WORKS_FOR["team"]), "parent")
    parent = tree.queue(code)
    if parent is None:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP("QueueAdminProblems", "There is no queue %1.").with_values(code),
            "parent",
        )
    if parent.values.kind != "queue":
        refusal = _NOT_UNDER.get((parent.values.kind, kind), _NOT_UNDER["team", "team"])
        raise QueueAdminError(refusal.with_values(parent.label), "parent")
    if not parent.values.active:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP("QueueAdminProblems", "%1 is not active.").with_values(parent.label),
            "parent",
        )
    return parent


def checked_kind(text: str) -> QueueKind:
    for kind in QUEUE_KINDS:
        if text == kind:
            return kind
    raise QueueAdminError(
        QT_TRANSLATE_NOOP("QueueAdminProblems", "Choose whether it is a queue, a team or a crew."),
        "kind",
    )


def checked_new_queue(draft: QueueDraft, tree: QueueTree) -> QueueValues:
    """The values to store for a new queue, team or crew, or the first reason it cannot be."""
    kind = checked_kind(draft.kind)
    code = checked_code(draft.code, tree)
    name = checked_name(draft.name)
    if kind == "queue":
        return QueueValues(code, name, checked_department(draft.department_code, tree))
    parent = checked_parent(draft.parent_code, tree, kind)
    return QueueValues(code, name, parent.values.department_code, kind, parent.code)


def check_may_deactivate(row: QueueRow, use: QueueUse) -> None:
    """A queue that routing still sends new requests to stays active until that is changed."""
    rules = counted(
        use.routing_rules,
        QT_TRANSLATE_NOOP("QueueAdminProblems", "1 routing rule"),
        QT_TRANSLATE_NOOP("QueueAdminProblems", "%1 routing rules"),
    )
    services = ", ".join(use.default_for_services[:3])
    more = "…" if len(use.default_for_services) > 3 else ""
    default = QT_TRANSLATE_NOOP("QueueAdminProblems", "the default queue of %1").with_values(
        services + more
    )
    senders: Words | None = None
    if use.routing_rules and use.default_for_services:
        senders = QT_TRANSLATE_NOOP("QueueAdminProblems", "%1 and %2").with_values(rules, default)
    elif use.routing_rules:
        senders = rules
    elif use.default_for_services:
        senders = default
    if senders is not None:
        raise QueueAdminError(
            QT_TRANSLATE_NOOP(
                "QueueAdminProblems",
                "%1 still receives new requests (%2): send them elsewhere in Routing first.",
            ).with_values(row.label, senders)
        )


def differences(before: QueueValues, now: QueueValues | None) -> Words:
    """What another administrator changed, in words."""
    if now is None:
        return QT_TRANSLATE_NOOP("QueueAdminWords", "it no longer exists")
    said: list[Words | str] = []
    if now.name != before.name:
        said.append(QT_TRANSLATE_NOOP("QueueAdminWords", "renamed it %1").with_values(now.name))
    if now.department_code != before.department_code:
        said.append(
            QT_TRANSLATE_NOOP("QueueAdminWords", "moved it to %1").with_values(now.department_code)
        )
    if now.parent_code != before.parent_code:
        said.append(
            QT_TRANSLATE_NOOP("QueueAdminWords", "put it under %1").with_values(now.parent_code)
            if now.parent_code
            else QT_TRANSLATE_NOOP("QueueAdminWords", "put it under no queue")
        )
    if now.active != before.active:
        said.append(
            QT_TRANSLATE_NOOP("QueueAdminWords", "reactivated it")
            if now.active
            else QT_TRANSLATE_NOOP("QueueAdminWords", "deactivated it")
        )
    return joined(said, ", ") if said else QT_TRANSLATE_NOOP("QueueAdminWords", "changed it")
