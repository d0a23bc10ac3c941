"""Adding a caller and marking a duplicate: the rules, the refusals, and what is written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from operator_console.domain.caller import Caller, PhoneNumberError
from operator_console.domain.lifecycle import ClosureReason, Status, close_as_duplicate
from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.duplicates.actions import (
    AttachCaller,
    MarkDuplicate,
    RecordSubmitAsNew,
    attach_caller,
    mark_duplicate,
    record_submit_as_new,
)
from operator_console.services.duplicates.finder import (
    CALLER_ADDED,
    DUPLICATE_LINKED,
    MARKED_DUPLICATE,
    SUBMITTED_DESPITE_DUPLICATE,
    LinkRefusedError,
    RequestNotFoundError,
    StaleRequestError,
)
from operator_console.services.messages.model import MessageKind
from tests.support.duplicate_fakes import NOW, OPENED, FakeDuplicateUnitOfWork, request

OPERATOR = StaffIdentity("o1", "Maria Alvarez", "operator")
DISPATCHER = StaffIdentity("d1", "Denise Walsh", "dispatcher")
SUPERVISOR = StaffIdentity("s1", "Patricia Chen", "supervisor")
ADMIN = StaffIdentity("a1", "Sam Okafor", "admin")
VISITOR = StaffIdentity("v1", "Someone Else", "visitor")
ANA = Caller("Ana", "Lopes", "617 555 0142", "ana@example.org")
BEN = Caller("Ben", "Okafor", "617-555-0199", "")
PARENT, CHILD = 10, 20


def _attach(uow: FakeDuplicateUnitOfWork, caller: Caller = ANA, version: int = 1) -> object:
    return attach_caller(uow, AttachCaller(PARENT, version, caller), OPERATOR, NOW)


def _mark(
    uow: FakeDuplicateUnitOfWork,
    who: StaffIdentity = SUPERVISOR,
    duplicate: int = CHILD,
    parent: int = PARENT,
    version: int = 1,
) -> object:
    command = MarkDuplicate(duplicate, parent, version, "Same grey van")
    return mark_duplicate(uow, command, who, NOW)


def _pair(**child: object) -> FakeDuplicateUnitOfWork:
    """A parent followed by caller 1 and a later child followed by callers 1 and 2."""
    return FakeDuplicateUnitOfWork(
        request(PARENT),
        request(CHILD, callers=2, **child),
        followers={PARENT: {1}, CHILD: {1, 2}},
    )


def _untouched(uow: FakeDuplicateUnitOfWork) -> bool:
    return uow.commits == 0 and {r.version for r in uow.stored.requests.values()} == {1}


# Adding a caller


@pytest.mark.parametrize("who", [OPERATOR, DISPATCHER, SUPERVISOR, ADMIN], ids=lambda s: s.role)
def test_every_role_adds_a_caller_who_then_follows_the_request(who: StaffIdentity) -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT))
    receipt = attach_caller(uow, AttachCaller(PARENT, 1, ANA), who, NOW)
    stored = uow.stored.requests[PARENT]
    assert (stored.callers, stored.version) == (2, 2)
    assert (receipt.reference, receipt.callers, receipt.version) == (stored.reference, 2, 2)
    names = (receipt.service_name, receipt.queue_name)
    assert names == ("Abandoned Vehicles", "Parking Enforcement")
    assert uow.stored.followers[PARENT] == {1}
    (event,) = uow.stored.events
    assert (event.kind, event.actor, event.from_value, event.to_value) == (
        CALLER_ADDED,
        who.login,
        "1",
        "2",
    )
    (message,) = uow.stored.messages
    assert (message.request_id, message.kind) == (PARENT, MessageKind.LINKED)
    assert message.recipient == "ana@example.org" and stored.reference in message.subject


def test_a_caller_already_following_is_not_counted_twice_nor_mailed_again() -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT))
    _attach(uow)
    again = attach_caller(
        uow, AttachCaller(PARENT, 2, replace(ANA, phone="(617) 555-0142")), OPERATOR, NOW
    )
    assert again.already_following and again.callers == 2
    assert len(uow.stored.messages) == 1 and len(uow.stored.events) == 2


def test_an_anonymous_caller_is_counted_but_follows_nothing() -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT))
    receipt = _attach(uow, Caller())
    assert receipt.callers == 2 and uow.stored.followers == {} and uow.stored.messages == []


def test_a_role_the_table_does_not_know_may_not_add_a_caller() -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT))
    with pytest.raises(NotPermittedError, match="no known role"):
        attach_caller(uow, AttachCaller(PARENT, 1, ANA), VISITOR, NOW)
    assert not uow.entered and _untouched(uow)


def test_adding_to_a_request_that_changed_since_it_was_shown_says_how() -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT, version=3, callers=4))
    with pytest.raises(StaleRequestError, match="version 1, now 3") as stale:
        _attach(uow)
    assert stale.value.current.callers == 4
    assert uow.commits == 0 and uow.stored.requests[PARENT].version == 3


def test_adding_to_a_request_that_is_gone_is_refused() -> None:
    with pytest.raises(RequestNotFoundError, match="does not exist"):
        _attach(FakeDuplicateUnitOfWork())


def test_a_request_closed_as_a_duplicate_sends_the_caller_to_its_parent() -> None:
    merged = request(
        CHILD, status=Status.CLOSED, closure_reason=ClosureReason.DUPLICATE, parent_id=PARENT
    )
    uow = FakeDuplicateUnitOfWork(request(PARENT), merged)
    with pytest.raises(LinkRefusedError, match="add the caller to BOS-26-000010"):
        attach_caller(uow, AttachCaller(CHILD, 1, ANA), OPERATOR, NOW)
    assert _untouched(uow)


def test_a_phone_number_that_cannot_be_read_writes_nothing() -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT))
    with pytest.raises(PhoneNumberError):
        _attach(uow, replace(ANA, phone="12"))
    assert _untouched(uow)


# Marking a duplicate


def test_a_supervisor_closes_the_duplicate_and_its_callers_follow_the_parent() -> None:
    uow = _pair()
    receipt = _mark(uow)
    child, parent = uow.stored.requests[CHILD], uow.stored.requests[PARENT]
    assert (child.status, child.closure_reason, child.parent_id) == (
        Status.CLOSED,
        ClosureReason.DUPLICATE,
        PARENT,
    )
    assert child.first_action_at == child.resolved_at == child.closed_at == NOW
    assert uow.stored.notes[CHILD] == "Same grey van"
    assert uow.stored.followers == {PARENT: {1, 2}}
    assert parent.callers == receipt.parent_callers == 2  # caller 1 once, caller 2 once
    assert (child.version, parent.version) == (2, 2)
    assert (receipt.followers_moved, receipt.parent_reference) == (1, parent.reference)
    marked, linked = uow.stored.events
    assert (marked.kind, marked.from_value, marked.to_value, marked.public) == (
        MARKED_DUPLICATE,
        "in_queue",
        parent.reference,
        True,
    )
    assert (linked.kind, linked.request_id, linked.to_value, linked.actor) == (
        DUPLICATE_LINKED,
        PARENT,
        child.reference,
        "s1",
    )
    assert {c.request_id for c in receipt.changes().changes} == {CHILD, PARENT}


def test_a_finished_duplicate_keeps_when_it_was_resolved() -> None:
    earlier = OPENED
    uow = _pair(status=Status.RESOLVED, resolved_at=earlier, first_action_at=earlier)
    _mark(uow)
    child = uow.stored.requests[CHILD]
    assert (child.status, child.resolved_at, child.closed_at) == (Status.CLOSED, earlier, NOW)


@pytest.mark.parametrize("status", list(Status), ids=str)
def test_the_lifecycle_closes_a_duplicate_from_every_status(status: Status) -> None:
    assert close_as_duplicate(status) is Status.CLOSED


def test_a_closed_parent_takes_the_duplicate() -> None:
    """The picker offers requests closed within a year: a problem fixed since is the parent."""
    uow = FakeDuplicateUnitOfWork(
        request(PARENT, status=Status.CLOSED, closure_reason=ClosureReason.FIXED),
        request(CHILD),
    )
    _mark(uow)
    assert uow.stored.requests[CHILD].parent_id == PARENT


@pytest.mark.parametrize("who", [OPERATOR, DISPATCHER], ids=["operator", "dispatcher"])
def test_marking_a_duplicate_is_refused_before_anything_is_read(who: StaffIdentity) -> None:
    uow = _pair()
    with pytest.raises(NotPermittedError, match="only supervisors and admins can mark a case"):
        _mark(uow, who)
    assert not uow.entered and _untouched(uow)
    _mark(uow, ADMIN)
    assert uow.stored.requests[CHILD].closure_reason is ClosureReason.DUPLICATE


def test_a_request_is_not_its_own_duplicate() -> None:
    uow = _pair()
    with pytest.raises(LinkRefusedError, match="cannot be a duplicate of itself"):
        _mark(uow, duplicate=CHILD, parent=CHILD)
    assert not uow.entered and _untouched(uow)


def test_a_loop_is_refused() -> None:
    """The parent is, through its own parent, a duplicate of the request being marked."""
    middle = 15
    uow = FakeDuplicateUnitOfWork(
        request(PARENT),
        request(middle, parent_id=CHILD),
        request(CHILD),
    )
    with pytest.raises(LinkRefusedError, match="would make a loop"):
        _mark(uow, duplicate=CHILD, parent=middle)
    assert _untouched(uow)


def test_a_request_already_closed_as_a_duplicate_stays_with_its_parent() -> None:
    uow = _pair(status=Status.CLOSED, closure_reason=ClosureReason.DUPLICATE, parent_id=PARENT)
    other = 30
    uow.stored.requests[other] = request(other)
    with pytest.raises(LinkRefusedError, match="already a duplicate of BOS-26-000010"):
        _mark(uow, duplicate=CHILD, parent=other)
    assert _untouched(uow)


def test_a_parent_closed_as_a_duplicate_is_refused_with_the_one_to_use() -> None:
    root = 5
    uow = FakeDuplicateUnitOfWork(
        request(root),
        request(
            PARENT, status=Status.CLOSED, closure_reason=ClosureReason.DUPLICATE, parent_id=root
        ),
        request(CHILD),
    )
    with pytest.raises(LinkRefusedError, match="link to BOS-26-000005 instead"):
        _mark(uow)
    assert _untouched(uow)


def test_a_stale_duplicate_is_refused_with_what_changed() -> None:
    uow = _pair(version=2)
    with pytest.raises(StaleRequestError, match="BOS-26-000020 changed since it was shown"):
        _mark(uow)
    assert uow.commits == 0 and uow.stored.requests[CHILD].status is Status.IN_QUEUE


def test_a_parent_that_is_gone_is_refused() -> None:
    uow = FakeDuplicateUnitOfWork(request(CHILD))
    with pytest.raises(RequestNotFoundError, match="Request 10 does not exist"):
        _mark(uow)
    assert _untouched(uow)


# Submitted although duplicates were shown


def test_submitting_as_new_names_the_candidates_passed_over() -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT), request(CHILD))
    record_submit_as_new(uow, RecordSubmitAsNew(CHILD, (PARENT, PARENT, 99, CHILD)), OPERATOR, NOW)
    (event,) = uow.stored.events
    assert (event.request_id, event.kind, event.to_value, event.actor) == (
        CHILD,
        SUBMITTED_DESPITE_DUPLICATE,
        "BOS-26-000010",
        "o1",
    )
    assert event.data == {"shown": [{"id": PARENT, "reference": "BOS-26-000010"}]}


def test_submitting_as_new_needs_the_new_request() -> None:
    uow = FakeDuplicateUnitOfWork(request(PARENT))
    with pytest.raises(RequestNotFoundError):
        record_submit_as_new(uow, RecordSubmitAsNew(CHILD, (PARENT,)), OPERATOR, NOW)
    assert uow.stored.events == []
