"""The live finder's pure rules: search boxes, rates, summaries, messages."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.duplicates import (
    UNKNOWN_TOLERANCE_DEG,
    BoundingBox,
    bounding_box,
    is_unknown_location,
)
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.duplicates.finder import (
    AttachReceipt,
    CandidateView,
    RequestSnapshot,
    StaleRequestError,
    describe_changes,
)
from operator_console.services.duplicates.rules import (
    DuplicateCounts,
    ServiceDuplicateSettings,
    age_text,
    boxes_around_unknown,
    description_start,
    duplicate_rate,
    live_settings,
    picker_settings,
)

CITY_HALL = (42.3594, -71.0587)
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def _inside(box: BoundingBox, lat: float, lon: float) -> bool:
    return box.min_lat <= lat <= box.max_lat and box.min_lon <= lon <= box.max_lon


def test_a_box_away_from_the_unknown_point_is_searched_whole() -> None:
    box = bounding_box(42.3504, -71.0867, 250)
    assert boxes_around_unknown(box, CITY_HALL) == [box]
    assert boxes_around_unknown(box, None) == [box]


@given(
    north=st.floats(-240, 240),
    east=st.floats(-240, 240),
    fraction_lat=st.floats(0, 1),
    fraction_lon=st.floats(0, 1),
)
def test_the_unknown_point_is_cut_out_and_nothing_else(
    north: float, east: float, fraction_lat: float, fraction_lon: float
) -> None:
    lat = CITY_HALL[0] + north / 111_320
    lon = CITY_HALL[1] + east / (111_320 * math.cos(math.radians(lat)))
    box = bounding_box(lat, lon, 250)
    parts = boxes_around_unknown(box, CITY_HALL)
    assert 1 <= len(parts) <= 4
    point_lat = box.min_lat + fraction_lat * (box.max_lat - box.min_lat)
    point_lon = box.min_lon + fraction_lon * (box.max_lon - box.min_lon)
    covered = any(_inside(part, point_lat, point_lon) for part in parts)
    assert covered or is_unknown_location(point_lat, point_lon, CITY_HALL)
    if _inside(box, *CITY_HALL):
        assert not any(_inside(part, *CITY_HALL) for part in parts)


def test_the_cut_out_square_is_the_domain_tolerance() -> None:
    parts = boxes_around_unknown(bounding_box(*CITY_HALL, 250), CITY_HALL)
    south, north = parts[0], parts[1]
    assert math.isclose(south.max_lat, CITY_HALL[0] - UNKNOWN_TOLERANCE_DEG)
    assert math.isclose(north.min_lat, CITY_HALL[0] + UNKNOWN_TOLERANCE_DEG)


def test_the_category_rate_moves_from_the_prior_to_its_own_history() -> None:
    empty = DuplicateCounts()
    assert duplicate_rate(empty, empty, 0.015) == 0.015
    city = DuplicateCounts(100_000, 3_000)
    assert math.isclose(duplicate_rate(empty, city, 0.015), (3_000 + 15) / 101_000)
    busy = duplicate_rate(DuplicateCounts(10_000, 1_500), city, 0.015)
    assert 0.14 < busy < 0.15
    thin = duplicate_rate(DuplicateCounts(5, 5), city, 0.015)
    assert 0.2 < thin < 0.3  # five duplicates out of five do not make it certain


def test_settings_follow_the_service_switches() -> None:
    on = ServiceDuplicateSettings(True, 150.0, 14.0, False)
    settings = live_settings(on, CITY_HALL)
    assert (settings.enabled, settings.radius_m, settings.window_days) == (True, 150.0, 14.0)
    assert (settings.include_closed, settings.unknown_location) == (False, CITY_HALL)
    assert not live_settings(ServiceDuplicateSettings(False, 250, 30, True), None).enabled
    assert not live_settings(ServiceDuplicateSettings(True, 0, 30, True), None).enabled
    picker = picker_settings(CITY_HALL)
    assert (picker.radius_m, picker.min_score, picker.include_closed) == (1000.0, 0.0, True)


def test_a_long_description_is_cut_at_a_word() -> None:
    assert description_start("  Car \n parked   on sidewalk ") == "Car parked on sidewalk"
    text = "The grey van " + "with flat tyres " * 20
    start = description_start(text)
    assert len(start) <= 120 and start.endswith("…")
    assert text.startswith(start[:-1]) and not start[:-1].endswith(" ")


def test_ages_read_briefly() -> None:
    def age(elapsed: timedelta) -> str:
        return str(age_text(NOW - elapsed, NOW))

    assert age(timedelta(seconds=20)) == "1 min"
    assert age(timedelta(minutes=44)) == "44 min"
    assert age(timedelta(hours=5, minutes=10)) == "5 h"
    assert age(timedelta(days=3)) == "3 d"
    assert age(timedelta(days=63)) == "9 wk"
    assert age_text(NOW - timedelta(days=3), NOW) == Words("Units", "%1 d", (3,))
    assert age(timedelta(minutes=-5)) == "1 min"  # clocks a little apart


def _view(**changes: object) -> CandidateView:
    fields: dict[str, object] = {
        "request_id": 7,
        "reference": "BOS-26-000007",
        "service_code": "abandoned-vehicles",
        "service_name": "Abandoned Vehicles",
        "address": "12 Main St",
        "lat": 42.35,
        "lon": -71.06,
        "distance_m": 30.0,
        "opened_at": NOW - timedelta(days=2),
        "age_text": QT_TRANSLATE_NOOP("Units", "%1 d").with_values(2),
        "status": "in_queue",
        "callers": 1,
        "description_start": "Grey van",
        "thumbnail": None,
        "score": 0.4,
        "likely_duplicate": True,
        "reason": "30 m away, same category, opened 2 d ago",
        "version": 3,
    } | changes
    return CandidateView(**fields)  # type: ignore[arg-type]


def _now(**changes: object) -> RequestSnapshot:
    fields: dict[str, object] = {
        "request_id": 7,
        "reference": "BOS-26-000007",
        "version": 5,
        "status": "in_queue",
        "callers": 1,
        "closure_reason": None,
        "parent_reference": None,
        "recent_events": (),
    } | changes
    return RequestSnapshot(**fields)  # type: ignore[arg-type]


def test_what_changed_is_said_in_words() -> None:
    merged = _now(status="closed", closure_reason="duplicate", parent_reference="BOS-26-000002")
    assert [str(change) for change in describe_changes(_view(), merged)] == [
        "status in queue → closed",
        "closed as a duplicate of BOS-26-000002",
    ]
    assert [str(change) for change in describe_changes(_view(), _now(callers=3))] == [
        "callers 1 → 3"
    ]
    assert [str(change) for change in describe_changes(_view(), _now())] == ["it was edited"]


def test_the_stale_message_names_the_request_and_its_state() -> None:
    error = StaleRequestError(
        3,
        _now(
            status="closed",
            closure_reason="duplicate",
            parent_reference="BOS-26-000002",
            recent_events=("marked duplicate by sup1",),
        ),
    )
    message = str(error)
    assert message.startswith("BOS-26-000007 changed since it was shown (version 3, now 5)")
    assert "closed as a duplicate of BOS-26-000002" in message
    assert "marked duplicate by sup1" in message


def test_an_attach_receipt_says_what_changed_for_the_bus() -> None:
    receipt = AttachReceipt(7, "BOS-26-000007", "Abandoned Vehicles", "Towing", None, 2, 4, 9)
    (change,) = receipt.changes().changes
    assert (change.request_id, change.queue_id, change.version, change.kind) == (
        7,
        9,
        4,
        "update",
    )
