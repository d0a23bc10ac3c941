"""Which moments a resident hears of, what each tells, and "Reply by" refused without a phone."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location, validate_draft
from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.services.cases.notices import resident_moment
from operator_console.services.cases.rules import Outcome
from operator_console.services.messages.book import default_book
from operator_console.services.messages.followers import messages_for
from operator_console.services.messages.model import MessageFacts, MessageKind, Recipient
from tests.support.case_fakes import LIGHTS, NOW, case

DUE = NOW + timedelta(days=2)
CASE = case(due_at=DUE)


def _outcome(kind: str, public: bool = True, **after: object) -> Outcome:
    return Outcome(replace(CASE, **after), kind, None, None, "Said.", public)  # type: ignore[arg-type]


def test_public_notes_send_and_internal_ones_do_not() -> None:
    assert resident_moment(CASE, _outcome("note", public=False)) is None
    moment = resident_moment(CASE, _outcome("note"))
    assert moment is not None
    kind, facts = moment
    assert (kind, facts.note, facts.reference) == (MessageKind.PUBLIC_NOTE, "Said.", CASE.reference)


def test_a_resolution_tells_its_reason_its_note_and_the_earlier_report() -> None:
    resolved = _outcome(
        "resolved",
        status=Status.RESOLVED,
        closure_reason=ClosureReason.DUPLICATE,
        closure_note="Same pothole.",
        merged_into="BOS-26-000007",
    )
    moment = resident_moment(CASE, resolved)
    assert moment is not None
    kind, facts = moment
    assert kind is MessageKind.RESOLVED
    assert (facts.closure_reason, facts.note, facts.parent_reference) == (
        "duplicate",
        "Same pothole.",
        "BOS-26-000007",
    )


def test_work_starting_and_reopening_send_and_other_moves_do_not() -> None:
    started = resident_moment(CASE, _outcome("status_changed", status=Status.IN_PROGRESS))
    assert started is not None and started[0] is MessageKind.WORK_STARTED
    reopened = resident_moment(CASE, _outcome("reopened"))
    assert reopened is not None and reopened[0] is MessageKind.REOPENED
    assert reopened[1].note == "Said."
    assigned = _outcome("status_changed", status=Status.ASSIGNED)
    assert resident_moment(CASE, assigned) is None
    for quiet in ("assigned", "status_call", "closed"):
        assert resident_moment(CASE, _outcome(quiet, public=False, queue=LIGHTS)) is None


def test_a_new_expected_date_sends_the_old_and_the_new() -> None:
    later = DUE + timedelta(days=3)
    moment = resident_moment(CASE, _outcome("rerouted", public=False, due_at=later))
    assert moment is not None
    kind, facts = moment
    assert (kind, facts.previous_expected_at, facts.expected_at) == (
        MessageKind.EXPECTED_DATE_CHANGED,
        DUE,
        later,
    )
    same_date = _outcome("priority_changed", public=False, priority=Priority.HIGH)
    assert resident_moment(CASE, same_date) is None


def test_each_follower_gets_one_message_in_their_language_and_way() -> None:
    followers = [
        Recipient(1, email="lucia@example.org", language="es"),
        Recipient(1, email="lucia@example.org", language="es"),  # read twice: told once
        Recipient(2, phone="+16175550199", preferred_channel="sms"),
        Recipient(3, email="quiet@example.org", no_messages=True),
        Recipient(4),  # nowhere to send
    ]
    facts = MessageFacts("BOS-26-000100", "Pothole", "Streets", expected_at=DUE)
    messages = messages_for(
        default_book(),
        MessageKind.RECEIVED,
        facts,
        followers,
        request_id=100,
        time_zone="America/New_York",
    )
    assert [(m.caller_id, m.channel.value, m.language) for m in messages] == [
        (1, "email", "es"),
        (2, "sms", "en"),
    ]
    assert messages[1].subject == "" and len({m.idempotency_key for m in messages}) == 2


def test_reply_by_text_message_needs_a_phone_number() -> None:
    draft = IntakeDraft(
        caller=Caller("Ana", "Silva", "", "ana@example.org", "en", "sms"),
        location=Location(42.3603, -71.0580, "1 City Hall Sq", district_code="3"),
        service_code="GRAFFITI",
        description="Tags on the wall.",
    )
    [problem] = validate_draft(draft, {"GRAFFITI": ()}, "US")
    assert problem.field == "caller.reply_by" and "phone number" in str(problem.message)
    with_phone = replace(draft, caller=replace(draft.caller, phone="617-635-4500"))
    assert validate_draft(with_phone, {"GRAFFITI": ()}, "US") == []
    quiet = replace(draft, caller=replace(draft.caller, preferred_channel=None, no_messages=True))
    assert validate_draft(quiet, {"GRAFFITI": ()}, "US") == []
