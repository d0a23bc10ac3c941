"""MBTiles tile sets: raster tiles in a local SQLite file, opened read-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from operator_console.services.basemaps import MIME_TYPES, TilesetError, TilesetInfo


class MbtilesFile:
    """One .mbtiles file opened read-only; tiles are asked for in XYZ numbering (y down)."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        if not self.path.is_file():
            raise TilesetError(f"{path}: no such MBTiles file.")
        uri = f"{self.path.as_uri()}?mode=ro"
        # Read by one map worker thread at a time, never by two at once.
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            self.info = self._read_info()
        except sqlite3.DatabaseError as exc:
            self._connection.close()
            raise TilesetError(f"{path}: not an MBTiles file ({exc}).") from exc

    def _read_info(self) -> TilesetInfo:
        rows = self._connection.execute("SELECT name, value FROM metadata").fetchall()
        metadata = {str(name): str(value) for name, value in rows}
        image_format = metadata.get("format", "png").lower()
        if image_format not in MIME_TYPES:
            raise TilesetError(
                f"{self.path}: tiles in format '{image_format}' cannot be shown "
                f"(raster {', '.join(sorted(MIME_TYPES))} only)."
            )
        low, high = self._connection.execute(
            "SELECT min(zoom_level), max(zoom_level) FROM tiles"
        ).fetchone()
        if low is None:
            raise TilesetError(f"{self.path}: the tile set has no tiles.")
        return TilesetInfo(
            name=metadata.get("name") or self.path.stem,
            attribution=metadata.get("attribution", ""),
            image_format=image_format,
            min_zoom=int(metadata.get("minzoom", low)),
            max_zoom=int(metadata.get("maxzoom", high)),
            bounds=_parse_bounds(metadata.get("bounds")),
        )

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The image of tile z/x/y (XYZ, y counted from the north), or None when there is none."""
        size = 1 << z if 0 <= z <= 30 else 0
        if not (0 <= x < size and 0 <= y < size):
            return None
        row = size - 1 - y  # MBTiles rows follow TMS: counted from the south.
        try:
            found = self._connection.execute(
                "SELECT tile_data FROM tiles "
                "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, row),
            ).fetchone()
        except sqlite3.Error as exc:
            raise TilesetError(f"{self.path}: cannot read tile {z}/{x}/{y}: {exc}") from exc
        return None if found is None else bytes(found[0])

    def close(self) -> None:
        self._connection.close()


def _parse_bounds(text: str | None) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(part) for part in (text or "").split(","))
    except ValueError:
        return None
    return west, south, east, north
