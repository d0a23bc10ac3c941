"""What refuses a case action before anything is decided: bad input, gone or changed cases."""

from __future__ import annotations

from collections.abc import Sequence

from operator_console.domain.lifecycle import ClosureReason
from operator_console.domain.permissions import Action, StaffIdentity, refusal
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
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
    merged_refusal,
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
            what = QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "Case %1 no longer exists: it was deleted after you opened it. Nothing was saved.",
            ).with_values(named)
        else:
            what = QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "%1 of the %2 selected cases (%3) no longer exist: they were deleted after you "
                "selected them. Nothing was saved.",
            ).with_values(len(missing), len(selection), named)
        raise CaseNotFoundError(what, missing)
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
    return CaseMergedError(merged_refusal(case.reference, str(case.merged_into)), [case.id])


def active_queue(uow: CaseUnitOfWork, code: str) -> QueueRef:
    queue = uow.queue(code)
    if queue is None or not queue.active:
        if queue:
            gone = QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "The queue %1 is no longer active: choose another queue, team or crew.",
            )
        else:
            gone = QT_TRANSLATE_NOOP(
                "CaseRefusals", "The queue %1 does not exist: choose another queue, team or crew."
            )
        raise QueueNotFoundError(gone.with_values(repr(code)))
    return queue


def active_staff(uow: CaseUnitOfWork, login: str) -> StaffRef:
    person = uow.staff_member(login)
    if person is None or not person.active:
        if person:
            gone = QT_TRANSLATE_NOOP(
                "CaseRefusals", "%1 (%2) is no longer active staff: choose someone else."
            ).with_values(person.display_name, login)
        else:
            gone = QT_TRANSLATE_NOOP(
                "CaseRefusals", "%1 is not active staff: choose someone else."
            ).with_values(repr(login))
        raise StaffNotActiveError(gone)
    return person


def require_reason(reason: str, refusal: Words, selection: Sequence[CaseRef]) -> None:
    """Refuse with `refusal` (asking why) when `reason` is blank."""
    if not reason.strip():
        raise ReasonRequiredError(refusal, [ref.request_id for ref in selection])


def usable_closure_reason(
    closure_reason: ClosureReason | None, selection: Sequence[CaseRef]
) -> ClosureReason:
    request_ids = [ref.request_id for ref in selection]
    if closure_reason is None:
        raise ClosureReasonRequiredError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "Choose a closure reason (fixed, not the city's responsibility, ...): the "
                "resident is told why the request was closed.",
            ),
            request_ids,
        )
    if closure_reason is ClosureReason.DUPLICATE:
        raise DuplicateNeedsParentError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "To close a case as a duplicate, mark it as a duplicate of the case it repeats: "
                "its callers then follow that case.",
            ),
            request_ids,
        )
    return closure_reason
