"""Point-in-district lookup on Boston's real ward outlines and on hand-made squares."""

from __future__ import annotations

import json
from typing import Any

import pytest

from operator_console.domain.geo import DistrictIndex, point_in_districts
from tests.support.data import BOSTON_WARDS as WARDS


@pytest.fixture(scope="module")
def wards() -> dict[str, Any]:
    return dict(json.loads(WARDS.read_text(encoding="utf-8")))


def _square(west: float, south: float, size: float) -> dict[str, Any]:
    ring = [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def test_back_bay_is_in_ward_5(wards: dict[str, Any]) -> None:
    assert point_in_districts(42.3504, -71.0867, wards) == "5"


def test_the_harbour_is_in_no_ward(wards: dict[str, Any]) -> None:
    assert point_in_districts(42.33, -70.90, wards) is None


def test_one_index_answers_many_points(wards: dict[str, Any]) -> None:
    index = DistrictIndex(wards)
    assert len(index.names) == 22
    assert index.district_at(42.3504, -71.0867) == "5"
    assert index.district_at(42.33, -70.90) is None
    assert index.district_at(42.3601, -71.0589) is not None  # City Hall Plaza


def test_the_district_is_named_by_the_first_property_it_has() -> None:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": "N1", "name": "North"},
                "geometry": _square(0.0, 1.0, 1.0),
            },
            {
                "type": "Feature",
                "properties": {"name": "South"},
                "geometry": _square(0.0, 0.0, 1.0),
            },
            {"type": "Feature", "id": 7, "properties": None, "geometry": _square(1.0, 0.0, 1.0)},
            {"type": "Feature", "properties": {}, "geometry": None},
        ],
    }
    assert point_in_districts(1.5, 0.5, collection) == "N1"
    assert point_in_districts(0.5, 0.5, collection) == "South"
    assert point_in_districts(0.5, 1.5, collection) == "7"
    assert point_in_districts(1.5, 0.5, collection, keys=("name",)) == "North"
    assert point_in_districts(1.0, 0.5, collection) == "N1"  # shared edge: the first listed
    assert point_in_districts(5.0, 5.0, collection) is None
