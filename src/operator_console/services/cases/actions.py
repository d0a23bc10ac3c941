"""Case actions on the shared queues: assign, prioritise, escalate, move, re-route, note."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from operator_console.domain.lifecycle import Status
from operator_console.domain.permissions import Action, StaffIdentity, move_action
from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.cases.checks import (
    active_queue,
    active_staff,
    current_cases,
    permitted,
    require_reason,
    usable_closure_reason,
)
from operator_console.services.cases.commands import (
    ActionKind,
    AddNote,
    AssignCases,
    CaseChange,
    CaseRef,
    ChangePriority,
    EscalateCases,
    LogStatusCall,
    MoveCases,
    RerouteCase,
)
from operator_console.services.cases.errors import CaseActionError, EmptyNoteError, combined
from operator_console.services.cases.history import event_data
from operator_console.services.cases.notices import queue_resident_messages
from operator_console.services.cases.ports import CaseState, CaseUnitOfWork, CaseWrite, NewEvent
from operator_console.services.cases.routing import routing_for
from operator_console.services.cases.rules import (
    Outcome,
    assignment,
    changed_fields,
    escalation,
    note,
    priority_change,
    rerouting,
    status_call,
    status_move,
)
from operator_console.services.changes import RequestChange
from operator_console.services.messages.book import MessageBook
from operator_console.services.messages.followers import shipped_book

Decide = Callable[[CaseState], Outcome | None]
_ANY_DEPARTMENT: frozenset[ActionKind] = frozenset({"add_note", "log_status_call"})
"""What staff may do on a case of any department; every other action only on their own."""


def assign_cases(
    uow: CaseUnitOfWork,
    command: AssignCases,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> CaseChange:
    """Hand the selected cases to a queue, team or crew and/or a person, with a reason."""
    permitted(actor, Action.ASSIGN, _ids(command.cases))
    require_reason(
        command.reason,
        QT_TRANSLATE_NOOP(
            "CaseRefusals", "Say why you are reassigning: the reason goes into the case history."
        ),
        command.cases,
    )
    with uow:
        queue = active_queue(uow, command.queue_code) if command.queue_code else None
        person = active_staff(uow, command.staff_login) if command.staff_login else None
        return _apply(
            uow,
            book,
            "assign",
            command.cases,
            actor,
            now,
            lambda case: assignment(case, queue, person, command.reason, now),
        )


def change_priority(
    uow: CaseUnitOfWork,
    command: ChangePriority,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> CaseChange:
    """Set the selected cases' priority, with a reason."""
    permitted(actor, Action.CHANGE_PRIORITY, _ids(command.cases))
    require_reason(
        command.reason,
        QT_TRANSLATE_NOOP(
            "CaseRefusals",
            "Say why you are changing the priority: the reason goes into the case history.",
        ),
        command.cases,
    )
    with uow:
        return _apply(
            uow,
            book,
            "change_priority",
            command.cases,
            actor,
            now,
            lambda case: priority_change(case, command.priority, command.reason),
        )


def escalate_cases(
    uow: CaseUnitOfWork,
    command: EscalateCases,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> CaseChange:
    """Raise each selected case's priority one step, with a reason, as an escalation."""
    permitted(actor, Action.ESCALATE, _ids(command.cases))
    require_reason(
        command.reason,
        QT_TRANSLATE_NOOP(
            "CaseRefusals", "Say why you are escalating: the reason goes into the case history."
        ),
        command.cases,
    )
    with uow:
        return _apply(
            uow,
            book,
            "escalate",
            command.cases,
            actor,
            now,
            lambda case: escalation(case, command.reason, command.to),
        )


def move_cases(
    uow: CaseUnitOfWork,
    command: MoveCases,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> CaseChange:
    """Move the selected cases along the pipeline; resolving needs a closure reason, and
    reopening (to in_queue from resolved or closed) a reason.

    Resolving and closing are refused before anything is read to a role that may not take
    them; reopening, which depends on each case's status, is refused case by case.
    """
    target = command.target
    if not target.is_open:
        permitted(actor, move_action(target, target), _ids(command.cases))
    closure_reason = None
    if target is Status.RESOLVED:
        closure_reason = usable_closure_reason(command.closure_reason, command.cases)

    def decide(case: CaseState) -> Outcome | None:
        permitted(actor, move_action(case.status, target), (case.id,))
        return status_move(case, target, command.reason, closure_reason, now)

    with uow:
        return _apply(
            uow,
            book,
            "move",
            command.cases,
            actor,
            now,
            decide,
        )


def reroute_case(
    uow: CaseUnitOfWork,
    command: RerouteCase,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> CaseChange:
    """Apply a corrected category and/or location and route the case again by the rules."""
    permitted(actor, Action.REROUTE, (command.case.request_id,))
    with uow:
        return _apply(
            uow,
            book,
            "reroute",
            (command.case,),
            actor,
            now,
            lambda case: rerouting(
                case,
                routing_for(uow, case, command.service_code, command.location),
                command.reason,
                now,
            ),
        )


def add_note(
    uow: CaseUnitOfWork,
    command: AddNote,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> CaseChange:
    """Add an internal or a public note to the case's history."""
    permitted(actor, Action.ADD_NOTE, (command.case.request_id,))
    text = command.text.strip()
    if not text:
        raise EmptyNoteError(
            QT_TRANSLATE_NOOP("CaseRefusals", "Write the note first: an empty note is not added.")
        )
    with uow:
        return _apply(
            uow,
            book,
            "add_note",
            (command.case,),
            actor,
            now,
            lambda case: note(case, text, command.public),
        )


def log_status_call(
    uow: CaseUnitOfWork,
    command: LogStatusCall,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> CaseChange:
    """Count a resident's status call on the case, in its history; anyone who may add notes
    may log a call, on a case of any department."""
    permitted(actor, Action.ADD_NOTE, (command.case.request_id,))
    summary = command.summary.strip()
    with uow:
        return _apply(
            uow,
            book,
            "log_status_call",
            (command.case,),
            actor,
            now,
            lambda case: status_call(case, summary),
        )


def _apply(
    uow: CaseUnitOfWork,
    book: MessageBook | None,
    kind: ActionKind,
    selection: Sequence[CaseRef],
    actor: StaffIdentity,
    now: datetime,
    decide: Decide,
) -> CaseChange:
    """Decide every case, then write them all with their events and commit, or raise.

    One transaction over every selected case: each changed case gets its new version and
    exactly one history event, or nothing is saved. A case someone changed after the user saw
    it (its version is not the command's `expected_version`, when read or when written)
    refuses the whole action with `StaleCaseError`, which says what changed and who did it.
    A case of a department whose cases the actor may not change refuses it, before anything
    is decided, with `OutsideDepartmentError`, which names the departments. The residents
    following the cases are sent what they hear of, written from `book` (None: the shipped
    templates), in the same transaction.
    """
    cases = current_cases(uow, selection, None if kind in _ANY_DEPARTMENT else actor)
    outcomes: dict[int, Outcome] = {}
    problems: list[CaseActionError] = []
    for ref in selection:
        try:
            outcome = decide(cases[ref.request_id])
        except CaseActionError as problem:
            problems.append(problem)
            continue
        if outcome is not None:
            outcomes[ref.request_id] = outcome
    if problems:
        raise combined(problems, len(selection))
    unchanged = tuple(ref.request_id for ref in selection if ref.request_id not in outcomes)
    # In id order, so two bulk actions over overlapping cases lock rows in the same order.
    recorded = [
        _recorded(cases[request_id], outcomes[request_id], actor.login, now)
        for request_id in sorted(outcomes)
    ]
    if recorded:
        # The events go first: the database checks each against its case as the person saw it,
        # before a move may take the case to another department's queue.
        uow.add_events([event for _, event, _ in recorded])
        if not uow.update_cases([write for write, _, _ in recorded], now):
            uow.rollback()
            current_cases(uow, selection)
            raise CaseActionError(
                QT_TRANSLATE_NOOP(
                    "CaseRefusals",
                    "Another console changed these cases at the same moment; nothing was saved. "
                    "Try again.",
                )
            )
        queue_resident_messages(uow, book or shipped_book(), cases, outcomes, now)
        uow.commit()
    return CaseChange(kind, tuple(change for _, _, change in recorded), unchanged)


def _ids(selection: Sequence[CaseRef]) -> tuple[int, ...]:
    return tuple(ref.request_id for ref in selection)


def _recorded(
    before: CaseState, outcome: Outcome, actor: str, now: datetime
) -> tuple[CaseWrite, NewEvent, RequestChange]:
    """The write, the history event and the row diff of one case's outcome."""
    after = replace(outcome.after, first_action_at=before.first_action_at or now)
    version = before.version + 1
    data = event_data(version, changed_fields(before, after), **outcome.details)
    event = NewEvent(
        before.id,
        now,
        actor,
        outcome.kind,
        outcome.from_value,
        outcome.to_value,
        outcome.reason,
        outcome.public,
        data,
    )
    old_queue = before.queue.id if before.queue else None
    new_queue = after.queue.id if after.queue else None
    change = RequestChange(before.id, new_queue, old_queue, version, "update")
    return CaseWrite(before, after), event, change
