"""Every mutating use case refuses what the actor's role may not do, before changing anything."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.actions import (
    add_note,
    assign_cases,
    change_priority,
    escalate_cases,
    move_cases,
    reroute_case,
)
from operator_console.services.cases.commands import (
    AddNote,
    AssignCases,
    CaseChange,
    CaseRef,
    ChangePriority,
    EscalateCases,
    MoveCases,
    RerouteCase,
)
from operator_console.services.cases.errors import ActionNotPermittedError
from tests.support.case_fakes import (
    DISPATCHER,
    NOW,
    OPERATOR,
    SUPERVISOR,
    FakeCaseUnitOfWork,
    case,
)

REF = CaseRef(100, 1)
Run = Callable[[FakeCaseUnitOfWork, StaffIdentity], CaseChange]
# One call per use case, as a console makes it.


def _assign(uow: FakeCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    command = AssignCases((REF, CaseRef(101, 1)), "crew nearby", "PWD_LIGHTS")
    return assign_cases(uow, command, who, NOW)


def _priority(uow: FakeCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    command = ChangePriority((REF,), Priority.HIGH, "blocking a driveway")
    return change_priority(uow, command, who, NOW)


def _escalate(uow: FakeCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return escalate_cases(uow, EscalateCases((REF,), "councillor called"), who, NOW)


def _resolve(uow: FakeCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    command = MoveCases((REF,), Status.RESOLVED, "Filled.", ClosureReason.FIXED)
    return move_cases(uow, command, who, NOW)


def _close(uow: FakeCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return move_cases(uow, MoveCases((REF,), Status.CLOSED), who, NOW)


def _reroute(uow: FakeCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    command = RerouteCase(CaseRef(101, 1), "caller meant the light", "streetlight")
    return reroute_case(uow, command, who, NOW)


def _cases() -> FakeCaseUnitOfWork:
    return FakeCaseUnitOfWork(case(), case(101))


def _untouched(uow: FakeCaseUnitOfWork) -> bool:
    return uow.events == [] and uow.commits == 0 and {c.version for c in uow.stored.values()} == {1}


@pytest.mark.parametrize(
    ("run", "doing"),
    [
        (_assign, "assign or reassign cases"),
        (_priority, "change a case's priority"),
        (_escalate, "escalate cases"),
        (_resolve, "resolve cases"),
        (_close, "close cases"),
        (_reroute, "re-route cases"),
    ],
    ids=["assign", "priority", "escalate", "resolve", "close", "reroute"],
)
def test_an_operator_is_refused_before_anything_is_read(run: Run, doing: str) -> None:
    uow = _cases()
    with pytest.raises(ActionNotPermittedError) as refused:
        run(uow, OPERATOR)
    assert "Maria Alvarez (o1) is an operator: only " in str(refused.value)
    assert str(refused.value).endswith(f"can {doing}.")
    assert not uow.entered and _untouched(uow)


def test_a_refused_selection_names_every_selected_case() -> None:
    uow = _cases()
    with pytest.raises(ActionNotPermittedError) as refused:
        _assign(uow, OPERATOR)
    assert refused.value.request_ids == (100, 101)


@pytest.mark.parametrize(
    "run",
    [_priority, _escalate, _resolve, _close, _reroute],
    ids=["priority", "escalate", "resolve", "close", "reroute"],
)
def test_a_dispatcher_is_refused_what_supervisors_do(run: Run) -> None:
    uow = _cases()
    with pytest.raises(ActionNotPermittedError, match="only supervisors and admins can"):
        run(uow, DISPATCHER)
    assert _untouched(uow)


def test_a_dispatcher_assigns_and_moves_cases_through_the_field_states() -> None:
    uow = _cases()
    _assign(uow, DISPATCHER)
    move_cases(uow, MoveCases((CaseRef(100, 2),), Status.IN_PROGRESS), DISPATCHER, NOW)
    move_cases(uow, MoveCases((CaseRef(100, 3),), Status.IN_QUEUE), DISPATCHER, NOW)
    assert [event.kind for event in uow.events] == [
        "assigned",
        "assigned",
        "status_changed",
        "status_changed",
    ]


def test_reopening_is_refused_case_by_case_to_a_dispatcher() -> None:
    uow = FakeCaseUnitOfWork(case(), case(101, status=Status.CLOSED))
    back = MoveCases((REF, CaseRef(101, 1)), Status.IN_QUEUE, "resident called again")
    with pytest.raises(
        ActionNotPermittedError, match="only supervisors and admins can reopen"
    ) as no:
        move_cases(uow, back, DISPATCHER, NOW)
    assert no.value.request_ids == (101,) and _untouched(uow)
    move_cases(uow, back, SUPERVISOR, NOW)
    assert uow.stored[101].status is Status.IN_QUEUE


def test_every_role_adds_notes() -> None:
    uow = _cases()
    add_note(uow, AddNote(REF, "Resident called back."), OPERATOR, NOW)
    assert [(event.kind, event.actor) for event in uow.events] == [("note", "o1")]


def test_a_supervisor_escalates_and_reroutes() -> None:
    uow = _cases()
    _escalate(uow, SUPERVISOR)
    _reroute(uow, SUPERVISOR)
    assert [event.kind for event in uow.events] == ["escalated", "rerouted"]
