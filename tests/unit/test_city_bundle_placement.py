"""Districts far from the map's centre, and address points in no district, are told apart."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import mapping, shape

from operator_console.services.city_bundle.problems import BundleInvalid
from operator_console.services.city_bundle.reader import read_bundle
from tests.support.city_bundles import (
    csv_text,
    feature_collection,
    small_addresses,
    small_files,
    write_small_bundle,
)

ILLINOIS_WEST_FEET = "EPSG:3436"  # NAD83 / Illinois West (ftUS): Springfield's zone
ILLINOIS_EAST_FEET = "EPSG:3435"  # NAD83 / Illinois East (ftUS)


def small_wards_in(crs: str, *, declared: str) -> str:
    """The small bundle's wards projected to `crs`, saying they are in `declared`."""
    to_crs = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(to_crs.transform(xy[:, 0], xy[:, 1]))

    features = json.loads(small_files()["districts/wards.geojson"])["features"]
    for feature in features:
        feature["geometry"] = mapping(shapely.transform(shape(feature["geometry"]), project))
    return feature_collection(features, crs={"type": "name", "properties": {"name": declared}})


def test_districts_in_the_wrong_state_plane_zone_away_from_centre_and_points_are_refused(
    tmp_path: Path,
) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        districts_wards_geojson=small_wards_in(ILLINOIS_WEST_FEET, declared=ILLINOIS_EAST_FEET),
    )

    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)

    # The address points lie in no district too, but that follows from the districts' CRS.
    [problem] = [str(problem) for problem in refused.value.problems]
    assert problem.startswith(
        "districts/wards.geojson: no district is within 50 km of city.toml's map_center "
        "[39.7817, -89.6501], around which most address points lie (the nearest district is "
    )
    assert problem.endswith(
        " km away): the districts' CRS is likely wrong (declared EPSG:3435, NAD83 / Illinois "
        "East (ftUS))"
    )


def test_districts_far_from_the_centre_of_a_city_without_address_points_are_a_warning(
    tmp_path: Path,
) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        districts_wards_geojson=small_wards_in(ILLINOIS_WEST_FEET, declared=ILLINOIS_EAST_FEET),
        addresses_csv=None,
    )

    [warning] = [str(warning) for warning in read_bundle(folder).warnings]

    assert warning.endswith(
        " km away): the districts' CRS may be wrong (declared EPSG:3435, NAD83 / Illinois East "
        "(ftUS)), or map_center is not in the city"
    )


def test_the_same_districts_declared_in_their_own_zone_are_not_warned_of(tmp_path: Path) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        districts_wards_geojson=small_wards_in(ILLINOIS_WEST_FEET, declared=ILLINOIS_WEST_FEET),
    )

    assert read_bundle(folder).warnings == ()


def test_districts_without_a_crs_written_latitude_first_are_far_from_the_map_centre(
    tmp_path: Path,
) -> None:
    features = json.loads(small_files()["districts/wards.geojson"])["features"]
    for feature in features:
        rings = feature["geometry"]["coordinates"]
        feature["geometry"]["coordinates"] = [[[y, x] for x, y in ring] for ring in rings]
    folder = write_small_bundle(
        tmp_path / "b", districts_wards_geojson=feature_collection(features)
    )

    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)

    [problem] = [str(problem) for problem in refused.value.problems]
    assert "the districts' CRS is likely wrong (none declared, so read as longitude/latitude)" in (
        problem
    )


def test_address_points_with_latitude_and_longitude_swapped_are_refused(tmp_path: Path) -> None:
    swapped = small_addresses().replace(",lat,lon,", ",lon,lat,", 1)
    folder = write_small_bundle(tmp_path / "b", addresses_csv=swapped)

    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)

    assert [str(problem) for problem in refused.value.problems] == [
        "addresses.csv:1: 20 of 20 address points lie in no district of layer 'ward', but 20 "
        "would with lat and lon exchanged: latitude and longitude may be swapped (check the "
        "header's lat and lon columns)"
    ]


def test_address_points_mostly_beyond_the_districts_are_a_warning(tmp_path: Path) -> None:
    rows = [("1", "Main St", "39.77", "-89.69")] + [
        (str(number), "Far Rd", "40.9", f"-{88 + number / 100}") for number in range(2, 5)
    ]
    folder = write_small_bundle(
        tmp_path / "b", addresses_csv=csv_text(("number", "street", "lat", "lon"), rows)
    )

    bundle = read_bundle(folder)

    assert [str(warning) for warning in bundle.warnings] == [
        "addresses.csv: 3 of 4 address points lie in no district of layer 'ward' "
        "(districts/wards.geojson) and will have none: latitude and longitude may be wrong "
        "(they must be WGS 84 degrees), or the points reach beyond the city"
    ]
    assert len(bundle.addresses) == 4


def test_a_few_address_points_beyond_the_districts_are_not_warned_of(tmp_path: Path) -> None:
    rows = [("1", "Main St", "39.77", "-89.69"), ("2", "Far Rd", "40.9", "-88.0")]
    folder = write_small_bundle(
        tmp_path / "b", addresses_csv=csv_text(("number", "street", "lat", "lon"), rows)
    )

    assert read_bundle(folder).warnings == ()
