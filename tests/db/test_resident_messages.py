"""Every moment a resident cares about queues a message, in their language and channel."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.cases.actions import add_note, move_cases, reroute_case
from operator_console.services.cases.commands import AddNote, CaseRef, MoveCases, RerouteCase
from operator_console.services.intake.submission import Submission, submit
from operator_console.services.messages.dates import spoken_date
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import notification_outbox, service_requests
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.duplicates import duplicate_desk
from tests.support.staff import DISPATCHER1, OPERATOR1, SUPERVISOR1

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # a Monday, noon in Boston
LIGHTS = "street-light-outages"
VEHICLES = "abandoned-vehicles"
LUCIA = Caller("Lucía", "Ortiz", "617 555 0177", "lucia@example.org", "es", "email")
o = notification_outbox.c


def _submit(engine: Engine, caller: Caller) -> tuple[int, str]:
    draft = IntakeDraft(
        caller=caller,
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code=LIGHTS,
        answers={"lights_out": "several"},
        description="Three lights out in a row.",
    )
    submission = Submission(str(uuid.uuid4()), draft)
    receipt = submit(lambda: SqlIntakeUnitOfWork(engine), submission, OPERATOR1, NOW)
    return receipt.request_id, receipt.reference


def _outbox(engine: Engine, request_id: int) -> list[Any]:
    with engine.connect() as connection:
        return list(
            connection.execute(
                select(notification_outbox).where(o.request_id == request_id).order_by(o.id)
            )
        )


def _version(engine: Engine, request_id: int) -> int:
    r = service_requests.c
    with engine.connect() as connection:
        return int(connection.execute(select(r.version).where(r.id == request_id)).scalar_one())


def _ref(engine: Engine, request_id: int) -> CaseRef:
    return CaseRef(request_id, _version(engine, request_id))


def _resolve(engine: Engine, request_id: int, note: str = "Bulb replaced.") -> None:
    fixed = MoveCases((_ref(engine, request_id),), Status.RESOLVED, note, ClosureReason.FIXED)
    move_cases(SqlCaseUnitOfWork(engine), fixed, SUPERVISOR1, NOW)


def _note(engine: Engine, request_id: int, text: str, public: bool) -> None:
    command = AddNote(_ref(engine, request_id), text, public=public)
    add_note(SqlCaseUnitOfWork(engine), command, DISPATCHER1, NOW)


def test_a_spanish_speaking_caller_is_sent_the_received_message_in_spanish(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    request_id, reference = _submit(engine, LUCIA)
    [row] = _outbox(engine, request_id)
    with engine.connect() as connection:
        request = connection.execute(
            select(service_requests).where(service_requests.c.id == request_id)
        ).one()
    with SqlIntakeUnitOfWork(engine) as uow:
        time_zone = uow.city().time_zone
    assert (row.kind, row.language, row.channel, row.status) == (
        "received",
        "es",
        "email",
        "pending",
    )
    assert (row.recipient, row.reference, row.caller_id) == (
        "lucia@example.org",
        reference,
        request.caller_id,
    )
    assert row.caller_id is not None and row.idempotency_key and row.created_at is not None
    assert reference in row.subject and reference in row.body
    assert request.due_at is not None
    assert spoken_date(request.due_at, "es", time_zone) in row.body
    assert "Recibimos" in row.subject


def test_resolving_sends_the_spanish_resolved_and_an_internal_note_sends_nothing(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    request_id, reference = _submit(engine, LUCIA)
    _note(engine, request_id, "Internal: parts on order.", public=False)
    assert [row.kind for row in _outbox(engine, request_id)] == ["received"]
    _note(engine, request_id, "Crew booked for Tuesday.", public=True)
    _resolve(engine, request_id)
    received, note, resolved = _outbox(engine, request_id)
    assert (note.kind, note.language) == ("public_note", "es")
    assert "Crew booked for Tuesday." in note.body
    assert (resolved.kind, resolved.language, resolved.reference) == ("resolved", "es", reference)
    assert "Bulb replaced." in resolved.body and "Cerramos" in resolved.subject
    assert {row.caller_id for row in (received, note, resolved)} == {received.caller_id}


def test_a_caller_who_wants_no_messages_is_sent_none(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    quiet = Caller("Ana", "Lopes", "617 555 0142", "ana@example.org", "en", None, True)
    request_id, _ = _submit(engine, quiet)
    _note(engine, request_id, "Crew booked for Tuesday.", public=True)
    _resolve(engine, request_id)
    assert _outbox(engine, request_id) == []


def test_a_caller_who_prefers_text_messages_gets_an_sms_row(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    texter = Caller("Ben", "Okafor", "617-555-0199", "ben@example.org", "en", "sms")
    request_id, reference = _submit(engine, texter)
    _resolve(engine, request_id)
    received, resolved = _outbox(engine, request_id)
    for row in (received, resolved):
        assert (row.channel, row.recipient, row.subject) == ("sms", "+16175550199", "")
        assert reference in row.body and row.status == "pending"
    assert (received.kind, resolved.kind) == ("received", "resolved")


def test_two_followers_in_two_languages_each_get_their_own(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    request_id, reference = _submit(engine, LUCIA)
    ana = Caller("Ana", "Lopes", "617 555 0142", "ana@example.org", "en", "email")
    desk = duplicate_desk(engine, clock=lambda: NOW)
    desk.attach_caller(request_id, _version(engine, request_id), ana)
    _note(engine, request_id, "Crew booked for Tuesday.", public=True)
    _, linked, *notes = _outbox(engine, request_id)
    assert (linked.kind, linked.recipient, linked.language) == ("linked", "ana@example.org", "en")
    assert reference in linked.body
    by_language = {row.language: row for row in notes}
    assert {row.kind for row in notes} == {"public_note"} and set(by_language) == {"en", "es"}
    assert by_language["es"].recipient == "lucia@example.org"
    assert by_language["en"].recipient == "ana@example.org"
    assert by_language["es"].body != by_language["en"].body
    keys = [row.idempotency_key for row in _outbox(engine, request_id)]
    assert all(keys) and len(set(keys)) == len(keys) == 4


def test_work_starting_reopening_and_a_new_expected_date_are_told(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    request_id, _ = _submit(engine, LUCIA)
    started = MoveCases((_ref(engine, request_id),), Status.IN_PROGRESS)
    move_cases(SqlCaseUnitOfWork(engine), started, DISPATCHER1, NOW)
    before = _outbox(engine, request_id)
    due_before = _row_due(engine, request_id)
    command = RerouteCase(_ref(engine, request_id), "It is a car, not a light", VEHICLES)
    reroute_case(SqlCaseUnitOfWork(engine), command, SUPERVISOR1, NOW)
    due_after = _row_due(engine, request_id)
    _resolve(engine, request_id)
    reopen = MoveCases((_ref(engine, request_id),), Status.IN_QUEUE, "Still dark at night.")
    move_cases(SqlCaseUnitOfWork(engine), reopen, SUPERVISOR1, NOW)
    kinds = [row.kind for row in _outbox(engine, request_id)]
    moved = ["expected_date_changed"] if due_after not in (None, due_before) else []
    assert kinds == ["received", "work_started", *moved, "resolved", "reopened"]
    assert [row.kind for row in before] == ["received", "work_started"]
    assert "Still dark at night." in _outbox(engine, request_id)[-1].body


def test_a_duplicate_closed_tells_its_followers_the_earlier_reference(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    parent_id, parent_reference = _submit(engine, LUCIA)
    texter = Caller("Ben", "Okafor", "617-555-0199", "ben@example.org", "en", "email")
    child_id, _ = _submit(engine, texter)
    desk = duplicate_desk(engine, SUPERVISOR1, clock=lambda: NOW)
    desk.mark_duplicate(child_id, parent_id, _version(engine, child_id), "Same lights.")
    _, resolved = _outbox(engine, child_id)
    assert (resolved.kind, resolved.recipient) == ("resolved", "ben@example.org")
    assert parent_reference in resolved.body
    assert [row.kind for row in _outbox(engine, parent_id)] == ["received"]


def _row_due(engine: Engine, request_id: int) -> datetime | None:
    r = service_requests.c
    with engine.connect() as connection:
        due = connection.execute(select(r.due_at).where(r.id == request_id)).scalar_one()
    return due if due is None else due.astimezone(UTC)
