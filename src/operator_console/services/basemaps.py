"""Base maps a city draws under its district outlines: tile sets read from local files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

MIME_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}


class TilesetError(ValueError):
    """A file that is not a usable raster tile set; the message names the file."""


@dataclass(frozen=True)
class TilesetInfo:
    """What the map needs to know about a tile set, from its metadata.

    Attributes:
        name: the tile set's name (the file name when the metadata has none).
        attribution: the attribution to show on the map ("" when none).
        image_format: "png", "jpg" or "webp".
        min_zoom: the lowest zoom level with tiles.
        max_zoom: the highest zoom level with tiles.
        bounds: (west, south, east, north) in degrees, or None when unknown.
    """

    name: str
    attribution: str
    image_format: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.image_format]


class Tileset(Protocol):
    """An opened tile set; tiles are asked for in XYZ numbering (y counted from the north).

    `tile` may be called from any one worker thread at a time, never from the Qt thread.
    """

    path: Path
    info: TilesetInfo

    def tile(self, z: int, x: int, y: int) -> bytes | None: ...

    def close(self) -> None: ...
