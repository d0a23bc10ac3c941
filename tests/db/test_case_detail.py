"""The case screen's read model on the demo city: fields, answers, photos, history, links, SLA."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update

from operator_console.domain.lifecycle import Status
from operator_console.services.cases.actions import add_note, assign_cases
from operator_console.services.cases.commands import AddNote, AssignCases, CaseRef
from operator_console.services.cases.detail import CaseDetail, case_detail
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import attachments, service_requests
from tests.support.case_calls import PHOTO, submit_streetlight
from tests.support.staff import DISPATCHER1

MONDAY_NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
r = service_requests.c


def _detail(engine: Engine, request_id: int, now: datetime) -> CaseDetail:
    detail = case_detail(SqlCaseDetailReader(engine), request_id, now)
    assert detail is not None
    return detail


def test_a_new_call_shows_every_field_answer_photo_and_caller(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    request_id = submit_streetlight(engine, MONDAY_NOON)
    with engine.begin() as connection:
        connection.execute(
            update(attachments)
            .where(attachments.c.request_id == request_id)
            .values(thumbnail=b"small")
        )
    detail = _detail(engine, request_id, MONDAY_NOON + timedelta(hours=1))
    case, record = detail.record.state, detail.record
    assert (case.status, case.service.name, case.location.address) == (
        Status.IN_QUEUE,
        "Street Light Outages",
        "29 Hereford St",
    )
    assert case.queue is not None and case.district is not None and record.department
    assert (record.description, record.channel, record.created_by) == (
        "Three lights out in a row.",
        "phone",
        "operator1",
    )
    assert [(a.question, a.answer) for a in detail.answers] == [
        ("How many lights are out?", "Several in a row"),
        ("Number on the pole's metal tag", "N0012002"),
    ]
    [photo] = record.photos
    assert (photo.file_name, photo.size_bytes, photo.thumbnail) == (
        "pole.png",
        len(PHOTO),
        b"small",
    )
    with SqlCaseDetailReader(engine) as reader:
        assert reader.photo_content(photo.attachment_id) == PHOTO
    [caller] = record.callers
    assert (caller.name, caller.phone, caller.reporter) == ("Ana Lopes", "+16175550142", True)
    assert caller.following_since == MONDAY_NOON
    assert [(e.kind, e.public, e.actor_name) for e in record.timeline] == [
        ("created", True, "Maria Alvarez"),
        ("routed", False, "Maria Alvarez"),
    ]
    assert (detail.sla.due_at, detail.sla.state, detail.sla.finished) == (
        case.due_at,
        "on_time",
        False,
    )
    assert detail.version == 1 and record.parent is None and record.duplicates == ()


def test_the_timeline_shows_each_action_who_why_and_for_whom(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    request_id = submit_streetlight(engine, MONDAY_NOON)
    later = MONDAY_NOON + timedelta(hours=2)
    note = AddNote(CaseRef(request_id, 1), "Crew booked for Tuesday.", public=True)
    add_note(SqlCaseUnitOfWork(engine), note, DISPATCHER1, later)
    reassign = AssignCases((CaseRef(request_id, 2),), "Nearest crew", staff_login="dispatcher2")
    assign_cases(SqlCaseUnitOfWork(engine), reassign, DISPATCHER1, later)
    detail = _detail(engine, request_id, later)
    note_entry, assigned_entry = detail.record.timeline[-2:]
    assert (note_entry.kind, note_entry.reason, note_entry.public) == (
        "note",
        "Crew booked for Tuesday.",
        True,
    )
    assert (assigned_entry.actor_name, assigned_entry.reason, assigned_entry.public) == (
        "Denise Walsh",
        "Nearest crew",
        False,
    )
    assert assigned_entry.to_value is not None and "Marcus Johnson" in assigned_entry.to_value
    assert detail.version == 3 and detail.record.state.first_action_at == later


def test_duplicates_link_both_ways_and_a_finished_case_shows_if_it_was_on_time(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    with engine.connect() as connection:
        child_id, parent_id = connection.execute(
            select(r.id, r.parent_id)
            .where(r.parent_id.is_not(None), r.due_at.is_not(None))
            .order_by(r.id)
            .limit(1)
        ).one()
    child = _detail(engine, child_id, MONDAY_NOON)
    parent = _detail(engine, parent_id, MONDAY_NOON)
    assert child.record.parent is not None and child.record.parent.id == parent_id
    assert child.record.state.merged_into == parent.record.state.reference
    assert child_id in [linked.id for linked in parent.record.duplicates]
    assert child.sla.finished and child.sla.state in ("on_time", "breached")
    assert child.sla.measured_at == child.record.state.resolved_at
    assert child.record.timeline[-1].kind == "closed"


def test_an_overdue_open_case_is_breached_and_a_missing_one_is_none(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    with engine.connect() as connection:
        request_id, due = connection.execute(
            select(r.id, r.due_at)
            .where(r.status == "in_queue", r.due_at.is_not(None))
            .order_by(r.id)
            .limit(1)
        ).one()
    assert _detail(engine, request_id, due + timedelta(minutes=1)).sla.state == "breached"
    assert case_detail(SqlCaseDetailReader(engine), 10**9, MONDAY_NOON) is None
