"""What the residents following a case are told of an action, each in their language and way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from operator_console.domain.lifecycle import Status
from operator_console.services.cases.ports import CaseState, CaseUnitOfWork
from operator_console.services.cases.rules import Outcome
from operator_console.services.messages.book import MessageBook
from operator_console.services.messages.followers import messages_for
from operator_console.services.messages.model import MessageFacts, MessageKind, OutgoingMessage

Moment = tuple[MessageKind, MessageFacts]
_MOVES_THE_DATE = frozenset({"rerouted", "priority_changed", "escalated"})


def resident_moment(before: CaseState, outcome: Outcome) -> Moment | None:
    """The message an action's outcome sends and what it tells; None for what residents do
    not hear of (internal notes, status calls, assignments, moves between queues)."""
    case = outcome.after
    facts = MessageFacts(
        case.reference,
        case.service.name,
        case.queue.name if case.queue else "",
        expected_at=case.due_at,
    )
    if outcome.kind == "note":
        return (
            (MessageKind.PUBLIC_NOTE, replace(facts, note=outcome.reason))
            if outcome.public
            else None
        )
    if outcome.kind == "resolved":
        resolved = replace(
            facts,
            closure_reason=case.closure_reason.value if case.closure_reason else None,
            note=case.closure_note or "",
            parent_reference=case.merged_into or "",
        )
        return MessageKind.RESOLVED, resolved
    if outcome.kind == "reopened":
        return MessageKind.REOPENED, replace(facts, note=outcome.reason)
    if outcome.kind == "status_changed" and case.status is Status.IN_PROGRESS:
        return MessageKind.WORK_STARTED, facts
    moved = case.due_at is not None and case.due_at != before.due_at
    if outcome.kind in _MOVES_THE_DATE and moved:
        return MessageKind.EXPECTED_DATE_CHANGED, replace(facts, previous_expected_at=before.due_at)
    return None


def resident_messages(
    uow: CaseUnitOfWork,
    book: MessageBook,
    before: Mapping[int, CaseState],
    outcomes: Mapping[int, Outcome],
) -> list[OutgoingMessage]:
    """The messages of every outcome, one per follower who is to hear of it, in case order."""
    moments = {
        request_id: moment
        for request_id in sorted(outcomes)
        if (moment := resident_moment(before[request_id], outcomes[request_id])) is not None
    }
    if not moments:
        return []
    followers = uow.recipients(sorted(moments))
    if not any(followers.values()):
        return []
    time_zone = uow.city().time_zone
    return [
        message
        for request_id, (kind, facts) in moments.items()
        for message in messages_for(
            book,
            kind,
            facts,
            followers.get(request_id, []),
            request_id=request_id,
            time_zone=time_zone,
        )
    ]


def queue_resident_messages(
    uow: CaseUnitOfWork,
    book: MessageBook,
    before: Mapping[int, CaseState],
    outcomes: Mapping[int, Outcome],
    now: datetime,
) -> None:
    """Queue the outcomes' messages in the action's transaction."""
    messages = resident_messages(uow, book, before, outcomes)
    if messages:
        uow.queue_messages(messages, now)
