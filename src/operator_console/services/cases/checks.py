"""What refuses a case action before anything is decided: bad input, gone or changed cases."""

from __future__ import annotations

from collections.abc import Sequence

from operator_console.domain.lifecycle import ClosureReason
from operator_console.domain.permissions import Action, StaffIdentity, refusal
from operator_console.services.cases.commands import CaseRef
from operator_console.services.cases.errors import (
    ActionNotPermittedError,
    CaseDrift,
    CaseMergedError,
    CaseNotFoundError,
    ClosureReasonRequiredError,
    DuplicateNeedsParentError,
    QueueNotFoundError,
    ReasonRequiredError,
    StaffNotActiveError,
    StaleCaseError,
    combined,
)
from operator_console.services.cases.history import entries_since
from operator_console.services.cases.ports import CaseState, CaseUnitOfWork, QueueRef, StaffRef
from operator_console.services.cases.scope import refuse_outside, scoped


def permitted(actor: StaffIdentity, action: Action, request_ids: Sequence[int]) -> None:
    """Refuse the action on these cases unless the actor's role may take it."""
    refused = refusal(actor, action)
    if refused is not None:
        raise ActionNotPermittedError(refused, request_ids)


def current_cases(
    uow: CaseUnitOfWork, selection: Sequence[CaseRef], changer: StaffIdentity | None = None
) -> dict[int, CaseState]:
    """The selected cases, unless one was deleted or merged, belongs to a department whose
    cases `changer` may not change (when given), or changed since the user saw it."""
    cases = uow.cases([ref.request_id for ref in selection])
    missing = [ref.request_id for ref in selection if ref.request_id not in cases]
    if missing:
        named = ", ".join(f"#{request_id}" for request_id in missing[:5])
        if len(selection) == 1:
            what = f"Case {named} no longer exists: it was deleted after you opened it."
        else:
            what = (
                f"{len(missing)} of the {len(selection)} selected cases ({named}) no longer "
                "exist: they were deleted after you selected them."
            )
        raise CaseNotFoundError(f"{what} Nothing was saved.", missing)
    merged = [cases[ref.request_id] for ref in selection if cases[ref.request_id].merged_into]
    if merged:
        raise combined([_merged(case) for case in merged], len(selection))
    if changer is not None:
        chosen = [scoped(cases[ref.request_id]) for ref in selection]
        refuse_outside(uow, changer, chosen)
    stale = [ref for ref in selection if cases[ref.request_id].version != ref.expected_version]
    if stale:
        history = uow.history([ref.request_id for ref in stale])
        drifts = [
            CaseDrift(
                ref.request_id,
                cases[ref.request_id].reference,
                ref.expected_version,
                cases[ref.request_id].version,
                entries_since(
                    history.get(ref.request_id, ()),
                    ref.expected_version,
                    cases[ref.request_id].version,
                ),
            )
            for ref in stale
        ]
        raise StaleCaseError(drifts, len(selection))
    return cases


def _merged(case: CaseState) -> CaseMergedError:
    return CaseMergedError(
        f"{case.reference} was merged into {case.merged_into} as its duplicate: work on "
        f"{case.merged_into} instead.",
        [case.id],
    )


def active_queue(uow: CaseUnitOfWork, code: str) -> QueueRef:
    queue = uow.queue(code)
    if queue is None or not queue.active:
        state = "is no longer active" if queue else "does not exist"
        raise QueueNotFoundError(f"The queue {code!r} {state}: choose another queue, team or crew.")
    return queue


def active_staff(uow: CaseUnitOfWork, login: str) -> StaffRef:
    person = uow.staff_member(login)
    if person is None or not person.active:
        who = f"{person.display_name} ({login}) is no longer" if person else f"{login!r} is not"
        raise StaffNotActiveError(f"{who} active staff: choose someone else.")
    return person


def require_reason(reason: str, doing: str, selection: Sequence[CaseRef]) -> None:
    if not reason.strip():
        raise ReasonRequiredError(
            f"Say why you are {doing}: the reason goes into the case history.",
            [ref.request_id for ref in selection],
        )


def usable_closure_reason(
    closure_reason: ClosureReason | None, selection: Sequence[CaseRef]
) -> ClosureReason:
    request_ids = [ref.request_id for ref in selection]
    if closure_reason is None:
        raise ClosureReasonRequiredError(
            "Choose a closure reason (fixed, not the city's responsibility, ...): the resident "
            "is told why the request was closed.",
            request_ids,
        )
    if closure_reason is ClosureReason.DUPLICATE:
        raise DuplicateNeedsParentError(
            "To close a case as a duplicate, mark it as a duplicate of the case it repeats: "
            "its callers then follow that case.",
            request_ids,
        )
    return closure_reason
