"""Case action commands (what the user asked) and `CaseChange` (what the action changed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.cases.ports import CaseLocation
from operator_console.services.changes import ChangeBatch, RequestChange

ActionKind = Literal[
    "assign", "change_priority", "escalate", "move", "reroute", "add_note", "log_status_call"
]


@dataclass(frozen=True)
class CaseRef:
    """A case as the user saw it: its id and the version on screen when they chose the action."""

    request_id: int
    expected_version: int


def _check_selection(cases: tuple[CaseRef, ...]) -> None:
    if not cases:
        raise ValueError("a case action needs at least one case")
    if len({case.request_id for case in cases}) != len(cases):
        raise ValueError("a case is selected twice")


@dataclass(frozen=True)
class AssignCases:
    """Hand cases to a queue, a team or crew (`queue_code`), a person (`staff_login`), or both.

    A person alone keeps each case's queue; a queue alone leaves the cases with no assignee.
    """

    cases: tuple[CaseRef, ...]
    reason: str
    queue_code: str | None = None
    staff_login: str | None = None

    def __post_init__(self) -> None:
        _check_selection(self.cases)
        if self.queue_code is None and self.staff_login is None:
            raise ValueError(
                QT_TRANSLATE_NOOP("CaseRefusals", "Assign to a queue, a person or both.")
            )


@dataclass(frozen=True)
class ChangePriority:
    """Set the cases' priority."""

    cases: tuple[CaseRef, ...]
    priority: Priority
    reason: str

    def __post_init__(self) -> None:
        _check_selection(self.cases)


@dataclass(frozen=True)
class EscalateCases:
    """Raise each case's priority one step and flag it in the history as escalated.

    `to`, when given, is the priority the person saw it would reach: a case someone already
    raised that far meanwhile is refused rather than raised again.
    """

    cases: tuple[CaseRef, ...]
    reason: str
    to: Priority | None = None

    def __post_init__(self) -> None:
        _check_selection(self.cases)


@dataclass(frozen=True)
class MoveCases:
    """Move cases along the pipeline; to in_queue from resolved or closed is a reopen.

    Attributes:
        reason: why; required to reopen. On resolving it is the closure note residents see.
        closure_reason: required to resolve.
    """

    cases: tuple[CaseRef, ...]
    target: Status
    reason: str = ""
    closure_reason: ClosureReason | None = None

    def __post_init__(self) -> None:
        _check_selection(self.cases)


@dataclass(frozen=True)
class RerouteCase:
    """Correct a case's category and/or location and route it again with the current rules.

    With neither, routing is simply re-run (e.g. after the rules were fixed).
    """

    case: CaseRef
    reason: str = ""
    service_code: str | None = None
    location: CaseLocation | None = None


@dataclass(frozen=True)
class AddNote:
    """Add a note to a case's history: internal (staff only) or public (residents see it)."""

    case: CaseRef
    text: str
    public: bool = False


@dataclass(frozen=True)
class LogStatusCall:
    """Log a resident's status call on a case: counted, with what was said (may be empty)."""

    case: CaseRef
    summary: str = ""


@dataclass(frozen=True)
class CaseChange:
    """What a case action changed, for the change bus and the panels that show those cases.

    Attributes:
        kind: which action.
        changes: one row diff per changed case, with its new version and its queue before and
            after.
        unchanged_ids: selected cases already as asked (e.g. already in that queue): nothing
            was written for them.
    """

    kind: ActionKind
    changes: tuple[RequestChange, ...]
    unchanged_ids: tuple[int, ...] = ()

    def as_batch(self) -> ChangeBatch:
        """The change as the change bus carries it (`ChangeBus.publish`)."""
        return ChangeBatch(self.changes)
