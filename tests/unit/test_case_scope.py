"""A dispatcher or supervisor changes only cases of their own departments (or with no queue)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import datetime

import pytest

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.domain.permissions import StaffIdentity, may_change_case
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
from operator_console.services.cases.errors import OutsideDepartmentError
from operator_console.services.cases.options import case_options
from operator_console.services.cases.ports import CaseState, CaseWrite, Department, QueueRef
from operator_console.services.cases.scope import ScopedCase
from operator_console.services.duplicates.actions import MarkDuplicate, mark_duplicate
from operator_console.services.duplicates.ports import LinkState
from tests.support import case_fakes, duplicate_fakes
from tests.support.case_fakes import NOW, FakeCaseUnitOfWork, case

PUBLIC_WORKS = Department("PWDx", "Public Works Department")
TRANSPORTATION = Department("BTDT", "Boston Transportation Department")
PARKS = Department("PARK", "Parks and Recreation Department")
NAMES = {d.code: d.name for d in (PUBLIC_WORKS, TRANSPORTATION, PARKS)}

STREETS = replace(case_fakes.STREETS, department=PUBLIC_WORKS)
CREW_3 = replace(case_fakes.CREW_3, department=PUBLIC_WORKS)
LIGHTS = replace(case_fakes.LIGHTS, department=TRANSPORTATION)
PLAYGROUNDS = QueueRef(6, "PARK_PLAY", "Playgrounds", "queue", True, department=PARKS)
QUEUES = (STREETS, CREW_3, LIGHTS, PLAYGROUNDS)

WORKS_SUPERVISOR = StaffIdentity("s1", "Patricia Chen", "supervisor", frozenset({"PWDx"}))
TRANSPORT_SUPERVISOR = StaffIdentity("s2", "Ana Ruiz", "supervisor", frozenset({"BTDT"}))
TRANSPORT_DISPATCHER = StaffIdentity("d2", "Marcus Johnson", "dispatcher", frozenset({"BTDT"}))
CITYWIDE_SUPERVISOR = StaffIdentity("s3", "Sam Okafor", "supervisor")
NOWHERE_SUPERVISOR = StaffIdentity("s4", "Lee Park", "supervisor", frozenset())

REFUSED_TO_TRANSPORT = (
    "Case BOS-26-000100 belongs to Public Works Department; you can change only cases of "
    "Boston Transportation Department."
)


class ScopedCaseUnitOfWork(FakeCaseUnitOfWork):
    """The fake unit of work with departments on its queues, counting writes."""

    def __init__(self, *cases: CaseState) -> None:
        super().__init__(*cases)
        self.updates = 0

    def queue(self, code: str) -> QueueRef | None:
        return next((q for q in QUEUES if q.code == code), None)

    def queue_by_id(self, queue_id: int) -> QueueRef | None:
        return next((q for q in QUEUES if q.id == queue_id), None)

    def department_names(self, codes: Collection[str]) -> dict[str, str]:
        return {code: NAMES[code] for code in codes if code in NAMES}

    def update_cases(self, writes: Sequence[CaseWrite], now: datetime) -> bool:
        self.updates += 1
        return super().update_cases(writes, now)


REF = CaseRef(100, 1)
Run = Callable[[ScopedCaseUnitOfWork, StaffIdentity], CaseChange]


def _assign(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return assign_cases(uow, AssignCases((REF,), "crew nearby", "PWD_CREW3"), who, NOW)


def _move(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return move_cases(uow, MoveCases((REF,), Status.IN_PROGRESS, "on site"), who, NOW)


def _priority(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return change_priority(uow, ChangePriority((REF,), Priority.HIGH, "driveway"), who, NOW)


def _escalate(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return escalate_cases(uow, EscalateCases((REF,), "councillor called"), who, NOW)


def _resolve(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    command = MoveCases((REF,), Status.RESOLVED, "Filled.", ClosureReason.FIXED)
    return move_cases(uow, command, who, NOW)


def _close(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return move_cases(uow, MoveCases((REF,), Status.CLOSED), who, NOW)


def _reopen(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    return move_cases(uow, MoveCases((REF,), Status.IN_QUEUE, "still broken"), who, NOW)


def _reroute(uow: ScopedCaseUnitOfWork, who: StaffIdentity) -> CaseChange:
    command = RerouteCase(REF, "it is a light", service_code="streetlight")
    return reroute_case(uow, command, who, NOW)


RESOLVED = {
    "status": Status.RESOLVED,
    "resolved_at": NOW,
    "closure_reason": ClosureReason.FIXED,
}
ACTIONS: dict[str, tuple[Run, dict[str, object]]] = {
    "assign": (_assign, {}),
    "move": (_move, {"status": Status.ASSIGNED, "assignee": case_fakes.DENISE}),
    "priority": (_priority, {}),
    "escalate": (_escalate, {}),
    "resolve": (_resolve, {}),
    "close": (_close, RESOLVED),
    "reopen": (_reopen, {**RESOLVED, "status": Status.CLOSED, "closed_at": NOW}),
    "reroute": (_reroute, {}),
}


@pytest.mark.parametrize("name", ACTIONS)
def test_an_action_on_another_departments_case_is_refused_naming_both_before_any_write(
    name: str,
) -> None:
    run, state = ACTIONS[name]
    before = case(queue=STREETS, **state)
    uow = ScopedCaseUnitOfWork(before)
    with pytest.raises(OutsideDepartmentError) as refused:
        run(uow, TRANSPORT_SUPERVISOR)
    assert str(refused.value.message) == REFUSED_TO_TRANSPORT
    assert refused.value.request_ids == (100,)
    assert (uow.updates, uow.commits, uow.events) == (0, 0, [])
    assert uow.stored[100] == before


@pytest.mark.parametrize("name", ACTIONS)
@pytest.mark.parametrize("who", [WORKS_SUPERVISOR, CITYWIDE_SUPERVISOR], ids=["own", "no limit"])
def test_an_action_on_a_case_of_ones_own_department_or_without_a_limit_is_taken(
    name: str, who: StaffIdentity
) -> None:
    run, state = ACTIONS[name]
    uow = ScopedCaseUnitOfWork(case(queue=STREETS, **state))
    change = run(uow, who)
    assert [c.request_id for c in change.changes] == [100]
    assert uow.commits == 1 and uow.stored[100].version == 2


@pytest.mark.parametrize("name", ACTIONS)
def test_a_case_with_no_queue_may_be_changed_by_anyone_whose_role_allows_it(name: str) -> None:
    run, state = ACTIONS[name]
    uow = ScopedCaseUnitOfWork(case(queue=None, **state))
    run(uow, NOWHERE_SUPERVISOR)
    assert uow.commits == 1


def test_a_team_or_crew_counts_as_its_own_department() -> None:
    uow = ScopedCaseUnitOfWork(case(queue=CREW_3, status=Status.ASSIGNED))
    with pytest.raises(OutsideDepartmentError, match="Public Works Department"):
        _priority(uow, TRANSPORT_SUPERVISOR)
    _priority(uow, WORKS_SUPERVISOR)
    assert uow.stored[100].priority is Priority.HIGH


def test_a_case_of_ones_own_department_may_be_sent_to_another_departments_queue() -> None:
    uow = ScopedCaseUnitOfWork(case(queue=STREETS))
    reassigned = assign_cases(
        uow, AssignCases((REF,), "signals team", "PARK_PLAY"), WORKS_SUPERVISOR, NOW
    )
    assert uow.stored[100].queue == PLAYGROUNDS and reassigned.changes[0].queue_id == 6
    uow = ScopedCaseUnitOfWork(case(queue=STREETS))
    _reroute(uow, WORKS_SUPERVISOR)
    assert uow.stored[100].queue == LIGHTS


def test_a_case_of_another_department_may_not_be_taken_into_ones_own() -> None:
    uow = ScopedCaseUnitOfWork(case(queue=STREETS))
    command = AssignCases((REF,), "ours now", "PWD_LIGHTS")
    with pytest.raises(OutsideDepartmentError) as refused:
        assign_cases(uow, command, TRANSPORT_DISPATCHER, NOW)
    assert str(refused.value.message) == REFUSED_TO_TRANSPORT
    with pytest.raises(OutsideDepartmentError):
        _reroute(uow, TRANSPORT_SUPERVISOR)
    assert uow.stored[100].queue == STREETS and uow.updates == 0


def test_notes_are_open_to_all_staff_on_any_case() -> None:
    uow = ScopedCaseUnitOfWork(case(queue=STREETS))
    add_note(uow, AddNote(REF, "Called the resident back."), TRANSPORT_DISPATCHER, NOW)
    assert [event.kind for event in uow.events] == ["note"]


def test_a_bulk_reassign_with_cases_of_other_departments_is_refused_as_a_whole() -> None:
    cases = [
        case(100, queue=LIGHTS),
        case(101, queue=STREETS),
        case(102, queue=PLAYGROUNDS),
        case(103, queue=None),
        case(104, queue=STREETS),
    ]
    uow = ScopedCaseUnitOfWork(*cases)
    refs = tuple(CaseRef(c.id, 1) for c in cases)
    with pytest.raises(OutsideDepartmentError) as refused:
        assign_cases(uow, AssignCases(refs, "night shift", "PWD_LIGHTS"), TRANSPORT_DISPATCHER, NOW)
    assert str(refused.value.message) == (
        "3 of the 5 selected cases belong to another department (Parks and Recreation "
        "Department: BOS-26-000102; Public Works Department: BOS-26-000101, BOS-26-000104), so "
        "none was changed: you can change only cases of Boston Transportation Department."
    )
    assert refused.value.request_ids == (101, 102, 104)
    assert (uow.updates, uow.commits) == (0, 0)


def test_the_refusal_names_every_department_of_the_person_and_says_when_they_have_none() -> None:
    uow = ScopedCaseUnitOfWork(case(queue=PLAYGROUNDS))
    two = replace(WORKS_SUPERVISOR, departments=frozenset({"PWDx", "BTDT"}))
    with pytest.raises(OutsideDepartmentError) as refused:
        _priority(uow, two)
    assert str(refused.value.message).endswith(
        "you can change only cases of Boston Transportation Department and Public Works Department."
    )
    with pytest.raises(OutsideDepartmentError) as refused:
        _priority(uow, NOWHERE_SUPERVISOR)
    assert str(refused.value.message) == (
        "Case BOS-26-000100 belongs to Parks and Recreation Department; you are in no "
        "department, so you can change only cases with no queue."
    )


def test_the_rule_itself() -> None:
    assert may_change_case(TRANSPORT_DISPATCHER, "BTDT")
    assert may_change_case(TRANSPORT_DISPATCHER, None)
    assert not may_change_case(TRANSPORT_DISPATCHER, "PWDx")
    assert may_change_case(CITYWIDE_SUPERVISOR, "PWDx")
    assert not may_change_case(NOWHERE_SUPERVISOR, "PWDx")


def test_the_case_screens_options_refuse_every_change_with_the_reason() -> None:
    options = case_options(case(queue=STREETS), REFUSED_TO_TRANSPORT)
    offers = [
        options.reassign,
        options.priority,
        options.escalate,
        options.mark_duplicate,
        options.reroute,
        *options.moves.values(),
    ]
    assert all(not offer.allowed for offer in offers)
    assert {str(offer.why_not) for offer in offers} == {REFUSED_TO_TRANSPORT}
    assert options.escalate_to is None
    assert case_options(case(queue=STREETS)).reassign.allowed


class ScopedDuplicateUnitOfWork(duplicate_fakes.FakeDuplicateUnitOfWork):
    """The fake duplicate unit of work, with each request's department."""

    def __init__(self, departments: dict[int, Department | None], *requests: object) -> None:
        super().__init__(*requests)  # type: ignore[arg-type]
        self.departments = departments
        self.claims = 0

    def scoped_cases(self, request_ids: Sequence[int]) -> dict[int, ScopedCase]:
        held = self.stored.requests
        return {
            i: ScopedCase(i, held[i].reference, self.departments[i])
            for i in request_ids
            if i in held
        }

    def department_names(self, codes: Collection[str]) -> dict[str, str]:
        return {code: NAMES[code] for code in codes if code in NAMES}

    def claim(
        self, request_id: int, now: datetime, expected_version: int | None = None
    ) -> LinkState | None:
        self.claims += 1
        return super().claim(request_id, now, expected_version)


def _mark(uow: ScopedDuplicateUnitOfWork, who: StaffIdentity) -> None:
    mark_duplicate(uow, MarkDuplicate(2, 1, 1, "same car"), who, NOW)


def _duplicates(child: Department | None, parent: Department | None) -> ScopedDuplicateUnitOfWork:
    requests = (duplicate_fakes.request(1), duplicate_fakes.request(2))
    return ScopedDuplicateUnitOfWork({1: parent, 2: child}, *requests)


def test_marking_another_departments_case_a_duplicate_is_refused_before_any_write() -> None:
    uow = _duplicates(PUBLIC_WORKS, TRANSPORTATION)
    with pytest.raises(OutsideDepartmentError) as refused:
        _mark(uow, TRANSPORT_SUPERVISOR)
    assert str(refused.value.message) == (
        "Case BOS-26-000002 belongs to Public Works Department; you can change only cases of "
        "Boston Transportation Department."
    )
    assert (uow.claims, uow.commits) == (0, 0)


def test_a_case_of_ones_own_department_may_be_marked_a_duplicate_of_anothers() -> None:
    uow = _duplicates(TRANSPORTATION, PUBLIC_WORKS)
    _mark(uow, TRANSPORT_SUPERVISOR)
    assert uow.stored.requests[2].parent_id == 1 and uow.stored.requests[1].callers == 2


@pytest.mark.parametrize(
    "who", [TRANSPORT_SUPERVISOR, CITYWIDE_SUPERVISOR], ids=["own", "no limit"]
)
def test_marking_a_duplicate_within_ones_department_or_without_a_limit_links_it(
    who: StaffIdentity,
) -> None:
    uow = _duplicates(TRANSPORTATION, None)
    _mark(uow, who)
    assert uow.stored.requests[2].parent_id == 1 and uow.commits == 1
