"""The role table: who may do what, and the words a refusal is given in."""

from __future__ import annotations

import pytest

from operator_console.domain.lifecycle import Status
from operator_console.domain.permissions import (
    Action,
    NotPermittedError,
    Role,
    StaffIdentity,
    move_action,
    permits,
    refusal,
    require,
    roles_permitted,
)

CASE_WORK = {Action.ASSIGN, Action.MOVE}
SUPERVISING = {
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
CALL_TAKING = {Action.SUBMIT_INTAKE, Action.ADD_CALLER, Action.ADD_NOTE}


def _allowed(role: str) -> set[Action]:
    return {action for action in Action if permits(role, action)}


def test_each_role_adds_to_the_one_below_and_only_admins_configure() -> None:
    assert _allowed("operator") == CALL_TAKING
    assert _allowed("dispatcher") == CALL_TAKING | CASE_WORK
    assert _allowed("supervisor") == CALL_TAKING | CASE_WORK | SUPERVISING
    assert _allowed("admin") == set(Action)
    assert roles_permitted(Action.CONFIGURE) == (Role.ADMIN,)


def test_an_unknown_or_empty_role_may_do_nothing() -> None:
    assert _allowed("") == set() and _allowed("boss") == set() and _allowed("Admin") == set()


def test_a_refusal_names_the_person_their_role_and_who_can() -> None:
    maria = StaffIdentity("operator1", "Maria Alvarez", "operator")
    assert str(refusal(maria, Action.ASSIGN)) == (
        "Maria Alvarez (operator1) is an operator: only dispatchers, supervisors and admins "
        "can assign or reassign cases."
    )
    assert refusal(maria, Action.ADD_NOTE) is None
    stranger = StaffIdentity("postgres", "postgres", "boss")
    assert str(refusal(stranger, Action.CONFIGURE)) == (
        "postgres has no known role ('boss'): only admins can change the configuration "
        "(such as the service catalog)."
    )


def test_require_raises_with_the_refusal() -> None:
    denise = StaffIdentity("dispatcher1", "Denise Walsh", "dispatcher")
    with pytest.raises(NotPermittedError, match="only supervisors and admins can escalate") as no:
        require(denise, Action.ESCALATE)
    assert (no.value.staff, no.value.action) == (denise, Action.ESCALATE)
    require(denise, Action.MOVE)


@pytest.mark.parametrize(
    ("current", "target", "action"),
    [
        (Status.IN_QUEUE, Status.IN_PROGRESS, Action.MOVE),
        (Status.IN_PROGRESS, Status.IN_QUEUE, Action.MOVE),
        (Status.ASSIGNED, Status.RESOLVED, Action.RESOLVE),
        (Status.RESOLVED, Status.CLOSED, Action.CLOSE),
        (Status.CLOSED, Status.IN_QUEUE, Action.REOPEN),
        (Status.RESOLVED, Status.IN_QUEUE, Action.REOPEN),
    ],
)
def test_a_status_move_is_the_action_it_amounts_to(
    current: Status, target: Status, action: Action
) -> None:
    assert move_action(current, target) is action
