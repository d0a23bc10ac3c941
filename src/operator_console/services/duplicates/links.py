"""What linking requests may do: pure decisions on adding a caller and marking a duplicate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from operator_console.domain.lifecycle import ClosureReason, TransitionError, close_as_duplicate
from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.duplicates.finder import LinkRefusedError
from operator_console.services.duplicates.ports import DuplicateClosure, LinkState


def refuse_self_link(duplicate_id: int, parent_id: int) -> None:
    if duplicate_id == parent_id:
        raise LinkRefusedError(
            QT_TRANSLATE_NOOP("DuplicateRefusals", "A request cannot be a duplicate of itself.")
        )


def is_duplicate(request: LinkState) -> bool:
    return request.closure_reason is ClosureReason.DUPLICATE


def refuse_adding_to_a_duplicate(request: LinkState, parent_reference: str) -> None:
    """A request closed as a duplicate takes no caller: its parent does."""
    if is_duplicate(request):
        raise LinkRefusedError(
            QT_TRANSLATE_NOOP(
                "DuplicateRefusals", "%1 was closed as a duplicate of %2: add the caller to %2."
            ).with_values(request.reference, parent_reference)
        )


def refuse_relinking(child: LinkState, parent_reference: str) -> None:
    """A request already closed as a duplicate stays linked to its parent."""
    if is_duplicate(child):
        raise LinkRefusedError(
            QT_TRANSLATE_NOOP("DuplicateRefusals", "%1 is already a duplicate of %2.").with_values(
                child.reference, parent_reference
            )
        )


def refuse_loop(child: LinkState, parent: LinkState, ancestors: Sequence[int]) -> None:
    """Refuse a parent that is, through its own parents (`ancestors`), the child itself."""
    if child.id in ancestors:
        raise LinkRefusedError(
            QT_TRANSLATE_NOOP(
                "DuplicateRefusals",
                "%1 is already a duplicate of %2: marking %2 a duplicate of it would make a loop.",
            ).with_values(parent.reference, child.reference)
        )


def refuse_duplicate_parent(parent: LinkState, root_reference: str) -> None:
    """A parent closed as a duplicate is not the parent: the request it repeats is."""
    if is_duplicate(parent) and parent.parent_id is not None:
        raise LinkRefusedError(
            QT_TRANSLATE_NOOP(
                "DuplicateRefusals", "%1 is itself a duplicate of %2: link to %2 instead."
            ).with_values(parent.reference, root_reference)
        )


def duplicate_closure(
    child: LinkState, parent_id: int, reason: str, now: datetime
) -> DuplicateClosure:
    """The child closed through the lifecycle with the closure reason duplicate, pointing at
    its parent; the times it was first worked, resolved and closed are kept, or are now."""
    try:
        status = close_as_duplicate(child.status)
    except TransitionError as exc:
        said = exc.args[0] if exc.args else str(exc)
        raise LinkRefusedError(
            QT_TRANSLATE_NOOP("DuplicateRefusals", "%1: %2").with_values(child.reference, said)
        ) from exc
    return DuplicateClosure(
        request_id=child.id,
        parent_id=parent_id,
        status=status,
        closure_reason=ClosureReason.DUPLICATE,
        note=reason,
        first_action_at=child.first_action_at or now,
        resolved_at=child.resolved_at or now,
        closed_at=child.closed_at or now,
    )


def callers_after_linking(parent: LinkState, child: LinkState, following_both: int) -> int:
    """The parent counts its own callers and the duplicate's, each caller once."""
    return parent.callers + child.callers - following_both


def callers_after_adding(request: LinkState, already_following: bool) -> int:
    """One more caller, unless that caller already followed the request."""
    return request.callers + (0 if already_following else 1)
