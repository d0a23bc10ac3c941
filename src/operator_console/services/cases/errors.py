"""Why a case action was refused, in words for the person at the console; nothing was saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from operator_console.services.cases.history import HistoryEntry
from operator_console.services.errors import DatabaseRefusedError

_LISTED = 5  # cases named in a message before "and N more"


class CaseActionError(Exception):
    """A case action refused as a whole: no case was changed.

    Attributes:
        request_ids: the cases the problem is about (the UI can select or deselect them).
    """

    def __init__(self, message: str, request_ids: Sequence[int] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.request_ids = tuple(request_ids)


class ActionNotPermittedError(CaseActionError):
    """The person's role may not take this action (see `domain.permissions`)."""


class OutsideDepartmentError(ActionNotPermittedError):
    """The case belongs to a department whose cases the person may not change."""


class CaseWriteRefusedError(ActionNotPermittedError, DatabaseRefusedError):
    """The database's row security kept the person's login from changing the case, although
    the case exists at the version the change was decided on."""


class ReasonRequiredError(CaseActionError):
    """The action needs a reason for the case history and none was given."""


class ClosureReasonRequiredError(CaseActionError):
    """Resolving needs a closure reason (fixed, not the city's responsibility, ...)."""


class DuplicateNeedsParentError(CaseActionError):
    """Closing as a duplicate goes through "mark as duplicate", which links the parent."""


class EmptyNoteError(CaseActionError):
    """A note without text."""


class QueueNotFoundError(CaseActionError):
    """The queue, team or crew does not exist or is no longer active."""


class StaffNotActiveError(CaseActionError):
    """The person is not active staff."""


class ServiceNotFoundError(CaseActionError):
    """The category (service) does not exist or is no longer offered."""


class CaseNotFoundError(CaseActionError):
    """The case no longer exists (deleted meanwhile)."""


class CaseMergedError(CaseActionError):
    """The case was merged into another as its duplicate; work on the parent instead."""


class CaseNotOpenError(CaseActionError):
    """The action needs an open case and the case is resolved or closed."""


class IllegalStatusMoveError(CaseActionError):
    """The lifecycle does not allow this status move (e.g. closed -> in progress)."""


class CannotEscalateError(CaseActionError):
    """The case is already at the highest priority."""


@dataclass(frozen=True)
class CaseDrift:
    """How a case moved on after the version the user acted on.

    Attributes:
        changes: the history events since that version, oldest first: who, when, why and
            which fields went from what to what.
        current_version: the version to act on after looking at the case again.
    """

    request_id: int
    reference: str
    expected_version: int
    current_version: int
    changes: tuple[HistoryEntry, ...]

    def describe(self) -> str:
        if not self.changes:
            return f"{self.reference} was changed by someone else"
        return f"{self.reference}: " + "; then ".join(entry.describe() for entry in self.changes)


class StaleCaseError(CaseActionError):
    """Someone changed a case after the user saw it; nothing was saved.

    Attributes:
        drifts: per stale case, what changed since, so the UI can show it and let the user
            retry on the fresh case.
    """

    def __init__(self, drifts: Sequence[CaseDrift], selected: int = 1) -> None:
        self.drifts = tuple(drifts)
        named = "; ".join(drift.describe() for drift in self.drifts[:_LISTED])
        more = len(self.drifts) - _LISTED
        if more > 0:
            named += f"; and {more} more"
        if selected > 1:
            opening = (
                f"{len(self.drifts)} of the {selected} selected cases changed after you "
                "selected them"
            )
        else:
            opening = "The case changed after you opened it"
        message = f"{opening}: {named}. Nothing was saved: look at it again, then retry."
        super().__init__(message, [drift.request_id for drift in self.drifts])


def combined(problems: Sequence[CaseActionError], selected: int) -> CaseActionError:
    """One error for the problems of the selected cases: of their kind when they share one."""
    if len(problems) == 1 and selected == 1:
        return problems[0]
    messages = [problem.message for problem in problems[:_LISTED]]
    if len(problems) > _LISTED:
        messages.append(f"and {len(problems) - _LISTED} more")
    message = (
        f"{len(problems)} of the {selected} selected cases cannot take this action, so none "
        "was changed: " + " ".join(messages)
    )
    kind = type(problems[0])
    if not all(type(problem) is kind for problem in problems):
        kind = CaseActionError
    request_ids = [request_id for problem in problems for request_id in problem.request_ids]
    return kind(message, request_ids)
