"""Duplicate candidates: distances, eligibility, ranking, reasons and the FixMyStreet rule."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from operator_console.domain.duplicates import (
    BOSTON_CITY_HALL,
    CandidateInput,
    DuplicateSettings,
    ExistingRequest,
    bounding_box,
    fms_rule_candidates,
    haversine_m,
    is_available_at,
    is_unknown_location,
    score_candidates,
    score_match,
)

NOW = datetime(2015, 6, 1, 12, 0)
LAT, LON = 42.3504, -71.0867  # 29 Hereford St, Back Bay
METRES_PER_DEG_LAT = 111_195.0


def north(metres: float) -> float:
    return LAT + metres / METRES_PER_DEG_LAT


def existing(
    id: str = "1",
    *,
    code: str = "Graffiti Removal",
    group: str = "Graffiti",
    metres_north: float = 0.0,
    lat: float | None = None,
    lon: float = LON,
    opened: timedelta = timedelta(hours=2),
    closed: timedelta | None = None,
    callers: int = 1,
    address: str = "29 Hereford St",
    description: str = "",
) -> ExistingRequest:
    """A request opened `opened` before NOW (and closed `closed` before NOW, if given)."""
    return ExistingRequest(
        id=id,
        reference=f"BOS-{id}",
        service_code=code,
        service_group=group,
        lat=north(metres_north) if lat is None else lat,
        lon=lon,
        address=address,
        description=description,
        status="open" if closed is None else "closed",
        opened_at=NOW - opened,
        closed_at=None if closed is None else NOW - closed,
        callers=callers,
    )


def new_request(**changes: object) -> CandidateInput:
    base = CandidateInput(
        service_code="Graffiti Removal",
        service_group="Graffiti",
        lat=LAT,
        lon=LON,
        address="29 Hereford St",
        duplicate_rate=0.1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


SHOW_ALL = DuplicateSettings(min_score=0.0)


def test_haversine_matches_known_distances() -> None:
    assert haversine_m(0, 0, 1, 0) == pytest.approx(111_195, rel=1e-4)
    assert haversine_m(0, 0, 0, 1) == pytest.approx(111_195, rel=1e-4)
    city_hall_to_back_bay = haversine_m(*BOSTON_CITY_HALL, LAT, LON)
    # 0.0090 deg north (1,001 m) and 0.0280 deg west (2,301 m at this latitude)
    assert city_hall_to_back_bay == pytest.approx(math.hypot(1_001, 2_301), rel=0.002)
    assert haversine_m(LAT, LON, *BOSTON_CITY_HALL) == pytest.approx(city_hall_to_back_bay)
    assert haversine_m(LAT, LON, LAT, LON) == 0.0


@pytest.mark.parametrize("lat", [-60.0, 0.0, 42.35, 71.0])
def test_bounding_box_holds_every_point_within_the_radius(lat: float) -> None:
    box = bounding_box(lat, 10.0, 250.0)
    for bearing in range(0, 360, 15):
        # a point ~249 m away in this direction, by a local flat-earth step
        dlat = 249 * math.cos(math.radians(bearing)) / METRES_PER_DEG_LAT
        dlon = (
            249
            * math.sin(math.radians(bearing))
            / (METRES_PER_DEG_LAT * math.cos(math.radians(lat)))
        )
        assert haversine_m(lat, 10.0, lat + dlat, 10.0 + dlon) < 250
        assert box.min_lat <= lat + dlat <= box.max_lat
        assert box.min_lon <= 10.0 + dlon <= box.max_lon
    assert box.max_lat - box.min_lat < 2 * 260 / METRES_PER_DEG_LAT


def test_unknown_location_is_the_city_hall_pin_only() -> None:
    assert is_unknown_location(42.3594, -71.0587)
    assert not is_unknown_location(42.3595, -71.0588)  # City Hall Plaza: a real place
    assert not is_unknown_location(42.3594, -71.0587, unknown=None)
    assert is_unknown_location(40.0, -70.0, unknown=(40.0, -70.0))


def test_nearest_same_category_open_request_ranks_first_with_a_reason() -> None:
    near = existing("near", metres_north=38, callers=3, address="31 Hereford St")
    far = existing("far", metres_north=200, address="1 Newbury St")
    group_only = existing("group", code="PWD Graffiti", metres_north=5, address="Hereford")
    found = score_candidates(new_request(), [far, group_only, near], SHOW_ALL, NOW)
    assert [c.request.id for c in found] == ["near", "group", "far"]
    assert str(found[0].reason) == "38 m away, same category, opened 2 h ago, 3 callers"
    assert str(found[1].reason).startswith("5 m away, same group (Graffiti)")
    assert found[0].distance_m == pytest.approx(38, abs=0.5)
    assert 0 < found[-1].score < found[0].score < 1


def test_only_what_existed_at_that_moment_is_a_candidate() -> None:
    window = DuplicateSettings(min_score=0.0, window_days=30)
    later = existing("later", opened=-timedelta(hours=1))
    closed_recently = existing("recent", opened=timedelta(days=20), closed=timedelta(days=3))
    closed_long_ago = existing("old", opened=timedelta(days=90), closed=timedelta(days=45))
    closed_after_now = existing("reopened", opened=timedelta(days=2), closed=-timedelta(days=1))
    found = score_candidates(
        new_request(), [later, closed_recently, closed_long_ago, closed_after_now], window, NOW
    )
    assert {c.request.id for c in found} == {"recent", "reopened"}
    assert "closed 3 d ago" in next(str(c.reason) for c in found if c.request.id == "recent")
    no_closed = replace(window, include_closed=False)
    assert not is_available_at(closed_recently, NOW, no_closed)
    assert is_available_at(closed_after_now, NOW, no_closed)  # still open at NOW


def test_radius_category_and_switches_limit_the_candidates() -> None:
    others = [
        existing("beyond", metres_north=260),
        existing("other group", code="Street Light Outages", group="Street Lights"),
        existing("pinless", lat=BOSTON_CITY_HALL[0], lon=BOSTON_CITY_HALL[1]),
    ]
    assert score_candidates(new_request(), others, SHOW_ALL, NOW) == []
    many = [existing(str(i), metres_north=i * 10) for i in range(8)]
    assert len(score_candidates(new_request(), many, SHOW_ALL, NOW)) == 5
    assert score_candidates(new_request(), many, replace(SHOW_ALL, enabled=False), NOW) == []
    unknown = new_request(lat=BOSTON_CITY_HALL[0], lon=BOSTON_CITY_HALL[1])
    assert score_candidates(unknown, many, SHOW_ALL, NOW) == []
    itself = existing("me")
    assert score_candidates(new_request(id="me"), [itself], SHOW_ALL, NOW) == []


def test_min_score_hides_weak_candidates_and_the_badge_needs_a_strong_one() -> None:
    settings = DuplicateSettings()
    weak = existing("weak", metres_north=240, opened=timedelta(days=300), address="elsewhere")
    assert score_candidates(new_request(duplicate_rate=0.005), [weak], settings, NOW) == []
    strong = existing("strong", callers=3)
    [candidate] = score_candidates(new_request(duplicate_rate=0.3), [strong], settings, NOW)
    assert candidate.likely_duplicate
    [plain] = score_candidates(new_request(duplicate_rate=0.01), [strong], settings, NOW)
    assert not plain.likely_duplicate


def test_each_signal_moves_the_score_the_expected_way() -> None:
    settings = DuplicateSettings()
    base = existing()
    plain = score_match(new_request(), base, 10, NOW, settings)
    assert score_match(new_request(), base, 100, NOW, settings) < plain
    assert score_match(new_request(duplicate_rate=0.3), base, 10, NOW, settings) > plain
    assert score_match(new_request(address="2 Other St"), base, 10, NOW, settings) < plain
    assert score_match(new_request(), replace(base, callers=4), 10, NOW, settings) > plain
    older = replace(base, opened_at=NOW - timedelta(days=60))
    assert score_match(new_request(), older, 10, NOW, settings) < plain
    closed = replace(base, status="closed", closed_at=NOW - timedelta(days=1))
    assert score_match(new_request(), closed, 10, NOW, settings) < plain
    group_only = replace(base, service_code="PWD Graffiti")
    assert score_match(new_request(), group_only, 10, NOW, settings) < plain


def test_descriptions_count_only_when_they_say_more_than_the_category() -> None:
    settings = DuplicateSettings()
    tag = "blue tag on the mailbox at the corner"
    alike = existing(description="big blue tag painted on mailbox at corner")
    unlike = existing(description="pink mural on school fence")
    label_only = existing(description="Graffiti Removal")
    asked = new_request(description=tag)
    baseline = score_match(new_request(), existing(), 10, NOW, settings)
    assert score_match(asked, alike, 10, NOW, settings) > baseline
    assert score_match(asked, unlike, 10, NOW, settings) < baseline
    assert score_match(asked, label_only, 10, NOW, settings) == pytest.approx(baseline)


def test_fms_rule_is_same_category_open_250_m_five_nearest_no_time_window() -> None:
    pool = [existing(f"n{i}", metres_north=i * 40) for i in range(7)]
    pool += [
        existing("ancient", metres_north=1, opened=timedelta(days=700)),
        existing("closed", closed=timedelta(hours=1)),
        existing("group", code="PWD Graffiti"),
        existing("far", metres_north=255),
    ]
    found = fms_rule_candidates(new_request(), pool, NOW)
    assert [c.request.id for c in found] == ["n0", "ancient", "n1", "n2", "n3"]
    assert [c.distance_m for c in found] == sorted(c.distance_m for c in found)
    assert found[0].score == pytest.approx(1.0) and not found[0].likely_duplicate
    pinless = new_request(lat=BOSTON_CITY_HALL[0], lon=BOSTON_CITY_HALL[1])
    assert fms_rule_candidates(pinless, pool, NOW) == []


def test_the_verdict_agrees_with_what_the_operator_sees() -> None:
    # Street lights: Boston closes about 1 in 100 as duplicates, so an open report at the very
    # same address, 10 days old, scores near 5 %. The card must not read that as "different".
    lights = new_request(service_code="Street Light Outages", duplicate_rate=0.01)
    same_place = existing(code="Street Light Outages", opened=timedelta(days=10))
    (found,) = score_candidates(lights, [same_place], DuplicateSettings(), NOW)
    assert 0.03 < found.score < 0.08 and not found.likely_duplicate
    assert (found.same_category, found.same_address, found.is_open) == (True, True, True)
    assert found.duplicate_rate == 0.01
    assert found.verdict == "same_place"

    other_address = replace(same_place, address="31 Hereford St")
    (nearby,) = score_candidates(lights, [other_address], SHOW_ALL, NOW)
    assert not nearby.same_address and nearby.verdict == "maybe"

    graffiti = score_candidates(new_request(duplicate_rate=0.3), [existing()], SHOW_ALL, NOW)
    assert graffiti[0].likely_duplicate and graffiti[0].verdict == "likely"

    closed = existing(opened=timedelta(days=5), closed=timedelta(days=1))
    (gone,) = score_candidates(new_request(duplicate_rate=0.3), [closed], SHOW_ALL, NOW)
    assert not gone.is_open and gone.verdict == "closed"

    group_only = existing(code="PWD Graffiti")
    (related,) = score_candidates(new_request(duplicate_rate=0.01), [group_only], SHOW_ALL, NOW)
    assert not related.same_category and related.verdict == "maybe"
