"""Whether districts and address points lie where the city is: a wrong CRS, swapped lat/lon."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyproj
import shapely
from numpy.typing import NDArray
from shapely.geometry import shape

from operator_console.domain.geo import DistrictOutlines
from operator_console.services.city_bundle.csv_files import Problems
from operator_console.services.city_bundle.geojson_districts import LayerFile
from operator_console.services.city_bundle.model import AddressPoint, District

FAR_FROM_CENTER_KM = 50.0
# Address points in no district beyond this share suggest the points or districts are misplaced.
MOSTLY_OUTSIDE = 0.5


def check_placement(
    map_center: tuple[float, float] | None,
    layer_files: Sequence[LayerFile],
    address_file: str,
    points: Sequence[AddressPoint],
    problems: Problems,
) -> None:
    """A layer far from the map's centre is a warning, or an error when the address points lie
    around the centre too (then the layer is the one misplaced); the address points are then
    checked against the routing layer (the first), unless that layer is the one misplaced."""
    misplaced: set[str] = set()
    points_near_center = (
        map_center is not None and bool(points) and _mostly_near(points, map_center)
    )
    for layer_file in layer_files:
        if map_center is not None and _far_from_center(
            layer_file, map_center, problems, points_near_center
        ):
            misplaced.add(layer_file.file)
    routing = layer_files[0] if layer_files else None
    if routing is not None and routing.layer.districts and routing.file not in misplaced:
        _check_address_points(address_file, points, routing, problems)


def _mostly_near(points: Sequence[AddressPoint], center: tuple[float, float]) -> bool:
    """Whether most address points lie within FAR_FROM_CENTER_KM of the map's centre."""
    to_metres = _metres_around(*center)
    x, y = to_metres.transform([p.lon for p in points], [p.lat for p in points])
    near = np.hypot(np.asarray(x), np.asarray(y)) <= FAR_FROM_CENTER_KM * 1000
    return bool(near.sum() > MOSTLY_OUTSIDE * len(points))


def _metres_around(lat: float, lon: float) -> pyproj.Transformer:
    """Longitude/latitude to metres in a projection that keeps distances from (lat, lon) true."""
    around = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    return pyproj.Transformer.from_crs("EPSG:4326", around, always_xy=True)


def _far_from_center(
    layer_file: LayerFile,
    map_center: tuple[float, float],
    problems: Problems,
    points_near_center: bool,
) -> bool:
    districts = layer_file.layer.districts
    if not districts:
        return False
    lat, lon = map_center
    outlines = DistrictOutlines(district.geometry for district in districts)
    if outlines.district_at(lat, lon) is not None:
        return False
    nearest_km = _nearest_km(districts, lat, lon)
    if nearest_km <= FAR_FROM_CENTER_KM:
        return False
    if points_near_center:
        problems.add(
            layer_file.file,
            None,
            None,
            f"no district is within {FAR_FROM_CENTER_KM:.0f} km of city.toml's map_center "
            f"[{lat}, {lon}], around which most address points lie (the nearest district is "
            f"{nearest_km:,.0f} km away): the districts' CRS is likely wrong "
            f"({layer_file.crs.words()})",
        )
    else:
        problems.warn(
            layer_file.file,
            None,
            None,
            f"no district is within {FAR_FROM_CENTER_KM:.0f} km of city.toml's map_center "
            f"[{lat}, {lon}] (the nearest is {nearest_km:,.0f} km away): the districts' CRS may "
            f"be wrong ({layer_file.crs.words()}), or map_center is not in the city",
        )
    return True


def _nearest_km(districts: Sequence[District], lat: float, lon: float) -> float:
    """The distance from (lat, lon) to the nearest outline, measured in a projection that keeps
    distances from that point true."""
    to_metres = _metres_around(lat, lon)

    def metres(xy: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.column_stack(to_metres.transform(xy[:, 0], xy[:, 1]))

    outlines = shapely.transform([shape(district.geometry) for district in districts], metres)
    return float(shapely.distance(shapely.Point(0, 0), outlines).min()) / 1000


def _check_address_points(
    file: str, points: Sequence[AddressPoint], routing: LayerFile, problems: Problems
) -> None:
    """Most points in no district is a warning; an error when, with latitude and longitude
    exchanged, most of them would lie in one."""
    if not points:
        return
    outlines = DistrictOutlines(district.geometry for district in routing.layer.districts)
    found = outlines.districts_at([point.lat for point in points], [point.lon for point in points])
    outside = [point for point, district in zip(points, found, strict=True) if district is None]
    if len(outside) <= MOSTLY_OUTSIDE * len(points):
        return
    exchanged = outlines.districts_at(
        [point.lon for point in outside], [point.lat for point in outside]
    )
    inside_if_exchanged = sum(district is not None for district in exchanged)
    counted = (
        f"{len(outside):,} of {len(points):,} address points lie in no district of layer "
        f"{routing.layer.layer!r}"
    )
    if inside_if_exchanged > MOSTLY_OUTSIDE * len(outside):
        problems.add(
            file,
            1,
            None,
            f"{counted}, but {inside_if_exchanged:,} would with lat and lon exchanged: latitude "
            "and longitude may be swapped (check the header's lat and lon columns)",
        )
        return
    problems.warn(
        file,
        None,
        None,
        f"{counted} ({routing.file}) and will have none: latitude and longitude may be wrong "
        "(they must be WGS 84 degrees), or the points reach beyond the city",
    )
