"""Writing small MBTiles files for tests: tiles given in XYZ numbering."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def write_mbtiles(path: Path, tiles: dict[tuple[int, int, int], bytes], name: str = "Tiny") -> Path:
    """An MBTiles file holding `tiles` ({(z, x, y): image}), with a name and an attribution."""
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
            " tile_data BLOB);"
            "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
        )
        metadata = [("name", name), ("format", "png"), ("attribution", "Test city")]
        db.executemany("INSERT INTO metadata VALUES (?, ?)", metadata)
        for (z, x, y), image in tiles.items():
            row = (1 << z) - 1 - y  # TMS rows count from the south
            db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, row, image))
    db.close()
    return path
