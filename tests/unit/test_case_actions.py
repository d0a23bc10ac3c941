"""Case actions decided against an in-memory unit of work: what changes, what is refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
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
from operator_console.services.cases.errors import (
    CannotEscalateError,
    CaseMergedError,
    CaseNotFoundError,
    CaseNotOpenError,
    ClosureReasonRequiredError,
    DuplicateNeedsParentError,
    EmptyNoteError,
    IllegalStatusMoveError,
    QueueNotFoundError,
    ReasonRequiredError,
    StaffNotActiveError,
    StaleCaseError,
)
from operator_console.services.cases.history import HistoryEntry, entries_since
from operator_console.services.cases.ports import CaseLocation
from operator_console.services.changes import RequestChange
from operator_console.services.messages.model import MessageKind, Recipient
from tests.support.case_fakes import (
    CREW_3,
    DENISE,
    DISPATCHER,
    LIGHTS,
    NOW,
    OPENED,
    STREETS,
    SUPERVISOR,
    FakeCaseUnitOfWork,
    case,
    entry,
)

REF = CaseRef(100, 1)


def _assign(uow: FakeCaseUnitOfWork, *refs: CaseRef, **target: str) -> CaseChange:
    return assign_cases(uow, AssignCases(refs or (REF,), "crew nearby", **target), DISPATCHER, NOW)


def test_moving_a_case_to_another_queue_keeps_it_waiting_there() -> None:
    uow = FakeCaseUnitOfWork(case())
    change = _assign(uow, queue_code="PWD_LIGHTS")
    stored = uow.stored[100]
    assert (stored.queue, stored.status, stored.version) == (LIGHTS, Status.IN_QUEUE, 2)
    assert stored.first_action_at == NOW and stored.assigned_at is None
    [event] = uow.events
    assert (event.kind, event.from_value, event.to_value) == (
        "assigned",
        "Streets",
        "Street Lights",
    )
    assert (event.actor, event.reason, event.public) == ("d1", "crew nearby", False)
    assert event.data == {"version": 2, "changes": {"queue": ["Streets", "Street Lights"]}}
    assert change == CaseChange("assign", (RequestChange(100, LIGHTS.id, STREETS.id, 2, "update"),))


def test_handing_a_case_to_a_crew_or_a_person_assigns_it() -> None:
    uow = FakeCaseUnitOfWork(case(), case(101))
    _assign(uow, REF, queue_code="PWD_CREW3")
    _assign(uow, CaseRef(101, 1), staff_login="dispatcher1")
    crew, person = uow.stored[100], uow.stored[101]
    assert (crew.status, crew.queue, crew.assigned_at) == (Status.ASSIGNED, CREW_3, NOW)
    assert (person.status, person.queue, person.assignee) == (Status.ASSIGNED, STREETS, DENISE)
    assert uow.events[1].to_value == "Denise Walsh (Streets)"


def test_assigning_a_case_never_routed_routes_it_on_the_way() -> None:
    uow = FakeCaseUnitOfWork(case(status=Status.RECEIVED, queue=None, routed_at=None))
    _assign(uow, staff_login="dispatcher1")
    assert (uow.stored[100].status, uow.stored[100].routed_at) == (Status.ASSIGNED, NOW)


def test_a_case_already_where_it_is_sent_is_left_alone() -> None:
    uow = FakeCaseUnitOfWork(case(), case(101))
    change = _assign(uow, REF, CaseRef(101, 1), queue_code="PWD_STREETS")
    assert (change.changes, change.unchanged_ids) == ((), (100, 101))
    assert (uow.events, uow.commits) == ([], 0)


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ({"queue_code": "NOPE"}, QueueNotFoundError),
        ({"queue_code": "PWD_OLD"}, QueueNotFoundError),
        ({"staff_login": "nobody"}, StaffNotActiveError),
        ({"staff_login": "operator9"}, StaffNotActiveError),
    ],
)
def test_a_target_that_is_gone_refuses_the_action(target: dict[str, str], error: type) -> None:
    uow = FakeCaseUnitOfWork(case())
    with pytest.raises(error) as refused:
        _assign(uow, **target)
    assert "choose" in str(refused.value)
    assert (uow.events, uow.stored[100].version) == ([], 1)


def test_actions_that_need_a_reason_refuse_a_blank_one_before_reading_anything() -> None:
    uow = FakeCaseUnitOfWork(case())
    commands = [
        lambda: assign_cases(uow, AssignCases((REF,), "  ", "PWD_LIGHTS"), DISPATCHER, NOW),
        lambda: change_priority(uow, ChangePriority((REF,), Priority.HIGH, ""), SUPERVISOR, NOW),
        lambda: escalate_cases(uow, EscalateCases((REF,), ""), SUPERVISOR, NOW),
    ]
    for run in commands:
        with pytest.raises(ReasonRequiredError, match="Say why"):
            run()
    assert not uow.entered


def test_one_finished_case_in_a_selection_refuses_all_of_it() -> None:
    uow = FakeCaseUnitOfWork(case(), case(101, status=Status.CLOSED), case(102))
    refs = (REF, CaseRef(101, 1), CaseRef(102, 1))
    with pytest.raises(CaseNotOpenError) as refused:
        _assign(uow, *refs, queue_code="PWD_LIGHTS")
    assert refused.value.request_ids == (101,)
    assert "1 of the 3 selected cases" in str(refused.value) and "reopen it" in str(refused.value)
    assert uow.events == [] and all(c.version == 1 for c in uow.stored.values())


def test_escalation_raises_priority_one_step_and_stops_at_urgent() -> None:
    uow = FakeCaseUnitOfWork(case(), case(101, priority=Priority.URGENT))
    escalate_cases(uow, EscalateCases((REF,), "councillor called"), SUPERVISOR, NOW)
    assert uow.stored[100].priority is Priority.HIGH
    assert (uow.events[0].kind, uow.events[0].to_value) == ("escalated", "high")
    with pytest.raises(CannotEscalateError, match="already urgent"):
        escalate_cases(uow, EscalateCases((CaseRef(101, 1),), "again"), SUPERVISOR, NOW)


def test_an_escalation_to_a_level_reached_meanwhile_is_not_raised_again() -> None:
    uow = FakeCaseUnitOfWork(case(priority=Priority.HIGH), case(101, priority=Priority.LOW))
    with pytest.raises(CannotEscalateError, match="raised meanwhile"):
        escalate_cases(uow, EscalateCases((REF,), "councillor", Priority.HIGH), SUPERVISOR, NOW)
    assert uow.stored[100].priority is Priority.HIGH and uow.events == []
    escalate_cases(uow, EscalateCases((CaseRef(101, 1),), "why", Priority.HIGH), SUPERVISOR, NOW)
    assert uow.stored[101].priority is Priority.NORMAL  # lowered meanwhile: still one step


def test_setting_the_priority_it_already_has_writes_nothing() -> None:
    uow = FakeCaseUnitOfWork(case())
    change = change_priority(uow, ChangePriority((REF,), Priority.NORMAL, "check"), SUPERVISOR, NOW)
    assert change.unchanged_ids == (100,) and uow.events == []


def test_resolving_needs_a_closure_reason_and_not_duplicate() -> None:
    uow = FakeCaseUnitOfWork(case())
    with pytest.raises(ClosureReasonRequiredError, match="closure reason"):
        move_cases(uow, MoveCases((REF,), Status.RESOLVED, "done"), SUPERVISOR, NOW)
    duplicate = MoveCases((REF,), Status.RESOLVED, "same", ClosureReason.DUPLICATE)
    with pytest.raises(DuplicateNeedsParentError, match="mark it as a duplicate"):
        move_cases(uow, duplicate, SUPERVISOR, NOW)
    assert not uow.entered


def test_resolve_close_and_reopen_keep_their_own_timestamps_and_events() -> None:
    uow = FakeCaseUnitOfWork(case())
    fixed = MoveCases((REF,), Status.RESOLVED, "Pothole filled.", ClosureReason.FIXED)
    move_cases(uow, fixed, SUPERVISOR, NOW)
    resolved = uow.stored[100]
    assert (resolved.resolved_at, resolved.closure_reason) == (NOW, ClosureReason.FIXED)
    assert resolved.closure_note == "Pothole filled."
    move_cases(uow, MoveCases((CaseRef(100, 2),), Status.CLOSED), SUPERVISOR, NOW)
    assert uow.stored[100].closed_at == NOW
    with pytest.raises(ReasonRequiredError, match="reopened"):
        move_cases(uow, MoveCases((CaseRef(100, 3),), Status.IN_QUEUE), SUPERVISOR, NOW)
    move_cases(uow, MoveCases((CaseRef(100, 3),), Status.IN_QUEUE, "still there"), SUPERVISOR, NOW)
    reopened = uow.stored[100]
    assert (reopened.status, reopened.closed_at, reopened.closure_reason) == (
        Status.IN_QUEUE,
        None,
        None,
    )
    assert [e.kind for e in uow.events] == ["resolved", "closed", "reopened"]
    assert all(e.public for e in uow.events)
    assert uow.events[0].data["closure_reason"] == "fixed"


@pytest.mark.parametrize(
    ("state", "target"),
    [
        ({"status": Status.CLOSED}, Status.IN_PROGRESS),
        ({"status": Status.IN_QUEUE}, Status.CLOSED),
        ({"status": Status.IN_QUEUE}, Status.ASSIGNED),  # nobody to be assigned to
    ],
)
def test_illegal_moves_are_refused_in_words(state: dict[str, Status], target: Status) -> None:
    uow = FakeCaseUnitOfWork(case(**state))
    with pytest.raises(IllegalStatusMoveError, match="BOS-26-000100"):
        move_cases(uow, MoveCases((REF,), target, "why not"), SUPERVISOR, NOW)


def test_a_stale_version_is_refused_with_what_changed_since_and_who() -> None:
    uow = FakeCaseUnitOfWork(case(version=3))
    uow.earlier_history[100] = [entry(2, "priority_changed"), entry(3)]
    with pytest.raises(StaleCaseError) as stale:
        _assign(uow, CaseRef(100, 2), queue_code="PWD_LIGHTS")
    [drift] = stale.value.drifts
    assert (drift.expected_version, drift.current_version) == (2, 3)
    assert [e.version for e in drift.changes] == [3]
    assert "Marcus Johnson reassigned it (queue: Streets -> Crew 3)" in str(stale.value)
    assert "Nothing was saved" in str(stale.value)
    assert uow.events == []


def test_losing_the_race_at_the_write_keeps_nothing() -> None:
    uow = FakeCaseUnitOfWork(case(), case(101))

    def other_console_writes_first(fake: FakeCaseUnitOfWork) -> None:
        fake.stored[101] = replace(fake.stored[101], version=2, queue=CREW_3)
        fake.earlier_history[101] = [entry(2)]

    uow.before_update = other_console_writes_first
    with pytest.raises(StaleCaseError) as stale:
        _assign(uow, REF, CaseRef(101, 1), queue_code="PWD_LIGHTS")
    assert stale.value.request_ids == (101,)
    assert "1 of the 2 selected cases changed" in str(stale.value)
    assert uow.commits == 0 and uow.stored[100].version == 1


def test_a_merged_or_deleted_case_is_named_as_such() -> None:
    uow = FakeCaseUnitOfWork(case(merged_into="BOS-26-000007"))
    with pytest.raises(CaseMergedError, match="merged into BOS-26-000007"):
        add_note(uow, AddNote(REF, "called back"), DISPATCHER, NOW)
    with pytest.raises(CaseNotFoundError, match="no longer exists"):
        add_note(uow, AddNote(CaseRef(999, 1), "called back"), DISPATCHER, NOW)


def test_notes_change_no_field_but_count_as_the_first_action() -> None:
    uow = FakeCaseUnitOfWork(case())
    with pytest.raises(EmptyNoteError):
        add_note(uow, AddNote(REF, "   "), DISPATCHER, NOW)
    change = add_note(uow, AddNote(REF, " Crew booked for Tuesday. ", public=True), DISPATCHER, NOW)
    [event] = uow.events
    assert (event.kind, event.reason, event.public) == ("note", "Crew booked for Tuesday.", True)
    assert event.data == {"version": 2, "changes": {}}
    assert uow.stored[100].first_action_at == NOW
    assert [(c.request_id, c.version) for c in change.changes] == [(100, 2)]


def test_a_category_change_reroutes_and_restarts_the_sla_from_when_it_opened() -> None:
    uow = FakeCaseUnitOfWork(case(status=Status.ASSIGNED, assignee=DENISE, priority=Priority.HIGH))
    command = RerouteCase(REF, "caller meant the light", service_code="streetlight")
    change = reroute_case(uow, command, SUPERVISOR, NOW)
    stored = uow.stored[100]
    assert (stored.queue, stored.status, stored.assignee) == (LIGHTS, Status.IN_QUEUE, None)
    assert stored.priority is Priority.HIGH  # re-routing never lowers a priority
    assert stored.due_at is not None and stored.due_at > OPENED
    assert stored.service.code == "streetlight" and "rule 7" in stored.routing_explanation
    [event] = uow.events
    assert event.kind == "rerouted" and event.reason.startswith("caller meant the light. Routed")
    assert [(c.old_queue_id, c.queue_id) for c in change.changes] == [(STREETS.id, LIGHTS.id)]


def test_a_crew_inside_the_routed_queue_keeps_the_case_when_only_the_place_moves() -> None:
    uow = FakeCaseUnitOfWork(case(queue=CREW_3, status=Status.ASSIGNED))
    moved = CaseLocation(42.36, -71.05, "5 Main St")
    reroute_case(uow, RerouteCase(REF, location=moved), SUPERVISOR, NOW)
    stored = uow.stored[100]
    assert (stored.queue, stored.status, stored.location) == (CREW_3, Status.ASSIGNED, moved)
    assert uow.events[0].data["changes"] == {"location": ["1 Main St", "5 Main St"]}


def test_residents_hear_of_public_notes_and_resolutions_not_internal_notes() -> None:
    uow = FakeCaseUnitOfWork(case())
    uow.followers[100] = [Recipient(1, email="ana@example.org")]
    add_note(uow, AddNote(REF, "Internal: crew short-staffed."), DISPATCHER, NOW)
    assert uow.messages == []
    add_note(
        uow, AddNote(CaseRef(100, 2), "Crew booked for Tuesday.", public=True), DISPATCHER, NOW
    )
    fixed = MoveCases((CaseRef(100, 3),), Status.RESOLVED, "Pothole filled.", ClosureReason.FIXED)
    move_cases(uow, fixed, SUPERVISOR, NOW)
    update, resolved = uow.messages
    assert [update.kind, resolved.kind] == [MessageKind.PUBLIC_NOTE, MessageKind.RESOLVED]
    assert {update.recipient, resolved.recipient} == {"ana@example.org"}
    assert "BOS-26-000100" in update.subject and "Crew booked for Tuesday." in update.body
    assert "Pothole filled." in resolved.body


def test_a_writer_that_records_no_versions_is_still_shown_in_what_changed() -> None:
    created = HistoryEntry(1, OPENED, "op", "Op", "created", None, "received", "", True, None)
    routed = replace(created, event_id=2, kind="routed", to_value="Streets")
    caller = replace(created, event_id=3, at=NOW, kind="caller_added", to_value="2")
    ours = entry(3)
    history = (created, routed, caller, ours)
    assert entries_since(history, 1, 3) == (caller, ours)
    assert entries_since(history, 2, 3) == (ours,)
    assert str(caller.describe()) == "Op added a caller (caller added: 2)"


def test_history_entries_without_recorded_changes_still_say_what_moved() -> None:
    imported = HistoryEntry(1, NOW, "import", "import", "routed", None, "Streets", "", False, None)
    assert imported.version is None
    assert str(imported.describe()) == "import routed it (routed: Streets)"
