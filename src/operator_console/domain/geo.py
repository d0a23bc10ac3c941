"""Which district a point lies in: one rule for intake, re-routing and the demo-city builder."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape


class DistrictOutlines:
    """District outlines, GeoJSON geometries (lon/lat), in order of preference.

    A point lies in a district when its outline covers the point, boundary included; a point
    on a boundary that districts share, or where outlines overlap, belongs to the first one
    given. An outline that is not a valid polygon is repaired (`shapely.make_valid`) first.
    Threads may share the outlines: one at a time looks points up in them.
    """

    def __init__(self, outlines: Iterable[Mapping[str, Any]]) -> None:
        self._shapes = []
        # GEOS builds a prepared geometry's indexes on first use, unguarded: two threads at
        # once corrupt its memory (libgeos/geos#825).
        self._looking_up = threading.Lock()
        for outline in outlines:
            geometry = shape(outline)
            if not geometry.is_valid:
                geometry = shapely.make_valid(geometry)
            shapely.prepare(geometry)
            self._shapes.append(geometry)

    def __len__(self) -> int:
        return len(self._shapes)

    def district_at(self, lat: float, lon: float) -> int | None:
        """The position of the district holding (lat, lon), or None outside every district."""
        return self.districts_at([lat], [lon])[0]

    def districts_at(self, lats: Sequence[float], lons: Sequence[float]) -> list[int | None]:
        """`district_at` for many points at once."""
        xs = np.asarray(lons, dtype=float)
        ys = np.asarray(lats, dtype=float)
        found: list[int | None] = [None] * len(xs)
        left = np.arange(len(xs))
        with self._looking_up:
            for position, geometry in enumerate(self._shapes):
                if not left.size:
                    break
                inside = shapely.intersects_xy(geometry, xs[left], ys[left])
                for index in left[inside]:
                    found[int(index)] = position
                left = left[~inside]
        return found
