"""Which case actions one case can take now, by the case actions' own rules (a dry run)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from operator_console.domain.lifecycle import ClosureReason, Priority, Status, status_name
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.cases.checks import usable_closure_reason
from operator_console.services.cases.errors import CaseActionError, merged_refusal
from operator_console.services.cases.ports import CaseState
from operator_console.services.cases.rules import (
    Outcome,
    assignment,
    escalation,
    priority_change,
    status_move,
)

_WHY = "(dry run)"  # stands for the reason the person will give


@dataclass(frozen=True)
class Offer:
    """Whether an action is open to the case; when not, why not, in words for a person."""

    allowed: bool
    why_not: Words | str = ""


@dataclass(frozen=True)
class CaseOptions:
    """What the case screen may offer for one case.

    Attributes:
        moves: every status other than the case's own, and whether the lifecycle (and the
            case's state, e.g. nobody to be assigned to) allows moving there.
        escalate_to: the priority an escalation would give; None when it is not allowed.
        closure_reasons: the reasons a resolve accepts (duplicates go through marking).
    """

    reassign: Offer
    priority: Offer
    escalate: Offer
    escalate_to: Priority | None
    moves: Mapping[Status, Offer]
    mark_duplicate: Offer
    closure_reasons: tuple[ClosureReason, ...]
    reroute: Offer


def resolve_reasons() -> tuple[ClosureReason, ...]:
    """The closure reasons resolving accepts, in the lifecycle's order."""
    accepted = []
    for reason in ClosureReason:
        try:
            usable_closure_reason(reason, ())
        except CaseActionError:
            continue
        accepted.append(reason)
    return tuple(accepted)


def case_options(case: CaseState, outside_departments: Words | str = "") -> CaseOptions:
    """Try each action on the case with the case actions' rules, saving nothing.

    `outside_departments`, when given, says why the person may not change this case at all
    (it belongs to another department): every action is refused with it.
    """
    reasons = resolve_reasons()
    if case.merged_into:
        return _refused_all(case, merged_refusal(case.reference, case.merged_into))
    if outside_departments:
        return _refused_all(case, outside_departments)
    when = case.created_at  # the instant does not change what is allowed
    closure = reasons[0] if reasons else None
    escalate, raised = _try(lambda: escalation(case, _WHY))
    return CaseOptions(
        reassign=_try(lambda: assignment(case, case.queue, case.assignee, _WHY, when))[0],
        priority=_try(lambda: priority_change(case, _other(case.priority), _WHY))[0],
        escalate=escalate,
        escalate_to=Priority(raised.to_value) if raised and raised.to_value else None,
        moves={
            target: _try(partial(status_move, case, target, _WHY, closure, when))[0]
            for target in Status
            if target is not case.status
        },
        mark_duplicate=Offer(True),
        closure_reasons=reasons,
        reroute=_reroute(case),
    )


def _refused_all(case: CaseState, why: Words | str) -> CaseOptions:
    refused = Offer(False, why)
    moves = {status: refused for status in Status if status is not case.status}
    return CaseOptions(refused, refused, refused, None, moves, refused, resolve_reasons(), refused)


def _reroute(case: CaseState) -> Offer:
    if case.status.is_open:
        return Offer(True)
    return Offer(
        False,
        QT_TRANSLATE_NOOP("CaseRefusals", "%1 is %2: reopen it before re-routing it.").with_values(
            case.reference, status_name(case.status)
        ),
    )


def _try(decide: Callable[[], Outcome | None]) -> tuple[Offer, Outcome | None]:
    try:
        outcome = decide()
    except CaseActionError as refused:
        return Offer(False, refused.message), None
    return Offer(True), outcome


def _other(priority: Priority) -> Priority:
    """A priority other than `priority` (to try a change)."""
    return next(p for p in Priority if p is not priority)
