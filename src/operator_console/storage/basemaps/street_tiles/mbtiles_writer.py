"""Writing an MBTiles file: identical tiles (empty land, water) are stored once."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping
from pathlib import Path

_SCHEMA = """
CREATE TABLE metadata (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE images (tile_id TEXT PRIMARY KEY, tile_data BLOB NOT NULL);
CREATE TABLE map (
    zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT NOT NULL,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
);
CREATE VIEW tiles AS
    SELECT map.zoom_level, map.tile_column, map.tile_row, images.tile_data
    FROM map JOIN images ON images.tile_id = map.tile_id;
"""


class MbtilesWriter:
    """A new MBTiles file written at `path` (replaced when it exists) once `close()` is called."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._partial = path.with_name(path.name + ".partial")
        self._partial.unlink(missing_ok=True)
        self._connection = sqlite3.connect(self._partial)
        self._connection.executescript(_SCHEMA)

    def add_tiles(self, zoom: int, tiles: Mapping[tuple[int, int], bytes]) -> None:
        """Tiles by (column, row) in XYZ numbering (rows from the north)."""
        last_row = (1 << zoom) - 1
        images, places = [], []
        for (column, row), data in sorted(tiles.items()):
            tile_id = hashlib.sha1(data, usedforsecurity=False).hexdigest()
            images.append((tile_id, data))
            places.append((zoom, column, last_row - row, tile_id))  # MBTiles rows: from the south
        self._connection.executemany("INSERT OR IGNORE INTO images VALUES (?, ?)", images)
        self._connection.executemany("INSERT INTO map VALUES (?, ?, ?, ?)", places)

    def close(self, metadata: Mapping[str, str]) -> None:
        """Write the metadata and put the finished file in place."""
        self._connection.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(metadata.items()))
        self._connection.commit()
        self._connection.execute("VACUUM")
        self._connection.close()
        self._partial.replace(self.path)

    def abandon(self) -> None:
        """Close and remove the unfinished file."""
        self._connection.close()
        self._partial.unlink(missing_ok=True)
