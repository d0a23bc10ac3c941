"""MBTiles files as base maps: opened off the Qt thread, rows flipped to XYZ, problems named."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_console.app.basemap import open_base_map
from operator_console.services.basemaps import TilesetError
from operator_console.storage.basemaps.mbtiles import MbtilesFile
from tests.support.mbtiles import write_mbtiles


def test_mbtiles_rows_are_flipped_to_xyz(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "city.mbtiles", {(1, 0, 0): b"north-west"})
    tiles = MbtilesFile(path)
    assert tiles.tile(1, 0, 0) == b"north-west"
    assert tiles.tile(1, 0, 1) is None and tiles.tile(1, 5, 0) is None
    assert (tiles.info.name, tiles.info.min_zoom, tiles.info.max_zoom) == ("Tiny", 1, 1)
    assert tiles.info.mime_type == "image/png"
    tiles.close()


def test_a_file_that_is_not_mbtiles_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.mbtiles"
    path.write_text("not a database")
    with pytest.raises(TilesetError, match=r"notes\.mbtiles: not an MBTiles file"):
        MbtilesFile(path)


def test_the_settings_base_map_comes_opened(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "city.mbtiles", {(0, 0, 0): b"world"})
    base_map = open_base_map(str(path))
    assert base_map.tileset is not None and base_map.problem is None
    assert base_map.tileset.tile(0, 0, 0) == b"world"
    base_map.tileset.close()


def test_a_missing_file_leaves_a_problem_in_words(tmp_path: Path) -> None:
    base_map = open_base_map(str(tmp_path / "absent.mbtiles"))
    assert base_map.tileset is None
    assert (
        base_map.problem is not None and "absent.mbtiles: no such MBTiles file" in base_map.problem
    )


def test_a_malformed_setting_names_the_settings_file() -> None:
    with pytest.raises(ValueError, match=r"tile_url: tile_url .tiles\.example\.org. is neither"):
        open_base_map("tiles.example.org")
