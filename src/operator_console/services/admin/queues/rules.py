"""The rules a queue, team or crew must follow, checked before anything is written."""

from __future__ import annotations

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


def kind_word(kind: str) -> str:
    return {"team": "team", "crew": "crew"}.get(kind, "queue")


def checked_code(text: str, tree: QueueTree) -> str:
    code = text.strip()
    if not code:
        raise QueueAdminError("Give it a code: a short name such as PWD_SIGNS.", "code")
    if len(code) > CODE_LENGTH:
        raise QueueAdminError(f"The code is too long: at most {CODE_LENGTH} characters.", "code")
    if any(not character.isprintable() for character in code):
        raise QueueAdminError("The code may hold only letters, digits and signs.", "code")
    taken = tree.queue(code)
    if taken is not None:
        raise QueueAdminError(
            f"The code {code} is already used by {taken.values.name} "
            f"({tree.department_name(taken.values.department_code)}).",
            "code",
        )
    return code


def checked_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise QueueAdminError("Give it a name, as staff will see it in the Queues tab.", "name")
    if len(name) > NAME_LENGTH:
        raise QueueAdminError(f"The name is too long: at most {NAME_LENGTH} characters.", "name")
    return name


def checked_department(code: str, tree: QueueTree) -> str:
    if not code:
        raise QueueAdminError("Choose the department the queue belongs to.", "department")
    if all(department.code != code for department in tree.departments):
        raise QueueAdminError(f"There is no department {code}.", "department")
    return code


def checked_parent(code: str, tree: QueueTree, kind: QueueKind) -> QueueRow:
    """The queue a team or crew goes under: an active queue, not a team or crew."""
    if not code:
        raise QueueAdminError(f"Choose the queue the {kind} works for.", "parent")
    parent = tree.queue(code)
    if parent is None:
        raise QueueAdminError(f"There is no queue {code}.", "parent")
    if parent.values.kind != "queue":
        raise QueueAdminError(
            f"{parent.label} is a {parent.values.kind}: a {kind} goes under a queue.", "parent"
        )
    if not parent.values.active:
        raise QueueAdminError(f"{parent.label} is not active.", "parent")
    return parent


def checked_kind(text: str) -> QueueKind:
    for kind in QUEUE_KINDS:
        if text == kind:
            return kind
    raise QueueAdminError("Choose whether it is a queue, a team or a crew.", "kind")


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
    senders = []
    if use.routing_rules:
        senders.append(f"{use.routing_rules} routing rule(s)")
    if use.default_for_services:
        services = ", ".join(use.default_for_services[:3])
        more = "…" if len(use.default_for_services) > 3 else ""
        senders.append(f"the default queue of {services}{more}")
    if senders:
        raise QueueAdminError(
            f"{row.label} still receives new requests ({' and '.join(senders)}): send them "
            "elsewhere in Routing first."
        )


def differences(before: QueueValues, now: QueueValues | None) -> str:
    """What another administrator changed, in words."""
    if now is None:
        return "it no longer exists"
    said = []
    if now.name != before.name:
        said.append(f"renamed it {now.name}")
    if now.department_code != before.department_code:
        said.append(f"moved it to {now.department_code}")
    if now.parent_code != before.parent_code:
        said.append(f"put it under {now.parent_code or 'no queue'}")
    if now.active != before.active:
        said.append("reactivated it" if now.active else "deactivated it")
    return ", ".join(said) or "changed it"
