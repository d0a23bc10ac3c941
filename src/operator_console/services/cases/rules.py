"""What each case action does to one case: pure decisions, no database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import pairwise

from operator_console.domain.lifecycle import (
    ClosureReason,
    Priority,
    Status,
    TransitionError,
    check_transition,
    is_reopen,
    priority_name,
    status_name,
)
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.cases.errors import (
    CannotEscalateError,
    CaseNotOpenError,
    IllegalStatusMoveError,
    ReasonRequiredError,
)
from operator_console.services.cases.history import INSTANT_FORMAT, FieldChange
from operator_console.services.cases.ports import (
    CaseLocation,
    CaseState,
    QueueRef,
    ServiceRef,
    StaffRef,
)
from operator_console.services.intake.submission import District

PRIORITY_ORDER: tuple[Priority, ...] = tuple(Priority)


@dataclass(frozen=True)
class Outcome:
    """One case's change: the case after it, and what its history event says."""

    after: CaseState
    kind: str
    from_value: str | None
    to_value: str | None
    reason: str
    public: bool
    details: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Rerouting:
    """Where routing sends a case with its (corrected) category and location.

    Attributes:
        queue: the queue the rules choose.
        keeps_holder: the case is already in that queue, or with a team or crew inside it,
            so it stays where it is.
        priority: the rules' priority; a case's priority is never lowered by re-routing.
        due_at: the due date under the category's SLA, counted from when the case opened.
        at_risk_at: when it turns at risk, on the category's own clock.
    """

    service: ServiceRef
    location: CaseLocation
    district: District | None
    queue: QueueRef
    keeps_holder: bool
    priority: Priority
    explanation: str
    due_at: datetime | None
    at_risk_at: datetime | None


def holder(queue: QueueRef | None, assignee: StaffRef | None) -> str | None:
    """Who holds a case, as the history shows it: "Streets", "Denise Walsh (Streets)"."""
    if assignee is not None:
        return f"{assignee.display_name} ({queue.name})" if queue else assignee.display_name
    return queue.name if queue else None


def assignment(
    case: CaseState, queue: QueueRef | None, person: StaffRef | None, reason: str, now: datetime
) -> Outcome | None:
    """Hand the case to `queue` and/or `person`; None when it is already theirs."""
    _require_open(
        case, QT_TRANSLATE_NOOP("CaseRefusals", "%1 is %2: reopen it before reassigning it.")
    )
    new_queue = queue or case.queue
    if (new_queue, person) == (case.queue, case.assignee):
        return None
    assigned = person is not None or (new_queue is not None and new_queue.is_team)
    target = Status.ASSIGNED if assigned else Status.IN_QUEUE
    # Handing over a case that was never routed routes it: received -> routed -> target.
    _check_move(case, target, start=Status.ROUTED if case.status is Status.RECEIVED else None)
    after = replace(
        case,
        queue=new_queue,
        assignee=person,
        status=target,
        routed_at=case.routed_at or now,
        assigned_at=now if assigned else case.assigned_at,
    )
    before_holder, after_holder = holder(case.queue, case.assignee), holder(new_queue, person)
    return Outcome(after, "assigned", before_holder, after_holder, reason, public=False)


def priority_change(case: CaseState, priority: Priority, reason: str) -> Outcome | None:
    """Set the priority; None when it already is."""
    _require_open(
        case,
        QT_TRANSLATE_NOOP("CaseRefusals", "%1 is %2: reopen it before changing its priority."),
    )
    if case.priority is priority:
        return None
    after = replace(case, priority=priority)
    return Outcome(
        after, "priority_changed", case.priority.value, priority.value, reason, public=False
    )


def escalation(case: CaseState, reason: str, to: Priority | None = None) -> Outcome:
    """Raise the priority one step (to `to`, when the person named the level they meant)."""
    _require_open(
        case, QT_TRANSLATE_NOOP("CaseRefusals", "%1 is %2: reopen it before escalating it.")
    )
    step = PRIORITY_ORDER.index(case.priority) + 1
    if to is not None and step > PRIORITY_ORDER.index(to):
        raise CannotEscalateError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "%1 is already %2: it was raised meanwhile, so it is not escalated again.",
            ).with_values(case.reference, priority_name(case.priority)),
            [case.id],
        )
    if step == len(PRIORITY_ORDER):
        raise CannotEscalateError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals", "%1 is already %2: it cannot be escalated further."
            ).with_values(case.reference, priority_name(case.priority)),
            [case.id],
        )
    raised = PRIORITY_ORDER[step]
    after = replace(case, priority=raised)
    return Outcome(after, "escalated", case.priority.value, raised.value, reason, public=False)


def status_move(
    case: CaseState,
    target: Status,
    reason: str,
    closure_reason: ClosureReason | None,
    now: datetime,
) -> Outcome | None:
    """Move the case to `target` (a reopen when it is finished); None when it is there."""
    if case.status is target:
        return None
    reopen = is_reopen(case.status, target)
    if reopen and not reason.strip():
        raise ReasonRequiredError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals", "Say why %1 is reopened: the reason goes into its history."
            ).with_values(case.reference),
            [case.id],
        )
    if target is Status.ASSIGNED and case.assignee is None and not _with_team(case):
        raise IllegalStatusMoveError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "%1 has nobody to be assigned to: assign it to a team, a crew or a person instead.",
            ).with_values(case.reference),
            [case.id],
        )
    _check_move(case, target, closure_reason=closure_reason)
    after = replace(case, status=target)
    details: dict[str, object] = {}
    kind = "status_changed"
    if target is Status.RESOLVED:
        kind = "resolved"
        after = replace(
            after,
            resolved_at=now,
            closure_reason=closure_reason,
            closure_note=reason.strip() or None,
        )
        details["closure_reason"] = _text(closure_reason)
    elif target is Status.CLOSED:
        kind = "closed"
        after = replace(after, closed_at=now)
        details["closure_reason"] = _text(case.closure_reason)
    elif reopen:
        kind = "reopened"
        after = replace(
            after,
            assignee=None,
            resolved_at=None,
            closed_at=None,
            closure_reason=None,
            closure_note=None,
        )
    elif target is Status.IN_QUEUE:
        after = replace(after, assignee=None)
    elif target is Status.ROUTED:
        after = replace(after, routed_at=case.routed_at or now)
    return Outcome(
        after, kind, case.status.value, target.value, reason, public=True, details=details
    )


def note(case: CaseState, text: str, public: bool) -> Outcome:
    """A note changes no field; it is history only."""
    return Outcome(case, "note", None, None, text, public=public)


def status_call(case: CaseState, summary: str) -> Outcome:
    """A resident called about the case: one more call counted, with what was said, if anything."""
    calls = case.calls_count + 1
    after = replace(case, calls_count=calls)
    return Outcome(after, "status_call", None, None, summary, public=False, details={"call": calls})


def rerouting(case: CaseState, routing: Rerouting, reason: str, now: datetime) -> Outcome | None:
    """Apply the corrected category/location and where routing sends the case; None when
    nothing would change."""
    _require_open(
        case, QT_TRANSLATE_NOOP("CaseRefusals", "%1 is %2: reopen it before re-routing it.")
    )
    after = replace(
        case,
        service=routing.service,
        location=routing.location,
        district=routing.district,
        priority=max(case.priority, routing.priority, key=PRIORITY_ORDER.index),
        due_at=routing.due_at,
        at_risk_at=routing.at_risk_at,
        routing_explanation=routing.explanation,
    )
    if not routing.keeps_holder:
        _check_move(case, Status.IN_QUEUE)
        after = replace(after, queue=routing.queue, assignee=None, status=Status.IN_QUEUE)
    if after == case:
        return None
    after = replace(after, routed_at=now)
    said = reason.strip().rstrip(".")
    why = f"{said}. {routing.explanation}" if said else routing.explanation
    old_queue = case.queue.name if case.queue else None
    new_queue = after.queue.name if after.queue else None
    return Outcome(after, "rerouted", old_queue, new_queue, why, public=False)


def changed_fields(before: CaseState, after: CaseState) -> tuple[FieldChange, ...]:
    """The fields people care about that differ between two states of a case."""
    pairs = [
        ("status", before.status, after.status),
        ("priority", before.priority, after.priority),
        ("queue", _name(before.queue), _name(after.queue)),
        ("assignee", _person(before.assignee), _person(after.assignee)),
        ("service", before.service.name, after.service.name),
        ("location", _place(before.location), _place(after.location)),
        ("district", _name(before.district), _name(after.district)),
        ("closure reason", before.closure_reason, after.closure_reason),
        ("due", _when(before.due_at), _when(after.due_at)),
    ]
    return tuple(
        FieldChange(name, _text(old), _text(new)) for name, old, new in pairs if old != new
    )


def _require_open(case: CaseState, refusal: Words) -> None:
    """Refuse with `refusal` ("%1 is %2: reopen it before...") unless the case is open."""
    if not case.status.is_open:
        raise CaseNotOpenError(
            refusal.with_values(case.reference, status_name(case.status)), [case.id]
        )


def _check_move(
    case: CaseState,
    target: Status,
    *,
    start: Status | None = None,
    closure_reason: ClosureReason | None = None,
) -> None:
    """Refuse unless each step (staying put aside) is a move the lifecycle allows."""
    steps = [case.status, target] if start is None else [case.status, start, target]
    try:
        for current, following in pairwise(steps):
            if current is not following:
                check_transition(current, following, closure_reason)
    except TransitionError as exc:
        said = exc.args[0] if exc.args else str(exc)
        raise IllegalStatusMoveError(
            QT_TRANSLATE_NOOP("CaseRefusals", "%1: %2").with_values(case.reference, said),
            [case.id],
        ) from exc


def _with_team(case: CaseState) -> bool:
    return case.queue is not None and case.queue.is_team


def _name(holder: QueueRef | District | None) -> str | None:
    return holder.name if holder else None


def _person(person: StaffRef | None) -> str | None:
    return person.display_name if person else None


def _place(location: CaseLocation) -> str | None:
    if location.address:
        return location.address
    if location.latitude is not None and location.longitude is not None:
        return f"{location.latitude:.5f}, {location.longitude:.5f}"
    return None


def _when(instant: datetime | None) -> str | None:
    return instant.astimezone(UTC).strftime(INSTANT_FORMAT) if instant else None


def _text(value: object) -> str | None:
    """Display text; the lifecycle's enums are `StrEnum`s, so this is their value."""
    return None if value is None else str(value)
