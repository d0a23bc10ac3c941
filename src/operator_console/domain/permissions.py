"""Who may do what: the one table of staff roles and the actions each may take."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from operator_console.domain.lifecycle import Status, is_reopen
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words


class Role(StrEnum):
    """A staff member's role (the `staff.role` column)."""

    OPERATOR = "operator"
    DISPATCHER = "dispatcher"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Action(StrEnum):
    """Something a person at a console asks the services to change."""

    SUBMIT_INTAKE = "submit_intake"
    ADD_CALLER = "add_caller"
    ADD_NOTE = "add_note"
    ASSIGN = "assign"
    MOVE = "move"
    CHANGE_PRIORITY = "change_priority"
    ESCALATE = "escalate"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"
    REROUTE = "reroute"
    MARK_DUPLICATE = "mark_duplicate"
    FILE_STAFF_ONLY = "file_staff_only"
    CONFIGURE = "configure"
    MANAGE_STAFF = "manage_staff"
    RESEND_MESSAGE = "resend_message"


_OPERATOR = frozenset({Action.SUBMIT_INTAKE, Action.ADD_CALLER, Action.ADD_NOTE})
_DISPATCHER = _OPERATOR | {Action.ASSIGN, Action.MOVE}
_SUPERVISOR = _DISPATCHER | {
    Action.CHANGE_PRIORITY,
    Action.ESCALATE,
    Action.RESOLVE,
    Action.CLOSE,
    Action.REOPEN,
    Action.REROUTE,
    Action.MARK_DUPLICATE,
    Action.FILE_STAFF_ONLY,
    Action.RESEND_MESSAGE,
}

ALLOWED: Mapping[Role, frozenset[Action]] = {
    Role.OPERATOR: _OPERATOR,
    Role.DISPATCHER: _DISPATCHER,
    Role.SUPERVISOR: _SUPERVISOR,
    Role.ADMIN: frozenset(Action),
}
"""Role -> the actions it may take; services refuse the rest, and the UI hides them."""

_DOING = {
    Action.SUBMIT_INTAKE: QT_TRANSLATE_NOOP("PermissionRefusals", "submit new requests"),
    Action.ADD_CALLER: QT_TRANSLATE_NOOP(
        "PermissionRefusals", "add a caller to an existing request"
    ),
    Action.ADD_NOTE: QT_TRANSLATE_NOOP("PermissionRefusals", "add notes"),
    Action.ASSIGN: QT_TRANSLATE_NOOP("PermissionRefusals", "assign or reassign cases"),
    Action.MOVE: QT_TRANSLATE_NOOP("PermissionRefusals", "move cases through the field states"),
    Action.CHANGE_PRIORITY: QT_TRANSLATE_NOOP("PermissionRefusals", "change a case's priority"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("PermissionRefusals", "escalate cases"),
    Action.RESOLVE: QT_TRANSLATE_NOOP("PermissionRefusals", "resolve cases"),
    Action.CLOSE: QT_TRANSLATE_NOOP("PermissionRefusals", "close cases"),
    Action.REOPEN: QT_TRANSLATE_NOOP("PermissionRefusals", "reopen cases"),
    Action.REROUTE: QT_TRANSLATE_NOOP("PermissionRefusals", "re-route cases"),
    Action.MARK_DUPLICATE: QT_TRANSLATE_NOOP("PermissionRefusals", "mark a case as a duplicate"),
    Action.FILE_STAFF_ONLY: QT_TRANSLATE_NOOP(
        "PermissionRefusals", "file requests in staff-only services"
    ),
    Action.CONFIGURE: QT_TRANSLATE_NOOP(
        "PermissionRefusals", "change the configuration (such as the service catalog)"
    ),
    Action.MANAGE_STAFF: QT_TRANSLATE_NOOP(
        "PermissionRefusals", "add staff, change their roles and queues, or disable their logins"
    ),
    Action.RESEND_MESSAGE: QT_TRANSLATE_NOOP(
        "PermissionRefusals", "correct the address of an undelivered message and send it again"
    ),
}
_IS_ROLE = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("PermissionRefusals", "%1 is an operator"),
    Role.DISPATCHER: QT_TRANSLATE_NOOP("PermissionRefusals", "%1 is a dispatcher"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("PermissionRefusals", "%1 is a supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("PermissionRefusals", "%1 is an admin"),
}
_ROLES = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("PermissionRefusals", "operators"),
    Role.DISPATCHER: QT_TRANSLATE_NOOP("PermissionRefusals", "dispatchers"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("PermissionRefusals", "supervisors"),
    Role.ADMIN: QT_TRANSLATE_NOOP("PermissionRefusals", "admins"),
}


@dataclass(frozen=True)
class StaffIdentity:
    """The person at a console, who acts; every history event records `login`.

    `departments` are the codes of the departments whose cases a dispatcher or supervisor may
    change (those of their queues); None sets no department limit.
    """

    login: str
    display_name: str
    role: str
    departments: frozenset[str] | None = None


class NotPermittedError(Exception):
    """The person's role may not take the action; nothing was changed."""

    def __init__(self, staff: StaffIdentity, action: Action) -> None:
        self.staff = staff
        self.action = action
        self.message: Words | str = refusal(staff, action) or ""
        super().__init__(self.message)


def permits(role: str, action: Action) -> bool:
    """True when the role may take the action; an unknown role may take none."""
    try:
        return action in ALLOWED[Role(role)]
    except ValueError:
        return False


def roles_permitted(action: Action) -> tuple[Role, ...]:
    """The roles that may take the action, from the least to the most powerful."""
    return tuple(role for role in Role if action in ALLOWED[role])


def refusal(staff: StaffIdentity, action: Action) -> Words | None:
    """Why the person may not take the action, in words; None when they may."""
    if permits(staff.role, action):
        return None
    who = staff.login
    if staff.display_name and staff.display_name != staff.login:
        who = f"{staff.display_name} ({staff.login})"
    if staff.role in tuple(Role):
        what = _IS_ROLE[Role(staff.role)].with_values(who)
    else:
        what = QT_TRANSLATE_NOOP("PermissionRefusals", "%1 has no known role (%2)").with_values(
            who, repr(staff.role)
        )
    roles = [_ROLES[role] for role in roles_permitted(action)]
    only = roles[-1]
    if len(roles) > 1:
        only = QT_TRANSLATE_NOOP("PermissionRefusals", "%1 and %2").with_values(
            _listed(roles[:-1]), roles[-1]
        )
    return QT_TRANSLATE_NOOP("PermissionRefusals", "%1: only %2 can %3.").with_values(
        what, only, _DOING[action]
    )


def _listed(names: list[Words]) -> Words:
    listed = names[0]
    for name in names[1:]:
        listed = QT_TRANSLATE_NOOP("PermissionRefusals", "%1, %2").with_values(listed, name)
    return listed


def describe_action(action: Action) -> Words:
    """The action in words, as in "only supervisors can <words>"."""
    return _DOING[action]


def require(staff: StaffIdentity, action: Action) -> None:
    """Raise `NotPermittedError` unless the person's role may take the action."""
    if not permits(staff.role, action):
        raise NotPermittedError(staff, action)


def move_action(current: Status, target: Status) -> Action:
    """Which action a status move is: resolving, closing, reopening, or a field-state move."""
    if target is Status.RESOLVED:
        return Action.RESOLVE
    if target is Status.CLOSED:
        return Action.CLOSE
    if is_reopen(current, target):
        return Action.REOPEN
    return Action.MOVE


def may_change_case(staff: StaffIdentity, department_code: str | None) -> bool:
    """True when the person may change a case whose queue belongs to `department_code` (None:
    a case with no queue); a person with `departments` None has no department limit.

    The rule looks at where the case is now: a case of one's own department may be sent to
    another department's queue, but a case of another department may not be taken in.
    """
    if staff.departments is None or department_code is None:
        return True
    return department_code in staff.departments
