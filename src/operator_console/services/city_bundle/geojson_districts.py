"""District files: GeoJSON outlines, reprojected to longitude/latitude and checked."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyproj
import shapely
from numpy.typing import NDArray
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from operator_console.services.city_bundle.csv_files import Problems
from operator_console.services.city_bundle.manifest import LayerSpec
from operator_console.services.city_bundle.model import District, DistrictLayer

MAX_CODE_CHARS = 40
MAX_NAME_CHARS = 200
# An outline with more points than this is simplified (to about a metre) before it is stored.
MAX_OUTLINE_POINTS = 20_000
SIMPLIFY_DEGREES = 1e-5
# A repair that changes a district's area by more than this share changed its shape.
REPAIR_AREA_TOLERANCE = 1e-3
COORDINATE_DECIMALS = 7
_POLYGONAL = frozenset({"Polygon", "MultiPolygon"})
_FEATURES = re.compile(r'"features"\s*:\s*\[')
Transform = Callable[[NDArray[np.float64]], NDArray[np.float64]]


@dataclass(frozen=True)
class _Feature:
    document: Any
    line: int | None
    column: int | None


def read_layer(spec: LayerSpec, text: str, problems: Problems) -> DistrictLayer:
    """The layer's districts; each problem names the file and, where known, the feature's line."""
    file = spec.file
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(file, exc.lineno, exc.colno, f"not JSON: {exc.msg}")
        return DistrictLayer(spec.layer, ())
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        problems.add(file, 1, 1, "not a GeoJSON FeatureCollection")
        return DistrictLayer(spec.layer, ())
    features = document.get("features")
    if not isinstance(features, list) or not features:
        problems.add(file, 1, 1, "the FeatureCollection has no features")
        return DistrictLayer(spec.layer, ())
    usable, transform = _transform(spec, document, problems)
    if not usable:
        return DistrictLayer(spec.layer, ())
    located = list(_located_features(text, features))
    if transform is None and not _looks_like_lon_lat(located):
        first = located[0]
        problems.add(
            file,
            first.line,
            first.column,
            "coordinates look projected (feet or metres): give the file's CRS in a "
            '"crs" member, or crs = "EPSG:...." in its [[districts]] table in city.toml',
        )
        return DistrictLayer(spec.layer, ())
    districts: list[District] = []
    seen: dict[str, int | None] = {}
    for index, feature in enumerate(located):
        district = _district(spec, index, feature, transform, problems)
        if district is None:
            continue
        if district.code in seen:
            problems.add(
                file,
                feature.line,
                feature.column,
                f"district {district.code!r} appears twice (first at line {seen[district.code]})",
            )
            continue
        seen[district.code] = feature.line
        districts.append(district)
    return DistrictLayer(spec.layer, tuple(districts))


def _transform(
    spec: LayerSpec, document: dict[str, Any], problems: Problems
) -> tuple[bool, Transform | None]:
    """(True, None) for longitude/latitude, (True, a transform to it), or (False, None), with a
    problem recorded, for a CRS that cannot be used."""
    named = _crs_name(document)
    if named is False:
        problems.add(
            spec.file, 1, 1, 'the "crs" member is not {"type": "name", "properties": {"name": ...}}'
        )
        return False, None
    name = named or spec.crs
    if name is None:
        return True, None
    try:
        crs = pyproj.CRS.from_user_input(name)
    except pyproj.exceptions.CRSError:
        given = "the file's" if named else "city.toml's crs for this layer:"
        problems.add(
            spec.file, 1, 1, f"{given} CRS {name!r} is not one pyproj knows (try EPSG:2249)"
        )
        return False, None
    wgs84 = pyproj.CRS.from_epsg(4326)
    if crs.is_geographic and crs.ellipsoid == wgs84.ellipsoid:
        return True, None
    transformer = pyproj.Transformer.from_crs(crs, wgs84, always_xy=True)

    def to_lon_lat(xy: NDArray[np.float64]) -> NDArray[np.float64]:
        lons, lats = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack((lons, lats))

    return True, to_lon_lat


def _crs_name(document: dict[str, Any]) -> str | bool | None:
    if "crs" not in document or document["crs"] is None:
        return None
    crs = document["crs"]
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    return name if isinstance(name, str) and name.strip() else False


def _located_features(text: str, features: list[Any]) -> Iterator[_Feature]:
    """Each feature with the line and column where it starts in the text, when they can be told."""
    starts = _feature_starts(text, len(features))
    if starts is None:
        yield from (_Feature(feature, None, None) for feature in features)
        return
    line, counted_to = 1, 0
    for feature, offset in zip(features, starts, strict=True):
        line += text.count("\n", counted_to, offset)
        counted_to = offset
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        yield _Feature(feature, line, column)


def _feature_starts(text: str, count: int) -> list[int] | None:
    found = _FEATURES.search(text)
    if found is None:
        return None
    decoder = json.JSONDecoder()
    starts: list[int] = []
    position = found.end()
    try:
        while len(starts) < count:
            while text[position] in " \t\r\n,":
                position += 1
            starts.append(position)
            _, position = decoder.raw_decode(text, position)
    except (json.JSONDecodeError, IndexError):
        return None
    return starts


def _looks_like_lon_lat(features: list[_Feature]) -> bool:
    for feature in features:
        geometry = feature.document.get("geometry") if isinstance(feature.document, dict) else None
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if coordinates is None:
            continue
        try:
            points = np.asarray(list(_points(coordinates)), dtype=float)
        except (TypeError, ValueError):
            continue
        if points.size and (np.abs(points[:, 0]).max() > 180 or np.abs(points[:, 1]).max() > 90):
            return False
    return True


def _points(coordinates: Any) -> Iterator[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], int | float):
        yield coordinates[0], coordinates[1]
        return
    for part in coordinates:
        yield from _points(part)


def _district(
    spec: LayerSpec, index: int, feature: _Feature, transform: Transform | None, problems: Problems
) -> District | None:
    def problem(message: str) -> None:
        problems.add(spec.file, feature.line, feature.column, f"feature {index + 1}: {message}")

    document = feature.document
    if not isinstance(document, dict) or document.get("type") != "Feature":
        problem("not a GeoJSON Feature")
        return None
    properties = document.get("properties") or {}
    code = _property_text(properties, spec.code_property)
    if not code:
        problem(f"no {spec.code_property!r} property (the manifest's code_property)")
        return None
    if len(code) > MAX_CODE_CHARS:
        problem(f"district code {code!r} is longer than {MAX_CODE_CHARS} characters")
        return None
    name = _property_text(properties, spec.name_property) if spec.name_property else ""
    name = name or f"{spec.layer.replace('_', ' ').capitalize()} {code}"
    if len(name) > MAX_NAME_CHARS:
        problem(f"district name is longer than {MAX_NAME_CHARS} characters")
        return None
    geometry = document.get("geometry")
    if not isinstance(geometry, dict):
        problem(f"district {code!r} has no geometry")
        return None
    if geometry.get("type") not in _POLYGONAL:
        problem(f"district {code!r} is a {geometry.get('type')}, not a Polygon or MultiPolygon")
        return None
    try:
        outline = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.GEOSException) as exc:
        problem(f"district {code!r} has unreadable coordinates ({exc})")
        return None
    if transform is not None:
        outline = shapely.transform(outline, transform)
    checked = _checked_outline(outline, code, problem)
    if checked is None:
        return None
    return District(code, name, _geometry_dict(checked))


def _property_text(properties: Any, key: str) -> str:
    if not isinstance(properties, dict):
        return ""
    value = properties.get(key)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _checked_outline(
    outline: BaseGeometry, code: str, problem: Callable[[str], None]
) -> BaseGeometry | None:
    if outline.is_empty:
        problem(f"district {code!r} has an empty outline")
        return None
    minx, miny, maxx, maxy = outline.bounds
    if not (minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90):
        problem(f"district {code!r} lies outside longitude/latitude after reprojection")
        return None
    if not outline.is_valid:
        reason = shapely.is_valid_reason(outline)
        repaired = _polygonal_part(shapely.make_valid(outline))
        area = outline.area
        if repaired is None or abs(repaired.area - area) > REPAIR_AREA_TOLERANCE * max(area, 1e-12):
            problem(f"district {code!r} is not a valid polygon ({reason}) and cannot be repaired")
            return None
        outline = repaired
    if shapely.get_num_coordinates(outline) > MAX_OUTLINE_POINTS:
        outline = outline.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    return outline


def _polygonal_part(geometry: BaseGeometry) -> BaseGeometry | None:
    if geometry.geom_type in _POLYGONAL:
        return geometry
    parts = [part for part in getattr(geometry, "geoms", ()) if part.geom_type in _POLYGONAL]
    if not parts:
        return None
    return shapely.union_all(parts)


def _geometry_dict(outline: BaseGeometry) -> dict[str, Any]:
    document = mapping(outline)
    return {
        "type": document["type"],
        "coordinates": _lists(document["coordinates"]),
    }


def _lists(coordinates: Any) -> Any:
    if coordinates and isinstance(coordinates[0], int | float):
        return [round(float(value), COORDINATE_DECIMALS) for value in coordinates[:2]]
    return [_lists(part) for part in coordinates]
