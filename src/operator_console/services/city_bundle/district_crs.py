"""A district file's CRS, as it or city.toml declares it, and the way to longitude/latitude."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyproj
from numpy.typing import NDArray

from operator_console.services.city_bundle.csv_files import Problems
from operator_console.services.city_bundle.manifest import LayerSpec

Transform = Callable[[NDArray[np.float64]], NDArray[np.float64]]
CRS_HINT = "give it as EPSG:<number>, e.g. the state-plane zone the file was exported in"


@dataclass(frozen=True)
class DistrictCrs:
    """How a district file's coordinates are read.

    Attributes:
        declared: the CRS as declared ("EPSG:2249, NAD83 / Massachusetts Mainland (ftUS)"), or
            None when neither the file nor city.toml declares one (longitude/latitude).
        in_manifest: True when city.toml's `crs` declares it rather than the file.
        to_lon_lat: the transform to longitude/latitude, None when they are that already.
    """

    declared: str | None = None
    in_manifest: bool = False
    to_lon_lat: Transform | None = None

    def words(self) -> str:
        """How the CRS was given, for a message: "declared EPSG:2249, ... in city.toml"."""
        if self.declared is None:
            return "none declared, so read as longitude/latitude"
        return f"declared {self.declared}{' in city.toml' if self.in_manifest else ''}"

    def projected_coordinates_problem(self) -> str:
        """What to say when the coordinates are feet or metres but are read as degrees."""
        if self.declared is None:
            return (
                "coordinates look projected (feet or metres): give the file's CRS in a "
                '"crs" member, or crs = "EPSG:...." in its [[districts]] table in city.toml'
            )
        where = "city.toml's crs for this layer" if self.in_manifest else 'the file\'s "crs" member'
        return (
            f"the declared CRS {self.declared} ({where}) does not match the coordinates, which "
            "look projected (feet or metres): declare instead the CRS the file was exported in, "
            "as EPSG:<number> (its state-plane zone, say)"
        )


def district_crs(
    spec: LayerSpec, document: dict[str, Any], problems: Problems
) -> DistrictCrs | None:
    """The file's CRS; None, with a problem recorded, for a CRS that cannot be used."""
    named = _crs_name(document)
    if named is False:
        problems.add(
            spec.file, 1, 1, 'the "crs" member is not {"type": "name", "properties": {"name": ...}}'
        )
        return None
    name = named or spec.crs
    if name is None:
        return DistrictCrs()
    try:
        crs = pyproj.CRS.from_user_input(name)
    except pyproj.exceptions.CRSError:
        given = "the file's" if named else "city.toml's crs for this layer:"
        problems.add(spec.file, 1, 1, f"{given} CRS {name!r} is not one pyproj knows ({CRS_HINT})")
        return None
    code = crs.to_epsg()
    declared = f"EPSG:{code}, {crs.name}" if code is not None else f"{name} ({crs.name})"
    wgs84 = pyproj.CRS.from_epsg(4326)
    if crs.is_geographic and crs.ellipsoid == wgs84.ellipsoid:
        return DistrictCrs(declared, not named)
    transformer = pyproj.Transformer.from_crs(crs, wgs84, always_xy=True)

    def to_lon_lat(xy: NDArray[np.float64]) -> NDArray[np.float64]:
        lons, lats = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack((lons, lats))

    return DistrictCrs(declared, not named, to_lon_lat)


def _crs_name(document: dict[str, Any]) -> str | bool | None:
    if "crs" not in document or document["crs"] is None:
        return None
    crs = document["crs"]
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    return name if isinstance(name, str) and name.strip() else False


def looks_like_lon_lat(features: Iterable[Any]) -> bool:
    """False when some feature's coordinates are beyond longitude/latitude (feet or metres)."""
    for feature in features:
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
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
