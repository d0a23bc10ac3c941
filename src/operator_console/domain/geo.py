"""Which district a point lies in, on district outlines given as GeoJSON (lon/lat)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import shapely
from shapely.geometry import shape

DISTRICT_KEYS = ("code", "district_code", "name", "WARD", "ward", "DISTRICT", "district")
"""The properties that name a district, most preferred first."""


class DistrictIndex:
    """The districts of a GeoJSON FeatureCollection, prepared for many point lookups.

    A district is named by the first property of `keys` its feature has (the console's own
    district layers carry "code"; Boston's ward file carries "WARD"), else by the feature's "id",
    else by its position in the collection. A point on a shared boundary belongs to the first
    district listed.

    Attributes:
        names: the district names, in the order of the collection.
    """

    def __init__(self, geojson: Mapping[str, Any], keys: Sequence[str] = DISTRICT_KEYS) -> None:
        features = geojson["features"] if geojson.get("type") == "FeatureCollection" else [geojson]
        self.names: list[str] = []
        geometries = []
        for position, feature in enumerate(features):
            if not feature.get("geometry"):
                continue
            geometry = shape(feature["geometry"])
            if not geometry.is_valid:
                geometry = shapely.make_valid(geometry)
            geometries.append(geometry)
            self.names.append(_name_of(feature, keys, position))
        self._tree = shapely.STRtree(geometries)

    def district_at(self, lat: float, lon: float) -> str | None:
        """The name of the district containing (lat, lon), or None outside every district."""
        hits = self._tree.query(shapely.Point(lon, lat), predicate="intersects")
        return self.names[int(min(hits))] if len(hits) else None


def _name_of(feature: Mapping[str, Any], keys: Sequence[str], position: int) -> str:
    properties = feature.get("properties") or {}
    for key in keys:
        value = properties.get(key)
        if value is not None and str(value) != "":
            return str(value)
    if feature.get("id") is not None:
        return str(feature["id"])
    return str(position)


def point_in_districts(
    lat: float, lon: float, geojson: Mapping[str, Any], keys: Sequence[str] = DISTRICT_KEYS
) -> str | None:
    """The district (code or name, see DistrictIndex) containing (lat, lon), or None.

    None means the point is outside every district of the city: the intake form warns about it.
    For many lookups on the same outlines, build a DistrictIndex once instead.
    """
    return DistrictIndex(geojson, keys).district_at(lat, lon)
