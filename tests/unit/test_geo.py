"""Point-in-district lookup on Boston's real ward outlines and on hand-made squares."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from operator_console.domain.geo import DistrictOutlines
from tests.support.data import BOSTON_WARDS as WARDS

BACK_BAY = (42.3504, -71.0867)
HARBOUR = (42.33, -70.90)
CITY_HALL_PLAZA = (42.3601, -71.0589)


@pytest.fixture(scope="module")
def wards() -> tuple[list[str], DistrictOutlines]:
    features: list[dict[str, Any]] = json.loads(WARDS.read_text(encoding="utf-8"))["features"]
    codes = [str(feature["properties"]["WARD"]) for feature in features]
    return codes, DistrictOutlines(feature["geometry"] for feature in features)


def _square(west: float, south: float, size: float) -> dict[str, Any]:
    ring = [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def test_back_bay_is_in_ward_5(wards: tuple[list[str], DistrictOutlines]) -> None:
    codes, outlines = wards
    found = outlines.district_at(*BACK_BAY)
    assert found is not None and codes[found] == "5"


def test_the_harbour_is_in_no_ward(wards: tuple[list[str], DistrictOutlines]) -> None:
    assert wards[1].district_at(*HARBOUR) is None


def test_many_points_at_once_agree_with_one_at_a_time(
    wards: tuple[list[str], DistrictOutlines],
) -> None:
    codes, outlines = wards
    assert len(outlines) == 22
    points = [BACK_BAY, HARBOUR, CITY_HALL_PLAZA]
    found = outlines.districts_at([lat for lat, _ in points], [lon for _, lon in points])
    assert found == [outlines.district_at(lat, lon) for lat, lon in points]
    assert found[0] is not None and codes[found[0]] == "5"
    assert found[1] is None and found[2] is not None
    assert outlines.districts_at([], []) == []


def test_a_shared_boundary_belongs_to_the_first_outline_given() -> None:
    north, south = _square(0.0, 1.0, 1.0), _square(0.0, 0.0, 1.0)
    outlines = DistrictOutlines([north, south, _square(1.0, 0.0, 1.0)])
    assert outlines.district_at(1.5, 0.5) == 0
    assert outlines.district_at(0.5, 0.5) == 1
    assert outlines.district_at(0.5, 1.5) == 2
    assert outlines.district_at(1.0, 0.5) == 0  # the edge north and south share
    assert DistrictOutlines([south, north]).district_at(1.0, 0.5) == 0
    assert outlines.district_at(0.0, 0.5) == 1  # south's outer edge is south's
    assert outlines.district_at(5.0, 5.0) is None


def test_an_invalid_outline_is_repaired_first() -> None:
    bow_tie = {"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}
    outlines = DistrictOutlines([bow_tie])
    assert outlines.district_at(1.0, 0.2) == 0  # in the left wing
    assert outlines.district_at(1.0, 1.8) == 0  # in the right wing
    assert outlines.district_at(0.2, 1.0) is None  # below the crossing


SHARED_BY_THREADS = """
import json, sys, threading
import numpy as np
from operator_console.domain.geo import DistrictOutlines
features = json.loads(open(sys.argv[1], encoding="utf-8").read())["features"]
rng = np.random.default_rng(7)
lats, lons = rng.uniform(42.23, 42.40, 5000).tolist(), rng.uniform(-71.19, -70.99, 5000).tolist()
expected = DistrictOutlines(f["geometry"] for f in features).districts_at(lats, lons)
for _ in range(40):
    outlines = DistrictOutlines(f["geometry"] for f in features)
    answers = []
    threads = [
        threading.Thread(target=lambda: answers.append(outlines.districts_at(lats, lons)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [expected] * 4, "a thread read another answer"
"""


def test_threads_sharing_the_outlines_get_the_same_answers_and_do_not_crash() -> None:
    """The history import's lanes share one set of outlines; their first lookups at once once
    corrupted GEOS's memory and aborted the process, so the lookups run in a child process."""
    child = subprocess.run(
        [sys.executable, "-c", SHARED_BY_THREADS, str(WARDS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
