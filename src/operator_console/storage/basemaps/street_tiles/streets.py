"""Street centrelines read from a GeoJSON file (plain or gzipped), in Web Mercator units."""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from operator_console.storage.basemaps.street_tiles.style import StreetClass, street_class

Coordinates = npt.NDArray[np.float64]
"""An (n, 2) array of (x, y) in Web Mercator units: 0..1 west to east and north to south."""

_MAX_LATITUDE = 85.0511287798


class StreetsFileError(ValueError):
    """A streets file that cannot be drawn; the message names the file and the feature."""


@dataclass(frozen=True)
class Street:
    """One named line of a street: its name, class and points."""

    name: str
    kind: StreetClass
    points: Coordinates


def mercator(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) in Web Mercator units of a longitude and latitude."""
    lat = max(-_MAX_LATITUDE, min(_MAX_LATITUDE, lat))
    sin = math.sin(math.radians(lat))
    return (lon + 180.0) / 360.0, 0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)


def read_streets(path: Path) -> list[Street]:
    """The lines of a FeatureCollection of LineStrings or MultiLineStrings (lon/lat), each with
    a `name` property and optionally `highway`; features with no name are kept, unlabelled."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            document = json.load(stream)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StreetsFileError(f"{path}: not a readable GeoJSON file ({exc}).") from exc
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise StreetsFileError(f"{path}: not a GeoJSON FeatureCollection.")
    streets: list[Street] = []
    for number, feature in enumerate(document.get("features") or [], start=1):
        streets.extend(_feature_streets(path, number, feature))
    if not streets:
        raise StreetsFileError(f"{path}: no LineString or MultiLineString features.")
    return streets


def _feature_streets(path: Path, number: int, feature: Any) -> list[Street]:
    where = f"{path}: feature {number}"
    geometry = feature.get("geometry") if isinstance(feature, dict) else None
    if not isinstance(geometry, dict):
        raise StreetsFileError(f"{where}: no geometry.")
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "LineString":
        lines = [coordinates]
    elif kind == "MultiLineString":
        lines = list(coordinates or [])
    else:
        return []  # points and polygons are not streets
    properties = feature.get("properties") or {}
    name = str(properties.get("name") or "").strip()
    highway = properties.get("highway")
    style = street_class(highway if isinstance(highway, str) else None)
    streets = []
    for line in lines:
        points = _projected(where, line)
        if len(points) >= 2:
            streets.append(Street(name, style, points))
    return streets


def _projected(where: str, line: Any) -> Coordinates:
    try:
        lonlat = np.asarray(line, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise StreetsFileError(f"{where}: coordinates are not numbers ({exc}).") from exc
    if lonlat.ndim != 2 or lonlat.shape[1] < 2:
        raise StreetsFileError(f"{where}: coordinates are not a list of [lon, lat] positions.")
    lon, lat = lonlat[:, 0], lonlat[:, 1]
    if not (
        np.isfinite(lonlat[:, :2]).all() and (abs(lon) <= 180).all() and (abs(lat) <= 90).all()
    ):
        raise StreetsFileError(
            f"{where}: coordinates are not longitudes and latitudes "
            "(a file in feet or metres must be reprojected to EPSG:4326 first)."
        )
    sin = np.sin(np.radians(np.clip(lat, -_MAX_LATITUDE, _MAX_LATITUDE)))
    x = (lon + 180.0) / 360.0
    y = 0.5 - np.log((1 + sin) / (1 - sin)) / (4 * math.pi)
    return np.column_stack([x, y])
