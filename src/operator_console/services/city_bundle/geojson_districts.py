"""District files: GeoJSON outlines, reprojected to longitude/latitude and checked."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from operator_console.services.city_bundle.csv_files import Problems
from operator_console.services.city_bundle.district_crs import (
    DistrictCrs,
    Transform,
    district_crs,
    looks_like_lon_lat,
)
from operator_console.services.city_bundle.json_places import array_item_places
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
MAX_NAMES_SHOWN = 12
_FEATURES = re.compile(r'"features"\s*:\s*\[')


@dataclass(frozen=True)
class LayerFile:
    """A district file as read: its layer's districts (none when unusable) and its CRS."""

    file: str
    layer: DistrictLayer
    crs: DistrictCrs = field(default_factory=DistrictCrs)


@dataclass(frozen=True)
class _Feature:
    document: Any
    line: int | None
    column: int | None


def read_layer(spec: LayerSpec, text: str, problems: Problems) -> LayerFile:
    """The layer's districts; each problem names the file and, where known, the feature's line."""
    file = spec.file
    nothing = LayerFile(file, DistrictLayer(spec.layer, ()))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(file, exc.lineno, exc.colno, f"not JSON: {exc.msg}")
        return nothing
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        problems.add(file, 1, 1, "not a GeoJSON FeatureCollection")
        return nothing
    features = document.get("features")
    if not isinstance(features, list) or not features:
        problems.add(file, 1, 1, "the FeatureCollection has no features")
        return nothing
    crs = district_crs(spec, document, problems)
    if crs is None:
        return nothing
    located = _located_features(text, features)
    if crs.to_lon_lat is None and not looks_like_lon_lat(features):
        first = located[0]
        problems.add(file, first.line, first.column, crs.projected_coordinates_problem())
        return LayerFile(file, DistrictLayer(spec.layer, ()), crs)
    if _no_feature_has_codes(spec, located, problems):
        return LayerFile(file, DistrictLayer(spec.layer, ()), crs)
    districts: list[District] = []
    seen: dict[str, int | None] = {}
    for index, feature in enumerate(located):
        district = _district(spec, index, feature, crs.to_lon_lat, problems)
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
    if spec.name_property and districts:
        _warn_of_missing_names(spec, spec.name_property, located, problems)
    return LayerFile(file, DistrictLayer(spec.layer, tuple(districts)), crs)


def _located_features(text: str, features: list[Any]) -> list[_Feature]:
    """Each feature with the line and column where it starts in the text, when they can be told."""
    found = _FEATURES.search(text)
    places = None if found is None else array_item_places(text, found.end(), len(features))
    if places is None:
        return [_Feature(feature, None, None) for feature in features]
    return [
        _Feature(feature, line, column)
        for feature, (line, column) in zip(features, places, strict=True)
    ]


def _no_feature_has_codes(spec: LayerSpec, located: list[_Feature], problems: Problems) -> bool:
    """True, with one problem rather than one per feature, when no feature has the code
    property (the manifest names the wrong one)."""
    if len(located) < 2:
        return False
    if any(spec.code_property in _properties(feature.document) for feature in located):
        return False
    first = located[0]
    problems.add(
        spec.file,
        first.line,
        first.column,
        f"none of the {len(located)} features has a {spec.code_property!r} property (the "
        f"manifest's code_property); feature 1 {_has_words(_properties(first.document))}",
    )
    return True


def _warn_of_missing_names(
    spec: LayerSpec, name_property: str, located: list[_Feature], problems: Problems
) -> None:
    """Features without the manifest's name_property are named after their code: a warning."""
    lacking = [
        (index, feature)
        for index, feature in enumerate(located)
        if name_property not in _properties(feature.document)
    ]
    if not lacking:
        return
    index, first = lacking[0]
    problems.warn(
        spec.file,
        first.line,
        first.column,
        f"{len(lacking)} of {len(located)} features have no {name_property!r} property "
        f"(the manifest's name_property) and are named {_default_name(spec, '<code>')!r}; "
        f"feature {index + 1} {_has_words(_properties(first.document))}",
    )


def _district(
    spec: LayerSpec, index: int, feature: _Feature, transform: Transform | None, problems: Problems
) -> District | None:
    def problem(message: str) -> None:
        problems.add(spec.file, feature.line, feature.column, f"feature {index + 1}: {message}")

    document = feature.document
    if not isinstance(document, dict) or document.get("type") != "Feature":
        problem("not a GeoJSON Feature")
        return None
    properties = _properties(document)
    code = _property_text(properties, spec.code_property)
    if not code:
        problem(
            f"no {spec.code_property!r} property (the manifest's code_property); "
            f"it {_has_words(properties)}"
        )
        return None
    if len(code) > MAX_CODE_CHARS:
        problem(f"district code {code!r} is longer than {MAX_CODE_CHARS} characters")
        return None
    name = _property_text(properties, spec.name_property) if spec.name_property else ""
    name = name or _default_name(spec, code)
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


def _properties(feature: Any) -> dict[str, Any]:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    return properties if isinstance(properties, dict) else {}


def _has_words(properties: dict[str, Any]) -> str:
    """ "has DISTRICT, NAME" or "has no properties", for a message."""
    names = [str(name) for name in properties]
    if not names:
        return "has no properties"
    shown = ", ".join(names[:MAX_NAMES_SHOWN])
    return f"has {shown}{', ...' if len(names) > MAX_NAMES_SHOWN else ''}"


def _default_name(spec: LayerSpec, code: str) -> str:
    return f"{spec.layer.replace('_', ' ').capitalize()} {code}"


def _property_text(properties: dict[str, Any], key: str) -> str:
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
