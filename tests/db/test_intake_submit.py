"""Submitting a call stores one routed, numbered request with its history, or nothing."""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from operator_console.domain.caller import Caller
from operator_console.domain.intake import Attachment, IntakeDraft, Location
from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.intake.submission import (
    IntakeReceipt,
    IntakeRejectedError,
    Submission,
    submit,
)
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    callers,
    notification_outbox,
    reference_counters,
    request_events,
    request_followers,
    service_requests,
)
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.staff import OPERATOR1, SUPERVISOR1

BACK_BAY = (42.3504, -71.0867)
MONDAY_NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
NASTY = "O'Brien \"; DROP TABLE service_requests; -- % _ \\ <b>"


def _submit(
    engine: Engine, submission: Submission, staff: StaffIdentity = OPERATOR1
) -> IntakeReceipt:
    """The call submitted as `staff` at a console does it, on Monday at noon."""
    return submit(lambda: SqlIntakeUnitOfWork(engine), submission, staff, MONDAY_NOON)


def _streetlight(**changes: object) -> Submission:
    draft = IntakeDraft(
        caller=Caller("Ana", "Lopes", "617 555 0142", "ana@example.org"),
        location=Location(*BACK_BAY, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
        description="Three lights out in a row.",
    )
    fields = {"client_uuid": str(uuid.uuid4()), "draft": draft} | changes
    return Submission(**fields)  # type: ignore[arg-type]


def _with_photos(*photos: tuple[str, bytes]) -> Submission:
    """The street light call with these photos (file name, content) attached."""
    draft = replace(
        _streetlight().draft,
        attachments=tuple(Attachment(name, len(content), content[:16]) for name, content in photos),
    )
    return Submission(str(uuid.uuid4()), draft, "phone", tuple(c for _name, c in photos))


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_a_call_becomes_a_routed_request_with_history(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    receipt = _submit(engine, _streetlight())
    assert receipt.created and receipt.reference.startswith("BOS-26-")
    assert receipt.due_at is not None and receipt.due_at > MONDAY_NOON
    assert receipt.queue_name and "rule" in receipt.routing_explanation
    with engine.connect() as connection:
        request = connection.execute(
            select(service_requests).where(service_requests.c.id == receipt.request_id)
        ).one()
        events = connection.execute(
            select(request_events.c.kind, request_events.c.actor)
            .where(request_events.c.request_id == receipt.request_id)
            .order_by(request_events.c.id)
        ).all()
        phone = connection.execute(
            select(callers.c.phone).where(callers.c.id == request.caller_id)
        ).scalar_one()
        outbox = (
            connection.execute(
                select(notification_outbox.c.recipient).where(
                    notification_outbox.c.request_id == receipt.request_id
                )
            )
            .scalars()
            .all()
        )
    assert (request.status, request.district_id is not None) == ("in_queue", True)
    assert request.answers == {"lights_out": "several"}
    assert [tuple(e) for e in events] == [("created", "operator1"), ("routed", "operator1")]
    assert phone == "+16175550142"
    assert outbox == ["ana@example.org"]


def test_a_retry_never_creates_a_second_request(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    submission = _streetlight()
    before = _count(engine, service_requests)
    first = _submit(engine, submission)
    again = _submit(engine, submission)
    assert (again.reference, again.created) == (first.reference, False)
    assert _count(engine, service_requests) == before + 1


def test_two_consoles_sending_the_same_call_at_once_store_it_once(demo_pg_url: str) -> None:
    engine = make_engine(demo_pg_url)
    submission = _streetlight()
    barrier = threading.Barrier(2)
    receipts = []

    def send() -> None:
        barrier.wait()
        receipts.append(_submit(engine, submission))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(receipts) == 2
    assert len({receipt.reference for receipt in receipts}) == 1
    assert sorted(receipt.created for receipt in receipts) == [False, True]
    with engine.connect() as connection:
        stored = connection.execute(
            select(func.count()).where(service_requests.c.client_uuid == submission.client_uuid)
        ).scalar_one()
    assert stored == 1


def test_a_rejected_call_writes_nothing(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    counts = [_count(engine, t) for t in (service_requests, callers, reference_counters)]
    draft = _streetlight().draft
    bad = _streetlight(draft=IntakeDraft(draft.caller, draft.location, draft.service_code, {}, ""))
    with pytest.raises(IntakeRejectedError) as rejected:
        _submit(engine, bad)
    assert [p.field for p in rejected.value.problems] == ["answers.lights_out"]
    assert [_count(engine, t) for t in (service_requests, callers, reference_counters)] == counts


def test_a_staff_only_service_is_refused_to_an_operator_and_filed_by_a_supervisor(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    draft = replace(
        _streetlight().draft, service_code="pothole-repair-internal", answers={"size": "small"}
    )
    counts = [_count(engine, t) for t in (service_requests, callers, reference_counters)]
    with pytest.raises(NotPermittedError, match="only supervisors and admins can file"):
        _submit(engine, Submission(str(uuid.uuid4()), draft))
    assert [_count(engine, t) for t in (service_requests, callers, reference_counters)] == counts
    receipt = _submit(engine, Submission(str(uuid.uuid4()), draft), SUPERVISOR1)
    assert receipt.created
    engine.dispose()


def test_quotes_and_sql_metacharacters_are_stored_as_typed(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    draft = IntakeDraft(
        caller=Caller(NASTY, NASTY, "", ""),
        location=Location(*BACK_BAY, NASTY),
        service_code="street-light-outages",
        answers={"lights_out": "one", "pole_number": NASTY},
        description=NASTY,
    )
    receipt = _submit(engine, Submission(str(uuid.uuid4()), draft))
    with engine.connect() as connection:
        row = connection.execute(
            select(service_requests).where(service_requests.c.id == receipt.request_id)
        ).one()
        name = connection.execute(
            select(callers.c.name).where(callers.c.id == row.caller_id)
        ).scalar_one()
        followers = connection.execute(
            select(func.count())
            .select_from(request_followers)
            .where(request_followers.c.request_id == row.id)
        ).scalar_one()
    assert (row.address, row.description, row.answers["pole_number"]) == (NASTY, NASTY, NASTY)
    assert name == f"{NASTY} {NASTY}"
    assert followers == 1


def test_a_pin_in_the_ocean_still_submits_without_a_district(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    draft = _streetlight().draft
    ocean = IntakeDraft(
        draft.caller, Location(42.33, -70.90, ""), draft.service_code, draft.answers
    )
    receipt = _submit(engine, Submission(str(uuid.uuid4()), ocean))
    with engine.connect() as connection:
        district = connection.execute(
            select(service_requests.c.district_id).where(
                service_requests.c.id == receipt.request_id
            )
        ).scalar_one()
    assert district is None
    assert "no rule matched" in receipt.routing_explanation or receipt.queue_name


def test_photos_are_stored_with_the_request(demo_db_url: str) -> None:
    from operator_console.storage.db.tables import attachments

    engine = make_engine(demo_db_url)
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    receipt = _submit(engine, _with_photos(("pole.png", photo)))
    with engine.connect() as connection:
        stored = connection.execute(
            select(attachments).where(attachments.c.request_id == receipt.request_id)
        ).one()
    assert (stored.filename, stored.content_type, stored.size_bytes) == (
        "pole.png",
        "image/png",
        len(photo),
    )
    assert bytes(stored.content) == photo


def test_a_photo_gets_a_small_thumbnail_the_case_screen_reads(demo_db_url: str) -> None:
    from io import BytesIO

    from PIL import Image

    from operator_console.storage.cases.detail import SqlCaseDetailReader

    engine = make_engine(demo_db_url)
    picture = BytesIO()
    Image.effect_noise((1200, 800), 60).convert("RGB").save(picture, "PNG")
    big = picture.getvalue()
    unreadable = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # an image type, no image inside
    assert len(big) > 200_000
    photos = _with_photos(("pole.png", big), ("odd.png", unreadable))
    receipt = _submit(engine, photos)
    with SqlCaseDetailReader(engine) as reader:
        record = reader.case_record(receipt.request_id)
    assert record is not None
    first, second = record.photos
    assert first.thumbnail is not None and len(first.thumbnail) < 40_000
    with Image.open(BytesIO(first.thumbnail)) as thumbnail:
        assert (thumbnail.format, thumbnail.size) == ("JPEG", (192, 128))
    assert second.thumbnail == unreadable  # small enough to be shown itself
    engine.dispose()
