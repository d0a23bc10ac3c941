"""Why a case action was refused, in words for the person at the console; nothing was saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined
from operator_console.services.cases.history import HistoryEntry, one_after_another
from operator_console.services.errors import DatabaseRefusedError

_LISTED = 5  # cases named in a message before "and N more"


class CaseActionError(Exception):
    """A case action refused as a whole: no case was changed.

    Attributes:
        request_ids: the cases the problem is about (the UI can select or deselect them).
    """

    def __init__(self, message: Words | str, request_ids: Sequence[int] = ()) -> None:
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

    def describe(self) -> Words:
        if not self.changes:
            return QT_TRANSLATE_NOOP("CaseRefusals", "%1 was changed by someone else").with_values(
                self.reference
            )
        return QT_TRANSLATE_NOOP("CaseRefusals", "%1: %2").with_values(
            self.reference, one_after_another([entry.describe() for entry in self.changes])
        )


class StaleCaseError(CaseActionError):
    """Someone changed a case after the user saw it; nothing was saved.

    Attributes:
        drifts: per stale case, what changed since, so the UI can show it and let the user
            retry on the fresh case.
    """

    def __init__(self, drifts: Sequence[CaseDrift], selected: int = 1) -> None:
        self.drifts = tuple(drifts)
        named: list[Words] = [drift.describe() for drift in self.drifts[:_LISTED]]
        more = len(self.drifts) - _LISTED
        if more > 0:
            named.append(QT_TRANSLATE_NOOP("CaseRefusals", "and %1 more").with_values(more))
        if selected > 1:
            message = QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "%1 of the %2 selected cases changed after you selected them: %3. Nothing was "
                "saved: look at them again, then retry.",
            ).with_values(len(self.drifts), selected, joined(named))
        else:
            message = QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "The case changed after you opened it: %1. Nothing was saved: look at it again, "
                "then retry.",
            ).with_values(joined(named))
        super().__init__(message, [drift.request_id for drift in self.drifts])


def merged_refusal(reference: str, parent: str) -> Words:
    """Why nothing is done on a case merged into another as its duplicate."""
    return QT_TRANSLATE_NOOP(
        "CaseRefusals", "%1 was merged into %2 as its duplicate: work on %2 instead."
    ).with_values(reference, parent)


def combined(problems: Sequence[CaseActionError], selected: int) -> CaseActionError:
    """One error for the problems of the selected cases: of their kind when they share one."""
    if len(problems) == 1 and selected == 1:
        return problems[0]
    messages = [problem.message for problem in problems[:_LISTED]]
    if len(problems) > _LISTED:
        more = len(problems) - _LISTED
        messages.append(QT_TRANSLATE_NOOP("CaseRefusals", "and %1 more").with_values(more))
    message = QT_TRANSLATE_NOOP(
        "CaseRefusals",
        "%1 of the %2 selected cases cannot take this action, so none was changed: %3",
    ).with_values(len(problems), selected, joined(messages, " "))
    kind = type(problems[0])
    if not all(type(problem) is kind for problem in problems):
        kind = CaseActionError
    request_ids = [request_id for problem in problems for request_id in problem.request_ids]
    return kind(message, request_ids)
