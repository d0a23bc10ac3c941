"""District layers: outlines and their bounding boxes, by layer and code."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection

from operator_console.services.city_bundle.model import CityBundle
from operator_console.storage.city_bundle.coded import upsert_by_key
from operator_console.storage.db.tables import districts

DistrictKey = tuple[str, str]


def write_districts(connection: Connection, bundle: CityBundle) -> dict[DistrictKey, int]:
    """Every layer's districts; returns the id of every district by (layer, code)."""
    rows = []
    for layer in bundle.layers:
        for district in layer.districts:
            min_lon, min_lat, max_lon, max_lat = bounding_box(district.geometry)
            rows.append(
                {
                    "layer": layer.layer,
                    "code": district.code,
                    "name": district.name,
                    "geometry": dict(district.geometry),
                    "min_lat": min_lat,
                    "min_lon": min_lon,
                    "max_lat": max_lat,
                    "max_lon": max_lon,
                }
            )
    ids = upsert_by_key(connection, districts, rows, ("layer", "code"))
    return {
        (str(key[0]), str(key[1])): row_id for key, row_id in ids.items() if isinstance(key, tuple)
    }


def bounding_box(geometry: Mapping[str, Any]) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of a Polygon or MultiPolygon."""
    lons, lats = [], []
    for lon, lat in _positions(geometry["coordinates"]):
        lons.append(lon)
        lats.append(lat)
    return min(lons), min(lats), max(lons), max(lats)


def _positions(coordinates: Any) -> Iterator[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], int | float):
        yield float(coordinates[0]), float(coordinates[1])
        return
    for item in coordinates:
        yield from _positions(item)
