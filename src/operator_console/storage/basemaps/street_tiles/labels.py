"""Where street names go at one zoom level: along straight stretches, upright, never overlapping.

Labels are placed once for the whole zoom level in world pixels, so a name that crosses a tile's
edge is drawn at the same place in every tile it touches, and is never cut.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import shapely
from PIL import ImageFont
from shapely.geometry import MultiLineString, Polygon

from operator_console.storage.basemaps.street_tiles.streets import Coordinates, Street
from operator_console.storage.basemaps.street_tiles.style import (
    HALO_WIDTH,
    StreetClass,
    label_size,
)

_STEP = 12.0
"""Pixels between two positions tried along a street."""
_MAX_BEND = 2.5
"""How far (pixels) a street may stray from the straight line under its name."""
_GAP = 4.0
"""Pixels kept free around a name."""
_CELL = 128.0


@dataclass(frozen=True)
class NamedLine:
    """A street's name and one stretch of it, its segments joined (Web Mercator units)."""

    name: str
    kind: StreetClass
    points: Coordinates


@dataclass(frozen=True)
class Label:
    """A name placed on the map: centre in world pixels, angle in degrees (clockwise on screen)."""

    text: str
    size: int
    x: float
    y: float
    angle: float
    bounds: tuple[float, float, float, float]


@cache
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The names' typeface (Pillow's own, so every computer draws the same pixels)."""
    return ImageFont.load_default(size)


def named_lines(streets: Sequence[Street]) -> list[NamedLine]:
    """Streets of the same name and class joined into stretches, the most important and
    longest first (that is the order names are placed in)."""
    groups: dict[tuple[str, int], list[Street]] = defaultdict(list)
    for street in streets:
        if street.name:
            groups[(street.name, street.kind.rank)].append(street)
    lines: list[tuple[float, NamedLine]] = []
    for (name, _rank), members in groups.items():
        merged = shapely.line_merge(MultiLineString([m.points for m in members]))
        parts = shapely.get_parts(merged)
        for part in parts:
            points = np.asarray(shapely.get_coordinates(part), dtype=np.float64)
            lines.append((float(shapely.length(part)), NamedLine(name, members[0].kind, points)))
    lines.sort(key=lambda item: (-item[1].kind.rank, -item[0], item[1].name, item[1].points[0, 0]))
    return [line for _length, line in lines]


def place_labels(lines: Sequence[NamedLine], zoom: int) -> list[Label]:
    """The names drawn at `zoom`, none overlapping another."""
    world = 256.0 * (1 << zoom)
    size = label_size(zoom)
    typeface = font(size)
    taken = _Taken()
    placed: list[Label] = []
    for line in lines:
        if zoom >= line.kind.label_zoom:
            width = float(typeface.getlength(line.name)) + 2 * HALO_WIDTH
            placed.extend(_place_along(line.name, size, line.points * world, width, taken))
    return placed


def _place_along(
    text: str, size: int, points: Coordinates, width: float, taken: _Taken
) -> list[Label]:
    """The line's names: tried from its middle outwards, on straight stretches, spaced apart."""
    steps = np.hypot(*np.diff(points, axis=0).T)
    distance = np.concatenate([[0.0], np.cumsum(steps)])
    length = float(distance[-1])
    half = width / 2 + _STEP
    if length < 2 * half:
        return []
    height = size + 2 * HALO_WIDTH
    spacing = max(4 * width, 420.0)
    offsets = np.arange(half, length - half + 1e-9, _STEP)
    order = np.argsort(np.abs(offsets - length / 2), kind="stable")
    chosen: list[float] = []
    labels: list[Label] = []
    for offset in offsets[order].tolist():
        if any(abs(offset - other) < spacing for other in chosen):
            continue
        start = _point_at(points, distance, offset - width / 2)
        end = _point_at(points, distance, offset + width / 2)
        inside = points[(distance > offset - width / 2) & (distance < offset + width / 2)]
        if _bend(start, end, inside) > _MAX_BEND:
            continue
        angle = _upright(math.degrees(math.atan2(end[1] - start[1], end[0] - start[0])))
        x, y = float((start[0] + end[0]) / 2), float((start[1] + end[1]) / 2)
        box = _box(x, y, width + 2 * _GAP, height + 2 * _GAP, angle)
        if not taken.free(box):
            continue
        taken.add(box)
        chosen.append(offset)
        labels.append(Label(text, size, x, y, angle, _box(x, y, width, height, angle).bounds))
    return labels


def _upright(angle: float) -> float:
    """The angle of a line, turned half a turn if its text would read upside down."""
    if angle > 90:
        return angle - 180
    if angle <= -90:
        return angle + 180
    return angle


def _point_at(points: Coordinates, distance: Coordinates, at: float) -> Coordinates:
    x = np.interp(at, distance, points[:, 0])
    y = np.interp(at, distance, points[:, 1])
    return np.array([x, y])


def _bend(start: Coordinates, end: Coordinates, inside: Coordinates) -> float:
    if len(inside) == 0:
        return 0.0
    chord = end - start
    length = math.hypot(chord[0], chord[1])
    if length == 0:
        return math.inf
    relative = inside - start
    return float(np.max(np.abs(relative[:, 0] * chord[1] - relative[:, 1] * chord[0])) / length)


def _box(x: float, y: float, width: float, height: float, angle: float) -> Polygon:
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    corners = []
    for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        u, v = dx * width / 2, dy * height / 2
        corners.append((x + u * cos - v * sin, y + u * sin + v * cos))
    return Polygon(corners)


class _Taken:
    """The room names already use, in a grid of cells for quick lookups."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[Polygon]] = defaultdict(list)

    def _keys(self, box: Polygon) -> Iterator[tuple[int, int]]:
        west, south, east, north = box.bounds
        for cx in range(math.floor(west / _CELL), math.floor(east / _CELL) + 1):
            for cy in range(math.floor(south / _CELL), math.floor(north / _CELL) + 1):
                yield cx, cy

    def free(self, box: Polygon) -> bool:
        return not any(
            box.intersects(other) for key in self._keys(box) for other in self._cells.get(key, ())
        )

    def add(self, box: Polygon) -> None:
        for key in self._keys(box):
            self._cells[key].append(box)
