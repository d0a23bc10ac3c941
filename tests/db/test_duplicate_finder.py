"""Live duplicate candidates and adding a caller to an existing request, on the demo city."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from operator_console.domain.caller import Caller
from operator_console.services.duplicates.finder import (
    CALLER_ADDED,
    SUBMITTED_DESPITE_DUPLICATE,
    LinkRefusedError,
    StaleRequestError,
)
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    callers,
    notification_outbox,
    request_events,
    request_followers,
    service_requests,
    services,
)
from tests.support.duplicates import (
    ANA,
    BEN,
    HARBOR,
    PHOTO,
    VEHICLES,
    VEHICLES_NAME,
    count,
    duplicate_desk,
    events,
    follower_ids,
    newest_open_request,
    offset,
    request_row,
    submit_call,
    unknown_location,
)
from tests.support.staff import OPERATOR2, OPERATOR3, SUPERVISOR1


def test_a_pin_near_a_real_open_request_offers_it_with_a_reason(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    existing = newest_open_request(engine)
    lat, lon = offset(existing.lat, existing.lon, north_m=30)
    views = duplicate_desk(engine).candidates(VEHICLES, lat, lon, "", "")
    assert 1 <= len(views) <= 5
    found = next(v for v in views if v.reference == existing.reference)
    assert found.request_id == existing.id and found.version == existing.version
    assert 28 <= found.distance_m <= 32
    assert str(found.reason).startswith(f"{round(found.distance_m)} m away, same category")
    assert found.service_name == VEHICLES_NAME
    assert found.status == "in_queue" and found.callers == 1
    assert [v.score for v in views] == sorted((v.score for v in views), reverse=True)


def test_the_location_unknown_point_neither_gets_nor_gives_candidates(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    unknown = unknown_location(engine)
    r = service_requests.c
    with engine.connect() as connection:
        code, stored_there = connection.execute(
            select(services.c.code, r.id)
            .join(services, services.c.id == r.service_id)
            .where(r.lat == unknown[0], r.lon == unknown[1], r.status == "in_queue")
            .order_by(r.id)
            .limit(1)
        ).one()
    finder = duplicate_desk(engine)
    assert finder.candidates(code, *unknown, "", "") == []
    near = finder.candidates(code, *offset(*unknown, north_m=40), "", "")
    assert stored_there not in {v.request_id for v in near}
    assert all((round(v.lat, 4), round(v.lon, 4)) != unknown for v in near)


def test_a_service_with_duplicate_detection_off_gets_no_candidates(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    existing = newest_open_request(engine)
    pin = offset(existing.lat, existing.lon, east_m=20)
    assert duplicate_desk(engine).candidates(VEHICLES, *pin, "", "")
    with engine.begin() as connection:
        connection.execute(
            update(services).where(services.c.code == VEHICLES).values(dup_enabled=False)
        )
    assert duplicate_desk(engine).candidates(VEHICLES, *pin, "", "") == []


def test_a_candidate_brings_its_first_photo_and_the_start_of_its_description(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    long_text = "Grey van with flat tyres, " + "untouched for weeks and weeks, " * 10
    submit_call(engine, ANA, *HARBOR, long_text.strip(), photo=PHOTO)
    (view,) = duplicate_desk(engine).candidates(VEHICLES, *HARBOR, "", "")
    assert view.thumbnail == PHOTO
    assert len(view.description_start) <= 120 and view.description_start.endswith("…")
    assert str(view.age_text).endswith("min")


def test_adding_the_caller_leaves_one_request_with_two_callers(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    first = submit_call(engine, ANA, *HARBOR, "Grey van with flat tyres, untouched for weeks.")
    finder = duplicate_desk(engine, OPERATOR2)
    views = finder.candidates(VEHICLES, *offset(*HARBOR, north_m=12), "grey van flat tyres", "")
    assert [v.reference for v in views] == [first.reference]
    requests_before = count(engine, service_requests)

    receipt = finder.attach_caller(views[0].request_id, views[0].version, BEN)

    assert (receipt.reference, receipt.callers, receipt.service_name) == (
        first.reference,
        2,
        VEHICLES_NAME,
    )
    assert (receipt.queue_name, receipt.due_at) == (first.queue_name, first.due_at)
    assert count(engine, service_requests) == requests_before
    stored = request_row(engine, first.request_id)
    assert (stored.callers_count, stored.version) == (2, views[0].version + 1)
    assert len(follower_ids(engine, first.request_id)) == 2
    assert events(engine, first.request_id)[-1] == (CALLER_ADDED, "2", "operator2")
    assert receipt.changes().changes[0].version == stored.version


def test_a_known_phone_number_reuses_the_caller_row(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    existing = newest_open_request(engine)
    first = submit_call(engine, ANA, *HARBOR)
    callers_before = count(engine, callers)
    same_person = Caller("Ana", "Lopes", "(617) 555-0142", "ana@example.org")
    finder = duplicate_desk(engine, OPERATOR2)
    receipt = finder.attach_caller(existing.id, existing.version, same_person)
    assert count(engine, callers) == callers_before
    ana_id = request_row(engine, first.request_id).caller_id
    assert follower_ids(engine, existing.id) == [ana_id]
    assert receipt.callers == existing.callers_count + 1
    with engine.connect() as connection:
        mailed = connection.execute(
            select(notification_outbox.c.recipient, notification_outbox.c.subject).where(
                notification_outbox.c.request_id == existing.id
            )
        ).one()
    assert mailed.recipient == "ana@example.org" and existing.reference in mailed.subject
    again = finder.attach_caller(existing.id, receipt.version, same_person)
    assert again.already_following and again.callers == receipt.callers
    assert follower_ids(engine, existing.id) == [ana_id]


def test_a_stale_version_is_refused_and_nothing_is_written(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    first = submit_call(engine, ANA, *HARBOR)
    finder = duplicate_desk(engine, OPERATOR2)
    shown = finder.candidates(VEHICLES, *HARBOR, "", "")[0]
    finder.attach_caller(shown.request_id, shown.version, BEN)
    history = count(engine, request_events)
    followers = count(engine, request_followers)

    late = Caller("Cy", "Ng", "617 555 0123", "")
    with pytest.raises(StaleRequestError) as stale:
        duplicate_desk(engine, OPERATOR3).attach_caller(shown.request_id, shown.version, late)

    assert first.reference in str(stale.value) and "changed" in str(stale.value)
    assert stale.value.current.callers == 2
    assert stale.value.current.version == shown.version + 1
    assert "caller added by operator2" in stale.value.current.recent_events
    assert request_row(engine, first.request_id).callers_count == 2
    assert (count(engine, request_events), count(engine, request_followers)) == (
        history,
        followers,
    )


def test_submitting_as_new_records_the_passed_over_candidates(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    first = submit_call(engine, ANA, *HARBOR)
    second = submit_call(engine, BEN, *offset(*HARBOR, east_m=15))
    duplicate_desk(engine).record_submit_as_new(second.request_id, [first.request_id])
    assert events(engine, second.request_id)[-1] == (
        SUBMITTED_DESPITE_DUPLICATE,
        first.reference,
        "operator1",
    )


def test_the_parent_picker_offers_any_status_within_1000_m(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    child = submit_call(engine, ANA, *HARBOR)
    near_open = submit_call(engine, BEN, *offset(*HARBOR, north_m=300))
    closed = submit_call(engine, BEN, *offset(*HARBOR, north_m=800))
    too_far = submit_call(engine, BEN, *offset(*HARBOR, north_m=1200))
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            update(service_requests)
            .where(service_requests.c.id == closed.request_id)
            .values(status="closed", closure_reason="fixed", resolved_at=now, closed_at=now)
        )
    picked = duplicate_desk(engine, SUPERVISOR1).parent_candidates(child.request_id)
    assert {v.reference: v.status for v in picked} == {
        near_open.reference: "in_queue",
        closed.reference: "closed",
    }
    assert too_far.reference not in {v.reference for v in picked}
    assert all(v.distance_m <= 1000 for v in picked)


def test_a_refused_link_writes_nothing(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    first = submit_call(engine, ANA, *HARBOR)
    finder = duplicate_desk(engine, SUPERVISOR1)
    version = request_row(engine, first.request_id).version
    with pytest.raises(LinkRefusedError, match="itself"):
        finder.mark_duplicate(first.request_id, first.request_id, version, "")
    assert request_row(engine, first.request_id).version == version
