"""What the case screen offers for a case: the case actions' own rules, tried without saving."""

from __future__ import annotations

from operator_console.domain.lifecycle import (
    ClosureReason,
    Priority,
    Status,
    TransitionError,
    check_transition,
)
from operator_console.services.cases.options import case_options, resolve_reasons
from tests.support.case_fakes import CREW_3, DENISE, case


def _allowed(options_moves: dict[Status, bool]) -> set[Status]:
    return {status for status, allowed in options_moves.items() if allowed}


def _lifecycle_moves(current: Status) -> set[Status]:
    """The moves `check_transition` allows from `current` (with a closure reason)."""
    allowed = set()
    for target in Status:
        try:
            check_transition(current, target, ClosureReason.FIXED)
        except TransitionError:
            continue
        allowed.add(target)
    return allowed


def test_an_open_case_offers_the_lifecycle_moves_and_every_action() -> None:
    options = case_options(case(status=Status.IN_QUEUE))
    moves = {status: offer.allowed for status, offer in options.moves.items()}
    # in_queue -> assigned needs somebody to be assigned to; the rest is the lifecycle's.
    assert _allowed(moves) == _lifecycle_moves(Status.IN_QUEUE) - {Status.ASSIGNED}
    assert "nobody to be assigned to" in str(options.moves[Status.ASSIGNED].why_not)
    assert Status.IN_QUEUE not in options.moves
    assert options.reassign.allowed and options.priority.allowed and options.escalate.allowed
    assert options.escalate_to is Priority.HIGH
    assert options.mark_duplicate.allowed and options.reroute.allowed


def test_a_case_with_a_crew_can_be_marked_assigned() -> None:
    options = case_options(case(status=Status.IN_PROGRESS, queue=CREW_3, assignee=DENISE))
    assert _allowed({s: o.allowed for s, o in options.moves.items()}) == _lifecycle_moves(
        Status.IN_PROGRESS
    )


def test_a_closed_case_can_only_be_reopened() -> None:
    options = case_options(case(status=Status.CLOSED, closure_reason=ClosureReason.FIXED))
    assert _allowed({s: o.allowed for s, o in options.moves.items()}) == {Status.IN_QUEUE}
    assert not options.reassign.allowed and "reopen it" in str(options.reassign.why_not)
    assert not options.priority.allowed and not options.escalate.allowed
    assert not options.reroute.allowed and "reopen it before re-routing" in str(
        options.reroute.why_not
    )
    assert "cannot become in progress" in str(options.moves[Status.IN_PROGRESS].why_not)


def test_an_urgent_case_cannot_be_escalated() -> None:
    options = case_options(case(priority=Priority.URGENT))
    assert not options.escalate.allowed and options.escalate_to is None
    assert "already urgent" in str(options.escalate.why_not)
    assert options.priority.allowed


def test_a_merged_case_offers_nothing_and_names_its_parent() -> None:
    options = case_options(case(status=Status.CLOSED, merged_into="BOS-26-000045"))
    offers = [options.reassign, options.priority, options.escalate, options.mark_duplicate]
    offers += list(options.moves.values())
    assert not any(offer.allowed for offer in offers)
    assert "work on BOS-26-000045 instead" in str(options.mark_duplicate.why_not)


def test_resolving_takes_every_closure_reason_but_duplicate() -> None:
    assert resolve_reasons() == tuple(r for r in ClosureReason if r is not ClosureReason.DUPLICATE)
