"""The request lifecycle: statuses, allowed moves, priorities and closure reasons."""

from __future__ import annotations

from enum import StrEnum
from itertools import pairwise

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words


class Status(StrEnum):
    """Where a request is in the pipeline residents understand."""

    RECEIVED = "received"
    ROUTED = "routed"
    IN_QUEUE = "in_queue"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in (Status.RESOLVED, Status.CLOSED)


OPEN_STATUSES: tuple[Status, ...] = tuple(s for s in Status if s.is_open)


class Priority(StrEnum):
    """How soon a request should be worked."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class ClosureReason(StrEnum):
    """Why a request was resolved: meaningful to the resident, not a stock code."""

    FIXED = "fixed"
    DUPLICATE = "duplicate"
    NOT_CITY_RESPONSIBILITY = "not_city_responsibility"
    NO_FURTHER_ACTION = "no_further_action"
    REFERRED = "referred"
    CANCELLED = "cancelled"


_STATUS_NAMES = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("StatusNames", "received"),
    Status.ROUTED: QT_TRANSLATE_NOOP("StatusNames", "routed"),
    Status.IN_QUEUE: QT_TRANSLATE_NOOP("StatusNames", "in queue"),
    Status.ASSIGNED: QT_TRANSLATE_NOOP("StatusNames", "assigned"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("StatusNames", "in progress"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("StatusNames", "resolved"),
    Status.CLOSED: QT_TRANSLATE_NOOP("StatusNames", "closed"),
}
_PRIORITY_NAMES = {
    Priority.LOW: QT_TRANSLATE_NOOP("PriorityNames", "low"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("PriorityNames", "normal"),
    Priority.HIGH: QT_TRANSLATE_NOOP("PriorityNames", "high"),
    Priority.URGENT: QT_TRANSLATE_NOOP("PriorityNames", "urgent"),
}

_CLOSURE_NAMES = {
    ClosureReason.FIXED: QT_TRANSLATE_NOOP("CaseActions", "Fixed"),
    ClosureReason.DUPLICATE: QT_TRANSLATE_NOOP("CaseActions", "Duplicate"),
    ClosureReason.NOT_CITY_RESPONSIBILITY: QT_TRANSLATE_NOOP(
        "CaseActions", "Not the city's responsibility"
    ),
    ClosureReason.NO_FURTHER_ACTION: QT_TRANSLATE_NOOP("CaseActions", "No further action"),
    ClosureReason.REFERRED: QT_TRANSLATE_NOOP("CaseActions", "Referred elsewhere"),
    ClosureReason.CANCELLED: QT_TRANSLATE_NOOP("CaseActions", "Cancelled"),
}


def status_name(status: Status) -> Words:
    """A status as a sentence names it: "in queue"."""
    return _STATUS_NAMES[status]


def priority_name(priority: Priority) -> Words:
    """A priority as a sentence names it: "urgent"."""
    return _PRIORITY_NAMES[priority]


def closure_name(reason: ClosureReason) -> Words:
    """A closure reason as the case screen names it: "Not the city's responsibility"."""
    return _CLOSURE_NAMES[reason]


_MOVES: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ROUTED, Status.IN_QUEUE, Status.RESOLVED}),
    Status.ROUTED: frozenset({Status.IN_QUEUE, Status.ASSIGNED, Status.RESOLVED}),
    Status.IN_QUEUE: frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.RESOLVED}),
    Status.ASSIGNED: frozenset({Status.IN_QUEUE, Status.IN_PROGRESS, Status.RESOLVED}),
    Status.IN_PROGRESS: frozenset({Status.ASSIGNED, Status.IN_QUEUE, Status.RESOLVED}),
    Status.RESOLVED: frozenset({Status.CLOSED, Status.IN_QUEUE}),
    Status.CLOSED: frozenset({Status.IN_QUEUE}),
}


class TransitionError(ValueError):
    """A status change the lifecycle does not allow."""


def check_transition(
    current: Status, target: Status, closure_reason: ClosureReason | None = None
) -> None:
    """Raise `TransitionError` unless `current -> target` is a legal move."""
    if target not in _MOVES[current]:
        raise TransitionError(
            QT_TRANSLATE_NOOP("CaseRefusals", "A request that is %1 cannot become %2.").with_values(
                status_name(current), status_name(target)
            )
        )
    if target is Status.RESOLVED and closure_reason is None:
        raise TransitionError(
            QT_TRANSLATE_NOOP("CaseRefusals", "Resolving a request needs a closure reason.")
        )


def is_reopen(current: Status, target: Status) -> bool:
    """True when the move takes a finished request back to the queue."""
    return not current.is_open and target.is_open


def close_as_duplicate(current: Status) -> Status:
    """The status a request marked as a duplicate ends in, reached through the lifecycle's
    moves: an open request is resolved (closure reason duplicate) and closed, a resolved one is
    closed, a closed one stays closed. Raises `TransitionError` for a move it does not allow."""
    steps = {
        Status.CLOSED: (Status.CLOSED,),
        Status.RESOLVED: (Status.RESOLVED, Status.CLOSED),
    }.get(current, (current, Status.RESOLVED, Status.CLOSED))
    for before, after in pairwise(steps):
        check_transition(before, after, ClosureReason.DUPLICATE)
    return steps[-1]
