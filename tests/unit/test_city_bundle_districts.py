"""District files in a state-plane projection are read back as longitude/latitude."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import mapping, shape

from operator_console.services.city_bundle.problems import BundleInvalid
from operator_console.services.city_bundle.reader import read_bundle
from tests.support.city_bundles import (
    SMALL_CITY_TOML,
    csv_text,
    feature_collection,
    write_small_bundle,
)
from tests.support.data import BOSTON_WARDS

MASSACHUSETTS_FEET = "EPSG:2249"  # NAD83 / Massachusetts Mainland, US survey feet


def boston_wards() -> list[dict[str, Any]]:
    features: list[dict[str, Any]] = json.loads(BOSTON_WARDS.read_text(encoding="utf-8"))[
        "features"
    ]
    return features


def projected_wards() -> list[dict[str, Any]]:
    """Boston's ward outlines projected to Massachusetts state plane, in feet."""
    to_feet = pyproj.Transformer.from_crs("EPSG:4326", MASSACHUSETTS_FEET, always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(to_feet.transform(xy[:, 0], xy[:, 1]))

    return [
        {
            "type": "Feature",
            "properties": {"WARD": feature["properties"]["WARD"]},
            "geometry": mapping(shapely.transform(shape(feature["geometry"]), project)),
        }
        for feature in boston_wards()
    ]


def boston_manifest(crs_line: str = "") -> str:
    manifest = SMALL_CITY_TOML.replace('name_property = "NAME"\n', f"{crs_line}\n")
    return manifest.replace("map_center = [39.7817, -89.6501]", "map_center = [42.3601, -71.0589]")


def boston_addresses() -> str:
    """Three address points in Boston's wards."""
    rows = [
        ("1", "City Hall Sq", "", "02201", 42.3603, -71.0577, "Boston"),
        ("4", "Jersey St", "", "02215", 42.3467, -71.0972, "Boston"),
        ("2300", "Washington St", "", "02119", 42.3288, -71.0846, "Boston"),
    ]
    return csv_text(("number", "street", "unit", "zip", "lat", "lon", "locality"), rows)


def projected_boston_bundle(folder: Path, crs_member: str | None, manifest_crs: str) -> Path:
    """The small bundle with Boston's wards in feet, their CRS in the file's `crs` member or
    in city.toml (or neither)."""
    members = (
        {} if crs_member is None else {"crs": {"type": "name", "properties": {"name": crs_member}}}
    )
    return write_small_bundle(
        folder,
        city_toml=boston_manifest(manifest_crs),
        districts_wards_geojson=feature_collection(projected_wards(), **members),
        routing_csv=routing_in_boston(),
        addresses_csv=boston_addresses(),
    )


def routing_in_boston() -> str:
    return "queue\nPWD_STREETS\n"


@pytest.mark.parametrize(
    ("crs_member", "manifest_crs"),
    [
        ("urn:ogc:def:crs:EPSG::2249", ""),
        ("EPSG:2249", ""),
        (None, 'crs = "EPSG:2249"'),
    ],
)
def test_wards_in_massachusetts_state_plane_read_back_as_the_originals(
    tmp_path: Path, crs_member: str | None, manifest_crs: str
) -> None:
    folder = projected_boston_bundle(tmp_path / "boston", crs_member, manifest_crs)

    [layer] = read_bundle(folder).layers

    originals = {
        str(feature["properties"]["WARD"]): shape(feature["geometry"]) for feature in boston_wards()
    }
    assert [district.code for district in layer.districts] == list(originals)
    for district in layer.districts:
        original, read = originals[district.code], shape(district.geometry)
        if original.is_valid:
            difference = shapely.get_coordinates(original) - shapely.get_coordinates(read)
            assert np.abs(difference).max() < 1e-6, district.code
        else:
            assert read.is_valid
            assert abs(read.area - original.area) < 1e-3 * original.area, district.code
        assert shapely.hausdorff_distance(shapely.make_valid(original), read) < 1e-6, district.code
        assert district.name == f"Ward {district.code}"


def test_the_same_wards_without_their_crs_are_refused(tmp_path: Path) -> None:
    folder = write_small_bundle(
        tmp_path / "boston",
        city_toml=boston_manifest(),
        districts_wards_geojson=feature_collection(projected_wards()),
        routing_csv=routing_in_boston(),
        addresses_csv=boston_addresses(),
    )

    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)

    [problem] = refused.value.problems
    assert (problem.file, problem.line, problem.column) == ("districts/wards.geojson", 3, 1)
    assert problem.message.startswith("coordinates look projected (feet or metres)")


@pytest.mark.parametrize(
    ("crs_member", "manifest_crs", "where"),
    [
        ("EPSG:4326", "", 'the file\'s "crs" member'),
        (None, 'crs = "EPSG:4326"', "city.toml's crs for this layer"),
    ],
)
def test_wards_in_feet_declared_as_longitude_latitude_are_told_the_crs_does_not_match(
    tmp_path: Path, crs_member: str | None, manifest_crs: str, where: str
) -> None:
    folder = projected_boston_bundle(tmp_path / "boston", crs_member, manifest_crs)

    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)

    assert [str(problem) for problem in refused.value.problems] == [
        f"districts/wards.geojson:{3 if crs_member is None else 4}:1: the declared CRS "
        f"EPSG:4326, WGS 84 ({where}) does not match the coordinates, which look projected "
        "(feet or metres): declare instead the CRS the file was exported in, as EPSG:<number> "
        "(its state-plane zone, say)"
    ]


def test_a_feature_without_the_code_property_is_told_the_properties_it_has(
    tmp_path: Path,
) -> None:
    features = boston_wards()[:3]
    features[1]["properties"] = {"DISTRICT": "2", "NAME": "Two"}
    folder = write_small_bundle(
        tmp_path / "boston",
        city_toml=boston_manifest('name_property = "NAME"'),
        districts_wards_geojson=feature_collection(features),
        routing_csv=routing_in_boston(),
        addresses_csv=boston_addresses(),
    )

    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)

    assert [str(problem) for problem in refused.value.problems] == [
        "districts/wards.geojson:4:1: feature 2: no 'WARD' property (the manifest's "
        "code_property); it has DISTRICT, NAME"
    ]


def test_wards_without_the_name_property_are_a_warning_naming_the_properties_they_have(
    tmp_path: Path,
) -> None:
    folder = write_small_bundle(
        tmp_path / "boston",
        city_toml=boston_manifest('name_property = "WARD_NAME"'),
        districts_wards_geojson=feature_collection(boston_wards()),
        routing_csv=routing_in_boston(),
        addresses_csv=boston_addresses(),
    )

    bundle = read_bundle(folder)

    assert str(bundle.warnings[0]) == (
        "districts/wards.geojson:3:1: 22 of 22 features have no 'WARD_NAME' property (the "
        "manifest's name_property) and are named 'Ward <code>'; feature 1 has "
        + ", ".join(boston_wards()[0]["properties"])
    )
    assert bundle.layers[0].districts[0].name == "Ward 1"
