"""The duplicate actions: add a caller to an existing request, mark a request a duplicate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.caller import Caller, normalize_phone
from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.services.cases.scope import refuse_outside
from operator_console.services.duplicates.finder import (
    CALLER_ADDED,
    DUPLICATE_LINKED,
    MARKED_DUPLICATE,
    SUBMITTED_DESPITE_DUPLICATE,
    AttachReceipt,
    MarkDuplicateReceipt,
    RequestNotFoundError,
    StaleRequestError,
    request_gone,
)
from operator_console.services.duplicates.links import (
    callers_after_adding,
    callers_after_linking,
    duplicate_closure,
    is_duplicate,
    refuse_adding_to_a_duplicate,
    refuse_duplicate_parent,
    refuse_loop,
    refuse_relinking,
    refuse_self_link,
)
from operator_console.services.duplicates.ports import (
    DuplicateClosure,
    DuplicateUnitOfWork,
    LinkEvent,
    LinkState,
)
from operator_console.services.messages.book import MessageBook
from operator_console.services.messages.followers import messages_for, shipped_book
from operator_console.services.messages.model import MessageFacts, MessageKind, OutgoingMessage

MAX_CHAIN = 100  # parent links followed when looking for a loop


@dataclass(frozen=True)
class AttachCaller:
    """Add `caller` to the request as shown at `expected_version` (no new request)."""

    request_id: int
    expected_version: int
    caller: Caller


@dataclass(frozen=True)
class MarkDuplicate:
    """Close `duplicate_id` (as shown at `expected_version`) as a duplicate of `parent_id`."""

    duplicate_id: int
    parent_id: int
    expected_version: int
    reason: str


@dataclass(frozen=True)
class RecordSubmitAsNew:
    """Note on `new_request_id` that it was submitted while these candidates were shown."""

    new_request_id: int
    shown_candidate_ids: tuple[int, ...]


def attach_caller(
    uow: DuplicateUnitOfWork,
    command: AttachCaller,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> AttachReceipt:
    """The caller follows the request and counts as one more caller, in one transaction; a
    caller who did not follow it yet is sent its 'linked' message (from `book`, else the
    shipped templates): its reference and expected date.

    Raises `NotPermittedError` (nothing read), `StaleRequestError` (the request changed since
    it was shown), `RequestNotFoundError`, `LinkRefusedError` (it was closed as a duplicate) or
    `PhoneNumberError`; then nothing is written.
    """
    require(actor, Action.ADD_CALLER)
    caller = command.caller
    with uow:
        place = uow.place()
        phone = caller.phone.strip()
        e164 = normalize_phone(phone, place.phone_region) if phone else None
        request = _claimed(uow, command.request_id, now, command.expected_version)
        if is_duplicate(request):  # the parent's reference is read only to say so
            refuse_adding_to_a_duplicate(request, _reference(uow, request.parent_id, "its parent"))
        follower = None if caller.is_anonymous else uow.caller_id(caller, e164, now)
        already = follower is not None and uow.follows(request.id, follower)
        if follower is not None and not already:
            uow.add_follower(request.id, follower, now, actor.login)
        count = callers_after_adding(request, already)
        uow.set_callers(request.id, count)
        uow.add_event(
            LinkEvent(
                request.id,
                now,
                actor.login,
                CALLER_ADDED,
                from_value=str(request.callers),
                to_value=str(count),
                reason="A caller reported the same problem and was added to this request.",
                data={"caller_id": follower, "already_following": already},
            )
        )
        service_name, queue_name = uow.names(request.service_id, request.queue_id)
        if follower is not None and not already:
            joined = [
                recipient
                for recipient in uow.recipients([request.id]).get(request.id, [])
                if recipient.caller_id == follower
            ]
            facts = MessageFacts(request.reference, service_name, queue_name, request.due_at)
            linked = messages_for(
                book or shipped_book(),
                MessageKind.LINKED,
                facts,
                joined,
                request_id=request.id,
                time_zone=place.time_zone,
            )
            uow.queue_messages(linked, now)
        uow.commit()
    return AttachReceipt(
        request.id,
        request.reference,
        service_name,
        queue_name,
        request.due_at,
        count,
        request.version,
        request.queue_id,
        already,
    )


def mark_duplicate(
    uow: DuplicateUnitOfWork,
    command: MarkDuplicate,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> MarkDuplicateReceipt:
    """Close the duplicate, through the lifecycle, with a pointer to its parent; its followers
    move to the parent (each caller once) and both histories say so, in one transaction. When
    the duplicate was open, its followers are sent its 'resolved' message (from `book`, else
    the shipped templates) naming the parent's reference.

    Refused with `NotPermittedError` before anything is read to a role that may not mark
    duplicates; with `OutsideDepartmentError`, before anything is written, when the duplicate
    belongs to a department whose cases the person may not change (the case it repeats only
    gains callers, as when a caller is added); with `LinkRefusedError` for a request as its
    own duplicate, one already a duplicate, a loop or a parent that is itself a duplicate;
    with `StaleRequestError` or `RequestNotFoundError`. A refusal writes nothing.
    """
    require(actor, Action.MARK_DUPLICATE)
    refuse_self_link(command.duplicate_id, command.parent_id)
    with uow:
        _refuse_other_departments(uow, command, actor)
        child = _claimed(uow, command.duplicate_id, now, command.expected_version)
        if is_duplicate(child):
            refuse_relinking(child, _reference(uow, child.parent_id, "another"))
        parent = uow.claim(command.parent_id, now)
        if parent is None:
            raise RequestNotFoundError(request_gone(command.parent_id))
        refuse_loop(child, parent, _ancestors(uow, parent.parent_id, child.id))
        if is_duplicate(parent):
            refuse_duplicate_parent(parent, _reference(uow, parent.parent_id, "its parent"))
        closure = duplicate_closure(child, parent.id, command.reason, now)
        told = _resolved_as_duplicate(uow, book or shipped_book(), child, parent, closure)
        moved, following_both = uow.move_followers(child.id, parent.id)
        parent_callers = callers_after_linking(parent, child, following_both)
        uow.set_callers(parent.id, parent_callers)
        uow.close_as_duplicate(closure)
        uow.add_event(
            LinkEvent(
                child.id,
                now,
                actor.login,
                MARKED_DUPLICATE,
                from_value=child.status.value,
                to_value=parent.reference,
                reason=command.reason,
                public=True,
                data={"parent_id": parent.id, "parent_reference": parent.reference, "moved": moved},
            )
        )
        uow.add_event(
            LinkEvent(
                parent.id,
                now,
                actor.login,
                DUPLICATE_LINKED,
                from_value=str(parent.callers),
                to_value=child.reference,
                reason=command.reason,
                data={"duplicate_id": child.id, "callers": parent_callers},
            )
        )
        uow.queue_messages(told, now)
        uow.commit()
    return MarkDuplicateReceipt(
        child.id,
        child.reference,
        child.version,
        child.queue_id,
        parent.id,
        parent.reference,
        parent.version,
        parent.queue_id,
        parent_callers,
        moved,
    )


def record_submit_as_new(
    uow: DuplicateUnitOfWork, command: RecordSubmitAsNew, actor: StaffIdentity, now: datetime
) -> None:
    """Note on the new request that it was submitted although these candidates were shown
    (material for tuning the badge threshold). Raises `RequestNotFoundError`."""
    require(actor, Action.SUBMIT_INTAKE)
    new_request_id = command.new_request_id
    with uow:
        found = uow.references([new_request_id, *command.shown_candidate_ids])
        if new_request_id not in found:
            raise RequestNotFoundError(request_gone(new_request_id))
        shown = [
            (request_id, found[request_id])
            for request_id in dict.fromkeys(command.shown_candidate_ids)
            if request_id in found and request_id != new_request_id
        ]
        listed = ", ".join(reference for _, reference in shown)
        uow.add_event(
            LinkEvent(
                new_request_id,
                now,
                actor.login,
                SUBMITTED_DESPITE_DUPLICATE,
                to_value=listed,
                reason="Submitted as a new request although these were shown as likely "
                f"duplicates: {listed or 'none'}.",
                data={"shown": [{"id": i, "reference": reference} for i, reference in shown]},
            )
        )
        uow.commit()


def _resolved_as_duplicate(
    uow: DuplicateUnitOfWork,
    book: MessageBook,
    child: LinkState,
    parent: LinkState,
    closure: DuplicateClosure,
) -> list[OutgoingMessage]:
    """The 'resolved' message for each follower of the duplicate, when it was still open."""
    if not child.status.is_open:
        return []
    service_name, queue_name = uow.names(child.service_id, child.queue_id)
    facts = MessageFacts(
        child.reference,
        service_name,
        queue_name,
        expected_at=parent.due_at,
        closure_reason=closure.closure_reason.value,
        note=closure.note,
        parent_reference=parent.reference,
    )
    return messages_for(
        book,
        MessageKind.RESOLVED,
        facts,
        uow.recipients([child.id]).get(child.id, []),
        request_id=child.id,
        time_zone=uow.place().time_zone,
    )


def _refuse_other_departments(
    uow: DuplicateUnitOfWork, command: MarkDuplicate, actor: StaffIdentity
) -> None:
    """Refuse unless the person may change the duplicate; the case it repeats only gains
    callers, which staff may add to a case of any department."""
    if actor.departments is None:
        return
    found = uow.scoped_cases([command.duplicate_id])
    if command.duplicate_id in found:
        refuse_outside(uow, actor, [found[command.duplicate_id]])


def _claimed(
    uow: DuplicateUnitOfWork, request_id: int, now: datetime, expected_version: int
) -> LinkState:
    """The request claimed at the version shown; else why not, as an error."""
    claimed = uow.claim(request_id, now, expected_version)
    if claimed is not None:
        return claimed
    current = uow.snapshot(request_id)
    if current is None:
        raise RequestNotFoundError(request_gone(request_id))
    raise StaleRequestError(expected_version, current)


def _reference(uow: DuplicateUnitOfWork, request_id: int | None, otherwise: str) -> str:
    if request_id is None:
        return otherwise
    return uow.references([request_id]).get(request_id, otherwise)


def _ancestors(uow: DuplicateUnitOfWork, start: int | None, looking_for: int) -> list[int]:
    """The chain of parents from `start`, up to `looking_for` or `MAX_CHAIN` links."""
    chain: list[int] = []
    while start is not None and len(chain) < MAX_CHAIN:
        chain.append(start)
        if start == looking_for:
            break
        start = uow.parent_of(start)
    return chain
