"""Boston's 22 wards as simplified polygons, and which ward a point lies in."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from operator_console.domain.geo import DistrictOutlines

SIMPLIFY_TOLERANCE_DEGREES = 0.0002
COORDINATE_DECIMALS = 5


@dataclass(frozen=True)
class Ward:
    """One ward: code "5", name "Ward 5", GeoJSON geometry (lon/lat) and bounding box."""

    code: str
    name: str
    geometry: dict[str, Any]
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float


def load_wards(path: Path) -> list[Ward]:
    """The wards of a GeoJSON FeatureCollection with a WARD property, simplified, by number."""
    collection = json.loads(path.read_text(encoding="utf-8"))
    wards = []
    for feature in collection["features"]:
        number = int(feature["properties"]["WARD"])
        simplified = shape(feature["geometry"]).simplify(
            SIMPLIFY_TOLERANCE_DEGREES, preserve_topology=True
        )
        rounded = shapely.set_precision(simplified, 10**-COORDINATE_DECIMALS)
        min_lon, min_lat, max_lon, max_lat = rounded.bounds
        wards.append(
            Ward(
                code=str(number),
                name=f"Ward {number}",
                geometry=_rounded_geojson(mapping(rounded)),
                min_lat=min_lat,
                min_lon=min_lon,
                max_lat=max_lat,
                max_lon=max_lon,
            )
        )
    return sorted(wards, key=lambda ward: int(ward.code))


def _rounded_geojson(geometry: Any) -> dict[str, Any]:
    def round_coordinates(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, COORDINATE_DECIMALS)
        if isinstance(value, list | tuple):
            return [round_coordinates(item) for item in value]
        return value

    return {"type": geometry["type"], "coordinates": round_coordinates(geometry["coordinates"])}


class WardLocator:
    """Which ward a point lies in, on the same simplified polygons the database will hold, by
    the console's own rule (`domain.geo`)."""

    def __init__(self, wards: Sequence[Ward]) -> None:
        self._codes = [ward.code for ward in wards]
        self._outlines = DistrictOutlines(ward.geometry for ward in wards)

    def wards_at(self, lats: Sequence[float], lons: Sequence[float]) -> list[str]:
        """The ward code for each point ("" outside every ward), first match wins."""
        found = self._outlines.districts_at(lats, lons)
        return ["" if position is None else self._codes[position] for position in found]
