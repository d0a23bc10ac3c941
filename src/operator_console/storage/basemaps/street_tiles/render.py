"""Street tiles built from a city's centrelines: raster MBTiles drawn with Pillow."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from operator_console.storage.basemaps.street_tiles.draw import TILE, Block, draw_block
from operator_console.storage.basemaps.street_tiles.labels import named_lines, place_labels
from operator_console.storage.basemaps.street_tiles.mbtiles_writer import MbtilesWriter
from operator_console.storage.basemaps.street_tiles.streets import read_streets

OSM_ATTRIBUTION = (
    '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
"""The attribution OpenStreetMap data needs (ODbL 1.0) wherever its streets are shown."""
BLOCK_TILES = 8
"""Tiles drawn together in one image, per side."""

Progress = Callable[[int, int], None]
"""Called with (tiles written, tiles in all) as the tiles are drawn."""


@dataclass(frozen=True)
class StreetTilesReport:
    """What was built: the file, its tiles and bytes, the labels written and the seconds taken."""

    path: Path
    tiles: int
    size_bytes: int
    labels: int
    seconds: float


def render_street_tiles(
    streets_geojson: Path,
    out_mbtiles: Path,
    min_zoom: int = 12,
    max_zoom: int = 16,
    name: str = "Streets",
    attribution: str = OSM_ATTRIBUTION,
    progress: Progress | None = None,
) -> StreetTilesReport:
    """Draw the streets of a GeoJSON file (lon/lat lines with `name` and `highway`) to an
    MBTiles file of PNG tiles, zoom `min_zoom` to `max_zoom` over the streets' extent.

    The same input gives the same file, byte for byte. Raises StreetsFileError (a ValueError
    naming the file) for a file that cannot be drawn.
    """
    if not 0 <= min_zoom <= max_zoom <= 20:
        raise ValueError(f"zoom levels {min_zoom}-{max_zoom}: expected 0 <= min <= max <= 20.")
    started = time.perf_counter()
    streets = read_streets(streets_geojson)
    lines = named_lines(streets)
    street_index = shapely.STRtree([shapely.box(*_extent(street.points)) for street in streets])
    west, north = np.min([street.points.min(axis=0) for street in streets], axis=0).tolist()
    east, south = np.max([street.points.max(axis=0) for street in streets], axis=0).tolist()
    levels = {z: _blocks(z, west, north, east, south) for z in range(min_zoom, max_zoom + 1)}
    total = sum(block.columns * block.rows for blocks in levels.values() for block in blocks)
    done = labels_written = 0
    writer = MbtilesWriter(out_mbtiles)
    try:
        for zoom, blocks in levels.items():
            labels = place_labels(lines, zoom)
            labels_written += len(labels)
            label_index = shapely.STRtree([shapely.box(*label.bounds) for label in labels])
            world = float(TILE * (1 << zoom))
            for block in blocks:
                area = shapely.box(*block.world_bounds)
                near = street_index.query(shapely.box(*(np.array(block.world_bounds) / world)))
                in_block = [streets[i] for i in sorted(near.tolist())]
                on_block = [labels[i] for i in sorted(label_index.query(area).tolist())]
                writer.add_tiles(zoom, draw_block(block, in_block, on_block))
                done += block.columns * block.rows
                if progress is not None:
                    progress(done, total)
        bounds = (west, north, east, south)
        writer.close(_metadata(name, attribution, (min_zoom, max_zoom), bounds))
    except BaseException:
        writer.abandon()
        raise
    seconds = time.perf_counter() - started
    size = out_mbtiles.stat().st_size
    return StreetTilesReport(out_mbtiles, total, size, labels_written, seconds)


def _extent(points: np.ndarray) -> tuple[float, float, float, float]:
    low, high = points.min(axis=0), points.max(axis=0)
    return float(low[0]), float(low[1]), float(high[0]), float(high[1])


def _blocks(zoom: int, west: float, north: float, east: float, south: float) -> list[Block]:
    """The blocks covering the extent (Web Mercator units), aligned on a grid of BLOCK_TILES."""
    count = 1 << zoom
    first_x, last_x = (min(count - 1, int(v * count)) for v in (west, east))
    first_y, last_y = (min(count - 1, int(v * count)) for v in (north, south))
    blocks = []
    for bx in range(first_x // BLOCK_TILES, last_x // BLOCK_TILES + 1):
        for by in range(first_y // BLOCK_TILES, last_y // BLOCK_TILES + 1):
            x0 = max(first_x, bx * BLOCK_TILES)
            y0 = max(first_y, by * BLOCK_TILES)
            x1 = min(last_x, bx * BLOCK_TILES + BLOCK_TILES - 1)
            y1 = min(last_y, by * BLOCK_TILES + BLOCK_TILES - 1)
            blocks.append(Block(zoom, x0, y0, x1 - x0 + 1, y1 - y0 + 1))
    return blocks


def _lonlat(x: float, y: float) -> tuple[float, float]:
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return lon, lat


def _metadata(
    name: str,
    attribution: str,
    zooms: tuple[int, int],
    bounds: tuple[float, float, float, float],
) -> dict[str, str]:
    min_zoom, max_zoom = zooms
    west, north, east, south = bounds
    lon0, lat1 = _lonlat(west, north)
    lon1, lat0 = _lonlat(east, south)
    centre_lon, centre_lat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    return {
        "name": name,
        "format": "png",
        "type": "baselayer",
        "version": "1",
        "description": "Streets and their names, drawn from street centrelines.",
        "attribution": attribution,
        "minzoom": str(min_zoom),
        "maxzoom": str(max_zoom),
        "bounds": f"{lon0:.6f},{lat0:.6f},{lon1:.6f},{lat1:.6f}",
        "center": f"{centre_lon:.6f},{centre_lat:.6f},{max(min_zoom, min(max_zoom, 15))}",
    }
